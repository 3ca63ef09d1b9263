#!/bin/sh
# replay.sh BIN DIR -- replays every input kept under DIR (the fuzzers'
# regressions: tests/fuzz/regressions/<target>/) through begrip: `BIN stats`
# and `BIN tree --op` must end with exit 0 or 1 (never a crash, a
# sanitizer report or a timeout), and a failure must be exactly one
# "FILE:LINE:COL: error: MESSAGE" line.
set -u
bin=${1:?usage: sh tests/replay.sh BIN DIR}
dir=${2:?usage: sh tests/replay.sh BIN DIR}
# sanitizer reports must not look like an ordinary input error (exit 1)
ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
n=0 fails=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
for f in $(find "$dir" -type f ! -name '*.md' | LC_ALL=C sort); do
	n=$((n + 1))
	for cmd in stats "tree --op"; do
		# shellcheck disable=SC2086
		timeout 20 "$bin" $cmd "$f" >/dev/null 2>"$tmp"
		rc=$?
		if [ "$rc" -gt 1 ]; then
			echo "replay: FAIL $f: begrip $cmd exit $rc" >&2
			head -20 "$tmp" >&2
			fails=$((fails + 1))
		elif [ "$rc" = 1 ] && { [ "$(wc -l <"$tmp")" -ne 1 ] ||
			! grep -q "^$f:[0-9]*:[0-9]*: error: " "$tmp"; }; then
			echo "replay: FAIL $f: begrip $cmd: bad diagnostic: $(head -c 300 "$tmp")" >&2
			fails=$((fails + 1))
		fi
	done
done
echo "replay: $n inputs, $fails failures"
[ "$fails" -eq 0 ]
