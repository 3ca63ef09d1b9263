#!/bin/sh
# run-spec.sh BIN -- spec tests of the reader: for every
# tests/spec/reader/NAME.xml, `BIN tree [ARGS] NAME.xml` must print exactly
# NAME.expected (hand-written from the XML).  NAME.args, when present, holds
# extra options (e.g. --op for officiële publicaties).
set -u
bin=${1:?usage: sh tests/run-spec.sh BIN}
dir=$(dirname "$0")/spec/reader
pass=0 fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
for xml in "$dir"/*.xml; do
	name=${xml%.xml}
	args=
	[ -f "$name.args" ] && args=$(cat "$name.args")
	if [ ! -f "$name.expected" ]; then
		echo "spec: FAIL $(basename "$name"): no .expected file"
		fail=$((fail + 1))
		continue
	fi
	# shellcheck disable=SC2086
	if "$bin" tree $args "$xml" >"$tmp" 2>&1 && diff -u "$name.expected" "$tmp"; then
		pass=$((pass + 1))
	else
		echo "spec: FAIL $(basename "$name")"
		fail=$((fail + 1))
	fi
done
echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
