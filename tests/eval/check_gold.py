#!/usr/bin/env python3
"""Check the gold tables against the law XML, independently of begrip.

Usage: check_gold.py CORPUSDIR [TABLEDIR]

TABLEDIR holds gold.tsv, units.tsv and negatives.tsv (default: this
directory; tests/eval/holdout for the held-out set).  For every row of gold.tsv: the article / lid / item exists in the file and the
term occurs (case-insensitively) in the text of that location; inherited rows
without an article are skipped.  For every target whose regulation is in the
corpus (any version): the target article, and the lid when given, exist.  For
every row of negatives.tsv and units.tsv: the location exists.  Prints each
problem and exits 1 when there is one, 0 when the tables are consistent,
2 on a usage error.  It reads the XML with xml.etree, not with begrip, so a
reader bug cannot hide a gold typo.
"""

import csv
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DASHES = {"-", "\u2013", "\u2014", "\u2022"}
ITEM_NR = re.compile(r"^([0-9]{1,3}[a-z]?[°)]?|[a-z]{1,2}\)?|[ivx]{1,5}\)?|[A-Z])$")


def text(e):
	parts = []

	def rec(n):
		if n.tag == "meta-data":
			return
		if n.text:
			parts.append(n.text)
		for c in n:
			rec(c)
			if c.tail:
				parts.append(c.tail)
	rec(e)
	return re.sub(r"\s+", " ", " ".join(parts)).strip()


def num(e, tag):
	c = e.find(tag)
	if c is None:
		return ""
	s = re.sub(r"\s+", "", "".join(c.itertext())).rstrip(".").replace("\u00ba", "\u00b0")
	return "" if s in DASHES else s


def index_file(path):
	"""{(article, lid, item): text} for every location of one file.  Several
	locations with the same key (two articles numbered 1, items without a
	number) keep all their texts."""
	loc = {}

	def add(key, t):
		loc[key] = loc.get(key, "") + " || " + t

	def walk(e, art, lid, prefix):
		for c in e:
			if c.tag == "lid":
				ln = num(c, "lidnr")
				add((art, ln, ""), text(c))
				walk(c, art, ln, "")
			elif c.tag in ("li", "definitie-item"):
				it = num(c, "li.nr")
				key = prefix + "." + it if prefix and it else (it or prefix)
				add((art, lid, key), text(c))
				walk(c, art, lid, key)
			elif c.tag == "row":
				cells = [text(x) for x in c.iter("entry")]
				if cells:
					# the first cell is the row's item when it is a
					# number ("a.", "12", "iv."); a term cell
					# ("geitenmelk") leaves the item empty, as an
					# item without li.nr is
					first = cells[0].rstrip(".")
					if not ITEM_NR.match(first):
						first = ""
					add((art, lid, first), " ".join(cells))
			elif c.tag != "meta-data":
				walk(c, art, lid, prefix)

	root = ET.parse(path).getroot()
	for a in root.iter("artikel"):
		n = a.find("kop/nr")
		if n is None:
			continue
		art = re.sub(r"\s+", " ", "".join(n.itertext())).strip().rstrip(".")
		add((art, "", ""), text(a))
		walk(a, art, "", "")
	return loc


def main(argv):
	if len(argv) not in (1, 2) or not all(os.path.isdir(a) for a in argv):
		print("usage: check_gold.py CORPUSDIR [TABLEDIR]", file=sys.stderr)
		return 2
	corpus = argv[0]
	tables = argv[1] if len(argv) > 1 else HERE
	cache = {}

	def locs(name):
		if name not in cache:
			p = os.path.join(corpus, name)
			cache[name] = index_file(p) if os.path.isfile(p) else None
		return cache[name]

	def read(name):
		with open(os.path.join(tables, name), encoding="utf-8", newline="") as f:
			return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

	problems = 0

	def bad(msg):
		nonlocal problems
		problems += 1
		print(msg)

	targets = {}
	for i, r in enumerate(read("gold.tsv"), 2):
		d = locs(r["file"])
		if d is None:
			bad("gold.tsv:%d: %s not in %s" % (i, r["file"], corpus))
			continue
		if r["kind"] == "inherited" and not r["article"]:
			continue
		key = (r["article"], r["lid"], "" if r["item"] in DASHES else r["item"])
		if key not in d:
			bad("gold.tsv:%d: %s has no artikel %s lid %r item %r" % ((i, r["file"]) + key))
		elif r["kind"] != "inherited" and r["term"].lower() not in d[key].lower():
			bad("gold.tsv:%d: term %r not in %s %s" % (i, r["term"], r["file"], key))
		if r["target_bwb_id"] and r["target_article"]:
			targets.setdefault((r["target_bwb_id"], r["target_article"], r["target_lid"]), i)
	checked = 0
	for (bwb, art, lid), i in sorted(targets.items()):
		files = sorted(glob.glob(os.path.join(corpus, bwb + "*.xml")))
		if not files:
			continue  # the target regulation is not in the corpus
		checked += 1
		found = False
		for f in files:
			d = locs(os.path.basename(f))
			if (art, lid, "") in d:
				found = True
				break
		if not found:
			bad("gold.tsv:%d: target %s artikel %s lid %r not found" % (i, bwb, art, lid))
	for name in ("negatives.tsv", "units.tsv"):
		for i, r in enumerate(read(name), 2):
			d = locs(r["file"])
			art = r["article"]
			if d is None:
				bad("%s:%d: %s not in %s" % (name, i, r["file"], corpus))
			elif art not in ("*", "@inherited") and \
			     (art, r.get("lid", ""), r.get("item", "")) not in d:
				bad("%s:%d: %s has no artikel %s lid %r item %r" % (
				    name, i, r["file"], art, r.get("lid", ""), r.get("item", "")))
	print("check_gold: %d problem(s); %d targets in the corpus checked" % (problems, checked))
	return 1 if problems else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
