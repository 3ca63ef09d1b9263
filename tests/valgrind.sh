#!/bin/sh
# valgrind.sh BIN [CORPUSDIR] -- memcheck over `BIN stats` on about 25
# corpus files: the three largest, every toestand 2016-1 file and two
# toestand 2015-1 files, and every 150th file of the sorted rest (2012
# dump); plus `BIN tree --op` on the officiële-publicaties bills when
# corpora/bills is there.  Any memory error or a definite/indirect leak
# fails (valgrind exit 3).
set -eu
bin=${1:?usage: sh tests/valgrind.sh BIN [CORPUSDIR]}
corpus=${2:-corpora/bwb}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed" >&2; exit 1; }
[ -d "$corpus" ] || { echo "valgrind: no corpus at $corpus (run make corpus)" >&2; exit 1; }
list=$(mktemp) || exit 1
trap 'rm -f "$list"' EXIT
find "$corpus" -type f -name '*.xml' -printf '%s %p\n' | sort -rn | head -3 | cut -d' ' -f2- >"$list"
for f in $(find "$corpus" -type f -name '*_*.xml' | LC_ALL=C sort); do
	head -c 2000 "$f" | grep -q 'toestand_2016-1\|BWB-toestand/2016-1' && echo "$f"
done >>"$list"
for f in $(find "$corpus" -type f -name '*_*.xml' | LC_ALL=C sort); do
	head -c 2000 "$f" | grep -q '2016-1' || echo "$f"
done | awk 'NR % 40 == 1' >>"$list"
find "$corpus" -type f -name '*.xml' ! -name '*_*' | LC_ALL=C sort | awk 'NR % 150 == 1' >>"$list"
sort -u "$list" -o "$list"
n=$(wc -l <"$list" | tr -d ' ')
echo "valgrind: begrip stats on $n files"
vg="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=3"
# shellcheck disable=SC2046
$vg "$bin" stats --jobs 2 $(cat "$list") >/dev/null
bills=$(dirname "$corpus")/bills
if [ -d "$bills" ]; then
	for f in "$bills"/*.xml; do
		$vg "$bin" tree --op "$f" >/dev/null
	done
	echo "valgrind: begrip tree --op on $(ls "$bills"/*.xml | wc -l) bills"
fi
echo "valgrind: clean"
