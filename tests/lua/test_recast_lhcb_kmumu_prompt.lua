-- tests/lua/test_recast_lhcb_kmumu_prompt.lua: recasts/lhcb_kmumu_prompt.lua
-- (LHCb B0 -> K*0 chi(mu mu), arXiv:1508.04094, 95 % CL).
-- Numbers checked by hand, from rows of recasts/data/lhcb_kmumu_prompt_ul.csv
-- (nearest tabulated mass to 0.6 GeV is 0.599 GeV):
--   0.599,30.1995,3.4208e-09   0.599,33.1131,3.6797e-09   (cWW edge, ~31 ps)
--   0.599,912.011,8.2314e-08                               (cff edge, ~1900 ps:
--     LHCb's long-lifetime rule UL(912)(1-e^{-1000/912})/(1-e^{-1000/tau}))
--   1.999,0.1,4.8113e-09                                   (tau < 0.1 ps: held)
-- The coupling edges are found here by bisection on the physics API with
-- these numbers, and compared with the scan.  The B0 -> K*0 a rate is checked
-- against REFERENCE 3.1 + D14 (lambda^{3/2} and A0 of BSZ2015), which differs
-- from the pseudoscalar phase space the seed code reused.
local lu = require "luaunit"
local h = require "helpers"

TestRecastLhcbKmumuPrompt = {}

local PATH = "recasts/lhcb_kmumu_prompt.lua"
local PS = 2.99792458e-4
local exp, log, sqrt = math.exp, math.log, math.sqrt

local desc, data
local function load()
  if not desc then
    desc = alp.recast.load(PATH)
    data = alp.recast.data(desc)
  end
  return desc, data
end

-- signal at coupling c; the recast's UL at c is signal / ratio
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
    -- the seed code's pseudoscalar form would be larger by (m_B^2-m_K*^2)^2 / lambda
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

-- The recast's signal is B(B0 -> K*0 a) B(a -> mu mu), and the UL it uses
-- at (0.6 GeV, 31 ps) is the log-log interpolation of the two rows quoted above.
function TestRecastLhcbKmumuPrompt:test_limit_used_interpolated()
  local d, dat = load()
  local p = d.prepare(0.6, dat)
  h.assert_rel(p.ma_tab, 0.599, 1e-12, "nearest tabulated mass")
  local tau = 31.0
  local ul_hand = exp(log(3.4208e-09) + (log(3.6797e-09) - log(3.4208e-09))
                * (log(tau) - log(30.1995)) / (log(33.1131) - log(30.1995)))
  local _, tau1 = signal("cWW", 1, 0.6)
  local c = sqrt(tau1 / tau)
  local S = signal("cWW", c, 0.6)
  local m = alp.model.benchmark("cWW", c)
  h.assert_rel(S / d.ratio(m, 0.6, dat, p), ul_hand, 1e-9, "UL at (0.6 GeV, 31 ps)")
  -- the signal is the K*0 one (not B+ -> K+ a)
  h.assert_rel(d.ratio(m, 0.6, dat, p), m:br_b0_to_kstar0a(0.6) * m:br(0.6, "mumu") / ul_hand, 1e-9, "ratio")
end

-- Coupling edges, hand (bisection with the quoted rows) vs scan.
function TestRecastLhcbKmumuPrompt:test_edges_hand_vs_scan()
  local d, dat = load()
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
    local r = alp.recast.scan(d, case[1], nil, { data = dat, masses = { 0.6, 0.6001 } })
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
  local d, dat = load()
  local p = d.prepare(2.0, dat)
  h.assert_rel(p.ma_tab, 1.999, 1e-12, "nearest mass")
  local _, t1 = signal("cWW", 1, 2.0)
  for _, tau in ipairs { 0.05, 1e-4 } do
    local c = sqrt(t1 / tau)
    local S, _, m = signal("cWW", c, 2.0)
    h.assert_rel(S / d.ratio(m, 2.0, dat, p), 4.8113e-09, 1e-9, "UL at " .. tau .. " ps")
  end
end

-- No limit outside the data: below 0.214 GeV, the vetoed windows, the nan
-- 4.349 GeV column and above; the short-lifetime vetoes; the flagged cell.
function TestRecastLhcbKmumuPrompt:test_no_limit_outside_data()
  local d, dat = load()
  local masses = { 0.2, 0.21, 3.0, 3.7, 4.349, 4.36 }
  for _, b in ipairs { "cff", "cWW" } do
    local r = alp.recast.scan(d, b, nil, { data = dat, masses = masses, couplings = { n = 60 } })
    lu.assertEquals(#r.intervals, 0, b .. ": no interval at vetoed / outside masses")
  end
  lu.assertNil(d.prepare(0.2, dat))
  lu.assertNil(d.prepare(4.36, dat))
  -- 0.78 GeV (omega/rho window): no limit for tau < 1 ps, a limit above
  local p = d.prepare(0.78, dat)
  local _, t1 = signal("cff", 1, 0.78)
  for _, tau in ipairs { 0.05, 0.5, 0.95 } do
    local m = alp.model.benchmark("cff", sqrt(t1 / tau))
    lu.assertEquals(d.ratio(m, 0.78, dat, p), 0, "vetoed at " .. tau .. " ps")
  end
  local m = alp.model.benchmark("cff", sqrt(t1 / 2))
  lu.assertTrue(d.ratio(m, 0.78, dat, p) > 1, "limit at 2 ps")
  -- the spline undershoot at 3.234 GeV, 2.75 ps is not used as a limit
  p = d.prepare(3.234, dat)
  h.assert_rel(p.ma_tab, 3.234, 1e-12, "nearest mass")
  local _, t3 = signal("cff", 1, 3.234)
  for _, tau in ipairs { 2.6, 2.75423, 2.9 } do
    m = alp.model.benchmark("cff", sqrt(t3 / tau))
    lu.assertEquals(d.ratio(m, 3.234, dat, p), 0, "flagged cell at " .. tau .. " ps")
  end
  local ex = d.extra(dat).flagged_cells.rows
  lu.assertEquals(#ex, 2)
  lu.assertEquals(ex[1][1], 3.234)
end
