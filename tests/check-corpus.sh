#!/bin/sh
# check-corpus.sh CORPUSDIR [BEGRIP] -- `begrip check` on the real corpus.
#
#  1. Builds an index of the corpus without BWBR0015703_2026-01-01.xml (a
#     temp dir of symlinks: the index holds the Participatiewet 2024), checks
#     the 2026 file and asserts that the definitions it reports as changed,
#     added or removed in the definition articles are exactly those a small
#     independent python3 xml.etree script finds by diffing the definition
#     lists ("... wordt verstaan onder: a. term: ...") of the 2024 and 2026
#     XML.
#  2. Checks the Staatsblad amending decree CORPUSDIR/../bills/stb-2025-263.xml:
#     exit 0, the act (Mediabesluit 2008) and the inserted articles 17a, 17b.
#  3. Checks tests/drafts/draft.{xml,md,txt} and draft-kst.xml: the same
#     findings (JSON, ignoring the file name), and a refer-instead
#     suggestion for the definition copied word for word from the Awir.
#  4. Bad drafts (empty, binary, latin-1) exit 1 with one error line;
#     --fail-on turns a finding into exit 3; an unknown kind is a usage error.
set -eu
CORPUS=${1:-corpora/bwb}
BEGRIP=${2:-./begrip}
BILLS=$(dirname "$CORPUS")/bills
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fail() { echo "check-corpus: FAIL: $*" >&2; exit 1; }

NEW=$CORPUS/BWBR0015703_2026-01-01.xml
OLD=$CORPUS/BWBR0015703_2024-01-01.xml
[ -f "$NEW" ] && [ -f "$OLD" ] || fail "Participatiewet 2024/2026 not in $CORPUS"

# ---------------------------------------------------------------- 1 delta
# CHECK_INDEX=FILE reuses an index built the same way (while developing)
if [ -n "${CHECK_INDEX:-}" ]; then
	cp "$CHECK_INDEX" "$TMP/idx.sqlite"
