-- e949_kpix: BNL E949 K+ -> pi+ X, X long-lived or invisible (ALPaca's
-- digitisation of E949's limits vs m_X and tau_X): excluded where
-- B(K+ -> pi+ a) > UL(m_a, tau_a), as for NA62 (paper Sec. 3.3, eq. 3.7 form).
local limit = alp.limit.csv("e949_kpix.csv", {
  value = "BR_UL", mass = "m_X_GeV", lifetime = "tau_ps", cl = 0.90,
  interpolate = { mass = "linear", lifetime = "log", value = "log" },
  -- below 100 ps no limit (the grid starts there); the 10000 ps curve is the
  -- digitised stable-X curve: held for all longer lifetimes
  outside = { mass = "none", short = "none", long = "hold" } })

return alp.recast {
  name = "e949_kpix", experiment = "E949", signature = "invisible", cl = 0.90,
  confidence = "C: ALPaca grid of digitised curves, attribution inferred", acceptance = "published lifetime grid",
  process = "K+ -> pi+ a, a long-lived (decays outside E949) or invisible",
  cite = { "BNL-E949:2009dza" }, -- refs.bib: measurement first, then data source
  reference = { journal = "PRD 79 (2009) 092004 (probably)", arxiv = "0903.0030" },
  tags = { "K", "invisible", "E949" },
  limit = limit,
  -- the whole B(K+ -> pi+ a): the decay fraction inside E949 is in the
  -- lifetime-dependent limits (as na62_kpix); D6 form factor.  An invisible
  -- width (paper eq. 3.4): B_vis against UL(tau), B_inv against the stable-X
  -- limit UL(inf) (none where the table has no limit at tau: conservative)
  signal = function(model, ma)
    local b, binv = model:br_k_to_pia(ma), model:br(ma, "invisible")
    if binv == 0 then return b end
    local ul_tau, ul_inf = limit:at(ma, model:ctau(ma)), limit:at(ma, math.huge)
    return b * ((1 - binv) + (ul_inf < math.huge and binv * ul_tau / ul_inf or 0))
  end,
  masses = { min = 1e-3, max = 0.26, n = 100 },
  couplings = { min = 1e-6, max = 1e4, n = 200 },
  parent = "K+", -- D16(b): c/f_a < 1/m_K+
  -- paper Sec. 3.4 (as NA62): an invisible ALP bounds C_ds, B(K+ -> pi+ a) < UL(m_a, stable)
  flavour = { coupling = "cds", production = function(model, ma) return model:br_k_to_pia(ma) end,
              invisible = function(ma) return limit:at(ma, math.huge) end },
  notes = [[
ALPaca's grid of E949's limits (data header): 200 masses 0-0.26 GeV x tau =
100-5000 ps and 10000 ps standing for a stable X (held beyond); ln UL linear
in m and in ln tau; nan = no limit.  CL 0.90 and the attribution to
arXiv:0903.0030 are inferences (grade C).  NA62 (na62_kpix) is stronger
almost everywhere; E949 covers the pi0 window where NA62 has gaps.]],
}
