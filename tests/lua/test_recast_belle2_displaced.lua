-- tests/lua/test_recast_belle2_displaced.lua: the Belle II displaced-vertex
-- projection (recasts/belle2_displaced.lua; paper Sec. 5, REFERENCE.md D10):
-- the N = 2.3 contour at one mass against a bisection by hand with the model
-- API and the Monte Carlo, N_thr and L as parameters, the D10 numbers of the
-- recast and of the detector volume against data/belle2_displaced_selection.csv,
-- the exact c tau limits and the interpolation against the Monte Carlo.
local lu = require "luaunit"
local h = require "helpers"

TestBelle2Displaced = {}

local desc, data
local function load()
  if not desc then
    desc = alp.recast.load("recasts/belle2_displaced.lua")
    data = alp.recast.data(desc)
  end
  return desc, data
end

local NB = 2 * 0.54 * 50e9 -- 2 N(B+B-) at 50 ab^-1 = 5.4e10 (D10)

function TestBelle2Displaced:test_declaration_and_threshold_parameter()
  local d, dat = load()
  lu.assertEquals(d.signature, "displaced")
  lu.assertEquals(d.status, "projection")
  lu.assertEquals(d.variant_names, { "ee", "mumu" })
  local v = alp.recast.variant(d, "ee")
  h.assert_rel(NB, 5.4e10, 1e-12, "N_B")
  -- default: the paper text's 2.3 events at 50 ab^-1
  h.assert_rel(d.limit(1, dat, nil, v), 2.3 / NB, 1e-12, "limit = 2.3 / N_B")
  -- the paper code's 3 events, and another luminosity, as parameters
  h.assert_rel(d.limit(1, dat, nil, { channel = "ee", n_threshold = 3 }), 3 / NB, 1e-12, "N_thr = 3")
  h.assert_rel(d.limit(1, dat, nil, { channel = "ee", lumi = 5 }), 2.3 / (NB / 10), 1e-12, "5 ab^-1")
end

