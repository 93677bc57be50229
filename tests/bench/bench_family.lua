-- tests/bench/bench_family.lua: the whole suite on a model family
-- (`alpcast suite --model models/cff_cww.lua`) against the benchmark suite
-- (cff and cWW), measured in the same run (`make bench`; prints, asserts
-- nothing).  Issue #13: a family run should cost no more than a benchmark
-- run.  CPU time is the suite's own total (summary.json time_s, children
-- included), wall time as measured here.
local fmt = string.format
local exe = (os.getenv("ALPCAST_BUILD") or "build") .. "/alpcast"
local tmp = os.tmpname()
os.remove(tmp)

local function run(label, extra)
  local out = tmp .. "_" .. label
  local t0 = alp._proc and alp._proc.clock and alp._proc.clock() or os.time()
  local ok = os.execute(fmt("%s suite --out %s %s > %s.log 2>&1", exe, out, extra, out))
  local wall = (alp._proc and alp._proc.clock and alp._proc.clock() or os.time()) - t0
  local f = io.open(out .. "/summary.json", "r")
  local text = f and f:read("a") or ""
  if f then f:close() end
  local okj, summary = pcall(require("cjson").decode, text)
  local cpu = okj and type(summary) == "table" and summary.time_s or nil
  os.execute("rm -rf '" .. out .. "' '" .. out .. ".log'")
  return ok, cpu, wall
end

local ok_b, cpu_b, wall_b = run("bench", "")
local ok_f, cpu_f, wall_f = run("family", "--model " .. alp.root .. "/models/cff_cww.lua")
print(fmt("bench_family: benchmark suite (cff + cWW)        %8.2f s CPU %8.2f s wall%s", cpu_b or 0 / 0, wall_b,
          ok_b and "" or " (failed)"))
print(fmt("bench_family: family suite (models/cff_cww.lua)  %8.2f s CPU %8.2f s wall%s", cpu_f or 0 / 0, wall_f,
          ok_f and "" or " (failed)"))
if cpu_b and cpu_f then
  print(fmt("bench_family: family / benchmark = %.2f (CPU; target <= 1: one family against two benchmarks)",
            cpu_f / cpu_b))
end
