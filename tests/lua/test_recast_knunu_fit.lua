-- tests/lua/test_recast_knunu_fit.lua: the B+ -> K+ nu nubar excess as a
-- preferred region (issue 18 item 6): alp.limit.band, result = "preferred",
-- alp.recast.preferred, and the two fits.  Rows of belle2_knunu_fit.csv:
-- "1.99666,8.81634e-06,6.33412e-06,1.13585e-05", "2.00669,8.76992e-06,6.28736e-06,1.12935e-05";
-- of babar_belle2_knunu_fit.csv (m, central, high, low): 1.9966580475191489 ->
-- (5.0078e-06, 7.13625e-06, 2.87918e-06), 2.0109040347367904 -> (5.0055e-06, 7.15570e-06, 2.91406e-06).
local lu = require "luaunit"
local h = require "helpers"
local band = require "alpcast.band"
local suite = require "alpcast.suite"

TestKnunuFit = {}

local function load(n) return alp.recast.load(alp.root .. "/recasts/" .. n .. "/" .. n .. ".lua") end
local FEW = { n_events = 4000, seed = 1 } -- <P_inv> barely matters for an invisible ALP

-- an invisible ALP (Gamma_inv = 1 MeV >> its visible width at c ~ 0.01): the
-- coupling at which B(B+ -> K+ a) = b at m_a, found by the tests' own bisection
local function invisible(c) return alp.model { cff = c, gamma_inv = 1e-3 } end
local function c_for(b, ma)
  return h.bisect_log(function(c) return invisible(c):br_b_to_ka(ma) - b end, 1e-5, 1)
end

function TestKnunuFit:test_band_edges_linear_in_mass()
  local d = load("belle2_knunu_fit")
  local u = (2.0 - 1.99666) / (2.00669 - 1.99666)
  local lo, hi = d.limit:band(2.0)
  h.assert_rel(lo, 6.33412e-06 + u * (6.28736e-06 - 6.33412e-06), 1e-9, "lower edge at 2 GeV")
  h.assert_rel(hi, 1.13585e-05 + u * (1.12935e-05 - 1.13585e-05), 1e-9, "upper edge at 2 GeV")
  lu.assertEquals(d.limit:at(2.0), hi, "at() is the upper edge")
  lu.assertEquals(select(2, d.limit:band(3.2)), math.huge, "no band above the fit's 2.96 GeV")
  lu.assertEquals(d.result, "preferred")
  lu.assertEquals(d.limit.bounds, "band")
  local c = load("babar_belle2_knunu_fit")
  local lo2, hi2 = c.limit:band(1.9966580475191489)
  h.assert_rel(lo2, 2.8791773778920298e-06, 1e-12, "combined: col4 is the lower edge")
  h.assert_rel(hi2, 7.13624678663239e-06, 1e-12, "combined: col3 is the upper edge")
end

