-- koto_klpi0x: KOTO K_L -> pi0 X, X invisible (arXiv:1810.09655, ALPaca's
-- digitisation): excluded where B(K_L -> pi0 a) (REFERENCE D18) > UL(m_a),
-- for ALPs that escape KOTO (D18's rule: lab decay length > 100 m).
local K = alp.constants
local limit = alp.limit.csv("koto_klpi0x.csv", { value = "br_ul", mass = "ma_GeV", cl = 0.90,
  interpolate = { mass = "linear", value = "linear" }, outside = { mass = "none" } })

-- the ALP's beta gamma in the K_L rest frame, p*/m_a (two-body kinematics)
local function betagamma(ma)
  local M, m = K.m_K_L, K.m_pi0
  local lam = (M * M - (m + ma) ^ 2) * (M * M - (m - ma) ^ 2)
  return math.sqrt(math.max(lam, 0)) / (2 * M * ma)
end

return alp.recast {
  name = "koto_klpi0x", experiment = "KOTO", signature = "invisible", cl = 0.90,
  confidence = "B: ALPaca digitisation of KOTO arXiv:1810.09655 (within 1% of the paper repository's)", acceptance = "analytic decay probability",
  process = "K_L -> pi0 a, a invisible (escaping KOTO)",
  cite = { "KOTO:2018dsc" }, -- refs.bib: measurement first, then data source
  reference = { journal = "PRL 122 (2019) 021802", arxiv = "1810.09655" },
  tags = { "K", "invisible", "KOTO" },
  limit = limit,
  -- D18: B(K_L -> pi0 a) with Im C_sd; only where beta gamma* c tau > 100 m
  signal = function(model, ma)
    if betagamma(ma) * model:ctau(ma) < 100 then return 0 end
    return model:br_kl_to_pi0a(ma)
  end,
  masses = { min = 1e-3, max = 0.26, n = 100 },
  couplings = { min = 1e-6, max = 1e4, n = 200 },
  parent = "K_L", -- D16(b): c/f_a < 1/m_KL
  notes = [[
ALPaca's digitisation (data header): 11 masses 0-0.260 GeV, UL 2.2-6.4e-9,
linear in m between them (as ALPaca), no limit above 0.260 GeV.  CL 0.90 is
ALPaca's, not checked against the paper.  Rate: REFERENCE D18 (Im lambda_t,
tau_KL; eps_K, g_8/g_27 and charm terms left out).  Escape: the K_L momentum
spectrum is not in shared/ (koto_geometry.csv: GAP), so no KOTO volume is
built; per D18 the limit applies only where the ALP's decay length exceeds
100 m, taken as beta gamma* c tau with beta gamma* = p*/m_a in the K_L rest
frame (the lab boost of a K_L of ~1.5 GeV raises it forward and lowers it
backward): approximate.  The detector spans ~6 m (CsI 6 m behind its front,
grade B), so P_escape > 0.9 where this holds.]],
}
