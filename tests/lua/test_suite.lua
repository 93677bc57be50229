-- tests/lua/test_suite.lua: `alpcast suite` with test recasts in a temporary
-- folder (--recasts DIR; the bundled folder left out or filtered with
-- --only): output layout, isolation of failures, --list without physics,
-- figure scripts, and interruption (SIGTERM, SIGINT) leaving no partial file.
local lu = require "luaunit"
local h = require "helpers"
local suite = require "alpcast.suite"

TestSuite = {}

local RECAST = [[
return alp.recast {
  name = "%s", experiment = "Test", process = "B+ -> K+ a", reference = "ref %s",
  signature = "%s", cl = 0.90, benchmarks = %s,
  masses = { min = 0.1, max = 2, n = %d }, couplings = { min = 1e-6, max = 10, n = 40 },
  ratio = function(model, ma) %s return model.c / (1e-4 * ma) end,
}
]]

local function family(c) return { c = c } end
local HOOKS = { families = { cff = family, cWW = family }, bundled = false }

function TestSuite:setUp()
  self.dir = h.tmpdir()
  self.rc = self.dir .. "/recasts"
  self.out = self.dir .. "/out"
  self.figs = self.dir .. "/figures"
  alp.fs.mkdir(self.rc)
  alp.fs.mkdir(self.figs)
end
function TestSuite:tearDown() h.rmtree(self.dir) end

function TestSuite:recast(name, sig, benches, n, body)
  local f = assert(io.open(self.rc .. "/" .. name .. ".lua", "w"))
  f:write(RECAST:format(name, name, sig, benches, n, body or ""))
  f:close()
end

