-- tests/lua/test_recast_belle2_kinv.lua: the Belle II invisible projection
-- (recasts/belle2_kinv.lua; paper Sec. 4, REFERENCE.md D9, §6, §7): the
-- 1.00e-7 hand calculation, N_B+- of the experiment table against the
-- background file's sigma(B+B-), the Table 1 efficiency, <P_a> (exact limits,
-- interpolation against the Monte Carlo, the 7.6 % prompt fraction), the
-- Fig. 10 shape and the paper's statements, the extra tables, and one coupling
-- edge of the scan against a bisection by hand.
local lu = require "luaunit"
local h = require "helpers"

TestBelle2Kinv = {}

local desc, data
local function load()
  if not desc then
    desc = alp.recast.load("recasts/belle2_kinv.lua")
    data = alp.recast.data(desc)
  end
  return desc, data
end

-- a variant with a smaller Monte Carlo (tests stay fast)
local function variant(name, n)
  local d = load()
  local v = alp.recast.variant(d, name)
  v.n_events = n or 20000
  return v
end

-- REFERENCE §7 by hand: N(B+B-) = 0.54 nb x 5e7 nb^-1, background 39 and 28
-- of 10 M scaled, expected limit 539.92 events
local NBPM_50 = 2 * 0.54 * 50e9
local NB_50 = 39 * 0.54 * 50e9 / 1e7 + 28 * 0.51 * 50e9 / 1e7
local NB_05 = NB_50 / 100

function TestBelle2Kinv:test_declaration()
  local d = load()
  lu.assertEquals(d.signature, "invisible")
  lu.assertEquals(d.status, "projection")
  lu.assertEquals(d.cl, 0.90)
  lu.assertEquals(d.variant_names, { "0p5ab", "50ab", "50ab_0bg" })
  lu.assertStrContains(d.notes, "fully reconstructed")
end

function TestBelle2Kinv:test_br_limit_stable_alp_is_reference_1e7()
  local d, dat = load()
  h.assert_rel(NB_50, 176700, 1e-12, "N_B at 50 ab^-1")
  local nul = alp.stats.expected_upper(NB_50)
  h.assert_rel(nul, 539.9, 1e-3, "N_S (REFERENCE §7)")
  -- limit() = N_UL / (N_B+- eps); at 0.3 GeV eps = 0.1022 (Table 1)
  local v = variant("50ab")
  local p = d.prepare(0.3, dat, v)
  local lim = d.limit(0.3, dat, p, v)
  h.assert_rel(lim, nul / (NBPM_50 * 0.1022), 1e-12, "limit at 0.3 GeV")
  -- stable ALP (<P_a> = 1), eps = 10 %: REFERENCE §7's 1.00e-7 to 1 %
  lu.assertEquals(p.p_at(math.huge), 1)
  h.assert_rel(lim * 0.1022 / 0.10 / p.p_at(math.huge), 1.00e-7, 0.01, "B_UL, eps = 0.10, 50 ab^-1")
  -- 0.5 ab^-1: 1.02e-6; zero background: 4.3e-10 (REFERENCE §7 table)
  local v05 = variant("0p5ab")
  h.assert_rel(d.limit(0.3, dat, p, v05) * 0.1022 / 0.10, 1.02e-6, 0.01, "B_UL at 0.5 ab^-1")
  h.assert_rel(alp.stats.expected_upper(NB_05), 55.10, 1e-3, "N_S at 0.5 ab^-1")
  local v0 = variant("50ab_0bg")
  h.assert_rel(d.limit(0.3, dat, p, v0) * 0.1022 / 0.10, 4.26e-10, 0.01, "B_UL zero background")
  h.assert_rel(d.limit(0.3, dat, p, v0) * NBPM_50 * 0.1022, 2.302585, 1e-6, "N_S = -ln 0.1")
end

-- The recast takes N_B+- = 2 sigma(B+B-) L from the experiment table and the
-- background's sigma_p from data/belle2_kinv_background.csv: they must agree.
function TestBelle2Kinv:test_n_bpm_from_experiment_matches_background_file()
  local _, dat = load()
  local n, sigma = alp.experiment.mesons("belle2", "B+B-", { 50, "ab^-1" })
  local b = dat.background.columns
  local row
  for i, p in ipairs(b.process) do if p == "BpBm" then row = i end end
  lu.assertNotNil(row, "a BpBm row")
  lu.assertEquals(sigma, b.sigma_nb[row])
  h.assert_rel(n, NBPM_50, 1e-12, "N_B+- = 2 x 0.54 nb x 50 ab^-1")
  -- and the B0B0bar cross section of the background file is the experiment's too
  lu.assertEquals(select(2, alp.experiment.mesons("belle2", "B0B0bar", 1)), 0.51)
