-- belle_y1s_invisible: Belle Upsilon(1S) -> gamma A0, A0 -> invisible, the Y(1S) tagged
-- in Y(2S) -> pi+ pi- Y(1S) (PRL 122 (2019) 011801, arXiv:1809.05222), for
-- Upsilon(1S) -> gamma a (REFERENCE.md D17).  cite: Belle:2018pzt
-- Geometry: Belle NIM A479 117, Table 1 (detector_geometry/belle_geometry.csv, grade A):
-- ECL barrel outer radius 1.62 m, forward endcap at z = +1.96 m, backward at -1.02 m.
-- Variant ecl (default): seen if decaying inside that cylinder; long_lifetime: D18's 100 m.
local ECL = alp.detector.belle():volume("ecl") -- experiment table "belle"
-- KEKB beta gamma at the Y(4S) (csv: B); the Y(2S)-run energies are a GAP
local BOOST = alp.experiment.info("belle").boost -- 0.425
local limit = alp.limit.csv("belle_y1s_invisible.csv", { value = "br_ul", mass = "ma_GeV",
  cl = 0.90, interpolate = { mass = "linear", value = "log" }, outside = { mass = { low = "hold", high = "none" } } })

return alp.recast {
  name = "belle_y1s_invisible", experiment = "Belle", signature = "invisible", cl = 0.90,
  cite = { "Belle:2018pzt" },
  process = "Upsilon(1S) -> gamma a, a escapes the detector (or a -> invisible)",
  reference = { journal = "PRL 122 (2019) 011801", arxiv = "1809.05222", inspire = "Belle:2018pzt" },
  observable = "B(Y(1S) -> gamma a) [B(a->inv) + (1 - B(a->inv)) P(outside the ECL)] < UL(m_a)",
  tags = { "Upsilon", "invisible", "Belle" },
  limit = limit,
  variants = { ecl = { default = true }, long_lifetime = {} },
  prepare = function(ma, _, v) -- the ALP directions of V -> gamma a (1 + cos^2, boosted)
    if v.name ~= "ecl" then return nil end
    local s <close> = alp.sample.v_to_gamma_a { parent = "Upsilon(1S)", ma = ma, boost = BOOST,
                                                n_theta = 2000, n_phi = 1 } -- ECL: symmetric about z
    return ECL:paths(s, "outside")
  end,
  signal = function(model, ma, paths) -- D17 (LO, c_bb at 4.18 GeV) times the escape probability
    local b_inv, ct = model:br(ma, "invisible"), model:ctau(ma)
    local p = paths and paths:decay_prob(ct) or alp.model.v_decay_beyond {
      parent = "Upsilon(1S)", ma = ma, boost = BOOST, r = 100, ctau = ct }
    return model:br_v_to_gamma_a("Upsilon(1S)", ma) * (b_inv + (1 - b_inv) * p)
  end,
  masses = { min = 1e-3, max = 8.9, n = 200 },
  couplings = { min = 1e-3, max = 1e3, n = 200 },
  parent = "Upsilon(1S)", -- D16(b): c/f_a < 1/m_Y(1S)
  flavour = "V -> gamma a is flavour diagonal (c_QQ, REFERENCE D17): no bound on C_sb or C_ds",
  confidence = "B/C: ALPaca digitisation of Belle arXiv:1809.05222 (CL not verified)",
  acceptance = "event-level geometry",
  notes = [[
Limit: Belle's UL on B(Y(1S) -> gamma A0) B(A0 -> inv), ALPaca's digitisation read as
points at the bin centres (as ALPaca), ln UL linear in m, the first bin held to m = 0;
the source's last row (m_hi < m_lo) dropped; CL 0.90 (ALPaca's default) not verified.
Signal: D17 at LO times B(a -> inv) + (1 - B(a -> inv)) P, P = probability to decay
outside Belle's ECL envelope rho < 1.62 m, -1.02 < z < 1.96 m (NIM Table 1, grade A;
the endcap crystal depth was not read), over a 2000-node quadrature of the 1 + cos^2
theta* distribution (alp.sample.v_to_gamma_a); ALPs missing the polar acceptance are
not counted as invisible (conservative).  Boost: KEKB's Y(4S) value 0.425 (the
Y(2S)-run energies are a GAP); the Y(1S) recoil in Y(2S) -> pi pi Y(1S) (beta gamma <
0.05) is neglected.  Variant long_lifetime: decays beyond D18's 100 m only.]],
}
