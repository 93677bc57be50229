-- tests/bench/bench_model.lua: timings of alp.model (printed, not asserted).
-- Target (issue #3): the 400-mass tables of paper Figs. 1 and 2 in < 50 ms;
-- single calls a few microseconds after the one-time initialisation.
local clock = os.clock

local function per_call(label, n, f)
  local t0 = clock()
  f(n)
  local dt = clock() - t0
  print(string.format("  %-44s %8.3f us/call  (%d calls)", label, dt / n * 1e6, n))
end

-- one-time tables (RG operators, 3 pi phase space): measured only if this
-- is the first use of alp.model in the process
local t0 = clock()
local m = alp.model.benchmark("cff", 1)
m:ctau(0.5)
print(string.format("first model + first ctau (includes one-time tables if not built yet): %.2f ms",
                    (clock() - t0) * 1e3))

-- 400 log-spaced masses from 1 MeV to m_B - m_K (issue #3, Figs. 1-2)
local n, lo, hi = 400, 1e-3, alp.model.thresholds.b_to_ka
local ma = {}
for i = 0, n - 1 do ma[i + 1] = math.exp(math.log(lo) + i / (n - 1) * (math.log(hi) - math.log(lo))) end
local channels = { "gammagamma", "ee", "mumu", "tautau", "hadrons", "cc", "bb" }

local function tables()
  local out = {}
  for _, b in ipairs { "cff", "cWW" } do
    local mod = alp.model.benchmark(b, 1)
    for _, ch in ipairs(channels) do out[b .. ch] = mod:br(ma, ch) end
    out[b .. "ctau"] = mod:ctau(ma)
  end
  return out
end

local reps, best, total = 20, math.huge, 0
for _ = 1, reps do
  local t = clock()
  tables()
  local dt = clock() - t
  best = math.min(best, dt)
  total = total + dt
end
print(string.format("fig1 + fig2 tables (400 masses, 2 models, 7 BRs + ctau): best %.2f ms, mean %.2f ms (target < 50 ms)",
                    best * 1e3, total / reps * 1e3))

print("single calls (scan pattern):")
per_call('alp.model.benchmark("cff", c)', 100000, function(k)
  for i = 1, k do alp.model.benchmark("cff", 1e-3 * i) end
end)
per_call("alp.model{cff=, cww=, fa=}", 100000, function(k)
  for i = 1, k do alp.model { cff = 1e-3 * i, cww = 0.5, fa = 2000 } end
end)
per_call("m:ctau(ma)", 100000, function(k)
  for i = 1, k do m:ctau(0.001 + 4e-5 * i) end
end)
per_call('m:br(ma, "mumu")', 100000, function(k)
  for i = 1, k do m:br(0.001 + 4e-5 * i, "mumu") end
end)
per_call("m:br_b_to_ka(ma)", 100000, function(k)
  for i = 1, k do m:br_b_to_ka(0.001 + 4e-5 * i) end
end)
do
  local arr, k = {}, 100
  for i = 1, 1000 do arr[i] = 0.001 + 4e-3 * i end
  local t = clock()
  for _ = 1, k do m:ctau(arr) end
  print(string.format("  %-44s %8.3f us/mass", "m:ctau({1000 masses}) (one call per curve)",
                      (clock() - t) / (k * 1000) * 1e6))
end
