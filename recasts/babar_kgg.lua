-- recasts/babar_kgg.lua: BaBar B+ -> K+ a, a -> gamma gamma (PRL 128 (2022)
-- 131802, arXiv:2111.01800; paper Sec. 3.2; REFERENCE.md D12, D15).
-- Excluded where B(B+ -> K+ a) B(a -> gamma gamma) / BR_UL(m_a, c tau_a) > 1,
-- BR_UL from the curves at c tau = 1, 10, 100 mm (D15): ln BR_UL linear in m_a
-- along a curve and in ln c tau between curves; c tau < 1 mm: the 1 mm curve;
-- c tau > 100 mm, nan (vetoes) and outside the digitised masses: no limit.
local limit = alp.limit.csv("data/babar_kgg_ul.csv", {
  value = "br_ul", mass = "ma_GeV", lifetime = "ctau_mm", cl = 0.90,
  interpolate = { mass = "linear", lifetime = "log", value = "log" },
  outside = { mass = "none", short = "hold", long = "none" },
})

return alp.recast {
  name = "babar_kgg",
  confidence = "B: digitised by ALPaca from arXiv:2111.01800 (c tau = 1, 10, 100 mm curves)", acceptance = "published lifetime grid",
  experiment = "BaBar",
  process = "B+ -> K+ a, a -> gamma gamma (prompt or displaced up to c tau = 100 mm)",
  reference = { journal = "PRL 128 (2022) 131802", arxiv = "2111.01800",
                digitisation = "ALPaca tutorials (alp-aca/alp-aca @ 3aad5ff), babar_bkphotons_displ_{1,10,100}mm.txt",
                paper = "arXiv:2201.06580 Sec. 3.2" },
  cite      = { "arXiv:2111.01800" }, -- refs.bib: measurement first, then data source
  signature = "displaced",
  cl = 0.90,
  observable = "B(B+ -> K+ a) B(a -> gamma gamma) < BR_UL(m_a, c tau_a)",
  tags = { "B", "photons", "BaBar" },
  limit = limit,
  -- the model's full B(a -> gamma gamma) (loop-induced for cff, paper eq. 2.14)
  signal = function(model, ma) return model:br_b_to_ka(ma) * model:br(ma, "gammagamma") end,
  notes = [[
Data: data/babar_kgg_ul.csv -- BaBar's upper limits on
B(B+ -> K+ a) B(a -> gamma gamma) vs m_a at c tau = 1, 10, 100 mm (PRL 128
(2022) 131802), as digitised in ALPaca's tutorials (third-party; 0.184-2.49
GeV, the paper reaches 4.78 GeV).  CL: 90 % (D12; ALPaca uses 95 %), no
rescaling.
Treatment (REFERENCE.md D15): ln BR_UL linear in m_a along each curve and
linear in ln c tau between the curves; c tau < 1 mm takes the 1 mm curve
(the undocumented prompt curve is not used); c tau > 100 mm: no limit; no
limit above the digitised masses, in the vetoed eta (0.47-0.63 GeV) and
eta' (0.92-1.01 GeV) windows (widened to the neighbouring digitised points)
or where a curve needed has no value.  Signal: the model's full
B(a -> gamma gamma) (loop-induced in the cff benchmark, paper eq. 2.14).]],
  masses = { min = 0.184492, max = 2.49465, n = 200 },
  couplings = { min = 1e-4, max = 1e4, n = 200 },
  parent = "B+", -- D16(b): scan up to c/f_a = 1/m_B+ (f_a/c > m_B+)
  -- paper Sec. 3.4: a prompt ALP (c tau < 1 mm: the 1 mm limit, D15) with B(a -> gamma gamma) = 1
  flavour = { coupling = "csb", production = function(model, ma) return model:br_b_to_ka(ma) end,
              prompt = function(ma) return limit:at(ma, 0) end, decay = "a -> gamma gamma" },
}
