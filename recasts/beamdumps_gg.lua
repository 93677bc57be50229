-- recasts/beamdumps_gg.lua: proper beam dumps NuCal, CHARM, E137, ALP -> gamma gamma
-- (seed Sec. 3.2; REFERENCE.md §4.7, D11, D12, S4).
--
-- Formula evaluated: the model's ALP-photon coupling
--   g_agg(c, m_a) = sqrt(64 pi Gamma(a -> gamma gamma) / m_a^3)              (REF §4.7)
--                 = alpha(0) |C_gg^eff(m_a)| / (pi f_a)                      (SEED A.6, D7, D11)
-- i.e. |C_gg^eff|/f_a [TeV^-1] = 4.3051e5 x g_agg [GeV^-1] at Lambda = 4 pi TeV
-- (not the seed code's Lambda = 1 TeV), is excluded inside the band
--   g_low(m_a) < g_agg < g_up(m_a):
--   ratio = min(g_agg / g_low, g_up / g_agg)   (> 1 only inside the band),
-- g_low, g_up = the seed authors' lower and upper edges of the combined
-- NuCal + CHARM + E137 region (data/beamdumps_gg_seed_{lower,upper}.csv), each
-- interpolated with ln g linear in ln m_a.  The lower edge is closed onto the
-- upper edge's last point (0.516671 GeV, 1.6644e-7 GeV^-1: the tip of the
-- region, where the upper branch ends with a vertical segment); no limit
-- outside 0.02172-0.516671 GeV (where only one edge is digitised).
-- Gamma(a -> gamma gamma) = m:width(m_a, "gammagamma") contains the full
-- C_gg^eff (loops, alpha(0), D7); in the cWW benchmark C_gg^eff = c_WW (1 - 3e-4).
-- cWW benchmark only: the curves assume a photon-coupled ALP with
-- B(a -> gamma gamma) ~ 1 (>= 0.99 in cWW below 0.52 GeV; no correction, REF §4.7).
local K_D11 = 4.3051e5   -- |C_gg^eff|/f_a [TeV^-1] per g_agg [GeV^-1] at Lambda = 4 pi TeV (D11)
local TIP_M, TIP_G = 0.516671, 1.6644e-07 -- last point of the upper edge (GeV, GeV^-1)

local huge, sqrt, pi = math.huge, math.sqrt, math.pi

local edges_of = setmetatable({}, { __mode = "k" })

