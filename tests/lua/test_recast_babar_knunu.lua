-- tests/lua/test_recast_babar_knunu.lua: recasts/babar_knunu.lua (REFERENCE.md D13 revised)
-- against numbers computed by hand: the D13 limit read off the two CSV files, <P_a> of the
-- emc_veto volume counted event by event from the sample's angles, and the coupling edges
-- from the closed form of B(B+ -> K+ a) (D16(a)).  Few masses: the tests stay fast.
local lu = require "luaunit"
local h = require "helpers"

TestRecastBabarKnunu = {}

local PATH = alp.root .. "/recasts/babar_knunu.lua"
local Z90 = 1.2815515655446 -- one-sided Gaussian 90 % quantile (D13 "1.28")
-- data/babar_knunu_fit.csv rows (ma_GeV, br_central, br_high), D13: UL = central + z (high - central)
local MA_LO, UL_LO = 0.150502, 3.03999e-06 + Z90 * (1.02773e-05 - 3.03999e-06)
local MA_HI, UL_HI = 1.99666, 7.68254e-07 + Z90 * (6.26093e-06 - 7.68254e-07)
local UL_TOTAL = 3.7e-5 -- data/babar_knunu_total_ul.csv, "B+ -> K+ nu nubar" (hadronic tag)
-- D13 (b) default volume: EMC window 15.8-141.8 deg, rho < 0.92 m (grade C numbers)
local TH1, TH2, RHO = math.rad(15.8), math.rad(141.8), 0.92

local desc, data
local function load()
  if not desc then desc = alp.recast.load(PATH); data = alp.recast.data(desc) end
  return desc, data
end
local V = { seed = 1, name = "emc_veto", volume = "emc_veto" }

-- the stable-ALP coupling where B(B+ -> K+ a) P = UL: B = x c^2/(1 + x c^2) (D16(a)),
-- x = Gamma/Gamma_B at c = 1, so c = sqrt(R/((1 - R) x)), R = UL/P
local function c_edge(bench, ma, ul, p)
  local b1 = alp.model.benchmark(bench, 1):br_b_to_ka(ma)
  local r = ul / p
  return math.sqrt(r / ((1 - r) * b1 / (1 - b1)))
end

local function edges(bench, masses)
  local r = alp.recast.scan(load(), bench, "emc_veto", { masses = masses })
  local out = {}
  for _, iv in ipairs(r.intervals) do
    lu.assertNil(out[iv.ma], "one interval per mass")
    out[iv.ma] = iv
  end
  return out
end

function TestRecastBabarKnunu:test_declaration()
  local d = load()
  lu.assertEquals({ d.cl, d.signature, d.benchmarks }, { 0.90, "invisible", { "cff", "cWW" } })
  lu.assertEquals(d.variant_names, { "dch", "emc_veto", "sphere" })
  lu.assertTrue(d.variants.emc_veto.default, "cff.csv / cWW.csv are the D13 default")
  lu.assertStrContains(d.notes, "grade C")
  lu.assertStrContains(d.notes, "babar_knunu_total_ul.csv")
  local n = 0
  for _ in io.lines(PATH) do n = n + 1 end
  lu.assertTrue(n <= 80, "the recast stays a declaration")
end

-- D13 (a): the stronger of the fit (0.100334-2.91973 GeV) and the total (0 - m_B+ - m_K+)
function TestRecastBabarKnunu:test_limit_read_off_the_files()
  local lim = load().limit
  h.assert_rel(UL_LO, 1.23150e-05, 1e-5, "hand value of D13 at 0.1505 GeV")
  h.assert_rel(lim:at(MA_LO), UL_LO, 1e-9, "fit at a tabulated mass")
  h.assert_rel(lim:at(MA_HI), UL_HI, 1e-9, "fit at a tabulated mass")
  for _, ma in ipairs { 0.001, 0.01, 0.1, 2.95, 4.5 } do
    h.assert_rel(lim:at(ma), UL_TOTAL, 1e-12, "total where the fit is absent, " .. ma)
  end
  local mmax = alp.constants["m_B+"] - alp.constants["m_K+"]
  h.assert_rel(lim:at(mmax), UL_TOTAL, 1e-12)
  lu.assertEquals(lim:at(mmax + 1e-3), math.huge) -- no B+ -> K+ a above threshold
end

-- <P_a> of emc_veto by hand from the same sample: 1 outside the polar window, else
-- exp(-L / (beta gamma c tau)) with L = 0.92 m / sin(theta) (no z plane, detector.c)
function TestRecastBabarKnunu:test_p_outside_emc_veto_by_hand()
  local d, dat = load()
  local p = d.prepare(MA_HI, dat, V)
  lu.assertEquals({ p.experiment, p.volume, p.side, p.seed }, { "babar", "emc_veto", "outside", 1 })
  local s = alp.sample.b_to_ka { ma = MA_HI, n = p.n, seed = 1, experiment = "babar" }
  local th, bg = s:get("theta"), s:get("betagamma")
  local function hand(ctau)
    local sum = 0
    for i = 1, #th do
      if th[i] < TH1 or th[i] > TH2 then sum = sum + 1
      else sum = sum + math.exp(-RHO / (math.sin(th[i]) * bg[i] * ctau)) end
    end
    return sum / #th
  end
  h.assert_rel(p.p0, hand(1e-12), 1e-9, "c tau -> 0: the fraction outside 15.8-141.8 deg")
  lu.assertTrue(p.p0 > 0.08 and p.p0 < 0.11, "about 10 % of the ALPs miss the EMC window")
  for _, ct in ipairs { 0.1, 1.0, 10.0 } do h.assert_rel(p.p_at(ct), hand(ct), 2e-3, "c tau " .. ct) end
  lu.assertEquals(p.p_at(math.huge), 1)
