-- tests/lua/test_recast_babar_kgg.lua: recasts/babar_kgg.lua reproduces
-- numbers checked by hand from data/babar_kgg_ul.csv (D15): the limits at
-- m_a = 2.24599 GeV (a mass point shared by the three curves), the coupling
-- edges there (cff: c tau < 1 mm, analytic; cWW: 1-10 mm, bisection with the
-- log-log interpolation done here), no limit for c tau > 100 mm, in the
-- vetoed windows and above the digitised masses.
local lu = require "luaunit"
local h = require "helpers"

TestRecastBabarKgg = {}

local PATH = alp.root .. "/recasts/babar_kgg.lua"
local MA = 2.24599
local UL1, UL10, UL100 = 1.0178e-07, 1.386e-07, 3.7229e-07 -- the file's rows at MA

local desc
local function load()
  desc = desc or alp.recast.load(PATH)
  return desc
end

-- the exclusion ratio the suite forms: signal / limit at the model's c tau
local function ratio(m, ma)
  local d = load()
  return d.signal(m, ma) / d.limit:at(ma, m:ctau(ma))
end

-- the benchmark model with c tau = ct_m at ma
local function at_ctau(bench, ma, ct_m)
  return alp.model.benchmark(bench, math.sqrt(alp.model.benchmark(bench, 1):ctau(ma) / ct_m))
end

local function signal(m, ma) return m:br_b_to_ka(ma) * m:br(ma, "gammagamma") end

function TestRecastBabarKgg:test_declaration()
  local d = load()
  lu.assertEquals(d.cl, 0.90)
  lu.assertEquals(d.benchmarks, { "cff", "cWW" })
  lu.assertStrContains(d.notes, "babar_kgg_ul.csv")
  lu.assertStrContains(d.notes, "90 %")
  local m = alp.model.benchmark("cWW", 2)
  lu.assertEquals(d.signal(m, MA), signal(m, MA), "signal = B(B+ -> K+ a) B(a -> gamma gamma)")
end

function TestRecastBabarKgg:test_limits_in_ctau()
  for _, t in ipairs {
    { 1e-5, UL1, "c tau < 1 mm -> 1 mm curve" },
    { 1e-3 * (1 - 1e-12), UL1, "1 mm" },
    { 1e-2 * (1 - 1e-12), UL10, "10 mm" },
    { 0.1 * (1 - 1e-12), UL100, "100 mm" },
    { math.sqrt(1e-3 * 1e-2), math.sqrt(UL1 * UL10), "3.16 mm: log-log mid-point" },
    { math.sqrt(1e-2 * 0.1), math.sqrt(UL10 * UL100), "31.6 mm: log-log mid-point" },
  } do
    h.assert_rel(load().limit:at(MA, t[1]), t[2], 1e-9, t[3])
    local m = at_ctau("cWW", MA, t[1]) -- and through the model's c tau
    h.assert_rel(signal(m, MA) / ratio(m, MA), t[2], 1e-6, t[3])
  end
  -- c tau > 100 mm: no limit, however large the signal would be
  lu.assertEquals(ratio(at_ctau("cWW", MA, 0.1 * (1 + 1e-9)), MA), 0)
  lu.assertEquals(ratio(at_ctau("cWW", MA, 0.15), MA), 0)
  lu.assertEquals(ratio(at_ctau("cWW", 0.3, 0.15), 0.3), 0)
  lu.assertTrue(ratio(at_ctau("cWW", 0.3, 0.09), 0.3) > 0)
  -- the eta veto (nan rows at 0.469496 and 0.628647 GeV) and above 2.49465 GeV
  lu.assertEquals(load().limit:at(0.55, 1e-3), math.huge)
  lu.assertEquals(load().limit:at(2.6, 1e-3), math.huge)
end

function TestRecastBabarKgg:test_edges_by_hand()
  local d = load()
  -- cff: c tau << 1 mm at the edge, BR(gamma gamma) independent of c and
  -- B(B -> K a) = x c^2/(1 + x c^2) (D16(a)), x = Gamma/Gamma_B at c = 1:
  -- c^2 = u/((1 - u) x) with u = UL1/BR(gamma gamma)
  local m1 = alp.model.benchmark("cff", 1)
  local b1, u = m1:br_b_to_ka(MA), UL1 / m1:br(MA, "gammagamma")
  local lo_cff = math.sqrt(u / ((1 - u) * b1 / (1 - b1)))
  lu.assertTrue(alp.model.benchmark("cff", lo_cff):ctau(MA) < 1e-3)
  -- 0.071899 before the D7 amendment, which raises BR(gamma gamma) at this
  -- mass by 1.7 % (Gamma_had -1.8 %); 0.071299 before D16(a) (+3e-4)
  h.assert_rel(lo_cff, 0.071321, 1e-4, "cff c_low by hand")
  -- cWW: the edge has c tau ~ 1.9 mm: bisection of S(c) = UL(c tau(c)) with
  -- ln UL linear in ln c tau between the 1 and 10 mm curves
  local function f(c)
    local m = alp.model.benchmark("cWW", c)
    local ct = m:ctau(MA) * 1e3
    local ul = ct <= 1 and UL1 or math.exp(math.log(UL1) + math.log(ct) / math.log(10) * (math.log(UL10) - math.log(UL1)))
    return signal(m, MA) - ul
  end
  local a, b = 0.3, 3
  for _ = 1, 60 do
    local mid = math.sqrt(a * b)
    if f(mid) > 0 then b = mid else a = mid end
  end
  local lo_cww = math.sqrt(a * b)
  local ct = alp.model.benchmark("cWW", lo_cww):ctau(MA)
  lu.assertTrue(ct > 1e-3 and ct < 1e-2, "cWW edge in the 1-10 mm range")
  for _, t in ipairs { { "cff", lo_cff }, { "cWW", lo_cww } } do
    local r = alp.recast.scan(d, t[1], nil, { masses = { MA } })
    lu.assertEquals(#r.intervals, 1, t[1])
    h.assert_rel(r.intervals[1].lo, t[2], 2e-3, t[1] .. " lower edge at 2.246 GeV")
    lu.assertEquals(r.intervals[1].hi, math.huge, t[1] .. ": prompt decays, open upwards")
  end
end

function TestRecastBabarKgg:test_no_limit_outside_the_curves()
  local d = load()
  -- eta window (0.47-0.63 GeV), eta' window (0.92-1.01), above 2.4947 GeV, below 0.1845
  local r = alp.recast.scan(d, "cWW", nil, { masses = { 0.1, 0.55, 0.95, 2.6, 3.5 } })
  lu.assertEquals(#r.intervals, 0)
end
