-- tests/lua/test_recast_na62_kpix.lua: recasts/na62_kpix.lua reproduces
-- numbers checked by hand: limits read off data/na62_kpix_ul.csv and
-- data/na62_kpix_pi0.csv at given lifetimes, and the coupling edges at
-- m_a = 50 MeV (analytic: B(K -> pi a) and c tau are c^2 and 1/c^2 laws).
local lu = require "luaunit"
local h = require "helpers"

TestRecastNa62Kpix = {}

local PATH = alp.root .. "/recasts/na62_kpix.lua"
local PS_PER_M = 1e12 / 2.99792458e8
-- data/na62_kpix_ul.csv at m = 0.05 GeV (tau = 100, 200, 500, 1000, 2000, 5000 ps, inf)
local UL50 = { 2.65e-07, 4.97e-09, 4.19e-10, 1.81e-10, 1.18e-10, 9.16e-11, 7.74e-11 }

local desc, data
local function load()
  if not desc then desc = alp.recast.load(PATH); data = alp.recast.data(desc) end
  return desc, data
end

-- the model of a benchmark whose lifetime at ma is tau_ps (tau ~ 1/c^2)
local function at_tau(bench, ma, tau_ps)
  local tau1 = alp.model.benchmark(bench, 1):ctau(ma) * PS_PER_M
  return alp.model.benchmark(bench, math.sqrt(tau1 / tau_ps))
end

-- the limit the recast applies: BR / ratio
local function ul_used(ma, m)
  local d, dat = load()
  local r = d.ratio(m, ma, dat, d.prepare(ma, dat, { seed = 1, name = "" }), { seed = 1, name = "" })
  if r == 0 then return math.huge end
  return m:br_k_to_pia(ma) / r
end

function TestRecastNa62Kpix:test_declaration()
  local d = load()
  lu.assertEquals(d.cl, 0.90)
  lu.assertEquals(d.benchmarks, { "cff", "cWW" })
  lu.assertStrContains(d.notes, "na62_kpix_ul.csv")
  lu.assertStrContains(d.notes, "na62_kpix_pi0.csv")
  lu.assertStrContains(d.notes, "90 %")
  lu.assertStrContains(d.notes, "100 ps")
end

function TestRecastNa62Kpix:test_limits_read_off_the_tables()
  local ma = 0.05
  for k, tau in ipairs { 100, 200, 500, 1000, 2000, 5000 } do
    -- just inside [100 ps, 5 ns] (tau is recomputed from c: rounding)
    local t = k == 1 and tau * (1 + 1e-12) or tau * (1 - 1e-12)
    h.assert_rel(ul_used(ma, at_tau("cff", ma, t)), UL50[k], 1e-6, "tau = " .. tau .. " ps")
  end
  -- ln BR linear in ln tau: the geometric mean at the geometric mid-point
  h.assert_rel(ul_used(ma, at_tau("cff", ma, math.sqrt(1000 * 2000))), math.sqrt(UL50[4] * UL50[5]), 1e-6,
               "tau = 1414 ps")
  -- above 5 ns linear in 1/tau towards the tau = inf column; below 100 ps no limit
  h.assert_rel(ul_used(ma, at_tau("cff", ma, 7000)), UL50[7] + (UL50[6] - UL50[7]) * 5000 / 7000, 1e-9,
               "tau = 7 ns: 5/7 of the way from inf to 5 ns in 1/tau")
  h.assert_rel(ul_used(ma, at_tau("cff", ma, 5e9)), UL50[7], 1e-5, "tau -> inf")
  lu.assertEquals(ul_used(ma, at_tau("cff", ma, 99)), math.huge)
  -- in mass: ln BR linear in m between 50 and 60 MeV (inf: 7.74e-11, 6.96e-11)
  h.assert_rel(ul_used(0.055, alp.model.benchmark("cff", 1e-6)), math.sqrt(7.74e-11 * 6.96e-11), 1e-6, "m = 55 MeV")
  -- the pi0 window comes from its own file: 0.130178 GeV, tau = inf: 9.5205e-10
  h.assert_rel(ul_used(0.130178, alp.model.benchmark("cff", 1e-6)), 9.5205e-10, 1e-6, "pi0 window")
  -- no limit above the table (0.26 GeV)
  lu.assertEquals(ul_used(0.3, alp.model.benchmark("cff", 1e-6)), math.huge)
end

function TestRecastNa62Kpix:test_edges_at_50_MeV_by_hand()
  local d = load()
  local ma = 0.05
  for _, b in ipairs { "cff", "cWW" } do
    local m1 = alp.model.benchmark(b, 1)
    -- lower edge: tau > 5 ns there, so B1 c^2 = UL_inf + (UL_5ns - UL_inf) 5000 ps c^2 / tau1
    -- with B1, tau1 the values at c = 1 (B ~ c^2, tau ~ 1/c^2)
    local B1, tau1 = m1:br_k_to_pia(ma), m1:ctau(ma) * PS_PER_M
    local lo = math.sqrt(UL50[7] / (B1 - (UL50[6] - UL50[7]) * 5000 / tau1))
    lu.assertTrue(tau1 / lo ^ 2 > 5000, "tau > 5 ns at the lower edge")
    -- upper edge: tau = 100 ps (B there exceeds UL(100 ps) = 2.65e-7)
    local hi = math.sqrt(m1:ctau(ma) * PS_PER_M / 100)
    lu.assertTrue(m1:br_k_to_pia(ma) * hi ^ 2 > UL50[1])
    local r = alp.recast.scan(d, b, nil, { masses = { ma } })
    lu.assertEquals(#r.intervals, 1, b)
    h.assert_rel(r.intervals[1].lo, lo, 2e-3, b .. " lower edge at 50 MeV")
    h.assert_rel(r.intervals[1].hi, hi, 2e-3, b .. " upper edge at 50 MeV (tau = 100 ps)")
  end
  -- the hand values: cff 4.385e-4 .. 3.203, cWW 0.2767 .. 44.31 TeV^-1
  h.assert_rel(math.sqrt(UL50[7] / alp.model.benchmark("cff", 1):br_k_to_pia(ma)), 4.385e-4, 2e-3, "cff c_low")
  h.assert_rel(math.sqrt(UL50[7] / alp.model.benchmark("cWW", 1):br_k_to_pia(ma)), 0.2767, 2e-3, "cWW c_low")
end
