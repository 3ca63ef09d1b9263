#!/bin/sh
# report-test.sh CORPUSDIR [BIN] -- `begrip report` on the real corpus.
#   1. BIN report writes the report of CORPUSDIR into a temp dir (exit 0);
#      its time is printed beside `xmllint --stream --noout --nonet` over
#      the same files, and every file it wrote with its size.
#   2. python3's csv module reads the three CSV files back: the columns
#      and rows of definitions.csv equal `BIN defs --format json`, those of
#      complexity.csv `BIN complexity --format json`; candidates.csv,
#      report.json and the candidates table of begrip.sqlite agree; no text
#      cell starts with = + - @ (numbers may be negative).
#   3. sqlite3 queries begrip.sqlite: one regulations row per file, the
#      definitions of `defs`, the README's example queries run.
#   4. rapper (raptor2-utils) parses concepts.ttl as Turtle; every
#      skos:Concept has a skos:prefLabel and a skos:definition.
#   5. index.html renders in headless Chromium (tests/screenshot.py: a
#      non-blank PNG), and a click on a column header sorts the table:
#      the page's self-test (#selftest-sort=TABLE,COLUMN) dispatches the
#      clicks, chromium --dump-dom prints the DOM with the column's values
#      after each click, and they must be ascending, then descending.
#   6. Escaping: the report of tests/fixtures/report (law text with
#      <script>, &, quotes, and cells starting with = + - @) has one
#      <script> element in index.html (its own), the law text back byte for
#      byte in the HTML's text, report.json, begrip.sqlite and concepts.ttl,
#      and the CSV cells neutralised with a leading apostrophe.
#   7. Atomic replacement: a run over the corpus killed with SIGKILL half
#      way leaves the previous report byte for byte as it was; the next run
#      removes the killed run's temp directory and replaces the report.
# Run from the repository root (the lexicon paths are relative to it).
set -eu
corpus=${1:?usage: sh tests/report-test.sh CORPUSDIR [BIN]}
bin=${2:-./begrip}
[ -d "$corpus" ] || { echo "report-test: no corpus at $corpus (run make corpus)" >&2; exit 1; }
for t in sqlite3 rapper chromium xmllint python3; do
	command -v $t >/dev/null || { echo "report-test: $t is missing (make deps)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/begrip-report.XXXXXX")
trap 'rm -rf "$work"' EXIT
# a snapshot of the binary: every run below must see the same one
cp "$bin" "$work/begrip"
bin=$work/begrip
fail=0
ok() { echo "report-test: ok   $*"; }
bad() { echo "report-test: FAIL $*"; fail=1; }
now() { date +%s.%N; }

# ------------------------------------------------------------ 1. the run
out=$work/report
t0=$(now)
"$bin" report --out "$out" "$corpus" >"$work/run.out" 2>"$work/run.err" || {
	cat "$work/run.err"; bad "report exits $?"; exit 1; }
t1=$(now)
find "$corpus" -name '*.xml' -print0 | xargs -0 xmllint --stream --noout --nonet 2>/dev/null || true
t2=$(now)
python3 -c "import sys; a,b,c=map(float,sys.argv[1:]); print('report-test: time: begrip report %.1f s, xmllint --stream --noout %.1f s (x%.1f)' % (b-a, c-b, (b-a)/(c-b)))" "$t0" "$t1" "$t2"
cat "$work/run.out"
(cd "$out" && find . -type f | sort | xargs ls -l | awk '{printf "report-test: file %10d %s\n", $5, $9}')
for f in index.html definitions.csv complexity.csv candidates.csv report.json begrip.sqlite concepts.ttl summary.md; do
	[ -s "$out/$f" ] && ok "$f written" || bad "$f missing or empty"
done
ls "$work" | grep -q 'report\.\(tmp\|old\)\.' && bad "temp directories left beside the report" || ok "no temp directory left"

"$bin" defs --format json "$corpus" >"$work/defs.jsonl" 2>/dev/null || true
"$bin" complexity --format json "$corpus" >"$work/cx.json" 2>/dev/null || true

