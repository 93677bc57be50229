-- na62_dump_kmumu: PROJECTION, NA62 run in beam-dump mode, B -> K a(mu mu), from
-- Doebrich, Ertas, Kahlhoefer, Spadaro (arXiv:1810.11336), 95 % CL; the companion of
-- charm_kmumu (same paper, same treatment).  Excluded-to-be where
-- B(B+ -> K+ a) B(a -> mu mu) > UL(m_a, tau_a).

-- the digitised curves, as charm_kmumu: along each curve ln UL linear in ln tau; between
-- masses at the same tau/m_a (same lab decay length at a given ALP momentum)
local curves = alp.limit.csv("na62_dump_kmumu.csv", { value = "BR_UL", mass = "m_a_GeV", lifetime = "tau_ps", cl = 0.95,
  curves = "mass", same_decay_length = true, outside = { mass = "none" },
  interpolate = { mass = "log", lifetime = "log", value = "log" } })
-- ALPaca's grid of the same curves, only rows inside each curve's digitised tau range
local grid = alp.limit.csv("na62_dump_kmumu_alpaca_grid.csv", { value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps",
  cl = 0.95, curves = "mass", select = { outside_digitised_tau_range = 0 }, outside = { mass = "none" },
  interpolate = { mass = "log", lifetime = "log", value = "log" } })

return alp.recast {
  name = "na62_dump_kmumu", experiment = "NA62 (dump)", status = "projection", signature = "displaced", cl = 0.95,
  cite = { "Dobrich:2018jyi" },
  process = "B -> K a, a -> mu+ mu- (NA62 in beam-dump mode, 400 GeV protons)",
  reference = { journal = "PLB 790 (2019) 537", arxiv = "1810.11336" },
  tags = { "B", "mumu", "beam dump", "projection" },
  confidence = "B: projection digitised by ALPaca from arXiv:1810.11336",
  acceptance = "published lifetime grid",
  limit = curves,
  variants = { curves = { default = true }, alpaca_grid = { limit = grid } },
  signal = function(model, ma) return model:br_b_to_ka(ma) * model:br(ma, "mumu") end, -- paper 2.6, D6
  masses = { min = 0.3, max = 2.4, n = 100 }, couplings = { min = 1e-7, max = 1e-1, n = 200 },
  parent = "B+", -- D16(b)
  notes = [[
Projection of the paper (its NA62 beam-dump curve; luminosity as assumed there).  CL 0.95
(ALPaca's; not verified).  B(B+ -> K+ a) for the common B(B -> K a), as charm_kmumu (whose
notes explain the same-decay-length interpolation).  Default: the digitised curves (0.3 GeV:
41.5 ps - 1e6 ps; 0.6: 88.2-1e6; 1.2: 187-1e6; 2.4: 556-1e6 ps), no limit outside them or
outside 0.3-2.4 GeV.  Variant alpaca_grid: ALPaca's interpolation of those curves, only the
rows inside each curve's digitised range (outside_digitised_tau_range = 0), interpolated
at fixed tau.  Both benchmarks are scanned; for cWW the muon coupling is loop-induced.]],
}
