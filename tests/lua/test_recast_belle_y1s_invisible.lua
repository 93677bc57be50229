-- tests/lua/test_recast_belle_y1s_invisible.lua: Belle Y(1S) -> gamma + invisible
-- (recasts/belle_y1s_invisible/) at a point computed by hand: a csv row, D17's LO rate and
-- the probability to decay outside Belle's ECL cylinder (rho < 1.62 m, -1.02 < z < 1.96 m),
-- counted direction by direction from the quadrature sample's own events.
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBelleY1sInvisible = {}

local PATH = alp.root .. "/recasts/belle_y1s_invisible/belle_y1s_invisible.lua"
local MA, UL = 0.08347096269, 1.070279940753924776e-06 -- csv row 2 (bin centre)

-- P(outside the cylinder) by hand: the exit distance of each direction
local function p_out_by_hand(s)
  local ux, uy, uz, bg = s:get("ux"), s:get("uy"), s:get("uz"), s:get("betagamma")
  return function(ctau)
    local sum = 0
    for i = 1, #ux do
      local st = math.sqrt(ux[i] ^ 2 + uy[i] ^ 2)
      local l = math.min(st > 0 and 1.62 / st or math.huge,
                         uz[i] > 0 and 1.96 / uz[i] or uz[i] < 0 and -1.02 / uz[i] or math.huge)
      sum = sum + math.exp(-l / (bg[i] * ctau))
    end
    return sum / #ux
  end
end

function TestRecastBelleY1sInvisible:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "invisible", "Upsilon(1S)" })
  lu.assertEquals(d.variant_names, { "ecl", "long_lifetime" })
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a bin centre")
  h.assert_rel(d.limit:at(8.992507842), 2.988019872848718178e-04, 1e-12, "the last kept row")
  lu.assertEquals(d.limit:at(8.993), math.huge, "the source's broken last row (m_lo = 8.9938) dropped")
end

function TestRecastBelleY1sInvisible:test_edge_by_hand()
  local d, dat = alp.recast.load(PATH), nil
  dat = alp.recast.data(d)
  local paths = d.prepare(MA, dat, { name = "ecl" })
  local s = alp.sample.v_to_gamma_a { parent = "Upsilon(1S)", ma = MA, boost = 0.425, n_theta = 2000, n_phi = 1 }
  local hand = p_out_by_hand(s)
  for _, ct in ipairs { 0.01, 0.3, 10 } do h.assert_rel(paths:decay_prob(ct), hand(ct), 1e-9, "c tau " .. ct) end
  local ctau1 = alp.model.benchmark("cff", 1):ctau(MA)
  local c = q.edge("Upsilon(1S)", MA, UL, ctau1, hand, 0.1, 10)
  -- long-lived at the edge: c ~ sqrt(UL/x1) within the escape probability
  local p = hand(ctau1 / (c * c))
  lu.assertTrue(p > 0.95 and p < 1, "escape probability at the edge " .. p)
  h.assert_rel(c, math.sqrt(UL / (q.x1("Upsilon(1S)", MA) * p)), 1e-5)
  local iv = q.intervals(d, "cff", "ecl", { MA })[MA]
  h.assert_rel(iv.lo, c, 2e-3, "c_ff edge: B(Y(1S) -> gamma a) P(outside ECL) = UL")
  -- the ALP decays inside at large c: the region closes below the D16(b) bound
  lu.assertTrue(iv.hi < alp.model.max_coupling("Upsilon(1S)"))
  -- an invisible width counts in full (paper eq. 3.4 form)
  local mi = alp.model { cff = 1, gamma_inv = alp.model.benchmark("cff", 1):width(MA) } -- B(inv) = 1/2
  local binv = mi:br(MA, "invisible")
  lu.assertTrue(binv > 0.01 and binv < 0.99)
  h.assert_rel(d.signal(mi, MA, paths, { name = "ecl" }),
               mi:br_v_to_gamma_a("Upsilon(1S)", MA) * (binv + (1 - binv) * hand(mi:ctau(MA))), 1e-9)
end
