#!/usr/bin/env python3
"""Score `begrip defs --format json` against the hand-annotated gold set.

Usage: score.py [options] BIN CORPUSDIR

Runs BIN once over every corpus file named in the gold, units and negatives
tables, matches the JSON Lines records to the gold rows and prints precision,
recall and F1 per kind and overall, the share of reference targets that are
right, scope accuracy, and the false positives and false negatives.

Matching.  A record matches a gold row when the file basename, article, lid
and item are equal (after trimming dots and whitespace; dash and bullet list
numbers count as empty) and the folded terms are equal.  Folding is lenient
only on case, whitespace, surrounding quotes and punctuation, a leading
article (de/het/een) and a trailing plural -en/-s.  Inherited gold rows are
matched by file and term only, because the declaring provision is not always
obvious.  Precision only counts records inside annotated units
(units.tsv: a whole article, one lid of it, or "*" for a whole regulation;
inherited records only in files with an "@inherited" unit) and records at a
location listed in negatives.tsv.

Exit status: 0 when the evaluation ran, 1 when BIN could not be run or when
--assert P,R is given and the "all (kind right)" row is below it, 2 on a
usage error.  Python standard library only.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("own", "reference", "modified_reference", "inherited", "negative")
TARGET_KINDS = ("reference", "modified_reference", "inherited")
DASHES = {"-", "\u2013", "\u2014", "\u2022", "\u00b7", "*"}
ARTICLES = ("de ", "het ", "een ", "'t ")
QUOTES = "\"'\u201e\u201c\u201d\u2018\u2019\u00ab\u00bb"
LIST_MAX = 40


class UsageError(Exception):
	pass


def norm_num(s):
	"""Article or lid number as printed, without dots, spaces and case."""
	s = unicodedata.normalize("NFC", str(s or "")).strip().lower()
	s = s.replace("artikel", "").replace(" ", "")
	return s.strip(".")


def norm_item(s):
	"""List item number: "a." -> "a", "a)" and "(a)" -> "a", "1\u00ba" -> "1\u00b0", "f.1\u00b0." -> "f.1\u00b0"."""
	s = unicodedata.normalize("NFC", str(s or "")).strip().lower()
	s = s.replace("\u00ba", "\u00b0").replace(" ", "")
	parts = [p.strip("()") for p in s.split(".")]
	parts = [p for p in parts if p and p not in DASHES]
	return ".".join(parts)


def fold_term(s):
	s = unicodedata.normalize("NFC", str(s or "")).lower()
	s = " ".join(s.split())
	s = s.strip(QUOTES + " :;,.")
	for a in ARTICLES:
		if s.startswith(a):
			s = s[len(a):]
			break
	return s.strip(QUOTES + " ")


def same_term(a, b):
	if a == b:
		return True
	for suf in ("en", "s"):
		if a + suf == b or b + suf == a:
			return True
	return False


def read_tsv(path, required):
	if not os.path.isfile(path):
		raise UsageError("%s: no such file" % path)
	with open(path, encoding="utf-8", newline="") as f:
		rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
	if rows:
		missing = [c for c in required if c not in rows[0]]
	else:
		with open(path, encoding="utf-8") as f:
			head = f.readline().rstrip("\n").split("\t")
		missing = [c for c in required if c not in head]
	if missing:
		raise UsageError("%s: missing columns %s" % (path, ", ".join(missing)))
	return rows


def load_gold(path):
	rows = read_tsv(path, ("file", "article", "lid", "item", "term", "kind",
	                       "target_bwb_id", "target_article", "target_lid",
	                       "scope_kind"))
	gold = []
	for i, r in enumerate(rows, 2):
		if r["kind"] not in KINDS:
			raise UsageError("%s:%d: unknown kind %r" % (path, i, r["kind"]))
		g = dict(r)
		g["line"] = i
		g["_file"] = os.path.basename(r["file"])
		g["_art"] = norm_num(r["article"])
		g["_lid"] = norm_num(r["lid"])
		g["_item"] = norm_item(r["item"])
		g["_term"] = fold_term(r["term"])
		gold.append(g)
	return gold


def load_units(path):
	rows = read_tsv(path, ("file", "article"))
	units = set()
	for r in rows:
		art = r["article"].strip()
		if art not in ("*", "@inherited"):
			art = norm_num(art)
		units.add((os.path.basename(r["file"]), art, norm_num(r.get("lid") or "")))
	return units


def load_negatives(path):
	rows = read_tsv(path, ("file", "article", "lid", "item"))
	return [(os.path.basename(r["file"]), norm_num(r["article"]),
	         norm_num(r["lid"]), norm_item(r["item"]), r.get("why", ""))
	        for r in rows]


def run_bin(binary, corpus, files):
	paths = [os.path.join(corpus, f) for f in files]
	cmd = [binary, "defs", "--format", "json"] + paths
	try:
		p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
	except OSError as e:
		print("score: cannot run %s: %s" % (binary, e), file=sys.stderr)
		return None
	err = p.stderr.decode("utf-8", "replace").strip()
	if p.returncode not in (0, 1) or (p.returncode and not p.stdout):
		print("score: %s exited %d\n%s" % (binary, p.returncode, err[:2000]),
		      file=sys.stderr)
		return None
	if p.returncode:
		print("score: note: %s exited %d: %s" % (binary, p.returncode,
		      err.splitlines()[0] if err else ""), file=sys.stderr)
	return p.stdout.decode("utf-8", "replace")


def parse_records(text):
	recs, bad = [], 0
	for line in text.splitlines():
		line = line.strip()
		if not line:
			continue
		try:
			r = json.loads(line)
		except ValueError:
			bad += 1
			continue
		if not isinstance(r, dict):
			bad += 1
			continue
		r["_file"] = os.path.basename(str(r.get("file") or ""))
		r["_art"] = norm_num(r.get("article"))
		r["_lid"] = norm_num(r.get("lid"))
		r["_item"] = norm_item(r.get("item"))
		r["_term"] = fold_term(r.get("term"))
		r["_kind"] = str(r.get("kind") or "")
		sc = r.get("scope")
		r["_scope"] = str(sc.get("kind") or "") if isinstance(sc, dict) else ""
		tg = r.get("target")
		r["_target"] = tg if isinstance(tg, dict) else {}
		recs.append(r)
	return recs, bad


def in_units(r, units):
	f = r["_file"]
	if r["_kind"] == "inherited":
		return (f, "@inherited", "") in units
	return ((f, "*", "") in units or (f, r["_art"], "") in units or
	        (f, r["_art"], r["_lid"]) in units)


def at_negative(r, negatives):
	if r["_kind"] == "inherited":
		return None
	for f, art, lid, item, why in negatives:
		if (f == r["_file"] and art == r["_art"] and (not lid or lid == r["_lid"])
		    and (not item or item == r["_item"])):
			return why
	return None


def match(gold, recs):
	"""Pair records with gold rows; returns {gold index: record index}."""
	by_loc = {}
	for gi, g in enumerate(gold):
		if g["kind"] == "inherited":
			key = (g["_file"], "@inherited")
		else:
			key = (g["_file"], g["_art"], g["_lid"], g["_item"])
		by_loc.setdefault(key, []).append(gi)
	pairs = {}
	used = set()
	# Two passes so that a record of the right kind wins over a duplicate
	# of another kind at the same location.
	for want_kind in (True, False):
		for ri, r in enumerate(recs):
			if ri in used:
				continue
			if r["_kind"] == "inherited":
				key = (r["_file"], "@inherited")
			else:
				key = (r["_file"], r["_art"], r["_lid"], r["_item"])
			for gi in by_loc.get(key, ()):
				if gi in pairs:
					continue
				g = gold[gi]
				if not same_term(g["_term"], r["_term"]):
					continue
				if want_kind and g["kind"] != r["_kind"]:
					continue
				pairs[gi] = ri
				used.add(ri)
				break
	return pairs


def prf(tp, fp, fn):
	p = tp / (tp + fp) if tp + fp else 0.0
	r = tp / (tp + fn) if tp + fn else 0.0
	f = 2 * p * r / (p + r) if p + r else 0.0
	return p, r, f


def fmt_loc(d):
	return ":".join([d["_file"], str(d.get("article") or ""),
	                 str(d.get("lid") or ""), str(d.get("item") or "")])


def evaluate(gold, units, negatives, recs):
	pairs = match(gold, recs)
	matched_recs = set(pairs.values())
	counted = []  # records that count for precision
	neg_hits = []
	for ri, r in enumerate(recs):
		if ri in matched_recs:
			counted.append(ri)
			continue
		why = at_negative(r, negatives)
		if why is not None:
			neg_hits.append((ri, why))
			counted.append(ri)
		elif in_units(r, units):
			counted.append(ri)
	counted_set = set(counted)
	res = {"rows": {}, "pairs": pairs}
	for k in KINDS:
		tp = sum(1 for gi, ri in pairs.items()
		         if gold[gi]["kind"] == k and recs[ri]["_kind"] == k)
		fp = sum(1 for ri in counted_set if recs[ri]["_kind"] == k) - tp
		fn = sum(1 for g in gold if g["kind"] == k) - tp
		res["rows"][k] = (tp, fp, fn)
	tp_k = sum(1 for gi, ri in pairs.items() if gold[gi]["kind"] == recs[ri]["_kind"])
	res["rows"]["all (kind right)"] = (tp_k, len(counted_set) - tp_k, len(gold) - tp_k)
	res["rows"]["all (any kind)"] = (len(pairs), len(counted_set) - len(pairs),
	                                 len(gold) - len(pairs))
	# reference targets
	t_ok = t_all = 0
	t_bad = []
	for gi, ri in pairs.items():
		g = gold[gi]
		if g["kind"] not in TARGET_KINDS or not g["target_bwb_id"].strip():
			continue
		t_all += 1
		t = recs[ri]["_target"]
		ok = (str(t.get("bwb_id") or "").strip().upper() == g["target_bwb_id"].strip().upper()
		      and norm_num(t.get("article")) == norm_num(g["target_article"])
		      and (not g["target_lid"].strip() or
		           norm_num(t.get("lid")) == norm_num(g["target_lid"])))
		if ok:
			t_ok += 1
		else:
			t_bad.append((gi, ri))
	res["targets"] = (t_ok, t_all, t_bad)
	s_ok = s_all = 0
	s_bad = []
	for gi, ri in pairs.items():
		if gold[gi]["kind"] == "inherited":
			continue
		s_all += 1
		if recs[ri]["_scope"] == gold[gi]["scope_kind"]:
			s_ok += 1
		else:
			s_bad.append((gi, ri))
	res["scope"] = (s_ok, s_all)
	res["scope_bad"] = s_bad
	c_ok = c_all = 0
	for gi, ri in pairs.items():
		if gold[gi].get("concept"):
			c_all += 1
			c_ok += str(recs[ri].get("concept") or "") == gold[gi]["concept"]
	res["concept"] = (c_ok, c_all)
	res["fp"] = sorted(ri for ri in counted_set if ri not in matched_recs)
	res["kind_wrong"] = [(gi, ri) for gi, ri in pairs.items()
	                     if gold[gi]["kind"] != recs[ri]["_kind"]]
	res["fn"] = [gi for gi in range(len(gold)) if gi not in pairs]
	res["neg_hits"] = dict(neg_hits)
	return res


def report(gold, recs, res, out, nmax=LIST_MAX):
	w = out.write
	w("%-20s %6s %6s %6s %5s %5s %5s\n" % ("kind", "P", "R", "F1", "TP", "FP", "FN"))
	for k, (tp, fp, fn) in res["rows"].items():
		p, r, f = prf(tp, fp, fn)
		w("%-20s %6.3f %6.3f %6.3f %5d %5d %5d\n" % (k, p, r, f, tp, fp, fn))
	t_ok, t_all, t_bad = res["targets"]
	w("reference targets right: %d/%d\n" % (t_ok, t_all))
	w("scope right: %d/%d\n" % res["scope"])
	w("concept right: %d/%d\n" % res["concept"])
	if res["kind_wrong"]:
		w("\nfound with the wrong kind (%d):\n" % len(res["kind_wrong"]))
		for gi, ri in res["kind_wrong"][:nmax]:
			g = gold[gi]
			w("  %s %r gold %s, got %s\n" % (fmt_loc(g), g["term"], g["kind"], recs[ri]["_kind"]))
	w("\nfalse positives (%d):\n" % len(res["fp"]))
	for ri in res["fp"][:nmax]:
		r = recs[ri]
		why = res["neg_hits"].get(ri)
		w("  %s %r %s%s\n" % (fmt_loc(r), r.get("term"), r["_kind"],
		                     "  [negative: %s]" % why if why else ""))
	w("\nfalse negatives (%d):\n" % len(res["fn"]))
	for gi in res["fn"][:nmax]:
		g = gold[gi]
		w("  %s %r %s\n" % (fmt_loc(g), g["term"], g["kind"]))
	if t_bad:
		w("\nwrong reference targets (%d):\n" % len(t_bad))
		for gi, ri in t_bad[:nmax]:
			g, t = gold[gi], recs[ri]["_target"]
			w("  %s %r gold %s/%s/%s, got %s/%s/%s\n" % (
			  fmt_loc(g), g["term"], g["target_bwb_id"], g["target_article"],
			  g["target_lid"], t.get("bwb_id", ""), t.get("article", ""), t.get("lid", "")))
	if res.get("scope_bad"):
		w("\nwrong scope (%d):\n" % len(res["scope_bad"]))
		for gi, ri in res["scope_bad"][:nmax]:
			g = gold[gi]
			w("  %s %r gold %s, got %s\n" % (fmt_loc(g), g["term"], g["scope_kind"],
			                                 recs[ri]["_scope"]))


def main(argv):
	ap = argparse.ArgumentParser(prog="score.py", description=__doc__.split("\n\n")[0])
	ap.add_argument("bin")
	ap.add_argument("corpus")
	ap.add_argument("--dir", default=HERE, metavar="DIR",
	                help="read gold.tsv, units.tsv and negatives.tsv from DIR (default: this "
	                     "directory; tests/eval/holdout, tests/eval/holdout2 for the other sets)")
	ap.add_argument("--gold")
	ap.add_argument("--units")
	ap.add_argument("--negatives")
	ap.add_argument("--list", type=int, default=LIST_MAX, metavar="N",
	                help="print at most N false positives, negatives, ... (default %d)" % LIST_MAX)
	ap.add_argument("--assert", dest="assert_", metavar="P,R",
	                help="exit 1 unless overall (kind right) precision >= P and recall >= R")
	try:
		args = ap.parse_args(argv)
	except SystemExit as e:
		return 2 if e.code else 0
	for t in ("gold", "units", "negatives"):
		if getattr(args, t) is None:
			setattr(args, t, os.path.join(args.dir, t + ".tsv"))
	try:
		thr = None
		if args.assert_:
			try:
				thr = tuple(float(x) for x in args.assert_.split(","))
				if len(thr) != 2:
					raise ValueError
			except ValueError:
				raise UsageError("--assert wants P,R, e.g. 0.95,0.90")
		if not os.path.isdir(args.corpus):
			raise UsageError("%s: not a directory (run make corpus)" % args.corpus)
		gold = load_gold(args.gold)
		units = load_units(args.units)
		negatives = load_negatives(args.negatives)
		files = sorted({g["_file"] for g in gold} | {u[0] for u in units} |
		               {n[0] for n in negatives})
		missing = [f for f in files if not os.path.isfile(os.path.join(args.corpus, f))]
		if missing:
			raise UsageError("%s: %d annotated files missing, e.g. %s" %
			                 (args.corpus, len(missing), missing[0]))
	except UsageError as e:
		print("score: %s" % e, file=sys.stderr)
		return 2
	text = run_bin(args.bin, args.corpus, files)
	if text is None:
		return 1
	recs, bad = parse_records(text)
	annotated = {g["_file"] for g in gold} | {u[0] for u in units}
	print("eval: %d gold rows, %d files of %d regulations, %d units, %d negative locations"
	      % (len(gold), len(annotated), len({f[:11] for f in annotated}),
	         len(units), len(negatives)))
	print("eval: %d records read%s\n" % (len(recs), ", %d unparsable lines" % bad if bad else ""))
	res = evaluate(gold, units, negatives, recs)
	report(gold, recs, res, sys.stdout, max(0, args.list))
	if thr:
		tp, fp, fn = res["rows"]["all (kind right)"]
		p, r, _ = prf(tp, fp, fn)
		if p < thr[0] or r < thr[1]:
			print("\neval: below --assert %.2f,%.2f (P %.3f R %.3f)" % (thr[0], thr[1], p, r))
			return 1
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
