#!/usr/bin/env python3
"""complexity-crosscheck.py BEGRIP CORPUSDIR [LEXICON_DIR]

Recounts, independently of begrip's C code (reader, tokeniser, phrase
matcher), what `begrip complexity --format json` reports for a few real
laws, and requires exact agreement (entropy to 1e-3, as printed with four
decimals):

  words, sentences, conditions, exceptions, delegations (phrase counts of
  lexicon/complexity.txt), elements above / at / below article level, and
  the unstemmed word entropy with the stop words of lexicon/stopwords-nl.txt.

Only the Python standard library: xml.etree for the XML, its own tokeniser.
The definitions it implements (README "Complexity"):

  * Text blocks: al, considerans.al, entry, tussenkop, wat, noot.al,
    context.al, term not inside another text block; subtrees that are not
    law text (meta-data, jcis, bwb-inputbestand, bwb-wijzigingen,
    redactionele-correcties, plaatje, illustratie, metadata,
    nota-toelichting, nootref, noot, meta) are ignored.  Inline markup is
    flattened; a nested block or structural element separates words.
  * Word characters: ASCII letters and digits, U+00C0..U+00FF except
    U+00D7 and U+00F7 (folded to ASCII: e-acute -> e, e-diaeresis -> e,
    ...), U+0100..U+023F (kept).  A word is a maximal run of them.
  * A sentence ends at '.', '!' or '?' followed by white space or the end of
    the block, when a word came since the last end -- except a '.' right
    after a word that is an [abbreviation] of the lexicon or that itself
    follows a '.' (o.a., m.b.t.).  The end of a block ends a sentence when
    a word came since the last end.
  * Phrases: sequences of folded words; at each word the longest phrase of
    any section that matches wins and matching continues after it.
  * Elements: above = boek, deel, hoofdstuk, titeldeel, afdeling,
    paragraaf, sub-paragraaf, divisie, circulaire.divisie, bijlage; at =
    artikel, enig-artikel, wijzig-artikel; below = lid, wijzig-lid, li,
    definitie-item.
  * Entropy: Shannon entropy (bits) of the folded words that contain a
    letter and are not stop words.
"""
import json
import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter

LAWS = [
    "BWBR0018472_2025-01-01.xml",  # Awir
    "BWBR0015703_2026-01-01.xml",  # Participatiewet 2026
    "BWBR0018451_2025-01-01.xml",  # Wet op de zorgtoeslag
    "BWBR0002629_2015-01-01.xml",  # Wet op de omzetbelasting 1968
    "BWBR0011353.xml",             # Wet inkomstenbelasting 2001 (2012 dump)
    "BWBR0005537.xml",             # Algemene wet bestuursrecht (2012 dump)
    "BWBR0002458_2000-11-01.xml",  # Drank- en Horecawet, oldest version
]

SKIP = {"meta-data", "jcis", "bwb-inputbestand", "bwb-wijzigingen",
        "redactionele-correcties", "plaatje", "illustratie", "metadata",
        "nota-toelichting", "nootref", "noot", "meta"}
BLOCKS = {"al", "considerans.al", "entry", "tussenkop", "wat", "noot.al",
          "context.al", "term"}
ABOVE = {"boek", "deel", "hoofdstuk", "titeldeel", "afdeling", "paragraaf",
         "sub-paragraaf", "divisie", "circulaire.divisie", "bijlage"}
AT = {"artikel", "enig-artikel", "wijzig-artikel"}
BELOW = {"lid", "wijzig-lid", "li", "definitie-item"}
STRUCT = ABOVE | AT | BELOW | {"lijst", "definitielijst", "definitie"}

# the reader's white space: space, tab, CR, LF, no-break space
WS = re.compile("[ \t\r\n\u00a0]+")

# U+00C0..U+00FF folded; None = not a letter
LATIN1 = ("a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss "
          "a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y").split()


def local(tag):
    return tag.rsplit("}", 1)[-1]


def fold_char(ch):
    """The folded form of a word character, or None for a separator."""
    o = ord(ch)
    if o < 128:
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            return ch
        if "A" <= ch <= "Z":
            return ch.lower()
        return None
    if 0xC0 <= o <= 0xFF:
        f = LATIN1[o - 0xC0]
        return None if f == "-" else f
    if 0x100 <= o <= 0x23F:
        return ch
    return None


def load_lexicon(path):
    sections = {None: []}
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                cur = line[1:-1]
                sections.setdefault(cur, [])
                continue
            sections[cur].append(line)
    return sections


def tokens(text, abbrev):
    """(words, sentences) of one text block."""
    words = []
    sentences = 0
    since = 0
    cur = []
    dotted = False
    n = len(text)
    i = 0
    while i <= n:
        ch = text[i] if i < n else None
        f = fold_char(ch) if ch is not None else None
        if f is not None:
            if not cur:
                dotted = i > 0 and text[i - 1] == "."
            cur.append(f)
            i += 1
            continue
        if cur:
            words.append(("".join(cur), dotted))
            cur = []
            since += 1
        if ch is None:
            break
        if ch in ".!?" and since and (i + 1 == n or text[i + 1] in " \n\t"):
            abbr = False
            if ch == "." and words and i > 0 and fold_char(text[i - 1]) is not None:
                w, d = words[-1]
                abbr = w in abbrev or d
            if not abbr:
                sentences += 1
                since = 0
        i += 1
    if since:
        sentences += 1
    return [w for w, _ in words], sentences


