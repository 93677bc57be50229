-- recasts/beamdumps_gg.lua: proper beam dumps NuCal, CHARM, E137, ALP -> gamma gamma (seed
-- Sec. 3.2; REFERENCE.md §4.7, D11, D12, S4).  A band, not an upper limit, hence ratio:
--   excluded where g_low(m_a) < g_agg < g_up(m_a): ratio = min(g_agg / g_low, g_up / g_agg),
--   g_agg = sqrt(64 pi Gamma(a -> gamma gamma) / m_a^3) = alpha(0) |C_gg^eff| / (pi f_a)  (§4.7, D11)
-- g_low, g_up: the paper authors' digitised edges (curves in g vs m_a).
local K_D11 = 4.3051e5 -- |C_gg^eff|/f_a [TeV^-1] per g_agg [GeV^-1] at Lambda = 4 pi TeV (D11), extra tables only

-- The edges: ln g linear in ln m_a, none outside; the lower edge (ends at 0.4978 GeV) is
-- closed onto the upper edge's last point, the tip of the region (0.516671 GeV).
local function edges(data)
  local lo, up, opt = data.lower.columns, data.upper.columns, { x = "log", y = "log" }
  local m, g = { table.unpack(lo.ma_GeV) }, { table.unpack(lo.g_agg_GeVinv) }
  m[#m + 1], g[#g + 1] = up.ma_GeV[#up.ma_GeV], up.g_agg_GeVinv[#up.g_agg_GeVinv]
  return alp.interp.curve(m, g, opt), alp.interp.curve(up.ma_GeV, up.g_agg_GeVinv, opt)
end

return alp.recast {
  name = "beamdumps_gg", experiment = "NuCal, CHARM, E137", signature = "displaced", cl = 0.90,
  confidence = "C: FORESEE and paper-repository contours, digitisation source undocumented", acceptance = "published contour",
  process = "p N -> a X (Primakoff, bremsstrahlung photons), a -> gamma gamma behind a shield",
  cite = { "arXiv:1904.02091", "journal:ZPC.51.341", "journal:PLB.157.458", "journal:PRD.38.3375" }, -- refs.bib: measurement first, then data source
  reference = { combination = "Dobrich et al., arXiv:1904.02091 (paper ref. [5])",
                nucal = "Blumlein et al., Z. Phys. C 51 (1991) 341 (paper ref. [52])",
                charm = "CHARM, Phys. Lett. B 157 (1985) 458 (paper ref. [53])",
                e137 = "Bjorken et al., PRD 38 (1988) 3375 (paper ref. [54])", paper = "arXiv:2201.06580 Sec. 3.2" },
  observable = "g_low(m_a) < g_agg = alpha(0) |C_gg^eff| / (pi f_a) < g_up(m_a)",
  data = { upper = "data/beamdumps_gg_seed_upper.csv", lower = "data/beamdumps_gg_seed_lower.csv",
           foresee = "data/beamdumps_gg_foresee_contours.csv" },
  tags = { "beam dump", "photons" },
  -- the published band is for an ALP decaying to photons only: its lifetime and
  -- rate are those of Gamma(a -> gamma gamma).  B >= 0.95 (cWW: >= 0.989 here, the
  -- e+e- loop channel) keeps the rate within 5 %; cff (B(gamma gamma) ~ 1e-3) is refused
  assumes = { br_min = { gammagamma = 0.95 },
              why = "the beam-dump band (paper Sec. 3.2) holds for an ALP decaying to two photons only" },
  masses = { min = 0.02172, max = 0.516671, n = 200 }, -- the upper edge's range
  couplings = { min = 1e-3, max = 1e4, n = 200 },
  parent = "none", -- D16(b): the published contours close by themselves (no EFT bound)
  notes = [[
Edges: data/beamdumps_gg_seed_upper.csv and _lower.csv, the combined NuCal + CHARM + E137
exclusion as committed by the paper authors (bounds of arXiv:1904.02091, paper ref. [5];
digitisation source undocumented); 90 % CL as the paper states (not verified), no rescaling
(D12); log-log; no limit below 0.02172 GeV (where the digitised region stops, not a physical
end) or above the tip. g_agg from the model's a -> gamma gamma width (C_gg^eff with its loop
terms, 1 - 3e-4 in cWW) at Lambda = 4 pi TeV, not the paper code's 1 TeV (4 pi lower in c_WW;
S4). Only for models with B(a -> gamma gamma) >= 0.95 over the band (field assumes; cWW:
>= 0.989 below 0.52 GeV), not cff. The FORESEE outlines (data/beamdumps_gg_foresee_contours.csv) are converted with
4.3051e5 (D11) in the extra table foresee_contours_cWW as a cross-check only.]],

  prepare = function(ma, data)
    local low, up = edges(data)
    return { low = low:at(ma), up = up:at(ma) }
  end,
  ratio = function(model, ma, data, band)
    if not (band.low and band.up and band.up > band.low) then return 0 end
    local g = math.sqrt(64 * math.pi * model:width(ma, "gammagamma") / ma ^ 3) -- §4.7
    return math.min(g / band.low, band.up / g)
  end,

  extra = function(data)
    local low, band, rows, up, fs = edges(data), {}, {}, data.upper.columns, data.foresee.columns
    for i, m in ipairs(up.ma_GeV) do
      local lo, hi = low:at(m), up.g_agg_GeVinv[i]
      if lo then band[#band + 1] = { m, lo, hi, K_D11 * lo, K_D11 * hi } end
    end
    for i, g in ipairs(fs.g_agg_GeVinv) do rows[i] = { fs.experiment[i], fs.vertex[i], fs.ma_GeV[i], g, K_D11 * g } end
    return {
      seed_band_cWW = { columns = { "ma_GeV", "g_low_GeVinv", "g_up_GeVinv", "cWW_low", "cWW_high" }, rows = band,
        header = { quantity = "the paper's beam-dump band (NuCal+CHARM+E137) converted to c_WW(Lambda)/f_a with D11 (C_gg^eff = c_WW)",
                   units = "ma_GeV: GeV; g_*: GeV^-1; cWW_*: TeV^-1 (f_a = 1 TeV, Lambda = 4 pi TeV)",
                   source = "data/beamdumps_gg_seed_{lower,upper}.csv; factor 4.3051e5 of REFERENCE.md D11" } },
      foresee_contours_cWW = { columns = { "experiment", "vertex", "ma_GeV", "g_agg_GeVinv", "cWW" }, rows = rows,
        header = { quantity = "FORESEE outlines of the NuCal, CHARM, E137 regions converted to c_WW(Lambda)/f_a with D11 (cross-check only)",
                   units = "ma_GeV: GeV; g_agg_GeVinv: GeV^-1; cWW: TeV^-1 (f_a = 1 TeV, Lambda = 4 pi TeV)",
                   source = "data/beamdumps_gg_foresee_contours.csv (KlingFelix/FORESEE @ 2d6431f); factor 4.3051e5 of REFERENCE.md D11" } },
    }
  end,
}
