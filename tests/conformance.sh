#!/bin/sh
# conformance.sh BIN [CORPUSDIR] -- the reader on the whole real corpus.
#   1. `BIN stats --format json --per-file` over CORPUSDIR must read every
#      *.xml file: files = parsed = the number of *.xml files found, failed
#      = 0.  For the full corpus (a directory named bwb) the number of
#      files must also be the manifest's: 2,621.
#   2. tests/crosscheck.py counts the same things independently with
#      Python's xml.etree and requires exact agreement, on every file
#      (--all; it takes seconds) -- which includes the sample the
#      crosscheck uses by default: the income-support laws, every dated
#      file and 40 seeded random files.
set -eu
bin=${1:?usage: sh tests/conformance.sh BIN [CORPUSDIR]}
corpus=${2:-corpora/bwb}
[ -d "$corpus" ] || { echo "conformance: no corpus at $corpus (run make corpus)" >&2; exit 1; }
out=${TMPDIR:-/tmp}/begrip-conformance.$$.json
trap 'rm -f "$out"' EXIT
nxml=$(find "$corpus" -type f -name '*.xml' | wc -l | tr -d ' ')
# the full corpus (a directory named bwb): its size comes from the manifest
manifest=$(dirname "$0")/../corpora/manifest.tsv
if [ "$(basename "$corpus")" = bwb ] && [ -f "$manifest" ]; then
	want=$(grep -c '^bwb/[^/]*\.xml	' "$manifest")
	if [ "$nxml" != "$want" ]; then
		echo "conformance: $corpus has $nxml XML files, the manifest lists $want (run make corpus)" >&2
		exit 1
	fi
fi
"$bin" stats --format json --per-file "$corpus" >"$out"
python3 - "$out" "$nxml" "$corpus" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
ok = s["files"] == n and s["parsed"] == n and s["failed"] == 0 and len(s["documents"]) == n
print(f"conformance: files={s['files']} parsed={s['parsed']} failed={s['failed']} "
      f"(expected {n}) articles={s['articles']} leden={s['leden']} words={s['words']}")
for e in s["errors"][:10]:
    print(f"conformance: {e['file']}:{e['line']}:{e['column']}: {e['message']}")
sys.exit(0 if ok else 1)
PY
python3 "$(dirname "$0")/crosscheck.py" "$out" "$corpus" --all
