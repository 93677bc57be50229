-- recasts/lhcb_kmumu_displaced.lua: LHCb B+ -> K+ chi(mu mu), displaced
-- di-muon vertices (arXiv:1612.07818, Fig. 4), 95 % CL; paper Sec. 3.1 (lower
-- green area of Fig. 3).  Excluded where B(B+ -> K+ a) B(a -> mu mu) > the UL
-- of the (m_a, tau_a) bin: ROOT's FindBin (lo <= x < hi), no interpolation.
local limit = alp.limit.csv("data/lhcb_kmumu_displaced_bins.csv", {
  value = "br_ul", cl = 0.95,
  bins = { mass = { "ma_lo_GeV", "ma_hi_GeV" }, lifetime = { "tau_lo_ps", "tau_hi_ps" } },
  -- the published lifetime range 0.1-1000 ps: the last bin (1000-1258.9 ps) is not used
  select = { tau_hi_ps = function(t) return t <= 1000 end },
})

return alp.recast {
  name       = "lhcb_kmumu_displaced",
  confidence = "A: LHCb's official Fig. 4 macro (arXiv:1612.07818), via the paper repository", acceptance = "published lifetime grid",
  experiment = "LHCb",
  process    = "B+ -> K+ a, a -> mu+ mu- (displaced vertex)",
  reference  = { journal = "PRD 95 (2017) 071101", arxiv = "1612.07818",
                 figure = "Fig. 4 (official bins, LHCb macro B2KX_Fig4.C)" },
  cite       = { "arXiv:1612.07818" }, -- refs.bib: measurement first, then data source
  signature  = "displaced",
  cl         = 0.95,
  observable = "B(B+ -> K+ a) B(a -> mu+ mu-) vs the 95% CL UL in the (m, tau) bin",
  tags       = { "B", "mumu", "LHCb" },
  limit      = limit,
  -- paper 2.6 with D6
  signal     = function(model, ma) return model:br_b_to_ka(ma) * model:br(ma, "mumu") end,
  benchmarks = { "cff", "cWW" },
  masses     = { min = 0.25, max = 4.7, n = 200 },
  couplings  = { min = 1e-5, max = 1e3, n = 200 },
  parent = "B+", -- D16(b): scan up to c/f_a = 1/m_B+ (f_a/c > m_B+)
  notes      = [[
LHCb, arXiv:1612.07818 Fig. 4: 95% CL ULs on B(B+ -> K+ chi) B(chi -> mu mu)
(D12) in 1283 mass x 41 log lifetime bins, the official numbers of LHCb's
macro B2KX_Fig4.C (data header). Signal: B(B+ -> K+ a) (paper 2.6, D6) x B(a -> mu mu). The bin
content holds over its whole bin, as in LHCb's macro and the paper (no
interpolation; near a bin edge up to a factor 1.26 in tau from an
interpolated value). No limit in bins LHCb left empty (K_S, J/psi, psi(2S)
windows, ...) nor outside 0.25-4.7 GeV. Lifetimes: the published
0.1-1000 ps, as the paper greyed points outside 0.1 < tau < 1000 ps: the
histogram's last bin (1000-1258.9 ps) is not used and nothing is
extrapolated below 0.1 ps (large couplings: recast lhcb_kmumu_prompt) nor
above 1000 ps; so at low masses (cff) the band's lower edge is the
tau = 1000 ps line, not the BR limit (the true reach is somewhat lower).
No x1/2 on c_ff (D1).]],
}
