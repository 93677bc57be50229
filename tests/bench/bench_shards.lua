-- tests/bench/bench_shards.lua: `alpcast suite --shard K/8` and `alpcast
-- merge` on a model-family scan (--model models/cff_cww.lua) of one cheap
-- test recast (a timing toy, not a search: ratio = B(B+ -> K+ a) exp(-1 m /
-- c tau) / 1e-7, about 1 us per point) at 1000 masses x 1000
-- couplings, and how the total grows with masses x couplings (linear
-- expected: every mass is its own scan).  The 8 shards run one after the
-- other here (`make bench`; prints, asserts nothing).  CPU: summary.json's
-- time_s of each shard (children included); wall as measured here.
local fmt = string.format
local exe = (os.getenv("ALPCAST_BUILD") or "build") .. "/alpcast"
local clock = alp._proc.clock
local p = io.popen("mktemp -d")
local tmp = p:read("l")
p:close()
local rc = tmp .. "/recasts"
alp.fs.mkdir(rc)
local NSHARD = 8
local family = alp.root .. "/models/cff_cww.lua"

local RECAST = [[
return alp.recast {
  name = "bench_shards", experiment = "Bench", process = "B+ -> K+ a", reference = "bench",
  signature = "invisible", cl = 0.90, benchmarks = { "cff", "cWW" }, parent = "none",
  masses = { min = 0.01, max = 4.5, n = %d }, couplings = { min = 1e-6, max = 10, n = %d },
  ratio = function(model, ma) return model:br_b_to_ka(ma) * math.exp(-1 / model:ctau(ma)) / 1e-7 end,
}
]]

local function cpu_of(dir)
  local f = io.open(dir .. "/summary.json", "r")
  if not f then return 0 / 0 end
  local s = f:read("a")
  f:close()
  return tonumber(s:match('\n  "time_s": ([^,\n]+)')) or 0 / 0
end

local function run(nm, nc, verbose)
  local f = assert(io.open(rc .. "/bench_shards.lua", "w"))
  f:write(RECAST:format(nm, nc))
  f:close()
  local base = fmt("%s/%dx%d", tmp, nm, nc)
  alp.fs.mkdir(base)
  local dirs, cpu, wall = {}, 0, 0
  local times = {}
  for k = 1, NSHARD do
    local d = fmt("%s/s%d", base, k)
    dirs[k] = d
    local t0 = clock()
    local ok = os.execute(fmt("%s suite --recasts %s --only bench_shards --model %s --shard %d/%d -j 1 -q "
                              .. "--out %s > %s.log 2>&1", exe, rc, family, k, NSHARD, d, d))
    local w = clock() - t0
    local c = cpu_of(d)
    times[k] = fmt("%.2f", c)
    cpu, wall = cpu + c, wall + w
    if not ok then print("bench_shards: shard " .. k .. " failed, see " .. d .. ".log") end
  end
  local t0 = clock()
  local ok = os.execute(fmt("%s merge %s/out %s -q > %s/merge.log 2>&1", exe, base, table.concat(dirs, " "), base))
  local mwall = clock() - t0
  if not ok then print("bench_shards: merge failed, see " .. base .. "/merge.log") end
  if verbose then
    print(fmt("bench_shards: %d x %d, shard CPU s: %s", nm, nc, table.concat(times, " ")))
  end
  print(fmt("bench_shards: %4d masses x %4d couplings: shards %6.2f s CPU %6.2f s wall, merge %5.2f s wall; "
            .. "%.3f us CPU per mass x coupling", nm, nc, cpu, wall, mwall, cpu / (nm * nc) * 1e6))
  return cpu
end

local big = run(1000, 1000, true)
local small = run(250, 1000)
run(500, 1000)
run(1000, 500)
-- linear in masses x couplings: CPU = fixed (the 8 processes) + slope x points
local slope = (big - small) / (1e6 - 2.5e5)
print(fmt("bench_shards: CPU = %.2f s + %.3f us x masses x couplings (from 250k and 1M points; "
          .. "500 x 1000 and 1000 x 500 should agree: same points)", small - slope * 2.5e5, slope * 1e6))
os.execute("rm -rf '" .. tmp .. "'")
