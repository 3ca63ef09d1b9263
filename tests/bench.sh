#!/bin/sh
# bench.sh BIN [CORPUSDIR [RUNS]] -- `BIN stats --jobs 2` (then `complexity` and
# `report`, each in its own table below) over the whole
# corpus against `xmllint --stream --noout --nonet` over the same files, in
# the same run, RUNS times each (default 5, interleaved), and prints the
# median wall, user and system time of each, their ratio, and begrip's peak
# RSS (GNU time).  The target is ratio <= 1.0: reading BWB into begrip's
# tree should cost no more than libxml2 merely streaming over the files.
# xmllint runs on 2 parallel processes too (xargs -P 2), so both use the
# same two cores.
set -eu
bin=${1:?usage: sh tests/bench.sh BIN [CORPUSDIR [RUNS]]}
corpus=${2:-corpora/bwb}
runs=${3:-5}
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus (run make corpus)" >&2; exit 1; }
command -v xmllint >/dev/null 2>&1 || { echo "bench: xmllint not installed" >&2; exit 1; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
find "$corpus" -type f -name '*.xml' | LC_ALL=C sort >"$work/files"
nfiles=$(wc -l <"$work/files" | tr -d ' ')
mb=$(du -sm "$corpus" | cut -f1)
gtime=
[ -x /usr/bin/time ] && gtime=/usr/bin/time

# one timed run: prints "wall user sys maxrss_kb"
timed() {
	if [ -n "$gtime" ]; then
		$gtime -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" ||
			{ cat "$work/err" >&2; exit 1; }
		cat "$work/t"
	else
		s=$(date +%s.%N)
		"$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
		e=$(date +%s.%N)
		echo "$s $e" | awk '{ printf "%.2f 0 0 0\n", $2 - $1 }'
	fi
}

# warm the page cache once
cat $(cat "$work/files") >/dev/null
i=0
while [ "$i" -lt "$runs" ]; do
	timed "$bin" stats --jobs 2 "$corpus" >>"$work/begrip"
	timed sh -c "xargs -P 2 -n 200 xmllint --stream --noout --nonet <'$work/files'" >>"$work/xmllint"
	i=$((i + 1))
done

median() { # column of file
	cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
bw=$(median "$work/begrip" 1); bu=$(median "$work/begrip" 2); bs=$(median "$work/begrip" 3)
xw=$(median "$work/xmllint" 1); xu=$(median "$work/xmllint" 2); xs=$(median "$work/xmllint" 3)
rss=$(median "$work/begrip" 4)
echo "bench: $nfiles files, $mb MB, median of $runs runs, 2 jobs each"
echo
echo "| program | wall s | user s | sys s | peak RSS |"
echo "|---|---:|---:|---:|---:|"
echo "| begrip stats --jobs 2 | $bw | $bu | $bs | $((rss / 1024)) MB |"
echo "| xmllint --stream --noout --nonet (xargs -P 2) | $xw | $xu | $xs | |"
echo
awk -v b="$bw" -v x="$xw" -v bc="$bu $bs" -v xc="$xu $xs" 'BEGIN {
	split(bc, p, " "); split(xc, q, " ");
	printf "ratio begrip/xmllint: wall %.2f, cpu (user+sys) %.2f (target wall <= 1.0)\n",
	       b / x, (p[1] + p[2]) / (q[1] + q[2]) }'

# ---------------------------------------------------------------------------
# begrip complexity (analyzer/complexity.c): the same comparison for the whole
# complexity run -- every per-provision and per-regulation measure, corpus
# ranks, duplicated n-grams -- as CSV (no provision text read back), against
# xmllint again, interleaved, same target.
: >"$work/cx"
: >"$work/xmllint2"
i=0
while [ "$i" -lt "$runs" ]; do
	timed "$bin" complexity --jobs 2 --format csv "$corpus" >>"$work/cx"
	timed sh -c "xargs -P 2 -n 200 xmllint --stream --noout --nonet <'$work/files'" >>"$work/xmllint2"
	i=$((i + 1))
done
cw=$(median "$work/cx" 1); cu=$(median "$work/cx" 2); cs=$(median "$work/cx" 3)
xw=$(median "$work/xmllint2" 1); xu=$(median "$work/xmllint2" 2); xs=$(median "$work/xmllint2" 3)
crss=$(median "$work/cx" 4)
echo
echo "| program | wall s | user s | sys s | peak RSS |"
echo "|---|---:|---:|---:|---:|"
echo "| begrip complexity --jobs 2 --format csv | $cw | $cu | $cs | $((crss / 1024)) MB |"
echo "| xmllint --stream --noout --nonet (xargs -P 2) | $xw | $xu | $xs | |"
awk -v b="$cw" -v x="$xw" -v bc="$cu $cs" -v xc="$xu $xs" 'BEGIN {
	split(bc, p, " "); split(xc, q, " ");
	printf "ratio complexity/xmllint: wall %.2f, cpu (user+sys) %.2f (target wall <= 1.0)\n",
	       b / x, (p[1] + p[2]) / (q[1] + q[2]) }'

# ---------------------------------------------------------------------------
# begrip report (analyzer/report.c): the main job -- every file read once for
# definitions, measures, candidate facts and store rows, then the corpus-wide
# comparisons, candidates, SQLite indexes and the report files -- against
# xmllint again, interleaved.  Issue #5's target is at most 2x xmllint.
: >"$work/rep"
: >"$work/xmllint3"
i=0
while [ "$i" -lt "$runs" ]; do
	rm -rf "$work/report"
	timed "$bin" report --jobs 2 --out "$work/report" "$corpus" >>"$work/rep"
	timed sh -c "xargs -P 2 -n 200 xmllint --stream --noout --nonet <'$work/files'" >>"$work/xmllint3"
	i=$((i + 1))
done
rw=$(median "$work/rep" 1); ru=$(median "$work/rep" 2); rs=$(median "$work/rep" 3)
xw=$(median "$work/xmllint3" 1); xu=$(median "$work/xmllint3" 2); xs=$(median "$work/xmllint3" 3)
rrss=$(median "$work/rep" 4)
echo
echo "| program | wall s | user s | sys s | peak RSS |"
echo "|---|---:|---:|---:|---:|"
echo "| begrip report --jobs 2 | $rw | $ru | $rs | $((rrss / 1024)) MB |"
echo "| xmllint --stream --noout --nonet (xargs -P 2) | $xw | $xu | $xs | |"
awk -v b="$rw" -v x="$xw" -v bc="$ru $rs" -v xc="$xu $xs" 'BEGIN {
	split(bc, p, " "); split(xc, q, " ");
	printf "ratio report/xmllint: wall %.2f, cpu (user+sys) %.2f (target wall <= 2.0)\n",
	       b / x, (p[1] + p[2]) / (q[1] + q[2]) }'
