-- recasts/belle2_kinv.lua: the paper's Belle II projection, B+ -> K+ a with missing
-- energy (arXiv:2201.06580 Sec. 4; REFERENCE.md D9, §6, §7).  The limit is computed:
--   signal = B(B+ -> K+ a) [B(a -> vis) <P_a> + B(a -> inv)]          (paper 3.4, D9)
--   limit  = N_UL / (N_B+- eps(m_a)), N_B+- = 2 sigma(B+B-) L           (paper 4.2, D9)
-- prepare: the alp.acceptance.table of <P_a> (p_at(ctau), p0, ...; fig10.lua reads it).
local CL = 0.90
-- eps(m_a) = n_signal_after / n_generated (Table 1), linear in m_a, held below 5 MeV, 0 above 3 GeV (D9)
local function efficiency(data, ma)
  local t, eps = data.table1.columns, {}
  for i, n in ipairs(t.n_signal_after) do eps[i] = n / t.n_generated[i] end
  return alp.interp.curve(t.ma_GeV, eps):at(math.max(ma, t.ma_GeV[1])) or 0
end

-- N_B+-; background N_B = sum_p n_after sigma_p L / n_generated (§7), 0 for a
-- zero-background variant; N_UL = expected 90 % CL Poisson limit, n = round(N_B) (§6)
local function counts(data, v)
  local L, b, nb = alp.units.quantity({ v.lumi, "ab^-1" }, "luminosity", "lumi"), data.background.columns, 0
  for i, n in ipairs(b.n_after_selection) do nb = nb + n * b.sigma_nb[i] * L / b.n_generated[i] end
  if v.zero_background then nb = 0 end
  return alp.experiment.mesons("belle2", "B+B-", { v.lumi, "ab^-1" }), nb, alp.stats.expected_upper(nb, CL)
end

local VARIANTS = { ["0p5ab"] = { lumi = 0.5 }, ["50ab"] = { lumi = 50 },
                   ["50ab_0bg"] = { lumi = 50, zero_background = true } }

return alp.recast {
  name = "belle2_kinv", experiment = "Belle II", status = "projection", signature = "invisible", cl = CL,
  confidence = "A: the paper's Table 1 and background counts (arXiv:2201.06580 Sec. 4)", acceptance = "event-level geometry",
  process = "B+ -> K+ a, a -> invisible (missing energy) or decaying outside the detector",
  cite = { "arXiv:2201.06580" }, -- refs.bib: measurement first, then data source
  reference = { arxiv = "2201.06580", section = "Sec. 4, Table 1, Figs. 10-11" },
  observable = "B(B+ -> K+ a) [B(a -> vis) <P_a> + B(a -> inv)] < N_UL / (2 sigma(B+B-) L eps(m_a))",
  tags = { "B", "Belle II", "projection", "paper" }, variants = VARIANTS, seed = 1,
  data = { table1 = "data/belle2_kinv_signal_table1.csv", background = "data/belle2_kinv_background.csv" },
  masses = { min = 1e-3, max = 4.78, n = 200 }, couplings = { min = 1e-7, max = 1e2, n = 200 },
  parent = "B+", -- D16(b): scan up to c/f_a = 1/m_B+ (f_a/c > m_B+)
  flavour = "not translated: a projection (paper Sec. 3.4 translates the existing bounds); for an invisible "
            .. "ALP production and decay decouple here too, as for BaBar K nu nu",
  notes = [[
D9: tag side fully reconstructed; eps(m_a) from paper Table 1 only. N_B+- from the experiment
table (0.54 nb; 5.4e10 at 50 ab^-1). Background 39 B+B- + 28 B0B0bar of 10 M each (1767 at
0.5 ab^-1, 176 700 at 50; tau tau and continuum 0, which the paper says may underestimate them):
N_UL = 55.1, 539.9 events; 50ab_0bg: 2.303. <P_a> = P(no decay inside the "veto" volume of
alp.detector.belle2(), §5.2) from 100 000 events per mass (seed 1), 10 per decade in c tau over
lab decay lengths 0.1 mm - 10 km, monotone cubic in ln P vs ln c tau (< 1e-3 vs the Monte
Carlo), exact limits beyond. Check: stable ALP, eps = 0.10, 50 ab^-1 -> B < 1.00e-7 (§7).]],
  prepare = function(ma, data, v)
    return alp.acceptance.table { experiment = "belle2", ma = ma, n = v.n_events or 100000, seed = v.seed or 1,
                                  volume = "veto", side = "outside", decay_lengths = { 1e-4, 1e4 }, per_decade = 10 }
  end,
  signal = function(model, ma, p)
    local binv = model:br(ma, "invisible")
    return model:br_b_to_ka(ma) * ((1 - binv) * p.p_at(model:ctau(ma)) + binv)
  end,
  limit = function(ma, data, p, v)
    local eps, nbpm, _, nul = efficiency(data, ma), counts(data, v)
    return eps > 0 and nul / (nbpm * eps) or math.huge
  end,
  extra = function(data)
    local rows, eff = {}, {}
    for _, k in ipairs { "0p5ab", "50ab", "50ab_0bg" } do
      local v = VARIANTS[k]; local nbpm, nb, nul, nobs = counts(data, v)
      rows[#rows + 1] = { k, v.lumi, nbpm, nb, nobs, nul, nul / (nbpm * 0.10), nul / (nbpm * efficiency(data, 0.005)) }
    end
    for i = 0, 60 do eff[#eff + 1] = { i * 0.05, efficiency(data, i * 0.05) } end
    return {
      p_errors = alp.acceptance.error_table(), -- <P_a> Monte Carlo errors per mass
      counts = { columns = { "variant", "lumi_abinv", "n_bpm", "n_background", "n_assumed_observed",
                             "n_signal_ul", "br_ul_stable_eps0p10", "br_ul_stable_eps_5MeV" }, rows = rows,
        header = { quantity = "event counts and limits of the Belle II invisible projection per variant: N_B+- = 2 sigma(B+B-) L, "
            .. "background N_B after selection, n = nearest integer to N_B, expected 90% CL signal limit N_UL (paper Sec. 4.3), "
            .. "and B(B+ -> K+ a) limits for a stable ALP (<P_a> = 1) with eps = 0.10 and eps(5 MeV) = 0.1091",
          units = "lumi_abinv: ab^-1; counts: events; br_ul_*: dimensionless",
          reference = "arXiv:2201.06580 Sec. 4.3; REFERENCE.md §7 (1.00e-7 at 50 ab^-1, eps = 0.10)" } },
      efficiency = { columns = { "ma_GeV", "eps" }, rows = eff,
        header = { quantity = "selection efficiency eps(m_a) used (paper Table 1, linear between its masses, D9)",
                   units = "ma_GeV: GeV; eps: dimensionless", reference = "arXiv:2201.06580 Table 1" } },
    }
  end,
}
