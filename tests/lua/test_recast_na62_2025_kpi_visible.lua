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
