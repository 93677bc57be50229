-- tests/lua/test_limit.lua: alp.limit (a published limit as an object) and
-- alp.interp (the one interpolation code).  Known values are computed by hand
-- from the formulas quoted in help("alp.limit"); the three silent mistakes of
-- issue 10 (cm under a metre name, no header, CL mismatch) must be errors.
local lu = require "luaunit"
local h = require "helpers"

TestLimit = {}

local function write(dir, name, text)
  local p = dir .. "/" .. name
  local f = assert(io.open(p, "w")); f:write(text); f:close()
  return p
end

function TestLimit:setUp() self.dir = h.tmpdir() end
function TestLimit:tearDown() h.rmtree(self.dir) end

local CURVES = [[
# quantity: toy limit on BR(B -> K a) x BR(a -> mu mu)
# source: toy table for tests
# cl: 0.95
# units: m: ALP mass [MeV]; ctau: proper decay length [cm]; ul: [dimensionless]
m,ctau,ul
200,1,1e-7
400,1,4e-7
200,10,1e-6
400,10,4e-6
600,10,9e-6
]]

-- Units are converted on load: MeV -> GeV, cm -> m.
function TestLimit:test_units_converted_and_log_interpolation()
  local p = write(self.dir, "c.csv", CURVES)
  local lim = alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau",
                                 interpolate = { mass = "linear", lifetime = "log", value = "log" } })
  -- on a knot
  h.assert_rel(lim:at(0.2, 0.01), 1e-7, 1e-12, "knot (0.2 GeV, 1 cm)")
  -- along mass, log value, linear mass: exp(mid of ln 1e-7, ln 4e-7) = 2e-7
  h.assert_rel(lim:at(0.3, 0.01), 2e-7, 1e-12, "geometric mean in value")
  -- across lifetime at log-midpoint ctau = sqrt(0.01 * 0.1) m: sqrt(1e-7 * 1e-6)
  h.assert_rel(lim:at(0.2, math.sqrt(0.001)), math.sqrt(1e-13), 1e-10, "log in ctau")
  -- the 10 cm curve reaches 0.6 GeV but the 1 cm one stops at 0.4 GeV: no
  -- interpolation across lifetimes where only one curve has a value
  h.assert_rel(lim:at(0.5, 0.1), 6e-6, 1e-12, "on the 10 cm curve: sqrt(4e-6 * 9e-6)")
  lu.assertEquals(lim:at(0.5, 0.03), math.huge)
  -- outside (default "none"): no limit
  lu.assertEquals(lim:at(0.1, 0.01), math.huge)
  lu.assertEquals(lim:at(0.2, 1.0), math.huge)
  local i = lim:info()
  h.assert_rel(i.mass[1], 0.2, 1e-12); h.assert_rel(i.mass[2], 0.6, 1e-12)
  h.assert_rel(i.ctau[1], 0.01, 1e-12); h.assert_rel(i.ctau[2], 0.1, 1e-12)
  lu.assertEquals(i.cl, 0.95)
  lu.assertEquals(i.source, "toy table for tests")
  lu.assertStrContains(tostring(lim), "branching ratio at 95% CL")
end

-- Edge rules: "hold" and LHCb's long-lifetime acceptance scaling.
function TestLimit:test_edge_rules()
  local p = write(self.dir, "c.csv", CURVES)
  local hold = alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau",
                                  outside = { short = "hold", long = "hold" } })
  h.assert_rel(hold:at(0.2, 1e-4), 1e-7, 1e-12, "short side held")
  h.assert_rel(hold:at(0.2, 5.0), 1e-6, 1e-12, "long side held")
  local ref = 0.05 -- m
  local acc = alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau",
                                 outside = { long = { "acceptance", ref = { 5, "cm" } } } })
  local f = function(t) return 1 - math.exp(-ref / t) end
  -- UL(t) = UL(t0) f(t0) / f(t), t0 = 0.1 m (help("alp.limit"))
  h.assert_rel(acc:at(0.2, 3.0), 1e-6 * f(0.1) / f(3.0), 1e-10, "acceptance rule")
  lu.assertEquals(acc:at(0.2, 1e-4), math.huge, "short side: none")
  -- a time unit for ref: 1000 ps = 0.29979 m
  local acc2 = alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau",
                                  outside = { long = { "acceptance", ref = { 1000, "ps" } } } })
  local r2 = 1000e-12 * 299792458
  h.assert_rel(acc2:at(0.2, 3.0), 1e-6 * (1 - math.exp(-r2 / 0.1)) / (1 - math.exp(-r2 / 3.0)), 1e-10)
  -- mass edges
  local mh = alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau",
                                outside = { mass = { low = "hold" } } })
  h.assert_rel(mh:at(0.05, 0.01), 1e-7, 1e-12, "low mass held")
  lu.assertEquals(mh:at(0.7, 0.1), math.huge, "high mass: none")
