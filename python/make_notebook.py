#!/usr/bin/python3
"""Writes examples/alpcast.ipynb (no outputs) from the cells below:
/usr/bin/python3 python/make_notebook.py.  The notebook is executed headless
by `make jupyter-test` (python/tests/test_notebook.py asserts on its outputs)."""
import os
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

cells = [
    new_markdown_cell(
        "# alpcast in Jupyter\n\n"
        "This notebook runs in the **alpcast (Lua 5.4)** kernel (`make install`, then "
        "`jupyter notebook` and pick the kernel). Each cell is Lua in one alpcast session: "
        "the last expression of a cell is echoed as the REPL echoes it, `help(...)` prints, "
        "Tab completes, the stop button interrupts a computation and keeps the variables, "
        "and figures made with `alp.plot.figure` (or SVG paths a cell returns) show inline.\n\n"
        "It reproduces the seed's Fig. 3 (arXiv:2201.06580), runs a recast written here, "
        "and checks one point."),
    new_code_cell(
        "-- the c_ff benchmark of seed eq. (2.13), c_ff(Lambda) = 1, f_a = 1 TeV;\n"
        "-- REFERENCE.md sec. 4.6: c tau(m_a = 0.3 GeV) = 1.700e-6 m (2 %)\n"
        "m = alp.model.benchmark(\"cff\", 1)\n"
        "m:ctau(0.3)"),
    new_code_cell("help(alp.model.benchmark)"),
    new_markdown_cell(
        "## Fig. 3: the existing bounds\n\n"
        "The recasts behind the seed's Fig. 3, each in its own process, then the figure "
        "script, into a temporary folder `out` (about 15 s of CPU; BaBar B→Kνν̄ runs a "
        "Monte Carlo)."),
    new_code_cell(
        "-- the recasts Fig. 3 draws (the names in scripts/figures/fig3.lua)\n"
        "local names, seen = {}, {}\n"
        "local script = io.open(alp.root .. \"/scripts/figures/fig3.lua\"):read(\"a\")\n"
        "for n in script:gmatch('name = \"([%w_]+)\"') do\n"
        "  if not seen[n] then seen[n] = true; names[#names + 1] = n end\n"
        "end\n"
        "out = os.tmpname(); os.remove(out)\n"
        "status = require(\"alpcast.suite\").main {\n"
        "  \"--out\", out, \"-j\", \"2\", \"--only\", table.concat(names, \",\") .. \",fig3\" }\n"
        "assert(status == 0, \"the suite failed: see the lines above\")\n"
        "{ out .. \"/fig3_cff.svg\", out .. \"/fig3_cWW.svg\" }"),
    new_markdown_cell(
        "## A recast of your own\n\n"
        "BaBar's limits on B(B⁺→K⁺a)·B(a→γγ) at cτ = 1, 10, 100 mm (PRL 128 (2022) 131802, "
        "the bundled `recasts/data/babar_kgg_ul.csv`) declared here, in a folder of its own. "
        "With the bundled recast's data and signal it must give the bundled result."),
    new_code_cell(
        "mine = out .. \"/my_recasts/my_kgg\"\n"
        "alp.fs.mkdir(mine)\n"
        "alp.output.text(mine .. \"/babar_kgg_ul.csv\",\n"
        "                io.open(alp.root .. \"/recasts/data/babar_kgg_ul.csv\"):read(\"a\"))\n"
        "alp.output.text(mine .. \"/my_kgg.lua\", [==[\n"
        "local limit = alp.limit.csv(\"babar_kgg_ul.csv\", {\n"
        "  value = \"br_ul\", mass = \"ma_GeV\", lifetime = \"ctau_mm\", cl = 0.90,\n"
        "  interpolate = { mass = \"linear\", lifetime = \"log\", value = \"log\" },\n"
        "  outside = { mass = \"none\", short = \"hold\", long = \"none\" } })\n"
        "return alp.recast {\n"
        "  name = \"my_kgg\", experiment = \"BaBar\", process = \"B+ -> K+ a, a -> gamma gamma\",\n"
        "  reference = \"PRL 128 (2022) 131802, arXiv:2111.01800\", signature = \"displaced\",\n"
        "  cl = 0.90, parent = \"B+\", limit = limit,\n"
        "  masses = { min = 0.184492, max = 2.49465, n = 200 },\n"
        "  couplings = { min = 1e-4, max = 1e4, n = 200 },\n"
        "  signal = function(model, ma) return model:br_b_to_ka(ma) * model:br(ma, \"gammagamma\") end,\n"
        "}\n"
        "]==])\n"
        "d = alp.recast.load(mine .. \"/my_kgg.lua\")\n"
        "r = alp.recast.scan(d, \"cff\")\n"
        "rows = alp.scan.rows(r)\n"
        "bundled = alp.data.csv(out .. \"/babar_kgg/cff.csv\")\n"
        "-- lower edge at the first mass, mine / the suite's (the scan's rtol is 1e-3)\n"
        "ratio = rows[1][2] / bundled.columns.c_low[1]\n"
        "assert(math.abs(ratio - 1) < 1e-3, \"my recast differs from the bundled one\")\n"
        "#rows, rows[1][1], rows[1][2], ratio"),
    new_code_cell(
        "-- the lower edge of my recast, drawn with alp.plot (shown inline)\n"
        "alp.output.csv(out .. \"/my_kgg_cff.csv\", { columns = { \"ma_GeV\", \"c_low\", \"c_high\" },\n"
        "                                            rows = rows })\n"
        "alp.plot.figure { output = out .. \"/my_kgg_cff\", formats = { \"svg\" },\n"
        "  logx = true, logy = true, xlabel = \"m_a [GeV]\", ylabel = \"c_{ff}/f_a [TeV^{-1}]\",\n"
        "  series = { { file = out .. \"/my_kgg_cff.csv\", x = \"ma_GeV\", y = \"c_low\",\n"
        "               title = \"my BaBar K^+γγ recast, lower edge\" } } }\n"
        "print(\"figure written\")"),
    new_markdown_cell(
        "## Errors\n\nA Lua error is a Jupyter error with its message and traceback; "
        "the session goes on (this cell is tagged `raises-exception`)."),
    new_code_cell("m:ctau(-1)", metadata={"tags": ["raises-exception"]}),
    new_markdown_cell(
        "## One point, checked\n\n`alp.recast.check(model, m_a)` gives each recast's verdict on the "
        "model at one mass (the suite's scan at that mass). The model `m` (c_ff/f_a = 1 TeV⁻¹) at "
        "m_a = 0.3 GeV, with my recast and the bundled BaBar K⁺γγ one: they must agree."),
    new_code_cell(
        "-- guarded: runs when this build has alp.recast.check\n"
        "if alp.recast.check then\n"
        "  verdicts = alp.recast.check(m, 0.3, { recasts = { d, alp.root .. \"/recasts/babar_kgg.lua\" } })\n"
        "  for _, v in ipairs(verdicts) do\n"
        "    print(string.format(\"%-10s %-15s signal/limit = %.6g\", v.recast, v.verdict, v.ratio or 0 / 0))\n"
        "  end\n"
        "  assert(verdicts[1].verdict == verdicts[2].verdict, \"my recast and the bundled one disagree\")\n"
        "  print(string.format(\"agree: %s, ratio mine/bundled = %.6g\", verdicts[1].verdict,\n"
        "                      verdicts[1].ratio / verdicts[2].ratio))\n"
        "else\n"
        "  print(\"alp.recast.check is not in this build\")\n"
        "end"),
]

nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "alpcast", "display_name": "alpcast (Lua 5.4)", "language": "lua"},
    "language_info": {"name": "lua", "version": "5.4", "file_extension": ".lua",
                      "mimetype": "text/x-lua"}})
target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "examples", "alpcast.ipynb")
nbformat.validate(nb)
tmp = target + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    nbformat.write(nb, f)
os.replace(tmp, target)
print("wrote " + target)