-- Run suite.main in-process; returns exit code and printed text.
local function main(args, hooks)
  local out, old, olderr = {}, _G.print, io.stderr
  _G.print = function(...) out[#out + 1] = table.concat({ ... }, "\t") end
  io.stderr = { write = function(_, ...) out[#out + 1] = table.concat({ ... }) end }
  local ok, code = pcall(suite.main, args, hooks or HOOKS)
  _G.print, io.stderr = old, olderr
  assert(ok, code)
  return code, table.concat(out, "\n")
end

local slurp = h.slurp

local files_under = h.files_under

function TestSuite:test_empty_folder_says_so_and_exits_0()
  local code, text = main({ "--recasts", self.rc, "--out", self.out, "--figures", self.figs })
  lu.assertEquals(code, 0)
  lu.assertStrContains(text, "no recasts in " .. self.rc)
end

function TestSuite:test_outputs_failures_isolated_and_summary()
  self:recast("alpha", "invisible", '{ "cff", "cWW" }', 5)
  self:recast("beta", "prompt", '{ "cWW" }', 4)
  self:recast("boom", "displaced", '{ "cff" }', 3, 'error("deliberate failure")')
  local f = assert(io.open(self.rc .. "/broken.lua", "w"))
  f:write('return alp.recast { name = "broken", experiment = "X" }\n')
  f:close()
  f = assert(io.open(self.figs .. "/fig99_test.lua", "w"))
  f:write([[
local out = assert(arg[1] == "--out" and arg[2])
local d = alp.data.csv(out .. "/alpha/cff.csv")
alp.output.csv(out .. "/fig99_test.csv", { columns = { "ma_GeV", "c" },
  rows = { { d.columns.ma_GeV[1], d.columns.c_low[1] } }, header = { quantity = "test" } })
]])
  f:close()
  local code, text = main({ "--recasts", self.rc, "--out", self.out, "--figures", self.figs })
  lu.assertEquals(code, 1, text)
  lu.assertStrMatches(text, ".*\n  ok    alpha .*")
  lu.assertStrContains(text, "  FAIL  boom: ")
  lu.assertStrContains(text, "deliberate failure")
  lu.assertStrContains(text, "  FAIL  broken: " .. self.rc .. "/broken.lua:1: alp.recast: field 'process' is required")
  lu.assertStrContains(text, "  ok    fig99_test")
  lu.assertEquals(files_under(self.out), {
    "alpha/cWW.csv", "alpha/cff.csv", "alpha/extra/cWW_polygons.csv", "alpha/extra/cff_polygons.csv",
    "beta/cWW.csv", "beta/extra/cWW_polygons.csv", "citations.bib", "fig99_test.csv", "summary.json" })
  -- the interval file: columns, one row per mass, c_low = 1e-4 ma, open upwards
  local d = alp.data.csv(self.out .. "/alpha/cff.csv")
  lu.assertEquals(d.names, { "ma_GeV", "c_low", "c_high" })
  lu.assertEquals(d.n, 5)
  h.assert_rel(d.columns.c_low[3], 1e-4 * d.columns.ma_GeV[3], 1e-3, "c_low")
  lu.assertEquals(d.columns.c_high[3], math.huge)
  lu.assertEquals(d.meta.cl, "0.9")
  lu.assertEquals(d.meta.recast, "alpha")
  lu.assertStrContains(d.meta.units, "TeV^-1")
  -- summary.json
  local js = slurp(self.out .. "/summary.json")
  lu.assertStrContains(js, '"failures": [\n    "boom",\n    "broken"\n  ]')
  lu.assertStrContains(js, '"cff": "not applicable"')
  lu.assertStrContains(js, '"gsl": "' .. alp.gsl_version .. '"')
  lu.assertStrContains(js, '"seed": 1')
  lu.assertStrContains(js, '"time_s": ')
end

function TestSuite:test_only_and_list_run_no_physics()
  self:recast("alpha", "invisible", '{ "cff" }', 3, "alp.stats.zero_background(0.9)")
  self:recast("beta", "prompt", '{ "cWW" }', 3)
  local before = alp._physics_calls()
  local code, text = main({ "--recasts", self.rc, "--list" })
  lu.assertEquals(code, 0)
  lu.assertEquals(alp._physics_calls(), before, "--list computed physics")
  -- the ranges: these recasts compute their limits (ratio): their mass grid, 0.1-2 GeV
  lu.assertStrMatches(text, "alpha%s+Test%s+invisible%s+published%s+m 0%.1%-2 GeV, c tau computed%s+ref alpha\n"
                      .. "beta%s+Test%s+prompt.*")
  code, text = main({ "--recasts", self.rc, "--out", self.out, "--only", "b*", "--no-figures" })
  lu.assertEquals(code, 0, text)
  lu.assertEquals(files_under(self.out), { "beta/cWW.csv", "beta/extra/cWW_polygons.csv", "citations.bib", "summary.json" })
end

function TestSuite:test_usage_errors_exit_2()
  local code, text = main({ "--frobnicate" })
  lu.assertEquals(code, 2)
  lu.assertStrContains(text, "unknown option '--frobnicate'")
  lu.assertEquals(main({ "--out" }), 2)
  code, text = main({ "--help" })
  lu.assertEquals(code, 0)
  lu.assertStrContains(text, "--only NAME,...")
end

function TestSuite:test_help_option_via_the_executable()
  local out, code = h.run(h.exe() .. " suite --help")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "usage: alpcast suite")
end

function TestSuite:test_interrupt_leaves_no_partial_file()
  -- "a_fast" finishes; "b_slow" is interrupted in the middle of its scan
  self:recast("a_fast", "invisible", '{ "cff", "cWW" }', 3)
  self:recast("b_slow", "invisible", '{ "cff", "cWW" }', 400,
              "local s = 0 for i = 1, 30000 do s = s + i end")
  local runner = self.dir .. "/run.lua"
  local f = assert(io.open(runner, "w"))
  f:write([[
local fam = function(c) return { c = c } end
io.stdout:setvbuf("line")
os.exit(require("alpcast.suite").main({ table.unpack(arg) },
        { families = { cff = fam, cWW = fam }, bundled = false }))
]])
  f:close()
  for _, sig in ipairs { "TERM", "INT" } do
    local out = self.out .. sig
    local cmd = string.format("%s %s --recasts %s --out %s --no-figures > %s 2>&1 & pid=$!; " ..
      "for i in $(seq 1 100); do [ -d %s/a_fast ] && break; sleep 0.05; done; sleep 0.3; " ..
      "kill -%s $pid; wait $pid; echo rc=$?",
      h.exe(), h.q(runner), h.q(self.rc), h.q(out), h.q(self.dir .. "/log"), h.q(out), sig)
    local res = h.run(cmd)
    local log = slurp(self.dir .. "/log")
    lu.assertStrContains(res, "rc=1", log)
    lu.assertStrContains(log, "interrupted")
    lu.assertNotStrContains(log, "ok    b_slow", "b_slow was not interrupted: make it slower")
    lu.assertEquals(files_under(out), { "a_fast/cWW.csv", "a_fast/cff.csv",
      "a_fast/extra/cWW_polygons.csv", "a_fast/extra/cff_polygons.csv" }, sig)
    local d = alp.data.csv(out .. "/a_fast/cWW.csv")
    lu.assertEquals(d.n, 3)
  end
end

function TestSuite:test_recast_path_env_and_name_clash()
  self:recast("gamma", "invisible", '{ "cff" }', 3)
  local other = self.dir .. "/other"
  alp.fs.mkdir(other)
  local f = assert(io.open(other .. "/gamma.lua", "w"))
  f:write("error('must not be loaded')\nreturn alp.recast {}\n")
  f:close()
  f = assert(io.open(other .. "/delta.lua", "w"))
  f:write((RECAST:format("delta", "delta", "displaced", '{ "cWW" }', 3, "")))
  f:close()
  local out, code = h.run("ALPCAST_RECAST_PATH=" .. h.q(other) .. " " .. h.exe() ..
                          " suite --list --only '*a' --recasts " .. h.q(self.rc))
  lu.assertEquals(code, 0, out)
  lu.assertStrMatches(out, ".*\ndelta%s+Test%s+displaced.*")
  lu.assertStrMatches(out, ".*\ngamma%s+Test%s+invisible.*")
  lu.assertStrContains(out, "note: " .. other .. "/gamma.lua ignored: " .. self.rc ..
                       "/gamma.lua has the same name")
  -- -E ignores ALPCAST_RECAST_PATH
  -- (--only '*a': gamma and delta, no bundled recast ends in 'a'; --list of
  -- every bundled recast reads all their limit tables, 3 s)
  out = h.run("ALPCAST_RECAST_PATH=" .. h.q(other) .. " " .. h.exe() .. " -E suite --list --only '*a' --recasts " ..
              h.q(self.rc))
  lu.assertNotStrContains(out, "delta")
end

function TestSuite:test_figure_summary_and_headline()
  local f = assert(io.open(self.figs .. "/fig98_reach.lua", "w"))
  f:write('return { summary = { best_c = 2.385e-4 }, headline = { "best reach 2.385e-4" } }\n')
  f:close()
  local code, text = main({ "--recasts", self.rc, "--out", self.out, "--figures", self.figs })
  lu.assertEquals(code, 0)
  -- the headline closes the run, just before the final count line
  lu.assertStrContains(text, "best reach 2.385e-4\nalpcast suite:")
  lu.assertStrContains(slurp(self.out .. "/summary.json"), '"best_c": 0.0002385')
end

-- The parent reads its children's reports (alp.output.json_encode) with
-- lua-cjson: a report must come back as the child wrote it, integers as
-- integers (summary.json re-encodes them), and a bad one is a clean error.
TestSuiteReport = {}

local decode, encode = suite._json_decode, alp.output.json_encode

function TestSuiteReport:test_numbers_keep_their_type()
  local v = { seed = 1, n = -42, zero = 0, big = math.maxinteger, small = math.mininteger,
              p53 = (1 << 53) + 1, one = 1.0, nzero = -0.0, half = 0.5, e20 = 1e20,
              f53 = 2.0 ^ 53, third = 1 / 3, tiny = 5e-324, list = { 1, 2.0, -3, 4.5e-7 } }
  local r = decode(encode(v))
  for k, x in pairs(v) do
    if type(x) == "number" then
      lu.assertEquals(math.type(r[k]), math.type(x), k)
      lu.assertTrue(r[k] == x, k)
    end
  end
  lu.assertEquals(r.p53, (1 << 53) + 1) -- exact, beyond a double's 53 bits
  lu.assertEquals(1 / r.nzero, -math.huge)
  lu.assertEquals({ math.type(r.list[1]), math.type(r.list[2]), math.type(r.list[3]) },
                  { "integer", "float", "integer" })
  lu.assertEquals(encode(r), encode(v))
end

function TestSuiteReport:test_strings_nesting_null_and_empty_tables()
  local v = {
    esc = 'q"\\/\n\t\r\b\f\1\31', utf8 = "é → 😀 ü",
    digits = { "12", "-3", "1.0", "1e5", "x1 2y" }, ["k1 2.0"] = 7,
    nested = { a = { b = { c = { 1, { 2, { 3 } } } } }, t = true, f = false },
    empty = {},
  }
  local text = encode(v)
  local r = decode(text)
  lu.assertEquals(r, v)
  lu.assertEquals(math.type(r["k1 2.0"]), "integer")
  lu.assertEquals(encode(r), text)
  -- the encoder writes byte 0xE9 as U+00E9 and NaN as null (an absent key)
  r = decode(encode { latin1 = "caf\xe9", nan = 0 / 0 })
  lu.assertEquals(r, { latin1 = "café" })
  lu.assertEquals(decode("[1, null, 3]"), { 1, nil, 3 })
  lu.assertNil(decode("null"))
  lu.assertEquals(decode('{"a": {}, "b": []}'), { a = {}, b = {} })
  lu.assertEquals(decode('"\\u00e9\\ud83d\\ude00 \\u0000"'), "é😀 \0")
end

function TestSuiteReport:test_a_bad_report_is_a_clean_error()
  for _, s in ipairs { "", "{", '{"a": 1,}', "[1, 2", '{"a": 1} x', "nan", "0x10", "[01]",
                       '"\\x"', '"\xff1"', ("["):rep(100) .. ("]"):rep(100),
                       encode { seed = 1, list = { 1, 2 } }:sub(1, -4) } do -- cut short
    local ok, err = pcall(decode, s)
    lu.assertFalse(ok, s)
    lu.assertStrContains(err, "bad report: ", s)
  end
end
