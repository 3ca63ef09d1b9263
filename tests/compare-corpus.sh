#!/bin/sh
# compare-corpus.sh BIN [CORPUSDIR] -- `begrip compare` on the real corpus.
#   1. partner, inkomen, vermogen as JSON: the output is consistent (matrix
#      symmetric with a zero diagonal, scores in [0,1] and equal to the
#      documented formula, the index counts what the variants hold, no
#      definition in two variants);
#   2. from the law text itself (read here with Python's xml.etree, not with
#      begrip): a provision of a regulation that defines partner purely by
#      pointing at another article of the same regulation ("partner: de
#      persoon bedoeld in artikel 3") lands in that article's variant; and
#      the partner tests of the Awir (art. 3: fiscal partner, pension
#      registration, ...) and the Participatiewet (art. 3: gezamenlijke
#      huishouding), visibly different in their text, are different
#      variants with a divergence of at least 0.6;
#   3. --versions on the Participatiewet 2024 and 2026: a term whose
#      definition appears only in the 2026 text is "added", and article 3
#      lid 2 (who counts as married) is "changed";
#   4. the HTML page is self-contained (no script, no external resource)
#      and renders in headless Chromium (tests/screenshot.py).
set -eu
bin=${1:?usage: sh tests/compare-corpus.sh BIN [CORPUSDIR]}
corpus=${2:-corpora/bwb}
[ -d "$corpus" ] || { echo "compare-corpus: no corpus at $corpus (run make corpus)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/begrip-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
here=$(dirname "$0")

for c in partner inkomen vermogen; do
	"$bin" compare "$c" --format json --jobs 2 "$corpus" >"$tmp/$c.json"
done
p24=$corpus/BWBR0015703_2024-01-01.xml
p26=$corpus/BWBR0015703_2026-01-01.xml
"$bin" compare --versions --format json "$p24" "$p26" >"$tmp/versions.json"

python3 - "$tmp" "$corpus" <<'PY'
import json, os, re, sys
import xml.etree.ElementTree as ET

tmp, corpus = sys.argv[1], sys.argv[2]
W = {"root": 0.2, "components": 0.5, "tokens": 0.3}
fails = []

def check(cond, msg):
    if not cond:
        fails.append(msg)

def where_article(where):
    m = re.match(r"artikel (\S+)", where)
    return m.group(1) if m else ""

docs = {}
for c in ("partner", "inkomen", "vermogen"):
    d = json.load(open(os.path.join(tmp, c + ".json")))
    docs[c] = d
    V = d["variants"]
    n = len(V)
    idx = d["index"]
    check(idx["variants"] == n, f"{c}: index variants {idx['variants']} != {n}")
    check(idx["definitions"] == sum(len(v["definitions"]) for v in V), f"{c}: definitions count")
    laws = {x["bwb_id"] for v in V for x in v["definitions"]}
    check(idx["laws"] == len(laws), f"{c}: laws count")
    M = d["matrix"]
    for a in range(n):
        check(M[a][a] == 0, f"{c}: diagonal")
        for b in range(n):
            check(abs(M[a][b] - M[b][a]) < 1e-9, f"{c}: matrix not symmetric")
            check(0 <= M[a][b] <= 1, f"{c}: score out of range")
    seen = set()
    for v in V:
        for x in v["definitions"]:
            key = (x["file"], x["where"])
            check(key not in seen, f"{c}: {key} in two variants")
            seen.add(key)
    for p in d["pairs"]:
        f = W["root"] * p["root"] + W["components"] * p["components"] + W["tokens"] * p["tokens"]
        check(abs(f - p["score"]) < 2e-4, f"{c}: pair {p['a']}-{p['b']} score is not the formula")
        ia, ib = int(p["a"][1:]) - 1, int(p["b"][1:]) - 1
        check(abs(M[ia][ib] - p["score"]) < 1e-4, f"{c}: pair score differs from the matrix")
        check(p["differences"], f"{c}: pair {p['a']}-{p['b']} explains nothing")
    print(f"compare-corpus: {c}: {idx['definitions']} definitions in {idx['laws']} laws, "
          f"{n} variants, entropy {idx['entropy']:.3f} (normalised {idx['entropy_normalised']:.3f}), "
          f"mean divergence {idx['mean_divergence']:.3f}")

# --- 2. from the law text -------------------------------------------------
def text(el):
    return " ".join("".join(t for t in el.itertext()).split())

def articles(path):
    """artikel nr -> list of al texts (meta-data left out)."""
    out = {}
    root = ET.parse(path).getroot()
    for md in root.iter():
        for ch in list(md):
            if ch.tag == "meta-data":
                md.remove(ch)
    for art in root.iter("artikel"):
        nr = art.find("kop/nr")
        if nr is None:
            continue
        key = "".join(nr.itertext()).strip().rstrip(".")
        out.setdefault(key, []).extend(text(al) for al in art.iter("al"))
    return out

P = docs["partner"]
variant_of = {}
for i, v in enumerate(P["variants"]):
    for x in v["definitions"]:
        variant_of[(x["file"], where_article(x["where"]))] = i
files = sorted({x["file"] for v in P["variants"] for x in v["definitions"]})
pure_ref = re.compile(r"^partner\s*:\s*(?:de |het )?(?:persoon|partner)?\s*,?\s*(?:als )?bedoeld in artikel (\w+)\s*[;.]?$")
found = 0
for f in files:
    for art, als in articles(f).items():
        for al in als:
            m = pure_ref.match(al)
            if not m:
                continue
            found += 1
            a, b = (f, art), (f, m.group(1))
            check(a in variant_of, f"partner: extraction: {f} artikel {art} ('{al}') gives no "
                  "partner definition (begrip defs)")
            check(b in variant_of, f"partner: extraction: {f} artikel {m.group(1)} gives no partner "
                  "definition (begrip defs)")
            if a in variant_of and b in variant_of:
                check(variant_of[a] == variant_of[b],
                      f"partner: {f} artikel {art} points at artikel {m.group(1)} but is in another variant")
                print(f"compare-corpus: partner: {os.path.basename(f)} artikel {art} ('{al}') "
                      f"is in the variant of artikel {m.group(1)}: V{variant_of[a] + 1}")
check(found > 0, "partner: no pure reference to another article found in the law text")

awir = os.path.join(corpus, "BWBR0018472_2025-01-01.xml")
pw = os.path.join(corpus, "BWBR0015703_2026-01-01.xml")
ta, tp = " ".join(articles(awir)["3"]), " ".join(articles(pw)["3"])
check("pensioenregeling" in ta and "pensioenregeling" not in tp and "gezamenlijke huishouding" in tp,
      "the partner tests of Awir art. 3 and Participatiewet art. 3 are not as expected in the text")
va, vp = variant_of.get((awir, "3")), variant_of.get((pw, "3"))
check(va is not None and vp is not None, "partner: Awir art. 3 or Participatiewet art. 3 missing")
if va is not None and vp is not None:
    s = P["matrix"][va][vp]
    check(va != vp and s >= 0.6, f"partner: Awir art. 3 (V{va+1}) vs Participatiewet art. 3 (V{vp+1}): {s}")
    print(f"compare-corpus: partner: Awir art. 3 is V{va+1}, Participatiewet art. 3 is V{vp+1}, divergence {s:.3f}")

# --- 3. versions ------------------------------------------------------------
VS = json.load(open(os.path.join(tmp, "versions.json")))
old, new = articles(VS["a"]["file"]), articles(VS["b"]["file"])
old_text = " ".join(t for v in old.values() for t in v)
status = {t["term"]: t for t in VS["terms"]}
added = [t for t in VS["terms"] if t["status"] == "added"]
check(added, "versions: nothing added between the Participatiewet 2024 and 2026")
for t in added:
    # an added term is not defined in the old text
    check(not re.search(r"(^|\s)" + re.escape(t["term"]) + r"\s*:", old_text),
          f"versions: '{t['term']}' is called added but the 2024 text defines it")
def lid_texts(path):
    """(artikel nr, lid nr) -> whitespace-normalised text of the lid."""
    out = {}
    root = ET.parse(path).getroot()
    for md in root.iter():
        for ch in list(md):
            if ch.tag == "meta-data":
                md.remove(ch)
    for art in root.iter("artikel"):
        nr = art.find("kop/nr")
        if nr is None:
            continue
        a = "".join(nr.itertext()).strip().rstrip(".")
        for lid in art.findall("lid"):
            ln = lid.find("lidnr")
            if ln is not None:
                out[(a, "".join(ln.itertext()).strip().rstrip("."))] = text(lid)
    return out

lo, ln = lid_texts(VS["a"]["file"]), lid_texts(VS["b"]["file"])
where_re = re.compile(r"^artikel (\S+) lid (\S+(?:, \S+)*)$")
def lids_of(where):
    """"artikel 3 lid 1, 2" -> {("3", "1"), ("3", "2")}; None when not lid-level."""
    m = where_re.match(where or "")
    return None if not m else {(m.group(1), l) for l in m.group(2).split(", ")}
changed_lids = set()
for t in VS["terms"]:
    ka, kb = lids_of(t.get("where_a")), lids_of(t.get("where_b"))
    if not ka or ka != kb:
        continue
    if all(k in lo and k in ln and lo[k] == ln[k] for k in ka):
        # the same lid texts in both versions: its definitions are unchanged
        check(t["status"] == "unchanged", f"versions: '{t['term']}' ({t['where_a']}) has the same "
              f"text in both versions but is called {t['status']}")
    if t["status"] == "changed":
        changed_lids |= ka
# who counts as married (artikel 3 lid 2) was rewritten between the two texts
if lo.get(("3", "2")) != ln.get(("3", "2")):
    check(("3", "2") in changed_lids, "versions: artikel 3 lid 2 differs in the text but no term changed")
    print("compare-corpus: versions: artikel 3 lid 2 differs in the text and is reported changed")
counts = {}
for t in VS["terms"]:
    counts[t["status"]] = counts.get(t["status"], 0) + 1
print(f"compare-corpus: versions Participatiewet 2024 -> 2026: {counts}")

for f in fails:
    print("compare-corpus: FAIL " + f)
sys.exit(1 if fails else 0)
PY

# --- 4. the HTML page -----------------------------------------------------------
"$bin" compare partner --format html --output "$tmp/partner.html" --jobs 2 "$corpus"
if grep -Eiq '<script|<link|src=|@import|url\(' "$tmp/partner.html"; then
	echo "compare-corpus: FAIL the HTML page loads something" >&2
	exit 1
fi
python3 "$here/screenshot.py" "$tmp/partner.html" "$tmp/partner.png" --min-colors 32
echo "compare-corpus: all checks passed"
