-- tests/lua/test_scan.lua: alp.scan on synthetic ratio functions whose
-- excluded regions are known analytically.
local lu = require "luaunit"
local h = require "helpers"

TestScan = {}

-- A band between two power laws: excluded for lo(ma) < c < hi(ma).
local function lo(ma) return 2.385e-5 * ma ^ 0.5 end
local function hi(ma) return 3.1e-1 * ma ^ -1.5 end
local function band(ma, c) return math.min(c / lo(ma), hi(ma) / c) end

function TestScan:test_band_between_power_laws_to_tolerance()
  for _, rtol in ipairs { 1e-3, 1e-6 } do
    local r = alp.scan.run { fn = band, masses = { min = 0.05, max = 4.2, n = 37 },
                             couplings = { min = 1e-7, max = 1e2, n = 120 }, rtol = rtol }
    lu.assertEquals(#r.intervals, 37, "one interval per mass")
    for _, iv in ipairs(r.intervals) do
      lu.assertFalse(iv.open_low)
      h.assert_rel(iv.lo, lo(iv.ma), rtol, "lower edge at ma = " .. iv.ma)
      if hi(iv.ma) < 1e2 then
        lu.assertFalse(iv.open_high)
        h.assert_rel(iv.hi, hi(iv.ma), rtol, "upper edge at ma = " .. iv.ma)
      else
        lu.assertTrue(iv.open_high)
        lu.assertEquals(iv.hi, math.huge)
      end
    end
  end
end

function TestScan:test_open_upwards_gives_inf_and_rows()
  -- excluded above a power law only, up to the top of the scan
  local r = alp.scan.run { fn = function(ma, c) return c / (1e-3 * ma) end,
                           masses = { 0.1, 0.2385 }, couplings = { min = 1e-6, max = 10, n = 50 } }
  local rows = alp.scan.rows(r)
  lu.assertEquals(#rows, 2)
  h.assert_rel(rows[2][2], 2.385e-4, 1e-3, "c_low")
  lu.assertEquals(rows[2][3], math.huge)
end

function TestScan:test_two_islands_at_one_mass()
  -- two bumps in ln c; ratio > 1 on |ln(c/c0)| < sqrt(ln A / k)
  local function f(c)
    return math.max(2 * math.exp(-(math.log(c / 1.3e-4)) ^ 2),
                    3 * math.exp(-2 * (math.log(c / 0.21)) ^ 2))
  end
  local ivs = alp.scan.intervals(f, { min = 1e-7, max = 1e2, n = 90, rtol = 1e-7 })
  lu.assertEquals(#ivs, 2)
  local w1, w2 = math.sqrt(math.log(2)), math.sqrt(math.log(3) / 2)
  h.assert_rel(ivs[1][1], 1.3e-4 * math.exp(-w1), 1e-7, "island 1 low")
  h.assert_rel(ivs[1][2], 1.3e-4 * math.exp(w1), 1e-7, "island 1 high")
  h.assert_rel(ivs[2][1], 0.21 * math.exp(-w2), 1e-7, "island 2 low")
  h.assert_rel(ivs[2][2], 0.21 * math.exp(w2), 1e-7, "island 2 high")
end

function TestScan:test_family_models_prepare_and_model_cache()
  -- a fake family: c -> model table; ratio reads the model; prepare runs
  -- once per mass; grid models are built once for all masses
  local built, prepared = 0, 0
  local function family(c) built = built + 1; return { c = c } end
  local r = alp.scan.run {
    family = family, masses = { min = 0.1, max = 1, n = 10 },
    couplings = { min = 1e-5, max = 1, n = 40 }, rtol = 1e-4,
    prepare = function(ma) prepared = prepared + 1; return { edge = 1e-3 * ma } end,
    ratio = function(model, ma, prep) return model.c / prep.edge end,
  }
  lu.assertEquals(prepared, 10)
  lu.assertTrue(built < 40 + 10 * 20, "grid models are cached: built " .. built)
  for _, iv in ipairs(r.intervals) do h.assert_rel(iv.lo, 1e-3 * iv.ma, 1e-4, "edge") end
end

function TestScan:test_no_exclusion_and_excluded_everywhere()
  local r = alp.scan.run { fn = function() return 0 end, masses = { 0.3 } }
  lu.assertEquals(r.intervals, {})
  r = alp.scan.run { fn = function() return math.huge end, masses = { 0.3 },
                     couplings = { min = 1e-3, max = 1, n = 5 } }
  lu.assertEquals(#r.intervals, 1)
  lu.assertTrue(r.intervals[1].open_low and r.intervals[1].open_high)
  lu.assertEquals(r.intervals[1].lo, 1e-3)
end

function TestScan:test_bad_ratio_and_options_raise()
  lu.assertErrorMsgContains("ratio returned nan at ma = 0.3 GeV", alp.scan.run,
    { fn = function() return 0 / 0 end, masses = { 0.3 } })
  lu.assertErrorMsgContains("ratio returned nil", alp.scan.run,
    { fn = function() end, masses = { 0.3 } })
  lu.assertErrorMsgContains("unknown option 'mass' (did you mean 'masses'?)", alp.scan.run,
    { fn = band, mass = { 0.3 } })
  lu.assertErrorMsgContains("masses must be strictly increasing", alp.scan.run,
    { fn = band, masses = { 0.3, 0.2 } })
  lu.assertErrorMsgContains("rtol must be a finite number in (0, 0.5]", alp.scan.run,
    { fn = band, masses = { 0.3 }, rtol = 2 })
  lu.assertErrorMsgContains('family must be "cff", "cWW" or a function', alp.scan.run,
    { ratio = band, family = "cfff", masses = { 0.3 } })
end

function TestScan:test_grids()
  local g = alp.scan.logspace(1e-3, 10, 5)
  h.assert_rel(g[2], 1e-2, 1e-12, "logspace")
  lu.assertEquals(#alp.scan.grid { min = 0.1, max = 1, n = 7, log = false }, 7)
  h.assert_rel(alp.scan.linspace(0, 1, 5)[2], 0.25, 1e-15, "linspace")
end

-- REFERENCE.md D16(b) / issue #11 item 3: with c_max the scan runs up to the
-- EFT validity bound and no further; inf only where still excluded there.
function TestScan:test_c_max_open_region_is_inf_at_the_bound()
  local cmax = alp.model.max_coupling("B+")
  h.assert_rel(cmax, 1000 / 5.27934, 1e-12, "B+ bound, 1000/m_B+ TeV^-1")
  local top = 0
  local r = alp.scan.run { fn = function(ma, c) top = math.max(top, c); return c / 2.385e-3 end,
                           masses = { 0.3 }, couplings = { min = 1e-6, max = 10, n = 50 },
                           c_max = "B+" }
  lu.assertEquals(r.c_max, cmax)
  lu.assertEquals(r.c_max_parent, "B+")
  lu.assertEquals(r.couplings.max, cmax, "the grid's top is the bound")
  lu.assertEquals(top, cmax, "evaluated up to the bound and not beyond")
  lu.assertEquals(#r.intervals, 1)
  h.assert_rel(r.intervals[1].lo, 2.385e-3, 1e-3, "c_low")
  lu.assertEquals(r.intervals[1].hi, math.huge)
  lu.assertTrue(r.intervals[1].open_high)
end

function TestScan:test_c_max_follows_a_region_above_the_grid_top_until_it_closes()
  -- excluded in [c1, c2], c2 = 150 between the grid top (100) and the bound
  local c1, c2 = 3.1e-2, 150
  local function f(ma, c) return math.min(c / c1, c2 / c) end
  local spec = { min = 1e-7, max = 1e2, n = 200 }
  local old = alp.scan.run { fn = f, masses = { 0.3 }, couplings = spec }
  lu.assertEquals(old.intervals[1].hi, math.huge, "without c_max: open at the grid top")
  lu.assertNil(old.c_max)
  local r = alp.scan.run { fn = f, masses = { 0.3 }, couplings = spec, c_max = "B+", rtol = 1e-6 }
  lu.assertEquals(#r.intervals, 1)
  lu.assertFalse(r.intervals[1].open_high)
  h.assert_rel(r.intervals[1].lo, c1, 1e-6, "c_low")
  h.assert_rel(r.intervals[1].hi, c2, 1e-6, "c_high: the Brent-refined closing edge")
  -- the continuation keeps the density per decade: 199/9 steps per decade
  -- of the grid, ceil(log10(189.4/100) * 199/9) = 7 more steps
  lu.assertEquals(r.couplings.n, 200 + 7)
end

function TestScan:test_c_max_cuts_the_grid_and_nothing_above_is_reported()
  local cmax = 50
  local top = 0
  local function f(ma, c)
    top = math.max(top, c)
    if c > 300 and c < 500 then return 10 end -- excluded only above the bound
    return 0
  end
  local r = alp.scan.run { fn = f, masses = { 0.3, 1 }, couplings = { min = 1e-3, max = 1e3, n = 61 },
                           c_max = cmax }
  lu.assertEquals(r.intervals, {})
  lu.assertEquals(top, cmax)
  lu.assertEquals(r.couplings.max, cmax)
  lu.assertNil(r.c_max_parent)
  -- excluded everywhere: one interval, open at both ends, its top the bound
  r = alp.scan.run { fn = function() return math.huge end, masses = { 0.3 },
                     couplings = { min = 1e-3, max = 1e3, n = 61 }, c_max = cmax }
  lu.assertEquals(#r.intervals, 1)
  lu.assertTrue(r.intervals[1].open_high)
  for _, iv in ipairs(r.intervals) do lu.assertTrue(iv.lo <= cmax) end
end

function TestScan:test_c_max_errors()
  lu.assertErrorMsgContains('alp.scan.run: c_max: parent must be one of "B+"', alp.scan.run,
    { fn = band, masses = { 0.3 }, c_max = "B" })
  lu.assertErrorMsgContains("alp.scan.run: c_max must be a finite number in (0", alp.scan.run,
    { fn = band, masses = { 0.3 }, c_max = -1 })
  lu.assertErrorMsgContains("c_max = 1e-08 is at or below the bottom of the coupling grid",
    alp.scan.run, { fn = band, masses = { 0.3 }, c_max = 1e-8 })
end

-- issue #12: unknown keys of couplings raise; an array of couplings is used
function TestScan:test_coupling_spec_keys_and_arrays()
  lu.assertErrorMsgContains("alp.scan.run: couplings: unknown option 'N' (did you mean 'n'?)",
    alp.scan.run, { fn = band, masses = { 0.3 }, couplings = { min = 1e-5, max = 1, N = 5 } })
  lu.assertErrorMsgContains("alp.scan.intervals: unknown option 'N' (did you mean 'n'?)",
    alp.scan.intervals, function() return 0 end, { N = 5 })
  local r = alp.scan.run { fn = function() return 0 end, masses = { 0.3 },
                           couplings = { 1e-3, 1e-2, 1e-1 } }
  lu.assertEquals(r.couplings, { min = 1e-3, max = 1e-1, n = 3 })
end

-- issue #12: linspace over the whole double range does not overflow to nan
function TestScan:test_linspace_huge_span()
  local g = alp.scan.linspace(-1e308, 1e308, 3)
  lu.assertEquals(g, { -1e308, 0, 1e308 })
  g = alp.scan.linspace(-1.7e308, 1.7e308, 5)
  for i = 1, 5 do lu.assertTrue(g[i] == g[i] and math.abs(g[i]) < math.huge, "finite") end
  h.assert_rel(g[4], 0.85e308, 1e-15, "linspace point 4")
end
