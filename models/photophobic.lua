-- models/photophobic.lua: an ALP coupled to the electroweak gauge bosons with
-- no tree-level photon coupling: c_WW(Lambda) = c, c_BB(Lambda) = -c, so
-- c_gammagamma = c_WW + c_BB = 0 (REFERENCE D17 "c_gammagamma = c_WW + c_BB
-- at tree level"); the photon coupling comes from loops only.
return {
  name = "photophobic",
  label = "c_{WW}(Λ)/f_a = -c_{BB}(Λ)/f_a [TeV^{-1}]",
  notes = "c_WW = c, c_BB = -c at Lambda (c_gammagamma = 0 at tree level), fermion and gluon "
    .. "couplings 0 at Lambda, f_a = 1 TeV: the photophobic ALP of Craig, Hook, Kasko.",
  citations = { "arXiv:1805.06538 (Craig, Hook, Kasko, The photophobic ALP, JHEP 09 (2018) 028)" },
  model = function(c) return alp.model { cww = c, cbb = -c } end,
}
