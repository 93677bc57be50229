-- tests/lua/test_recast_na62_2025_kpi_visible.lua: NA62 K+ -> pi+ a(gamma
-- gamma / mu mu) grids (ALPaca's, arXiv:2507.17286) on alp.limit.  Hand
-- values from gg.csv rows "0.299799,0,0,4.626482e-09",
-- "0.299799,100,0.02997925,8.48119e-09", "0.3004774,0,0,4.85013e-09".
local lu = require "luaunit"
local h = require "helpers"

local d
local function load()
  d = d or alp.recast.load(alp.root .. "/recasts/na62_2025_kpi_visible/na62_2025_kpi_visible.lua")
  return d
end

TestNa62_2025 = {}

function TestNa62_2025:test_grid_values_by_hand()
  local lim = load().variants.gg.limit
  local c = alp.constants.c_light
  h.assert_rel(lim:at(0.299799, 0), 4.626482e-09, 1e-12, "prompt (tau = 0) row")
  -- linear in tau between 0 and 100 ps, ln UL linear between the two values
  local ul = math.exp(0.5 * (math.log(4.626482e-09) + math.log(8.48119e-09)))
  h.assert_rel(lim:at(0.299799, 50e-12 * c), ul, 1e-9, "tau = 50 ps")
  -- ln UL linear in m at tau = 0
  local m = 0.5 * (0.299799 + 0.3004774)
  h.assert_rel(lim:at(m, 0), math.exp(0.5 * (math.log(4.626482e-09) + math.log(4.85013e-09))), 1e-9)
  lu.assertEquals(lim:at(0.3, 3000e-12 * c), math.huge, "beyond 2000 ps: no limit")
  lu.assertEquals(lim:at(0.36, 0), math.huge, "above 0.35 GeV: no limit")
end

function TestNa62_2025:test_signal_and_bound()
  local dd = load()
  lu.assertEquals(dd.parent, "K+")
  local m = alp.model.benchmark("cWW", 1)
  local v = alp.recast.variant(dd, "gg")
  h.assert_rel(dd.signal(m, 0.3, nil, v), m:br_k_to_pia(0.3) * m:br(0.3, "gammagamma"), 1e-12)
  local r = alp.recast.scan(dd, "cWW", "gg", { masses = { 0.3, 0.31 }, couplings = { n = 60 } })
  lu.assertTrue(#r.intervals > 0)
  h.assert_rel(r.c_max, alp.model.max_coupling("K+"), 1e-12)
end

-- the excluded region at one point by hand (gg, cWW, m_a = 0.299799 GeV):
-- S = B(K -> pi a) B(gamma gamma) ~ c^2 and tau ~ 1/c^2; the lower edge solves
-- S1 c^2 = UL(tau1 / c^2), UL linear in tau and log in value between the
-- tau = 0 and 100 ps rows (4.626482e-09, 8.48119e-09)
function TestNa62_2025:test_gg_edge_by_hand()
  local dd = load()
  local PS = 1e-12 * alp.constants.c_light
  local ma = 0.299799
  local m1 = alp.model.benchmark("cWW", 1)
  local S1, tau1 = m1:br_k_to_pia(ma) * m1:br(ma, "gammagamma"), m1:ctau(ma) / PS
  local function ul(tau)
    lu.assertTrue(tau >= 0 and tau <= 100, "edge between the 0 and 100 ps rows")
    return math.exp(math.log(4.626482e-09) + tau / 100 * math.log(8.48119e-09 / 4.626482e-09))
  end
  local lo = h.bisect_log(function(c) return S1 * c * c / ul(tau1 / (c * c)) - 1 end, 3.1, 100)
  local r = alp.recast.scan(dd, "cWW", "gg", { masses = { ma } })
  lu.assertEquals(#r.intervals, 1)
  h.assert_rel(r.intervals[1].lo, lo, 2e-3, "cWW lower edge at 0.3 GeV")
  lu.assertEquals(r.intervals[1].hi, math.huge, "prompt: excluded up to the D16(b) bound")
  -- S1 = 4.80e-10 at c_WW = 1; the edge is at tau = 63 ps, c_WW/f_a = 3.78 TeV^-1
  h.assert_rel(lo, 3.78, 2e-3, "c_WW/f_a at the edge")
end
