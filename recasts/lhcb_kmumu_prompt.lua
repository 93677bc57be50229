-- recasts/lhcb_kmumu_prompt.lua: LHCb B0 -> K*0 chi(mu mu) (arXiv:1508.04094,
-- LHCb-PAPER-2015-036), 95 % CL.  Seed Sec. 3.1 (upper green area of Fig. 3).
--
-- Formula evaluated, at ALP mass m_a and coupling c (model m):
--
--   tau_a [ps] = m:ctau(m_a) [m] / 2.99792458e-4 [m/ps]
--   S          = B(B0 -> K*0 a) * B(a -> mu+ mu-)  = m:br_b0_to_kstar0a(m_a) * m:br(m_a, "mumu")
--                B(B0 -> K*0 a) = tau_B0 (pi/4) |C_sb|^2/Lambda^2 A0(m_a^2)^2
--                                 lambda^{3/2}(m_B0^2, m_K*0^2, m_a^2) / m_B0^3
--                (REFERENCE 3.1, vector meson: lambda^{3/2}, A0 of D14 --
--                 not the pseudoscalar phase space (m_B^2-m_K*^2)^2 lambda^{1/2}
--                 the seed code reused)
--   UL(m_a, tau_a):
--     mass:      the nearest tabulated mass (5 MeV grid; LHCb's getUL.C also
--                takes the nearest of its own mass points); none below
--                0.214 GeV or above 4.350 GeV (getUL.C's range)
--     tau <  0.1 ps:        UL(m, 0.1 ps)  (see notes)
--     0.1 <= tau <= 912 ps: linear in (ln tau, ln UL) between the tabulated
--                           lifetimes (25 per decade; getUL.C: a TSpline3 in tau)
--     tau >  912 ps:        UL(m, 912 ps) (1 - e^{-1000/912}) / (1 - e^{-1000/tau})
--                           (LHCb's supplementary rule for tau >= 1000 ps,
--                            UL(1000)(1 - e^-1)/(1 - e^{-1000/tau}), anchored at
--                            the last tabulated lifetime, 912 ps)
--     nan in the grid (getUL.C's vetoes) next to tau: no limit
--   ratio = S / UL   (> 1: excluded at 95 % CL)
local PS_IN_M = 2.99792458e-4 -- c * 1 ps in metres
local M_MIN, M_MAX = 0.214, 4.350 -- getUL.C: -1 outside 214-4350 MeV
local TAU_REF = 1000.0            -- ps, LHCb's long-lifetime rule
local UNDERSHOOT = 3.0            -- see prepare: spline artefacts

local exp, log = math.exp, math.log

-- data table -> {xs = masses, lt = ln tau knots, taus, col[i] = ln UL array}
-- (nan kept: no limit), built once per data table.
local INDEX = setmetatable({}, { __mode = "k" })

local function index_of(d)
  local idx = INDEX[d]
  if idx then return idx end
  local xs, ys, z = d:grid("ma_GeV", "tau_ps", "br_ul")
  local nx, ny = #xs, #ys
  local col, flagged = {}, {}
  for i = 1, nx do
    local lz = {}
    for j = 1, ny do
      local v = z[i][j]
      -- An isolated value more than UNDERSHOOT times below BOTH mass
      -- neighbours at the same lifetime is a TSpline3 undershoot of LHCb's
      -- macro (the grid's header flags m = 3.234 GeV, tau = 2.75 ps: 2.04e-11
      -- between 3.1e-10 and 3.0e-10, next to three nan where the spline went
      -- negative): treated as no limit, not as a 15x stronger limit.
      local a, b = i > 1 and z[i - 1][j], i < nx and z[i + 1][j]
      if v == v and a and b and a == a and b == b and v * UNDERSHOOT < a and v * UNDERSHOOT < b then
        flagged[#flagged + 1] = { xs[i], ys[j], v }
        v = 0 / 0
      end
      lz[j] = (v == v and v > 0) and log(v) or 0 / 0
    end
    col[i] = lz
  end
  local lt = {}
  for j = 1, ny do lt[j] = log(ys[j]) end
  idx = { xs = xs, taus = ys, lt = lt, col = col, flagged = flagged }
  INDEX[d] = idx
  return idx
end

-- The nearest tabulated mass to ma (index), or nil outside M_MIN..M_MAX.
local function nearest(xs, ma)
  if ma < M_MIN or ma > M_MAX then return nil end
  local a, b = 1, #xs
  if ma <= xs[1] then return 1 end
  if ma >= xs[b] then return b end
  while b - a > 1 do
    local mid = (a + b) // 2
    if xs[mid] <= ma then a = mid else b = mid end
  end
  return (ma - xs[a] <= xs[b] - ma) and a or b
end

-- UL at lifetime tau [ps] for one mass (p from prepare); nil = no limit.
local function ul_at(p, tau)
  local lt, lz, n = p.lt, p.lz, p.n
  if tau < p.tmin then
    local v = lz[1]
    return v == v and exp(v) or nil
  end
  if tau > p.tmax then
    local v = lz[n]
    if v ~= v then return nil end
    return exp(v) * p.anchor / (1 - exp(-TAU_REF / tau))
  end
  local x = log(tau)
  local a, b = 1, n
  while b - a > 1 do
    local mid = (a + b) // 2
    if lt[mid] <= x then a = mid else b = mid end
  end
  local za, zb = lz[a], lz[b]
  if za ~= za or zb ~= zb then return nil end
  return exp(za + (zb - za) * (x - lt[a]) / (lt[b] - lt[a]))
end

return alp.recast {
  name       = "lhcb_kmumu_prompt",
  experiment = "LHCb",
  process    = "B0 -> K*0 a, a -> mu+ mu- (prompt and displaced)",
  reference  = { journal = "PRL 115 (2015) 161802", arxiv = "1508.04094",
                 report = "LHCb-PAPER-2015-036 (supplementary lhcb_2015_036.root, getUL.C)" },
  signature  = "prompt",
  cl         = 0.95,
  observable = "B(B0 -> K*0 a) B(a -> mu+ mu-) vs the 95% CL absolute UL(m, tau)",
  tags       = { "B", "mumu", "LHCb" },
  data       = { ul = "data/lhcb_kmumu_prompt_ul.csv" },
  benchmarks = { "cff", "cWW" },
  masses     = { min = 0.214, max = 4.35, n = 200 },
  couplings  = { min = 1e-5, max = 1e3, n = 200 },
  notes      = [[
Data: LHCb, arXiv:1508.04094 (PRL 115 161802, LHCb-PAPER-2015-036): 95% CL
absolute upper limits on B(B0 -> K*0 chi) B(chi -> mu mu), LHCb's
supplementary getUL.C + lhcb_2015_036.root evaluated by ALPaca on 828 masses
(0.214-4.349 GeV, 5 MeV) x 100 lifetimes (0.1-912 ps, 25 per decade)
(recasts/data/lhcb_kmumu_prompt_ul.csv). CL 0.95 as published (D12).
Signal: B(B0 -> K*0 a) of REFERENCE 3.1 (vector-meson rate, lambda^{3/2},
A0 of BSZ2015 per D14; not the B -> K pseudoscalar phase space the seed code
reused) x B(a -> mu mu).
UL: nearest tabulated mass (as getUL.C takes its nearest mass point; the 5
MeV grid is finer than the di-muon mass resolution), linear in
(ln tau, ln UL) between tabulated lifetimes (getUL.C uses a cubic spline in
tau; the grid has 25 points per decade). nan (getUL.C's vetoes: 742-822 and
1000-1040 MeV for tau < 1 ps, 2913-3211 and 3609-3875 MeV, the 4.349 GeV
column) = no limit, also in an interval with one nan end. No limit below
0.214 GeV or above 4.350 GeV (getUL.C).
Short lifetimes, tau < 0.1 ps: getUL.C has no lower lifetime cut (it
evaluates its spline at any tau < 1000 ps) and the limits flatten towards
prompt decays; we hold UL(m, 0.1 ps). The region is then open upwards
(c_high = inf): larger couplings give prompt decays with a still larger
signal. Long lifetimes, tau > 912 ps (last tabulated point): LHCb's
supplementary rule for tau >= 1000 ps, UL(1000)(1-e^-1)/(1-e^{-1000/tau}),
anchored at 912 ps instead of 1000 ps (continuous there; UL grows ~ tau, so
the band closes at small coupling).
Data guard: a value more than 3x below both mass neighbours at the same tau
is a spline undershoot of LHCb's macro and is treated as no limit; in this
grid it flags m = 3.234 GeV at tau = 2.75 ps (2.04e-11) and 3.98 ps
(1.16e-10), next to the three nan the data header marks as suspicious.
No rescaling of any curve (the seed's x1/2 on the c_ff panel is not
reproduced; D1).]],

  -- the mass's lifetime column: ln tau knots and ln UL (nil: no limit here)
  prepare = function(ma, data)
    local idx = index_of(data.ul)
    local i = nearest(idx.xs, ma)
    if not i then return nil end
    local n = #idx.taus
    local t_last = idx.taus[n]
    return { ma_tab = idx.xs[i], lt = idx.lt, lz = idx.col[i], n = n,
             tmin = idx.taus[1], tmax = t_last,
             anchor = 1 - exp(-TAU_REF / t_last) }
  end,

  ratio = function(model, ma, data, p)
    if not p then return 0 end
    local ul = ul_at(p, model:ctau(ma) / PS_IN_M)
    if not ul then return 0 end
    return model:br_b0_to_kstar0a(ma) * model:br(ma, "mumu") / ul
  end,

  extra = function(data)
    local idx = index_of(data.ul)
    local rows = {}
    for i, f in ipairs(idx.flagged) do rows[i] = f end
    return {
      flagged_cells = {
        columns = { "ma_GeV", "tau_ps", "br_ul" },
        rows = rows,
        header = { quantity = "grid cells of lhcb_kmumu_prompt_ul.csv treated as no limit "
                   .. "(more than 3x below both mass neighbours: spline undershoots)" },
      },
    }
  end,
}
