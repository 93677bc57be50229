-- recasts/belle2_kinv.lua: the seed's own Belle II projection for an
-- invisible (or long-lived) ALP, B+ -> K+ a with missing energy
-- (arXiv:2201.06580 Sec. 4; REFERENCE.md D9, §6, §7; issue 7).
--
-- Expected signal after the selection (4.1), seed eqs. (3.4) and (4.2) with
-- the efficiency (D9):
--   N_S = N_B+- * eps(m_a) * B(B+ -> K+ a) * [B(a -> vis) <P_a> + B(a -> inv)]
--   N_B+- = 2 sigma(B+B-) L          (5.4e10 at 50 ab^-1, sigma = 0.54 nb)
--   <P_a> = Monte Carlo probability that the ALP does NOT decay inside the
--           "veto" volume of alp.detector.belle2() (REFERENCE §5.2, D9),
--           tabulated per mass on a c tau grid and interpolated (below)
--   eps(m_a) = seed Table 1 (n_signal_after / n_generated), linear in m_a
--           between its masses, its first value below, 0 above the last
-- Background N_B = sum_p n_after(p) sigma(p) L / n_generated(p) (39 B+B- and
-- 28 B0B0bar of 10 M each; 1767 at 0.5 ab^-1, 176 700 at 50 ab^-1), and the
-- expected 90 % CL Poisson limit N_UL of seed Sec. 4.3 (n = nearest integer
-- to N_B, CDF), or -ln(0.1) = 2.303 with zero background.
-- In the contract's terms: signal = B(B+ -> K+ a) [B_vis <P_a> + B_inv] and
-- limit = N_UL / (N_B+- eps), its upper limit (math.huge where eps = 0).
--
-- prepare(ma, data, variant) returns a table that scripts/figures/fig10.lua
-- and the tests use too:
--   p_out(ctau)  <P_a> at c tau [m] (interpolated; exact limits outside)
--   ctau, p, err the c tau grid, <P_a> on it and its Monte Carlo error
--   p_prompt     <P_a> at c tau = 0 (the fraction of ALPs outside 17-150 deg)
--   n, seed      the sample
local CL = 0.90
-- Monte Carlo: events per mass (variant.n_events overrides) and the c tau
-- grid of <P_a>: PER_DECADE points per decade, log-spaced, spanning lab decay
-- lengths beta*gamma*c tau from D_LO to D_HI for every event of the sample
-- (c tau from D_LO / max(beta gamma) to D_HI / min(beta gamma)).  Below it
-- <P_a> is its c tau -> 0 value (every event of the sample has d < 0.1 mm:
-- exp(-1.3 m / d) = 0), above it 1 - O(1/c tau) (d > 10 km: the 1/c tau form
-- is exact to 2e-4 relative).
local N_EVENTS = 50000
local D_LO, D_HI, PER_DECADE = 1e-4, 1e4, 10
local VOLUME = "veto"

local log, exp, floor, huge, sqrt = math.log, math.exp, math.floor, math.huge, math.sqrt

-- <P_a> tables, shared by the variants (they differ only in luminosity and
-- background): key "seed/n/ma"
local tables = {}

-- A c tau -> P interpolator on the log grid: ln P as a monotone cubic
-- (Fritsch-Carlson) in ln c tau between the nodes (P linear where a node is
-- 0); below the grid the exact c tau -> 0 value p0; above it the exact
-- large-c tau form p_inf + (P(ct_max) - p_inf) ct_max / c tau (the decay
-- probability in a finite region goes as 1/c tau).  Against the Monte Carlo
-- at the mid-points (same sample): < 1e-3 relative for the veto, < 2e-3 for
-- the displaced volume where P > 1e-15.
local function interpolator(cts, ps, p0, p_inf)
  local n = #cts
  local l0, h = log(cts[1]), (log(cts[n]) - log(cts[1])) / (n - 1)
  local y = {}
  for i = 1, n do y[i] = ps[i] > 0 and log(ps[i]) or nil end
  local d = {}
  for i = 1, n - 1 do d[i] = (y[i] and y[i + 1]) and (y[i + 1] - y[i]) / h or nil end
  local m = {}
  for i = 1, n do
    local a, b = d[i - 1], d[i]
    if a and b then m[i] = (a * b <= 0) and 0 or (a + b) / 2
    else m[i] = a or b or 0 end
  end
  for i = 1, n - 1 do
    if d[i] then
      if d[i] == 0 then m[i], m[i + 1] = 0, 0
      else
        local al, be = m[i] / d[i], m[i + 1] / d[i]
        local s = al * al + be * be
        if s > 9 then local t = 3 / sqrt(s); m[i], m[i + 1] = t * al * d[i], t * be * d[i] end
      end
    end
  end
  return function(ct)
    if ct < cts[1] then return p0 end
    if ct >= cts[n] then
      if ct == huge then return p_inf end
      return p_inf + (ps[n] - p_inf) * cts[n] / ct
    end
    local x = (log(ct) - l0) / h
    local i = floor(x) + 1
    if i >= n then i = n - 1 end
    local t = x - (i - 1)
    if d[i] then
      local t2, u = t * t, 1 - t
      -- cubic Hermite, written so that a flat stretch stays exactly flat
      return exp(y[i] + t2 * (3 - 2 * t) * (y[i + 1] - y[i])
                 + h * t * u * (u * m[i] - t * m[i + 1]))
    end
    return ps[i] + t * (ps[i + 1] - ps[i])
  end
