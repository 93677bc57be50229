-- belle2_knunu_fit: the Belle II B+ -> K+ nu nubar excess (arXiv:2311.14647) read as a
-- two-body signal B+ -> K+ a: the PREFERRED region, where B(B+ -> K+ a) <P_inv> lies in
-- the band of the two-body fit of Altmannshofer et al. (arXiv:2311.14629; issue 18 item 6).
local function edge(col)
  return alp.limit.csv("belle2_knunu_fit.csv", { value = col, mass = "m_X_GeV", cl = 0.6827, zero = true,
                                                 interpolate = { value = "linear" }, outside = { mass = "none" } })
end

return alp.recast {
  name = "belle2_knunu_fit", experiment = "Belle II", signature = "invisible", cl = 0.6827, result = "preferred",
  cite = { "Belle-II:2023esi", "Altmannshofer:2023hkn" },
  process = "B+ -> K+ a, a invisible or decaying outside Belle II (the 2023 B+ -> K+ nu nubar excess)",
  reference = { journal = "PRD 109 (2024) 112006", arxiv = "2311.14647", fit = "arXiv:2311.14629" },
  observable = "BR_low(m_a) <= B(B+ -> K+ a) [(1 - B(a->inv)) <P_inv> + B(a->inv)] <= BR_high(m_a)",
  tags = { "B", "invisible", "Belle II", "excess" }, seed = 1,
  confidence = "C: two-body fit by Altmannshofer et al., tabulated by ALPaca (band CL not stated)",
  acceptance = "event-level geometry",
  limit = alp.limit.band { lower = edge("BR_low"), upper = edge("BR_high") },
  masses = { min = 0.101, max = 2.95, n = 30, log = false }, couplings = { min = 1e-6, max = 1e2, n = 200 },
  parent = "B+", -- D16(b): c/f_a < 1/m_B+
  notes = [[
Band: BR_low..BR_high of the fit (m_X = 0.100-2.960 GeV, linear in m; none outside), read
as +-1 sigma (CL 0.6827) as D13 reads the same authors' BaBar fit -- the file states no CL
(grade C).  At 2 GeV the central value is 8.8e-6 (band 6.3e-6 - 1.14e-5).  Signal (seed
eq. 3.4, D9): <P_inv> = P(no decay inside Belle II's "veto" volume, §5.2), 20 000 B+ -> K+ a
events per mass at SuperKEKB, as belle2_kinv (event-level Monte Carlo).  The fit already
holds Belle II's efficiency in q^2 (it is a fit of B(B+ -> K+ X)), so no eps(m_a) here.
Output: the region is "preferred" (signal inside the band), not excluded.]],
  prepare = function(ma, data, v)
    return alp.acceptance.table { experiment = "belle2", ma = ma, n = v.n_events or 20000, seed = v.seed or 1,
                                  volume = "veto", side = "outside", decay_lengths = { 1e-4, 1e4 }, per_decade = 10 }
  end,
  signal = function(model, ma, p) -- paper eq. (3.4) per B+
    local binv = model:br(ma, "invisible")
    return model:br_b_to_ka(ma) * ((1 - binv) * p.p_at(model:ctau(ma)) + binv)
  end,
}
