-- tests/lua/test_recast_beamdumps_gg.lua: recasts/beamdumps_gg.lua -- the D11
-- conversion factor, the band edges at one mass by hand from the seed
-- curves, the ratio and the lower edge closed onto the tip, the extra tables,
-- the band closing inside the coupling range at every mass, cWW only, and a
-- cross-check of the paper curves against the FORESEE outlines.
local lu = require "luaunit"
local h = require "helpers"

TestRecastBeamdumpsGg = {}

local PATH = alp.root .. "/recasts/beamdumps_gg.lua"
local K_D11 = 4.3051e5 -- |C_gg^eff|/f_a [TeV^-1] per g [GeV^-1] (REFERENCE D11)

local desc
local function load()
  if not desc then desc = alp.recast.load(PATH) end
  return desc
end

-- g_agg of a model from its width: Gamma = g^2 m^3 / (64 pi) (REFERENCE §4.7)
local function g_of(m, ma) return math.sqrt(64 * math.pi * m:width(ma, "gammagamma") / ma ^ 3) end

function TestRecastBeamdumpsGg:test_declaration()
  local d = load()
  -- assumes B(a -> gamma gamma) >= 0.95: cWW (>= 0.989 over the band) passes, cff (1e-3) is refused
  lu.assertTrue(alp.recast.applies(d, "cWW"))
  local ok, why = alp.recast.applies(d, "cff")
  lu.assertFalse(ok)
  lu.assertStrContains(why, "B(a -> gammagamma) = 0.00128 < 0.95")
  lu.assertStrContains(why, "two photons only")
  lu.assertEquals(d.cl, 0.90)
  lu.assertStrContains(d.notes, "beamdumps_gg_seed_upper.csv")
  lu.assertStrContains(d.notes, "90 %")
  lu.assertStrContains(d.notes, "4.3051e5")
end

function TestRecastBeamdumpsGg:test_d11_conversion_factor()
  -- Lambda / (4 alpha(0)) with Lambda = 4 pi TeV, alpha(0) = 1/137.035999
  local m = alp.model.benchmark("cWW", 1)
  local Lambda = m:params().Lambda
  h.assert_rel(Lambda, 4 * math.pi * 1000, 1e-9, "Lambda = 4 pi TeV")
  h.assert_rel(Lambda * 137.035999 / 4, K_D11, 2e-5, "D11: Lambda / (4 alpha(0))")
  -- the model: C_gg^eff = c_WW to < 0.1 % in the cWW benchmark, i.e. c = 4.3051e5 g
  for _, ma in ipairs { 0.03, 0.1, 0.3, 0.5 } do
    h.assert_rel(K_D11 * g_of(m, ma), 1, 1e-3, "C_gg^eff/c_WW at " .. ma .. " GeV")
  end
end

