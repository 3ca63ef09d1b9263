#!/bin/sh
# candidates-corpus.sh -- `begrip candidates` on the real corpus, checked
# against the law text itself with python3's xml.etree (independent of
# begrip's reader):
#   - the list is well-formed: every kind present, scores in [0,1] and in
#     descending order, every candidate has provisions with
#     wetten.overheid.nl links, quoted evidence and a one-line rationale;
#   - every broken-reference candidate (all of them, up to 60) names an
#     article that the latest version of the target regulation does not
#     have in force (absent, or status vervallen / text "Vervallen");
#   - every unused-definition candidate's term (up to 60; for terms of three
#     words or more the first word) occurs at most once -- its defining
#     mention -- in the whole text of its regulation;
#   - stacking evidence is quoted from the regulation's text;
#   - refer-instead evidence is quoted from the proposed regulation;
#   - the income-support laws around the Awir appear together in a
#     harmonise candidate for partner or inkomen;
#   - --kind and --top filter, and the CSV has one row per candidate.
# Usage: sh tests/candidates-corpus.sh [CORPUSDIR] [BEGRIP]
set -eu
CORPUS=${1:-corpora/bwb}
BIN=${2:-./begrip}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

start=$(date +%s)
"$BIN" candidates --top 60 --format json "$CORPUS" > "$TMP/c.json"
end=$(date +%s)
echo "candidates-corpus: begrip candidates --top 60 on $CORPUS took $((end - start)) s"
"$BIN" candidates --kind broken-reference --top 3 --format csv "$CORPUS" > "$TMP/c.csv"

python3 - "$CORPUS" "$TMP/c.json" "$TMP/c.csv" <<'EOF'
import csv, glob, json, os, re, sys
import xml.etree.ElementTree as ET

corpus, jpath, cpath = sys.argv[1:4]
data = json.load(open(jpath, encoding="utf-8"))
cands = data["candidates"]
fail = []

def check(cond, msg):
    if not cond:
        fail.append(msg)

KINDS = ["harmonise", "refer-instead", "stacking", "broken-reference",
         "unused-definition", "undefined-use"]
for k in KINDS:
    check(any(c["kind"] == k for c in cands), "no candidate of kind " + k)
prev = 2.0
for c in cands:
    check(0.0 <= c["score"] <= 1.0, "score out of range: %r" % c)
    check(c["score"] <= prev + 1e-9, "not sorted at rank %d" % c["rank"])
    prev = c["score"]
    check(c["provisions"] and all(p["link"].startswith("https://wetten.overheid.nl/")
                                  for p in c["provisions"]), "provision links: rank %d" % c["rank"])
    check(c["evidence"].strip() != "", "no evidence: rank %d" % c["rank"])
    check(c["rationale"] and "\n" not in c["rationale"], "rationale: rank %d" % c["rank"])
    check(len(c["laws"]) >= 1, "no laws: rank %d" % c["rank"])

# the latest file of a BWB id: the dated file with the latest date, else
# the undated one
def latest_file(bwb):
    files = glob.glob(os.path.join(corpus, "**", bwb + "*.xml"), recursive=True)
    files = [f for f in files if re.match(re.escape(bwb) + r"(_\d{4}-\d{2}-\d{2})?\.xml$", os.path.basename(f))]
    if not files:
        return None
    def key(f):
        m = re.search(r"_(\d{4}-\d{2}-\d{2})\.xml$", f)
        return m.group(1) if m else ""
    return max(files, key=key)

def local(tag):
    return tag.rsplit("}", 1)[-1]

def text_of(el, skip=("meta-data",)):
    out = []
    def walk(e):  # text of e without the skipped elements (their tails kept)
        if local(e.tag) in skip:
            if e.tail: out.append(e.tail)
            return
        if e.text: out.append(e.text)
        for ch in e:
            walk(ch)
        if e.tail: out.append(e.tail)
    walk(el)
    return re.sub(r"\s+", " ", "".join(out))

parsed = {}
def parse(path):
    if path not in parsed:
        parsed[path] = ET.parse(path).getroot()
    return parsed[path]

def norm_nr(s):
    return re.sub(r"[.\s]+$", "", s.strip()).lower()

def article_nr(art):
    for ch in art:
        if local(ch.tag) == "kop":
            for k in ch:
                if local(k.tag) == "nr" and k.text:
                    return norm_nr("".join(k.itertext()))
    return norm_nr(art.get("label", "").replace("Artikel", "")) if art.get("label") else ""

def repealed(art, parents):
    e = art
    while e is not None:
        if e.get("status") == "vervallen":
            return True
        e = parents.get(e)
    body = text_of(art)
    kop = "".join(text_of(ch) for ch in art if local(ch.tag) == "kop")
    rest = body.replace(kop, "", 1).strip().strip("[]. ").lower()
    return rest == "vervallen"

