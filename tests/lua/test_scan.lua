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
