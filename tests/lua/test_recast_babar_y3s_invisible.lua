-- tests/lua/test_recast_babar_y3s_invisible.lua: BaBar Y(3S) -> gamma + invisible
-- (recasts/babar_y3s_invisible/) at a point computed by hand: a csv row, D17's LO rate and
-- the escape probability P(r > R), bracketed by the smallest and largest lab momentum of
-- the ALP at beta gamma = 0.531 (any direction lies between them).
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBabarY3sInvisible = {}

local PATH = alp.root .. "/recasts/babar_y3s_invisible/babar_y3s_invisible.lua"
local MA, UL = 0.02133731954, 3.162678623694772716e-06 -- csv row 1: bin 0-0.0427 GeV at its centre
local BG = 5.5 / 10.3551

function TestRecastBabarY3sInvisible:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "invisible", "Upsilon(3S)" })
  lu.assertEquals(d.variant_names, { "emc", "long_lifetime" })
  lu.assertTrue(d.variants.long_lifetime.default, "cff.csv: D18's long-lifetime limit")
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a bin centre")
  h.assert_rel(d.limit:at(1e-3), UL, 1e-12, "the first bin held down to m = 0")
  lu.assertEquals(d.limit:at(7.9), math.huge, "above the digitised 7.8 GeV")
end

function TestRecastBabarY3sInvisible:test_edge_by_hand()
  local d = alp.recast.load(PATH)
  local m = alp.model.benchmark("cff", 1)
  lu.assertEquals(m:br(MA, "invisible"), 0)
  local ctau1 = m:ctau(MA)
  local pmin, pmax = q.p_range("Upsilon(3S)", MA, BG)
  local cache = {}
  for vname, r in pairs { long_lifetime = 100, emc = 0.92 / math.sin(math.rad(15.8)) } do
    local function edge(p)
      return q.edge("Upsilon(3S)", MA, UL, ctau1, function(ct) return math.exp(-r * MA / (p * ct)) end, 0.1, 10)
    end
    local lo, hi = edge(pmax), edge(pmin) -- the fastest ALP escapes most often
    local iv = q.intervals(d, "cff", vname, { MA })[MA]
    lu.assertNotNil(iv, vname)
    lu.assertTrue(iv.lo >= lo * (1 - 2e-3) and iv.lo <= hi * (1 + 2e-3),
                  string.format("%s: c_low %.6g within the bracket [%.6g, %.6g]", vname, iv.lo, lo, hi))
    cache[vname] = iv
  end
  -- the long-lifetime limit is the weaker one (the larger radius); both near sqrt(UL/x1)
  lu.assertTrue(cache.long_lifetime.lo > cache.emc.lo)
  h.assert_rel(cache.emc.lo, math.sqrt(UL / q.x1("Upsilon(3S)", MA)), 0.01, "c_low ~ 0.486 (stable ALP)")
end
