-- babar_belle2_knunu_fit: BaBar (arXiv:1303.7465) + Belle II (arXiv:2311.14647) B+ -> K+ nu
-- nubar, combined, read as a two-body signal B+ -> K+ a: the PREFERRED region, where
-- B(B+ -> K+ a) <P_inv> lies in the band of the combined fit of Altmannshofer et al.
-- (arXiv:2311.14629; issue 18 item 6).  <P_inv> with Belle II's geometry.
local function edge(col)
  return alp.limit.csv("babar_belle2_knunu_fit.csv", { value = col, mass = "mX_GeV", cl = 0.6827, zero = true,
                                                 interpolate = { value = "linear" }, outside = { mass = "none" } })
end

return alp.recast {
  name = "babar_belle2_knunu_fit", experiment = "BaBar + Belle II", signature = "invisible", cl = 0.6827, result = "preferred",
  cite = { "Belle-II:2023esi", "Lees:2013kla", "Altmannshofer:2023hkn" },
  process = "B+ -> K+ a, a invisible or decaying outside Belle II (combined B+ -> K+ nu nubar fit)",
  reference = { arxiv = "2311.14647", babar = "arXiv:1303.7465", fit = "arXiv:2311.14629" },
  observable = "BR_low(m_a) <= B(B+ -> K+ a) [(1 - B(a->inv)) <P_inv> + B(a->inv)] <= BR_high(m_a)",
  tags = { "B", "invisible", "BaBar", "Belle II", "excess" }, seed = 1,
  confidence = "C: combined two-body fit by Altmannshofer et al., tabulated by ALPaca (unused there; band CL not stated)",
  acceptance = "event-level geometry",
  limit = alp.limit.band { lower = edge("br_band_low"), upper = edge("br_band_high") },
  masses = { min = 0.102, max = 2.93, n = 30, log = false }, couplings = { min = 1e-6, max = 1e2, n = 200 },
  parent = "B+", -- D16(b): c/f_a < 1/m_B+
  notes = [[
Band: br_band_low..br_band_high of the fit (m_X = 0.102-2.937 GeV, linear in m; none
outside; the lower edge is 0 at the highest masses), read as +-1 sigma (CL 0.6827) as D13
reads the same authors' BaBar fit -- the source states no CL (grade C).  At 2 GeV the
central value is 5.0e-6 (band 2.9e-6 - 7.2e-6).  Both experiments' data are in the fit;
<P_inv> is Belle II's (the data that drive the excess; BaBar's, babar_knunu, differs).  Signal (seed
eq. 3.4, D9): <P_inv> = P(no decay inside Belle II's "veto" volume, §5.2), 20 000 B+ -> K+ a
events per mass at SuperKEKB, as belle2_kinv (event-level Monte Carlo).  The fit already
holds Belle II's efficiency in q^2 (it is a fit of B(B+ -> K+ X)), so no eps.
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
