-- e787_kpi_gg: BNL E787 K+ -> pi+ a, a -> gamma gamma at low m_gamma gamma
-- (hep-ex/9708011, ALPaca's grid): limits on B(K+ -> pi+ a) B(a -> gamma
-- gamma) vs m_a and tau_a; excluded where the signal exceeds them.
local limit = alp.limit.csv("e787_kpi_gg.csv", {
  value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
  interpolate = { mass = "linear", lifetime = "log", value = "log" },
  -- below 10 ps the 10 ps limit is held: a shorter lifetime only makes the
  -- decay more prompt, so this is conservative; beyond 1e4 ps no limit
  outside = { mass = "none", short = "hold", long = "none" } })

return alp.recast {
  name = "e787_kpi_gg", experiment = "E787", signature = "prompt", cl = 0.90,
  confidence = "C: ALPaca grid (construction undocumented), attribution to hep-ex/9708011 inferred", acceptance = "published lifetime grid",
  process = "K+ -> pi+ a, a -> gamma gamma (m_a < 0.1 GeV)",
  cite = { "E787:1997abk" }, -- refs.bib: measurement first, then data source
  reference = { journal = "PRL 79 (1997) 4079", arxiv = "hep-ex/9708011" },
  tags = { "K", "E787", "photons" },
  limit = limit,
  -- B(K+ -> pi+ a) (paper eq. 3.7 form, f0^K = 1, D6) times B(a -> gamma gamma)
  signal = function(model, ma) return model:br_k_to_pia(ma) * model:br(ma, "gammagamma") end,
  masses = { min = 5e-3, max = 0.1, n = 100 },
  couplings = { min = 1e-6, max = 1e4, n = 200 },
  parent = "K+", -- D16(b): c/f_a < 1/m_K+
  notes = [[
ALPaca's grid (data header): 200 masses 0-0.1 GeV x tau = 10, 100, 1000,
10000 ps; nan (below 5.5 MeV and a few masses near 0.1 GeV) = no limit.
ln UL linear in m and in ln tau; below 10 ps the 10 ps value is held
(conservative: more prompt decays only add signal); beyond 10000 ps and
above 0.1 GeV no limit.  How ALPaca obtained the lifetime dependence is not
documented; CL 0.90 is ALPaca's, not verified against the paper (grade C).]],
}
