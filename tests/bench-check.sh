#!/bin/sh
# bench-check.sh BIN [CORPUSDIR [RUNS]] -- speed of the drafter's check.
#
#  1. Builds the index of the corpus (`BIN index`) once, timed against
#     `xmllint --stream --noout` over the same files on two processes (the
#     baseline of bench.sh): the index build costs a few reads of the corpus.
#  2. Times `BIN check --db INDEX tests/drafts/draft50.xml` (a 50-article
#     draft) against `xmllint --noout tests/drafts/draft50.xml`: median of
#     RUNS (default 10, at least 5) runs of each with hyperfine when it is
#     installed, else of a loop of single runs timed by the shell; prints
#     both medians and their ratio.  Target: ratio <= 3 (the check costs a
#     few parses of the draft).  Each command is one process start, so the
#     ratio includes begrip's start (loading the lexicon and rules).  With
#     hyperfine, the mean CPU time (user + system) of both is printed too:
#     on a shared machine it moves less than wall time.
set -eu
bin=${1:?usage: sh tests/bench-check.sh BIN [CORPUSDIR [RUNS]]}
corpus=${2:-corpora/bwb}
runs=${3:-10}
[ "$runs" -ge 5 ] || runs=5
draft=$(dirname "$0")/drafts/draft50.xml
[ -d "$corpus" ] || { echo "bench-check: no corpus at $corpus (run make corpus)" >&2; exit 1; }
command -v xmllint >/dev/null 2>&1 || { echo "bench-check: xmllint not installed" >&2; exit 1; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT INT TERM

now() { date +%s.%N; }

# ------------------------------------------------------------ 1 index
# write back what earlier jobs left dirty (make bench runs bench.sh first,
# whose report runs write ~500 MB), so that it does not land in our timing
sync
find "$corpus" -type f -name '*.xml' | LC_ALL=C sort >"$work/files"
cat $(cat "$work/files") >/dev/null
s=$(now)
xargs -P 2 -n 64 xmllint --stream --noout --nonet <"$work/files" >/dev/null 2>&1 || true
e=$(now)
xl=$(echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }')
s=$(now)
"$bin" index --db "$work/index.sqlite" "$corpus" >/dev/null 2>"$work/index.err" || true
e=$(now)
ix=$(echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }')
[ -f "$work/index.sqlite" ] || { cat "$work/index.err" >&2; echo "bench-check: no index" >&2; exit 1; }
echo "bench-check: index of $(wc -l <"$work/files" | tr -d ' ') files: ${ix}s wall; xmllint --stream: ${xl}s;" \
	"ratio $(echo "$ix $xl" | awk '{ printf "%.1f", $1 / $2 }')"

# ------------------------------------------------------------ 2 check
# the index just written is ~100 MB of dirty pages: their writeback would
# run during the first timed checks (measured: +8 ms wall each, not CPU)
sync
"$bin" check --db "$work/index.sqlite" "$draft" >/dev/null
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" \
		"$bin check --db $work/index.sqlite $draft" "xmllint --noout $draft" >/dev/null 2>&1
	python3 - "$work/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
c, x = r[0]["median"], r[1]["median"]
print("bench-check: begrip check draft50.xml: median %.1f ms; xmllint --noout: median %.1f ms; "
      "ratio %.2f (target <= 3; hyperfine, %d runs each)" % (c * 1e3, x * 1e3, c / x, len(r[0]["times"])))
# CPU time (user + system, mean) is steadier than wall time on a shared machine
cc, xc = r[0]["user"] + r[0]["system"], r[1]["user"] + r[1]["system"]
print("bench-check: CPU (user+sys, mean): check %.1f ms; xmllint %.1f ms; ratio %.2f" % (cc * 1e3, xc * 1e3, cc / xc))
PY
else
	for cmd in check xmllint; do
		: >"$work/$cmd.t"
		i=0
		while [ $i -lt "$runs" ]; do
			s=$(now)
			if [ $cmd = check ]; then
				"$bin" check --db "$work/index.sqlite" "$draft" >/dev/null
			else
				xmllint --noout "$draft"
			fi
			e=$(now)
			echo "$s $e" | awk '{ printf "%.6f\n", $2 - $1 }' >>"$work/$cmd.t"
			i=$((i + 1))
		done
	done
	c=$(sort -n "$work/check.t" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	x=$(sort -n "$work/xmllint.t" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	echo "bench-check: begrip check draft50.xml: median $c s; xmllint --noout: median $x s;" \
		"ratio $(echo "$c $x" | awk '{ printf "%.2f", $1 / $2 }') (target <= 3; $runs runs each)"
fi
