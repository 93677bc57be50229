-- recasts/charm_kmumu.lua: CHARM beam dump, B -> K a(mu mu), as reinterpreted
-- by Doebrich, Ertas, Kahlhoefer, Spadaro (arXiv:1810.11336; the seed's
-- ref. [56]), 95 % CL.  Seed Sec. 3.1 (green area at small c_ff in Fig. 3).
--
-- Formula evaluated, at ALP mass m_a and coupling c (model m), cff only:
--
--   tau_a [ps] = m:ctau(m_a) [m] / 2.99792458e-4 [m/ps]
--   S          = B(B+ -> K+ a) * B(a -> mu+ mu-) = m:br_b_to_ka(m_a) * m:br(m_a, "mumu")
--   UL_i(tau)  = the digitised curve at m_i in {0.3, 0.6, 1.2, 2.4} GeV,
--                linear in (ln tau, ln UL) between its points; none outside
--                the curve's tau range
--   UL(m_a, tau_a), m_i <= m_a <= m_{i+1}, w = ln(m_a/m_i) / ln(m_{i+1}/m_i):
--     ln UL = (1 - w) ln UL_i(tau_a m_i/m_a) + w ln UL_{i+1}(tau_a m_{i+1}/m_a)
--     (both curves taken at the same tau/m, i.e. the same lab decay length
--      beta*gamma*c*tau ~ p c tau/m at a given ALP momentum; no limit if
--      either curve has none there), UL = UL_i at a tabulated mass;
--     no limit outside 0.3 <= m_a <= 2.4 GeV
--   ratio      = S / UL(m_a, tau_a)   (> 1: excluded at 95 % CL)
local PS_IN_M = 2.99792458e-4 -- c * 1 ps in metres
local exp, log = math.exp, math.log

-- data table -> {masses = {0.3, ...}, curves = {{lt = ln tau, lu = ln UL, n}}}
local INDEX = setmetatable({}, { __mode = "k" })