function TestRecastBeamdumpsGg:test_edges_by_hand()
  local ma = 0.1105 -- a point of the upper curve: g_up = 2.2496e-05
  -- lower curve: ln g linear in ln m between (0.10647, 2.3768e-07) and (0.11862, 2.2503e-07)
  local w = (math.log(ma) - math.log(0.10647)) / (math.log(0.11862) - math.log(0.10647))
  local g_low = math.exp(math.log(2.3768e-07) + w * (math.log(2.2503e-07) - math.log(2.3768e-07)))
  local g_up = 2.2496e-05
  local g1 = g_of(alp.model.benchmark("cWW", 1), ma) -- g is linear in c_WW
  local r = alp.recast.scan(load(), "cWW", nil, { masses = { ma } })
  lu.assertEquals(#r.intervals, 1)
  h.assert_rel(r.intervals[1].lo, g_low / g1, 2e-3, "c_low = g_low / g(c = 1)")
  h.assert_rel(r.intervals[1].hi, g_up / g1, 2e-3, "c_high = g_up / g(c = 1)")
  -- and with the D11 number directly (C_gg^eff = c_WW to < 0.1 %)
  h.assert_rel(r.intervals[1].lo, K_D11 * g_low, 3e-3, "c_low = 4.3051e5 g_low = 0.1004")
  h.assert_rel(r.intervals[1].hi, K_D11 * g_up, 3e-3, "c_high = 4.3051e5 g_up = 9.685")
end

-- ratio = min(g / g_low, g_up / g) (> 1 only inside the band); the lower edge
-- ends at 0.49784 GeV and is closed onto the upper edge's last point (the tip)
function TestRecastBeamdumpsGg:test_ratio_tip_and_extra_tables()
  local d = load()
  local dat = alp.recast.data(d)
  local ma = 0.1105
  local band = d.prepare(ma, dat)
  h.assert_rel(band.up, 2.2496e-05, 1e-12, "on a knot of the upper edge")
  for _, c in ipairs { 0.05, 1, 30 } do
    local m = alp.model.benchmark("cWW", c)
    local g = g_of(m, ma)
    h.assert_rel(d.ratio(m, ma, dat, band), math.min(g / band.low, band.up / g), 1e-12, "ratio at c = " .. c)
  end
  lu.assertTrue(d.ratio(alp.model.benchmark("cWW", 1), ma, dat, band) > 1, "c_WW = 1 is inside")
  -- between the lower edge's last point and the tip: ln g linear in ln m
  local m1, g1, mt, gt = 0.49784, dat.lower.columns.g_agg_GeVinv[dat.lower.n], 0.516671, 1.6644e-07
  local mid = math.sqrt(m1 * mt)
  h.assert_rel(d.prepare(mid, dat).low, math.sqrt(g1 * gt), 1e-9, "lower edge closed onto the tip")
  local tip = d.prepare(mt, dat)
  lu.assertEquals({ tip.low, tip.up }, { gt, gt })
  lu.assertEquals(d.ratio(alp.model.benchmark("cWW", 0.07), mt, dat, tip), 0, "zero width at the tip")
  -- outside the digitised masses: no edges, no exclusion
  local out = d.prepare(0.6, dat)
  lu.assertNil(out.low)
  lu.assertEquals(d.ratio(alp.model.benchmark("cWW", 1), 0.6, dat, out), 0)
  -- extra: the band at the upper edge's masses, in c_WW with D11's factor
  local ex = d.extra(dat)
  local rows = ex.seed_band_cWW.rows
  lu.assertEquals(#rows, dat.upper.n)
  lu.assertEquals(rows[#rows], { mt, gt, gt, K_D11 * gt, K_D11 * gt })
  for _, r in ipairs(rows) do
    lu.assertTrue(r[2] <= r[3], "g_low <= g_up at " .. r[1])
    h.assert_rel(r[4], K_D11 * r[2], 1e-12)
  end
  lu.assertEquals(ex.foresee_contours_cWW.rows[1][5], K_D11 * dat.foresee.columns.g_agg_GeVinv[1])
end

function TestRecastBeamdumpsGg:test_band_closes_inside_the_coupling_range()
  local d = load()
  local r = alp.recast.scan(d, "cWW", nil, { masses = { min = d.masses.min, max = d.masses.max, n = 40 } })
  lu.assertTrue(#r.intervals >= 39, "an interval at (almost) every mass") -- the tip has zero width
  for _, iv in ipairs(r.intervals) do
    lu.assertFalse(iv.open_low, "open at the bottom at " .. iv.ma)
    lu.assertFalse(iv.open_high, "open at the top at " .. iv.ma)
    lu.assertTrue(iv.lo > 0.05 and iv.hi < 500 and iv.lo < iv.hi)
  end
  -- nothing outside the digitised masses
  lu.assertEquals(#alp.recast.scan(d, "cWW", nil, { masses = { 0.015, 0.52, 1.0 } }).intervals, 0)
end

-- the paper's band against the FORESEE outlines (union of NuCal, CHARM, E137)
function TestRecastBeamdumpsGg:test_foresee_cross_check()
  local d = load()
  local dat = alp.recast.data(d)
  local fs = dat.foresee.columns
  local polys = {}
  for i = 1, dat.foresee.n do
    local e = fs.experiment[i]
    polys[e] = polys[e] or {}
    polys[e][#polys[e] + 1] = { fs.ma_GeV[i], fs.g_agg_GeVinv[i] }
  end
  local ex = d.extra(dat)
  lu.assertEquals(#ex.foresee_contours_cWW.rows, dat.foresee.n)
  for _, ma in ipairs { 0.03, 0.1, 0.3, 0.45 } do
    local gmin, gmax = math.huge, 0
    for _, p in pairs(polys) do
      for i = 1, #p do
        local a, b = p[i], p[i % #p + 1]
        if (a[1] - ma) * (b[1] - ma) < 0 then
          local w = (math.log(ma) - math.log(a[1])) / (math.log(b[1]) - math.log(a[1]))
          local g = math.exp(math.log(a[2]) + w * (math.log(b[2]) - math.log(a[2])))
          gmin, gmax = math.min(gmin, g), math.max(gmax, g)
        end
      end
    end
    local band = d.prepare(ma, dat)
    lu.assertTrue(math.abs(math.log(band.low / gmin)) < math.log(1.15),
                  string.format("lower edge at %g GeV: seed %.3g, FORESEE %.3g", ma, band.low, gmin))
    lu.assertTrue(math.abs(math.log(band.up / gmax)) < math.log(1.3),
                  string.format("upper edge at %g GeV: seed %.3g, FORESEE %.3g", ma, band.up, gmax))
  end
end
