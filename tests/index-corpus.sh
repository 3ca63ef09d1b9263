#!/bin/sh
# index-corpus.sh CORPUSDIR [BIN] -- `begrip index` on the real corpus.
#   1. BIN index builds the SQLite store of CORPUSDIR (exit 0); the time is
#      printed beside `xmllint --stream --noout --nonet` over the same files.
#   2. The store is queried with the sqlite3 shell and must agree with the
#      corpus as other commands read it: one regulations row per XML file
#      (2,621 for the full corpus), per-file counts of artikelen, leden,
#      list items, definition items and references equal to `BIN stats
#      --format json --per-file`, every record of `BIN defs --format json`
#      present, no reference without a source, no dangling foreign key,
#      the provisions view whole (links name their law, parent addresses
#      are the parents'),
#      and -- when the corpus holds it -- the Awir (BWBR0018472) with its
#      title and a partner definition.
#   3. Atomic replacement: a run killed with SIGKILL half way and a run
#      stopped with SIGTERM leave the previous index byte for byte as it
#      was and nothing under the final name; SIGTERM removes its temp file,
#      and the next run removes what the killed run left.
# The binary and the lexicon are copied first, so that both runs of step 2
# see the same ones while the tree is being rebuilt or edited.
# Run from the repository root (the lexicon paths are relative to it).
set -eu
corpus=${1:?usage: sh tests/index-corpus.sh CORPUSDIR [BIN]}
bin=${2:-./begrip}
[ -d "$corpus" ] || { echo "index-corpus: no corpus at $corpus (run make corpus)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "index-corpus: the sqlite3 shell is missing (make deps)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/begrip-index.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/index.sqlite
# a snapshot of the binary and the lexicon: both runs below must see the
# same ones even when the tree is rebuilt or edited meanwhile
cp "$bin" "$work/begrip"
bin=$work/begrip
cp -R lexicon "$work/lexicon"
lex=$work/lexicon/concepts.txt
BEGRIP_COMPARE_LEXICON=$work/lexicon/compare.txt
BEGRIP_COMPLEXITY_LEXICON=$work/lexicon/complexity.txt
export BEGRIP_COMPARE_LEXICON BEGRIP_COMPLEXITY_LEXICON
fail=0
check() { # check NAME GOT WANT
	if [ "$2" = "$3" ]; then
		echo "index-corpus: ok   $1 = $2"
	else
		echo "index-corpus: FAIL $1: got '$2', want '$3'" >&2
		fail=1
	fi
}
q() { sqlite3 -batch -noheader "$db" "$1"; }
now() { date +%s.%N; }

# ---------------------------------------------------------------- 1. build
nxml=$(find "$corpus" -type f -name '*.xml' | wc -l | tr -d ' ')
t0=$(now)
"$bin" index --db "$db" --lexicon "$lex" "$corpus"
t1=$(now)
find "$corpus" -type f -name '*.xml' -print0 | xargs -0 xmllint --stream --noout --nonet 2>/dev/null || true
t2=$(now)
python3 -c "import sys; a,b,c=map(float,sys.argv[1:]); print(f'index-corpus: begrip index {b-a:.2f}s, xmllint --stream {c-b:.2f}s ({(b-a)/(c-b):.1f}x) on $nxml files')" "$t0" "$t1" "$t2"

# ---------------------------------------------------------------- 2. facts
check "schema version" "$(q "SELECT value FROM meta WHERE key = 'schema_version'")" \
	"$(sed -n 's/^#define BG_STORE_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$(dirname "$0")/../analyzer/store.h")"
check "user_version = meta schema_version" "$(q "PRAGMA user_version")" \
	"$(q "SELECT value FROM meta WHERE key = 'schema_version'")"
# measure_dist is the distribution of each measure over the articles of
# the latest versions, as provision_measures holds them
for m in stacking conditions exceptions delegations; do
	check "measure_dist $m" "$(q "SELECT group_concat(value || ':' || n, ' ') FROM
		(SELECT value, n FROM measure_dist WHERE measure = '$m' ORDER BY value)")" \
		"$(q "SELECT group_concat(v || ':' || c, ' ') FROM (SELECT CAST(m.$m AS REAL) AS v,
		count(*) AS c FROM provision_measures m JOIN regulations r ON r.id = m.regulation_id
		WHERE r.latest = 1 AND m.kind = 'artikel' GROUP BY v ORDER BY v)")"