def block_texts(root):
    """Texts of the text blocks, in document order, plus element counts."""
    out = []
    counts = Counter()

    def flatten(el, parts):
        if el.text:
            parts.append(el.text)
        for c in el:
            name = local(c.tag)
            if name in SKIP:
                pass
            elif name in BLOCKS or name in STRUCT:
                parts.append(" ")
                flatten(c, parts)
                parts.append(" ")
            else:
                flatten(c, parts)
            if c.tail:
                parts.append(c.tail)

    def walk(el):
        for c in el:
            name = local(c.tag)
            if name in SKIP:
                continue
            if name in BLOCKS:
                parts = []
                flatten(c, parts)
                text = " ".join(w for w in WS.split("".join(parts)) if w)
                out.append(text)
                continue
            if name in ABOVE:
                counts["above"] += 1
            elif name in AT:
                counts["at"] += 1
            elif name in BELOW:
                counts["below"] += 1
            walk(c)

    walk(root)
    return out, counts


def measure(path, lex, stop):
    abbrev = set(lex["abbreviation"])
    phrases = {}
    for cat in ("condition", "exception", "delegation"):
        for p in lex[cat]:
            ws = p.split()
            phrases.setdefault(ws[0], []).append((len(ws), ws, cat))
    for k in phrases:
        phrases[k].sort(key=lambda t: -t[0])
    root = ET.parse(path).getroot()
    texts, counts = block_texts(root)
    res = Counter()
    freq = Counter()
    for t in texts:
        ws, s = tokens(t, abbrev)
        res["words"] += len(ws)
        res["sentences"] += s
        i = 0
        while i < len(ws):
            adv = 1
            for ln, p, cat in phrases.get(ws[i], ()):
                if ws[i:i + ln] == p:
                    res[cat] += 1
                    adv = ln
                    break
            i += adv
        for w in ws:
            if any(not ("0" <= c <= "9") for c in w) and w not in stop:
                freq[w] += 1
    total = sum(freq.values())
    ent = -sum(c / total * math.log2(c / total) for c in freq.values()) if total else 0.0
    return {
        "words": res["words"], "sentences": res["sentences"],
        "conditions": res["condition"], "exceptions": res["exception"],
        "delegations": res["delegation"],
        "above": counts["above"], "at": counts["at"], "below": counts["below"],
        "entropy": ent,
    }


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    begrip, corpus = sys.argv[1], sys.argv[2]
    lexdir = sys.argv[3] if len(sys.argv) > 3 else "lexicon"
    lex = load_lexicon(os.path.join(lexdir, "complexity.txt"))
    stop = set(w for w in load_lexicon(os.path.join(lexdir, "stopwords-nl.txt")).get(None, []))
    files = [os.path.join(corpus, f) for f in LAWS if os.path.exists(os.path.join(corpus, f))]
    if len(files) < 3:
        sys.exit("complexity-crosscheck: fewer than 3 of the laws found in %s" % corpus)
    out = subprocess.run([begrip, "complexity", "--format", "json", "--top", "1",
                          "--lexicon", os.path.join(lexdir, "complexity.txt")] + files,
                         capture_output=True, check=True).stdout
    got = {r["file"]: r for r in json.loads(out)["regulations"]}
    bad = 0
    for f in files:
        exp = measure(f, lex, stop)
        r = got.get(f)
        if r is None:
            print("complexity-crosscheck: %s: missing from begrip's output" % f)
            bad += 1
            continue
        have = {
            "words": r["totals"]["words"], "sentences": r["totals"]["sentences"],
            "conditions": r["totals"]["conditions"], "exceptions": r["totals"]["exceptions"],
            "delegations": r["totals"]["delegations"],
            "above": r["elements"]["above_article"], "at": r["elements"]["article"],
            "below": r["elements"]["below_article"], "entropy": r["entropy"],
        }
        diffs = []
        for k, v in exp.items():
            if k == "entropy":
                if abs(v - have[k]) > 1e-3:
                    diffs.append("%s %.4f != %.4f" % (k, have[k], v))
            elif v != have[k]:
                diffs.append("%s %s != %s" % (k, have[k], v))
        if diffs:
            bad += 1
            print("complexity-crosscheck: %s: begrip vs python: %s" % (f, "; ".join(diffs)))
        else:
            print("complexity-crosscheck: %s: ok (%d words, %d sentences, %d/%d/%d "
                  "conditions/exceptions/delegations, entropy %.4f)" %
                  (os.path.basename(f), exp["words"], exp["sentences"], exp["conditions"],
                   exp["exceptions"], exp["delegations"], exp["entropy"]))
    if bad:
        sys.exit("complexity-crosscheck: %d of %d laws disagree" % (bad, len(files)))
    print("complexity-crosscheck: all %d laws agree" % len(files))


if __name__ == "__main__":
    main()
