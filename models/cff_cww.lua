-- models/cff_cww.lua: both couplings of paper eq. (2.13) at once,
-- c_ff(Lambda) = c_WW(Lambda) = c (f_a = 1 TeV).  B -> K a then goes with
-- c_ff - 0.0016 c_WW (paper eq. 2.7, REFERENCE D3), the decays with both.
return {
  name = "cff_cww",
  label = "c_{ff}(Λ)/f_a = c_{WW}(Λ)/f_a [TeV^{-1}]",
  notes = "c_ff = c_WW = c at Lambda for every fermion, c_BB = c_GG = 0, f_a = 1 TeV: the two "
    .. "benchmarks of paper eq. (2.13) together (production from paper eq. 2.7).",
  citations = { "arXiv:2201.06580 (seed) eqs. (2.7), (2.13)" },
  model = function(c) return alp.model { cff = c, cww = c } end,
}
