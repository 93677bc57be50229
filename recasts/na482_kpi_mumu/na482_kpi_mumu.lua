-- na482_kpi_mumu: NA48/2 K+- -> pi+- X, X -> mu+ mu- (arXiv:1612.04723,
-- ALPaca's grid of the published limits vs m_X and tau_X); excluded where
-- B(K+ -> pi+ a) B(a -> mu mu) exceeds them.
local limit = alp.limit.csv("na482_kpi_mumu.csv", {
  value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
  interpolate = { mass = "linear", lifetime = "log", value = "log" },
  -- below 10 ps the 10 ps limit is held (a shorter lifetime only makes
  -- the vertex more prompt: conservative); beyond 1e5 ps no limit
  outside = { mass = "none", short = "hold", long = "none" } })

return alp.recast {
  name = "na482_kpi_mumu", experiment = "NA48/2", signature = "displaced", cl = 0.90,
  confidence = "B/C: ALPaca grid (construction undocumented) of NA48/2 arXiv:1612.04723", acceptance = "published lifetime grid",
  process = "K+ -> pi+ a, a -> mu+ mu- (prompt or displaced)",
  cite = { "arXiv:1612.04723" }, -- refs.bib: measurement first, then data source
  reference = { journal = "PLB 769 (2017) 67", arxiv = "1612.04723" },
  tags = { "K", "NA48/2", "mumu" },
  limit = limit,
  -- B(K+ -> pi+ a) (paper eq. 3.7 form, f0^K = 1, D6) times B(a -> mu mu);
  -- the published limits hold NA48/2's acceptance vs tau (not in shared/)
  signal = function(model, ma) return model:br_k_to_pia(ma) * model:br(ma, "mumu") end,
  masses = { min = 0.212, max = 0.354, n = 100 },
  couplings = { min = 1e-6, max = 1e4, n = 200 },
  parent = "K+", -- D16(b): c/f_a < 1/m_K+
  notes = [[
ALPaca's grid (data header): 100 masses 0.2-0.36 GeV x tau = 10, 100, 1000,
1e4, 1e5 ps; nan (below 2 m_mu and above m_K - m_pi) = no limit.  ln UL
linear in m and in ln tau; below 10 ps the 10 ps value held (conservative);
beyond 1e5 ps no limit.  NA48/2's acceptance is not in shared/: the limits
are used as published vs lifetime, no acceptance recomputed.  CL 0.90 is
ALPaca's default, not verified (the abstract's 90 % is for its LNV limit);
the grid's construction is undocumented (grade B/C).]],
}
