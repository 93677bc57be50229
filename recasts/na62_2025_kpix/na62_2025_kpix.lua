-- na62_2025_kpix: NA62 K+ -> pi+ X, X long-lived or invisible, 2016-2022
-- data (arXiv:2507.17286, ALPaca's grid): the current NA62 bound.  The
-- paper's bound (2017 data) stays in na62_kpix; excluded where
-- B(K+ -> pi+ a) > UL(m_a, tau_a) (paper Sec. 3.3, eq. 3.7 form; D6, D12).
local limit = alp.limit.csv("na62_2025_kpix.csv", {
  value = "BR_UL", mass = "m_X_GeV", lifetime = "tau_ps", cl = 0.90,
  interpolate = { mass = "linear", lifetime = "log", value = "log" },
  -- below 100 ps no limit (the grid starts there); beyond 5000 ps linear in
  -- 1/tau to the stable-X curve, NA62's rule as in na62_kpix
  outside = { mass = "none", short = "none", long = "inverse" } })

return alp.recast {
  name = "na62_2025_kpix", experiment = "NA62", signature = "invisible", cl = 0.90,
  confidence = "C: ALPaca grid; arXiv:2507.17286 attribution inferred (PROVENANCE §9)", acceptance = "published lifetime grid",
  process = "K+ -> pi+ a, a long-lived (decays outside NA62) or invisible",
  cite = { "arXiv:2507.17286" }, -- refs.bib: measurement first, then data source
  reference = { journal = "JHEP 11 (2025) 143", arxiv = "2507.17286", hepdata = "10.17182/hepdata.160245" },
  tags = { "K", "invisible", "NA62" },
  limit = limit,
  -- the whole B(K+ -> pi+ a): the decay fraction inside NA62 is in the
  -- lifetime-dependent limits (as na62_kpix); f0^K = 1 (D6)
  signal = function(model, ma) return model:br_k_to_pia(ma) end,
  masses = { min = 1e-3, max = 0.26, n = 200 },
  couplings = { min = 1e-6, max = 1e5, n = 200 },
  parent = "K+", -- D16(b): c/f_a < 1/m_K+
  notes = [[
ALPaca's grid of NA62's 2016-2022 limits (data header): 200 masses 0-0.26
GeV x tau = 100-5000 ps and the stable-X curve (stored by ALPaca at 1e4 ps,
written inf here).  ln UL linear in m and in ln tau; beyond 5 ns linear in
1/tau to the stable-X curve; below 100 ps and where an entry is nan (the
pi0 window 0.106-0.16 GeV) no limit.  CL 0.90 and the attribution to
arXiv:2507.17286 are inferences (grade C).  The paper's Fig. 3 keeps the
2017 bound (na62_kpix).]],
}
