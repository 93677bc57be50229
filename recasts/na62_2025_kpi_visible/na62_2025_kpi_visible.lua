-- na62_2025_kpi_visible: NA62's K+ -> pi+ X searches with a visible X
-- (X -> gamma gamma, X -> mu mu; arXiv:2507.17286 and earlier NA62 papers, as
-- combined by ALPaca): limits on B(K+ -> pi+ a) B(a -> f) vs m_a and tau_a.
local function grid(file)
  return alp.limit.csv(file, {
    value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
    -- the grid starts at tau = 0 (prompt): linear in tau, ln UL linear in m
    interpolate = { mass = "linear", lifetime = "linear", value = "log" },
    outside = { mass = "none", short = "none", long = "none" } })
end

return alp.recast {
  name = "na62_2025_kpi_visible", experiment = "NA62", signature = "displaced", cl = 0.90,
  confidence = "C: ALPaca grids, inputs undocumented, attribution inferred", acceptance = "published lifetime grid",
  process = "K+ -> pi+ a, a -> gamma gamma or mu+ mu- (prompt or displaced)",
  cite = { "arXiv:2507.17286" }, -- refs.bib: measurement first, then data source
  reference = { journal = "JHEP 11 (2025) 143", arxiv = "2507.17286" },
  tags = { "K", "NA62", "photons", "mumu" },
  variants = {
    gg = { limit = grid("gg.csv"), channel = "gammagamma" },
    mumu = { limit = grid("mumu.csv"), channel = "mumu" },
  },
  -- B(K+ -> pi+ a) (paper eq. 3.7 form, D6) times the visible channel
  signal = function(model, ma, prepared, v) return model:br_k_to_pia(ma) * model:br(ma, v.channel) end,
  masses = { min = 0.215, max = 0.35, n = 100 },
  couplings = { min = 1e-6, max = 1e4, n = 200 },
  parent = "K+", -- D16(b): c/f_a < 1/m_K+
  notes = [[
Limits: ALPaca's grids (data headers), gamma gamma 0.215-0.35 GeV at tau =
0 (prompt), 100, 200, 500, 1000, 2000 ps; mu mu 0.215-0.327 GeV at 0, 1e2,
1e3, 1e4, 1e5 ps.  Between lifetimes linear in tau (the grid holds tau = 0,
where ln tau is undefined); beyond the last lifetime and outside the masses
no limit.  CL 0.90 (ALPaca's default), attribution and CL not verified:
grade C.]],
}
