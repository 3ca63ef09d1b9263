#!/bin/sh
# run-defs-spec.sh BIN -- spec tests of definition extraction: for every
# tests/spec/defs/NAME.xml (one regulation) or NAME/ (a directory of
# regulations that refer to each other), `BIN defs --format json` must
# print exactly the records of NAME.expected (JSON Lines written by hand
# from the XML), in order.  The "line" field is left out of the
# comparison: it reports where the reader saw the element, which is the
# reader's business, not the extractor's.  The lexicon is the committed
# lexicon/concepts.txt.
set -u
bin=${1:?usage: sh tests/run-defs-spec.sh BIN}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/tests/spec/defs
lex=$root/lexicon/concepts.txt
pass=0 fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
for input in "$dir"/*.xml "$dir"/*/; do
	[ -e "$input" ] || continue
	name=$(basename "${input%/}" .xml)
	if [ ! -f "$dir/$name.expected" ]; then
		echo "defs-spec: FAIL $name: no .expected file"
		fail=$((fail + 1))
		continue
	fi
	arg=$(basename "${input%/}")
	(cd "$dir" && "$bin" defs --jobs 1 --lexicon "$lex" --format json "$arg") >"$tmp" 2>&1
	rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "defs-spec: FAIL $name: exit status $rc"
		cat "$tmp"
		fail=$((fail + 1))
		continue
	fi
	if python3 - "$dir/$name.expected" "$tmp" <<'PY'
import json, sys
def load(path):
    out = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            sys.exit("%s:%d: not JSON: %s" % (path, n, e))
        rec.pop("line", None)
        out.append(rec)
    return out
want, got = load(sys.argv[1]), load(sys.argv[2])
ok = True
for i in range(max(len(want), len(got))):
    w = want[i] if i < len(want) else None
    g = got[i] if i < len(got) else None
    if w == g:
        continue
    ok = False
    if w is None or g is None:
        print("  record %d: %s" % (i + 1, "unexpected" if w is None else "missing"))
        print("   ", json.dumps(g if w is None else w, ensure_ascii=False))
        continue
    for k in sorted(set(w) | set(g)):
        if w.get(k) != g.get(k):
            print("  record %d (%s): %s: want %s, got %s" % (i + 1, w.get("term"), k,
                  json.dumps(w.get(k), ensure_ascii=False), json.dumps(g.get(k), ensure_ascii=False)))
sys.exit(0 if ok else 1)
PY
	then
		pass=$((pass + 1))
	else
		echo "defs-spec: FAIL $name"
		fail=$((fail + 1))
	fi
done
echo "defs-spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
