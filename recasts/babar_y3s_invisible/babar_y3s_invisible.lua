-- babar_y3s_invisible: BaBar Upsilon(3S) -> gamma A0, A0 -> invisible (arXiv:0808.0017)
-- for Upsilon(3S) -> gamma a (REFERENCE.md D17), a invisible or decaying outside BaBar.
-- Upsilon(3S) boost: ALPaca's run energies 8.6 GeV e- on 3.1 GeV e+ (babar_geometry.csv:
-- GAP, third-party comment, grade C), beta gamma = (8.6 - 3.1)/m_Y(3S)
local BOOST = alp.experiment.info("babar_y3s").boost -- (8.6 - 3.1) / m_Y(3S) = 0.531
-- Variant emc: D13's BaBar volume "emc_veto" (seen if emitted at 15.8-141.8 deg and decaying
-- at rho < 0.92 m; grade C numbers); long_lifetime (default): decays beyond D18's 100 m
local EMC = alp.detector.babar_y3s():volume("emc_veto")
local limit = alp.limit.csv("babar_y3s_invisible.csv", { value = "br_ul", mass = "ma_GeV",
  cl = 0.90, interpolate = { mass = "linear", value = "log" }, outside = { mass = { low = "hold", high = "none" } } })

return alp.recast {
  name = "babar_y3s_invisible", experiment = "BaBar", signature = "invisible", cl = 0.90,
  cite = { "BaBar:2008aby" },
  process = "Upsilon(3S) -> gamma a, a escapes the detector (or a -> invisible)",
  reference = { arxiv = "0808.0017", inspire = "BaBar:2008aby" },
  observable = "B(Y(3S) -> gamma a) [B(a->inv) + (1 - B(a->inv)) P(escape)] < UL(m_a)",
  tags = { "Upsilon", "invisible", "BaBar" },
  limit = limit,
  variants = { long_lifetime = { default = true }, emc = {} },
  prepare = function(ma, _, v) -- the ALP directions of V -> gamma a (1 + cos^2, boosted)
    if v.name ~= "emc" then return nil end
    local s <close> = alp.sample.v_to_gamma_a { parent = "Upsilon(3S)", ma = ma, boost = BOOST,
                                                n_theta = 2000, n_phi = 1 } -- symmetric about z
    return EMC:paths(s, "outside")
  end,
  signal = function(model, ma, paths) -- D17 (LO, c_bb at 4.18 GeV) times the escape probability
    local b_inv, ct = model:br(ma, "invisible"), model:ctau(ma)
    local p = paths and paths:decay_prob(ct) or alp.model.v_decay_beyond {
      parent = "Upsilon(3S)", ma = ma, boost = BOOST, r = 100, ctau = ct }
    return model:br_v_to_gamma_a("Upsilon(3S)", ma) * (b_inv + (1 - b_inv) * p)
  end,
  masses = { min = 1e-3, max = 7.8, n = 200 },
  couplings = { min = 1e-3, max = 1e3, n = 200 },
  parent = "Upsilon(3S)", -- D16(b): c/f_a < 1/m_Y(3S)
  flavour = "V -> gamma a is flavour diagonal (c_QQ, REFERENCE D17): no bound on C_sb or C_ds",
  confidence = "B/C: ALPaca digitisation of BaBar arXiv:0808.0017 (step curve read at bin centres; CL not verified)",
  acceptance = "analytic decay probability",
  notes = [[
Limit: BaBar's UL on B(Y(3S) -> gamma A0) B(A0 -> inv), ALPaca's digitised step curve
read as points at the bin centres (as ALPaca), ln UL linear in m, the first bin's value
held down to m = 0; CL 0.90 (ALPaca's default) not verified: grade B/C.  Signal: D17 at
LO (no QCD/relativistic factor, D17 (i)) times B(a -> inv) + (1 - B(a -> inv)) P, P =
probability to decay beyond R (1 + cos^2 distribution, Y(3S) beta gamma = 0.531 from
ALPaca's 8.6/3.1 GeV: the run energies are a GAP).  BaBar's EMC dimensions were not read
(grade C), so the default is D18's long-lifetime limit R = 100 m (a lower bound on
<P_a>: conservative).  Variant emc: D13's "emc_veto" volume of alp.detector.babar_y3s()
(rho < 0.92 m within 15.8-141.8 deg, grade C; ALPs outside the window count as
invisible, the ALP's direction standing for its products', as in babar_knunu), over a
2000-node quadrature of the 1 + cos^2 theta* distribution (alp.sample.v_to_gamma_a).]],
}
