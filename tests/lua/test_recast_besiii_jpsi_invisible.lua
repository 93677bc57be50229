-- tests/lua/test_recast_besiii_jpsi_invisible.lua: BESIII J/psi -> gamma + invisible
-- (recasts/besiii_jpsi_invisible/) against a point computed by hand: the csv's first rows,
-- D17's lattice rate and D18's long-lifetime escape probability P(r > 100 m).
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBesiiiJpsiInvisible = {}

local PATH = alp.root .. "/recasts/besiii_jpsi_invisible/besiii_jpsi_invisible.lua"
local MA, UL = 0.002469135802469158, 6.999999999999997e-07 -- csv row 2 (abstract: 7.0e-7 at m = 0)

function TestRecastBesiiiJpsiInvisible:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "invisible", "J/psi" })
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a tabulated mass")
  h.assert_rel(d.limit:at(0.0012345679), UL, 1e-9, "flat between equal rows")
  lu.assertEquals(d.limit:at(1.25), math.huge, "above the published 1.2 GeV: no limit")
  local n = 0
  for _ in io.lines(PATH) do n = n + 1 end
  lu.assertTrue(n <= 60, "the recast stays a declaration")
end

function TestRecastBesiiiJpsiInvisible:test_edge_by_hand()
  local d = alp.recast.load(PATH)
  local m = alp.model.benchmark("cff", 1)
  lu.assertEquals(m:br(MA, "invisible"), 0)
  local ctau1 = m:ctau(MA)
  h.assert_rel(alp.model.benchmark("cff", 3):ctau(MA) * 9, ctau1, 1e-9, "c tau ~ 1/c^2")
  -- beta gamma = 0.011 changes P(r > 100 m) by O(1e-4): the at-rest law suffices
  local c = q.edge("J/psi", MA, UL, ctau1, function(ct) return q.beyond_at_rest("J/psi", MA, 100, ct) end)
  -- long-lived: c ~ sqrt(UL/(x1 P)) = sqrt(7e-7/(1.0815e-6 P)) = 0.8045/sqrt(P)
  local p = q.beyond_at_rest("J/psi", MA, 100, ctau1 / (c * c))
  lu.assertTrue(p > 0.98 and p < 0.99, "the ALP decays within 100 m 1-2 % of the time: " .. p)
  h.assert_rel(c, math.sqrt(UL / (q.x1("J/psi", MA) * p)), 1e-5)
  h.assert_rel(q.x1("J/psi", MA), 1.0815e-6, 1e-3, "D17 checkpoint 4 with the fit of F~")
  local iv = q.intervals(d, "cff", nil, { MA })[MA]
  lu.assertNotNil(iv, "excluded at 2.5 MeV")
  h.assert_rel(iv.lo, c, 2e-3, "c_ff edge: B(J/psi -> gamma a) P(r > 100 m) = UL")
end
