-- lhcb_downstream: PROJECTION, LHCb with Downstream (D) or T tracks: B+ -> K+ a and
-- B0 -> K*0 a, a -> mu+mu- or e+e- decaying far from the interaction point; the
-- SensCalc sensitivity grids of the ALPaca authors (EPJC 84 (2024) 608 context).
-- Excluded-to-be where B(B -> K(*) a) B(a -> l+l-) > UL(m_a, tau_a).
local function grid(file)
  return alp.limit.csv(file, { value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
    interpolate = { mass = "linear", lifetime = "log", value = "log" },
    outside = { mass = "none", short = "none", long = "none" } })
end
-- the grids' mass ranges (CSV headers): mumu from 0.2232, ee from 0.02 GeV; K+ to 4.79, K*0 to 4.38 GeV
local function v(file, meson, lepton)
  local top = meson == "B+" and 4.79 or 4.38
  return { limit = grid(file), meson = meson, lepton = lepton, parent = meson,
           masses = { min = lepton == "mumu" and 0.2232 or 0.02, max = top, n = 150 } }
end

return alp.recast {
  name = "lhcb_downstream", experiment = "LHCb", status = "projection", signature = "displaced", cl = 0.90,
  cite = { "Gorkavenko:2023nbk" },
  confidence = "C: SensCalc projection by the ALPaca authors (assumptions undocumented)",
  acceptance = "published lifetime grid",
  process = "B+ -> K+ a and B0 -> K*0 a, a -> mu+mu- or e+e- (Downstream or T tracks)",
  reference = { journal = "EPJC 84 (2024) 608", arxiv = "2312.14016", data = "ALPaca v1.1 SensCalc grids" },
  tags = { "B", "LHCb", "displaced", "projection" },
  variants = {
    kp_mumu_D = v("kp_mumu_D.csv", "B+", "mumu"), kp_mumu_T = v("kp_mumu_T.csv", "B+", "mumu"),
    kp_ee_D = v("kp_ee_D.csv", "B+", "ee"), kp_ee_T = v("kp_ee_T.csv", "B+", "ee"),
    kst_mumu_D = v("kst_mumu_D.csv", "B0", "mumu"), kst_mumu_T = v("kst_mumu_T.csv", "B0", "mumu"),
    kst_ee_D = v("kst_ee_D.csv", "B0", "ee"), kst_ee_T = v("kst_ee_T.csv", "B0", "ee"),
  },
  -- B(B+ -> K+ a) (paper eq. 2.6, D6) or B(B0 -> K*0 a) (REFERENCE 3.1, D14), times B(a -> l+l-)
  -- (D7); the K*0 grids bound B(B0 -> K*0 a) itself (ALPaca's label), so no B(K*0 -> K+ pi-)
  signal = function(model, ma, _, var)
    local b = var.meson == "B+" and model:br_b_to_ka(ma) or model:br_b0_to_kstar0a(ma)
    return b * model:br(ma, var.lepton)
  end,
  couplings = { min = 1e-7, max = 1e1, n = 200 },
  notes = [[
Grids (headers of the CSVs here): 201 masses (mumu from 0.2232, ee from 0.02 GeV, to 4.79
(K+) or 4.38 GeV (K*0)) x 44-55 lifetimes log-regular in c tau (0.2 dex; 0.03 ps - 3e9 ps);
ln UL linear in m and in ln tau between grid points; nan and outside the grid: no limit.
CL 0.90 is ALPaca's default (not stated); luminosity and efficiencies of the projection are
not documented (grade C).  The grids already hold the displaced-vertex acceptance at each
(m, tau), so the signal is the ALP's branching-ratio product at its own lifetime.  D and T
track types are separate variants (no combination: their overlap is unknown).  That the
K*0 grids exclude B(K*0 -> K+ pi-) is our reading of ALPaca's label, not verified.]],
}
