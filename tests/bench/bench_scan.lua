-- tests/bench/bench_scan.lua: timing of exclusion scans (`make bench`;
-- prints figures, asserts nothing).  Target (issue 5): seven recasts at 200
-- masses x 200 couplings together < 3 s.
local fmt = string.format

local function bench(label, opts, repeat_n)
  repeat_n = repeat_n or 1
  local t0, r = os.clock(), nil
  for _ = 1, repeat_n do r = alp.scan.run(opts) end
  local dt = (os.clock() - t0) / repeat_n
  print(fmt("bench_scan: %-46s %6.1f ms  %6d evals  %5.2f us/eval  %4d intervals",
            label, dt * 1e3, r.nevals, dt / r.nevals * 1e6, #r.intervals))
  return dt
end

local masses = { min = 1e-3, max = 4.78, n = 200 }
local couplings = { min = 1e-7, max = 1e2, n = 200 }

-- 1. the engine alone: a band between two power laws, plain function
local dt_fn = bench("200x200, fn(ma, c) band", {
  fn = function(ma, c) return math.min(c / (2e-5 * ma ^ 0.5), 3e-1 * ma ^ -1.5 / c) end,
  masses = masses, couplings = couplings }, 3)

-- 2. a displaced-style ratio on fake model tables (methods as closures):
-- BR ~ c^2, ctau ~ 1/c^2, decay probability in a shell 0.01-0.6 m
local function family(c)
  local c2 = c * c
  return {
    br_b_to_ka = function(_, ma) return 1e-1 * c2 * (1 - ma / 4.8) end,
    ctau = function(_, ma) return 1e-7 / (c2 * ma ^ 3) end,
  }
end
local dt_model = bench("200x200, family + ratio (displaced-like)", {
  family = family, masses = masses, couplings = couplings,
  prepare = function(ma) return { bg = 5.28 / 2 / ma * 0.3, n = 5.4e10 } end,
  ratio = function(m, ma, p)
    local d = p.bg * m:ctau(ma)
    return p.n * m:br_b_to_ka(ma) * (math.exp(-0.01 / d) - math.exp(-0.6 / d)) / 2.3
  end }, 3)

print(fmt("bench_scan: 7 recasts x 2 benchmarks at this cost: %.2f s (fn), %.2f s (family)",
          14 * dt_fn, 14 * dt_model))

-- 3. with the real model, when it is built
local ok, m = pcall(function() return alp.model.benchmark("cff", 1e-3) end)
if ok and m then
  local dt_real = bench("200x200, alp.model.benchmark cff, invisible-like", {
    family = "cff", masses = { min = 1e-3, max = 4.6, n = 200 }, couplings = couplings,
    ratio = function(model, ma)
      local d = 2.5 / ma * model:ctau(ma)
      return 5.4e10 * 0.1 * model:br_b_to_ka(ma) * math.exp(-3 / d) / 540
    end })
  print(fmt("bench_scan: 7 recasts x 2 benchmarks with the real model: %.2f s", 14 * dt_real))
else
  print("bench_scan: alp.model.benchmark not available: real-model scan skipped")
end
