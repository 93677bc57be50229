-- models/cff_inv50.lua: the c_ff benchmark with an invisible width equal to
-- the visible one at every mass, so B(a -> invisible) = 0.5 and c tau is
-- halved (paper eq. 2.12: Gamma_inv adds to the total width).  Visible
-- searches see B(a -> X)(1 - <P>) with B(a -> X) halved, invisible ones gain
-- B(a -> inv) = 0.5 (paper eqs. 3.3-3.4).
return {
  name = "cff_inv50",
  label = "c_{ff}(Λ)/f_a [TeV^{-1}], B(a→inv) = 0.5",
  notes = "c_ff(Lambda) = c for every fermion, f_a = 1 TeV, and Gamma_inv(m_a) = Gamma_vis(m_a) "
    .. "(mass dependent; per_mass), i.e. B(a -> invisible) = 0.5 at every mass and coupling.",
  citations = { "arXiv:2201.06580 (seed) eqs. (2.12), (3.3), (3.4)" },
  per_mass = true,
  model = function(c, ma)
    local m = alp.model { cff = c }
    return m:with { gamma_inv = m:width(ma) }
  end,
}
