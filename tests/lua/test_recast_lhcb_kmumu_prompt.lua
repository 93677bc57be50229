-- tests/lua/test_recast_lhcb_kmumu_prompt.lua: recasts/lhcb_kmumu_prompt.lua
-- (LHCb B0 -> K*0 chi(mu mu), arXiv:1508.04094, 95 % CL).
-- Numbers checked by hand against the recast's alp.limit, from rows of
-- recasts/data/lhcb_kmumu_prompt_ul.csv
-- (nearest tabulated mass to 0.6 GeV is 0.599 GeV):
--   0.599,30.1995,3.4208e-09   0.599,33.1131,3.6797e-09   (cWW edge, ~31 ps)
--   0.599,912.011,8.2314e-08                               (cff edge, ~1900 ps:
--     LHCb's long-lifetime rule UL(912)(1-e^{-1000/912})/(1-e^{-1000/tau}))
--   1.999,0.1,4.8113e-09                                   (tau < 0.1 ps: held)
-- The coupling edges are found here by bisection on the physics API with
-- these numbers, and compared with the scan.  The B0 -> K*0 a rate is checked
-- against REFERENCE 3.1 + D14 (lambda^{3/2} and A0 of BSZ2015), which differs
-- from the pseudoscalar phase space the paper code reused.
local lu = require "luaunit"
local h = require "helpers"

TestRecastLhcbKmumuPrompt = {}

local PATH = "recasts/lhcb_kmumu_prompt.lua"
local PS = alp.constants.c_light * 1e-12 -- m per ps (c * 1 ps)
local exp, log, sqrt = math.exp, math.log, math.sqrt

local desc
local function load()
  if not desc then
    desc = alp.recast.load(PATH)
  end
  return desc, desc.variants.lhcb.limit
end

-- signal at coupling c (hand formula), lifetime [ps], model
local function signal(bench, c, ma)
  local m = alp.model.benchmark(bench, c)
  return m:br_b0_to_kstar0a(ma) * m:br(ma, "mumu"), m:ctau(ma) / PS, m
end

function TestRecastLhcbKmumuPrompt:test_declaration()
  local d = load()
  lu.assertEquals(d.name, "lhcb_kmumu_prompt")
  lu.assertEquals(d.cl, 0.95)
  lu.assertTrue(alp.recast.applies(d, "cff") and alp.recast.applies(d, "cWW"))
  lu.assertStrContains(d.notes, "1508.04094")
  lu.assertStrContains(d.notes, "95% CL")
  local i = d.variants.lhcb.limit:info()
  lu.assertEquals(i.cl, 0.95)
  h.assert_rel(i.mass[1], 0.214, 1e-12, "lowest mass")
  h.assert_rel(i.ctau[2], 912.011 * PS, 1e-9, "last tabulated lifetime")
end

-- REFERENCE 3.1 + D14: Gamma(B0 -> K*0 a) ~ A0(m_a^2)^2 lambda^{3/2}, not the
-- pseudoscalar (m_B^2 - m_K*^2)^2 lambda^{1/2}; at m_a -> 0 the ratio to
-- B+ -> K+ a is (tau_B0/tau_B+) (A0(0)/f0(0))^2 ((m_B0^2-m_K*^2)/(m_B+^2-m_K+^2))^3.
function TestRecastLhcbKmumuPrompt:test_kstar_rate_is_the_vector_formula()
  local mB, mKs = 5.27965, 0.89555
  local tp, tm = (mB + mKs) ^ 2, (mB - mKs) ^ 2
  local t0 = tp * (1 - sqrt(1 - tm / tp))
  local function z(t) return (sqrt(tp - t) - sqrt(tp - t0)) / (sqrt(tp - t) + sqrt(tp - t0)) end
  local a = { 0.369196, -1.36584, 0.128191 }
  local function A0(q2)
    local dz = z(q2) - z(0)
    return (a[1] + a[2] * dz + a[3] * dz * dz) / (1 - q2 / 5.367 ^ 2)
  end
  local function lam(ma) local x, y, w = mB * mB, mKs * mKs, ma * ma
    return x * x + y * y + w * w - 2 * (x * y + x * w + y * w) end
  local m = alp.model.benchmark("cff", 1e-3) -- BR = Gamma/Gamma_B to 1e-7 (D16(a))
  local ma0 = 1e-3
  local b0 = m:br_b0_to_kstar0a(ma0)
  for _, ma in ipairs { 0.5, 1, 2, 3, 4 } do
    local want = (A0(ma * ma) / A0(ma0 * ma0)) ^ 2 * (lam(ma) / lam(ma0)) ^ 1.5
    h.assert_rel(m:br_b0_to_kstar0a(ma) / b0, want, 2e-5, "K*0 shape at " .. ma .. " GeV")
    -- the paper code's pseudoscalar form would be larger by (m_B^2-m_K*^2)^2 / lambda
    local pseudo = (A0(ma * ma) / A0(ma0 * ma0)) ^ 2 * (lam(ma) / lam(ma0)) ^ 0.5
    local factor = (mB * mB - mKs * mKs) ^ 2 / lam(ma)
    h.assert_rel(pseudo / (m:br_b0_to_kstar0a(ma) / b0), factor, 2e-5, "pseudoscalar / vector")
    if ma >= 3 then lu.assertTrue(factor > 1.5, "visible difference at " .. ma .. " GeV") end
  end
  -- normalisation against B+ -> K+ a at m_a -> 0 (same |C_sb|)
  local mBp, mKp = 5.27934, 0.493677
  local want0 = (1.519 / 1.638) * (0.369196 / 0.3290899) ^ 2
                * ((mB * mB - mKs * mKs) / (mBp * mBp - mKp * mKp)) ^ 3
  h.assert_rel(b0 / m:br_b_to_ka(ma0), want0, 2e-3, "B0->K*0 a / B+->K+ a at m_a -> 0")
end

-- UL at (m, tau ps) from the recast's limit object
local function ul(ma, tau) local _, lim = load(); return lim:at(ma, tau * PS) end

-- The recast's signal is B(B0 -> K*0 a) B(a -> mu mu), and the UL at
-- (0.6 GeV, 31 ps) is the log-log interpolation of the two rows quoted above
-- at the nearest tabulated mass (0.599 GeV).
function TestRecastLhcbKmumuPrompt:test_limit_used_interpolated()
  local d = load()
  local tau = 31.0
  local ul_hand = exp(log(3.4208e-09) + (log(3.6797e-09) - log(3.4208e-09))
                * (log(tau) - log(30.1995)) / (log(33.1131) - log(30.1995)))
  for _, ma in ipairs { 0.6, 0.5985, 0.6015 } do -- all nearest to 0.599 GeV
    h.assert_rel(ul(ma, tau), ul_hand, 1e-9, "UL at (" .. ma .. " GeV, 31 ps)")
  end
  h.assert_rel(ul(0.6, 30.1995), 3.4208e-09, 1e-9, "knot value")
  -- nearest mass, no interpolation in mass: 0.594 GeV row below 0.5965 GeV
  h.assert_rel(ul(0.5964, 30.1995), 3.3636e-09, 1e-9, "0.5964 GeV -> 0.594 GeV row")
  h.assert_rel(ul(0.5966, 30.1995), 3.4208e-09, 1e-9, "0.5966 GeV -> 0.599 GeV row")
  local S, _, m = signal("cWW", 1.3, 0.6)
  h.assert_rel(d.signal(m, 0.6), S, 1e-12, "signal = B(B0 -> K*0 a) B(a -> mu mu)")
  lu.assertTrue(math.abs(S / (m:br_b_to_ka(0.6) * m:br(0.6, "mumu")) - 1) > 0.05, "not B+ -> K+ a (9 % apart)")
end

-- tau > 912 ps: LHCb's rule anchored at the last grid point (0.599 GeV row
-- 912.011 ps, 8.2314e-08), continuous there.
function TestRecastLhcbKmumuPrompt:test_long_lifetime_rule()
  for _, tau in ipairs { 912.011, 1000, 1900, 1e5 } do
    local want = 8.2314e-08 * (1 - exp(-1000 / 912.011)) / (1 - exp(-1000 / tau))
    h.assert_rel(ul(0.6, tau), want, 1e-9, "UL at " .. tau .. " ps")
  end
