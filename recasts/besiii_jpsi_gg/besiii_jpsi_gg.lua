-- besiii_jpsi_gg: BESIII J/psi -> gamma a, a -> gamma gamma (INSPIRE BESIII:2024hdv,
-- probably arXiv:2404.04640) for the prompt ALP of REFERENCE.md D17.  cite: BESIII:2024hdv
local R_PROMPT = 1e-3 -- m: ALPaca's rmin = 0.1 cm for BESIII (besiii_geometry.csv; third party, C)
local BOOST = alp.experiment.info("besiii").boost -- J/psi beta*gamma from the 22 mrad crossing (0.011, C)
local limit = alp.limit.csv("besiii_jpsi_gg.csv", { value = "br_ul", mass = "ma_GeV",
  cl = 0.90, interpolate = { mass = "linear", value = "log" }, outside = { mass = "none" } })

return alp.recast {
  name = "besiii_jpsi_gg", experiment = "BESIII", signature = "prompt", cl = 0.90,
  cite = { "BESIII:2024hdv" },
  process = "J/psi -> gamma a, a -> gamma gamma (prompt)",
  reference = { arxiv = "2404.04640 (inferred)", inspire = "BESIII:2024hdv" },
  observable = "B(J/psi -> gamma a) B(a -> gamma gamma) P(r < 1 mm) < UL(m_a)",
  tags = { "J/psi", "photons", "BESIII" },
  limit = limit,
  signal = function(model, ma) -- D17 (lattice F~) x B(a -> gamma gamma) x P(decay within 1 mm)
    local p = alp.model.v_decay_beyond { parent = "J/psi", ma = ma, boost = BOOST, r = R_PROMPT,
                                         ctau = model:ctau(ma) }
    return model:br_v_to_gamma_a("J/psi", ma) * model:br(ma, "gammagamma") * (1 - p)
  end,
  masses = { min = 0.18457, max = 2.8473, n = 200, log = false },
  couplings = { min = 1e-3, max = 1e3, n = 200 },
  parent = "J/psi", -- D16(b): c/f_a < 1/m_J/psi
  flavour = "V -> gamma a is flavour diagonal (c_QQ, REFERENCE D17): no bound on C_sb or C_ds",
  confidence = "C: ALPaca digitisation of BESIII:2024hdv (arXiv:2404.04640 inferred; CL not verified)",
  acceptance = "analytic decay probability",
  notes = [[
Limit: UL on B(J/psi -> gamma a) B(a -> gamma gamma), 0.185-2.85 GeV, ALPaca's
digitisation; attribution to arXiv:2404.04640 and the CL (ALPaca's 0.90; BESIII's
earlier 2211.12699 quotes 95 %) are NOT verified: grade C.  nan = the eta and eta'
windows (0.497-0.611, 0.885-1.024 GeV): no limit.  Signal: D17 with HPQCD's F~ times
the model's B(a -> gamma gamma) times the probability to decay within 1 mm of the IP
(ALPaca's prompt radius rmin = 0.1 cm: a third-party choice, the paper's vertex
requirement was not read).  c_WW benchmark: the c_gamgam term's sign is ALPaca's (D17 (v))
and the non-resonant e+e- -> gamma a on the peak is not included (D17 (iv): conservative).]],
}
