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

median() { # column of file
	cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# versus NAME LABEL TARGET: RUNS interleaved timings of run_NAME (below)
# and of xmllint over the same files; prints the medians of both and their
# ratio against TARGET.
versus() {
	: >"$work/b.$1"
	: >"$work/x.$1"
	i=0
	while [ "$i" -lt "$runs" ]; do
		"run_$1" >>"$work/b.$1"
		timed sh -c "xargs -P 2 -n 200 xmllint --stream --noout --nonet <'$work/files'" >>"$work/x.$1"
		i=$((i + 1))
	done
	bw=$(median "$work/b.$1" 1); bu=$(median "$work/b.$1" 2); bs=$(median "$work/b.$1" 3)
	xw=$(median "$work/x.$1" 1); xu=$(median "$work/x.$1" 2); xs=$(median "$work/x.$1" 3)
	rss=$(median "$work/b.$1" 4)
	echo
	echo "| program | wall s | user s | sys s | peak RSS |"
	echo "|---|---:|---:|---:|---:|"
	echo "| $2 | $bw | $bu | $bs | $((rss / 1024)) MB |"
	echo "| xmllint --stream --noout --nonet (xargs -P 2) | $xw | $xu | $xs | |"
	awk -v n="$1" -v t="$3" -v b="$bw" -v x="$xw" -v bc="$bu $bs" -v xc="$xu $xs" 'BEGIN {
		split(bc, p, " "); split(xc, q, " ");
		printf "ratio %s/xmllint: wall %.2f, cpu (user+sys) %.2f (target wall <= %s)\n",
		       n, b / x, (p[1] + p[2]) / (q[1] + q[2]), t }'
}

# begrip stats: the reader alone, into begrip's document tree.
run_stats() { timed "$bin" stats --jobs 2 "$corpus"; }
# begrip complexity (analyzer/complexity.c): every per-provision and
# per-regulation measure, corpus ranks, duplicated n-grams, as CSV (no
# provision text read back).
run_complexity() { timed "$bin" complexity --jobs 2 --format csv "$corpus"; }
# begrip report (analyzer/report.c): the main job -- every file read once for
# definitions, measures, candidate facts and store rows, then the corpus-wide
# comparisons, candidates, SQLite indexes and the report files.
run_report() {
	rm -rf "$work/report"
	timed "$bin" report --jobs 2 --out "$work/report" "$corpus"
}

echo "bench: $nfiles files, $mb MB, median of $runs runs, 2 jobs each"
versus stats "begrip stats --jobs 2" 1.0
versus complexity "begrip complexity --jobs 2 --format csv" 1.0
versus report "begrip report --jobs 2" 2.0
