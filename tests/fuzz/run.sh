#!/bin/sh
# run.sh SECONDS BIN... -- runs each libFuzzer target for SECONDS with its
# seed corpus tests/fuzz/seeds/<target>/ and a scratch corpus in
# build-fuzz/corpus/<target>/.  A crash leaves crash-* in build-fuzz/ and
# makes this script fail: minimise it, fix the bug, and keep the input in
# tests/fuzz/regressions/ (tests/replay.sh replays those in `make test`).
set -eu
[ $# -ge 2 ] || { echo "usage: sh tests/fuzz/run.sh SECONDS BIN..." >&2; exit 2; }
secs=$1; shift
here=$(dirname "$0")
status=0
for bin in "$@"; do
	name=$(basename "$bin")
	seeds="$here/seeds/$name"
	work="build-fuzz/corpus/$name"
	mkdir -p "$work" build-fuzz/artifacts
	echo "fuzz: $name for ${secs}s (seeds: $seeds)"
	if ! "$bin" -max_total_time="$secs" -max_len=65536 -timeout=20 \
		-rss_limit_mb=2048 -artifact_prefix=build-fuzz/artifacts/ \
		-print_final_stats=1 "$work" "$seeds" 2>build-fuzz/$name.log; then
		tail -40 build-fuzz/$name.log >&2
		echo "fuzz: $name FAILED (see build-fuzz/$name.log, build-fuzz/artifacts/)" >&2
		status=1
	else
		grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' \
			build-fuzz/$name.log || true
	fi
done
exit $status
