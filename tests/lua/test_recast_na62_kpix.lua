-- tests/lua/test_recast_na62_kpix.lua: recasts/na62_kpix.lua reproduces
-- numbers checked by hand: limits read off data/na62_kpix_ul.csv and
-- data/na62_kpix_pi0.csv at given lifetimes (ln-ln in tau, 1/tau to inf
-- beyond 5 ns, none below 100 ps), and the coupling edges at m_a = 50 MeV
-- (analytic: B(K -> pi a) and c tau are c^2 and 1/c^2 laws).
local lu = require "luaunit"
local h = require "helpers"

TestRecastNa62Kpix = {}

local PATH = alp.root .. "/recasts/na62_kpix.lua"
local PS = 1e-12 * alp.constants.c_light -- c tau [m] of tau = 1 ps
-- data/na62_kpix_ul.csv at m = 0.05 GeV (tau = 100, 200, 500, 1000, 2000, 5000 ps, inf)
local UL50 = { 2.65e-07, 4.97e-09, 4.19e-10, 1.81e-10, 1.18e-10, 9.16e-11, 7.74e-11 }

local desc
local function load()
  desc = desc or alp.recast.load(PATH)
  return desc
end
local function ul(ma, tau_ps) return load().limit:at(ma, tau_ps * PS) end

function TestRecastNa62Kpix:test_declaration()
  local d = load()
  lu.assertEquals(d.cl, 0.90)
  lu.assertEquals(d.benchmarks, { "cff", "cWW" })
  lu.assertStrContains(d.notes, "na62_kpix_ul.csv")
  lu.assertStrContains(d.notes, "na62_kpix_pi0.csv")
  lu.assertStrContains(d.notes, "90 %")
  lu.assertStrContains(d.notes, "100 ps")
  local m = alp.model.benchmark("cff", 0.3)
  lu.assertEquals(d.signal(m, 0.05), m:br_k_to_pia(0.05), "signal = B(K+ -> pi+ a)")
end

function TestRecastNa62Kpix:test_limits_read_off_the_tables()
  local ma = 0.05
  for k, tau in ipairs { 100, 200, 500, 1000, 2000, 5000 } do
    h.assert_rel(ul(ma, tau), UL50[k], 1e-9, "tau = " .. tau .. " ps")
  end
  -- ln BR linear in ln tau: the geometric mean at the geometric mid-point
  h.assert_rel(ul(ma, math.sqrt(1000 * 2000)), math.sqrt(UL50[4] * UL50[5]), 1e-9, "tau = 1414 ps")
  -- above 5 ns linear in 1/tau towards the tau = inf column; below 100 ps no limit
  h.assert_rel(ul(ma, 7000), UL50[7] + (UL50[6] - UL50[7]) * 5000 / 7000, 1e-9,
               "tau = 7 ns: 5/7 of the way from inf to 5 ns in 1/tau")
  h.assert_rel(ul(ma, 5e9), UL50[7], 1e-5, "tau -> inf")
  lu.assertEquals(ul(ma, 99), math.huge)
  -- in mass: ln BR linear in m between 50 and 60 MeV (inf: 7.74e-11, 6.96e-11)
  h.assert_rel(ul(0.055, math.huge), math.sqrt(7.74e-11 * 6.96e-11), 1e-9, "m = 55 MeV")
  -- the pi0 window comes from its own file: 0.130178 GeV, tau = inf: 9.5205e-10;
  -- its first mass (0.1084 GeV) is nan at every tau but the main table ends
  -- at 0.110 GeV there: 0.109 GeV is from the main table (100-110 MeV)
  h.assert_rel(ul(0.130178, math.huge), 9.5205e-10, 1e-9, "pi0 window")
  lu.assertTrue(ul(0.109, math.huge) < 1, "0.109 GeV: main table")
  -- no limit above the table (0.26 GeV)
  lu.assertEquals(ul(0.3, math.huge), math.huge)
end

function TestRecastNa62Kpix:test_edges_at_50_MeV_by_hand()
  local d = load()
  local ma = 0.05
  for _, b in ipairs { "cff", "cWW" } do
    local m1 = alp.model.benchmark(b, 1)
    -- lower edge: tau > 5 ns there, so B1 c^2 = UL_inf + (UL_5ns - UL_inf) 5000 ps c^2 / tau1
    -- with B1, tau1 the values at c = 1 (B ~ c^2, tau ~ 1/c^2)
    local B1, tau1 = m1:br_k_to_pia(ma), m1:ctau(ma) / PS
    local lo = math.sqrt(UL50[7] / (B1 - (UL50[6] - UL50[7]) * 5000 / tau1))
    lu.assertTrue(tau1 / lo ^ 2 > 5000, "tau > 5 ns at the lower edge")
    -- upper edge: tau = 100 ps (B there exceeds UL(100 ps) = 2.65e-7)
    local hi = math.sqrt(tau1 / 100)
    lu.assertTrue(m1:br_k_to_pia(ma) * hi ^ 2 > UL50[1])
    local r = alp.recast.scan(d, b, nil, { masses = { ma } })
    lu.assertEquals(#r.intervals, 1, b)
    h.assert_rel(r.intervals[1].lo, lo, 2e-3, b .. " lower edge at 50 MeV")
    h.assert_rel(r.intervals[1].hi, hi, 2e-3, b .. " upper edge at 50 MeV (tau = 100 ps)")
  end
  -- the hand values: cff 4.385e-4, cWW 0.2767 TeV^-1
  h.assert_rel(math.sqrt(UL50[7] / alp.model.benchmark("cff", 1):br_k_to_pia(ma)), 4.385e-4, 2e-3, "cff c_low")
  h.assert_rel(math.sqrt(UL50[7] / alp.model.benchmark("cWW", 1):br_k_to_pia(ma)), 0.2767, 2e-3, "cWW c_low")
end
