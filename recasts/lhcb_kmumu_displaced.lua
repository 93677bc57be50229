-- recasts/lhcb_kmumu_displaced.lua: LHCb B+ -> K+ chi(mu mu), displaced
-- di-muon vertices (arXiv:1612.07818, Fig. 4), 95 % CL.  Seed Sec. 3.1
-- (lower green area of Fig. 3).
--
-- Formula evaluated, at ALP mass m_a and coupling c (model m):
--
--   tau_a [ps] = m:ctau(m_a) [m] / 2.99792458e-4 [m/ps]
--   S          = B(B+ -> K+ a) * B(a -> mu+ mu-)        = m:br_b_to_ka(m_a) * m:br(m_a, "mumu")
--   ratio      = S / UL(bin containing (m_a, tau_a))     (> 1: excluded at 95 % CL)
--
-- UL is the content of the bin of LHCb's official TH2D (macro B2KX_Fig4.C)
-- that contains (m_a, tau_a), with ROOT's FindBin convention
-- lo <= x < hi and no interpolation -- what LHCb's macro and the seed do.
-- No limit (ratio 0): in mass bins that LHCb left empty (K_S, J/psi,
-- psi(2S) windows, 0.38-0.50, 2.93-3.20, 3.57-3.87 GeV), outside
-- 0.25-4.7 GeV, in empty (m, tau) bins, and outside the published lifetime
-- range 0.1 <= tau_a <= 1000 ps.
--
-- Speed: the 45131 bins are indexed once per data table (mass columns
-- sorted by edge); prepare() hands each mass its column as three flat arrays
-- (tau_lo, tau_hi, UL), and ratio() is a binary search in it.
local PS_IN_M = 2.99792458e-4 -- c * 1 ps in metres
local TAU_MIN, TAU_MAX = 0.1, 1000.0 -- published lifetime range [ps]

-- data table -> index {lo = {}, hi = {}, col = {{tlo, thi, ul}, ...}},
-- columns sorted by mass; built on first use (weak keys: dies with the data).
local INDEX = setmetatable({}, { __mode = "k" })

local function index_of(d)
  local idx = INDEX[d]
  if idx then return idx end
  local c = d.columns
  local IX, IY = c.ix, c.iy
  local MLO, MHI, TLO, THI, UL = c.ma_lo_GeV, c.ma_hi_GeV, c.tau_lo_ps, c.tau_hi_ps, c.br_ul
  local by_ix, list = {}, {}
  for r = 1, d.n do
    local ix = IX[r]
    local e = by_ix[ix]
    if not e then
      e = { ix = ix, lo = MLO[r], hi = MHI[r], rows = {} }
      by_ix[ix] = e
      list[#list + 1] = e
    end
    local ul = UL[r]
    if ul == ul and ul > 0 then -- a nan or non-positive cell is no limit
      e.rows[#e.rows + 1] = { IY[r], TLO[r], THI[r], ul }
    end
  end
  table.sort(list, function(a, b) return a.lo < b.lo end)
  idx = { lo = {}, hi = {}, col = {} }
  for k, e in ipairs(list) do
    table.sort(e.rows, function(a, b) return a[1] < b[1] end)
    local tlo, thi, ul = {}, {}, {}
    for j, row in ipairs(e.rows) do tlo[j], thi[j], ul[j] = row[2], row[3], row[4] end
    idx.lo[k], idx.hi[k], idx.col[k] = e.lo, e.hi, { tlo = tlo, thi = thi, ul = ul, n = #ul }
  end
  INDEX[d] = idx
  return idx
end

-- The mass column containing ma (lo <= ma < hi), or nil.
local function column(idx, ma)
  local lo = idx.lo
  local a, b = 1, #lo
  if b == 0 or ma < lo[1] then return nil end
  while a < b do -- last k with lo[k] <= ma
    local mid = (a + b + 1) // 2
    if lo[mid] <= ma then a = mid else b = mid - 1 end
  end
  if ma < idx.hi[a] then return idx.col[a] end
  return nil
end

-- UL of the lifetime bin containing tau in a column, or nil (empty bin).
local function lookup(col, tau)
  local tlo = col.tlo
  local a, b = 1, col.n
  if b == 0 or tau < tlo[1] then return nil end
  while a < b do
    local mid = (a + b + 1) // 2
    if tlo[mid] <= tau then a = mid else b = mid - 1 end
  end
  if tau < col.thi[a] then return col.ul[a] end
  return nil
end

return alp.recast {
  name       = "lhcb_kmumu_displaced",
  experiment = "LHCb",
  process    = "B+ -> K+ a, a -> mu+ mu- (displaced vertex)",
  reference  = { journal = "PRD 95 (2017) 071101", arxiv = "1612.07818",
                 figure = "Fig. 4 (official bins, LHCb macro B2KX_Fig4.C)" },
  signature  = "displaced",
  cl         = 0.95,
  observable = "B(B+ -> K+ a) B(a -> mu+ mu-) vs the 95% CL UL in the (m, tau) bin",
  tags       = { "B", "mumu", "LHCb" },
  data       = { bins = "data/lhcb_kmumu_displaced_bins.csv" },
  benchmarks = { "cff", "cWW" },
  masses     = { min = 0.25, max = 4.7, n = 200 },
  couplings  = { min = 1e-5, max = 1e3, n = 200 },
  notes      = [[
Data: LHCb, arXiv:1612.07818 (PRD 95 071101), Fig. 4: 95% CL upper limits on
B(B+ -> K+ chi) B(chi -> mu mu) in 1283 mass bins (0.25-4.7 GeV) x 41 log
lifetime bins (0.1-1258.9 ps), the official numbers of LHCb's macro
B2KX_Fig4.C (via the seed authors' repository; recasts/data/
lhcb_kmumu_displaced_bins.csv). CL 0.95 as published (REFERENCE D12).
Signal: B(B+ -> K+ a) (SEED 2.6 with D6) x B(a -> mu mu), ALP lifetime
tau_a = ctau/c; excluded where signal > UL of the bin containing
(m_a, tau_a) -- the bin lookup of LHCb's macro, no interpolation (the bin
content is used over the whole bin; near the lifetime edges of a bin this is
up to one bin, a factor 1.26 in tau, from an interpolated value).
No limit in mass bins LHCb left empty (vetoes) nor outside 0.25-4.7 GeV.
Lifetime range: the published 0.1 <= tau <= 1000 ps. The seed greyed (did
not use) points outside 0.1 < tau < 1000 ps, 214 < m < 4350 MeV; we do the
same in tau: the histogram's last bin (1000-1258.9 ps) lies beyond the
published range and is not used (except at tau = 1000 ps exactly), and no
limit is extrapolated below 0.1 ps (large couplings: the prompt search,
recast lhcb_kmumu_prompt, covers them) nor above 1000 ps. Consequence: at
low masses in the cff benchmark the lower edge of the band is the
tau = 1000 ps line, not the BR limit (the true reach extends somewhat
lower). No rescaling of any curve (the seed's x1/2 on the c_ff panel is not
reproduced; D1).]],

  -- the mass's column of lifetime bins (nil: no limit at this mass)
  prepare = function(ma, data)
    return column(index_of(data.bins), ma)
  end,

  ratio = function(model, ma, data, col)
    if not col then return 0 end
    local tau = model:ctau(ma) / PS_IN_M
    if not (tau >= TAU_MIN and tau <= TAU_MAX) then return 0 end
    local ul = lookup(col, tau)
    if not ul then return 0 end
    return model:br_b_to_ka(ma) * model:br(ma, "mumu") / ul
  end,
}
