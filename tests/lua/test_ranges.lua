-- tests/lua/test_ranges.lua: alpcast.ranges, the mass and c tau ranges that
-- `alpcast suite --list` prints, on bundled recasts whose tables are known:
-- NA62 2025 (0-0.26 GeV, tau 100-5000 ps + stable curve, 1/tau beyond),
-- E787 (tau 10-1e4 ps, held below 10 ps), KOTO (a table in m only),
-- na62_kpix (piecewise), belle2_kinv (computed limit).
local lu = require "luaunit"
local h = require "helpers"
local ranges = require "alpcast.ranges"

TestRanges = {}

local PS = 1e-12 * alp.constants.c_light
local function of(name, folder)
  local p = alp.root .. "/recasts/" .. (folder and (name .. "/") or "") .. name .. ".lua"
  return ranges.of_recast(alp.recast.load(p))
end

function TestRanges:test_tables_and_their_outside_rules()
  local r = of("na62_2025_kpix", true)
  -- the table starts at m = 0, the recast's grid at 1e-3 GeV: the grid wins
  lu.assertEquals(r.mass, { 1e-3, 0.26 })
  h.assert_rel(r.ctau[1], 100 * PS, 1e-12, "shortest lifetime: 100 ps")
  lu.assertEquals(r.ctau[2], math.huge, "outside.long = inverse reaches tau = inf")
  r = of("e787_kpi_gg", true)
  lu.assertEquals(r.ctau[1], 0, "outside.short = hold reaches tau = 0")
  h.assert_rel(r.ctau[2], 1e4 * PS, 1e-12, "longest lifetime: 1e4 ps, no limit beyond")
  h.assert_rel(r.mass[1], 5e-3, 1e-12)
  h.assert_rel(r.mass[2], 0.1, 1e-12)
  lu.assertEquals(ranges.text(r), "m 0.005-0.1 GeV, c tau 0-3 m")
end

function TestRanges:test_mass_only_piecewise_and_computed()
  local r = of("koto_klpi0x", true)
  lu.assertNil(r.ctau)
  lu.assertEquals(ranges.text(r), "m 0.001-0.26 GeV, c tau any (table in m only)")
  -- na62_kpix: main table 0-0.110 and 0.154-0.26 GeV, pi0 window 0.110-0.154
  r = of("na62_kpix")
  lu.assertEquals(r.mass, { 1e-3, 0.26 })
  lu.assertEquals(r.ctau[2], math.huge)
  r = of("belle2_kinv")
  lu.assertTrue(r.computed)
  lu.assertEquals(ranges.text(r), "m 0.001-4.78 GeV, c tau computed")
end