done
check "meta files" "$(q "SELECT value FROM meta WHERE key = 'files'")" "$nxml"
check "regulations" "$(q "SELECT count(*) FROM regulations")" "$nxml"
if [ "$(basename "$corpus")" = bwb ]; then
	check "regulations (full corpus)" "$(q "SELECT count(*) FROM regulations")" 2621
fi
check "integrity" "$(q "PRAGMA integrity_check")" ok
check "dangling foreign keys" "$(q "PRAGMA foreign_key_check" | wc -l | tr -d ' ')" 0
check "references without a source" "$(q "SELECT count(*) FROM refs r LEFT JOIN regulations g
	ON g.id = r.regulation_id WHERE g.id IS NULL OR r.from_address = ''
	OR substr(r.from_address, 1, length(g.bwb_id)) <> g.bwb_id")" 0
check "provisions without a regulation" "$(q "SELECT count(*) FROM provisions p
	LEFT JOIN regulations g ON g.id = p.regulation_id WHERE g.id IS NULL")" 0
# provisions is a view over provision_rows (schema 3): every row shows,
# with its law, its parent's address and a link to that law
check "provisions view = provision_rows" "$(q "SELECT count(*) FROM provisions")" \
	"$(q "SELECT count(*) FROM provision_rows")"
check "provisions whose link does not name their law" "$(q "SELECT count(*) FROM provisions
	WHERE link NOT LIKE 'https://wetten.overheid.nl/jci1.3:c:' || bwb_id || '%'")" 0
check "provisions whose parent_address is not their parent's" "$(q "SELECT count(*)
	FROM provisions p JOIN provisions q ON q.id = p.parent_id WHERE p.parent_address <> q.address")" 0

# per-file counts against `begrip stats`
"$bin" stats --format json --per-file "$corpus" >"$work/stats.json"
q "SELECT g.file,
	(SELECT count(*) FROM provisions p WHERE p.regulation_id = g.id AND p.kind = 'artikel'),
	(SELECT count(*) FROM provisions p WHERE p.regulation_id = g.id AND p.kind = 'artikel' AND p.repealed),
	(SELECT count(*) FROM provisions p WHERE p.regulation_id = g.id AND p.kind = 'lid'),
	(SELECT count(*) FROM provisions p WHERE p.regulation_id = g.id AND p.kind = 'li'),
	(SELECT count(*) FROM provisions p WHERE p.regulation_id = g.id AND p.kind = 'definitie-item'),
	(SELECT count(*) FROM refs r WHERE r.regulation_id = g.id AND NOT r.external),
	(SELECT count(*) FROM refs r WHERE r.regulation_id = g.id AND r.external),
	g.bwb_id, g.title
	FROM regulations g ORDER BY g.id" | tr '|' '\t' >"$work/store.tsv"
python3 - "$work/stats.json" "$work/store.tsv" <<'PY' || fail=1
import json, sys
s = json.load(open(sys.argv[1]))
docs = {d["file"]: d for d in s["documents"]}
keys = ["articles", "articles_repealed", "leden", "list_items", "definition_items",
        "references_internal", "references_external"]
