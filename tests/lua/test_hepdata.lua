-- tests/lua/test_hepdata.lua: HEPData in and out (issue 16 items 1 and 2).
-- Records written in HEPData's format from our own data files must give
-- alp.limit.hepdata the same limit as alp.limit.csv of the file (a 1D prompt
-- limit with the mass in MeV, 2D mass x lifetime grids in ps and in mm);
-- a missing CL qualifier or unit is an error naming it; a suite run's
-- excluded intervals survive export -> import to 1e-6.
local lu = require "luaunit"
local h = require "helpers"
local hepdata = require "alpcast.hepdata"
local hw = require "alpcast.hepdata_write"

TestHepdata = {}

local HANDMADE = "tests/data/hepdata/handmade"
local c = alp.constants.c_light

function TestHepdata:setUp() self.dir = h.tmpdir() end
function TestHepdata:tearDown() h.rmtree(self.dir) end

-- A one-table record in dir from one of our CSVs: mass (and lifetime)
-- columns as independent variables, the limit as the dependent one with a
-- CL qualifier.  opts: mass, mass_unit, scale (mass factor), life,
-- life_unit, value, cl, keep(row) -> bool.
local function record_from_csv(dir, path, opts)
  local d = alp.data.csv(path)
  local m, l, v = {}, {}, {}
  for r = 1, d.n do
    if not opts.keep or opts.keep(d, r) then
      m[#m + 1] = d.columns[opts.mass][r] * (opts.scale or 1)
      if opts.life then l[#l + 1] = d.columns[opts.life][r] end
      v[#v + 1] = d.columns[opts.value][r]
    end
  end
  local ind = { { name = "$m_a$", units = opts.mass_unit, values = m } }
  if opts.life then ind[2] = { name = "lifetime", units = opts.life_unit, values = l } end
  hw.record(dir, { info = { comment = "test record from " .. path, hepdata_doi = "10.17182/hepdata.0.v1" },
                   tables = { { name = "limit", description = "from " .. path, keywords = {},
                                independent = ind,
                                dependent = { { name = "UL", qualifiers = { { name = "CL", value = opts.cl } },
                                                values = v } } } } })
  return #v
end

-- lim_a:at == lim_b:at on a grid of masses x lifetimes (rel. tolerance)
local function same_limits(a, b, masses, ctaus, rtol)
  local n = 0
  for _, ma in ipairs(masses) do
    for _, ct in ipairs(ctaus) do
      local x, y = a:at(ma, ct), b:at(ma, ct)
      if y == math.huge then lu.assertEquals(x, math.huge, ("no limit at %g GeV, %g m"):format(ma, ct))
      else h.assert_rel(x, y, rtol, ("limit at %g GeV, c tau %g m"):format(ma, ct)); n = n + 1 end
    end
  end
  return n
end

local function logspace(a, b, n)
  local t = {}
  for i = 1, n do t[i] = a * (b / a) ^ ((i - 1) / (n - 1)) end
  return t
end

function TestHepdata:test_handmade_record_units_cl_doi()
  -- the first row of charm_kmumu_ul.csv: 0.3 GeV, 251.189 ps -> 7.20755e-05
  local l = alp.limit.hepdata(HANDMADE, { table = "Upper limit vs mass and lifetime",
    dependent = "Observed UL", curves = "mass", same_decay_length = true,
    interpolate = { mass = "log", lifetime = "log", value = "log" } })
  lu.assertEquals(l.cl, 0.95)                                        -- "CL: 95%"
  h.assert_rel(l:at(0.3, 251.189e-12 * c), 7.20755e-05, 1e-12, "node value, tau in ps")
  h.assert_rel(l:at(0.6, 533.67e-12 * c), 4.51469e-05, 1e-12, "node value at 0.6 GeV")
  lu.assertStrContains(l.source, "doi:10.17182/hepdata.0.v1")
  lu.assertStrContains(l.source, "table doi:10.17182/hepdata.0.v1/t1")
  -- the Expected column's '-' is "no limit" at that node
  local e = alp.limit.hepdata(HANDMADE, { table = "Upper limit vs mass and lifetime", dependent = 1,
                                          curves = "mass" })
  h.assert_rel(e:at(0.3, 251.189e-12 * c), 7.20755e-05, 1e-12, "expected column")
end

function TestHepdata:test_missing_cl_unit_table_dependent_are_named()
  local function err(t, extra)
    local spec = { table = t, curves = "mass" }
    for k, v in pairs(extra or {}) do spec[k] = v end
    local ok, e = pcall(alp.limit.hepdata, HANDMADE, spec)
    lu.assertFalse(ok)
    return tostring(e)
  end
  local e = err("No CL", { dependent = 2 })
  lu.assertStrContains(e, "nocl.yaml: dependent_variables[2] (Observed UL) has no CL qualifier")
  e = err("No units", { dependent = 2 })
  lu.assertStrContains(e, "nounits.yaml: independent_variables[1] ($m_a$) has no units")
  e = err("Upper limit vs mass and lifetme")
  lu.assertStrContains(e, "did you mean 'Upper limit vs mass and lifetime'")
  e = err("Upper limit vs mass and lifetime")
  lu.assertStrContains(e, "has 2 dependent variables")
  -- a CL given in the spec is checked against the qualifier
  e = err("Upper limit vs mass and lifetime", { dependent = 2, cl = 0.9 })
  lu.assertStrContains(e, "cl = 0.9 given, but the data header says cl: 0.95")
end

function TestHepdata:test_1d_prompt_limit_in_MeV_equals_csv()
  -- LHCb's B0 -> K*0 chi limit at tau = 0.1 ps (prompt), masses written in MeV
  local path = "recasts/data/lhcb_kmumu_prompt_ul.csv"
  local n = record_from_csv(self.dir, path, { mass = "ma_GeV", mass_unit = "MeV", scale = 1000,
    value = "br_ul", cl = "95%", keep = function(d, r) return d.columns.tau_ps[r] == 0.1 end })
  lu.assertTrue(n > 100, "rows at 0.1 ps: " .. n)
  local a = alp.limit.hepdata(self.dir, { table = "limit" })
  local b = alp.limit.csv(path, { value = "br_ul", mass = "ma_GeV", cl = 0.95,
                                  select = { tau_ps = 0.1 } })
  lu.assertEquals(a:info().kind, "curve in mass")
  lu.assertTrue(same_limits(a, b, logspace(0.2, 4.4, 97), { 0 }, 1e-12) >= 80, "masses with a limit")
end

function TestHepdata:test_2d_grid_in_ps_equals_csv()
  local path = "recasts/data/charm_kmumu_ul.csv"
  record_from_csv(self.dir, path, { mass = "ma_GeV", mass_unit = "GeV", life = "tau_ps",
                                     life_unit = "ps", value = "br_ul", cl = 0.95 })
  local spec = { curves = "mass", same_decay_length = true,
                 interpolate = { mass = "log", lifetime = "log", value = "log" }, outside = { mass = "none" } }
  local sa = { table = "limit" }
  for k, v in pairs(spec) do sa[k] = v end
  local a = alp.limit.hepdata(self.dir, sa)
  local sb = { value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.95 }
  for k, v in pairs(spec) do sb[k] = v end
  local b = alp.limit.csv(path, sb)
  lu.assertEquals(a.cl, 0.95)                                      -- numeric qualifier 0.95
  lu.assertTrue(same_limits(a, b, logspace(0.3, 2.4, 23), logspace(1e-3, 1e3, 31), 1e-12) > 50)
end

function TestHepdata:test_2d_grid_in_mm_rerun_gives_the_same_intervals()
  -- BaBar K+ gamma gamma at c tau = 1, 10, 100 mm: the recast rerun with the
  -- HEPData copy of its table gives the CSV's intervals
  local path = "recasts/data/babar_kgg_ul.csv"
  record_from_csv(self.dir, path, { mass = "ma_GeV", mass_unit = "GeV", life = "ctau_mm",
                                     life_unit = "mm", value = "br_ul", cl = "90 %" })
  local spec = { interpolate = { mass = "linear", lifetime = "log", value = "log" },
                 outside = { mass = "none", short = "hold", long = "none" } }
  local sa, sb = { table = "limit" }, { value = "br_ul", mass = "ma_GeV", lifetime = "ctau_mm", cl = 0.90 }
  for k, v in pairs(spec) do sa[k], sb[k] = v, v end
  local la, lb = alp.limit.hepdata(self.dir, sa), alp.limit.csv(path, sb)
  lu.assertEquals(la.cl, 0.9)                                       -- "90 %"
  local d = alp.recast.load("recasts/babar_kgg.lua")
  local function desc(name, lim)
    return alp.recast { name = name, experiment = d.experiment, process = d.process, reference = "test",
                        signature = "displaced", cl = 0.90, parent = "B+", limit = lim, signal = d.signal,
                        masses = { min = 0.19, max = 2.4, n = 12, log = true } }
  end
  local ra = alp.recast.scan(desc("a", la), "cff")
  local rb = alp.recast.scan(desc("b", lb), "cff")
  lu.assertTrue(#rb.intervals >= 8, "intervals: " .. #rb.intervals)
  lu.assertEquals(#ra.intervals, #rb.intervals)
  for i, iv in ipairs(rb.intervals) do
    lu.assertEquals(ra.intervals[i].ma, iv.ma)
    h.assert_rel(ra.intervals[i].lo, iv.lo, 1e-12, "c_low")
    if iv.hi == math.huge then lu.assertEquals(ra.intervals[i].hi, math.huge)
    else h.assert_rel(ra.intervals[i].hi, iv.hi, 1e-12, "c_high") end
  end
end

function TestHepdata:test_numbers_are_written_exactly_and_as_yaml_1_1_floats()
  -- YAML 1.1 (PyYAML, which HEPData's validator uses) reads 1e-07 as a
  -- string; 1.0e-07 is a float.  Every double reads back to itself.
  lu.assertEquals(hw.num(1e-7), "1.0e-07")
  lu.assertEquals(hw.num(-2e-5), "-2.0e-05")
  lu.assertEquals(hw.num(2.8847889e-05), "2.8847889e-05")
  lu.assertEquals(hw.num(math.huge), ".inf")
  for _, x in ipairs { 0.1 + 0.2, 1 / 3, 2 ^ -1074, 1.7976931348623157e308, 6.02214076e23 } do
    lu.assertEquals(tonumber(hw.num(x)), x)
  end
end

function TestHepdata:test_schema_rejects_what_hepdata_rejects()
  local schema = require "alpcast.hepdata_schema"
  local function bad(f, doc, want)
    local ok, e = pcall(f, doc, "doc")
    lu.assertFalse(ok, want)
    lu.assertStrContains(tostring(e), want)
  end
  local good = { name = "t", description = "d", keywords = {}, data_file = "t.yaml" }
  schema.check_submission(good, "doc")
  bad(schema.check_submission, { name = "t", description = "d", data_file = "t.yaml" }, "'keywords' is missing")
  bad(schema.check_submission, { name = string.rep("x", 65), description = "d", keywords = {}, data_file = "f" },
      "65 characters long (at most 64)")
  bad(schema.check_submission, { name = "t", description = "d", keywords = { { name = "energy", values = {} } },
                                 data_file = "f" }, "not one of cmenergies")
  bad(schema.check_submission, { name = "t", description = "d", keywords = {}, data_file = "f", colour = "x" },
      "unknown key 'colour'")
  local data = { independent_variables = { { header = { name = "m" }, values = { { value = 1 } } } },
                 dependent_variables = { { header = { name = "y" }, values = { { value = 1, errors = { {} } } } } } }
  bad(schema.check_data, data, "exactly one of symerror and asymerror")
  data.dependent_variables[1].values[1].errors = nil
  data.independent_variables[1].values[1] = { low = 1 }
  bad(schema.check_data, data, "the required key 'high' is missing")
end

function TestHepdata:test_export_import_round_trip_to_1e6()
  local out = self.dir .. "/out"
  local _, code = h.run(h.exe() .. " suite --only babar_kgg --no-figures -j 1 --out " .. h.q(out))
  lu.assertEquals(code, 0)
  local text, c2 = h.run(h.exe() .. " export hepdata " .. h.q(out))
  lu.assertEquals(c2, 0, text)
  -- the record reads back through the schema check; one table per model
  local rec = hepdata.read(out .. "/hepdata")
  lu.assertEquals(hepdata.names(rec), { "babar_kgg cff", "babar_kgg cWW" })
  for _, bench in ipairs { "cff", "cWW" } do
    local t = hepdata.table(rec, "babar_kgg " .. bench)
    lu.assertEquals(t.dependent[1].qualifiers.CL, "90%")
    lu.assertEquals(t.dependent[2].qualifiers.f_a, "1000 GeV")
    lu.assertStrContains(t.dependent[1].qualifiers.model, bench .. " benchmark")
    local csv = self.dir .. "/" .. bench .. ".csv"
    local msg, c3 = h.run(h.exe() .. " import hepdata " .. h.q(out .. "/hepdata") .. " --table 'babar_kgg "
                          .. bench .. "' --out " .. h.q(csv))
    lu.assertEquals(c3, 0, msg)
    local a, b = alp.data.csv(csv), alp.data.csv(out .. "/babar_kgg/" .. bench .. ".csv")
    lu.assertEquals(a.names, { "ma_GeV", "c_low", "c_high" })
    lu.assertEquals(a.n, b.n)
    lu.assertTrue(a.n > 100)
    for _, col in ipairs(a.names) do
      for r = 1, a.n do
        local x, y = a.columns[col][r], b.columns[col][r]
        if y == math.huge then lu.assertEquals(x, y) else h.assert_rel(x, y, 1e-6, col) end
      end
    end
    lu.assertStrContains(a.meta.cl, "0.9")
  end
end

function TestHepdata:test_cli_usage_and_errors()
  local out, code = h.run(h.exe() .. " import --help")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "usage: alpcast import hepdata DIR --table NAME")
  out, code = h.run(h.exe() .. " export --help")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "usage: alpcast export hepdata OUTDIR")
  out, code = h.run(h.exe() .. " import hepdata " .. HANDMADE .. " --table 'No such'")
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "has no table 'No such'")
  out, code = h.run(h.exe() .. " import yaml x")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "unknown format 'yaml'")
  out, code = h.run(h.exe() .. " export hepdata " .. h.q(self.dir))
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "summary.json: cannot read")
  -- the imported CSV keeps the record's DOI and CL
  out, code = h.run(h.exe() .. " import hepdata " .. HANDMADE .. " --table 'Upper limit vs mass and lifetime'"
                    .. " --dependent 2")
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "# doi: 10.17182/hepdata.0.v1")
  lu.assertStrContains(out, "# cl: 0.95")
  lu.assertStrContains(out, "m_a_GeV,tau_a_ps,Observed_UL\n0.3,251.189,7.20755e-05\n")
