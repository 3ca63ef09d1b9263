#!/bin/sh
# make-manifest.sh [MIRROR] -- writes corpora/manifest.tsv from the local
# corpus mirror (default ../shared/corpora): one line per file of bwb/,
# bwb-extra/, bills/ and bwb-schema/ with its size and SHA-256, plus where
# it came from (repository, path in repository, commit) as the mirror's
# SOURCES.tsv files say ("-" for the mirror's own README/SOURCES files).
# corpora/fetch.sh verifies every file it installs against this manifest.
set -eu
mirror=${1:-../shared/corpora}
out=$(dirname "$0")/manifest.tsv
[ -d "$mirror/bwb" ] || { echo "make-manifest: no mirror at $mirror" >&2; exit 1; }
tmp=$out.tmp.$$
trap 'rm -f "$tmp" "$tmp.src" "$tmp.size" "$tmp.hash"' EXIT
# dir/file -> repo, path, commit, from the header-named columns of SOURCES.tsv
for d in bwb bwb-extra bills bwb-schema; do
	[ -f "$mirror/$d/SOURCES.tsv" ] || continue
	awk -F'\t' -v d="$d" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{ print d "/" $col["file"] "\t" $col["repo"] "\t" $col["path_in_repo"] "\t" $col["commit"] }
	' "$mirror/$d/SOURCES.tsv"
done | sort -t "$(printf '\t')" -k1,1 >"$tmp.src"
{
	printf 'file\tbytes\tsha256\trepo\tpath_in_repo\tcommit\n'
	# sizes and hashes in two batch runs (one process each, not one per file)
	(cd "$mirror" && find bwb bwb-extra bills bwb-schema -type f -print0 |
		xargs -0 stat -c '%n	%s' | LC_ALL=C sort) >"$tmp.size"
	(cd "$mirror" && find bwb bwb-extra bills bwb-schema -type f -print0 |
		xargs -0 sha256sum | awk '{ h = $1; sub(/^[0-9a-f]+  /, ""); print $0 "\t" h }' |
		LC_ALL=C sort) >"$tmp.hash"
	LC_ALL=C join -t "$(printf '\t')" "$tmp.size" "$tmp.hash" |
	awk -F'\t' -v OFS='\t' -v src="$tmp.src" '
		BEGIN { while ((getline l < src) > 0) { split(l, a, "\t"); r[a[1]] = a[2] "\t" a[3] "\t" a[4] } }
		{ print $1, $2, $3, ($1 in r) ? r[$1] : "-\t-\t-" }'
} >"$tmp"
mv "$tmp" "$out"
echo "make-manifest: $(($(wc -l <"$out") - 1)) files -> $out"
