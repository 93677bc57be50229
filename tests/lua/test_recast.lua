-- tests/lua/test_recast.lua: the recast contract -- validation at load with
-- file and field named, the strict environment, no physics at load, and the
-- scan of ratio / signal + limit recasts (with a fake model family).
local lu = require "luaunit"
local h = require "helpers"

TestRecast = {}

local GOOD = [[
-- a synthetic recast
return alp.recast {
  name       = "%s",
  experiment = "Test",
  process    = "B+ -> K+ a, a -> invisible",
  reference  = { arxiv = "2201.06580" },
  signature  = "invisible",
  cl         = 0.90,
  data       = { lim = "data/lim.csv" },
  masses     = { min = 0.1, max = 4, n = 12 },
  couplings  = { min = 1e-6, max = 1e2, n = 60 },
  rtol       = 1e-5,
  signal     = function(model, ma, data) return model.c ^ 2 end,
  limit      = function(ma, data) return data.lim:interp1("ma", "ul")(ma) * ma end,
}
]]

function TestRecast:setUp()
  self.dir = h.tmpdir()
  alp.fs.mkdir(self.dir .. "/data")
  local f = assert(io.open(self.dir .. "/data/lim.csv", "w"))
  f:write("# source: test\n# units: GeV, 1\nma,ul\n0.01,1e-6\n10,1e-6\n")
  f:close()
end
function TestRecast:tearDown() h.rmtree(self.dir) end

function TestRecast:write(name, text)
  local p = self.dir .. "/" .. name .. ".lua"
  local f = assert(io.open(p, "w"))
  f:write(text)
  f:close()
  return p
end

local function family(c) return { c = c } end