# ---------------------------------------- 2. CSV, JSON (python3 csv module)
python3 - "$out" "$work/defs.jsonl" "$work/cx.json" <<'EOF' || fail=1
import csv, json, sys
out, defs_path, cx_path = sys.argv[1:]
bad = 0
def check(name, cond, detail=""):
    global bad
    print("report-test: %s %s %s" % ("ok  " if cond else "FAIL", name, detail))
    bad |= not cond
def rows(name):
    with open(out + "/" + name, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))
def number(s):
    try:
        float(s); return True
    except ValueError:
        return False
defs = [json.loads(l) for l in open(defs_path, encoding="utf-8")]
cx = json.load(open(cx_path, encoding="utf-8"))
rep = json.load(open(out + "/report.json", encoding="utf-8"))
for name in ("definitions.csv", "complexity.csv", "candidates.csv"):
    r = rows(name)
    check(name + " is rectangular", all(len(x) == len(r[0]) for x in r), "(%d columns)" % len(r[0]))
    formula = [c for x in r[1:] for c in x if c[:1] in ("=", "+", "-", "@") and not number(c)]
    check(name + " has no formula cell", not formula, repr(formula[:3]))
d = rows("definitions.csv")
h = d[0]
check("definitions.csv rows = begrip defs records", len(d) - 1 == len(defs), "%d %d" % (len(d) - 1, len(defs)))
want = ["file", "bwb_id", "law_title", "date", "article", "lid", "item", "term", "concept", "kind"]
check("definitions.csv columns", h[:len(want)] == want and "text" in h and "link" in h, ",".join(h))
unq = lambda s: s[1:] if s[:1] == "'" and s[1:2] in ("=", "+", "-", "@", "\t", "\r") else s
key = lambda f: tuple(f[k] for k in ("file", "article", "lid", "item", "term", "kind", "text"))
a = sorted(key({k: unq(v) for k, v in zip(h, x)}) for x in d[1:])
b = sorted(key(x) for x in defs)
check("definitions.csv = begrip defs (file, article, lid, item, term, kind, text)", a == b)
check("report.json definitions = begrip defs", sorted(key(x) for x in rep["definitions"]) == b)
c = rows("complexity.csv")
regs = cx["regulations"]
check("complexity.csv rows = begrip complexity regulations", len(c) - 1 == len(regs), "%d %d" % (len(c) - 1, len(regs)))
hc = c[0]
ranked = {x["file"]: x["rank"] or None for x in regs}   # complexity: 0 = not ranked
got = {r[hc.index("file")]: (int(r[hc.index("rank")]) if r[hc.index("rank")] else None) for r in c[1:]}
same = sum(1 for f, k in ranked.items() if got.get(f) == k)
check("complexity.csv ranks = begrip complexity ranks", same == len(ranked), "%d of %d" % (same, len(ranked)))
check("report.json complexity rows", len(rep["complexity"]) == len(regs))
k = rows("candidates.csv")
check("candidates.csv columns", k[0][:3] == ["rank", "kind", "score"], ",".join(k[0]))
check("candidates.csv rows = report.json candidates", rep["candidates"] is not None and len(k) - 1 == len(rep["candidates"]), "%d" % (len(k) - 1))
scores = [float(x[2]) for x in k[1:]]
check("candidates.csv best first", scores == sorted(scores, reverse=True))
print("report-test: counts definitions=%d regulations=%d candidates=%d concepts=%d" % (len(defs), len(regs), len(k) - 1, len(rep["concepts"])))
open(out + "/../counts", "w").write("%d %d %d\n" % (len(defs), len(regs), len(k) - 1))
sys.exit(bad)
EOF

