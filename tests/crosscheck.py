#!/usr/bin/env python3
"""crosscheck.py STATS_JSON CORPUSDIR [--all]

Counts, independently of begrip's C reader, what `begrip stats --per-file`
reports -- articles, leden, list items, definition lists and items,
internal and external references, words -- with Python's xml.etree, and
requires exact agreement on a sample of the corpus:

  * every file of the income-support laws (ids below, from the corpus
    README),
  * every dated (toestand) file, i.e. every BWBRxxxxxxx_YYYY-MM-DD*.xml,
  * 40 further files chosen with a fixed seed (random.Random(20121004)),
or on every file with --all.

The definitions, shared with analyzer/reader.c and analyzer/stats.c:
  * Subtrees that are not law text are ignored entirely: meta-data, jcis,
    bwb-inputbestand, bwb-wijzigingen, redactionele-correcties, plaatje,
    illustratie, metadata, nota-toelichting, nootref, noot, meta.  (Toestand
    files keep editorial notes on retroactive changes in
    meta-data/.../terugwerkende-kracht-opmerkingen, which contain <lid>
    elements; 155 <lid>s of the corpus are there and are not counted.)
  * A text block is an al, considerans.al, entry, tussenkop, wat, noot.al,
    context.al or term that is not inside another text block.  Everything
    inside it is its text: inline markup is flattened (no separator), a
    nested text block or structural element separates words.  Structural
    elements inside a text block are not counted as structure.
  * articles = artikel + enig-artikel + wijzig-artikel; leden = lid +
    wijzig-lid; list items = li; references = every intref (internal) and
    extref (external), wherever they sit outside ignored subtrees.
  * words = maximal runs of characters other than space, tab, CR, LF and
    U+00A0 in the text blocks.
"""
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

INCOME_LAWS = """BWBR0018472 BWBR0015703 BWBR0011353 BWBR0002320 BWBR0002221
BWBR0007795 BWBR0004043 BWBR0004044 BWBR0004163 BWBR0018451 BWBR0008659
BWBR0017017 BWBR0022751 BWBR0011453 BWBR0002368 BWBR0004045 BWBR0019057
BWBR0008657 BWBR0018450 BWBR0035917 BWBR0005537 BWBR0004770
BWBR0002471""".split()

SKIP = {"meta-data", "jcis", "bwb-inputbestand", "bwb-wijzigingen",
        "redactionele-correcties", "plaatje", "illustratie", "metadata",
        "nota-toelichting", "nootref", "noot", "meta"}
TEXT_BLOCKS = {"al", "considerans.al", "entry", "tussenkop", "wat",
               "noot.al", "context.al", "term"}
STRUCTURE = {"boek", "deel", "hoofdstuk", "titeldeel", "afdeling",
             "paragraaf", "sub-paragraaf", "divisie", "circulaire.divisie",
             "bijlage", "artikel", "enig-artikel", "wijzig-artikel", "lid",
             "wijzig-lid", "lijst", "li", "definitielijst", "definitie-item",
             "definitie"}
COUNTED = {"artikel": "articles", "enig-artikel": "articles",
           "wijzig-artikel": "articles", "lid": "leden",
           "wijzig-lid": "leden", "li": "list_items",
           "definitielijst": "definition_lists",
           "definitie-item": "definition_items"}
KEYS = ["articles", "leden", "list_items", "definition_lists",
        "definition_items", "references_internal", "references_external",
        "words"]
WORD = re.compile(r"[^ \t\r\n\u00a0]+")


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def block_text(e, out, counts):
    """Collects the text of a text block; counts the references in it."""
    out.append(e.text or "")
    for c in e:
        name = local(c.tag)
        if name in SKIP:
            pass
        else:
            if name == "intref":
                counts["references_internal"] += 1
            elif name == "extref":
                counts["references_external"] += 1
            sep = name in TEXT_BLOCKS or name in STRUCTURE
            if sep:
                out.append(" ")
            block_text(c, out, counts)
            if sep:
                out.append(" ")
        out.append(c.tail or "")


def walk(e, counts):
    name = local(e.tag)
    if name in SKIP:
        return
    if name in TEXT_BLOCKS:
        parts = []
        block_text(e, parts, counts)
        counts["words"] += len(WORD.findall("".join(parts)))
        return
    if name in COUNTED:
        counts[COUNTED[name]] += 1
    elif name == "intref":
        counts["references_internal"] += 1
    elif name == "extref":
        counts["references_external"] += 1
    for c in e:
        walk(c, counts)


def count_file(path):
    counts = dict.fromkeys(KEYS, 0)
    walk(ET.parse(path).getroot(), counts)
    return counts


def sample(files, everything):
    if everything:
        return sorted(files)
    chosen = set()
    for f in files:
        base = os.path.basename(f)
        if base[:11] in INCOME_LAWS or re.match(r"BWB[RVW]\d{7}_\d{4}-\d\d-\d\d", base):
            chosen.add(f)
    rest = sorted(set(files) - chosen)
    rng = random.Random(20121004)
    chosen.update(rng.sample(rest, min(40, len(rest))))
    return sorted(chosen)


def main(argv):
    if len(argv) < 3:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as fp:
        stats = json.load(fp)
    docs = {os.path.normpath(d["file"]): d for d in stats["documents"]}
    corpus = os.path.normpath(argv[2])
    files = [f for f in docs if f.startswith(corpus + os.sep) or f == corpus]
    chosen = sample(files, "--all" in argv[3:])
    bad = 0
    totals = dict.fromkeys(KEYS, 0)
    for f in chosen:
        mine = count_file(f)
        for k in KEYS:
            totals[k] += mine[k]
        diff = [f"{k}: begrip {docs[f][k]} python {mine[k]}"
                for k in KEYS if docs[f][k] != mine[k]]
        if diff:
            bad += 1
            print(f"crosscheck: MISMATCH {f}: " + "; ".join(diff))
    summary = " ".join(f"{k}={v}" for k, v in totals.items())
    print(f"crosscheck: {len(chosen)} files, {len(chosen) - bad} agree, "
          f"{bad} differ ({summary})")
    return 1 if bad or not chosen else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
