-- tests/lua/test_plot.lua: alp.plot.figure writes a .gp script and, with
-- gnuplot, SVG and PDF; without gnuplot it says so and keeps the .gp.
local lu = require "luaunit"
local h = require "helpers"

TestPlot = {}

function TestPlot:setUp()
  self.dir = h.tmpdir()
  self.csv = self.dir .. "/band.csv"
  alp.output.csv(self.csv, { columns = { "ma_GeV", "c_low", "c_high" },
    rows = { { 0.01, 1e-4, 1e-2 }, { 0.1, 2e-4, 3e-2 }, { 1, 5e-4, math.huge } } })
end
function TestPlot:tearDown() h.rmtree(self.dir) end

local slurp = h.slurp

function TestPlot:test_figure_svg_pdf_with_filled_region()
  if not alp.plot.gnuplot() then lu.skip("gnuplot not installed") end
  local files = alp.plot.figure {
    output = self.dir .. "/fig", title = "c_{ff}", xlabel = "m_a [GeV]", ylabel = "c",
    xrange = { 0.01, 1 }, yrange = { 1e-5, 1 },
    series = { { file = self.csv, x = "ma_GeV", y = "c_low", y2 = "c_high", style = "filled",
                 title = "excluded" },
               { file = self.csv, x = "ma_GeV", y = "c_low" } },
  }
  lu.assertEquals(files, { self.dir .. "/fig.gp", self.dir .. "/fig.svg", self.dir .. "/fig.pdf" })
  local svg = slurp(self.dir .. "/fig.svg")
  lu.assertStrContains(svg, "<polygon")          -- the filled region
  lu.assertStrContains(svg, "excluded")          -- its legend entry
  lu.assertEquals(slurp(self.dir .. "/fig.pdf"):sub(1, 5), "%PDF-")
  local gp = slurp(self.dir .. "/fig.gp")
  lu.assertStrContains(gp, '"band.csv" using 1:(fin($2)):(fin($3)) with filledcurves')
  lu.assertStrContains(gp, "set logscale x")
  lu.assertNil(slurp(self.dir .. "/fig.svg.tmp"))
end

function TestPlot:test_unknown_column_is_named_with_the_columns()
  lu.assertErrorMsgContains("no column 'c_hgh'", alp.plot.figure,
    { output = self.dir .. "/f2", series = { { file = self.csv, x = "ma_GeV", y = "c_hgh" } } })
  lu.assertErrorMsgContains("columns: ma_GeV, c_low, c_high", alp.plot.figure,
    { output = self.dir .. "/f2", series = { { file = self.csv, y = "c_hgh" } } })
  lu.assertErrorMsgContains("y2 is required", alp.plot.figure,
    { output = self.dir .. "/f2", series = { { file = self.csv, y = "c_low", style = "filled" } } })
  lu.assertErrorMsgContains("unknown option 'serie'", alp.plot.figure,
    { output = self.dir .. "/f2", serie = {} })
end

function TestPlot:test_without_gnuplot_writes_gp_and_says_so()
  local script = self.dir .. "/s.lua"
  local f = assert(io.open(script, "w"))
  f:write(string.format([[
local r, why = alp.plot.figure{output = %q, series = {{file = %q, y = "c_low"}}}
print(r, why)
]], self.dir .. "/nogp", self.csv))
  f:close()
  local out, code = h.run("ALPCAST_GNUPLOT=none " .. h.exe() .. " " .. h.q(script))
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "nil\tgnuplot not found")
  lu.assertNotNil(slurp(self.dir .. "/nogp.gp"))
  lu.assertNil(slurp(self.dir .. "/nogp.svg"))
end
