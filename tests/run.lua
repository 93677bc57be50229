-- tests/run.lua: the single entry point of the test suite, run by the host:
--   build/alpcast tests/run.lua [--dir DIR] [NAME ...]
-- Runs every LuaUnit file DIR/test_*.lua (default tests/lua) in-process and,
-- with the default DIR, every C test program $ALPCAST_BUILD/tests/test_*
-- (counting their PASS:/FAIL: lines).  NAME filters files by substring.
-- Repeats the failures at the end and closes with the line
--   tests: N passed, N failed, N skipped
-- (a skipped test prints a SKIP line saying what it needs).  Exit status 1
-- on any failure.
package.path = "tests/?.lua;" .. package.path
local lu = require "luaunit"

local dir, filters = "tests/lua", {}
local i = 1
while i <= #arg do
  if arg[i] == "--dir" then dir = arg[i + 1]; i = i + 2
  else filters[#filters + 1] = arg[i]; i = i + 1 end
end
local build = os.getenv("ALPCAST_BUILD") or "build"

local passed, failed, skipped, failures = 0, 0, 0, {}

local function selected(name)
  if #filters == 0 then return true end
  for _, f in ipairs(filters) do
    if name:find(f, 1, true) then return true end
  end
  return false
end

local function fail(what, msg)
  failed = failed + 1
  failures[#failures + 1] = what .. ": " .. tostring(msg)
  print("FAIL: " .. what .. ": " .. tostring(msg))
end

-- One LuaUnit file, in its own environment (globals it defines stay there).
local wall = alp._proc.clock -- per-file wall time (children's time included)

local function run_lua_file(path)
  local t0 = wall()
  local env = setmetatable({}, { __index = _G })
  local chunk, err = loadfile(path, "t", env)
  if not chunk then return fail(path, err) end
  local ok, lerr = xpcall(chunk, debug.traceback)
  if not ok then return fail(path .. " (loading)", lerr) end
  local suites = {}
  for k, v in pairs(env) do
    if type(k) == "string" and k:match("^[Tt]est") and type(v) == "table" then
      suites[#suites + 1] = { k, v }
    end
  end
  table.sort(suites, function(a, b) return a[1] < b[1] end)
  if #suites == 0 then return fail(path, "defines no Test* table") end
  local runner = lu.LuaUnit.new()
  runner:setOutputType("NIL")
  runner:runSuiteByInstances(suites, "--quiet")
  local np, nf = 0, 0
  for _, node in ipairs(runner.result.allTests) do
    if node:isSuccess() then np = np + 1
    elseif node:isSkipped() then
      skipped = skipped + 1
      print("SKIP: " .. path .. ": " .. node.testName .. ": " .. tostring(node.msg))
    else
      nf = nf + 1
      fail(path .. ": " .. node.testName, node.msg)
      failed = failed - 1 -- counted below
    end
  end
  passed, failed = passed + np, failed + nf
  print(string.format("%-40s %3d passed, %d failed  %5.1f s", path, np, nf, wall() - t0))
end

-- One C test program: counts its PASS:/FAIL: lines; a non-zero exit without
-- a FAIL line (a crash, a sanitizer report) is one more failure.
local function run_c_program(path)
  local p = io.popen(path .. " 2>&1")
  local np, nf, tail = 0, 0, {}
  for line in p:lines() do
    if line:match("^PASS:") then np = np + 1
    elseif line:match("^FAIL:") then
      nf = nf + 1
      failures[#failures + 1] = path .. ": " .. line
      print(path .. ": " .. line)
    else
      tail[#tail + 1] = line
      if #tail > 30 then table.remove(tail, 1) end
    end
  end
  local ok, _, code = p:close()
  passed, failed = passed + np, failed + nf
  if not ok and nf == 0 then
    fail(path, "exited with status " .. tostring(code) .. "\n" .. table.concat(tail, "\n"))
  end
  print(string.format("%-40s %3d passed, %d failed", path, np, nf))
end

local started = os.clock()
if dir == "tests/lua" then
  local cdir = build .. "/tests"
  for _, f in ipairs(alp.fs.listdir(cdir) or {}) do
    if f:match("^test_[%w_]+$") and selected(f) then run_c_program(cdir .. "/" .. f) end
  end
end
local files, err = alp.fs.listdir(dir)
if not files then fail(dir, err) files = {} end
local lua_files = {}
for _, f in ipairs(files) do
  if f:match("^test_.*%.lua$") and selected(f) then lua_files[#lua_files + 1] = dir .. "/" .. f end
end

-- Each LuaUnit file in its own forked process, ALPCAST_TEST_JOBS (default:
-- the online CPUs) at once: a file cannot change another's state, and the
-- files' wall times overlap.  The child sends what it printed and its counts
-- as JSON on a pipe; the parent prints them in file order, so the output does
-- not depend on the number of jobs.  ALPCAST_TEST_JOBS=1 runs them in this
-- process, one after the other.
local proc = alp._proc
local jobs = math.tointeger(tonumber(os.getenv("ALPCAST_TEST_JOBS") or "")) or proc.ncpu()
local function run_in_child(path)
  local pid, fd = proc.fork()
  if pid ~= 0 then return { pid = pid, fd = fd, text = "", path = path } end
  local cjson = require "cjson"
  local out = {}
  _G.print = function(...)
    local t = table.pack(...)
    for i = 1, t.n do t[i] = tostring(t[i]) end
    out[#out + 1] = table.concat(t, "\t", 1, t.n)
  end
  passed, failed, skipped, failures = 0, 0, 0, {}
  local ok, e = pcall(run_lua_file, path)
  if not ok then fail(path, e) end
  proc.write(fd, cjson.encode { out = out, passed = passed, failed = failed, skipped = skipped,
                                failures = failures })
  proc.exit(0)
end
local function collect_child(r, w)
  local ok, rep = pcall(function() return require("cjson").decode(r.text) end)
  if not ok or type(rep) ~= "table" then
    return fail(r.path, "its test process ended without a report (exit "
                .. tostring(w.code or w.signame) .. ")")
  end
  for _, l in ipairs(rep.out) do print(l) end
  passed, failed, skipped = passed + rep.passed, failed + rep.failed, skipped + rep.skipped
  for _, f in ipairs(rep.failures) do failures[#failures + 1] = f end
end
if jobs <= 1 or #lua_files < 2 then
  for _, path in ipairs(lua_files) do run_lua_file(path) end
else
  local running, done, next_file, next_print = {}, {}, 1, 1
  while next_print <= #lua_files do
    while #running < jobs and next_file <= #lua_files do
      local r = run_in_child(lua_files[next_file])
      r.i = next_file
      running[#running + 1] = r
      next_file = next_file + 1
    end
    local fds = {}
    for _, r in ipairs(running) do if not r.eof then fds[#fds + 1] = r.fd end end
    proc.poll(fds, 0.05)
    local still = {}
    for _, r in ipairs(running) do
      if not r.eof then
        local chunk = proc.read(r.fd)
        if chunk == nil then r.eof = true else r.text = r.text .. chunk end
      end
      local w = r.eof and proc.wait(r.pid, true) or proc.wait(r.pid)
      if w then
        if not r.eof then
          local chunk = proc.read(r.fd)
          -- (a process the test left behind may hold the pipe open: "" ends too)
          while chunk and chunk ~= "" do r.text = r.text .. chunk; chunk = proc.read(r.fd) end
        end
        proc.close(r.fd)
        done[r.i] = { r = r, w = w }
      else
        still[#still + 1] = r
      end
    end
    running = still
    while done[next_print] do
      collect_child(done[next_print].r, done[next_print].w)
      done[next_print] = nil
      next_print = next_print + 1
    end
  end
end

if #failures > 0 then
  print("\nFailures:")
  for _, f in ipairs(failures) do print("  " .. f) end
end
print(string.format("(%.1f s of CPU in this process)", os.clock() - started))
print(string.format("tests: %d passed, %d failed, %d skipped", passed, failed, skipped))
os.exit(failed == 0 and 0 or 1, true) -- close the state: no false leaks
