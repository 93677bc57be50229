-- besiii_jpsi_invisible: BESIII J/psi -> gamma + invisible (PRD 101 (2020) 112005,
-- arXiv:2003.05594) for J/psi -> gamma a (REFERENCE.md D17), a invisible or decaying
-- outside BESIII.  cite: BESIII:2020sdo
-- Geometry (../shared/data/detector_geometry/besiii_geometry.csv): no BESIII dimension
-- could be read (GAPs), so the long-lifetime limit of D18: the ALP counts only where it
-- decays beyond R_LL = 100 m (certainly outside), a lower bound on <P_a>.
local R_LL = 100     -- m, D18's long-lifetime length
-- J/psi beta*gamma = sin(11 mrad) = 0.011 from the 22 mrad crossing (experiment table "besiii":
-- csv B; derived C)
local BOOST = alp.experiment.info("besiii").boost
local limit = alp.limit.csv("besiii_jpsi_invisible.csv", { value = "br_ul", mass = "ma_GeV",
  cl = 0.90, interpolate = { mass = "linear", value = "log" }, outside = { mass = "none" } })

return alp.recast {
  name = "besiii_jpsi_invisible", experiment = "BESIII", signature = "invisible", cl = 0.90,
  cite = { "BESIII:2020sdo" },
  process = "J/psi -> gamma a, a escapes the detector (or a -> invisible)",
  reference = { journal = "PRD 101 (2020) 112005", arxiv = "2003.05594", inspire = "BESIII:2020sdo" },
  observable = "B(J/psi -> gamma a) [B(a->inv) + (1 - B(a->inv)) P(r > 100 m)] < UL(m_a)",
  tags = { "J/psi", "invisible", "BESIII" },
  limit = limit,
  signal = function(model, ma) -- D17 (lattice F~) times the escape probability (D8)
    local b_inv = model:br(ma, "invisible")
    local p = alp.model.v_decay_beyond { parent = "J/psi", ma = ma, boost = BOOST, r = R_LL,
                                         ctau = model:ctau(ma) }
    return model:br_v_to_gamma_a("J/psi", ma) * (b_inv + (1 - b_inv) * p)
  end,
  masses = { min = 1e-3, max = 1.2, n = 100 },
  couplings = { min = 1e-3, max = 1e3, n = 200 },
  parent = "J/psi", -- D16(b): c/f_a < 1/m_J/psi
  flavour = "V -> gamma a is flavour diagonal (c_QQ, REFERENCE D17): no bound on C_sb or C_ds",
  confidence = "B: ALPaca digitisation of BESIII arXiv:2003.05594 (90% CL and 7.0e-7 at m = 0 checked against the abstract)",
  acceptance = "analytic decay probability",
  notes = [[
Limit: BESIII's 90 % CL UL on B(J/psi -> gamma X) B(X -> inv), 0-1.2 GeV, as digitised
by ALPaca (grade B; 7.0e-7 at m = 0 checked against the abstract); ln UL linear in m.
Signal: B(J/psi -> gamma a) of D17 with HPQCD's F~ (c_cc at 1.28 GeV) times B(a -> inv)
+ (1 - B(a -> inv)) P, P = probability that the ALP decays beyond 100 m (1 + cos^2
distribution, beta gamma = 0.011): BESIII's MDC/EMC dimensions and cos(theta) windows
were not read (besiii_geometry.csv GAPs; recalled values are grade C), so D18's
long-lifetime limit is used.  This is a lower bound on the true <P_a>: the limit is
conservative (weaker) where the ALP decays within a few hundred metres.]],
}