end

-- extra tables: one row per variant (REFERENCE §7 numbers) and eps on a grid
function TestBelle2Kinv:test_extra_tables()
  local d, dat = load()
  local ex = d.extra(dat)
  local rows = ex.counts.rows
  lu.assertEquals(#rows, 3)
  lu.assertEquals({ rows[1][1], rows[2][1], rows[3][1] }, { "0p5ab", "50ab", "50ab_0bg" })
  h.assert_rel(rows[1][4], NB_05, 1e-12, "N_B at 0.5 ab^-1 = 1767")
  lu.assertEquals(rows[1][5], 1767)
  h.assert_rel(rows[2][6], 539.92, 1e-4, "N_UL at 50 ab^-1")
  lu.assertEquals({ rows[3][4], rows[3][5] }, { 0, 0 })
  h.assert_rel(rows[3][6], -math.log(0.1), 1e-9, "zero background: -ln 0.1")
  h.assert_rel(rows[2][7], 1.00e-7, 2e-3, "REFERENCE §7: 1.00e-7 (eps = 0.10)")
  h.assert_rel(rows[2][8], rows[2][7] * 0.10 / 0.1091, 1e-12, "eps(5 MeV) = 0.1091")
  local eff = ex.efficiency.rows
  lu.assertEquals(#eff, 61)
  lu.assertEquals(eff[1], { 0, 0.1091 })
  h.assert_rel(eff[14][2], 0.0896, 1e-12, "eps(0.65 GeV)")
  lu.assertEquals(eff[61][2], 0)
end

function TestBelle2Kinv:test_efficiency_from_table1()
  local d, dat = load()
  local v = variant("50ab")
  local nul = alp.stats.expected_upper(NB_50)
  local function eps(ma) return nul / (NBPM_50 * d.limit(ma, dat, nil, v)) end
  h.assert_rel(eps(0.005), 0.1091, 1e-12, "eps(5 MeV)")
  h.assert_rel(eps(0.001), 0.1091, 1e-12, "eps below 5 MeV")
  h.assert_rel(eps(0.3), 0.1022, 1e-12, "eps(0.3 GeV)")
  h.assert_rel(eps(1), 0.0770, 1e-12, "eps(1 GeV)")
  h.assert_rel(eps(0.65), (0.1022 + 0.0770) / 2, 1e-12, "eps linear in m_a")
  h.assert_rel(eps(2), 0.0385, 1e-12, "eps(2 GeV)")
  -- eps = 0 at and above 3 GeV: no limit
  lu.assertEquals(d.limit(3, dat, nil, v), math.huge)
  lu.assertEquals(d.limit(4, dat, nil, v), math.huge)
end

function TestBelle2Kinv:test_p_at_limits_and_prompt_fraction()
  local d, dat = load()
  local p = d.prepare(0.3, dat, variant("50ab", 50000))
  -- c tau -> 0: the fraction of ALPs outside 17-150 deg, 7.6 % (REFERENCE §5.2)
  lu.assertEquals(p.p_at(0), p.p0)
  lu.assertEquals(p.p_at(1e-12), p.p0)
  lu.assertTrue(math.abs(p.p0 - 0.076) < 3 * p.p0_err + 0.001,
                string.format("prompt fraction %.4f +- %.4f vs 0.076", p.p0, p.p0_err))
  -- c tau -> inf: 1 - k / c tau
  lu.assertEquals(p.p_at(math.huge), 1)
  local k1, k2 = (1 - p.p_at(1e8)) * 1e8, (1 - p.p_at(1e9)) * 1e9
  h.assert_rel(k2, k1, 1e-6, "1 - <P_a> ~ 1/c tau")
end

function TestBelle2Kinv:test_interpolation_matches_monte_carlo()
  local d, dat = load()
  local veto = alp.detector.belle2():volume("veto")
  for _, ma in ipairs { 0.005, 2.0 } do
    local p = d.prepare(ma, dat, variant("50ab", 20000))
    local s = alp.sample.b_to_ka { ma = ma, n = p.n, seed = p.seed }
    local mids = {}
    for k = 1, #p.ctau - 1 do mids[k] = math.sqrt(p.ctau[k] * p.ctau[k + 1]) end
    local direct = veto:decay_prob(s, mids, "outside")
    -- the grid nodes are the Monte Carlo itself
    local nodes = veto:decay_prob(s, p.ctau, "outside")
    for k = 1, #p.ctau, 7 do h.assert_rel(p.p_at(p.ctau[k]), nodes[k], 1e-12, "node " .. k) end
    for k, ct in ipairs(mids) do
      h.assert_rel(p.p_at(ct), direct[k], 1e-3, string.format("m_a = %g, c tau = %.3g m", ma, ct))
    end
  end
end

-- Fig. 10: B_UL(c tau) = limit / <P_a>(c tau) decreases with c tau, from the
-- short-lifetime plateau limit / p0 to the long-lifetime value
function TestBelle2Kinv:test_fig10_shape_and_seed_statements()
  local d, dat = load()
  local cts = alp.scan.logspace(1e-4, 1e3, 71)
  for _, ma in ipairs { 0.005, 0.3, 1.0 } do
    local v = variant("50ab")
    local p = d.prepare(ma, dat, v)
    local lim = d.limit(ma, dat, p, v)
    local prev = math.huge
    for _, ct in ipairs(cts) do
      local ul = lim / p.p_at(ct)
      lu.assertTrue(ul <= prev * (1 + 1e-12), string.format("monotone at m_a = %g, c tau = %g", ma, ct))
      prev = ul
    end
    local short, long = lim / p.p_at(1e-4), lim / p.p_at(1e3)
    -- plateau: 1 / (fraction of ALPs outside the acceptance) x the long-lifetime value
    h.assert_rel(short / long, p.p_at(1e3) / p.p0, 1e-6, "short-lifetime plateau")
    lu.assertTrue(short / long > 11 and short / long < 15, "plateau ratio ~ 1/0.076")
    -- seed: B >~ 1e-7 for long lifetimes, >~ 1e-6 for short ones (50 ab^-1)
    lu.assertTrue(long > 0.8e-7 and long < 1.5e-7, string.format("long c tau: %.3g", long))
    lu.assertTrue(short > 1e-6 and short < 2e-6, string.format("short c tau: %.3g", short))
  end
end

-- One edge of the scan against a hand computation: N_B+- eps B(B -> K a) <P_a>
-- = N_UL solved by bisection with the model API and the Monte Carlo directly
function TestBelle2Kinv:test_coupling_edge_vs_bisection()
  local d, dat = load()
  local ma = 0.4
  local r = alp.recast.scan(d, "cff", "50ab", { data = dat, masses = { ma },
                                                couplings = { min = 1e-5, max = 1e-1, n = 40 } })
  lu.assertEquals(#r.intervals, 1)
  local iv = r.intervals[1]
  lu.assertEquals(iv.hi, math.huge)
  -- by hand (the recast's own sample: 50 000 events, seed 1)
  local eps = 0.1022 + (0.0770 - 0.1022) * (ma - 0.3) / 0.7
  local nul = alp.stats.expected_upper(NB_50)
  local s = alp.sample.b_to_ka { ma = ma, n = 50000, seed = 1 }
  local veto = alp.detector.belle2():volume("veto")
  local function f(c)
    local m = alp.model.benchmark("cff", c)
    return NBPM_50 * eps * m:br_b_to_ka(ma) * veto:decay_prob(s, m:ctau(ma), "outside") - nul
  end
  local lo, hi = 1e-5, 1e-2
  lu.assertTrue(f(lo) < 0 and f(hi) > 0)
  for _ = 1, 60 do
    local mid = math.sqrt(lo * hi)
    if f(mid) > 0 then hi = mid else lo = mid end
  end
  h.assert_rel(iv.lo, math.sqrt(lo * hi), 2e-3, "c_low at 0.4 GeV, 50 ab^-1")
  -- the REFERENCE §7 ballpark: c_ff/f ~ 1e-3 TeV^-1 for a stable ALP
  lu.assertTrue(iv.lo > 9e-4 and iv.lo < 1.5e-3)
end

-- paper eq. (3.4): an invisible width adds B(a -> inv) whatever the lifetime
function TestBelle2Kinv:test_invisible_width_term()
  local d, dat = load()
  local v = variant("50ab")
  local p = d.prepare(1.0, dat, v)
  local m = alp.model { cff = 1e-2, gamma_inv = 1e-12 }
  local binv = m:br(1.0, "invisible")
  lu.assertTrue(binv > 0.01 and binv < 0.99, "a model with both terms")
  local want = m:br_b_to_ka(1.0) * ((1 - binv) * p.p_at(m:ctau(1.0)) + binv)
  h.assert_rel(d.signal(m, 1.0, p, v), want, 1e-12, "B (B_vis <P_a> + B_inv)")
  local m0 = alp.model { cff = 1e-2 }
  lu.assertTrue(d.signal(m, 1.0, p, v) > d.signal(m0, 1.0, p, v))
end
