#!/bin/sh
# hostile.sh BIN OUTDIR -- the reader against hostile and broken input.
#
# Generates into OUTDIR (build/hostile) one file per attack or defect and a
# few good files, then checks, for every file on its own and for all of
# them in one run:
#   * a bad file: exit 1, exactly one stderr line "FILE:LINE:COL: error:
#     MESSAGE" naming that file, no crash (exit < 128) within `timeout 20`;
#   * a good file (including a UTF-16 one): exit 0 and the right counts,
#     also when it is read in the same run as all the bad ones;
#   * no network connection and no open of a file the document points at
#     (/etc/passwd, a local DTD), checked with strace when it is installed;
#   * exact messages for the cases whose message is begrip's own;
#   * usage errors exit 2.
set -u
bin=${1:?usage: sh tests/hostile.sh BIN OUTDIR}
out=${2:?usage: sh tests/hostile.sh BIN OUTDIR}
# sanitizer reports must not look like an ordinary input error (exit 1)
ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
rm -rf "$out"
mkdir -p "$out"
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "hostile: FAIL $*" >&2; fails=$((fails + 1)); }

python3 - "$out" <<'PY' || exit 1
import sys
d = sys.argv[1] + "/"
def w(name, data):
    with open(d + name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
GOOD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE wetgeving SYSTEM "http://127.0.0.1:9/bwb-plus-meta-1_61w.dtd">\n'
        '<wetgeving bwb-id="BWBR0000001" soort="wet"><wet-besluit><wettekst>\n'
        '<artikel><kop><label>Artikel</label><nr>1</nr></kop>\n'
        '<lid><lidnr>1</lidnr><al>In deze wet wordt verstaan onder partner: de echtgenoot.</al></lid>\n'
        '<lid><lidnr>2</lidnr><al>Zie <extref doc="1.0:v:BWBR0018472&amp;artikel=3">artikel 3 Awir</extref>.</al></lid>\n'
        '</artikel></wettekst></wet-besluit></wetgeving>\n')
B = '<wetgeving bwb-id="BWBR0000001" soort="wet">'
# good files
w("good.xml", GOOD)
w("good-utf16.xml", b"\xff\xfe" + GOOD.replace('encoding="UTF-8"', 'encoding="UTF-16"')
  .replace("partner", "financi\u00eble partner").encode("utf-16-le"))
w("good-xinclude.xml", '<wetgeving xmlns:xi="http://www.w3.org/2001/XInclude" bwb-id="BWBR0000001">'
  '<artikel><al>Tekst <xi:include href="/etc/passwd" parse="text"/> eind.</al></artikel></wetgeving>')
