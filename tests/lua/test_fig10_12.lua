-- tests/lua/test_fig10_12.lua: the figure scripts of paper Figs. 10-12
-- (scripts/figures/fig10.lua, fig11.lua, fig12.lua): the Fig. 10 table, no
-- failure when inputs are missing, and the eq. (5.1) reach of fig12 on
-- hand-written inputs.  Run as `alpcast FILE --out DIR` without gnuplot.
local lu = require "luaunit"
local h = require "helpers"

TestFig10to12 = {}

function TestFig10to12:setUp() self.dir = h.tmpdir() end
function TestFig10to12:tearDown() h.rmtree(self.dir) end

local function run(script, dir)
  return h.run("ALPCAST_GNUPLOT=none " .. h.q(h.exe()) .. " scripts/figures/" .. script .. " --out " .. h.q(dir))
end

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

function TestFig10to12:test_fig10_table()
  local out, code = run("fig10.lua", self.dir)
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "m_a = 3 GeV: no limit")
  local d = alp.data.csv(self.dir .. "/fig10_br_vs_ctau.csv")
  lu.assertEquals(d.names, { "ma_GeV", "ctau_m", "br_ul_0p5ab", "br_ul_50ab" })
  lu.assertStrContains(d.meta.notes, "inf")
  local per_mass, masses = {}, {}
  for k = 1, d.n do
    local ma = d.columns.ma_GeV[k]
    if not per_mass[ma] then per_mass[ma] = {}; masses[#masses + 1] = ma end
    local t = per_mass[ma]
    t[#t + 1] = { d.columns.ctau_m[k], d.columns.br_ul_0p5ab[k], d.columns.br_ul_50ab[k] }
  end
  lu.assertEquals(masses, { 0.005, 0.05, 0.07, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 2, 3, 4 })
  for _, ma in ipairs(masses) do
    local t = per_mass[ma]
    lu.assertTrue(#t >= 71, "at least 10 points per decade over 1e-4 - 1e3 m")
    h.assert_rel(t[1][1], 1e-4, 1e-9, "first c tau")
    h.assert_rel(t[#t][1], 1e3, 1e-9, "last c tau")
    if ma >= 3 then
      lu.assertEquals(t[1][3], math.huge)
    else
      for j = 2, #t do lu.assertTrue(t[j][3] <= t[j - 1][3] * (1 + 1e-8), "monotone in c tau") end
      -- background-dominated: ~1/sqrt(L), a factor ~10 from 0.5 to 50 ab^-1
      local r = t[#t][2] / t[#t][3]
      lu.assertTrue(r > 9.5 and r < 10.5, string.format("0.5 vs 50 ab^-1: %.3g", r))
    end
  end
end

function TestFig10to12:test_missing_inputs_are_notes()
  for _, f in ipairs { "fig11.lua", "fig12.lua" } do
    local out, code = run(f, self.dir)
    lu.assertEquals(code, 0, out)
    lu.assertStrContains(out, "note:")
  end
end

local INTERVALS = [[
# scan: 3 masses 0.1-1 GeV; c on a log grid
ma_GeV,c_low,c_high
%s
]]

function TestFig10to12:test_fig12_reach_on_given_inputs()
  local d = self.dir
  alp.fs.mkdir(d .. "/belle2_displaced")
  alp.fs.mkdir(d .. "/belle2_kinv")
  write(d .. "/belle2_displaced/cff_ee.csv", INTERVALS:format("0.1,3e-3,0.1\n0.31622777,2e-3,0.05\n1,4e-3,0.02"))
  write(d .. "/belle2_displaced/cff_mumu.csv", INTERVALS:format("0.31622777,5e-4,0.3\n1,1.5e-4,0.01"))
  write(d .. "/belle2_kinv/cff_50ab_0bg.csv", INTERVALS:format("0.1,6e-5,inf\n0.31622777,6.2e-5,inf\n1,9e-5,inf"))
  write(d .. "/belle2_kinv/cff_50ab.csv", INTERVALS:format("0.1,9e-4,inf\n0.31622777,1e-3,inf\n1,4e-3,inf"))
  local out, code = run("fig12.lua", d)
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "eq. (5.1) reach, cff")
  lu.assertStrContains(out, "note:") -- Fig. 3 inputs and cWW are missing
  local r = alp.data.csv(d .. "/fig12_reach.csv")
  local got = {}
  for k = 1, r.n do
    local row = r:row(k)
    if row.benchmark == "cff" then got[row.combination .. "|" .. row.search] = row end
  end
  local no_bg = got["displaced+invisible(no background)|belle2_kinv 50ab_0bg"]
  lu.assertNotNil(no_bg)
  h.assert_rel(no_bg.c_min_TeVinv, 6e-5, 1e-12, "reach without background")
  h.assert_rel(no_bg.ma_GeV, 0.1, 1e-12, "its mass")
  h.assert_rel(no_bg.ma_hi_GeV, 0.31622777, 1e-12, "within 10 %")
  local bg = got["displaced+invisible(with background)|belle2_displaced mumu"]
  lu.assertNotNil(bg)
  h.assert_rel(bg.c_min_TeVinv, 1.5e-4, 1e-12, "reach with background")
  h.assert_rel(bg.ma_GeV, 1, 1e-12, "its mass")
  -- the outlines: ee closed through the three masses (lower edge out, upper back)
  local f = alp.data.csv(d .. "/fig12_cff.csv")
  lu.assertEquals(f.names, { "ma_GeV", "c_ee", "c_mumu", "c_inv0" })
  local ee = {}
  for k = 1, f.n do
    local c = f.columns.c_ee[k]
    if c == c then ee[#ee + 1] = c end
  end
  lu.assertEquals(ee, { 3e-3, 2e-3, 4e-3, 0.02, 0.05, 0.1, 3e-3 })
end