-- D10 as data/belle2_displaced_selection.csv states it (seed_text, else
-- seed_code): the recast's defaults and the "displaced" volume of
-- alp.detector.belle2() that the Monte Carlo uses
function TestBelle2Displaced:test_selection_file_matches_recast_and_volume()
  local d, dat = load()
  local sel = alp.data.csv(alp.root .. "/recasts/data/belle2_displaced_selection.csv")
  local text, code = {}, {}
  for i = 1, sel.n do
    local r = sel:row(i)
    text[r.parameter], code[r.parameter] = r.seed_text, r.seed_code
  end
  local v = alp.recast.variant(d, "ee")
  local nb = alp.experiment.mesons("belle2", "B+B-", { text.luminosity, "ab^-1" })
  h.assert_rel(d.limit(1, dat, nil, v), text.n_events_contour / nb, 1e-12, "N_thr / N_B from the file")
  lu.assertEquals(d.extra(dat).counts.rows[1], { text.luminosity, nb, text.n_events_contour,
                                                 text.n_events_contour / nb })
  local vol = alp.detector.belle2():volume("displaced")
  -- a ray at 90 deg crosses 0.9-60 cm; rays just inside / outside the polar window
  local iv = vol:intervals({ 0, 0, 0 }, { 1, 0, 0 })
  lu.assertEquals(#iv, 1)
  h.assert_rel(iv[1][1], code.rho_min / 100, 1e-9, "rho_min")
  h.assert_rel(iv[1][2], code.rho_max / 100, 1e-9, "rho_max")
  local function hits(theta_deg)
    local t = math.rad(theta_deg)
    return #vol:intervals({ 0, 0, 0 }, { math.sin(t), 0, math.cos(t) }) > 0
  end
  lu.assertEquals({ hits(code.theta_min - 0.01), hits(code.theta_min + 0.01) }, { false, true })
  lu.assertEquals({ hits(code.theta_max - 0.01), hits(code.theta_max + 0.01) }, { true, false })
  lu.assertEquals(code.efficiency, 1)
end

function TestBelle2Displaced:test_exact_limits_and_channels()
  local d, dat = load()
  local v = alp.recast.variant(d, "mumu")
  v.n_events = 20000
  local p = d.prepare(1.0, dat, v)
  lu.assertEquals(p.p_at(0), 0)
  lu.assertEquals(p.p_at(1e-12), 0)
  lu.assertEquals(p.p_at(math.huge), 0)
  -- 1/c tau beyond the grid
  h.assert_rel(p.p_at(1e9) * 1e9, p.p_at(1e10) * 1e10, 1e-12, "P ~ 1/c tau")
  -- below the mu mu threshold: no signal
  local m = alp.model.benchmark("cff", 1e-3)
  lu.assertEquals(d.signal(m, 0.15, d.prepare(0.15, dat, v), v), 0)
end

function TestBelle2Displaced:test_interpolation_matches_monte_carlo()
  local d, dat = load()
  local vol = alp.detector.belle2():volume("displaced")
  local v = alp.recast.variant(d, "ee")
  v.n_events = 20000
  for _, ma in ipairs { 0.01, 1.5 } do
    local p = d.prepare(ma, dat, v)
    local s = alp.sample.b_to_ka { ma = ma, n = p.n, seed = p.seed }
    local mids = {}
    for k = 1, #p.ctau - 1 do mids[k] = math.sqrt(p.ctau[k] * p.ctau[k + 1]) end
    local direct = vol:decay_prob(s, mids, "inside")
    for k, ct in ipairs(mids) do
      if direct[k] > 1e-15 then
        h.assert_rel(p.p_at(ct), direct[k], 2e-3, string.format("m_a = %g, c tau = %.3g m", ma, ct))
      end
    end
  end
end

-- The N = 2.3 contour at m_a = 1.5 GeV (mu mu, c_ff): both edges of the
-- scan against N(c) = N_B B(B -> K a) B(a -> mu mu) <P_fid> bisected by hand
function TestBelle2Displaced:test_contour_vs_hand_computation()
  local d, dat = load()
  local ma = 1.5
  local r = alp.recast.scan(d, "cff", "mumu", { data = dat, masses = { ma },
                                                couplings = { min = 1e-6, max = 1e1, n = 50 } })
  lu.assertEquals(#r.intervals, 1)
  local iv = r.intervals[1]
  lu.assertTrue(iv.hi < 1e1)
  -- by hand, the recast's sample (50 000 events, seed 1), direct Monte Carlo
  local s = alp.sample.b_to_ka { ma = ma, n = 50000, seed = 1 }
  local vol = alp.detector.belle2():volume("displaced")
  local function N(c)
    local m = alp.model.benchmark("cff", c)
    return NB * m:br_b_to_ka(ma) * m:br(ma, "mumu") * vol:decay_prob(s, m:ctau(ma), "inside")
  end
  local function bisect(lo, hi) -- N(lo) - 2.3 and N(hi) - 2.3 of opposite signs
    return h.bisect_log(function(c) return N(c) - 2.3 end, lo, hi)
  end
  local peak = math.sqrt(iv.lo * iv.hi)
  lu.assertTrue(N(peak) > 2.3 and N(1e-6) < 2.3 and N(1e1) < 2.3)
  h.assert_rel(iv.lo, bisect(1e-6, peak), 2e-3, "lower edge of the N = 2.3 contour")
  h.assert_rel(iv.hi, bisect(peak, 1e1), 2e-3, "upper edge of the N = 2.3 contour")
  -- the paper's 3 events (a parameter) give a smaller region
  local v3 = alp.recast.variant(d, "mumu")
  v3.n_threshold = 3
  local p = d.prepare(ma, dat, alp.recast.variant(d, "mumu"))
  local lim3 = d.limit(ma, dat, p, v3)
  local m = alp.model.benchmark("cff", iv.lo * 1.02)
  local sig = d.signal(m, ma, p, v3)
  lu.assertTrue(sig > 2.3 / NB and sig < lim3, "just inside the 2.3 contour, outside the 3 one")
end
