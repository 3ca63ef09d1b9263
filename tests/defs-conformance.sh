#!/bin/sh
# defs-conformance.sh CORPUSDIR [BIN] -- `begrip defs` on the real corpus.
#
# 1. Extraction completes on every file: exit status 0, no error line.
# 2. Prints the number of records per kind and chain status.
# 3. Checks definitions of the income-support laws that were read off the
#    law text itself (the XML of the corpus), with their kind and target:
#    the Awir's partner (art. 3: lid 1 points to art. 5a AWR, leden 5 and 8
#    exclude) and toetsingsinkomen (art. 8 lid 1 "Toetsingsinkomen is: ..."),
#    the Awir's list items that point inside the Awir (art. 2 lid 1 f, i)
#    or to the Wet IB 2001 (j), the Participatiewet's gelijkstelling of
#    gehuwden and partners (art. 3 lid 1 and 2) and its gezamenlijke
#    huishouding (art. 3 lid 3), the Wet op de zorgtoeslag pointing to the
#    Zorgverzekeringswet and inheriting partner and toetsingsinkomen from the
#    Awir, the AWR's and the Wet IB 2001's own partner articles.
# 4. The same records, byte for byte, with BEGRIP_NO_OPENINGS=1 (TRE reads
#    every text whole instead of from the first place a trigger's match can
#    open, or up to where an anchored one can end: analyzer/defs.c, struct
#    lead and struct stop): the openings and stops save time, never a
#    match.
set -u
corpus=${1:?usage: sh tests/defs-conformance.sh CORPUSDIR [BIN]}
bin=${2:-./begrip}
out=$(mktemp) || exit 1
err=$(mktemp) || exit 1
whole=$(mktemp) || exit 1
trap 'rm -f "$out" "$err" "$whole"' EXIT

"$bin" defs --format json "$corpus" >"$out" 2>"$err"
rc=$?
if [ "$rc" -ne 0 ] || grep -q 'error:' "$err"; then
	echo "defs-conformance: FAIL: begrip defs exited $rc"
	head -20 "$err"
	exit 1
fi

BEGRIP_NO_OPENINGS=1 "$bin" defs --format json "$corpus" >"$whole" 2>/dev/null
if ! cmp -s "$out" "$whole"; then
	echo "defs-conformance: FAIL: records differ when TRE reads every text whole (BEGRIP_NO_OPENINGS=1)"
	diff "$out" "$whole" | head -6
	exit 1
fi
echo "defs-conformance: the same $(wc -l <"$out" | tr -d ' ') records when TRE reads every text whole"

python3 - "$out" "$corpus" <<'PY'
import collections, json, os, sys

