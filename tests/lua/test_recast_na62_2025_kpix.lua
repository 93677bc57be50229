-- tests/lua/test_recast_na62_2025_kpix.lua: NA62 2016-2022 K+ -> pi+ X
-- (arXiv:2507.17286, ALPaca's grid).  Hand values: rows of
-- na62_2025_kpix.csv at m_X = 0.0509091 GeV (tau = 100 ... 5000 ps, inf):
-- 4.9967e-10, 9.9536e-11, 3.5377e-11, 2.344e-11, 1.8769e-11, 1.7004e-11, 1.5703e-11.
local lu = require "luaunit"
local h = require "helpers"

TestNa62_2025Kpix = {}

local PS = 1e-12 * alp.constants.c_light -- c tau [m] of 1 ps
local MA = 0.0509091
local UL = { 4.9967e-10, 9.9536e-11, 3.5377e-11, 2.344e-11, 1.8769e-11, 1.7004e-11, 1.5703e-11 }
local d
local function load()
  d = d or alp.recast.load(alp.root .. "/recasts/na62_2025_kpix/na62_2025_kpix.lua")
  return d
end

function TestNa62_2025Kpix:test_limit_read_off_the_grid()
  local lim = load().limit
  for k, tau in ipairs { 100, 200, 500, 1000, 2000, 5000 } do
    h.assert_rel(lim:at(MA, tau * PS), UL[k], 1e-9, "tau = " .. tau .. " ps")
  end
  -- beyond 5 ns linear in 1/tau to the stable-X curve (ALPaca's 1e4 ps row)
  h.assert_rel(lim:at(MA, 7000 * PS), UL[7] + (UL[6] - UL[7]) * 5000 / 7000, 1e-9, "tau = 7 ns")
  h.assert_rel(lim:at(MA, math.huge), UL[7], 1e-9, "stable X")
  lu.assertEquals(lim:at(MA, 99 * PS), math.huge, "below 100 ps: no limit")
  lu.assertEquals(lim:at(0.13, math.huge), math.huge, "pi0 window (nan): no limit")
  lu.assertEquals(lim:at(0.27, math.huge), math.huge, "above 0.26 GeV: no limit")
end

-- the excluded interval at m_X = 0.0509091 GeV by hand: B ~ c^2, tau ~ 1/c^2
function TestNa62_2025Kpix:test_edges_by_hand()
  local dd = load()
  lu.assertEquals(dd.parent, "K+")
  for _, b in ipairs { "cff", "cWW" } do
    local m1 = alp.model.benchmark(b, 1)
    local B1, tau1 = m1:br_k_to_pia(MA), m1:ctau(MA) / PS
    lu.assertEquals(dd.signal(m1, MA), B1)
    -- lower edge beyond 5 ns: B1 c^2 = UL_inf + (UL_5ns - UL_inf) 5000 c^2 / tau1
    local lo = math.sqrt(UL[7] / (B1 - (UL[6] - UL[7]) * 5000 / tau1))
    lu.assertTrue(tau1 / lo ^ 2 > 5000, b .. ": tau > 5 ns at the lower edge")
    -- upper edge: the 100 ps cut (B exceeds UL(100 ps) there)
    local hi = math.sqrt(tau1 / 100)
    lu.assertTrue(B1 * hi ^ 2 > UL[1], b)
    local r = alp.recast.scan(dd, b, nil, { masses = { MA } })
    lu.assertEquals(#r.intervals, 1, b)
    h.assert_rel(r.intervals[1].lo, lo, 2e-3, b .. " lower edge")
    h.assert_rel(r.intervals[1].hi, hi, 2e-3, b .. " upper edge (tau = 100 ps)")
  end
  -- by hand: B(K+ -> pi+ a) = 4.025e-4 at c_ff/f_a = 1 TeV^-1 (4.08e-4 x the
  -- phase space at 51 MeV, D6), so c = sqrt(1.5703e-11 / 4.025e-4) = 1.975e-4
  -- TeV^-1, 2.2x below the 2017 bound (4.385e-4, test_recast_na62_kpix)
  local m1 = alp.model.benchmark("cff", 1)
  h.assert_rel(m1:br_k_to_pia(MA), 4.025e-4, 2e-3, "B(K+ -> pi+ a), c_ff = 1")
  h.assert_rel(math.sqrt(UL[7] / m1:br_k_to_pia(MA)), 1.975e-4, 2e-3, "cff, stable-X limit")
end
