-- tests/lua/test_recast_babar_y3s_mumu.lua: BaBar Y(3S) -> gamma a, a -> mu mu
-- (recasts/babar_y3s_mumu/) at a point computed by hand: a csv row, D17's LO rate, the
-- model's B(a -> mu mu) and the prompt fraction P(r < 2 cm), bracketed by the smallest and
-- largest lab momentum at beta gamma = 0.531.
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBabarY3sMumu = {}

local PATH = alp.root .. "/recasts/babar_y3s_mumu/babar_y3s_mumu.lua"
local MA, UL = 2.0053050397877983, 1.07514450867052e-06 -- csv row 232
local BG = 5.5 / 10.3551 -- (8.6 - 3.1)/m_Y(3S)

function TestRecastBabarY3sMumu:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "prompt", "Upsilon(3S)" })
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a tabulated mass")
  lu.assertEquals(d.limit:at(0.2), math.huge, "below the digitised 0.231 GeV")
  h.assert_rel(alp.model.max_coupling("Upsilon(3S)"), 1000 / 10.3551, 1e-9, "D16(b)")
end

function TestRecastBabarY3sMumu:test_edge_by_hand()
  local d = alp.recast.load(PATH)
  local m = alp.model.benchmark("cff", 1)
  local bmm, ctau1 = m:br(MA, "mumu"), m:ctau(MA)
  local pmin, pmax = q.p_range("Upsilon(3S)", MA, BG)
  local function edge(p)
    return q.edge("Upsilon(3S)", MA, UL / bmm, ctau1,
                  function(ct) return 1 - math.exp(-0.02 * MA / (p * ct)) end, 1e-2, 90)
  end
  local c1, c2 = edge(pmax), edge(pmin)
  -- prompt at the edge: both brackets give c = sqrt(UL/(x1 B_mumu))
  h.assert_rel(c1, math.sqrt(UL / (bmm * q.x1("Upsilon(3S)", MA))), 1e-4)
  h.assert_rel(c2, c1, 1e-4)
  local iv = q.intervals(d, "cff", nil, { MA })[MA]
  h.assert_rel(iv.lo, c1, 2e-3, "c_ff edge: B(Y(3S) -> gamma a) B(mu mu) = UL")
  lu.assertEquals(iv.hi, math.huge)
end
