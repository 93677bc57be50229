-- belle2_2023_displaced: Belle II's search for a long-lived spin-0 mediator
-- in b -> s (arXiv:2306.02830, 189 fb^-1): observed limits on
-- B(B -> K(*) S) B(S -> l+l-) vs m_S at fixed c tau (0.001-400 cm), the
-- displaced-vertex acceptance included.  Excluded where the ALP's own product
-- exceeds the limit at its own c tau.
local function curves(file)
  return alp.limit.csv(file, {
    value = "BR_UL_obs", mass = "m_S_GeV", lifetime = "ctau_cm", cl = 0.95,
    interpolate = { mass = "linear", lifetime = "log", value = "log" },
    outside = { mass = "none", short = "none", long = "none" } })
end
local C = alp.constants

return alp.recast {
  name = "belle2_2023_displaced", experiment = "Belle II", signature = "displaced", cl = 0.95,
  confidence = "B: HEPData-style exports of arXiv:2306.02830 via ALPaca (CL C)", acceptance = "published lifetime grid",
  process = "B+ -> K+ a and B0 -> K*0 a, a -> e+e- or mu+mu- at a displaced vertex",
  cite = { "arXiv:2306.02830" }, -- refs.bib: measurement first, then data source
  reference = { journal = "PRD 108 (2023) L111104", arxiv = "2306.02830",
                doi = "10.1103/PhysRevD.108.L111104" },
  tags = { "B", "Belle II", "displaced" },
  variants = {
    kp_ee = { limit = curves("BpKp_ee.csv"), meson = "B+", lepton = "ee", parent = "B+" },
    kp_mumu = { limit = curves("BpKp_mumu.csv"), meson = "B+", lepton = "mumu", parent = "B+" },
    kst_ee = { limit = curves("B0Kst0_ee.csv"), meson = "B0", lepton = "ee", parent = "B0" },
    kst_mumu = { limit = curves("B0Kst0_mumu.csv"), meson = "B0", lepton = "mumu", parent = "B0" },
  },
  -- B(B+ -> K+ a) B(a -> ll) (paper eq. 2.6, D6); B0: B(B0 -> K*0 a) (REFERENCE
  -- 3.1, D14) times B(K*0 -> K+ pi-) = 2/3, as the K*0 limits are quoted
  signal = function(model, ma, prepared, v)
    local bl = model:br(ma, v.lepton)
    if v.meson == "B+" then return model:br_b_to_ka(ma) * bl end
    return model:br_b0_to_kstar0a(ma) * C["BR(K*0->K+pi-)"] * bl
  end,
  masses = { min = 0.025, max = 4.78, n = 200 },
  couplings = { min = 1e-6, max = 1e2, n = 200 },
  notes = [[
Limits: the four observed-limit tables of 2306.02830 (via ALPaca; headers
of the CSVs in this folder), curves at c tau = 0.001-100 cm over 0.025 (ee)
or 0.213 (mumu) to 4.38/4.78 GeV, and the coarser 200 and 400 cm curves
below 0.30 GeV, kept: between two curves ln UL is linear in ln c tau where
both have a value, in m_S linear between tabulated masses.  Outside the
tabulated c tau and masses: no limit (the paper gives none; below 0.001 cm
the vertex is not displaced).  CL 0.95: ALPaca's, not verified in the
paper text.  The spin-0 limits apply to the ALP as they are given per c tau
and the acceptance depends on the decay kinematics only through m and c tau
(isotropic two-body decay of a spin-0 particle).  Hadronic channels (pi pi,
K K) of the paper are not in the source.]],
}