end

local function prob_table(ma, seed, n)
  local key = seed .. "/" .. n .. "/" .. string.format("%.17g", ma)
  local t = tables[key]
  if t then return t end
  local s = alp.sample.b_to_ka { ma = ma, n = n, seed = seed, experiment = "belle2" }
  local veto = alp.detector.belle2():volume(VOLUME)
  local bg = s:get("betagamma")
  local bmin, bmax = huge, 0
  for i = 1, #bg do
    local b = bg[i]
    if b < bmin then bmin = b end
    if b > bmax then bmax = b end
  end
  local lo, hi = log(D_LO / bmax), log(D_HI / bmin)
  local k = math.max(2, math.ceil(PER_DECADE * (hi - lo) / log(10)))
  local cts = {}
  for i = 0, k do cts[i + 1] = exp(lo + i * (hi - lo) / k) end
  local pt = veto:paths(s, "outside")
  local p, err = pt:decay_prob(cts)
  local p0, e0 = pt:decay_prob(0)
  s:close()
  t = { ctau = cts, p = p, err = err, p_prompt = p0, p_prompt_err = e0, n = n, seed = seed,
        ma = ma, volume = VOLUME, betagamma_min = bmin, betagamma_max = bmax }
  t.p_out = interpolator(cts, p, p0, 1)
  tables[key] = t
  return t
end

