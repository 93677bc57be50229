-- tests/lua/test_recast_babar_y3s_tautau.lua: BaBar Y(3S) -> gamma a, a -> tau tau
-- (recasts/babar_y3s_tautau/) at a point computed by hand: a csv row, D17's LO rate and the
-- model's B(a -> tau tau); the ALP is prompt there (c tau << 10 cm).
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBabarY3sTautau = {}

local PATH = alp.root .. "/recasts/babar_y3s_tautau/babar_y3s_tautau.lua"
local MA, UL = 6.022194821208385, 2.35858289055e-05 -- csv row 57

function TestRecastBabarY3sTautau:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "prompt", "Upsilon(3S)" })
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a tabulated mass")
  -- the vertical step at 8.784 GeV (two rows in the source): the weaker limit kept
  h.assert_rel(d.limit:at(8.784217016029594), 3.81769712226e-05, 1e-12)
  lu.assertEquals(d.limit:at(3.5), math.huge, "below the digitised 3.63 GeV")
end

function TestRecastBabarY3sTautau:test_edge_by_hand()
  local d = alp.recast.load(PATH)
  local m = alp.model.benchmark("cff", 1)
  local btt = m:br(MA, "tautau")
  local c = math.sqrt(UL / (btt * q.x1("Upsilon(3S)", MA))) -- prompt, D16(a) ~ 1e-5
  lu.assertTrue(m:ctau(MA) / (c * c) < 1e-9, "prompt at the edge")
  local iv = q.intervals(d, "cff", nil, { MA })[MA]
  h.assert_rel(iv.lo, c, 2e-3, "c_ff edge: B(Y(3S) -> gamma a) B(tau tau) = UL")
  lu.assertEquals(iv.hi, math.huge)
  -- no limit in the c_WW benchmark (c_bb(4.18) = -1.8e-4: B ~ 1e-11, UL ~ 1e-5)
  lu.assertEquals(#alp.recast.scan(d, "cWW", nil, { masses = { MA } }).intervals, 0)
end
