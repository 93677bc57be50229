-- tests/lua/test_recast_belle_y1s_invisible.lua: Belle Y(1S) -> gamma + invisible
-- (recasts/belle_y1s_invisible/) at a point computed by hand: a csv row, D17's LO rate and
-- the escape probability beyond the 2.54 m sphere around Belle's ECL, bracketed by the
-- smallest and largest lab momentum at beta gamma = 0.425.
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBelleY1sInvisible = {}

local PATH = alp.root .. "/recasts/belle_y1s_invisible/belle_y1s_invisible.lua"
local MA, UL = 0.08347096269, 1.070279940753924776e-06 -- csv row 2 (bin centre)
local R = math.sqrt(1.62 ^ 2 + 1.96 ^ 2) -- Belle NIM Table 1: ECL barrel r, forward endcap z

function TestRecastBelleY1sInvisible:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "invisible", "Upsilon(1S)" })
  lu.assertEquals(d.variant_names, { "ecl", "long_lifetime" })
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a bin centre")
  h.assert_rel(d.limit:at(8.992507842), 2.988019872848718178e-04, 1e-12, "the last kept row")
  lu.assertEquals(d.limit:at(8.993), math.huge, "the source's broken last row (m_lo = 8.9938) dropped")
end

function TestRecastBelleY1sInvisible:test_edge_by_hand()
  local d = alp.recast.load(PATH)
  local m = alp.model.benchmark("cff", 1)
  local ctau1 = m:ctau(MA)
  local pmin, pmax = q.p_range("Upsilon(1S)", MA, 0.425)
  local function edge(p)
    return q.edge("Upsilon(1S)", MA, UL, ctau1, function(ct) return math.exp(-R * MA / (p * ct)) end, 0.1, 10)
  end
  local lo, hi = edge(pmax), edge(pmin)
  local iv = q.intervals(d, "cff", "ecl", { MA })[MA]
  lu.assertNotNil(iv)
  lu.assertTrue(iv.lo >= lo * (1 - 2e-3) and iv.lo <= hi * (1 + 2e-3),
                string.format("c_low %.6g within the bracket [%.6g, %.6g]", iv.lo, lo, hi))
  lu.assertTrue(hi / lo < 1.1, "the bracket is tight: the ALP is long-lived at the edge")
  -- the ALP decays inside at large c: the region closes below the D16(b) bound
  lu.assertTrue(iv.hi < alp.model.max_coupling("Upsilon(1S)"))
  -- an invisible width counts in full (seed eq. 3.4 form)
  local mi = alp.model { cff = 1, gamma_inv = 8e-9 }
  local binv = mi:br(1.0, "invisible")
  lu.assertTrue(binv > 0.01 and binv < 0.99)
  local p = alp.model.v_decay_beyond { parent = "Upsilon(1S)", ma = 1.0, boost = 0.425, r = R, ctau = mi:ctau(1.0) }
  h.assert_rel(d.signal(mi, 1.0, nil, { name = "ecl" }), mi:br_v_to_gamma_a("Upsilon(1S)", 1.0) * (binv + (1 - binv) * p), 1e-12)
end
