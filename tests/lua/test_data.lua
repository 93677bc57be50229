-- tests/lua/test_data.lua: alp.data.csv (columns + header metadata) and the
-- interpolators (linear / log, explicit choice outside the table and in gaps).
local lu = require "luaunit"
local h = require "helpers"

TestData = {}

function TestData:setUp()
  self.dir = h.tmpdir()
  self.path = self.dir .. "/t.csv"
  local f = assert(io.open(self.path, "w"))
  f:write([[
# quantity: upper limit on BR(B+ -> K+ a)
# Source: test table, Table 2
# units: ma_GeV in GeV;
#   br_ul dimensionless
# a free comment line, with commas
ma_GeV,br_ul,label
0.1,2e-6,"a, b"
0.2,nan,gap
0.4,8e-6,c
0.8,inf,d
]])
  f:close()
end
function TestData:tearDown() h.rmtree(self.dir) end

function TestData:test_csv_columns_and_metadata()
  local d = alp.data.csv(self.path)
  lu.assertEquals(d.names, { "ma_GeV", "br_ul", "label" })
  lu.assertEquals(d.n, 4)
  lu.assertEquals(d.columns.ma_GeV, { 0.1, 0.2, 0.4, 0.8 })
  lu.assertEquals(d.columns.label, { "a, b", "gap", "c", "d" })
  lu.assertTrue(d.columns.br_ul[2] ~= d.columns.br_ul[2], "nan kept as nan")
  lu.assertEquals(d.columns.br_ul[4], math.huge)
  lu.assertEquals(d.meta.quantity, "upper limit on BR(B+ -> K+ a)")
  lu.assertEquals(d.meta.source, "test table, Table 2")
  lu.assertEquals(d.meta.units, "ma_GeV in GeV;\nbr_ul dimensionless")
  lu.assertEquals(d.comments[5], "a free comment line, with commas")
  lu.assertEquals(d:row(3), { ma_GeV = 0.4, br_ul = 8e-6, label = "c" })
  lu.assertErrorMsgContains("no column 'br_UL'", function() return d.columns.br_UL end)
  lu.assertErrorMsgContains("did you mean 'br_ul'?", function() return d:column("br_UL") end)
end

function TestData:test_csv_errors_name_file_and_line()
  local p = self.dir .. "/bad.csv"
  local f = assert(io.open(p, "w"))
  f:write("# units: x\na,b\n1,2\n3\n")
  f:close()
  lu.assertErrorMsgContains(p .. ":4: 1 values, the column row has 2", alp.data.csv, p)
  lu.assertErrorMsgContains("alp.data.csv: cannot read", alp.data.csv, self.dir .. "/none.csv")
end

function TestData:test_interp1_linear_log_and_outside()
  local xs, ys = { 0.1, 0.2385, 1, 3 }, { 1e-6, 2e-6, 4e-6, 1e-5 }
  local lin = alp.data.interp1(xs, ys)
  h.assert_rel(lin(0.5), 2e-6 + (0.5 - 0.2385) / (1 - 0.2385) * 2e-6, 1e-12, "linear")
  lu.assertEquals(lin(1), 4e-6)
  local lg = alp.data.interp1(xs, ys, { logx = true, logy = true })
  -- log-log: a power law between the knots
  local p = math.log(4e-6 / 2e-6) / math.log(1 / 0.2385)
  h.assert_rel(lg(0.5), 2e-6 * (0.5 / 0.2385) ^ p, 1e-12, "log-log")
  lu.assertErrorMsgContains("x = 3.5 is outside the table [0.1, 3]", lin, 3.5)
  lu.assertEquals(alp.data.interp1(xs, ys, { outside = "nolimit" })(0.05), math.huge)
  lu.assertNil(alp.data.interp1(xs, ys, { outside = "nil" })(4))
  lu.assertEquals(alp.data.interp1(xs, ys, { outside = 0 })(4), 0)
end

function TestData:test_interp1_gaps_are_not_bridged()
  local d = alp.data.csv(self.path)
  local f = d:interp1("ma_GeV", "br_ul", { outside = "nolimit" })
  lu.assertEquals(f(0.15), math.huge, "next to a nan knot: no limit")
  lu.assertEquals(f(0.1), 2e-6, "at a finite knot")
  local g = d:interp1("ma_GeV", "br_ul")
  lu.assertErrorMsgContains("in a gap of the table", g, 0.3)
