#!/bin/sh
# run-unit.sh CHECK_BIN... -- runs every Check unit-test binary, prints its
# summary line ("100%: Checks: N, Failures: 0, Errors: 0") and every
# failure, and fails when any binary fails or none was given.
set -u
[ $# -gt 0 ] || { echo "unit: no test binaries" >&2; exit 1; }
fail=0
for t in "$@"; do
	out=$(CK_VERBOSITY=normal "$t" 2>&1)
	rc=$?
	printf '%s: %s\n' "$(basename "$t")" "$(printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks' || echo 'no summary')"
	if [ $rc -ne 0 ]; then
		printf '%s\n' "$out" | grep -vE '^(Running suite|[0-9]+%: Checks)' >&2
		echo "unit: FAIL $(basename "$t") (exit $rc)" >&2
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "unit: all $# binaries passed"
exit $fail
