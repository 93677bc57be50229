-- tests/lua/test_fig3.lua: scripts/figures/fig3.lua on a hand-made results
-- folder: reads the interval and polygon files of the recasts present, skips
-- the missing ones with a note (never fails), writes fig3_<benchmark>.csv and
-- the per-recast polygon files.  No gnuplot (ALPCAST_GNUPLOT=none): only the
-- .gp script is written.
local lu = require "luaunit"
local h = require "helpers"

TestFig3 = {}

local function write(p, text)
  local f = assert(io.open(p, "w"))
  f:write(text)
  f:close()
end

function TestFig3:setUp() self.dir = h.tmpdir() end
function TestFig3:tearDown() h.rmtree(self.dir) end

function TestFig3:test_partial_results_and_skips()
  local d = self.dir
  -- na62_kpix with both benchmarks (intervals + polygons), beamdumps_gg with
  -- cWW only and no polygon file (the script builds the polygons)
  alp.fs.mkdir(d .. "/na62_kpix")
  alp.fs.mkdir(d .. "/na62_kpix/extra")
  alp.fs.mkdir(d .. "/beamdumps_gg")
  for _, b in ipairs { "cff", "cWW" } do
    write(d .. "/na62_kpix/" .. b .. ".csv", "# test\nma_GeV,c_low,c_high\n0.01,1e-3,1\n0.02,1e-3,2\n0.03,2e-3,inf\n")
    write(d .. "/na62_kpix/extra/" .. b .. "_polygons.csv",
          "# test\nma_GeV,c\n0.01,1e-3\n0.02,1e-3\n0.02,1\n0.01,1\n0.01,1e-3\n\n0.03,2e-3\n0.04,2e-3\n0.04,3\n0.03,2e-3\n")
  end
  write(d .. "/beamdumps_gg/cWW.csv", "# test\nma_GeV,c_low,c_high\n0.1,0.1,10\n0.11,0.1,9\n0.12,0.1,8\n")
  local out, code = h.run("ALPCAST_GNUPLOT=none " .. h.exe() .. " scripts/figures/fig3.lua --out " .. h.q(d))
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "babar_knunu: no results")
  lu.assertStrContains(out, "beamdumps_gg: no cff results")
  lu.assertStrContains(out, "lhcb_kmumu_displaced: no results")
  -- the plotted data
  local cff = alp.data.csv(d .. "/fig3_cff.csv")
  lu.assertEquals(cff.n, 3)
  lu.assertEquals(cff.columns.recast[1], "na62_kpix")
  lu.assertEquals(cff.columns.c_high[3], math.huge)
  local cww = alp.data.csv(d .. "/fig3_cWW.csv")
  lu.assertEquals(cww.n, 6)
  -- two polygons copied for na62 (blank-line separated), one built for the beam dumps
  local text = assert(io.open(d .. "/fig3_cff_na62_kpix.csv")):read("a")
  lu.assertStrContains(text, "0.04,3")
  lu.assertTrue(text:find("\n\n", 1, true) ~= nil, "polygons separated by a blank line")
  lu.assertTrue(io.open(d .. "/fig3_cWW_beamdumps_gg.csv") ~= nil)
  lu.assertTrue(io.open(d .. "/fig3_cff.gp") ~= nil)
  local gp = assert(io.open(d .. "/fig3_cWW.gp")):read("a")
  lu.assertStrContains(gp, "fig3_cWW_beamdumps_gg.csv")
  lu.assertStrContains(gp, "fig3_cWW_na62_kpix.csv")
end

function TestFig3:test_empty_folder_does_not_fail()
  local out, code = h.run("ALPCAST_GNUPLOT=none " .. h.exe() .. " scripts/figures/fig3.lua --out " .. h.q(self.dir))
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "no figure")
  lu.assertEquals(alp.data.csv(self.dir .. "/fig3_cff.csv").n, 0)
end

-- The current Belle II bound (a variant per channel) is drawn, and the cWW
-- panel shades c/f_a above the D16(b) bound 1/m_B+ (inside its y range).
function TestFig3:test_belle2_2023_variants_and_validity_shading()
  local d = self.dir
  alp.fs.mkdir(d .. "/belle2_2023_displaced")
  write(d .. "/belle2_2023_displaced/cWW_kp_mumu.csv", "# test\nma_GeV,c_low,c_high\n0.3,1,10\n0.4,1,9\n")
  local out, code = h.run("ALPCAST_GNUPLOT=none " .. h.exe() .. " scripts/figures/fig3.lua --out " .. h.q(d))
  lu.assertEquals(code, 0, out)
  local cww = alp.data.csv(d .. "/fig3_cWW.csv")
  lu.assertEquals(cww.columns.recast[1], "belle2_2023_displaced_kp_mumu")
  local gp = assert(io.open(d .. "/fig3_cWW.gp")):read("a")
  lu.assertStrContains(gp, "Belle II 2023 K^+μμ") -- key text of alpcast.styles
  lu.assertStrContains(gp, "fig3_cWW_validity.csv")
  local v = alp.data.csv(d .. "/fig3_cWW_validity.csv")
  h.assert_rel(v.columns.c[1], alp.model.max_coupling("B+"), 1e-6, "shaded from 1/m_B+ up (8 digits written)")
  lu.assertFalse(alp.fs.exists(d .. "/fig3_cff_validity.csv"), "cff panel ends at 1e2 < 189: nothing to shade")
end
