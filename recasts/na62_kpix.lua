-- recasts/na62_kpix.lua: NA62 K+ -> pi+ X, X long-lived or invisible
-- (paper Sec. 3.3, eq. 3.7 form; REFERENCE.md D6, D12, S4).
-- Excluded where B(K+ -> pi+ a) / BR_UL(m_a, tau_a) > 1.
-- BR_UL: ln BR linear in m_a and in ln tau between the tabulated lifetimes
-- 100..5000 ps; beyond 5000 ps linear in 1/tau to the tau = inf curve
-- (NA62's rule, arXiv:2103.15389); below 100 ps and outside the tables: none.
local function table_of(file)
  return alp.limit.csv(file, { value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.90,
    interpolate = { mass = "linear", lifetime = "log", value = "log" },
    outside = { mass = "none", short = "none", long = "inverse" } })
end
local main, pi0 = table_of("data/na62_kpix_ul.csv"), table_of("data/na62_kpix_pi0.csv")
-- the pi0 window 0.110 < m_a < 0.154 GeV from its own table (the main one has a gap there)
local LIMIT = alp.limit.piecewise { { main, mass = { 0, 0.110 } }, { main, mass = { 0.154, math.huge } },
                                    { pi0, mass = { 0.110, 0.154 } } }

return alp.recast {
  name = "na62_kpix",
  confidence = "B: HEPData-style tables via the paper repository (attribution to arXiv:2011.11329 C)", acceptance = "published lifetime grid",
  experiment = "NA62",
  process = "K+ -> pi+ a, a long-lived (decays outside NA62) or invisible",
  reference = { journal = "JHEP 03 (2021) 058 (2017 data; most likely source of the table)", arxiv = "2011.11329",
                pi0_window = "NA62 pi0 -> invisible, JHEP 02 (2021) 201, arXiv:2010.07644 (as digitised by ALPaca)",
                paper = "arXiv:2201.06580 Sec. 3.3, eq. (3.7)" },
  cite      = { "arXiv:2011.11329", "arXiv:2010.07644" }, -- refs.bib: measurement first, then data source
  signature = "invisible",
  cl = 0.90,
  observable = "B(K+ -> pi+ a) < BR_UL(m_a, tau_a)",
  tags = { "K", "invisible", "NA62" },
  limit = LIMIT,
  -- paper eq. (3.7) form with f0^K = 1 (D6); the whole B(K -> pi a): the
  -- visible-decay probability inside NA62 is already in the tau-dependent limit.
  -- An invisible width (paper eq. 3.4, "analogous expressions apply for K -> pi"):
  -- B(K -> pi a)[B_vis/UL(tau) + B_inv/UL(inf)], i.e. signal/UL(tau) with
  -- signal = B(K -> pi a)[B_vis + B_inv UL(tau)/UL(inf)]
  signal = function(model, ma)
    local b, binv = model:br_k_to_pia(ma), model:br(ma, "invisible")
    if binv == 0 then return b end
    local ul_tau, ul_inf = LIMIT:at(ma, model:ctau(ma)), LIMIT:at(ma, math.huge)
    return b * ((1 - binv) + (ul_inf < math.huge and binv * ul_tau / ul_inf or 0))
  end,
  notes = [[
Data: data/na62_kpix_ul.csv -- NA62's observed upper limits on BR(K+ -> pi+ X)
vs m_X and tau_X (100 ps - 5 ns and tau = inf; numbers agree with JHEP 03
(2021) 058, attribution not verified); the pi0 window 110-154 MeV from
data/na62_kpix_pi0.csv (ALPaca's digitisation, arXiv:2010.07644; not an
official table).  CL: 90 % (NA62's; D12), no rescaling.
Signal: B(K+ -> pi+ a), paper eq. (3.7) form with f0^K = 1 (D6), against the
limit at the ALP's own lifetime: NA62's limits already hold the probability
of a visible decay inside the detector.  An invisible width (paper eq. 3.4):
B_vis of the ALPs against UL(tau), B_inv against the stable-X limit UL(inf);
where the table has no limit at the ALP's lifetime (tau < 100 ps) the
invisible part is not used either (conservative).
Interpolation: ln BR_UL linear in m_a and in ln tau; above 5 ns linear in
1/tau towards the tau = inf curve (the decay fraction falls as 1/tau); below
100 ps no limit (the tables stop there, the paper shows only tau > 100 ps);
no limit above 0.26 GeV or where a neighbouring entry is nan (pi0 window).]],
  masses = { min = 1e-3, max = 0.26, n = 200 },
  couplings = { min = 1e-6, max = 1e5, n = 200 },  -- cut at the D16(b) bound below
  parent = "K+", -- D16(b): scan up to c/f_a = 1/m_K+ (f_a/c > m_K+)
  -- paper Sec. 3.4: an invisible ALP (stable, or decaying invisibly) bounds C_ds
  -- directly: B(K+ -> pi+ a) < BR_UL(m_a, tau = inf)
  flavour = { coupling = "cds", production = function(model, ma) return model:br_k_to_pia(ma) end,
              invisible = function(ma) return LIMIT:at(ma, math.huge) end },
}
