-- recasts/babar_knunu.lua: BaBar B+ -> K+ nu nubar (PRD 87 (2013) 112005, arXiv:1303.7465) for
-- B+ -> K+ a, a invisible or decaying outside BaBar (seed arXiv:2201.06580 Sec. 3.3; REFERENCE.md D13).
local C = alp.constants
local N_EVENTS = 100000 -- B+ -> K+ a events per mass: <P_a>(c tau -> 0) ~ 0.10 to +-0.9 % (binomial)

-- D13(a)(i): the two-body fit, br_low..br_high read as +-1 sigma (as ALPaca): central + 1.2816 sigma
local fit = alp.limit.csv("data/babar_knunu_fit.csv", { value = "br_central", bounds = "measurement",
  error_up = "br_high", mass = "ma_GeV", cl = 0.90, interpolate = { value = "linear" } })
-- D13(a)(ii): BaBar's total limit, at every m_a < m_B+ - m_K+ (a two-body signal adds to the total rate)
local total = alp.limit.csv("data/babar_knunu_total_ul.csv", { value = "br_ul",
  select = { channel = "B+ -> K+ nu nubar" }, mass_range = { 0, C["m_B+"] - C["m_K+"] } })

local limit = alp.limit.strongest { fit, total } -- D13(a): the stronger of the two at each mass

return alp.recast {
  name = "babar_knunu",
  confidence = "C: two-body fit of Altmannshofer et al. via ALPaca (C) and BaBar total limit via ALPaca (B)", acceptance = "event-level geometry",
  experiment = "BaBar",
  process = "B+ -> K+ a, a escapes the detector (or a -> invisible)",
  reference = { journal = "PRD 87 (2013) 112005", arxiv = "1303.7465",
                reinterpretation = "Altmannshofer et al. 2023 (two-body fit, via ALPaca); paper arXiv:2201.06580 Sec. 3.3" },
  cite      = { "Lees:2013kla", "Altmannshofer:2023hkn" }, -- refs.bib: measurement first, then data source
  signature = "invisible",
  cl = 0.90,
  observable = "B(B+ -> K+ a) [(1 - B(a->inv)) <P_a> + B(a->inv)] < min(fit UL(m_a), total UL)",
  tags = { "B", "invisible", "BaBar" },
  limit = limit,
  seed = 1,
  variants = { emc_veto = { volume = "emc_veto", default = true }, -- D13(b): cff.csv, cWW.csv
               -- comparison variants on a coarser mass grid (50 masses)
               dch = { volume = "dch", masses = { min = 1e-3, max = 4.78, n = 50 } },
               sphere = { volume = "sphere", masses = { min = 1e-3, max = 4.78, n = 50 } } },
  couplings = { min = 1e-6, max = 1e2, n = 200 },
  parent = "B+", -- D16(b): scan up to c/f_a = 1/m_B+ (f_a/c > m_B+)
  -- paper Sec. 3.4: C_sb from an invisible ALP (B(B+ -> K+ a) < UL) and from a
  -- prompt one, which escapes only when emitted outside the polar window:
  -- B(B+ -> K+ a) <P_a>(c tau = 0) < UL (paper eq. 3.4 with B(a -> inv) = 0)
  flavour = { coupling = "csb", production = function(model, ma) return model:br_b_to_ka(ma) end,
              invisible = function(ma) return limit:at(ma, math.huge) end,
              prompt = function(ma, data, prepared)
                local p = prepared.p_at(0)
                return p > 0 and limit:at(ma, 0) / p or math.huge
              end,
              decay = "a -> anything visible, emitted outside BaBar's polar window (<P_a>(0))" },
  notes = [[
Limit (D13 a): the stronger of (i) data/babar_knunu_fit.csv, the two-body fit of
Altmannshofer et al. 2023 (via ALPaca) to BaBar's hadronic-tag data, m_X = 0.100-2.920
GeV, br_low..br_high read as +-1 sigma (D13, not verified): UL = central + 1.2816 sigma,
one-sided 90 % CL, linear in m_a; and (ii) the total B(B+ -> K+ nu nubar) < 3.7e-5 (90 %,
hadronic tag, data/babar_knunu_total_ul.csv) at every m_a < m_B+ - m_K+. D13 quotes
1.6e-5 (with the semileptonic tag), which no data file holds: where (ii) decides, the
bound is sqrt(3.7/1.6) = 1.52 times weaker in c than D13's check (0.012 at 10 MeV).
Seed eq. (3.6) needs the per-s_B-bin table (PROVENANCE gap 1).
Signal (paper eq. 3.4): <P_a> = P(the ALP does not decay inside the volume), 100 000
B+ -> K+ a events per mass at PEP-II (9.0 on 3.1 GeV head-on; boost 0.558 computed,
grade C), alp.acceptance.table. Volume (D13 b, detector.c) "emc_veto": seen if emitted
at 15.8-141.8 deg (lab) and decaying at rho < 0.92 m, no z plane; both EMC numbers are
grade C (recalled, not read in NIM A479 1). A prompt ALP escapes only outside the
window (<P_a> ~ 0.10): the high-mass bound. The ALP's direction stands for its decay
products' (an upper estimate of <P_a>: optimistic at high mass). D13's variants: "dch" (rho < 0.809
m, z = -1.015..+1.749 m and its polar corners; grade B design values) and "sphere"
(ALPaca's r = 0.50 m, no polar gap). B(a -> inv) from the model's "invisible" channel.
Kaon acceptance as for K nu nubar (seed fn. 7).]],

  prepare = function(ma, data, variant)
    return alp.acceptance.table { experiment = "babar", ma = ma, n = N_EVENTS, seed = variant.seed,
                                  volume = variant.volume, side = "outside" }
  end,

  signal = function(model, ma, prepared) -- paper eq. (3.4) per B+
    local b_inv = model:br(ma, "invisible")
    return model:br_b_to_ka(ma) * ((1 - b_inv) * prepared.p_at(model:ctau(ma)) + b_inv)
  end,
  extra = function() return { p_errors = alp.acceptance.error_table() } end, -- <P_a> MC errors
}