# ------------------------------------------------------------- 3. sqlite3
db=$out/begrip.sqlite
read ndefs nregs ncands <"$work/counts"
q() { sqlite3 -batch -readonly "$db" "$1"; }
nfiles=$(find "$corpus" -name '*.xml' | wc -l)
[ "$(q 'SELECT count(*) FROM regulations;')" = "$nfiles" ] && ok "sqlite regulations = $nfiles files" || bad "sqlite regulations"
[ "$(q 'SELECT count(*) FROM definitions;')" = "$ndefs" ] && ok "sqlite definitions = $ndefs" || bad "sqlite definitions $(q 'SELECT count(*) FROM definitions;')"
[ "$(q 'SELECT count(*) FROM candidates;')" = "$ncands" ] && ok "sqlite candidates = $ncands" || bad "sqlite candidates"
[ "$(q 'SELECT count(*) FROM regulation_measures;')" = "$nregs" ] && ok "sqlite regulation_measures = $nregs" || bad "sqlite regulation_measures"
[ "$(q "SELECT value FROM meta WHERE key='definitions';")" = "$ndefs" ] && ok "sqlite meta" || bad "sqlite meta"
# the README's example queries
q "SELECT concept, count(*) FROM definitions WHERE concept <> '' GROUP BY concept ORDER BY 2 DESC;" >/dev/null &&
q "SELECT r.title, m.stacking FROM provision_measures m JOIN regulations r ON r.id = m.regulation_id ORDER BY m.stacking DESC LIMIT 5;" >/dev/null &&
q "SELECT kind, count(*) FROM candidates GROUP BY kind;" >/dev/null &&
	ok "README example queries run" || bad "README example queries"

# ------------------------------------------------------------- 4. Turtle
if rapper -q -i turtle -c "$out/concepts.ttl" 2>"$work/rapper.err"; then ok "concepts.ttl parses (rapper -i turtle)"; else cat "$work/rapper.err"; bad "concepts.ttl does not parse"; fi
rapper -q -i turtle -o ntriples "$out/concepts.ttl" >"$work/ttl.nt" 2>/dev/null || true
python3 - "$work/ttl.nt" <<'EOF' || fail=1
import sys, re
S = "http://www.w3.org/2004/02/skos/core#"
concepts, pref, defn = set(), set(), set()
for l in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'(<[^>]*>) <([^>]*)> (.*) \.$', l)
    if not m:
        continue
    s, p, o = m.groups()
    if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" and o == "<%sConcept>" % S:
        concepts.add(s)
    if p == S + "prefLabel" and re.search(r'"@[a-z]+$', o):
        pref.add(s)
    if p == S + "definition" and re.search(r'"@[a-z]+$', o):
        defn.add(s)
ok = concepts and concepts <= pref and concepts <= defn
print("report-test: %s every skos:Concept (%d) has a tagged prefLabel and definition" % ("ok  " if ok else "FAIL", len(concepts)))
sys.exit(0 if ok else 1)
EOF

# ---------------------------------------------------- 5. Chromium: render, sort
if python3 tests/screenshot.py "$out/index.html" "$work/report.png" >"$work/shot.out" 2>&1; then
	ok "$(cat "$work/shot.out")"
	[ -n "${REPORT_SCREENSHOT:-}" ] && cp "$work/report.png" "$REPORT_SCREENSHOT"
else
	cat "$work/shot.out"; bad "screenshot"
fi
sorttest() { # sorttest TABLE COLUMN
	prof=$(mktemp -d "$work/chromium.XXXXXX")
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--no-first-run --user-data-dir="$prof" --dump-dom \
		"file://$(cd "$out" && pwd)/index.html#selftest-sort=$1,$2" >"$work/dom.html" 2>/dev/null || true
	python3 - "$work/dom.html" "$1" <<'EOF'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def attr(n):
    m = re.search(r'<body[^>]*\s%s="([^"]*)"' % n, dom)
    return [float(x) for x in html.unescape(m.group(1)).split("\x1f")] if m else None
b, f, s = attr("data-selftest-before"), attr("data-selftest-first"), attr("data-selftest-second")
ok = b is not None and f == sorted(b) and s == sorted(b, reverse=True) and f != b
print("report-test: %s click on a header of #%s sorts it (%s rows: ascending, then descending)"
      % ("ok  " if ok else "FAIL", sys.argv[2], len(b) if b else "no"))
sys.exit(0 if ok else 1)
EOF
}
sorttest t-concepts 2 || fail=1
sorttest t-complexity 3 || fail=1

