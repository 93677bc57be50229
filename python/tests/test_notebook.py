"""examples/alpcast.ipynb executed headless with nbclient in the alpcast
kernel: its checks pass, and its outputs hold the values, the inline SVGs and
the error they should; the suite run it makes loads with alpcast_outputs.
An error in an untagged cell stops the run with CellExecutionError."""
import math
import os
import shutil
import unittest

import nbclient
import nbformat
from nbclient.exceptions import CellExecutionError

import alpcast_outputs as ao

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOK = os.path.join(HERE, "..", "..", "examples", "alpcast.ipynb")
NB = None


def setUpModule():
    global NB
    NB = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(NB, kernel_name="alpcast", timeout=900,
                            resources={"metadata": {"path": HERE}}).execute()


def tearDownModule():
    out = notebook_out()
    if out and out.startswith("/tmp/"):
        shutil.rmtree(out, ignore_errors=True)


def code_cells():
    return [c for c in NB.cells if c.cell_type == "code"]


def cell_with(text):
    return next(c for c in code_cells() if text in c.source)


def result(cell):
    return next(o for o in cell.outputs if o.output_type == "execute_result").data["text/plain"]


def notebook_out():
    try:
        fig = cell_with("fig3_cff.svg")
    except (StopIteration, TypeError):
        return None
    # the echoed table of the two figure paths: {"DIR/fig3_cff.svg", ...}
    first = result(fig).split('"')[1]
    return os.path.dirname(first)


class TestNotebook(unittest.TestCase):
    def test_ctau_value(self):
        v = float(result(cell_with("m:ctau(0.3)")))
        # REFERENCE.md sec. 4.6: 1.700e-6 m (2 %)
        self.assertAlmostEqual(v / 1.700e-6, 1, delta=0.02)

    def test_help_prints(self):
        text = "".join(o.get("text", "") for o in cell_with("help(").outputs)
        self.assertIn("alp.model.benchmark", text)

    def test_fig3_shows_two_inline_svgs(self):
        svgs = [o for o in cell_with("fig3_cff.svg").outputs if o.output_type == "display_data"]
        self.assertEqual(len(svgs), 2)
        for o in svgs:
            self.assertIn("<svg", o.data["image/svg+xml"])
            self.assertIn("fig3_c", o.data["text/plain"])

    def test_own_recast_equals_the_bundled_one(self):
        n, ma, c_low, ratio = (float(x) for x in result(cell_with("my_kgg.lua")).split("\t"))
        self.assertAlmostEqual(ratio, 1, delta=1e-3)
        bundled = ao.load_intervals(os.path.join(notebook_out(), "babar_kgg", "cff.csv"))
        self.assertEqual(ma, bundled.ma_GeV.iloc[0])
        self.assertAlmostEqual(c_low / bundled.c_low.iloc[0], 1, delta=1e-3)
        self.assertGreater(n, 100)

    def test_alp_plot_figure_is_inline(self):
        outs = cell_with("alp.plot.figure").outputs
        self.assertTrue(any(o.output_type == "display_data" and "<svg" in o.data["image/svg+xml"]
                            for o in outs))

    def test_error_cell_is_an_error_output(self):
        err = [o for o in cell_with("m:ctau(-1)").outputs if o.output_type == "error"]
        self.assertEqual(len(err), 1)
        self.assertEqual(err[0].ename, "LuaError")
        self.assertIn("ma must be a finite number in [1e-06, 91.1876] GeV, got -1", err[0].evalue)

    def test_check_cell(self):
        cell = cell_with("alp.recast.check")
        self.assertFalse(any(o.output_type == "error" for o in cell.outputs))
        text = "".join(o.get("text", "") for o in cell.outputs)
        if "alp.recast.check is not in this build" in text:
            self.skipTest("alp.recast.check is not in this build")
        # my recast and the bundled one: one verdict, the same signal/limit
        lines = [l.split() for l in text.splitlines() if l.startswith(("my_kgg", "babar_kgg"))]
        self.assertEqual([l[0] for l in lines], ["my_kgg", "babar_kgg"])
        self.assertEqual(lines[0][1], lines[1][1])
        self.assertIn(lines[0][1], ("excluded", "allowed"))
        ratio = float(text.split("ratio mine/bundled = ")[1].split()[0])
        self.assertAlmostEqual(ratio, 1, delta=1e-9)

    def test_the_suite_run_of_the_notebook_loads(self):
        s = ao.load_suite(notebook_out())
        self.assertEqual(s["summary"]["n_failed"], 0)
        self.assertIn("fig3_cff", s["tables"])
        fig3 = s["tables"]["fig3_cff"]
        self.assertEqual(list(fig3.columns), ["recast", "ma_GeV", "c_low", "c_high"])
        self.assertIn("babar_knunu", set(fig3.recast))
        self.assertTrue(math.isinf(fig3.c_high.max()))

    def test_every_csv_of_the_notebooks_suite_run_round_trips(self):
        n, copy = 0, os.path.join(notebook_out(), ".roundtrip.csv")
        for root, _, files in os.walk(notebook_out()):
            for f in sorted(files):
                if f.endswith(".csv") and not f.startswith("."):
                    path = os.path.join(root, f)
                    frames = ao.load_blocks(path)
                    ao.write_csv(frames if len(frames) > 1 else frames[0], copy)
                    with open(path, "rb") as a, open(copy, "rb") as b:
                        self.assertEqual(a.read(), b.read(), path)
                    n += 1
        os.remove(copy)
        self.assertGreater(n, 40)  # 9 recasts (intervals, polygons, extras) and Fig. 3's tables

    def test_an_untagged_error_cell_raises(self):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"),
                                             nbformat.v4.new_code_cell("error('stop here')"),
                                             nbformat.v4.new_code_cell("x = 2")])
        client = nbclient.NotebookClient(nb, kernel_name="alpcast", timeout=60)
        with self.assertRaises(CellExecutionError) as ctx:
            client.execute()
        self.assertIn("stop here", str(ctx.exception))
        self.assertEqual(nb.cells[2].outputs, [])  # the run stopped at the error


if __name__ == "__main__":
    unittest.main()