rows, bad = 0, 0
for line in open(sys.argv[2], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    rows += 1
    d = docs.get(f[0])
    if d is None:
        print(f"index-corpus: FAIL {f[0]} in the store, not in stats", file=sys.stderr)
        bad += 1
        continue
    got = [int(x) for x in f[1:8]]
    want = [d[k] for k in keys]
    if got != want or f[8] != d["bwb_id"] or f[9] != d["title"]:
        bad += 1
        if bad <= 5:
            print(f"index-corpus: FAIL {f[0]}: store {got} {f[8]!r}, stats {want} {d['bwb_id']!r}",
                  file=sys.stderr)
total = {k: sum(d[k] for d in docs.values()) for k in keys}
print(f"index-corpus: {'ok  ' if not bad and rows == len(docs) else 'FAIL'} per-file counts of "
      f"{rows} regulations equal `begrip stats` ({total['articles']} artikelen, "
      f"{total['leden']} leden, {total['list_items']} list items, "
      f"{total['references_internal'] + total['references_external']} references)")
sys.exit(0 if not bad and rows == len(docs) else 1)
PY

# every definition record of `begrip defs`
"$bin" defs --format json --lexicon "$lex" "$corpus" >"$work/defs.jsonl" || true
q "SELECT file, article, lid, item, term, kind, concept, chain_status FROM definitions ORDER BY id" \
	>"$work/defs.tsv"
python3 - "$work/defs.jsonl" "$work/defs.tsv" <<'PY' || fail=1
import json, sys
want = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = ["|".join(d[k] for k in ("file", "article", "lid", "item", "term", "kind", "concept",
                                 "chain_status")) for d in want]
got = open(sys.argv[2], encoding="utf-8").read().splitlines()
# terms are one line; the sqlite3 shell separates columns with '|'
ok = sorted(got) == sorted(want)
print(f"index-corpus: {'ok  ' if ok else 'FAIL'} definitions: {len(got)} in the store, "
      f"{len(want)} from `begrip defs`, same records: {ok}")
if not ok:
    for x in sorted(set(want) - set(got))[:3]: print("  missing:", x, file=sys.stderr)
    for x in sorted(set(got) - set(want))[:3]: print("  extra:  ", x, file=sys.stderr)
sys.exit(0 if ok else 1)
PY
check "definitions without a regulation" "$(q "SELECT count(*) FROM definitions WHERE regulation_id IS NULL")" 0
check "roots that are not records" "$(q "SELECT count(*) FROM definitions d WHERE root_id IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM definitions r WHERE r.id = d.root_id)")" 0

if [ -f "$corpus/BWBR0018472.xml" ]; then
	check "Awir short title" "$(q "SELECT short_title FROM regulations WHERE bwb_id = 'BWBR0018472' AND date = ''")" \
		"Algemene wet inkomensafhankelijke regelingen"
	check "Awir partner definitions present" \
		"$(q "SELECT count(*) > 0 FROM definitions WHERE bwb_id = 'BWBR0018472' AND concept = 'partner'
		AND provision_id IS NOT NULL")" 1
	check "Awir artikel 2 in the store" \
		"$(q "SELECT count(*) FROM provisions p JOIN regulations g ON g.id = p.regulation_id
		WHERE g.file LIKE '%/BWBR0018472.xml' AND p.address = 'BWBR0018472/artikel=2'")" 1
fi

# ------------------------------------------------------ 3. atomic replace
before=$(sha256sum "$db" | cut -d' ' -f1)
"$bin" index --db "$db" --lexicon "$lex" "$corpus" 2>/dev/null &
pid=$!
# half way: the temp file exists and has grown, the run is not done
i=0
while [ $i -lt 600 ]; do
	tmp=$db.tmp.$pid
	if [ -f "$tmp" ] && [ "$(stat -c %s "$tmp")" -gt 4000000 ]; then break; fi
	sleep 0.05
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
check "index after kill -9 (sha256 unchanged)" "$(sha256sum "$db" | cut -d' ' -f1)" "$before"
check "index after kill -9 readable" "$(q "SELECT count(*) FROM regulations")" "$nxml"
check "killed run's temp file left" "$(ls "$db".tmp.* 2>/dev/null | wc -l | tr -d ' ')" 1

"$bin" index --db "$db" --lexicon "$lex" "$corpus" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 600 ] && ! [ -f "$db.tmp.$pid" ]; do sleep 0.05; i=$((i + 1)); done
sleep 0.3
kill -TERM $pid
wait $pid 2>/dev/null || true
check "index after SIGTERM (sha256 unchanged)" "$(sha256sum "$db" | cut -d' ' -f1)" "$before"
# it removed its own temp file, and at its start the one the killed run left
check "temp files after SIGTERM" "$(ls "$db".tmp.* 2>/dev/null | wc -l | tr -d ' ')" 0

# a complete run replaces the index
one=$(find "$corpus" -type f -name '*.xml' | sort | head -n 1)
"$bin" index --db "$db" --lexicon "$lex" "$one"
check "temp files after a complete run" "$(ls "$db".tmp.* 2>/dev/null | wc -l | tr -d ' ')" 0
check "replaced by the complete run" "$(q "SELECT count(*) FROM regulations")" 1

[ $fail = 0 ] && echo "index-corpus: all checks passed"
exit $fail
