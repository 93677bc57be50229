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
-- prepare(ma, data, variant) returns the <P_a> table of alp.acceptance.table
-- (help("alp.acceptance.table")), which scripts/figures/fig10.lua and the
-- tests use too:
--   p_at(ctau)   <P_a> at c tau [m] (interpolated; exact limits outside)
--   ctau, p, err the c tau grid, <P_a> on it and its Monte Carlo error
--   p0, p0_err   <P_a> at c tau = 0 (the fraction of ALPs outside 17-150 deg)
--   n, seed      the sample
local CL = 0.90
-- Monte Carlo: events per mass (variant.n_events overrides) and the c tau
-- grid of <P_a>: PER_DECADE points per decade, log-spaced, spanning lab decay
-- lengths beta*gamma*c tau from D_LO to D_HI for every event of the sample
-- (c tau from D_LO / max(beta gamma) to D_HI / min(beta gamma)).  Below it
-- <P_a> is its c tau -> 0 value (every event of the sample has d < 0.1 mm:
-- exp(-1.3 m / d) = 0), above it 1 - O(1/c tau) (d > 10 km: the 1/c tau form
-- is exact to 2e-4 relative).  Interpolated as ln <P_a> monotone cubic in
-- ln c tau: < 1e-3 relative against the Monte Carlo at the mid-points.  The
-- variants differ only in luminosity and background: they share one table
-- per mass (alp.acceptance keeps it while the suite holds it).
local N_EVENTS = 50000
local D_LO, D_HI, PER_DECADE = 1e-4, 1e4, 10
local VOLUME = "veto"

local huge = math.huge

local function prob_table(ma, seed, n)
  return alp.acceptance.table { experiment = "belle2", ma = ma, n = n, seed = seed,
                                volume = VOLUME, side = "outside",
                                decay_lengths = { D_LO, D_HI }, per_decade = PER_DECADE }
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

  signal = function(model, ma, prepared)
    local binv = model:br(ma, "invisible")
    return model:br_b_to_ka(ma) * ((1 - binv) * prepared.p_at(model:ctau(ma)) + binv)
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
