-- tests/lua/test_isolation.lua: one process per recast in `alpcast suite`
-- (issue #12 items 1 and 2).  Every test runs the executable, so the suite's
-- parent is a fresh process: tampering probes of one recast do not reach
-- another; a crash, abort, SIGKILL or os.exit is one FAIL line; --timeout and
-- SIGTERM stop a recast that catches every error; -j 2 writes the same files
-- as -j 1; --only matching nothing is a usage error.
local lu = require "luaunit"
local h = require "helpers"

TestIsolation = {}

-- A cheap recast on the real benchmark models: excluded where
-- BR(B+ -> K+ a) > 1e-7 (any threshold would do: the test compares files).
local HONEST = [[
return alp.recast {
  name = "%s", experiment = "Test", process = "B+ -> K+ a", reference = "test",
  signature = "invisible", cl = 0.90, benchmarks = { "cff" },
  masses = { min = 0.1, max = 2, n = 4 }, couplings = { min = 1e-4, max = 10, n = 30 },
  ratio = function(model, ma) %s return model:br_b_to_ka(ma) / 1e-7 end,
}
]]

-- The probes of issue #12 that a recast's strict environment can reach: a
-- built-in type's method, the string metatable, alp.scan, a library module
-- (alp.contour, the same table as package.loaded["alpcast.contour"]).
local TAMPER = [[
local i = getmetatable(alp.model.benchmark("cff", 1)).__index
if not rawget(i, "_tampered") then
  i._tampered = true
  local b = i.br_b_to_ka
  i.br_b_to_ka = function(m, x) return b(m, x) * 100 end
  local smt = getmetatable("").__index
  local gsub = smt.gsub
  smt.gsub = function(s, ...) return (gsub(s, ...)):upper() end
  local rows = alp.scan.rows
  alp.scan.rows = function(res) local t = rows(res); t[#t] = nil; return t end
  local polygons = alp.contour.polygons
  alp.contour.polygons = function(...) local t = polygons(...); t[#t] = nil; return t end
end
]]

-- A toy recast (as in test_suite.lua) on the toy models of RUNNER: the model
-- carries model.crash(how), which runs outside the recast's environment.
local TOY = [[
return alp.recast {
  name = "%s", experiment = "Test", process = "B+ -> K+ a", reference = "test",
  signature = "invisible", cl = 0.90, benchmarks = { "cff" },
  masses = { min = 0.1, max = 2, n = 3 }, couplings = { min = 1e-6, max = 10, n = 20 },
  ratio = function(model, ma) %s return model.c / (1e-4 * ma) end,
}
]]

local RUNNER = [[
local P = alp._proc
local function crash(how)
  if how == "exit" then os.exit(7) end
  if how == "ready" then
    local f = io.open(os.getenv("ISO_PIDFILE"), "w") f:write(P.getpid()) f:close()
    return
  end
  os.execute("kill -" .. how .. " " .. P.getpid())
  while true do end
end
local fam = function(c) return { c = c, crash = crash } end
io.stdout:setvbuf("line")
os.exit(require("alpcast.suite").main({ table.unpack(arg) },
        { families = { cff = fam, cWW = fam }, bundled = false }))
]]

function TestIsolation:setUp()
  self.dir = h.tmpdir()
  self.rc = self.dir .. "/recasts"
  alp.fs.mkdir(self.rc)
end
function TestIsolation:tearDown() h.rmtree(self.dir) end

-- The suite through RUNNER (toy models, no bundled recasts).
function TestIsolation:toy_suite(out, extra, env)
  local runner = self.dir .. "/run.lua"
  local f = assert(io.open(runner, "w"))
  f:write(RUNNER)
  f:close()
  return h.run(string.format("%s %s %s --recasts %s --out %s --no-figures %s", env or "", h.exe(),
                             h.q(runner), h.q(self.rc), h.q(out), extra or ""))
end

function TestIsolation:write(name, text)
  local f = assert(io.open(self.rc .. "/" .. name .. ".lua", "w"))
  f:write(text)
  f:close()
end

-- alpcast suite on the test folder (the names of its recasts are "x_..."; --only
-- "?_*" leaves out the bundled ones); returns output text and exit code.
function TestIsolation:suite(out, only, extra)
  return h.run(string.format("%s suite --recasts %s --out %s --only %s --no-figures %s",
                             h.exe(), h.q(self.rc), h.q(out), h.q(only), extra or ""))
end

local slurp = h.slurp

local files_under = h.files_under

function TestIsolation:test_tampering_recast_does_not_reach_the_next()
  self:write("a_evil", HONEST:format("a_evil", TAMPER))
  self:write("b_honest", HONEST:format("b_honest", ""))
  local alone = self.dir .. "/alone"
  local text, code = self:suite(alone, "b_honest", "-j 1")
  lu.assertEquals(code, 0, text)
  local both = self.dir .. "/both"
  text = self:suite(both, "a_evil,b_honest", "-j 1")
  lu.assertStrContains(text, "b_honest")
  local want = slurp(alone .. "/b_honest/cff.csv")
  lu.assertNotNil(want)
  lu.assertStrContains(want, "\n0.1,")   -- has rows (the honest result is not empty)
  lu.assertEquals(slurp(both .. "/b_honest/cff.csv"), want)
  lu.assertEquals(slurp(both .. "/b_honest/extra/cff_polygons.csv"),
                  slurp(alone .. "/b_honest/extra/cff_polygons.csv"))
  -- the probes did work inside a_evil's own process: its excluded region
  -- moved (BR x 100) or its run failed; either way not the honest file
  lu.assertNotEquals(slurp(both .. "/a_evil/cff.csv"),
                     (want:gsub("b_honest", "a_evil")))
end

function TestIsolation:test_crashes_are_one_fail_line_each()
  self:write("a_exit", TOY:format("a_exit", "model.crash('exit')"))
  self:write("b_segv", TOY:format("b_segv", "model.crash('SEGV')"))
  self:write("c_abort", TOY:format("c_abort", "model.crash('ABRT')"))
  self:write("d_oom", TOY:format("d_oom", "model.crash('KILL')"))   -- what the OOM killer sends
  self:write("e_ok", TOY:format("e_ok", ""))
  local out = self.dir .. "/out"
  local text, code = self:toy_suite(out, "-j 2")
  lu.assertEquals(code, 1, text)
  lu.assertStrContains(text, "  FAIL  a_exit: exited with status 7")
  if (os.getenv("ALPCAST_BUILD") or ""):match("san") then
    -- under `make sanitize` ASan catches SIGSEGV itself, reports, exits 1
    lu.assertStrMatches(text, ".*\n  FAIL  b_segv: exited with status 1.*")
  else
    lu.assertStrContains(text, "  FAIL  b_segv: killed by signal 11 (SIGSEGV)")
  end
  lu.assertStrContains(text, "  FAIL  c_abort: killed by signal 6 (SIGABRT)")
  lu.assertStrContains(text, "  FAIL  d_oom: killed by signal 9 (SIGKILL)")
  lu.assertStrMatches(text, ".*\n  ok    e_ok .*")
  -- the report is in name order, whatever order the children ended in
  local order = {}
  for name in text:gmatch("\n  %S+%s+(%a_%a+)") do order[#order + 1] = name end
  lu.assertEquals(order, { "a_exit", "b_segv", "c_abort", "d_oom", "e_ok" })
  lu.assertEquals(files_under(out), { "citations.bib", "e_ok/cff.csv", "e_ok/extra/cff_polygons.csv", "summary.json" })
  lu.assertEquals(alp.fs.listdir(out), { "citations.bib", "e_ok", "summary.json" }, "a staging folder left behind")
  local js = slurp(out .. "/summary.json")
  lu.assertStrContains(js, '"failures": [\n    "a_exit",\n    "b_segv",\n    "c_abort",\n    "d_oom"\n  ]')
  lu.assertStrContains(js, '"wall_s": ')
end

-- The hostile recast of issue #12: it catches every error, so only a kill stops it.
local HOSTILE = 'model.crash("ready") ' ..
  'while true do pcall(function() while true do end end) end'

local function alive(pid)
  local _, code = h.run("kill -0 " .. pid)
  return code == 0
end

function TestIsolation:test_timeout_stops_a_recast_that_catches_errors()
  local pidfile = self.dir .. "/pid"
  self:write("a_hostile", TOY:format("a_hostile", HOSTILE))
  self:write("b_ok", TOY:format("b_ok", ""))
  local out = self.dir .. "/out"
  local t0 = alp._proc.clock()
  local text, code = self:toy_suite(out, "--timeout 1 -j 2", "ISO_PIDFILE=" .. h.q(pidfile))
  local dt = alp._proc.clock() - t0
  lu.assertEquals(code, 1, text)
  lu.assertStrContains(text, "  FAIL  a_hostile: timed out after 1 s")
  lu.assertStrMatches(text, ".*\n  ok    b_ok .*")
  lu.assertTrue(dt < 8, "the suite took " .. dt .. " s with --timeout 1")
  lu.assertEquals(files_under(out), { "b_ok/cff.csv", "b_ok/extra/cff_polygons.csv", "citations.bib", "summary.json" })
  local pid = slurp(pidfile)
  lu.assertNotNil(pid, "the hostile recast never ran")
  lu.assertFalse(alive(pid), "the timed-out recast is still running")
end

function TestIsolation:test_sigterm_stops_everything_within_1s()
  local pidfile = self.dir .. "/pid"
  self:write("a_hostile", TOY:format("a_hostile", HOSTILE))
  local runner = self.dir .. "/run.lua"
  local f = assert(io.open(runner, "w"))
  f:write(RUNNER)
  f:close()
  local out = self.dir .. "/out"
  for _, sig in ipairs { "TERM", "INT" } do
    os.remove(pidfile)
    -- wait until the hostile recast is inside its loop (it wrote its pid),
    -- then signal the suite and time how long it takes to exit
    local cmd = string.format(
      "ISO_PIDFILE=%s %s %s --recasts %s --out %s --no-figures > %s 2>&1 & pid=$!; " ..
      "for i in $(seq 1 200); do [ -s %s ] && break; sleep 0.05; done; sleep 0.2; " ..
      "t0=$(date +%%s%%N); kill -%s $pid; wait $pid; rc=$?; " ..
      "echo rc=$rc ms=$(( ($(date +%%s%%N) - t0) / 1000000 ))",
      h.q(pidfile), h.exe(), h.q(runner), h.q(self.rc), h.q(out), h.q(self.dir .. "/log"),
      h.q(pidfile), sig)
    local res = h.run("sh -c " .. h.q(cmd))
    local log = slurp(self.dir .. "/log") or ""
    local pid = slurp(pidfile)
    lu.assertNotNil(pid, "the hostile recast never ran: " .. log)
    lu.assertNotStrContains(res, "rc=0", log)
    lu.assertStrContains(log, "interrupted", sig)
    local ms = tonumber(res:match("ms=(%d+)"))
    lu.assertTrue(ms and ms < 1000, sig .. ": the suite took " .. tostring(ms) .. " ms to stop")
    lu.assertFalse(alive(pid), sig .. ": the hostile recast is still running")
    lu.assertEquals(files_under(out), {}, sig .. ": files left behind")
    lu.assertEquals(alp.fs.listdir(out), {}, sig .. ": a staging folder left behind")
  end
end

function TestIsolation:test_jobs_2_writes_the_same_files_as_jobs_1()
  -- a_slow ends last with -j 2; the files and the report order do not change
  self:write("a_slow", HONEST:format("a_slow", "local s = 0 for i = 1, 2e4 do s = s + i end"))
  self:write("b_fast", HONEST:format("b_fast", ""))
  self:write("c_fast", HONEST:format("c_fast", ""))
  local t1 = self:suite(self.dir .. "/j1", "?_*", "-j 1")
  local t2, code = self:suite(self.dir .. "/j2", "?_*", "-j 2")
  lu.assertEquals(code, 0, t2)
  -- results, not the caches (.cache/results holds each run's own times)
  local function results(d)
    local t = {}
    for _, f in ipairs(files_under(d)) do if not f:match("^%.cache/") then t[#t + 1] = f end end
    return t
  end
  local f1, f2 = results(self.dir .. "/j1"), results(self.dir .. "/j2")
  lu.assertEquals(f2, f1)
  lu.assertEquals(#f1, 8) -- with citations.bib
  for _, f in ipairs(f1) do
    if f ~= "summary.json" then
      lu.assertEquals(slurp(self.dir .. "/j2/" .. f), slurp(self.dir .. "/j1/" .. f), f)
    end
  end
  local function order(t)
    local o = {}
    for name in t:gmatch("\n  ok    (%a_%a+)") do o[#o + 1] = name end
    return o
  end
  lu.assertEquals(order(t2), { "a_slow", "b_fast", "c_fast" })
  lu.assertEquals(order(t1), order(t2))
end

function TestIsolation:test_only_matching_nothing_suggests_names()
  self:write("na62_test", HONEST:format("na62_test", ""))
  local text, code = self:suite(self.dir .. "/out", "na26_test")
  lu.assertEquals(code, 2, text)
  lu.assertStrContains(text, "--only 'na26_test' matches no recast or figure script; " ..
                       "did you mean na62_test?")
  lu.assertNil(alp.fs.listdir(self.dir .. "/out"), "a usage error wrote files")
end

function TestIsolation:test_usage_errors_of_jobs_and_timeout()
  for _, bad in ipairs { "-j 0", "-j x", "--timeout 0", "--timeout -1", "--timeout inf" } do
    local text, code = self:suite(self.dir .. "/out", "*", bad)
    lu.assertEquals(code, 2, bad .. ": " .. text)
  end
  local text = self:suite(self.dir .. "/out", "*", "-j 0")
  lu.assertStrContains(text, "-j needs an integer in [1, 256], got 0")
  text = self:suite(self.dir .. "/out", "*", "--timeout 0")
  lu.assertStrContains(text, "--timeout needs a number of seconds in (0, 1e6], got 0")
end