-- eps(m_a) from the seed's Table 1 (D9)
local function efficiency(data, ma)
  local d = data.table1
  local m, nsel, ngen = d.columns.ma_GeV, d.columns.n_signal_after, d.columns.n_generated
  if ma <= m[1] then return nsel[1] / ngen[1] end
  if ma >= m[#m] then
    return ma == m[#m] and nsel[#m] / ngen[#m] or 0
  end
  for i = 2, #m do
    if ma <= m[i] then
      local e1, e2 = nsel[i - 1] / ngen[i - 1], nsel[i] / ngen[i]
      return e1 + (e2 - e1) * (ma - m[i - 1]) / (m[i] - m[i - 1])
    end
  end
  return 0
end

-- Events at luminosity lumi [ab^-1]: N_B (background after selection) and
-- N_B+- = 2 sigma(B+B-) L (REFERENCE §7; 1 ab^-1 = 1e9 nb^-1)
local function counts(data, lumi)
  local d = data.background
  local L = lumi * 1e9
  local nb, sigma_bpbm = 0, nil
  for i = 1, d.n do
    local r = d:row(i)
    nb = nb + r.n_after_selection * r.sigma_nb * L / r.n_generated
    if r.process == "BpBm" then sigma_bpbm = r.sigma_nb end
  end
  if not sigma_bpbm then error("belle2_kinv: no BpBm row in " .. d.path, 0) end
  return nb, 2 * sigma_bpbm * L
end

-- Expected upper limit on the signal events (seed Sec. 4.3, REFERENCE §6)
local function signal_ul(nb, zero_background)
  if zero_background then return alp.stats.zero_background(CL), 0 end
  return alp.stats.expected_upper(nb, CL)
end

local VARIANTS = {
  ["0p5ab"] = { lumi = 0.5 },
  ["50ab"] = { lumi = 50 },
  ["50ab_0bg"] = { lumi = 50, zero_background = true },
}

return alp.recast {
  name       = "belle2_kinv",
  experiment = "Belle II",
  process    = "B+ -> K+ a, a -> invisible (missing energy) or decaying outside the detector",
  reference  = { arxiv = "2201.06580", section = "Sec. 4, Table 1, Figs. 10-11" },
  signature  = "invisible",
  status     = "projection",
  cl         = CL,
  observable = "B(B+ -> K+ a) [B(a -> vis) <P_a> + B(a -> inv)] < N_UL / (2 sigma(B+B-) L eps(m_a))",
  tags       = { "B", "Belle II", "projection", "seed" },
  data       = { table1 = "data/belle2_kinv_signal_table1.csv",
                 background = "data/belle2_kinv_background.csv" },
  variants   = VARIANTS,
  masses     = { min = 1e-3, max = 4.78, n = 200 },
  couplings  = { min = 1e-7, max = 1e2, n = 200 },
  seed       = 1,
  notes      = [[
Seed Sec. 4 as decided in REFERENCE.md D9: N_S = N_B+- eps(m_a) B(B+ -> K+ a)
[B(a -> vis) <P_a> + B(a -> inv)], N_B+- = 2 sigma(B+B-) L = 5.4e10 at
50 ab^-1.  The tag side is treated as fully reconstructed: eps(m_a) is the
seed's Table 1 (its full selection (4.1), signal after selection / 10 000:
0.1091, 0.1022, 0.0770, 0 at 0.005, 0.3, 1, 3 GeV), linear in m_a between
these, 0.1091 below 5 MeV, 0 above 3 GeV (no limit there) -- no generic
B-decay generator is used or faked.  <P_a> = probability that the ALP does
not decay inside the "veto" volume of alp.detector.belle2() (REFERENCE §5.2:
visible if 17 < theta < 150 deg and the decay is inside the outer ECL
envelope), from 50 000 B+ -> K+ a events per mass (seed 1), tabulated on a
c tau grid (10 per decade) covering lab decay lengths 0.1 mm - 10 km for every
event, interpolated (monotone cubic in ln P vs ln c tau), with the exact
limits beyond (c tau -> 0: the fraction of ALPs outside 17-150 deg, about
7.6 %; c tau -> inf: 1 - O(1/c tau)).  Background: 39 B+B- + 28 B0B0bar
events of 10 M generated each, scaled to L with 0.54 and 0.51 nb (1767 at
0.5 ab^-1, 176 700 at 50 ab^-1); tau tau and continuum give 0 (the seed notes
this may underestimate them).  Limit: the expected 90 % CL Poisson limit of
seed Sec. 4.3 (n = nearest integer to N_B, CDF): 55.1 and 539.9 events;
variant 50ab_0bg: zero background, 2.303 events.  Check: stable ALP,
eps = 0.10, 50 ab^-1 -> B < 1.00e-7 (REFERENCE §7).]],

  prepare = function(ma, data, variant)
    return prob_table(ma, variant.seed or 1, variant.n_events or N_EVENTS)
  end,

  signal = function(model, ma, data, prepared)
    local binv = model:br(ma, "invisible")
    return model:br_b_to_ka(ma) * ((1 - binv) * prepared.p_out(model:ctau(ma)) + binv)
  end,

  limit = function(ma, data, prepared, variant)
    local eps = efficiency(data, ma)
    if not (eps > 0) then return huge end
    local nb, nbpm = counts(data, variant.lumi)
    return signal_ul(nb, variant.zero_background) / (nbpm * eps)
  end,

  extra = function(data)
    local rows, names = {}, {}
    for k in pairs(VARIANTS) do names[#names + 1] = k end
    table.sort(names)
    for _, k in ipairs(names) do
      local v = VARIANTS[k]
      local nb, nbpm = counts(data, v.lumi)
      local nul, nobs = signal_ul(nb, v.zero_background)
      rows[#rows + 1] = { k, v.lumi, nbpm, v.zero_background and 0 or nb, nobs, nul,
                          nul / (nbpm * 0.10), nul / (nbpm * efficiency(data, 0.005)) }
    end
    local eff = {}
    for i = 0, 60 do
      local ma = i * 0.05
      eff[#eff + 1] = { ma, efficiency(data, ma) }
    end
    return {
      counts = {
        columns = { "variant", "lumi_abinv", "n_bpm", "n_background", "n_assumed_observed",
                    "n_signal_ul", "br_ul_stable_eps0p10", "br_ul_stable_eps_5MeV" },
        rows = rows,
        header = {
          quantity = "event counts and limits of the Belle II invisible projection per variant: "
            .. "N_B+- = 2 sigma(B+B-) L, background N_B after selection, n = nearest integer to N_B, "
            .. "expected 90% CL signal limit N_UL (seed Sec. 4.3), and B(B+ -> K+ a) limits for a "
            .. "stable ALP (<P_a> = 1) with eps = 0.10 and eps(5 MeV) = 0.1091",
          units = "lumi_abinv: ab^-1; counts: events; br_ul_*: dimensionless",
          reference = "arXiv:2201.06580 Sec. 4.3; REFERENCE.md §7 (1.00e-7 at 50 ab^-1, eps = 0.10)",
        },
      },
      efficiency = {
        columns = { "ma_GeV", "eps" },
        rows = eff,
        header = {
          quantity = "selection efficiency eps(m_a) used (seed Table 1, linear between its masses, D9)",
          units = "ma_GeV: GeV; eps: dimensionless",
          reference = "arXiv:2201.06580 Table 1",
        },
      },
    }
  end,
}
