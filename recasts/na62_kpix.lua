-- recasts/na62_kpix.lua: NA62 K+ -> pi+ X, X long-lived or invisible
-- (seed Sec. 3.3, eq. 3.7 form; REFERENCE.md D6, D12, S4).
--
-- Formula evaluated:
--   ratio(c, m_a) = B(K+ -> pi+ a) / BR_UL(m_a, tau_a),   excluded where > 1,
--   B(K+ -> pi+ a) = m:br_k_to_pia(m_a)   (seed 3.7 form with f0^K = 1, D6)
--   tau_a [ps] = c tau_a / c_light = m:ctau(m_a) [m] / 2.99792458e8 m/s * 1e12
-- The signal is the whole B(K -> pi a) = B(K -> pi a) (B(a -> SM) + B(a -> inv)):
-- NA62 already folds the probability that X decays visibly inside its
-- detector into its lifetime-dependent limits.
-- BR_UL(m_a, tau):
--   in m_a: the tabulated masses of data/na62_kpix_ul.csv (0-110 MeV in 10 MeV
--     steps, 154-260 MeV in 2 MeV steps) for m_a <= 0.110 or >= 0.154 GeV, and
--     data/na62_kpix_pi0.csv (the pi0 window, 0.1084-0.155 GeV) for
--     0.110 < m_a < 0.154 GeV; ln BR_UL linear in m_a between tabulated masses,
--     for each tabulated lifetime; a nan in either neighbour = no limit;
--   in tau: ln BR_UL linear in ln tau between the tabulated lifetimes 100, 200,
--     500, 1000, 2000, 5000 ps; tau > 5000 ps: linear in 1/tau between the
--     5000 ps and the tau = inf columns;
--     tau < 100 ps: no limit (the tables start at 100 ps, the seed shows only
--     tau > 100 ps); m_a > 0.26 GeV: no limit.
local C_LIGHT = 2.99792458e8            -- m/s (exact, SI)
local PS_PER_M = 1e12 / C_LIGHT         -- tau [ps] = c tau [m] * PS_PER_M
local TAUS = { 100, 200, 500, 1000, 2000, 5000 } -- ps, finite columns; then inf
local PI0_LO, PI0_HI = 0.110, 0.154     -- GeV: the pi0 window of the main table

local huge, log, exp = math.huge, math.log, math.exp

