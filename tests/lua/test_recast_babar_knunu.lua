-- tests/lua/test_recast_babar_knunu.lua: recasts/babar_knunu.lua reproduces
-- numbers checked by hand: the D13 limit read off data/babar_knunu_fit.csv,
-- and the coupling edges at one mass from an independent bisection of
-- B(B+ -> K+ a) <P_a> = BR_UL with <P_a> from a fresh Monte Carlo sample.
local lu = require "luaunit"
local h = require "helpers"

TestRecastBabarKnunu = {}

local PATH = alp.root .. "/recasts/babar_knunu.lua"
local MA = 0.150502 -- a tabulated mass of the fit: br_central 3.03999e-06, br_high 1.02773e-05
local UL = 3.03999e-06 + 1.28 * (1.02773e-05 - 3.03999e-06) -- D13, by hand: 1.2304e-05

local desc, data
local function load()
  if not desc then desc = alp.recast.load(PATH); data = alp.recast.data(desc) end
  return desc, data
end

function TestRecastBabarKnunu:test_declaration()
  local d = load()
  lu.assertEquals(d.cl, 0.90)
  lu.assertEquals(d.signature, "invisible")
  lu.assertEquals(d.benchmarks, { "cff", "cWW" })
  lu.assertStrContains(d.notes, "babar_knunu_fit.csv")
  lu.assertStrContains(d.notes, "90 %")
  lu.assertStrContains(d.notes, "0.50 m")
end

function TestRecastBabarKnunu:test_d13_limit_read_off_the_file()
  local d, dat = load()
  h.assert_rel(UL, 1.23045e-05, 1e-4, "hand value of D13")
  local p = d.prepare(MA, dat, { seed = 1, name = "" })
  h.assert_rel(d.limit(MA, dat, p), UL, 1e-9, "BR_UL at a tabulated mass")
  -- outside 0.100334-2.91973 GeV: no limit
  lu.assertEquals(d.limit(0.09, dat, p), math.huge)
  lu.assertEquals(d.limit(2.95, dat, p), math.huge)
end

function TestRecastBabarKnunu:test_p_outside_limits_and_invisible_width()
  local d, dat = load()
  local p = d.prepare(MA, dat, { seed = 1, name = "" })
  -- <P_a> is the alp.acceptance table of the D13 sphere
  lu.assertEquals({ p.experiment, p.volume, p.side, p.n, p.seed, p.p0, p.p_inf },
                  { "babar", "veto", "outside", 5000, 1, 0, 1 })
  -- a long-lived ALP escapes: signal = B(B -> K a)
  local m = alp.model.benchmark("cff", 1e-5)
  h.assert_rel(d.signal(m, MA, p), m:br_b_to_ka(MA), 1e-6, "c tau -> inf: <P> -> 1")
  -- a prompt one does not
  local mp = alp.model.benchmark("cff", 1e2)
  lu.assertTrue(mp:ctau(MA) < 1e-4) -- 10 um: exp(-0.5 m / (beta gamma c tau)) underflows
  lu.assertTrue(d.signal(mp, MA, p) < 1e-20 * mp:br_b_to_ka(MA))
  -- with an invisible width the invisible fraction always counts (seed eq. 3.4)
  local mi = alp.model { cff = 1e2, gamma_inv = 1e-12 }
  local binv = mi:br(MA, "invisible")
  lu.assertTrue(binv > 0.01 and binv < 0.99)
  h.assert_rel(d.signal(mi, MA, p), mi:br_b_to_ka(MA) * binv, 1e-6, "B(a->inv) term")
end

function TestRecastBabarKnunu:test_edges_against_hand_bisection()
  local d = load()
  local r = alp.recast.scan(d, "cff", nil, { masses = { MA } })
  lu.assertEquals(#r.intervals, 1)
  local iv = r.intervals[1]
  -- by hand: an independent sample (other seed, 4x the events), <P_a> at the
  -- model's own c tau (no table), bisection of B <P> = UL
  local s = alp.sample.b_to_ka { ma = MA, n = 20000, seed = 12345, experiment = "babar" }
  local veto = alp.detector.babar():volume("veto")
  local function f(c)
    local m = alp.model.benchmark("cff", c)
    return m:br_b_to_ka(MA) * veto:decay_prob(s, m:ctau(MA), "outside") - UL
  end
  local lo = h.bisect_log(f, 1e-3, 0.1)
  local hi = h.bisect_log(f, 0.1, 100)
  h.assert_rel(iv.lo, lo, 3e-3, "lower edge (cff, 0.1505 GeV)")
  h.assert_rel(iv.hi, hi, 3e-3, "upper edge (cff, 0.1505 GeV)")
  -- the lower edge is the stable-ALP limit: B(B -> K a) = x c^2/(1 + x c^2)
  -- = UL (D16(a)), x = Gamma/Gamma_B at c = 1: c = sqrt(UL/((1 - UL) x))
  local b1 = alp.model.benchmark("cff", 1):br_b_to_ka(MA)
  h.assert_rel(iv.lo, math.sqrt(UL / ((1 - UL) * b1 / (1 - b1))), 3e-3,
               "lower edge, analytic (P = 1)")
  lu.assertTrue(iv.lo > 0.0105 and iv.lo < 0.0108, "c_low ~ 0.0107 TeV^-1")
  -- no exclusion where the fit has no limit, and none for a 1 GeV ALP
  -- (it decays inside the 0.5 m sphere at any coupling that B -> K a could see)
  local r2 = alp.recast.scan(d, "cff", nil, { masses = { 0.09, 1.0 } })
  lu.assertEquals(#r2.intervals, 0)
end

-- seed eq. (3.6): a data.bins table switches the limit to the binned criterion
function TestRecastBabarKnunu:test_binned_criterion_when_a_bins_table_exists()
  local dir = h.tmpdir()
  alp.fs.mkdir(dir .. "/data")
  local src = assert(io.open(PATH)):read("a")
  local n
  src, n = src:gsub('data = { fit = "data/babar_knunu_fit.csv" }',
                    'data = { fit = "data/babar_knunu_fit.csv", bins = "data/bins.csv" }')
  lu.assertEquals(n, 1)
  local function write(p, text) local f = assert(io.open(p, "w")); f:write(text); f:close() end
  write(dir .. "/babar_knunu.lua", src)
  write(dir .. "/data/babar_knunu_fit.csv", assert(io.open(alp.root .. "/recasts/data/babar_knunu_fit.csv")):read("a"))
  write(dir .. "/data/bins.csv", "# test table\nsB_low,sB_high,dB_obs,sigma_rel,dB_nunu\n"
        .. "0,0.1,2e-6,0.5,7.3e-7\n0.1,0.2,1e-6,0.5,0\n")
  local ok, err = pcall(function()
    local d = alp.recast.load(dir .. "/babar_knunu.lua")
    local dat = alp.recast.data(d)
    local p = d.prepare(MA, dat, { seed = 1, name = "" })
    -- s_B = (0.1505/5.279)^2 < 0.1: (1 + 1.64 * 0.5) 2e-6 - 7.3e-7
    h.assert_rel(d.limit(MA, dat, p), 1.82 * 2e-6 - 7.3e-7, 1e-9, "eq. (3.6), first bin")
    -- 2 GeV: s_B = 0.1435, second bin
    h.assert_rel(d.limit(2.0, dat, p), 1.82e-6, 1e-9, "eq. (3.6), second bin")
    lu.assertEquals(d.limit(2.9, dat, p), math.huge) -- s_B = 0.30: no bin
  end)
  h.rmtree(dir)
  if not ok then error(err, 0) end
end
