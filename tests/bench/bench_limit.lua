-- tests/bench/bench_limit.lua: the cost of one limit lookup, alp.limit (C,
-- physics/limit.c) against the pure-Lua interpolation the first build's
-- recasts did (binary search + ln-linear in mass per lifetime column, then
-- ln-ln in tau; here re-implemented in this file as the reference).  Same
-- table (recasts/data/na62_kpix_ul.csv), same points, same run; the ratio is
-- printed (< 1: the C lookup is cheaper).  Asserts only that both agree.
local clock, log, exp, huge = os.clock, math.log, math.exp, math.huge
local C = alp.constants.c_light
local path = alp.root .. "/recasts/data/na62_kpix_ul.csv"

local lim = alp.limit.csv(path, {
  value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
  interpolate = { mass = "linear", lifetime = "log", value = "log" },
  outside = { long = "inverse" } })

-- the reference: columns by tau, each a Lua (m, ln ul) table
local d = alp.data.csv(path)
local TAUS = { 100, 200, 500, 1000, 2000, 5000 }
local cols = {}
for i = 1, d.n do
  local t = d.columns.tau_ps[i]
  local c = cols[t]
  if not c then c = { m = {}, y = {} }; cols[t] = c end
  c.m[#c.m + 1] = d.columns.ma_GeV[i]
  c.y[#c.y + 1] = log(d.columns.br_ul[i])
end
local function col_at(c, m)
  local xs, n = c.m, #c.m
  if m < xs[1] or m > xs[n] then return huge end
  local lo, hi = 1, n
  while hi - lo > 1 do
    local mid = (lo + hi) // 2
    if xs[mid] <= m then lo = mid else hi = mid end
  end
  if hi == lo then return exp(c.y[lo]) end
  local w = (m - xs[lo]) / (xs[hi] - xs[lo])
  local y = c.y[lo] + w * (c.y[hi] - c.y[lo])
  return y == y and exp(y) or huge
end
local function ref_at(m, ctau)
  local tau = ctau / C * 1e12
  if tau < TAUS[1] then return huge end
  if tau > TAUS[#TAUS] then
    local a, b = col_at(cols[TAUS[#TAUS]], m), col_at(cols[huge], m)
    if a == huge or b == huge then return huge end
    return b + (a - b) * TAUS[#TAUS] / tau
  end
  for k = 2, #TAUS do
    if tau <= TAUS[k] then
      local a, b = col_at(cols[TAUS[k - 1]], m), col_at(cols[TAUS[k]], m)
      if a == huge or b == huge then return huge end
      local w = (log(tau) - log(TAUS[k - 1])) / (log(TAUS[k]) - log(TAUS[k - 1]))
      return exp(log(a) + w * (log(b) - log(a)))
    end
  end
end

local N = 200000
local ms, cts = {}, {}
for i = 1, N do
  ms[i] = 0.001 + 0.108 * ((i * 0.6180339887) % 1)          -- below the pi0 window
  cts[i] = C * 1e-12 * exp(log(100) + log(100) * ((i * 0.7548776662) % 1)) -- 100 ps - 10 ns
end
lim:at(0.05, 0.1) -- read the rows
local worst = 0
for i = 1, 2000 do
  local a, b = lim:at(ms[i], cts[i]), ref_at(ms[i], cts[i])
  if a ~= huge or b ~= huge then worst = math.max(worst, math.abs(a - b) / b) end
end
assert(worst < 1e-9, "alp.limit and the reference disagree: " .. worst)

local t0 = clock()
local s = 0
for i = 1, N do s = s + lim:at(ms[i], cts[i]) end
local t_c = clock() - t0
t0 = clock()
for i = 1, N do s = s + ref_at(ms[i], cts[i]) end
local t_lua = clock() - t0
print(string.format("limit lookups (NA62 table, %d points): alp.limit %.3f us, Lua reference %.3f us; "
                    .. "ratio C/Lua = %.2f  (agree to %.1e)", N, t_c / N * 1e6, t_lua / N * 1e6,
                    t_c / t_lua, worst))
