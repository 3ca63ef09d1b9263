#!/bin/sh
# fetch.sh [MIRROR [DEST]] -- fills DEST/bwb, DEST/bwb-extra, DEST/bills and
# DEST/bwb-schema (default DEST: the corpora/ folder this script is in) and
# verifies every file against corpora/manifest.tsv (bytes and SHA-256).
#
#   1. Files already present and correct are left alone, so a second run
#      only re-hashes (about a second for the whole corpus).
#   2. A missing or wrong file is copied from the local mirror MIRROR
#      (default ../shared/corpora) when the mirror has it.
#   3. Otherwise it is downloaded with curl from its public source, the raw
#      GitHub URL made from the manifest's repo, path_in_repo and commit.
#   4. Every installed file is hashed again; anything still wrong is named
#      on stderr and the script exits 1.
# The mirror's own README.md/SOURCES.tsv files have no public source; when
# they cannot be copied that is reported as a warning, not a failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mirror=${1:-../shared/corpora}
dest=${2:-$here}
manifest=$here/manifest.tsv
tab=$(printf '\t')
[ -f "$manifest" ] || { echo "corpus: $manifest missing" >&2; exit 1; }
mkdir -p "$dest"
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

# the files of the manifest that are missing or differ in DEST
check() {
	tail -n +2 "$manifest" | awk -F'\t' '{ print $3 "  " $1 }' >"$work/sums"
	(cd "$dest" && sha256sum -c --quiet "$work/sums" 2>/dev/null || true) |
		sed -n 's/: FAILED.*$//p' | LC_ALL=C sort -u >"$work/bad"
}

check
total=$(($(wc -l <"$manifest") - 1))
nbad=$(wc -l <"$work/bad" | tr -d ' ')
if [ "$nbad" -eq 0 ]; then
	echo "corpus: $total files in $dest, all verified"
	exit 0
fi
echo "corpus: $nbad of $total files missing or different in $dest; installing"

have_mirror=false
[ -d "$mirror/bwb" ] && have_mirror=true
$have_mirror || echo "corpus: no mirror at $mirror; downloading from the public sources"
copied=0 fetched=0 failed=0
if $have_mirror; then
	# one batch copy of everything the mirror has (a per-file loop costs
	# minutes on a busy machine)
	destabs=$(cd "$dest" && pwd)
	(cd "$mirror" && while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done) \
		<"$work/bad" >"$work/copy"
	if [ -s "$work/copy" ]; then
		(cd "$mirror" && tr '\n' '\0' <"$work/copy" |
			xargs -0 cp --parents -t "$destabs")
		copied=$(wc -l <"$work/copy" | tr -d ' ')
	fi
	check
fi
while IFS= read -r f; do
	line=$(awk -F'\t' -v f="$f" '$1 == f { print; exit }' "$manifest")
	repo=$(echo "$line" | cut -f4)
	path=$(echo "$line" | cut -f5)
	commit=$(echo "$line" | cut -f6)
	mkdir -p "$dest/$(dirname "$f")"
	if [ "$repo" != "-" ]; then
		url="https://raw.githubusercontent.com/$repo/$commit/$path"
		if ! command -v curl >/dev/null 2>&1; then
			echo "corpus: cannot fetch $f: curl is not installed" >&2
			failed=$((failed + 1))
		elif curl -fsSL --retry 2 --max-time 120 -o "$dest/$f.tmp" "$url"; then
			mv "$dest/$f.tmp" "$dest/$f"
			fetched=$((fetched + 1))
		else
			rm -f "$dest/$f.tmp"
			echo "corpus: download failed: $f <- $url" >&2
			failed=$((failed + 1))
		fi
	else
		echo "corpus: warning: $f has no public source and no mirror copy (metadata only)" >&2
	fi
done <"$work/bad"

check
still=0
while IFS= read -r f; do
	line=$(awk -F'\t' -v f="$f" '$1 == f { print; exit }' "$manifest")
	[ "$(echo "$line" | cut -f4)" = "-" ] && [ ! -f "$dest/$f" ] && continue
	if [ -f "$dest/$f" ]; then
		echo "corpus: $f does not match the manifest (bytes/sha256 differ)" >&2
	else
		echo "corpus: $f is missing" >&2
	fi
	still=$((still + 1))
done <"$work/bad"
echo "corpus: copied $copied from mirror, downloaded $fetched, $failed failed to download, $still not verified"
[ "$still" -eq 0 ]