function TestRecast:test_good_recast_loads_frozen_and_scans()
  local p = self:write("good", GOOD:format("good"))
  local d = alp.recast.load(p)
  lu.assertEquals(d.name, "good")
  lu.assertEquals(d.signature, "invisible")
  lu.assertEquals(d.benchmarks, { "cff", "cWW" })
  lu.assertStrContains(tostring(d), "alp.recast{good")
  lu.assertStrContains(tostring(d), "experiment: Test (invisible")
  lu.assertErrorMsgContains("read-only", function() d.cl = 0.5 end)
  local r = alp.recast.scan(d, "cff", nil, { family = family })
  lu.assertEquals(#r.intervals, 12)
  for _, iv in ipairs(r.intervals) do
    h.assert_rel(iv.lo, math.sqrt(1e-6 * iv.ma), 1e-5, "c_low = sqrt(limit)")
    lu.assertEquals(iv.hi, math.huge)
  end
end

local function load_error(p)
  local ok, err = pcall(alp.recast.load, p)
  lu.assertFalse(ok, "should fail: " .. p)
  return err
end

function TestRecast:test_missing_and_misspelled_fields_name_file_and_field()
  local p = self:write("noexp", GOOD:format("noexp"):gsub('  experiment = "Test",\n', ""))
  lu.assertStrContains(load_error(p), p .. ":2: alp.recast: field 'experiment' is required")
  p = self:write("typo", GOOD:format("typo"):gsub("signal     =", "signl =", 1))
  lu.assertStrContains(load_error(p),
    p .. ":13: alp.recast: unknown field 'signl' (did you mean 'signal'?)")
  p = self:write("badcl", GOOD:format("badcl"):gsub("0%.90", "90"))
  lu.assertStrContains(load_error(p), p .. ":8: alp.recast: field 'cl' must be a number in (0, 1), got 90")
  p = self:write("badsig", GOOD:format("badsig"):gsub('"invisible"', '"invisibel"'))
  lu.assertStrContains(load_error(p), "field 'signature' must be one of \"invisible\", \"displaced\", "
                       .. "\"prompt\", got 'invisibel' (did you mean 'invisible'?)")
  p = self:write("stem", GOOD:format("other"))
  lu.assertStrContains(load_error(p), "field 'name' must equal the file name 'stem', got 'other'")
  p = self:write("nodata", GOOD:format("nodata"):gsub("data/lim%.csv", "data/none.csv"))
  lu.assertStrContains(load_error(p), p .. ":9: alp.recast: data file 'data/none.csv' (data.lim) not found")
  p = self:write("noratio", GOOD:format("noratio"):gsub("  signal[^\n]*\n", ""):gsub("  limit[^\n]*\n", ""))
  lu.assertStrContains(load_error(p), "field 'ratio' is required")
  p = self:write("bench", GOOD:format("bench"):gsub("  rtol", '  benchmarks = { "cWw" },\n  rtol'))
  lu.assertStrContains(load_error(p), "(did you mean 'cWW'?)")
end

function TestRecast:test_strict_environment()
  local p = self:write("glob", 'x = 1\nreturn alp.recast{}')
  lu.assertStrContains(load_error(p), "tried to set global 'x'")
  p = self:write("undef", 'local y = mA\nreturn alp.recast{}')
  lu.assertStrContains(load_error(p), "undefined global 'mA'")
  p = self:write("noos", 'local t = os.time()\nreturn alp.recast{}')
  lu.assertStrContains(load_error(p), "undefined global 'os'")
  p = self:write("noio", 'local f = io.open("x")\nreturn alp.recast{}')
  lu.assertStrContains(load_error(p), "undefined global 'io'")
  p = self:write("noout", 'local w = alp.output.csv\nreturn alp.recast{}')
  lu.assertStrContains(load_error(p), "alp.output is not available in a recast")
  -- the allow-list and the alp view are not reachable through getmetatable
  local env = alp.recast.environment("x")
  lu.assertEquals(type(getmetatable(env)), "string")
  lu.assertEquals(type(getmetatable(env.alp)), "string")
  p = self:write("meta", 'getmetatable(_ENV).__index.math = nil\nreturn alp.recast{}')
  lu.assertStrContains(load_error(p), "attempt to index a nil value")
  p = self:write("noret", 'local a = 1')
  lu.assertStrContains(load_error(p), "must end with 'return alp.recast{...}'")
  -- an undefined global inside ratio raises when the ratio runs
  p = self:write("lazy", GOOD:format("lazy"):gsub("return model%.c %^ 2", "return modle.c ^ 2"))
  local d = alp.recast.load(p)
  lu.assertErrorMsgContains("undefined global 'modle'", alp.recast.scan, d, "cff", nil, { family = family })
end

function TestRecast:test_no_physics_at_load_time()
  local p = self:write("eager", GOOD:format("eager"):gsub("return alp%.recast",
    "local n = alp.stats.zero_background(0.9)\nreturn alp.recast"))
  lu.assertStrContains(load_error(p), "computed physics at load time (1 calls)")
  local before = alp._physics_calls()
  alp.recast.load(self:write("lazy2", GOOD:format("lazy2")))
  lu.assertEquals(alp._physics_calls(), before)
end

function TestRecast:test_variants_prepare_once_and_no_limit_masses()
  local calls = {}
  local text = [[
return alp.recast {
  name = "var", experiment = "T", process = "p", reference = "r", signature = "displaced",
  cl = 0.95, masses = { 0.1, 0.2385, 1, 2 }, couplings = { min = 1e-6, max = 1, n = 40 },
  variants = { ["50ab"] = { scale = 1 }, ["0p5ab"] = { scale = 10, benchmarks = { "cff" } } },
  prepare = function(ma, data, variant) COUNT(variant.name, ma) return { edge = 1e-3 * variant.scale } end,
  ratio = function(model, ma, data, prep, variant)
    if ma > 1.5 then return 0 end
    return model.c / prep.edge
  end,
}]]
  local p = self:write("var", text)
  -- give the recast a counter through its environment's allow-list: none, so
  -- use alp.recast.environment directly
  local env = alp.recast.environment("test")
  rawset(env, "COUNT", function(v, ma) calls[#calls + 1] = v .. "@" .. ma end)
  local d = assert(loadfile(p, "t", env))()
  lu.assertEquals(d.variant_names, { "0p5ab", "50ab" })
  lu.assertEquals(type(d.variants["50ab"]), "table", "variants is the declared map")
  lu.assertTrue(alp.recast.applies(d, "cWW", "50ab"))
  lu.assertFalse(alp.recast.applies(d, "cWW", "0p5ab"))
  local cache = {}
  local r1 = alp.recast.scan(d, "cff", "50ab", { family = family, cache = cache })
  alp.recast.scan(d, "cWW", "50ab", { family = family, cache = cache })
  lu.assertEquals(#calls, 4, "prepare once per mass for both benchmarks")
  lu.assertEquals(#r1.intervals, 3, "no interval at 2 GeV")
  h.assert_rel(r1.intervals[2].lo, 1e-3, 1e-3, "edge")
  local r2 = alp.recast.scan(d, "cff", "0p5ab", { family = family, cache = cache })
  h.assert_rel(r2.intervals[1].lo, 1e-2, 1e-3, "variant setting used")
  lu.assertErrorMsgContains("has variants (0p5ab, 50ab): name one", alp.recast.scan, d, "cff")
end

-- D16(b): with parent = "B+" the scan stops at c/f_a = 1/m_B+ [TeV^-1]; a
-- region still excluded there is open (inf), one that closes below is not.
function TestRecast:test_parent_validity_bound()
  local text = GOOD:format("bound"):gsub('  rtol       = 1e%-5,', '  rtol = 1e-5, parent = "B+",')
  local d = alp.recast.load(self:write("bound", text))
  lu.assertEquals(d.parent, "B+")
  local cmax = alp.model.max_coupling("B+")
  h.assert_rel(cmax, 1 / alp.constants["m_B+"] * 1e3, 1e-9, "f_a/c > m_B+ (f_a in GeV -> TeV^-1)")
  local r = alp.recast.scan(d, "cff", nil, { family = family })
  h.assert_rel(r.c_max, cmax, 1e-12)
  lu.assertEquals(r.couplings.max, cmax, "the grid ends at the bound, not at couplings.max = 100")
  for _, iv in ipairs(r.intervals) do lu.assertEquals(iv.hi, math.huge, "c^2 grows: open at the bound") end
  -- a region that closes at c = 50 < cmax is closed
  local closing = text:gsub("return model%.c %^ 2 end", "return model.c < 50 and model.c ^ 2 or 0 end")
  local d2 = alp.recast.load(self:write("bound", closing))
  local r2 = alp.recast.scan(d2, "cff", nil, { family = family })
  for _, iv in ipairs(r2.intervals) do h.assert_rel(iv.hi, 50, 1e-4, "closes below the bound") end
  -- an unknown parent is a load error naming the field
  local bad = text:gsub('parent = "B%+"', 'parent = "B7"')
  local ok, err = pcall(alp.recast.load, self:write("bound", bad))
  lu.assertFalse(ok); lu.assertStrContains(err, "parent")
end

-- A run-time error in a recast names the recast, variant, benchmark, mass and
-- coupling, and the recast's own line (issue 10 item 9).
function TestRecast:test_runtime_error_names_where()
  local text = GOOD:format("boom"):gsub("signal     = function%(model, ma, data%) return model%.c %^ 2 end",
    "signal     = function(model, ma)\n    if ma > 1 then error(\"bad signal\") end\n    return 1e-9\n  end")
  local p = self:write("boom", text)
  local d = alp.recast.load(p)
  local ok, err = pcall(alp.recast.scan, d, "cff", nil, { family = function(c) return alp.model.benchmark("cff", c) end })
  lu.assertFalse(ok)
  lu.assertStrContains(err, "boom")
  lu.assertStrContains(err, "cff")
  lu.assertStrMatches(err, ".*ma = [%d%.]+ GeV.*")
  lu.assertStrMatches(err, ".*c = [%d%.e%-]+ TeV%^%-1.*")
  lu.assertStrContains(err, "bad signal")
  lu.assertStrContains(err, p .. ":")
end

-- A recast reads only files inside its folder (issue 12 item 3): data paths
-- and alp.data.csv / alp.limit.csv calls with an absolute path or ".." fail,
-- naming the field or the path.
function TestRecast:test_files_only_inside_the_folder()
  for _, bad in ipairs { '"/etc/passwd"', '"../x.csv"', '"data/../../x.csv"' } do
    local text = GOOD:format("conf"):gsub('data       = { lim = "data/lim.csv" },', "data = { lim = " .. bad .. " },")
    local ok, err = pcall(alp.recast.load, self:write("conf", text))
    lu.assertFalse(ok, bad)
    lu.assertStrContains(err, "data")
  end
  local text = GOOD:format("conf2"):gsub("  signal     = function%(model, ma, data%)",
    '  prepare = function() return alp.data.csv("/proc/self/environ") end,\n  signal     = function(model, ma, data)')
  local d = alp.recast.load(self:write("conf2", text))
  local ok, err = pcall(alp.recast.scan, d, "cff", nil, { family = function(c) return { c = c } end })
  lu.assertFalse(ok)
  lu.assertStrContains(err, "absolute path")
  ok, err = pcall(alp.recast.load, self:write("conf3", 'local l = alp.limit.csv("../../etc/x.csv", {})\n'
                                              .. GOOD:format("conf3")))
  lu.assertFalse(ok)
  lu.assertStrContains(err, "leaves the recast's folder")
end