w("good-external-dtd.xml", '<!DOCTYPE wetgeving SYSTEM "local.dtd">' + B + '<al>a</al></wetgeving>')
w("local.dtd", '<!ENTITY % q SYSTEM "/etc/passwd"> %q;')
# bad files
w("empty.xml", b"")
w("truncated.xml", GOOD[: len(GOOD) // 2])
w("not-xml.xml", "Dit is geen XML, maar een brief.\n")
w("wrong-root.xml", '<?xml version="1.0"?><html><body><p>artikel 1</p></body></html>')
w("invalid-utf8.xml", B.encode() + b"<al>a\xc3\x28 b \xff</al></wetgeving>")
w("latin1-as-utf8.xml", b'<?xml version="1.0" encoding="UTF-8"?>' + B.encode() + b"<al>Financi\xeble</al></wetgeving>")
w("broken-utf16.xml", b"\xff\xfe" + (B + "<al>a").encode("utf-16-le") + b"\x00\xd8\x41\x00"
  + "</al></wetgeving>".encode("utf-16-le"))
w("nul-byte.xml", B.encode() + b"<al>a\x00b</al></wetgeving>")
w("xxe-file.xml", '<!DOCTYPE wetgeving [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + B + "<al>&x;</al></wetgeving>")
w("xxe-http.xml", '<!DOCTYPE wetgeving [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>' + B + "<al>&x;</al></wetgeving>")
w("dtd-parameter-entities.xml", '<!DOCTYPE wetgeving SYSTEM "local.dtd" [<!ENTITY % p SYSTEM '
  '"http://127.0.0.1:9/p.dtd"> %p;]>' + B + "<al>a</al></wetgeving>")
w("billion-laughs.xml", '<?xml version="1.0"?><!DOCTYPE wetgeving [<!ENTITY a "lol">'
  + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(9))
  + "]>" + B + "<al>&j;</al></wetgeving>")
w("quadratic-blowup.xml", '<!DOCTYPE wetgeving [<!ENTITY a "' + "x" * 50000 + '">]>' + B
  + "<al>" + "&a;" * 50000 + "</al></wetgeving>")
w("undeclared-entity.xml", B + "<al>&nbsp;</al></wetgeving>")
w("deep-nesting.xml", B + "<a>" * 100000 + "</a>" * 100000 + "</wetgeving>")
w("huge-text-node.xml", B + "<al>" + "x" * (20 << 20) + "</al></wetgeving>")
w("long-text-block.xml", B + "<al>" + ("woord " * 200 + "\n") * 1000 + "</al></wetgeving>")
w("huge-attribute.xml", B + '<artikel status="' + "v" * (1 << 20) + '"><al>a</al></artikel></wetgeving>')
PY

# name | expected exit | expected message ("" = any, libxml2's own words)
cat >"$out/expect.txt" <<'EOT'
good.xml|0|
good-utf16.xml|0|
good-xinclude.xml|0|
good-external-dtd.xml|0|
empty.xml|1|empty file
truncated.xml|1|
not-xml.xml|1|
wrong-root.xml|1|not a BWB document: root element <html>
invalid-utf8.xml|1|
latin1-as-utf8.xml|1|
broken-utf16.xml|1|
nul-byte.xml|1|
xxe-file.xml|1|document type declares entities or an external subset (refused)
xxe-http.xml|1|document type declares entities or an external subset (refused)
dtd-parameter-entities.xml|1|document type declares entities or an external subset (refused)
billion-laughs.xml|1|
quadratic-blowup.xml|1|document type declares entities or an external subset (refused)
undeclared-entity.xml|1|
deep-nesting.xml|1|elements nested deeper than 128
huge-text-node.xml|1|
long-text-block.xml|1|text block longer than 1048576 bytes
huge-attribute.xml|1|attribute status longer than 4096 bytes
EOT

# 1. every file on its own
nbad=0 ngood=0
while IFS='|' read -r name want msg; do
	f=$out/$name
	timeout 20 "$bin" stats --format json "$f" >"$out/$name.out" 2>"$out/$name.err"
	rc=$?
	lines=$(wc -l <"$out/$name.err" | tr -d ' ')
	if [ "$rc" -gt 1 ]; then
		bad "$name: crashed, sanitizer report or timeout (exit $rc): $(head -c 500 "$out/$name.err")"
		continue
	fi
	[ "$rc" = "$want" ] && ok || bad "$name: exit $rc, want $want"
	if [ "$want" = 0 ]; then
		ngood=$((ngood + 1))
		[ "$lines" = 0 ] && ok || bad "$name: unexpected stderr: $(head -c 300 "$out/$name.err")"
		continue
	fi
	nbad=$((nbad + 1))
	[ "$lines" = 1 ] && ok || bad "$name: $lines stderr lines, want 1"
	line=$(head -n 1 "$out/$name.err")
	case $line in
	"$f":[0-9]*:[0-9]*": error: "?*) ok ;;
	*) bad "$name: malformed diagnostic: $(printf '%s' "$line" | head -c 300)" ;;
	esac
	rest=${line#"$f":}
	printf '%s\n' "$rest" | grep -Eq '^[0-9]+:[0-9]+: error: ' && ok ||
		bad "$name: no LINE:COL in: $(printf '%s' "$line" | head -c 200)"
	if [ -n "$msg" ]; then
		got=${line#*: error: }
		[ "$got" = "$msg" ] && ok || bad "$name: message '$got', want '$msg'"
	fi
done <"$out/expect.txt"
# a message pinned with its position
[ "$(cat "$out/empty.xml.err")" = "$out/empty.xml:1:1: error: empty file" ] && ok ||
	bad "empty.xml: diagnostic $(cat "$out/empty.xml.err")"

# 2. the good files' contents
python3 - "$out" <<'PY' || fails=$((fails + 1))
import json, sys
d = sys.argv[1] + "/"
want = {"articles": 1, "leden": 2, "references_external": 1, "references_internal": 0, "words": 13}
bad = 0
for name, extra in (("good.xml", 0), ("good-utf16.xml", 1)):
    s = json.load(open(d + name + ".out"))
    for k, v in want.items():
        v = v + (extra if k == "words" else 0)
        if s[k] != v:
            print(f"hostile: FAIL {name}: {k} = {s[k]}, want {v}", file=sys.stderr)
            bad += 1
    if s["parsed"] != 1:
        print(f"hostile: FAIL {name}: not parsed", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY
"$bin" tree "$out/good-utf16.xml" | grep -q 'text="In deze wet wordt verstaan onder financiële partner: de echtgenoot."' &&
	ok || bad "good-utf16.xml: text not read as UTF-16"
"$bin" tree "$out/good-xinclude.xml" >"$out/xinclude.tree" 2>&1
if grep -q 'root:' "$out/xinclude.tree" || ! grep -q 'text="Tekst eind."' "$out/xinclude.tree"; then
	bad "good-xinclude.xml: XInclude was processed"
else
	ok
fi

# 3. all files in one run: every bad file reported once, good ones still read
timeout 60 "$bin" stats --format json --jobs 2 "$out" >"$out/all.json" 2>"$out/all.err"
rc=$?
[ "$rc" = 1 ] && ok || bad "combined run: exit $rc, want 1"
[ "$(wc -l <"$out/all.err" | tr -d ' ')" = "$nbad" ] && ok ||
	bad "combined run: $(wc -l <"$out/all.err") stderr lines, want $nbad"
while IFS='|' read -r name want msg; do
	[ "$want" = 1 ] || continue
	[ "$(grep -c "^$out/$name:[0-9]*:[0-9]*: error: " "$out/all.err")" = 1 ] && ok ||
		bad "combined run: $name not reported exactly once"
done <"$out/expect.txt"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["parsed"]==int(sys.argv[2]) and s["failed"]==int(sys.argv[3]) else 1)' \
	"$out/all.json" "$ngood" "$nbad" && ok || bad "combined run: parsed/failed counts wrong in JSON"

# 4. no network, no foreign files (strace)
if command -v strace >/dev/null 2>&1; then
	strace -f -qq -e trace=connect,open,openat -o "$out/strace.log" \
		"$bin" stats --jobs 1 "$out" >/dev/null 2>&1
	if grep -q 'connect(' "$out/strace.log"; then
		bad "network connection attempted: $(grep 'connect(' "$out/strace.log" | head -3)"
	else
		ok
	fi
	if grep -E '"/etc/passwd"|local\.dtd|p\.dtd' "$out/strace.log"; then
		bad "a file named by a document was opened"
	else
		ok
	fi
else
	echo "hostile: strace not installed; network/file access not checked" >&2
fi

# 5. usage errors exit 2
for args in "stats --format xml" "stats --jobs 0" "stats --no-such-option" "tree" "no-such-command"; do
	# shellcheck disable=SC2086
	"$bin" $args >/dev/null 2>&1
	rc=$?
	[ "$rc" = 2 ] && ok || bad "begrip $args: exit $rc, want 2"
done

echo "hostile: $pass checks passed, $fails failed ($nbad bad and $ngood good files)"
[ "$fails" -eq 0 ]