end

-- the D13 variants by variant.volume: the sphere has no polar gap, the DCH window is narrower
function TestRecastBabarKnunu:test_variant_volumes()
  local d, dat = load()
  local emc = d.prepare(1.0, dat, V)
  local sph = d.prepare(1.0, dat, { seed = 1, name = "sphere", volume = "sphere" })
  local dch = d.prepare(1.0, dat, { seed = 1, name = "dch", volume = "dch" })
  lu.assertEquals(sph.p0, 0) -- a prompt ALP is never invisible in a sphere (the old bug)
  lu.assertTrue(dch.p0 > emc.p0 * 1.2, "DCH window 24.8-141.4 deg misses more than the EMC's")
  local m = alp.model.benchmark("cff", 1) -- prompt at 1 GeV
  h.assert_rel(d.signal(m, 1.0, emc), m:br_b_to_ka(1.0) * emc.p0, 1e-6, "prompt: B <P_a>(0)")
  lu.assertTrue(d.signal(m, 1.0, sph) < 1e-20)
  -- an invisible width always counts (paper eq. 3.4)
  local mi = alp.model { cff = 1e2, gamma_inv = 1e-12 }
  local binv = mi:br(MA_LO, "invisible")
  lu.assertTrue(binv > 0.01 and binv < 0.99)
  local pl = d.prepare(MA_LO, dat, V)
  h.assert_rel(d.signal(mi, MA_LO, pl), mi:br_b_to_ka(MA_LO) * ((1 - binv) * pl.p0 + binv), 1e-6)
end

-- Done when: excluded from <= 10 MeV to >= 2.9 GeV for c_ff and c_WW (the old recast had
-- no limit below 0.1003 GeV, none above 0.21 GeV for c_ff and 0.135 GeV for c_WW)
function TestRecastBabarKnunu:test_mass_reach_and_edges_by_hand()
  local d, dat = load()
  local f = edges("cff", { 0.005, 0.01, MA_LO, MA_HI, 2.9 })
  local w = edges("cWW", { 0.01, MA_HI, 2.9 })
  for _, ma in ipairs { 0.005, 0.01, MA_LO, MA_HI, 2.9 } do lu.assertNotNil(f[ma], "cff at " .. ma) end
  for _, ma in ipairs { 0.01, MA_HI, 2.9 } do lu.assertNotNil(w[ma], "cWW at " .. ma) end
  -- low mass: long-lived (P = 1 to 1e-3), the total decides; 0.0185 TeV^-1
  h.assert_rel(f[0.01].lo, c_edge("cff", 0.01, UL_TOTAL, 1), 2e-3, "c_ff(10 MeV), total")
  h.assert_rel(f[MA_LO].lo, c_edge("cff", MA_LO, UL_LO, 1), 2e-3, "c_ff(0.15 GeV), fit")
  -- high mass: prompt, <P_a> = p0, excluded up to the top of the scan
  local p0 = d.prepare(MA_HI, dat, V).p0
  h.assert_rel(f[MA_HI].lo, c_edge("cff", MA_HI, UL_HI, p0), 2e-3, "c_ff(2 GeV), B p0 = UL")
  lu.assertEquals(f[MA_HI].hi, math.huge)
  h.assert_rel(w[MA_HI].lo, c_edge("cWW", MA_HI, UL_HI, p0), 2e-3, "c_WW(2 GeV), B p0 = UL")
  -- D13's check and the paper's Fig. 3 need BaBar's combined 1.6e-5 (not in our data):
  -- c scales as sqrt(UL); with it, c_ff(10 MeV) ~ 0.012 and c_WW(10 MeV) ~ 7 (paper Fig. 3)
  local k = math.sqrt(1.6e-5 / UL_TOTAL)
  h.assert_rel(f[0.01].lo * k, 0.012, 0.15, "D13 check, c_ff(10 MeV)")
  h.assert_rel(w[0.01].lo * k, 7, 0.15, "paper Fig. 3, c_WW below 0.07 GeV")
end

-- library addition: alp.limit.csv{mass_range = {lo, hi}} for a table without a mass column
function TestRecastBabarKnunu:test_limit_mass_range()
  local file = alp.root .. "/recasts/data/babar_knunu_total_ul.csv"
  local l = alp.limit.csv(file, { value = "br_ul", select = { channel = "B0 -> K0 nu nubar" },
                                  mass_range = { 0.5, 2 } })
  lu.assertEquals({ l:at(0.4), l:at(2.1) }, { math.huge, math.huge })
  for _, ma in ipairs { 0.5, 1.3, 2 } do h.assert_rel(l:at(ma), 8.1e-5, 1e-12, "flat in mass") end
  local all = alp.limit.csv(file, { value = "br_ul", mass_range = { 0, 1 } })
  lu.assertErrorMsgContains("exactly one row", function() all:at(0.5) end)
  lu.assertErrorMsgContains("mass_range must be", function()
    alp.limit.csv(file, { value = "br_ul", mass = "x", mass_range = { 0, 1 } })
  end)
end