-- Done-when of item 6: an invisible ALP at m_a = 2 GeV with B(B+ -> K+ a) =
-- 9e-6 (Belle II-only central value there) is preferred by the Belle II fit
-- and not by the combined one; at 5e-6 (the combined central value) the
-- reverse (5e-6 < Belle II's lower edge 6.3e-6, 9e-6 > combined upper 7.1e-6).
function TestKnunuFit:test_invisible_alp_at_2_GeV()
  local b2, comb = load("belle2_knunu_fit"), load("babar_belle2_knunu_fit")
  local m9, m5 = invisible(c_for(9e-6, 2.0)), invisible(c_for(5e-6, 2.0))
  local ok, s = alp.recast.preferred(b2, m9, 2.0, nil, FEW)
  lu.assertTrue(ok, "Belle II fit prefers B = 9e-6 at 2 GeV")
  h.assert_rel(s, 9e-6, 1e-3, "invisible: signal = B(B+ -> K+ a)")
  lu.assertFalse((alp.recast.preferred(comb, m9, 2.0, nil, FEW)), "combined fit: 9e-6 above its band")
  lu.assertTrue((alp.recast.preferred(comb, m5, 2.0, nil, FEW)), "combined fit prefers 5e-6")
  lu.assertFalse((alp.recast.preferred(b2, m5, 2.0, nil, FEW)), "Belle II: 5e-6 below its band")
  lu.assertErrorMsgContains("not \"preferred\"", alp.recast.preferred, load("e949_kpix"), m5, 0.1)
  lu.assertErrorMsgContains("alp.recast.preferred: ma must be", alp.recast.preferred, b2, m5, -1)
  lu.assertErrorMsgContains("alp.recast.preferred: model must be an alp.model", alp.recast.preferred, b2, "cff", 2.0)
end

-- The scan's two-sided region for the invisible family at 2 GeV: one interval
-- from B = lower edge to B = upper edge, each to the scan's rtol.
function TestKnunuFit:test_scan_interval_is_the_band()
  local d = load("belle2_knunu_fit")
  local res = alp.recast.scan(d, "cff", nil, { masses = { 2.0 }, family = invisible,
                                                couplings = { min = 1e-4, max = 1, n = 40 } })
  lu.assertEquals(#res.intervals, 1)
  local lo, hi = d.limit:band(2.0)
  local iv = res.intervals[1]
  h.assert_rel(iv.lo, c_for(lo, 2.0), 2e-3, "c_low: B = lower edge")
  h.assert_rel(iv.hi, c_for(hi, 2.0), 2e-3, "c_high: B = upper edge")
end

function TestKnunuFit:test_ratio_is_above_one_exactly_inside()
  lu.assertTrue(band.ratio(2, 1, 3) > 1)
  lu.assertTrue(band.ratio(0.9, 1, 3) < 1)
  lu.assertTrue(band.ratio(3.1, 1, 3) < 1)
  h.assert_rel(band.ratio(1, 1, 3), 1, 1e-15, "edge")
  lu.assertTrue(band.ratio(1e-9, 0, 3) > 1, "a band from 0 admits any small signal")
  lu.assertEquals(band.ratio(2, 1, math.huge), 0, "no band: nothing preferred")
end

local function lim(col)
  return alp.limit.new { columns = { m = { 0, 5 }, lo = { 1e-3, 1e-3 }, hi = { 3e-3, 3e-3 } },
                         units = { m = "GeV", lo = "1", hi = "1" }, value = col, mass = "m", cl = 0.68 }
end
local TOY = [[
return alp.recast { name = "toy_pref", experiment = "Test", process = "x", reference = "r", signature = "invisible",
  cl = 0.68, result = "preferred", masses = { 1, 2 }, couplings = { min = 1e-4, max = 1, n = 30 },
  limit = alp.limit.band { lower = alp.limit.new { columns = { m = { 0, 5 }, v = { 1e-3, 1e-3 } }, units = { m = "GeV", v = "1" }, value = "v", mass = "m", cl = 0.68 },
                           upper = alp.limit.new { columns = { m = { 0, 5 }, v = { 4e-3, 4e-3 } }, units = { m = "GeV", v = "1" }, value = "v", mass = "m", cl = 0.68 } },
  signal = function(model) return model.c end }
]]

function TestKnunuFit:test_contract_and_outputs_say_preferred()
  lu.assertErrorMsgContains("must be an alp.limit.band", alp.recast, { name = "x", experiment = "e",
    process = "p", reference = "r", signature = "invisible", cl = 0.68, result = "preferred", limit = lim("hi"),
    signal = function() return 0 end })
  lu.assertErrorMsgContains("lower edge 0.003 above the upper edge 0.001", function()
    return alp.limit.band { lower = lim("hi"), upper = lim("lo") }:band(1) end)
  lu.assertErrorMsgContains("must not be an alp.limit.band", alp.recast, { name = "x", experiment = "e",
    process = "p", reference = "r", signature = "invisible", cl = 0.68,
    limit = alp.limit.band { lower = lim("lo"), upper = lim("hi") }, signal = function() return 0 end })
  local dir = h.tmpdir()
  alp.fs.mkdir(dir .. "/rc")
  local f = assert(io.open(dir .. "/rc/toy_pref.lua", "w")); f:write(TOY); f:close()
  local fam = function(c) return { c = c, ctau = function() return 1 end } end
  local out, old = {}, _G.print
  _G.print = function(...) out[#out + 1] = table.concat({ ... }, "\t") end
  local ok, code = pcall(suite.main, { "--recasts", dir .. "/rc", "--out", dir .. "/out", "--no-figures", "-j", "1" },
                         { families = { cff = fam, cWW = fam }, bundled = false })
  local ok2, code2 = pcall(suite.main, { "--recasts", dir .. "/rc", "--list" }, { bundled = false })
  _G.print = old
  lu.assertTrue(ok and ok2, tostring(code) .. tostring(code2))
  lu.assertEquals(code, 0, table.concat(out, "\n"))
  lu.assertStrContains(table.concat(out, "\n"), "[preferred region]")
  local g = assert(io.open(dir .. "/out/toy_pref/cff.csv")); local text = g:read("a"); g:close()
  lu.assertStrContains(text, "couplings preferred at 68% CL")
  lu.assertNotStrContains(text, "excluded")
  -- signal = c: preferred from 1e-3 to 4e-3 at each mass
  local row = text:match("\n1,([^\n]+)")
  local a, b = row:match("([^,]+),([^,]+)")
  h.assert_rel(tonumber(a), 1e-3, 2e-3, "c_low"); h.assert_rel(tonumber(b), 4e-3, 2e-3, "c_high")
  local s = assert(io.open(dir .. "/out/summary.json")); local js = s:read("a"); s:close()
  lu.assertStrContains(js, '"result": "preferred"')
  h.rmtree(dir)
end
