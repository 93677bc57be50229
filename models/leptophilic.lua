-- models/leptophilic.lua: an ALP coupled to leptons only.
-- c = c_ee(Lambda)/f_a = c_mumu(Lambda)/f_a = c_tautau(Lambda)/f_a [TeV^-1]
-- (axial couplings c_R - c_L, REFERENCE D1), every quark and gauge coupling 0
-- at Lambda = 4 pi f_a, f_a = 1 TeV.  B -> K a and K -> pi a then arise only
-- through the running (REFERENCE §2.1-2.3), so meson decays probe it weakly.
return {
  name = "leptophilic",
  label = "c_{ℓℓ}(Λ)/f_a [TeV^{-1}]",
  notes = "Lepton-flavour-universal axial coupling c_ee = c_mumu = c_tautau = c at Lambda, "
    .. "all quark and gauge couplings 0 at Lambda, f_a = 1 TeV; quark and flavour-changing "
    .. "couplings only from the RG running of paper Sec. 2 (BNRST, REFERENCE §2).",
  citations = { "arXiv:2201.06580 (seed) Sec. 2, eq. (2.1)", "arXiv:2012.12272 (BNRST, the running)" },
  model = function(c) return alp.model { cf = { e = c, mu = c, tau = c } } end,
}
