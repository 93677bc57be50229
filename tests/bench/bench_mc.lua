-- tests/bench/bench_mc.lua: event generation and decay-probability Monte
-- Carlo (alp.sample, alp.detector).  Prints figures; asserts nothing.
-- Targets (issue 4, 2 cores): >= 5e6 events/s, >= 5e8 (event x ctau)
-- evaluations/s.  Times are wall-clock (`date +%s.%N`: ~2 ms resolution
-- overhead, negligible for the runs below).
local function now()
  local p = io.popen("date +%s.%N")
  local t = tonumber(p:read("l"))
  p:close()
  return t
end

local function timed(f, reps)
  reps = reps or 1
  f()                                  -- warm-up (pages, thread pool)
  local t0 = now()
  for _ = 1, reps do f() end
  return (now() - t0) / reps
end

local N = 1000000
local ctau = {}
for i = 1, 100 do ctau[i] = 10 ^ (-4 + 7 * (i - 1) / 99) end   -- 1e-4 .. 1e3 m

print(string.format("events per sample n = %d, ctau grid = %d values", N, #ctau))
for _, th in ipairs{1, 2} do
  local t = timed(function()
    local s <close> = alp.sample.b_to_ka{ma = 0.3, n = N, seed = 1, threads = th}
  end)
  print(string.format("b_to_ka (belle2)        threads=%d: %8.3f s  %.3g events/s", th, t, N / t))
end

local s = alp.sample.b_to_ka{ma = 0.3, n = N, seed = 1}
local d = alp.detector.belle2()
for _, vol in ipairs{{"veto", "outside"}, {"displaced", "inside"}, {"veto_gap", "outside"}} do
  local v = d:volume(vol[1])
  for _, th in ipairs{1, 2} do
    local pt
    local tp = timed(function() pt = v:paths(s, vol[2], {threads = th}) end)
    local te = timed(function() pt:decay_prob(ctau, {threads = th}) end, 2)
    print(string.format("%-9s %-7s paths     threads=%d: %8.3f s  %.3g events/s",
                        vol[1], vol[2], th, tp, N / tp))
    print(string.format("%-9s %-7s decay_prob threads=%d: %8.3f s  %.3g evaluations/s",
                        vol[1], vol[2], th, te, N * #ctau / te))
  end
end
s:close()

-- A recast's cost per mass: one sample of 1e5 events + one decay_prob call
-- on 100 ctau values (the scans do this for ~200 masses).
for _, th in ipairs{1, 2} do
  local v = d:volume("veto")
  local t = timed(function()
    local x <close> = alp.sample.b_to_ka{ma = 1.0, n = 100000, seed = 2, threads = th}
    v:decay_prob(x, ctau, "outside", {threads = th})
  end, 3)
  print(string.format("per mass: n=1e5 sample + 100-ctau veto  threads=%d: %6.1f ms  (200 masses: %.1f s)",
                      th, 1e3 * t, 200 * t))
end
