-- babar_y3s_mumu: BaBar Upsilon(3S) -> gamma A0, A0 -> mu+ mu- (PRL 103 (2009) 081803 (inferred), arXiv:0905.4539 (inferred))
-- for the prompt ALP of Upsilon(3S) -> gamma a (REFERENCE.md D17).  cite: BaBar:2009lbr
local R_PROMPT = 0.02 -- m: ALPaca's rmin = 2 cm for this search (third-party choice, grade C)
-- Upsilon(3S) boost from ALPaca's 8.6 GeV e- on 3.1 GeV e+ (babar_geometry.csv: GAP, grade C)
local BOOST = alp.experiment.info("babar_y3s").boost -- (8.6 - 3.1) / m_Y(3S) = 0.531
local limit = alp.limit.csv("babar_y3s_mumu.csv", { value = "br_ul", mass = "ma_GeV",
  cl = 0.90, interpolate = { mass = "linear", value = "log" }, outside = { mass = "none" } })

return alp.recast {
  name = "babar_y3s_mumu", experiment = "BaBar", signature = "prompt", cl = 0.90,
  cite = { "BaBar:2009lbr" },
  process = "Upsilon(3S) -> gamma a, a -> mu+ mu- (prompt)",
  reference = { journal = "PRL 103 (2009) 081803 (inferred)", arxiv = "0905.4539 (inferred)", inspire = "BaBar:2009lbr" },
  observable = "B(Y(3S) -> gamma a) B(a -> mumu) P(r < 2 cm) < UL(m_a)",
  tags = { "Upsilon", "mumu", "BaBar" },
  limit = limit,
  signal = function(model, ma) -- D17 (LO) x B(a -> mumu) x P(decay within 2 cm)
    local p = alp.model.v_decay_beyond { parent = "Upsilon(3S)", ma = ma, boost = BOOST,
                                         r = R_PROMPT, ctau = model:ctau(ma) }
    return model:br_v_to_gamma_a("Upsilon(3S)", ma) * model:br(ma, "mumu") * (1 - p)
  end,
  masses = { min = 0.23077, max = 9.2706, n = 200, log = false },
  couplings = { min = 1e-3, max = 1e3, n = 200 },
  parent = "Upsilon(3S)", -- D16(b): c/f_a < 1/m_Y(3S)
  flavour = "V -> gamma a is flavour diagonal (c_QQ, REFERENCE D17): no bound on C_sb or C_ds",
  confidence = "B/C: ALPaca digitisation of BaBar:2009lbr (arXiv:0905.4539 inferred)",
  acceptance = "analytic decay probability",
  notes = [[
Limit: BaBar's 90 % CL UL on B(Y(3S) -> gamma A0) B(A0 -> mumu) vs m, ALPaca's
digitisation (grade B/C: the paper is inferred from the INSPIRE key); ln UL linear in m,
no limit outside the digitised masses.  Signal: D17 at LO (c_bb at 4.18 GeV; no QCD or
relativistic factor, D17 (i): the bound is optimistic by <~ 15 % in c) times the model's
B(a -> mumu) times the probability that the ALP decays within 2 cm of the IP (ALPaca's
prompt radius: the paper's vertex requirement was not read), Y(3S) beta gamma = 0.531
from ALPaca's 8.6/3.1 GeV (the run energies are a GAP).]],
}