-- {low = f(m), up = f(m)}: the two edges, log-log, no limit outside.
local function edges(data)
  local e = edges_of[data]
  if e then return e end
  local lo_m, lo_g = {}, {}
  for i, m in ipairs(data.lower.columns.ma_GeV) do lo_m[i], lo_g[i] = m, data.lower.columns.g_agg_GeVinv[i] end
  if lo_m[#lo_m] < TIP_M then lo_m[#lo_m + 1], lo_g[#lo_g + 1] = TIP_M, TIP_G end
  local opts = { logx = true, logy = true, outside = "nolimit" }
  e = { low = alp.data.interp1(lo_m, lo_g, opts),
        up = data.upper:interp1("ma_GeV", "g_agg_GeVinv", opts) }
  edges_of[data] = e
  return e
end

return alp.recast {
  name = "beamdumps_gg",
  experiment = "NuCal, CHARM, E137",
  process = "p N -> a X (Primakoff, bremsstrahlung photons), a -> gamma gamma behind a shield",
  reference = { combination = "Dobrich et al., arXiv:1904.02091 (seed ref. [5])",
                nucal = "Blumlein et al., Z. Phys. C 51 (1991) 341 (seed ref. [52])",
                charm = "CHARM, Phys. Lett. B 157 (1985) 458 (seed ref. [53])",
                e137 = "Bjorken et al., PRD 38 (1988) 3375 (seed ref. [54])",
                seed = "arXiv:2201.06580 Sec. 3.2" },
  signature = "displaced",
  cl = 0.90,
  observable = "g_low(m_a) < g_agg = alpha(0) |C_gg^eff| / (pi f_a) < g_up(m_a)",
  data = { upper = "data/beamdumps_gg_seed_upper.csv", lower = "data/beamdumps_gg_seed_lower.csv",
           foresee = "data/beamdumps_gg_foresee_contours.csv" },
  benchmarks = { "cWW" },
  tags = { "beam dump", "photons" },
  notes = [[
Data: data/beamdumps_gg_seed_upper.csv and _lower.csv -- the upper and lower
edges in g_agg of the combined NuCal + CHARM + E137 exclusion as committed by
the seed authors (bounds of arXiv:1904.02091, seed ref. [5]; where they were
digitised from is undocumented).  CL: 90 % as the seed states (not verified
against the source), no rescaling (D12).  The FORESEE outlines
(data/beamdumps_gg_foresee_contours.csv) are converted in the extra table
foresee_contours_cWW as a cross-check only.
Conversion (REFERENCE.md §4.7, D11): g_agg = alpha(0) |C_gg^eff| / (pi f_a),
i.e. |C_gg^eff|/f_a [TeV^-1] = 4.3051e5 g_agg [GeV^-1] with Lambda = 4 pi TeV;
the seed code used Lambda = 1 TeV here (a factor 4 pi lower in c_WW; S4) --
not reproduced.  The model's g_agg is taken from its a -> gamma gamma width,
Gamma = g^2 m_a^3 / (64 pi), so C_gg^eff includes the loop terms (1 - 3e-4
in the cWW benchmark).  Both edges interpolated log-log; the lower edge ends at
0.4978 GeV and is closed onto the tip of the upper one (0.516671 GeV); no limit
below 0.02172 GeV (the digitised region stops there, it is not the physical
end) or above 0.516671 GeV.  cWW benchmark only (seed Sec. 3.2): the bounds
assume B(a -> gamma gamma) ~ 1, true in cWW (>= 0.99), not in cff.]],
  masses = { min = 0.02172, max = TIP_M, n = 200 },
  couplings = { min = 1e-3, max = 1e4, n = 200 },

  prepare = function(ma, data)
    local e = edges(data)
    return { low = e.low(ma), up = e.up(ma) }
  end,

  ratio = function(model, ma, data, band)
    if band.low == huge or band.up == huge or not (band.up > band.low) then return 0 end
    local g = sqrt(64 * pi * model:width(ma, "gammagamma") / (ma * ma * ma))
    if g == 0 then return 0 end
    local r = g / band.low
    local r2 = band.up / g
    return r < r2 and r or r2
  end,

  extra = function(data)
    local e = edges(data)
    -- the seed band in c_WW (D11) at the upper edge's masses
    local band = {}
    for i, m in ipairs(data.upper.columns.ma_GeV) do
      local lo, up = e.low(m), data.upper.columns.g_agg_GeVinv[i]
      if lo ~= huge then band[#band + 1] = { m, lo, up, K_D11 * lo, K_D11 * up } end
    end
    local fs = data.foresee.columns
    local rows = {}
    for i = 1, data.foresee.n do
      rows[i] = { fs.experiment[i], fs.vertex[i], fs.ma_GeV[i], fs.g_agg_GeVinv[i], K_D11 * fs.g_agg_GeVinv[i] }
    end
    return {
      seed_band_cWW = {
        columns = { "ma_GeV", "g_low_GeVinv", "g_up_GeVinv", "cWW_low", "cWW_high" },
        rows = band,
        header = { quantity = "seed beam-dump band (NuCal+CHARM+E137) converted to c_WW(Lambda)/f_a with D11 (C_gg^eff = c_WW)",
                   units = "ma_GeV: GeV; g_*: GeV^-1; cWW_*: TeV^-1 (f_a = 1 TeV, Lambda = 4 pi TeV)",
                   source = "data/beamdumps_gg_seed_{lower,upper}.csv; factor 4.3051e5 of REFERENCE.md D11" },
      },
      foresee_contours_cWW = {
        columns = { "experiment", "vertex", "ma_GeV", "g_agg_GeVinv", "cWW" },
        rows = rows,
        header = { quantity = "FORESEE outlines of the NuCal, CHARM, E137 regions converted to c_WW(Lambda)/f_a with D11 (cross-check only)",
                   units = "ma_GeV: GeV; g_agg_GeVinv: GeV^-1; cWW: TeV^-1 (f_a = 1 TeV, Lambda = 4 pi TeV)",
                   source = "data/beamdumps_gg_foresee_contours.csv (KlingFelix/FORESEE @ 2d6431f); factor 4.3051e5 of REFERENCE.md D11" },
      },
    }
  end,
}
