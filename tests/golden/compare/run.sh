#!/bin/sh
# run.sh BIN -- golden tests of `begrip compare` on the hand-written BWB
# fixtures in tests/fixtures/compare (five small laws, one in two
# versions).  Each CASE.args holds the command line after "compare"; the
# output must equal CASE.expected byte for byte.  The expected files were
# checked by hand against the fixture texts (README "Comparing a concept").
# With --update the outputs are written instead (review them with git diff).
set -u
bin=${1:?usage: sh tests/golden/compare/run.sh BIN [--update]}
update=${2:-}
dir=$(dirname "$0")
pass=0 fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
for args in "$dir"/*.args; do
	name=${args%.args}
	# shellcheck disable=SC2046
	"$bin" compare $(cat "$args") >"$tmp" 2>&1
	rc=$?
	if [ "$update" = --update ]; then
		cp "$tmp" "$name.expected"
		continue
	fi
	if [ $rc -eq 0 ] && [ -f "$name.expected" ] && diff -u "$name.expected" "$tmp"; then
		pass=$((pass + 1))
	else
		echo "golden compare: FAIL $(basename "$name") (exit $rc)"
		fail=$((fail + 1))
	fi
done
# the JSON must parse
if "$bin" compare partner --format json tests/fixtures/compare | python3 -m json.tool >/dev/null; then
	pass=$((pass + 1))
else
	echo "golden compare: FAIL json does not parse"
	fail=$((fail + 1))
fi
echo "golden compare: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 1 ]
