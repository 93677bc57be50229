-- tests/lua/test_recast_besiii_jpsi_gg.lua: BESIII J/psi -> gamma a, a -> gamma gamma
-- (recasts/besiii_jpsi_gg/) at a point computed by hand: a csv row, D17's lattice rate,
-- the model's B(a -> gamma gamma) and the prompt fraction P(r < 1 mm).
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBesiiiJpsiGg = {}

local PATH = alp.root .. "/recasts/besiii_jpsi_gg/besiii_jpsi_gg.lua"
local MA, UL = 1.4026845637583891, 1.793177118127962e-07 -- csv row 206

function TestRecastBesiiiJpsiGg:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "prompt", "J/psi" })
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a tabulated mass")
  lu.assertEquals(d.limit:at(0.55), math.huge, "the eta window (nan rows): no limit")
  lu.assertEquals(d.limit:at(0.95), math.huge, "the eta' window: no limit")
  lu.assertEquals(d.limit:at(0.1), math.huge, "below the digitised 0.185 GeV")
end

function TestRecastBesiiiJpsiGg:test_edge_by_hand()
  local d = alp.recast.load(PATH)
  local m = alp.model.benchmark("cff", 1)
  local bgg, ctau1 = m:br(MA, "gammagamma"), m:ctau(MA)
  h.assert_rel(alp.model.benchmark("cff", 5):br(MA, "gammagamma"), bgg, 1e-9, "B(gamma gamma) independent of c")
  local c = q.edge("J/psi", MA, UL / bgg, ctau1,
                   function(ct) return 1 - q.beyond_at_rest("J/psi", MA, 1e-3, ct) end, 1e-2, 300)
  -- prompt at the edge (c tau ~ 1e-11 m): x1 c^2/(1 + x1 c^2) = R = UL/B_gg (D16(a))
  local r = UL / bgg
  h.assert_rel(c, math.sqrt(r / ((1 - r) * q.x1("J/psi", MA))), 1e-6)
  local iv = q.intervals(d, "cff", nil, { MA })[MA]
  h.assert_rel(iv.lo, c, 2e-3, "c_ff edge: B(J/psi -> gamma a) B(gamma gamma) = UL")
  lu.assertEquals(iv.hi, math.huge, "prompt up to the D16(b) bound")
  -- the signal is the product of the three factors
  h.assert_rel(d.signal(m, MA), m:br_v_to_gamma_a("J/psi", MA) * bgg, 1e-9)
end
