-- belle_y1s_invisible: Belle Upsilon(1S) -> gamma A0, A0 -> invisible, the Y(1S) tagged
-- in Y(2S) -> pi+ pi- Y(1S) (PRL 122 (2019) 011801, arXiv:1809.05222), for
-- Upsilon(1S) -> gamma a (REFERENCE.md D17).  cite: Belle:2018pzt
-- Geometry: Belle NIM A479 117, Table 1 (detector_geometry/belle_geometry.csv, grade A):
-- ECL barrel outer radius 1.62 m, forward endcap at z = +1.96 m, backward at -1.02 m.
-- Variant radii [m]: ecl = the sphere enclosing that envelope; long_lifetime = D18's 100 m
local R = { ecl = math.sqrt(1.62 ^ 2 + 1.96 ^ 2), long_lifetime = 100 }
-- KEKB beta gamma at the Y(4S) (csv: B); the Y(2S)-run energies are a GAP
local BOOST = 0.425
local limit = alp.limit.csv("belle_y1s_invisible.csv", { value = "br_ul", mass = "ma_GeV",
  cl = 0.90, interpolate = { mass = "linear", value = "log" }, outside = { mass = { low = "hold", high = "none" } } })

return alp.recast {
  name = "belle_y1s_invisible", experiment = "Belle", signature = "invisible", cl = 0.90,
  process = "Upsilon(1S) -> gamma a, a escapes the detector (or a -> invisible)",
  reference = { journal = "PRL 122 (2019) 011801", arxiv = "1809.05222", inspire = "Belle:2018pzt" },
  observable = "B(Y(1S) -> gamma a) [B(a->inv) + (1 - B(a->inv)) P(r > R)] < UL(m_a)",
  tags = { "Upsilon", "invisible", "Belle" },
  limit = limit,
  variants = { ecl = { default = true }, long_lifetime = {} },
  signal = function(model, ma, _, v) -- D17 (LO, c_bb at 4.18 GeV) times the escape probability
    local b_inv = model:br(ma, "invisible")
    local p = alp.model.v_decay_beyond { parent = "Upsilon(1S)", ma = ma, boost = BOOST, r = R[v.name],
                                         ctau = model:ctau(ma) }
    return model:br_v_to_gamma_a("Upsilon(1S)", ma) * (b_inv + (1 - b_inv) * p)
  end,
  masses = { min = 1e-3, max = 8.9, n = 200 },
  couplings = { min = 1e-3, max = 1e3, n = 200 },
  parent = "Upsilon(1S)", -- D16(b): c/f_a < 1/m_Y(1S)
  notes = [[
Limit: Belle's UL on B(Y(1S) -> gamma A0) B(A0 -> inv), ALPaca's digitisation read as
points at the bin centres (as ALPaca), ln UL linear in m, the first bin held to m = 0;
the source's last row (m_hi < m_lo) dropped; CL 0.90 (ALPaca's default) not verified.
Signal: D17 at LO times B(a -> inv) + (1 - B(a -> inv)) P, P = probability to decay
beyond R = 2.54 m, the sphere enclosing Belle's ECL envelope (rho < 1.62 m, -1.02 < z <
1.96 m; NIM Table 1, grade A; the endcap crystal depth was not read): a lower bound on
<P_a> for that envelope, and ALPs missing the polar acceptance are not counted
(conservative).  Boost: KEKB's Y(4S) value 0.425 (the Y(2S)-run energies are a GAP);
the Y(1S) recoil in Y(2S) -> pi pi Y(1S) (beta gamma < 0.05) is neglected.  Variant
long_lifetime: D18's R = 100 m.]],
}