end

-- NA62's rule: linear in 1/tau between the last curve and the tau = inf curve.
function TestLimit:test_inverse_rule()
  local lim = alp.limit.new{
    columns = { m = { 0.1, 0.2, 0.1, 0.2 }, tau = { 1e-9, 1e-9, math.huge, math.huge },
                ul = { 4e-11, 4e-11, 1e-11, 1e-11 } },
    units = { m = "GeV", tau = "s", ul = "dimensionless" },
    value = "ul", mass = "m", lifetime = "tau", cl = 0.9, source = "toy",
    interpolate = { value = "linear" }, outside = { long = "inverse" } }
  local t0 = 1e-9 * 299792458
  -- at ctau = 2 t0: 1/t halfway between 1/t0 and 0 -> value halfway
  h.assert_rel(lim:at(0.15, 2 * t0), 2.5e-11, 1e-10, "1/tau midpoint")
  h.assert_rel(lim:at(0.15, 4 * t0), 1e-11 + 0.25 * 3e-11, 1e-10, "1/tau quarter")
  h.assert_rel(lim:at(0.15, 1e30), 1e-11, 1e-6, "tau -> inf")
end

-- A measurement with its +1 sigma edge: UL = central + z sigma (z at 90 %).
function TestLimit:test_measurement_bound()
  local lim = alp.limit.new{
    columns = { m = { 0.1, 1.0 }, br = { 1e-5, 2e-5 }, up = { 1.5e-5, 3e-5 } },
    units = { m = "GeV", br = "dimensionless", up = "dimensionless" },
    value = "br", error_up = "up", bounds = "measurement", mass = "m", cl = 0.9, source = "toy",
    interpolate = { value = "linear" } }
  h.assert_rel(lim:at(0.1), 1e-5 + 1.2815515655 * 0.5e-5, 1e-8, "z(90 %, one-sided) = 1.28155")
end

-- Binned (LHCb displaced style): a point in no bin has no limit; overlaps fail.
function TestLimit:test_bins()
  local lim = alp.limit.new{
    columns = { m0 = { 0.2, 0.3 }, m1 = { 0.3, 0.5 }, t0 = { 0, 0 }, t1 = { 10, 10 },
                ul = { 1e-9, 2e-9 } },
    units = { m0 = "GeV", m1 = "GeV", t0 = "ps", t1 = "ps", ul = "dimensionless" },
    value = "ul", bins = { mass = { "m0", "m1" }, lifetime = { "t0", "t1" } }, cl = 0.95, source = "toy" }
  h.assert_rel(lim:at(0.25, 1e-3), 1e-9, 1e-12)
  h.assert_rel(lim:at(0.4, 1e-3), 2e-9, 1e-12)
  lu.assertEquals(lim:at(0.6, 1e-3), math.huge)
  lu.assertEquals(lim:at(0.25, 1.0), math.huge, "10 ps = 3 mm; 1 m is beyond")
  local ok, err = pcall(alp.limit.new, {
    columns = { m0 = { 0.2, 0.25 }, m1 = { 0.3, 0.5 }, t0 = { 0, 0 }, t1 = { 10, 10 }, ul = { 1, 2 } },
    units = { m0 = "GeV", m1 = "GeV", t0 = "ps", t1 = "ps", ul = "dimensionless" },
    value = "ul", bins = { mass = { "m0", "m1" }, lifetime = { "t0", "t1" } }, cl = 0.95 })
  if ok then ok, err = pcall(err.at, err, 0.27, 1e-3) end
  lu.assertFalse(ok); lu.assertStrContains(tostring(err), "overlap")
end

-- Issue 10's three silent mistakes, each an error naming the file/column/CLs.
function TestLimit:test_cm_column_under_metre_name_uses_its_declared_unit()
  -- the name says m, the header says cm: the header rules, and a column with
  -- no declared unit is an error naming file and column
  local p = write(self.dir, "u.csv", (CURVES:gsub("ctau: proper decay length %[cm%]", "ctau: proper decay length")))
  local lim = alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau" })
  local ok, err = pcall(lim.at, lim, 0.2, 0.01)
  lu.assertFalse(ok)
  lu.assertStrContains(err, p); lu.assertStrContains(err, "column 'ctau'")
end

function TestLimit:test_no_header_is_an_error()
  local p = write(self.dir, "n.csv", "m,ctau,ul\n200,1,1e-7\n400,1,4e-7\n")
  local ok, err = pcall(alp.limit.csv, p, { value = "ul", mass = "m", lifetime = "ctau", cl = 0.95 })
  lu.assertFalse(ok)
  lu.assertStrContains(err, p); lu.assertStrContains(err, "units:")