# --- broken references
n_broken = 0
for c in [c for c in cands if c["kind"] == "broken-reference"][:60]:
    m = re.match(r"(BWB[RVW]\d{7}) artikel (.+)$", c["subject"])
    check(m is not None, "broken-reference subject: " + c["subject"])
    if not m:
        continue
    bwb, nr = m.group(1), norm_nr(m.group(2))
    f = latest_file(bwb)
    check(f is not None, "broken-reference target outside the corpus: " + bwb)
    if not f:
        continue
    root = parse(f)
    parents = {ch: p for p in root.iter() for ch in p}
    in_force = [a for a in root.iter() if local(a.tag) == "artikel" and article_nr(a) == nr
                and not repealed(a, parents)]
    check(not in_force, "broken-reference: %s artikel %s is in force in %s" % (bwb, nr, f))
    n_broken += 1

# --- unused definitions
n_unused = 0
for c in [c for c in cands if c["kind"] == "unused-definition"][:60]:
    term = c["subject"].lower()
    words = re.findall(r"\w+", term)
    probe = words[0] if len(words) >= 3 else term
    f = latest_file(c["laws"][0])
    if not f:
        check(False, "unused-definition law not in corpus: " + c["laws"][0])
        continue
    text = text_of(parse(f)).lower()
    k = text.count(probe)
    check(k <= 1, "unused-definition: '%s' occurs %d times in %s" % (probe, k, f))
    n_unused += 1

# --- stacking and refer-instead quotes: compared with the running text,
# without the numbers of leden and list items and the headings, which begrip
# keeps apart from the text
def body_text(f):
    return text_of(parse(f), ("meta-data", "li.nr", "lidnr", "kop"))

def quoted(ev):
    ev = re.sub(r"^.*?: ", "", ev, count=1) if ev and not ev.startswith("... ") else ev
    ev = ev.replace("... ", "").replace(" ...", "")
    return ev[:60].strip()

n_quote = 0
for c in [c for c in cands if c["kind"] == "stacking"][:20]:
    f = latest_file(c["laws"][0])
    q = c["evidence"].replace(" ...", "")[:60].strip()
    check(f is not None and q in body_text(f), "stacking quote not in law text: rank %d" % c["rank"])
    n_quote += 1
for c in [c for c in cands if c["kind"] == "refer-instead"][:20]:
    f = latest_file(c["provisions"][0]["bwb_id"])
    q = quoted(c["evidence"])
    check(f is not None and q in body_text(f), "refer-instead quote not in law text: rank %d (%s)" % (c["rank"], q))
    check(len(set(c["laws"])) >= 2, "refer-instead with one law: rank %d" % c["rank"])
    n_quote += 1

# --- income-support laws in a harmonise candidate
AWIR = "BWBR0018472"
INCOME = {"BWBR0015703", "BWBR0011353", "BWBR0002320", "BWBR0002221", "BWBR0007795",
          "BWBR0004043", "BWBR0004044", "BWBR0004163", "BWBR0018451", "BWBR0008659",
          "BWBR0017017", "BWBR0022751", "BWBR0011453", "BWBR0002368"}
hits = [c for c in cands if c["kind"] == "harmonise" and c["subject"] in ("partner", "inkomen")
        and AWIR in c["laws"] and len(INCOME & set(c["laws"])) >= 2]
check(hits, "no harmonise candidate for partner/inkomen joining the Awir and two income-support laws")
# the proposal around the Wet IB 2001 is the definition the other laws already follow
# (verzamelinkomen, art. 2.18), not the first of its own ("te conserveren inkomen", art. 2.8)
for c in cands:
    if c["kind"] == "harmonise" and c["subject"] == "inkomen" and c["laws"][0] == "BWBR0011353":
        prop = [p for p in c["provisions"] if p["role"] == "voorstel"]
        check(prop and prop[0]["label"] == "artikel 2.18",
              "inkomen around the Wet IB 2001 proposes %s" % (prop[0]["label"] if prop else None))

# --- --kind / --top / CSV
rows = list(csv.reader(open(cpath, encoding="utf-8", newline="")))
check(rows and rows[0][:3] == ["rank", "kind", "score"], "CSV header")
check(len(rows) == 4, "CSV --top 3: %d rows" % (len(rows) - 1))
check(all(r[1] == "broken-reference" for r in rows[1:]), "CSV --kind filter")

st = data["stats"]
print("candidates-corpus: %d candidates; %d regulations, %d references checked (%d to regulations outside the corpus, skipped)"
      % (len(cands), st["regulations"], st["refs_checked"], st["refs_outside_corpus"]))
print("candidates-corpus: checked %d broken references, %d unused definitions, %d quotes; %d harmonise candidates join the income-support laws"
      % (n_broken, n_unused, n_quote, len(hits)))
for m in fail[:30]:
    print("candidates-corpus: FAIL " + m)
if fail:
    print("candidates-corpus: %d failures" % len(fail))
    sys.exit(1)
print("candidates-corpus: ok")
EOF
