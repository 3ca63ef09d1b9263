"""Tests for score.py on a tiny fake gold set and a fake `begrip` binary.

Run: python3 -m unittest discover -s tests/eval -p 'test_*.py'
"""

import contextlib
import io
import json
import os
import shutil
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

GOLD = """file\tbwb_id\tarticle\tlid\titem\tterm\tkind\tconcept\ttarget_bwb_id\ttarget_article\ttarget_lid\tscope_kind\tnote
A.xml\tA\t1\t1\ta\tpartner\treference\tpartner\tBWBR0018472\t3\t\tregulation\t
A.xml\tA\t1\t1\tb\tinkomensafhankelijke regeling\town\t\t\t\t\tregulation\t
A.xml\tA\t1\t1\tc\tsociaal-fiscaalnummer\treference\t\tBWBR0002320\t2\t3\tregulation\t
A.xml\tA\t2\t3\t\tvermogen\tnegative\tvermogen\t\t\t\tregulation\t
A.xml\tA\t2\t\t\ttoetsingsinkomen\tinherited\tinkomen\tBWBR0018472\t8\t\tregulation\t
B.xml\tB\t1\t\t\u2013\tzorg\town\t\t\t\t\tcontainer\t
"""
UNITS = "file\tarticle\tlid\nA.xml\t1\t\nA.xml\t2\t3\nA.xml\t@inherited\t\nB.xml\t*\t\n"
NEGS = "file\tarticle\tlid\titem\twhy\nC.xml\t5\t\t\tX is bevoegd\n"


def rec(file, article, lid, item, term, kind, target=None, scope="regulation", concept=""):
	return {"file": "/corpus/" + file, "article": article, "lid": lid, "item": item,
	        "term": term, "kind": kind, "concept": concept, "target": target,
	        "scope": {"kind": scope, "text": "", "address": ""}}


PERFECT = [
	rec("A.xml", "1", "1", "a", "partner", "reference",
	    {"bwb_id": "BWBR0018472", "article": "3", "lid": ""}, concept="partner"),
	rec("A.xml", "1", "1", "b", "inkomensafhankelijke regeling", "own"),
	rec("A.xml", "1", "1", "c", "sociaal-fiscaalnummer", "reference",
	    {"bwb_id": "BWBR0002320", "article": "2", "lid": "3"}),
	rec("A.xml", "2", "3", "", "vermogen", "negative", concept="vermogen"),
	rec("A.xml", "", "", "", "toetsingsinkomen", "inherited",
	    {"bwb_id": "BWBR0018472", "article": "8", "lid": ""}, concept="inkomen"),
	rec("B.xml", "1", "", "", "zorg", "own", scope="container"),
]


