-- tests/lua/test_recast_e949_kpix.lua: E949 K+ -> pi+ X (ALPaca's grid) on
-- alp.limit.  Rows of e949_kpix.csv: "0.0952525,5000,8.1457e-11",
-- "0.0952525,10000,5.2176e-11", "0.0952525,200,nan".
local lu = require "luaunit"
local h = require "helpers"

TestE949 = {}

function TestE949:test_values_and_edges()
  local d = alp.recast.load(alp.root .. "/recasts/e949_kpix/e949_kpix.lua")
  local c = alp.constants.c_light
  local lim = d.limit
  h.assert_rel(lim:at(0.0952525, 5000e-12 * c), 8.1457e-11, 1e-12)
  -- ln UL linear in ln tau between 5000 and 10000 ps
  local u = math.log(7000 / 5000) / math.log(2)
  h.assert_rel(lim:at(0.0952525, 7000e-12 * c), math.exp(math.log(8.1457e-11) + u * (math.log(5.2176e-11) - math.log(8.1457e-11))), 1e-9)
  h.assert_rel(lim:at(0.0952525, 10.0), 5.2176e-11, 1e-12, "stable-X curve held beyond 10000 ps (10 m = 33 ns)")
  lu.assertEquals(lim:at(0.0952525, 200e-12 * c), math.huge, "nan = no limit")
  lu.assertEquals(lim:at(0.0952525, 50e-12 * c), math.huge, "below 100 ps: no limit")
  lu.assertEquals(d.parent, "K+")
  local m = alp.model.benchmark("cff", 1)
  h.assert_rel(d.signal(m, 0.1), m:br_k_to_pia(0.1), 1e-12)
end

-- the excluded region at one point by hand (m_a = 0.0952525 GeV): the lower
-- edge lies beyond 10000 ps (stable-X curve held), so c = sqrt(5.2176e-11 /
-- B1) with B1 = 4.08e-4 (D3) x the phase space 0.9522 = 3.885e-4 (c_ff = 1):
-- c_ff/f_a = 3.665e-4 TeV^-1
function TestE949:test_lower_edge_by_hand()
  local d = alp.recast.load(alp.root .. "/recasts/e949_kpix/e949_kpix.lua")
  local ma, ps = 0.0952525, 1e-12 * alp.constants.c_light
  for _, b in ipairs { "cff", "cWW" } do
    local m1 = alp.model.benchmark(b, 1)
    local lo = math.sqrt(5.2176e-11 / m1:br_k_to_pia(ma))
    lu.assertTrue(m1:ctau(ma) / ps / lo ^ 2 > 10000, b .. ": tau > 10000 ps at the edge")
    local r = alp.recast.scan(d, b, nil, { masses = { ma } })
    lu.assertEquals(#r.intervals, 1, b)
    h.assert_rel(r.intervals[1].lo, lo, 2e-3, b .. " lower edge")
  end
  h.assert_rel(math.sqrt(5.2176e-11 / alp.model.benchmark("cff", 1):br_k_to_pia(ma)), 3.665e-4, 5e-3, "hand value")
end
