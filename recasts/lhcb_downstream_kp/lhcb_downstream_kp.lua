-- lhcb_downstream_kp: PROJECTION, LHCb with Downstream (D) or T tracks, B+ -> K+ a,
-- a -> mu+mu- or e+e- at a displaced vertex far from the interaction point: the
-- SensCalc sensitivity grids of the ALPaca authors (EPJC 84 (2024) 608 context).
-- Excluded-to-be where B(B+ -> K+ a) B(a -> l+l-) > UL(m_a, tau_a).
-- cite: Gorkavenko:2023nbk
local function grid(file)
  return alp.limit.csv(file, { value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
    interpolate = { mass = "linear", lifetime = "log", value = "log" },
    outside = { mass = "none", short = "none", long = "none" } })
end
local MUMU, EE = { min = 0.2232, max = 4.79, n = 150 }, { min = 0.02, max = 4.79, n = 150 }

return alp.recast {
  name = "lhcb_downstream_kp", experiment = "LHCb", status = "projection", signature = "displaced", cl = 0.90,
  process = "B+ -> K+ a, a -> mu+mu- or e+e- (Downstream or T tracks)",
  reference = { journal = "EPJC 84 (2024) 608", arxiv = "2312.14016", data = "ALPaca v1.1 SensCalc grids" },
  tags = { "B", "LHCb", "displaced", "projection" },
  confidence = "C: SensCalc projection by the ALPaca authors (assumptions undocumented)",
  acceptance = "published lifetime grid",
  variants = {
    mumu_D = { limit = grid("mumu_D.csv"), lepton = "mumu", masses = MUMU },
    mumu_T = { limit = grid("mumu_T.csv"), lepton = "mumu", masses = MUMU },
    ee_D = { limit = grid("ee_D.csv"), lepton = "ee", masses = EE },
    ee_T = { limit = grid("ee_T.csv"), lepton = "ee", masses = EE },
  },
  -- B(B+ -> K+ a) (seed eq. 2.6, D6) times B(a -> l+l-) (D7)
  signal = function(model, ma, _, v) return model:br_b_to_ka(ma) * model:br(ma, v.lepton) end,
  couplings = { min = 1e-7, max = 1e1, n = 200 },
  parent = "B+", -- D16(b)
  notes = [[
Grids (headers of the CSVs here): 201 masses (mumu 0.2232-4.79, ee 0.02-4.79 GeV) x 44-54
lifetimes log-regular in c tau (0.2 dex; 0.05 ps - 3e9 ps); ln UL linear in m and in ln tau
between grid points; nan and outside the grid: no limit.  CL 0.90 is ALPaca's default (not
stated); luminosity and efficiencies of the projection are not documented (grade C).  The
grids already hold the displaced-vertex acceptance at each (m, tau), so the signal is the
ALP's branching-ratio product at its own lifetime.  D and T track types are separate
variants (no combination: their overlap is unknown).]],
}