end

function TestData:test_interp1_argument_errors()
  lu.assertErrorMsgContains("x must be strictly increasing", alp.data.interp1, { 1, 1 }, { 1, 2 })
  lu.assertErrorMsgContains("y[2] must be > 0 for a logarithmic", alp.data.interp1,
                            { 1, 2 }, { 1, 0 }, { logy = true })
  lu.assertErrorMsgContains('outside must be one of "error", "nolimit", "nil"', alp.data.interp1,
                            { 1, 2 }, { 1, 2 }, { outside = "extrapolate" })
  lu.assertErrorMsgContains("unknown option 'log'", alp.data.interp1, { 1, 2 }, { 1, 2 }, { log = true })
end

function TestData:test_interp2_bilinear_log_and_grid()
  local p = self.dir .. "/g.csv"
  local f = assert(io.open(p, "w"))
  f:write("# units: GeV, m, 1\nma,ctau,ul\n")
  -- ul = 1e-7 * ma * ctau^0.5 is bilinear in (ln ma, ln ctau) for ln ul
  for _, ma in ipairs { 0.1, 1, 3 } do
    for _, ct in ipairs { 1e-3, 1e-2, 1e-1 } do
      f:write(string.format("%.17g,%.17g,%.17g\n", ma, ct, 1e-7 * ma * ct ^ 0.5))
    end
  end
  f:close()
  local d = alp.data.csv(p)
  local xs, ys, z = d:grid("ma", "ctau", "ul")
  lu.assertEquals(xs, { 0.1, 1, 3 })
  local g = alp.data.interp2(xs, ys, z, { logx = true, logy = true, logz = true })
  h.assert_rel(g(0.2385, 3.3e-3), 1e-7 * 0.2385 * (3.3e-3) ^ 0.5, 1e-12, "log power law exact")
  h.assert_rel(g(3, 1e-1), z[3][3], 1e-13, "corner")
  lu.assertErrorMsgContains("is outside the table", g, 0.2385, 1)
  lu.assertEquals(alp.data.interp2(xs, ys, z, { outside = "nolimit" })(5, 1e-2), math.huge)
  local lin = alp.data.interp2({ 0, 1 }, { 0, 1 }, { { 0, 1 }, { 2, 3 } })
  h.assert_rel(lin(0.25, 0.5), 0.25 * 2 + 0.5 * 1, 1e-15, "bilinear")
end

-- Physical ranges (issue 12 item 4): lengths/times/counts >= 0 from their
-- unit, a declared "[unit, lo..hi]" range; errors name file, line, column.
function TestData:test_physical_ranges()
  local p = self.dir .. "/r.csv"
  local function try(text)
    local f = assert(io.open(p, "w")); f:write(text); f:close()
    return pcall(alp.data.csv, p)
  end
  local ok, err = try("# units: m: [GeV]; ctau: [mm]; eff: [dimensionless, 0..1]\nm,ctau,eff\n0.1,1,0.5\n0.2,-1,0.5\n")
  lu.assertFalse(ok); lu.assertStrContains(err, p .. ":4:"); lu.assertStrContains(err, "'ctau'")
  ok, err = try("# units: m: [GeV]; ctau: [mm]; eff: [dimensionless, 0..1]\nm,ctau,eff\n0.1,1,0.5\n0.2,1,1.5\n")
  lu.assertFalse(ok); lu.assertStrContains(err, p .. ":4:"); lu.assertStrContains(err, "'eff'")
  lu.assertStrContains(err, "[0, 1]")
  ok, err = try("# units: m: [GeV]; eff: [dimensionless, 1..0]\nm,eff\n0.1,0.5\n")
  lu.assertFalse(ok); lu.assertStrContains(err, "lo <= hi")
  -- in range, nan (no value) and inf lifetimes pass
  ok, err = try("# units: m: [GeV]; tau: [ps]; eff: [dimensionless, 0..1]\nm,tau,eff\n0.1,inf,1\n0.2,5,nan\n")
  lu.assertTrue(ok, tostring(err))
  local units, ranges = alp.data.parse_units("eff: efficiency [dimensionless, 0..1]; n: [events]")
  lu.assertEquals(units, { eff = "dimensionless", n = "events" })
  lu.assertEquals(ranges, { eff = { 0, 1 } })
end