# ------------------------------------------------------------ 6. escaping
fx=$work/fixture
"$bin" report --out "$fx" tests/fixtures/report >/dev/null 2>&1 || bad "report of the fixture"
python3 - "$fx" tests/fixtures/report/BWBR0099901.xml <<'EOF' || fail=1
import csv, json, sqlite3, subprocess, sys, html.parser, xml.etree.ElementTree as ET
fx, law = sys.argv[1:]
bad = 0
def check(name, cond, detail=""):
    global bad
    print("report-test: %s escaping: %s %s" % ("ok  " if cond else "FAIL", name, detail))
    bad |= not cond
# the law texts, as the XML parser reads them
root = ET.parse(law).getroot()
texts = [" ".join("".join(al.itertext()).split()) for al in root.iter("al")]
items = [t.split(": ", 1)[1] for t in texts if ": " in t and t[0] in "piwv"]
title = root.find("citeertitel").text
check("fixture has formula and markup text", len(items) == 4 and {t[0] for t in items} == set("=+-@"))
page = open(fx + "/index.html", encoding="utf-8").read()
check("one <script> element in index.html", page.lower().count("<script") == 1, str(page.lower().count("<script")))
check("no raw <img or </table> from the law", "<img" not in page and "</td></tr></table>;" not in page)
class Text(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True); s.t = []
    def handle_data(s, d): s.t.append(d)
p = Text(); p.feed(page); text = "".join(p.t)
check("law text back in the HTML's text", all(t in text for t in items) and title in text)
rep = json.load(open(fx + "/report.json", encoding="utf-8"))
check("law text back from report.json", sorted(d["text"] for d in rep["definitions"]) == sorted(items))
db = sqlite3.connect(fx + "/begrip.sqlite")
check("law text back from begrip.sqlite", sorted(r[0] for r in db.execute("SELECT text FROM definitions")) == sorted(items))
with open(fx + "/definitions.csv", newline="", encoding="utf-8") as f:
    r = list(csv.DictReader(f))
check("CSV cells neutralised with an apostrophe",
      sorted(x["text"] for x in r) == sorted("'" + t for t in items) and all(x["law_title"] == "'" + title for x in r))
nt = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", fx + "/concepts.ttl"],
                    capture_output=True, text=True)
unesc = nt.stdout.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
check("concepts.ttl parses and holds the law text", nt.returncode == 0 and all(t in unesc for t in items))
md = open(fx + "/summary.md", encoding="utf-8").read()
check("summary.md escapes markup", "<script>" not in md)
sys.exit(bad)
EOF

# ------------------------------------------------------- 7. kill half way
( cd "$out" && find . -type f | sort | xargs sha256sum ) >"$work/before.sum"
"$bin" report --out "$out" "$corpus" >/dev/null 2>&1 &
pid=$!
# half way: the definitions are read and the store is being written
n=0
while [ $n -lt 600 ] && ! ls "$out.tmp.$pid"/begrip.sqlite* >/dev/null 2>&1; do
	sleep 0.1; n=$((n + 1))
done
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
[ -d "$out.tmp.$pid" ] && ok "the killed run left its temp directory (killed half way)" || bad "the run was not killed half way"
( cd "$out" && sha256sum -c --quiet "$work/before.sum" ) && ok "SIGKILL half way: the previous report is intact" || bad "SIGKILL changed the previous report"
"$bin" report --out "$out" tests/fixtures/report >/dev/null 2>&1 || bad "the run after the kill"
[ ! -e "$out.tmp.$pid" ] && ok "the next run removed the killed run's temp directory" || bad "temp directory of the killed run still there"
[ "$(sqlite3 -batch -readonly "$out/begrip.sqlite" 'SELECT count(*) FROM regulations;')" = 1 ] &&
	ok "the next run replaced the report" || bad "the report was not replaced"

[ $fail = 0 ] && echo "report-test: all checks passed" || echo "report-test: FAILED"
exit $fail
