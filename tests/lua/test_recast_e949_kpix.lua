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
