"""The output loader (python/alpcast_outputs.py) on a small suite run: every
file loads, round-trips to the same bytes, and carries its header."""
import json
import math
import os
import shutil
import subprocess
import tempfile
import unittest

import pandas as pd

import alpcast_outputs as ao

EXE = os.environ["ALPCAST_EXE"]
OUT = None


def setUpModule():
    global OUT
    OUT = tempfile.mkdtemp(prefix="alpcast_outputs_")
    # two cheap recasts, Fig. 3 from them, and Figs. 1-2 (model.lua)
    subprocess.run([EXE, "suite", "--out", OUT, "--only", "babar_kgg,charm_kmumu,fig3,model", "-j", "2"],
                   check=True, stdout=subprocess.DEVNULL)


def tearDownModule():
    shutil.rmtree(OUT, ignore_errors=True)


def csv_files():
    for root, _, files in os.walk(OUT):
        for f in sorted(files):
            if f.endswith(".csv"):
                yield os.path.join(root, f)


class TestRoundTrip(unittest.TestCase):
    def test_every_csv_of_the_run_round_trips_to_the_same_bytes(self):
        n = 0
        for path in csv_files():
            frames = ao.load_blocks(path)
            copy = os.path.join(OUT, ".roundtrip.csv")
            ao.write_csv(frames if len(frames) > 1 else frames[0], copy)
            with open(path, "rb") as a, open(copy, "rb") as b:
                self.assertEqual(a.read(), b.read(), path)
            os.remove(copy)
            n += 1
        self.assertGreaterEqual(n, 15)  # 3 interval files, 3 polygon files, the figures' tables

    def test_load_suite_sees_every_file(self):
        s = ao.load_suite(OUT)
        self.assertEqual(sorted(s["intervals"]), ["babar_kgg/cWW", "babar_kgg/cff", "charm_kmumu/cff"])
        self.assertIn("babar_kgg/extra/cff_polygons", s["blocks"])
        self.assertIn("fig3_cff", s["tables"])
        self.assertIn("fig2_ctau", s["tables"])
        total = len(s["intervals"]) + len(s["blocks"]) + len(s["tables"])
        self.assertEqual(total, len(list(csv_files())))
        self.assertEqual([r["name"] for r in s["summary"]["recasts"]], ["babar_kgg", "charm_kmumu"])


class TestIntervals(unittest.TestCase):
    def test_values_units_cl_and_citation(self):
        df = ao.load_intervals(os.path.join(OUT, "babar_kgg", "cff.csv"))
        self.assertEqual(list(df.columns), ["ma_GeV", "c_low", "c_high"])
        self.assertTrue(all(t == float for t in df.dtypes))
        # the first row as written (%.8g) by the suite
        with open(os.path.join(OUT, "babar_kgg", "cff.csv")) as f:
            first = [l for l in f if not l.startswith("#")][1].strip().split(",")
        self.assertEqual(df.iloc[0].ma_GeV, float(first[0]))
        self.assertEqual(df.iloc[0].c_low, float(first[1]))
        # c_high = inf where still excluded at the validity bound (D16(b))
        self.assertTrue((df.c_high == math.inf).any())
        self.assertTrue((df.c_low < df.c_high).all())
        self.assertEqual(df.attrs["units"], {"ma_GeV": "GeV", "c_low": "TeV^-1", "c_high": "TeV^-1"})
        self.assertEqual(df.attrs["cl"], 0.9)  # BaBar's 90 % CL (recasts/babar_kgg.lua)
        self.assertIn("arXiv:2111.01800", df.attrs["citation"])
        self.assertEqual(df.attrs["header"]["recast"], "babar_kgg")

    def test_not_an_interval_file_is_an_error_naming_it(self):
        path = os.path.join(OUT, "fig2_ctau.csv")
        with self.assertRaisesRegex(ValueError, "fig2_ctau.csv: an interval file has the columns"):
            ao.load_intervals(path)


class TestBlocks(unittest.TestCase):
    def test_polygons_are_one_frame_per_block_never_merged(self):
        path = os.path.join(OUT, "babar_kgg", "extra", "cff_polygons.csv")
        with open(path) as f:
            text = f.read()
        body = text.split("ma_GeV,c\n", 1)[1]
        nblocks = len([b for b in body.split("\n\n\n") if b.strip()])
        polys = ao.load_blocks(path)
        self.assertGreater(nblocks, 1)
        self.assertEqual(len(polys), nblocks)
        rows = [l for l in body.split("\n") if l.strip()]
        self.assertEqual(sum(len(p) for p in polys), len(rows))
        for p in polys:  # closed polygons: the last point is the first
            self.assertEqual(list(p.iloc[0]), list(p.iloc[-1]))
            self.assertEqual(p.attrs["units"]["ma_GeV"], "GeV")
        with self.assertRaisesRegex(ValueError, "load_blocks"):
            ao.load_csv(path)


class TestSummary(unittest.TestCase):
    def test_null_is_inf_only_for_coupling_bounds(self):
        path = os.path.join(OUT, ".s.json")
        with open(path, "w") as f:
            json.dump({"recasts": [{"validity_bound": {"cff": {"c_max": None, "parent": "B+"}},
                                    "time_s": None, "c_high": [1.0, None]}]}, f)
        s = ao.load_summary(path)
        os.remove(path)
        r = s["recasts"][0]
        self.assertEqual(r["validity_bound"]["cff"]["c_max"], math.inf)
        self.assertEqual(r["c_high"], [1.0, math.inf])
        self.assertIsNone(r["time_s"])

    def test_real_summary_values(self):
        s = ao.load_summary(os.path.join(OUT, "summary.json"))
        vb = s["recasts"][0]["validity_bound"]["cff"]
        # D16(b): c/f_a < 1/m_B+ = 189.4 TeV^-1 (m_B+ = 5.27934 GeV, PDG)
        self.assertAlmostEqual(vb["c_max"], 1000 / 5.27934, delta=0.05)


class TestUnits(unittest.TestCase):
    def test_both_header_forms(self):
        self.assertEqual(ao.parse_units("ctau_mm: ALP proper decay length c*tau [mm]; ma_GeV: ALP mass "
                                        "[GeV]; br_ul: [dimensionless]"),
                         {"ctau_mm": "mm", "ma_GeV": "GeV", "br_ul": "dimensionless"})
        self.assertEqual(ao.parse_units("ma_GeV in GeV; c_low, c_high = c(Lambda)/f_a in TeV^-1 "
                                        "(Lambda = 4 pi f_a)"),
                         {"ma_GeV": "GeV", "c_low": "TeV^-1", "c_high": "TeV^-1"})

    def test_a_file_without_a_column_row_is_an_error_naming_it(self):
        path = os.path.join(OUT, ".bad.csv")
        with open(path, "w") as f:
            f.write("# quantity: nothing\n")
        with self.assertRaisesRegex(ValueError, r"\.bad\.csv: no column row"):
            ao.load_csv(path)
        os.remove(path)


if __name__ == "__main__":
    unittest.main()