end

function TestHepdata:test_a_folder_recast_reads_its_record_and_the_suite_cites_the_doi()
  local rc = self.dir .. "/rc/hd_toy"
  alp.fs.mkdir(rc .. "/record")
  for _, f in ipairs { "submission.yaml", "limit.yaml", "nocl.yaml", "nounits.yaml" } do
    local src = assert(io.open(HANDMADE .. "/" .. f, "rb")); local s = src:read("a"); src:close()
    local dst = assert(io.open(rc .. "/record/" .. f, "wb")); dst:write(s); dst:close()
  end
  local card = [[
local limit = alp.limit.hepdata("record", { table = "Upper limit vs mass and lifetime", dependent = 2,
  curves = "mass", same_decay_length = true, interpolate = { mass = "log", lifetime = "log", value = "log" } })
return alp.recast {
  name = "hd_toy", experiment = "CHARM", process = "B -> K a, a -> mu mu", reference = "test",
  cite = { "Dobrich:2018jyi" }, signature = "displaced", cl = 0.95, parent = "B+", limit = limit,
  masses = { min = 0.3, max = 0.6, n = 5 },
  signal = function(model, ma) return model:br_b_to_ka(ma) * model:br(ma, "mumu") end,
}
]]
  local f = assert(io.open(rc .. "/hd_toy.lua", "w")); f:write(card); f:close()
  local out = self.dir .. "/out"
  local text, code = h.run(h.exe() .. " suite --recasts " .. h.q(self.dir .. "/rc") .. " --only hd_toy --no-figures -j 1 --out "
                           .. h.q(out))
  lu.assertEquals(code, 0, text)
  local d = alp.data.csv(out .. "/hd_toy/cff.csv")
  -- four rows exclude nothing: where tau is 251-534 ps (c_ff/f_a ~ 5e-3 TeV^-1 at
  -- 0.3 GeV, tau = 227 ps) B(B -> K a) B(a -> mu mu) = 2.7e-6, below the 4.5e-5-7.9e-5 limits
  lu.assertEquals(d.n, 0)
  lu.assertStrContains(d.meta.data_files, "record/limit.yaml sha256:")
  lu.assertStrContains(d.meta.data_files, "doi:10.17182/hepdata.0.v1")
  -- a record outside the recast's folder is refused, naming the path
  f = assert(io.open(rc .. "/hd_toy.lua", "w")); f:write((card:gsub('"record"', '"../record"'))); f:close()
  text, code = h.run(h.exe() .. " suite --recasts " .. h.q(self.dir .. "/rc") .. " --only hd_toy --no-figures -j 1 --out "
                     .. h.q(out))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, "leaves the recast's folder")
end
