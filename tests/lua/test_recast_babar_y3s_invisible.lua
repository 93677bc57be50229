-- tests/lua/test_recast_babar_y3s_invisible.lua: BaBar Y(3S) -> gamma + invisible
-- (recasts/babar_y3s_invisible/) at a point computed by hand: a csv row, D17's LO rate and
-- the escape probability -- beyond 100 m (default), bracketed by the smallest and largest
-- lab momentum at beta gamma = 0.531, and outside D13's EMC volume (variant emc), counted
-- direction by direction from the quadrature sample's events.
local lu = require "luaunit"
local h = require "helpers"
local q = require "quarkonium_hand"

TestRecastBabarY3sInvisible = {}

local PATH = alp.root .. "/recasts/babar_y3s_invisible/babar_y3s_invisible.lua"
local MA, UL = 0.02133731954, 3.162678623694772716e-06 -- csv row 1: bin 0-0.0427 GeV at its centre
local BG = 5.5 / 10.3551
local TH1, TH2, RHO = math.rad(15.8), math.rad(141.8), 0.92 -- D13's emc_veto (grade C)

function TestRecastBabarY3sInvisible:test_declaration_and_limit()
  local d = alp.recast.load(PATH)
  lu.assertEquals({ d.cl, d.signature, d.parent }, { 0.90, "invisible", "Upsilon(3S)" })
  lu.assertEquals(d.variant_names, { "emc", "long_lifetime" })
  lu.assertTrue(d.variants.long_lifetime.default, "cff.csv: D18's long-lifetime limit")
  h.assert_rel(d.limit:at(MA), UL, 1e-12, "a bin centre")
  h.assert_rel(d.limit:at(1e-3), UL, 1e-12, "the first bin held down to m = 0")
  lu.assertEquals(d.limit:at(7.9), math.huge, "above the digitised 7.8 GeV")
end

function TestRecastBabarY3sInvisible:test_long_lifetime_edge_by_hand()
  local d = alp.recast.load(PATH)
  local ctau1 = alp.model.benchmark("cff", 1):ctau(MA)
  local pmin, pmax = q.p_range("Upsilon(3S)", MA, BG)
  local function edge(p)
    return q.edge("Upsilon(3S)", MA, UL, ctau1, function(ct) return math.exp(-100 * MA / (p * ct)) end, 0.1, 10)
  end
  local lo, hi = edge(pmax), edge(pmin) -- the fastest ALP escapes most often
  local iv = q.intervals(d, "cff", "long_lifetime", { MA })[MA]
  lu.assertTrue(iv.lo >= lo * (1 - 2e-3) and iv.lo <= hi * (1 + 2e-3),
                string.format("c_low %.6g within the bracket [%.6g, %.6g]", iv.lo, lo, hi))
end

function TestRecastBabarY3sInvisible:test_emc_edge_by_hand()
  local d = alp.recast.load(PATH)
  local paths = d.prepare(MA, alp.recast.data(d), { name = "emc" })
  local s = alp.sample.v_to_gamma_a { parent = "Upsilon(3S)", ma = MA, boost = BG, n_theta = 2000, n_phi = 1 }
  local th, bg = s:get("theta"), s:get("betagamma")
  local function hand(ctau) -- 1 outside the window, else exp(-L/d), L = 0.92 m/sin(theta)
    local sum = 0
    for i = 1, #th do
      if th[i] < TH1 or th[i] > TH2 then sum = sum + 1
      else sum = sum + math.exp(-RHO / (math.sin(th[i]) * bg[i] * ctau)) end
    end
    return sum / #th
  end
  for _, ct in ipairs { 1e-6, 0.3, 10 } do h.assert_rel(paths:decay_prob(ct), hand(ct), 1e-9, "c tau " .. ct) end
  -- a prompt ALP escapes through the polar gaps; nearly massless: cos theta_lab = (u + b)/(1 + b u),
  -- b = 0.469, so the gaps are u > 0.8989 and u < -0.9169, F(u) = (u^3 + 3u + 4)/8: 0.1319
  local b = BG / math.sqrt(1 + BG * BG)
  local function u_of(c) return (c - b) / (1 - b * c) end
  local function F(u) return (u ^ 3 + 3 * u + 4) / 8 end
  h.assert_rel(hand(1e-9), 1 - F(u_of(math.cos(TH1))) + F(u_of(math.cos(TH2))), 2e-3, "prompt escape fraction")
  local ctau1 = alp.model.benchmark("cff", 1):ctau(MA)
  local c = q.edge("Upsilon(3S)", MA, UL, ctau1, hand, 0.1, 10)
  local iv = q.intervals(d, "cff", "emc", { MA })[MA]
  h.assert_rel(iv.lo, c, 2e-3, "c_ff edge: B(Y(3S) -> gamma a) P(outside emc_veto) = UL")
  h.assert_rel(c, math.sqrt(UL / q.x1("Upsilon(3S)", MA)), 0.01, "c_low ~ 0.486 (stable ALP)")
end