end

-- Coupling edges, hand (bisection with the quoted rows) vs scan.
function TestRecastLhcbKmumuPrompt:test_edges_hand_vs_scan()
  local d = load()
  -- cWW, 0.6 GeV: edge near 31 ps, between the rows 30.1995 and 33.1131 ps
  local function ul_31(tau)
    assert(tau >= 30.1995 and tau <= 33.1131, "edge left the quoted rows: " .. tau)
    return exp(log(3.4208e-09) + (log(3.6797e-09) - log(3.4208e-09))
               * (log(tau) - log(30.1995)) / (log(33.1131) - log(30.1995)))
  end
  local function f_cww(c) local S, tau = signal("cWW", c, 0.6); return S / ul_31(tau) - 1 end
  local _, t1w = signal("cWW", 1, 0.6)
  local edge_cww = h.bisect_log(f_cww, sqrt(t1w / 33.1131), sqrt(t1w / 30.1995))
  -- cff, 0.6 GeV: edge near 1900 ps, LHCb's rule anchored at UL(912 ps) = 8.2314e-08
  local function ul_long(tau)
    return 8.2314e-08 * (1 - exp(-1000 / 912.011)) / (1 - exp(-1000 / tau))
  end
  local function f_cff(c) local S, tau = signal("cff", c, 0.6); return S / ul_long(tau) - 1 end
  local _, t1f = signal("cff", 1, 0.6)
  local edge_cff = h.bisect_log(f_cff, sqrt(t1f / 1e5), sqrt(t1f / 913))
  for _, case in ipairs { { "cWW", edge_cww }, { "cff", edge_cff } } do
    local r = alp.recast.scan(d, case[1], "lhcb", { masses = { 0.6, 0.6001 } })
    local iv = r.by_mass[1]
    lu.assertEquals(#iv, 1, case[1])
    h.assert_rel(iv[1][1], case[2], 3e-3, case[1] .. " lower edge at 0.6 GeV")
    -- open upwards: prompt decays at large coupling stay excluded (tau < 0.1 ps held at UL(0.1))
    lu.assertEquals(iv[1][2], math.huge, case[1] .. " open upwards")
  end
  h.assert_rel(edge_cww, 1.9117, 2e-3, "cWW edge value (recorded)")
  h.assert_rel(edge_cff, 1.0620e-3, 2e-3, "cff edge value (recorded)")
end

-- tau < 0.1 ps uses UL(m, 0.1 ps): at 2.0 GeV the nearest mass is 1.999 GeV.
function TestRecastLhcbKmumuPrompt:test_short_lifetime_held()
  for _, tau in ipairs { 0.1, 0.05, 1e-4 } do
    h.assert_rel(ul(2.0, tau), 4.8113e-09, 1e-9, "UL at " .. tau .. " ps")
  end
end

-- No limit outside the data: below 0.214 GeV, the vetoed windows, the nan
-- 4.349 GeV column and above; the short-lifetime vetoes; the flagged cells.
function TestRecastLhcbKmumuPrompt:test_no_limit_outside_data()
  local d = load()
  local masses = { 0.2, 0.21, 3.0, 3.7, 4.349, 4.36 }
  for _, b in ipairs { "cff", "cWW" } do
    local r = alp.recast.scan(d, b, "lhcb", { masses = masses, couplings = { n = 60 } })
    lu.assertEquals(#r.intervals, 0, b .. ": no interval at vetoed / outside masses")
  end
  for _, ma in ipairs { 0.2, 0.2135, 4.347, 4.36 } do
    lu.assertEquals(ul(ma, 10), math.huge, "no limit at " .. ma .. " GeV")
  end
  h.assert_rel(ul(0.2145, 10), 3.0507e-08, 1e-9, "0.214 GeV column (row 0.214,10,3.0507e-08)")
  -- 0.78 GeV (omega/rho window): no limit for tau < 1 ps, a limit above
  for _, tau in ipairs { 0.05, 0.5, 0.95 } do
    lu.assertEquals(ul(0.78, tau), math.huge, "vetoed at " .. tau .. " ps")
  end
  local S, _, m = signal("cff", sqrt(select(2, signal("cff", 1, 0.78)) / 2), 0.78)
  lu.assertTrue(S / ul(0.78, 2) > 1, "excluded at 2 ps")
  h.assert_rel(m:ctau(0.78) / PS, 2, 1e-9, "tau = 2 ps")
end

-- The spline undershoots at 3.234 GeV (2.04e-11 at 2.75423 ps, 1.16e-10 at
-- 3.98107 ps, more than 3x below both mass neighbours) are no limit, and
-- listed in extra/flagged_cells; the neighbouring lifetimes keep theirs.
function TestRecastLhcbKmumuPrompt:test_undershoot_guard()
  local d, lim = load()
  for _, tau in ipairs { 2.6, 2.75423, 2.9, 3.98107, 4.2 } do
    lu.assertEquals(ul(3.234, tau), math.huge, "flagged cell at " .. tau .. " ps")
  end
  lu.assertTrue(ul(3.234, 2.5) < 1e-9 and ul(3.229, 2.75423) < 1e-9, "neighbours keep a limit")
  local ex = d.extra().flagged_cells.rows
  lu.assertEquals(ex, { { 3.234, 2.75423, 2.0427e-11 }, { 3.234, 3.98107, 1.1572e-10 } })
  lu.assertEquals(#lim:info().dropped, 2)
  -- the rule on a small table (f = 3): 1e-10 is 2x below its right neighbour
  -- (kept); 1e-11 is 20x and 100x below both (dropped); the ends are kept
  local toy = alp.limit.new { columns = { m = { 1, 2, 3, 4, 5, 6 }, ul = { 1e-9, 1e-10, 2e-10, 1e-9, 1e-11, 1e-9 } },
                              units = { m = "GeV", ul = "dimensionless" }, value = "ul", mass = "m",
                              cl = 0.9, undershoot = 3 }
  h.assert_rel(toy:at(2), 1e-10, 1e-12, "2x below one neighbour: kept")
  lu.assertEquals(toy:at(5), math.huge, "more than 3x below both: dropped")
  lu.assertEquals(toy:at(4.5), math.huge, "no interpolation towards a dropped knot")
  h.assert_rel(toy:at(1), 1e-9, 1e-12, "end kept")
  lu.assertEquals(toy:info().dropped, { { m = 5, ul = 1e-11 } })
  lu.assertErrorMsgContains("undershoot must be a number > 1", alp.limit.new,
    { columns = { m = { 1 }, ul = { 1 } }, units = { m = "GeV", ul = "dimensionless" },
      value = "ul", mass = "m", cl = 0.9, undershoot = 0.5 })
end

-- Variant paper (issue 11 item 4): the paper's plot keeps only tau <= 0.2 ps,
-- so its band closes where the ALP lives longer; the default applies LHCb's
-- macro rule beyond the grid and reaches far lower couplings.
function TestRecastLhcbKmumuPrompt:test_paper_variant_stops_at_short_lifetimes()
  local d = alp.recast.load(alp.root .. "/recasts/lhcb_kmumu_prompt.lua")
  local paper, lhcb = d.variants.paper.limit, d.variants.lhcb.limit
  local ct = function(ps) return ps * 1e-12 * alp.constants.c_light end
  h.assert_rel(paper:at(1.0, ct(0.15)), lhcb:at(1.0, ct(0.15)), 1e-12, "same grid below 0.2 ps")
  lu.assertEquals(paper:at(1.0, ct(0.5)), math.huge, "no limit beyond 0.2 ps")
  lu.assertTrue(lhcb:at(1.0, ct(0.5)) < 1, "the default has one")
  local masses = { 1.0, 1.0001 }
  local rp = alp.recast.scan(d, "cff", "paper", { masses = masses, couplings = { n = 60 } })
  local rl = alp.recast.scan(d, "cff", "lhcb", { masses = masses, couplings = { n = 60 } })
  lu.assertTrue(#rp.intervals > 0 and #rl.intervals > 0)
  lu.assertTrue(rl.intervals[1].lo < rp.intervals[1].lo / 10,
                string.format("lhcb reaches lower c: %.3g vs paper %.3g", rl.intervals[1].lo, rp.intervals[1].lo))
end