-- Column interpolants of one long-layout table (ma_GeV, tau_ps, br_ul):
-- {[k] = f(ma) -> BR_UL} for k = 1..#TAUS, then inf; f = alp.data.interp1 in
-- (m, ln BR), nan and outside -> math.huge.
local function columns(d)
  local by_tau = {}
  local ma, tau, ul = d.columns.ma_GeV, d.columns.tau_ps, d.columns.br_ul
  for i = 1, d.n do
    local key = tau[i] == huge and "inf" or tau[i]
    local c = by_tau[key]
    if not c then c = { x = {}, y = {} }; by_tau[key] = c end
    c.x[#c.x + 1], c.y[#c.y + 1] = ma[i], ul[i]
  end
  local f = {}
  for k, t in ipairs(TAUS) do
    local c = assert(by_tau[t], "na62_kpix: no column tau = " .. t .. " ps in " .. d.path)
    f[k] = alp.data.interp1(c.x, c.y, { logy = true, outside = "nolimit" })
  end
  local c = assert(by_tau.inf, "na62_kpix: no column tau = inf in " .. d.path)
  f[#TAUS + 1] = alp.data.interp1(c.x, c.y, { logy = true, outside = "nolimit" })
  return f
end

local cols_of = setmetatable({}, { __mode = "k" }) -- data table -> columns

-- BR_UL at tau [ps] from the 7 column values ul[1..7] of one mass.
local function limit_at(ul, tau)
  if tau < TAUS[1] then return huge end
  local n = #TAUS
  if tau > TAUS[n] then
    -- between the last finite lifetime and tau = inf: linear in 1/tau, the
    -- form of UL_inf / (1 - k/tau) at large tau, where the fraction of ALPs
    -- decaying inside the detector falls as 1/tau (continuous at both ends)
    local a, b = ul[n], ul[n + 1]
    if a == huge or b == huge then return b end
    return b + (a - b) * (TAUS[n] / tau)
  end
  for k = 2, n do
    if tau <= TAUS[k] then
      local a, b = ul[k - 1], ul[k]
      if a == huge or b == huge then return huge end
      local w = (log(tau) - log(TAUS[k - 1])) / (log(TAUS[k]) - log(TAUS[k - 1]))
      return exp(log(a) + w * (log(b) - log(a)))
    end
  end
  return ul[1] -- tau == 100 ps exactly
end

return alp.recast {
  name = "na62_kpix",
  experiment = "NA62",
  process = "K+ -> pi+ a, a long-lived (decays outside NA62) or invisible",
  reference = { journal = "JHEP 03 (2021) 058 (2017 data; most likely source of the table)", arxiv = "2011.11329",
                pi0_window = "NA62 pi0 -> invisible, JHEP 02 (2021) 201, arXiv:2010.07644 (as digitised by ALPaca)",
                seed = "arXiv:2201.06580 Sec. 3.3, eq. (3.7)" },
  signature = "invisible",
  cl = 0.90,
  observable = "B(K+ -> pi+ a) < BR_UL(m_a, tau_a)",
  data = { ul = "data/na62_kpix_ul.csv", pi0 = "data/na62_kpix_pi0.csv" },
  tags = { "K", "invisible", "NA62" },
  notes = [[
Data: data/na62_kpix_ul.csv -- NA62's observed upper limits on BR(K+ -> pi+ X)
vs m_X and the proper lifetime tau_X (100 ps - 5 ns and tau = inf), the table
the seed authors committed (numbers agree with NA62 JHEP 03 (2021) 058,
arXiv:2011.11329, most likely its HEPData record; attribution not verified);
the pi0 window 110-154 MeV from data/na62_kpix_pi0.csv (ALPaca's
digitisation of NA62's pi0 -> invisible reinterpretation, arXiv:2010.07644;
not an official table).  CL: 90 % (NA62's; D12), no rescaling.
Signal: B(K+ -> pi+ a) from the seed eq. (3.7) form with f0^K = 1 (D6; not the
seed code's stale f0^K = 0.216), compared with the limit at the ALP's own
lifetime: the probability of a visible decay inside NA62 is already in the
lifetime-dependent limits, so an invisible width (if any) needs no extra term.
Interpolation: ln BR_UL linear in m_a between tabulated masses and linear in
ln tau between tabulated lifetimes; above 5 ns linear in 1/tau towards the
tau = inf column (the detector's decay fraction falls as 1/tau); below
100 ps no limit (the tables stop there and the seed shows only tau > 100 ps);
no limit above 0.26 GeV (the table's end) or where a neighbouring entry is nan
(pi0 window at 100 ps).  tau = c tau / c with c = 299792458 m/s.]],
  masses = { min = 1e-3, max = 0.26, n = 200 },
  couplings = { min = 1e-6, max = 1e5, n = 200 },  -- the band reaches c ~ 1.5e4 at 1 MeV (tau = 100 ps)

  -- the 7 column values of BR_UL at this mass (model independent)
  prepare = function(ma, data)
    local d = (ma > PI0_LO and ma < PI0_HI) and data.pi0 or data.ul
    local f = cols_of[d]
    if not f then f = columns(d); cols_of[d] = f end
    local ul = {}
    for k = 1, #f do ul[k] = f[k](ma) end
    return ul
  end,

  ratio = function(model, ma, data, ul)
    local tau = model:ctau(ma) * PS_PER_M
    local lim = limit_at(ul, tau)
    if lim == huge then return 0 end
    return model:br_k_to_pia(ma) / lim
  end,
}