end

function TestLimit:test_cl_mismatch_names_both()
  local p = write(self.dir, "c.csv", (CURVES:gsub("# cl: 0.95", "# cl: 0.90")))
  local ok, err = pcall(alp.limit.csv, p, { value = "ul", mass = "m", lifetime = "ctau", cl = 0.95 })
  lu.assertFalse(ok)
  lu.assertStrContains(err, "0.95"); lu.assertStrContains(err, "0.9")
  lu.assertStrContains(err, p)
end

-- Bad data rows name file, line and column.
function TestLimit:test_bad_rows_name_line_and_column()
  local cases = {
    { CURVES:gsub("400,10,4e%-6", "400,10,-4e-6"), "line 9", "must be > 0" },
    { CURVES:gsub("400,10,4e%-6", "400,10,abc"), ".csv:9:", "column 'ul'" },
    { CURVES:gsub("600,10,9e%-6", "400,10,9e-6"), "line 10", "duplicate" },
    { (CURVES:gsub("\n200.*$", "\n")), "", "no data rows" },
  }
  for i, c in ipairs(cases) do
    local p = write(self.dir, "b" .. i .. ".csv", c[1])
    local ok, err = pcall(function()
      return alp.limit.csv(p, { value = "ul", mass = "m", lifetime = "ctau" }):at(0.2, 0.01)
    end)
    lu.assertFalse(ok, "case " .. i)
    lu.assertStrContains(err, p)
    lu.assertStrContains(err, c[2]); lu.assertStrContains(err, c[3])
  end
end

-- strongest / piecewise
function TestLimit:test_combinations()
  local mk = function(v, lo, hi)
    return alp.limit.new{ columns = { m = { lo, hi }, ul = { v, v } },
                          units = { m = "GeV", ul = "dimensionless" },
                          value = "ul", mass = "m", cl = 0.9, source = "toy" }
  end
  local a, b = mk(1e-6, 0.1, 1), mk(3e-7, 0.5, 2)
  local s = alp.limit.strongest{ a, b }
  h.assert_rel(s:at(0.3), 1e-6, 1e-12); h.assert_rel(s:at(0.7), 3e-7, 1e-12)
  h.assert_rel(s:at(1.5), 3e-7, 1e-12); lu.assertEquals(s:at(3), math.huge)
  local pw = alp.limit.piecewise{ { a, mass = { 0.1, 0.6 } }, { b, mass = { 0.6, 2 } } }
  h.assert_rel(pw:at(0.55), 1e-6, 1e-12); h.assert_rel(pw:at(0.7), 3e-7, 1e-12)
  local c95 = alp.limit.new{ columns = { m = { 0.1, 1 }, ul = { 1, 1 } },
                             units = { m = "GeV", ul = "dimensionless" },
                             value = "ul", mass = "m", cl = 0.95, source = "toy" }
  local ok, err = pcall(alp.limit.strongest, { a, c95 })
  lu.assertFalse(ok); lu.assertStrContains(err, "CL")
end

-- alp.interp.curve: log/log is exact on a power law; steffen is monotone;
-- nan knots are gaps; never extrapolates.
function TestLimit:test_interp_curve()
  local c = alp.interp.curve({ 1, 10, 100 }, { 2, 200, 20000 }, { x = "log", y = "log" })
  h.assert_rel(c:at(3), 2 * 9, 1e-12, "y = 2 x^2 exactly in log-log")
  lu.assertNil(c:at(0.5)); lu.assertNil(c:at(101))
  local g = alp.interp.curve({ 1, 2, 3, 4 }, { 1, 0 / 0, 3, 4 })
  lu.assertNil(g:at(1.5)); lu.assertNil(g:at(2.5)); h.assert_rel(g:at(3.5), 3.5, 1e-12)
  local xs, ys = { 0, 1, 2, 3, 4 }, { 0, 0, 1, 1, 1 }
  local s = alp.interp.curve(xs, ys, { method = "steffen" })
  local prev = -1
  for i = 0, 400 do
    local v = s:at(i / 100)
    lu.assertTrue(v >= prev - 1e-15 and v >= 0 and v <= 1, "monotone, no overshoot")
    prev = v
  end
  local ok, err = pcall(alp.interp.curve, { 1, 1, 2 }, { 1, 2, 3 })
  lu.assertFalse(ok); lu.assertStrContains(err, "increasing")
  ok, err = pcall(alp.interp.curve, { 1, 2 }, { 1, -2 }, { y = "log" })
  lu.assertFalse(ok)
end