local function index_of(d)
  local idx = INDEX[d]
  if idx then return idx end
  local M, T, U = d.columns.ma_GeV, d.columns.tau_ps, d.columns.br_ul
  local by_m, masses = {}, {}
  for r = 1, d.n do
    local m, t, u = M[r], T[r], U[r]
    if t == t and u == u and t > 0 and u > 0 then
      local c = by_m[m]
      if not c then c = {}; by_m[m] = c; masses[#masses + 1] = m end
      c[#c + 1] = { t, u }
    end
  end
  table.sort(masses)
  local curves = {}
  for k, m in ipairs(masses) do
    local pts = by_m[m]
    table.sort(pts, function(a, b) return a[1] < b[1] end)
    local lt, lu = {}, {}
    for _, p in ipairs(pts) do
      -- a repeated abscissa (digitisation) keeps the first value
      if #lt == 0 or log(p[1]) > lt[#lt] then
        lt[#lt + 1], lu[#lu + 1] = log(p[1]), log(p[2])
      end
    end
    curves[k] = { lt = lt, lu = lu, n = #lt, ma = m }
  end
  idx = { masses = masses, curves = curves }
  INDEX[d] = idx
  return idx
end

-- ln UL of one curve at ln tau = x, or nil outside its range.
local function curve_at(c, x)
  local lt, n = c.lt, c.n
  if not (x >= lt[1] and x <= lt[n]) then return nil end
  local a, b = 1, n
  while b - a > 1 do
    local mid = (a + b) // 2
    if lt[mid] <= x then a = mid else b = mid end
  end
  return c.lu[a] + (c.lu[b] - c.lu[a]) * (x - lt[a]) / (lt[b] - lt[a])
end

-- The two bracketing curves and the weight for mass ma, or nil outside.
local function bracket(idx, ma)
  local ms, cs = idx.masses, idx.curves
  local n = #ms
  if n == 0 or ma < ms[1] or ma > ms[n] then return nil end
  for k = 1, n do
    if ma == ms[k] then return { c1 = cs[k], w = 0, lr1 = 0 } end
  end
  local k = 1
  while ms[k + 1] < ma do k = k + 1 end
  local w = log(ma / ms[k]) / log(ms[k + 1] / ms[k])
  -- ln(m_i/m_a): shift of ln tau onto each curve (same tau/m)
  return { c1 = cs[k], c2 = cs[k + 1], w = w, lr1 = log(ms[k] / ma), lr2 = log(ms[k + 1] / ma) }
end

-- UL at mass bracket p and lifetime tau [ps], or nil (no limit).
local function ul_at(p, tau)
  local x = log(tau)
  local l1 = curve_at(p.c1, x + p.lr1)
  if not l1 then return nil end
  if p.w == 0 then return exp(l1) end
  local l2 = curve_at(p.c2, x + p.lr2)
  if not l2 then return nil end
  return exp((1 - p.w) * l1 + p.w * l2)
end

return alp.recast {
  name       = "charm_kmumu",
  experiment = "CHARM (reinterpreted)",
  process    = "B -> K a, a -> mu+ mu- (beam dump, 400 GeV protons)",
  reference  = { journal = "PLB 790 (2019) 537", arxiv = "1810.11336",
                 authors = "B. Doebrich, F. Ertas, F. Kahlhoefer, T. Spadaro",
                 data = "CHARM beam-dump search for heavy (sterile) neutrinos, the seed's ref. [53]" },
  signature  = "displaced",
  cl         = 0.95,
  observable = "B(B -> K a) B(a -> mu+ mu-) vs the 95% CL UL(m, tau) of the reinterpretation",
  tags       = { "B", "mumu", "beam dump" },
  data       = { ul = "data/charm_kmumu_ul.csv" },
  benchmarks = { "cff" },
  masses     = { min = 0.3, max = 2.4, n = 200 },
  couplings  = { min = 1e-6, max = 1e-1, n = 200 },
  notes      = [[
Data: Doebrich, Ertas, Kahlhoefer, Spadaro, arXiv:1810.11336 (PLB 790 537),
reinterpretation of the CHARM beam-dump search: upper limits on
B(B -> K a) B(a -> mu mu) against the ALP lifetime at m_a = 0.3, 0.6, 1.2,
2.4 GeV, as digitised by ALPaca (tutorials CHARM_{300,600,1200,2400}.csv;
recasts/data/charm_kmumu_ul.csv; digitisation, confidence B). CL 0.95 as the
seed and REFERENCE D12 state (not verified against the paper figure). That
this is the seed's ref. [56] (and not Dolan et al. 1412.5174) is the data
collector's reading, not verified.
B channel: the paper's abstract bounds "B -> K A" for any spin-0 boson
produced in B-meson decays, without naming the charge; the reinterpretation
counts the B mesons produced in the dump with one common B(B -> K a)
(isospin; our understanding, not verified in the paper body). We use
B(B+ -> K+ a) (SEED 2.6 with D6), as the seed did; B(B0 -> K0 a) is
tau_B0/tau_B+ = 0.93 of it.
Interpolation: in each curve linear in (ln tau, ln UL), no limit outside the
curve's digitised tau range (0.3 GeV: 251 ps-1e6 ps, 0.6: 491-959000,
1.2: 1043-959000, 2.4: 1954-959000 ps); between the four masses linear in
ln m (the masses double) and ln UL, with each curve evaluated at the same
tau/m_a (the same lab decay length at a given ALP momentum: the four curves
start at tau/m = 814-869 ps/GeV and are near-copies in tau/m, while at fixed
tau the lighter curve's steep short-lifetime edge would meet the heavier
curve's no-limit region). At the four masses this is the curve itself. No
limit outside 0.3-2.4 GeV (the seed: the same mass range, interpolated at
fixed tau, linearly).
cff benchmark only: CHARM's muon channel needs the tree-level lepton
coupling (seed Sec. 3.1); in the cWW benchmark B(a -> mu mu) is loop
suppressed. No rescaling (the seed plotted CHARM x1).]],

  prepare = function(ma, data)
    return bracket(index_of(data.ul), ma)
  end,

  ratio = function(model, ma, data, p)
    if not p then return 0 end
    local ul = ul_at(p, model:ctau(ma) / PS_IN_M)
    if not ul then return 0 end
    return model:br_b_to_ka(ma) * model:br(ma, "mumu") / ul
  end,
}