path, corpus = sys.argv[1], sys.argv[2]
recs = [json.loads(l) for l in open(path, encoding="utf-8")]
kinds = collections.Counter(r["kind"] for r in recs)
chains = collections.Counter(r["chain_status"] or "-" for r in recs)
files = len({r["file"] for r in recs})
print("defs-conformance: %d records from %d files" % (len(recs), files))
print("  kinds:  " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
print("  chains: " + ", ".join("%s %d" % kv for kv in sorted(chains.items())))

# (file, article, lid, item, term contains, kinds, concept, target (bwb, article) or None,
#  chain_status or None)
facts = [
    ("BWBR0018472_2025-01-01.xml", "3", "1", "", "partner", {"reference", "modified_reference"},
     "partner", ("BWBR0002320", "5a"), "ok"),
    ("BWBR0018472_2025-01-01.xml", "3", "5", "", "partner", {"negative"}, "partner", None, None),
    ("BWBR0018472_2025-01-01.xml", "3", "8", "", "partner", {"negative"}, "partner", None, None),
    ("BWBR0018472_2025-01-01.xml", "8", "1", "", "toetsingsinkomen", {"own"}, "inkomen", None, None),
    ("BWBR0018472_2025-01-01.xml", "2", "1", "f", "partner", {"reference"}, "partner",
     ("BWBR0018472", "3"), "ok"),
    ("BWBR0018472_2025-01-01.xml", "2", "1", "i", "toetsingsinkomen", {"reference"}, "inkomen",
     ("BWBR0018472", "8"), "ok"),
    ("BWBR0018472_2025-01-01.xml", "2", "1", "j", "verzamelinkomen", {"reference"}, "inkomen",
     ("BWBR0011353", "2.18"), None),
    ("BWBR0015703_2026-01-01.xml", "3", "1", "d", "gehuwd", {"own"}, "partner", None, None),
    ("BWBR0015703_2026-01-01.xml", "3", "2", "a", "gehuwd of als echtgenoot", {"own"}, "partner", None, None),
    ("BWBR0015703_2026-01-01.xml", "3", "3", "", "gezamenlijke huishouding", {"own"}, "huishouden",
     None, None),
    ("BWBR0018451_2025-01-01.xml", "1", "1", "b", "zorgverzekering", {"reference"}, "",
     ("BWBR0018450", "1"), None),
    ("BWBR0018451_2025-01-01.xml", None, None, None, "partner", {"inherited"}, "partner",
     ("BWBR0018472", "3"), "ok"),
    ("BWBR0018451_2025-01-01.xml", None, None, None, "toetsingsinkomen", {"inherited"}, "inkomen",
     ("BWBR0018472", "8"), "ok"),
    ("BWBR0002320.xml", "5a", "1", "", "partner", {"own"}, "partner", None, None),
    # "In aanvulling op artikel 5a van de AWR ... onder partner mede verstaan": the fiscal
    # partner of the AWR, extended
    ("BWBR0011353.xml", "1.2", "1", "", "partner", {"modified_reference"}, "partner",
     ("BWBR0002320", "5a"), "ok"),
    # "In afwijking van artikel 3, eerste lid, onder a, van de Awir ... uitsluitend als partner
    # aangemerkt indien ..." (Huursubsidiewet)
    ("BWBR0008659.xml", "1a", "3", "", "partner", {"modified_reference"}, "partner",
     ("BWBR0018472", "3"), None),
    # a pre-modifier restricts what the pointer names
    ("BWBR0015703_2026-01-01.xml", "1", "", "h", "vrijheidsstraf", {"modified_reference"}, "",
     ("BWBR0001854", ""), None),
    # a body of alternatives, one without a pointer, is the law's own
    ("BWBR0004045.xml", "1", "", "j", "overheidswerknemer", {"own"}, "", None, None),
]

bad = 0
for f, art, lid, item, term, kset, concept, target, chain in facts:
    if not os.path.exists(os.path.join(corpus, f)):
        print("defs-conformance: FAIL %s is not in %s" % (f, corpus))
        bad += 1
        continue
    cands = [r for r in recs if os.path.basename(r["file"]) == f
             and (art is None or r["article"] == art)
             and (lid is None or r["lid"] == lid)
             and (item is None or r["item"] == item)
             and term in r["term"].lower()]
    ok = [r for r in cands if r["kind"] in kset and r["concept"] == concept
          and (target is None or (r["target"] and r["target"]["bwb_id"] == target[0]
                                  and r["target"]["article"] == target[1]))
          and (chain is None or r["chain_status"] == chain)]
    where = "%s art. %s lid %s %s" % (f, art or "*", lid or "-", item or "")
    if ok:
        print("  ok   %s: %s %r" % (where, ok[0]["kind"], ok[0]["term"]))
    else:
        bad += 1
        print("defs-conformance: FAIL %s: no %s record for %r (concept %s, target %s, chain %s)"
              % (where, "/".join(sorted(kset)), term, concept, target, chain))
        for r in cands:
            print("    found: %s %r concept=%s target=%s chain=%s" % (
                r["kind"], r["term"], r["concept"], r["target"], r["chain_status"]))

for k in ("own", "reference", "modified_reference", "inherited", "negative"):
    if not kinds[k]:
        print("defs-conformance: FAIL no %s records at all" % k)
        bad += 1
if bad:
    print("defs-conformance: %d of %d checks failed" % (bad, len(facts)))
    sys.exit(1)
print("defs-conformance: all %d checks passed" % len(facts))
PY