else
	mkdir "$TMP/corpus"
	for f in "$CORPUS"/*.xml; do
		b=$(basename "$f")
		[ "$b" = BWBR0015703_2026-01-01.xml ] || ln -s "$(cd "$(dirname "$f")" && pwd)/$b" "$TMP/corpus/$b"
	done
	"$BEGRIP" index --db "$TMP/idx.sqlite" "$TMP/corpus" 2>"$TMP/index.err" ||
		echo "check-corpus: index: $(wc -l < "$TMP/index.err") files reported (the index holds the rest)"
	[ -f "$TMP/idx.sqlite" ] || fail "no index built"
fi

"$BEGRIP" check --db "$TMP/idx.sqlite" --format json "$NEW" > "$TMP/pw.json" || fail "check of $NEW exited $?"
python3 - "$OLD" "$NEW" "$TMP/pw.json" <<'PY'
import json, re, sys
import xml.etree.ElementTree as ET

def text(e):
    return re.sub(r"\s+", " ", "".join(e.itertext())).strip()

def deflists(path):
    """term -> (article, body) for the items of 'wordt verstaan onder:' lists."""
    out = {}
    root = ET.parse(path).getroot()
    for art in root.iter("artikel"):
        if art.get("status") == "vervallen":
            continue
        kop = art.find("kop")
        nr = kop.findtext("nr", "").strip() if kop is not None else ""
        # definition lists: a lijst right after a text that says "verstaan onder"
        for parent in art.iter():
            kids = list(parent)
            for i, k in enumerate(kids):
                if k.tag != "lijst" or i == 0 or "verstaan onder" not in text(kids[i - 1]):
                    continue
                for li in k.findall("li"):
                    al = li.find("al")
                    if al is None:
                        continue
                    m = re.match(r"([^:;]{1,100}?)\s*:(\s|$)", text(al))
                    if not m:
                        continue
                    body = text(li)
                    nrtxt = li.findtext("li.nr", "")
                    body = body[len(nrtxt):].strip() if body.startswith(nrtxt) else body
                    out[m.group(1).strip().lower()] = (nr, body[m.end():].strip() if body.startswith(m.group(0)) else body)
    return out

old, new = deflists(sys.argv[1]), deflists(sys.argv[2])
norm = lambda s: re.sub(r"[^\w]+", " ", s.lower()).strip()
expect = set()
for t in new:
    if t not in old:
        expect.add((t, "added"))
    elif norm(old[t][1]) != norm(new[t][1]):
        expect.add((t, "changed"))
for t in old:
    if t not in new:
        expect.add((t, "removed"))
arts = {a for a, _ in list(old.values()) + list(new.values())}

rep = json.load(open(sys.argv[3]))
delta = rep["delta"]
assert delta and delta["basis"] == "version", "no version delta reported"
assert delta["bwb_id"] == "BWBR0015703" and delta["date"] == "2024-01-01", delta
got = set()
for d in delta["definitions"]:
    where = d["where_new"] or d["where_old"]
    art = where.split()[1] if where.startswith("artikel ") else ""
    if art in arts:
        got.add((d["term"].lower(), d["change"]))
if got != expect:
    print("python finds:", sorted(expect), file=sys.stderr)
    print("begrip check:", sorted(got), file=sys.stderr)
    sys.exit(1)
assert expect, "the two versions should differ in their definition lists"
print("check-corpus: Participatiewet 2026 vs 2024: %d definition changes in articles %s agree with xml.etree"
      % (len(expect), ", ".join(sorted(arts))))
PY
[ $? -eq 0 ] || fail "changed definitions differ from the independent diff"

# ---------------------------------------------------------------- 2 bill
STB=$BILLS/stb-2025-263.xml
if [ -f "$STB" ]; then
	"$BEGRIP" check --db "$TMP/idx.sqlite" --format json "$STB" > "$TMP/stb.json" || fail "check of $STB exited $?"
	python3 - "$TMP/stb.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["delta"]
assert d and d["basis"] == "amends", d
assert d["act"] == "Mediabesluit 2008", d["act"]
arts = [a for am in d["amendments"] for a in am["articles"]]
assert "17a" in arts and "17b" in arts, arts
print("check-corpus: stb-2025-263 amends %s, inserts articles %s" % (d["act"], ", ".join(arts)))
PY
	[ $? -eq 0 ] || fail "stb-2025-263"
else
	echo "check-corpus: $STB missing, skipped"
fi

# ---------------------------------------------------------------- 3 drafts
D=$(dirname "$0")/drafts
for f in draft.xml draft-kst.xml draft.md draft.txt; do
	"$BEGRIP" check --db "$TMP/idx.sqlite" --format json "$D/$f" > "$TMP/$f.json" || fail "check of $f exited $?"
done
python3 - "$TMP" <<'PY'
import json, sys
t = sys.argv[1]
runs = {}
for f in ("draft.xml", "draft-kst.xml", "draft.md", "draft.txt"):
    r = json.load(open("%s/%s.json" % (t, f)))
    r.pop("file")
    runs[f] = json.dumps(r, sort_keys=True)
base = runs["draft.xml"]
for f, s in runs.items():
    assert s == base, "%s gives other findings than draft.xml" % f
r = json.loads(base)
by = {d["term"]: d for d in r["definitions"]}
b = by["berekeningsjaar"]
assert b["refer_instead"], b
assert b["nearest"][0]["bwb_id"] == "BWBR0018472" and b["nearest"][0]["same_wording"], b["nearest"][0]
assert "Algemene wet inkomensafhankelijke regelingen" in b["suggestion"], b["suggestion"]
assert not by["mantelzorg"]["refer_instead"], "an own definition should not be sent elsewhere"
assert by["partner"]["target"].startswith("BWBR0018472 artikel 3"), by["partner"]
assert "refer-instead" in r["findings"]
print("check-corpus: 4 draft formats, same findings (%d definitions, %d articles); "
      "refer-instead: %s" % (len(r["definitions"]), len(r["articles"]), b["suggestion"]))
PY
[ $? -eq 0 ] || fail "drafts"
for fmt in text md html; do
	"$BEGRIP" check --db "$TMP/idx.sqlite" --format $fmt "$D/draft.md" > "$TMP/out.$fmt" || fail "--format $fmt"
	[ -s "$TMP/out.$fmt" ] || fail "--format $fmt printed nothing"
done
grep -q '<script' "$TMP/out.html" && fail "HTML with a script"
# the page renders (headless chromium; skipped when chromium is missing)
set +e
python3 "$(dirname "$0")/screenshot.py" "$TMP/out.html" "$TMP/out.png"; rc=$?
set -e
[ $rc -eq 0 ] || [ $rc -eq 2 ] || fail "the HTML page does not render"
grep -q 'refer instead to Algemene wet inkomensafhankelijke regelingen' "$TMP/out.text" || fail "text: no suggestion"

# ---------------------------------------------------------------- 4 errors
: > "$TMP/empty.txt"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' > "$TMP/binary.txt"
printf 'Artikel 1\n\nIn deze wet wordt verstaan onder: a. be\357nvloeding: iets.\n' > "$TMP/latin1.txt"
for f in empty.txt binary.txt latin1.txt; do
	set +e
	"$BEGRIP" check --db "$TMP/idx.sqlite" "$TMP/$f" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	set -e
	[ $rc -eq 1 ] || fail "$f: exit $rc, wanted 1"
	[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "$f: wanted one error line, got: $(cat "$TMP/err")"
	grep -q "^$TMP/$f:[0-9]*:[0-9]*: error: " "$TMP/err" || fail "$f: error line not FILE:LINE:COL: error: $(cat "$TMP/err")"
done
set +e
"$BEGRIP" check --db "$TMP/idx.sqlite" --fail-on refer-instead "$D/draft.md" > /dev/null; rc=$?
[ $rc -eq 3 ] || fail "--fail-on refer-instead: exit $rc, wanted 3"
"$BEGRIP" check --db "$TMP/idx.sqlite" --fail-on changed-definition "$D/draft.md" > /dev/null; rc=$?
[ $rc -eq 0 ] || fail "--fail-on changed-definition on a new draft: exit $rc, wanted 0"
"$BEGRIP" check --db "$TMP/idx.sqlite" --fail-on no-such-kind "$D/draft.md" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--fail-on no-such-kind: exit $rc, wanted 2"
"$BEGRIP" check --db "$TMP/nothing.sqlite" "$D/draft.md" > /dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "missing index: exit $rc, wanted 1"
set -e
echo "check-corpus: bad drafts exit 1 with one located error line; --fail-on gives exit 3"
echo "check-corpus: OK"