class ScoreTest(unittest.TestCase):
	def setUp(self):
		self.dir = tempfile.mkdtemp(prefix="score-test-")
		self.corpus = os.path.join(self.dir, "corpus")
		os.mkdir(self.corpus)
		for f in ("A.xml", "B.xml", "C.xml"):
			open(os.path.join(self.corpus, f), "w").close()
		self.gold = self.write("gold.tsv", GOLD)
		self.units = self.write("units.tsv", UNITS)
		self.negs = self.write("negatives.tsv", NEGS)
		self.jsonl = os.path.join(self.dir, "out.jsonl")
		self.bin = self.write("fakebin", "#!/bin/sh\n"
		                      "[ \"$1\" = defs ] && [ \"$2\" = --format ] && [ \"$3\" = json ] || exit 2\n"
		                      "cat '%s'\n" % self.jsonl)
		os.chmod(self.bin, os.stat(self.bin).st_mode | stat.S_IXUSR)

	def tearDown(self):
		shutil.rmtree(self.dir)

	def write(self, name, text):
		p = os.path.join(self.dir, name)
		with open(p, "w", encoding="utf-8") as f:
			f.write(text)
		return p

	def run_score(self, records, *extra):
		with open(self.jsonl, "w", encoding="utf-8") as f:
			for r in records:
				f.write((json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r) + "\n")
		out, err = io.StringIO(), io.StringIO()
		with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
			rc = score.main(["--gold", self.gold, "--units", self.units,
			                 "--negatives", self.negs] + list(extra) + [self.bin, self.corpus])
		return rc, out.getvalue(), err.getvalue()

	def row(self, out, name):
		for line in out.splitlines():
			if line.startswith(name + " ") and len(line.split()) >= 6:
				f = line[len(name):].split()
				return tuple(float(x) for x in f[:3]) + tuple(int(x) for x in f[3:6])
		self.fail("no row %r in:\n%s" % (name, out))

	def test_perfect(self):
		rc, out, _ = self.run_score(PERFECT)
		self.assertEqual(rc, 0)
		self.assertEqual(self.row(out, "all (kind right)"), (1.0, 1.0, 1.0, 6, 0, 0))
		self.assertIn("reference targets right: 3/3", out)
		self.assertIn("scope right: 5/5", out)
		self.assertIn("concept right: 3/3", out)

	def test_lenient_terms_and_numbers(self):
		recs = [dict(r) for r in PERFECT]
		recs[0]["term"] = "  Partner: "
		recs[0]["item"] = "a."
		recs[1]["term"] = "de inkomensafhankelijke regelingen"
		recs[5]["item"] = ""  # dash item equals no item
		recs[3]["lid"] = "3."
		rc, out, _ = self.run_score(recs)
		self.assertEqual(self.row(out, "all (any kind)")[3:], (6, 0, 0))

	def test_item_parentheses(self):
		self.assertEqual(score.norm_item("a)"), "a")
		self.assertEqual(score.norm_item("(b)"), "b")
		self.assertEqual(score.norm_item("d.1\u00ba)"), "d.1\u00b0")
		self.assertEqual(score.norm_item("\u2013"), "")

	def test_wrong_term_is_fp_and_fn(self):
		recs = [dict(r) for r in PERFECT]
		recs[1]["term"] = "regelingsinkomen"
		rc, out, _ = self.run_score(recs)
		self.assertEqual(self.row(out, "all (any kind)")[3:], (5, 1, 1))
		self.assertIn("'regelingsinkomen'", out)
		self.assertIn("false negatives (1)", out)

	def test_units_and_negatives(self):
		extra = [
			rec("A.xml", "1", "2", "", "lidstaat", "own"),     # inside unit A:1 -> FP
			rec("A.xml", "2", "1", "", "spaargeld", "own"),    # A:2 only lid 3 annotated -> ignored
			rec("A.xml", "9", "", "", "elders", "own"),        # outside units -> ignored
			rec("C.xml", "5", "", "", "bevoegd", "own"),       # negative location -> FP
			rec("C.xml", "5", "", "", "kind", "inherited"),    # inherited, no @inherited unit -> ignored
		]
		rc, out, _ = self.run_score(PERFECT + extra)
		self.assertEqual(self.row(out, "all (any kind)")[3:], (6, 2, 0))
		self.assertIn("[negative: X is bevoegd]", out)
		self.assertNotIn("spaargeld", out)

	def test_inherited_matches_any_location_in_file(self):
		recs = [dict(r) for r in PERFECT]
		recs[4]["article"], recs[4]["lid"] = "7", "2"
		extra = rec("A.xml", "", "", "", "partner", "inherited",
		            {"bwb_id": "BWBR0018472", "article": "3", "lid": ""})
		rc, out, _ = self.run_score(recs + [extra])
		self.assertEqual(self.row(out, "inherited")[3:], (1, 1, 0))

	def test_targets(self):
		recs = [dict(r) for r in PERFECT]
		recs[0]["target"] = {"bwb_id": "BWBR0018472", "article": "3", "lid": "1"}  # gold has no lid: ok
		recs[2]["target"] = {"bwb_id": "BWBR0002320", "article": "2", "lid": "1"}  # wrong lid
		recs[4]["target"] = None
		rc, out, _ = self.run_score(recs)
		self.assertIn("reference targets right: 1/3", out)
		self.assertIn("wrong reference targets (2)", out)

	def test_wrong_kind_and_assert(self):
		recs = [dict(r) for r in PERFECT]
		recs[0]["kind"] = "own"
		rc, out, _ = self.run_score(recs, "--assert", "0.95,0.90")
		self.assertEqual(self.row(out, "all (any kind)")[3:], (6, 0, 0))
		self.assertEqual(self.row(out, "all (kind right)")[3:], (5, 1, 1))
		self.assertEqual(self.row(out, "reference")[3:], (1, 0, 1))
		self.assertEqual(self.row(out, "own")[3:], (2, 1, 0))
		self.assertEqual(rc, 1)
		rc, out, _ = self.run_score(recs, "--assert", "0.5,0.5")
		self.assertEqual(rc, 0)

	def test_duplicate_is_fp(self):
		dup = dict(PERFECT[1])
		dup["kind"] = "negative"
		rc, out, _ = self.run_score([dup] + PERFECT)
		self.assertEqual(self.row(out, "all (kind right)")[3:], (6, 1, 0))

	def test_garbage_lines(self):
		rc, out, _ = self.run_score(PERFECT + ["not json", "[1,2]"])
		self.assertEqual(rc, 0)
		self.assertIn("2 unparsable lines", out)

	def test_usage_errors(self):
		rc, _, err = self.run_score(PERFECT, "--assert", "high")
		self.assertEqual(rc, 2)
		with contextlib.redirect_stderr(io.StringIO()):
			self.assertEqual(score.main([self.bin, os.path.join(self.dir, "nope")]), 2)
			self.assertEqual(score.main([]), 2)
		os.remove(os.path.join(self.corpus, "B.xml"))
		rc, _, err = self.run_score(PERFECT)
		self.assertEqual(rc, 2)
		self.assertIn("missing", err)

	def test_binary_failure(self):
		with open(self.bin, "w") as f:
			f.write("#!/bin/sh\necho boom >&2\nexit 3\n")
		rc, _, err = self.run_score(PERFECT)
		self.assertEqual(rc, 1)
		self.assertIn("boom", err)


if __name__ == "__main__":
	unittest.main()
