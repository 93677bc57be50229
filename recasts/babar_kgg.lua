-- recasts/babar_kgg.lua: BaBar B+ -> K+ a, a -> gamma gamma (PRL 128 (2022)
-- 131802, arXiv:2111.01800; seed Sec. 3.2; REFERENCE.md D12, D15).
--
-- Formula evaluated:
--   ratio(c, m_a) = B(B+ -> K+ a) B(a -> gamma gamma) / BR_UL(m_a, c tau_a),  excluded where > 1,
-- with B(B+ -> K+ a) = m:br_b_to_ka(m_a), B(a -> gamma gamma) = m:br(m_a, "gammagamma"),
-- c tau_a = m:ctau(m_a), and BR_UL from the limit curves at c tau = 1, 10, 100 mm
-- (data/babar_kgg_ul.csv), D15:
--   each curve: ln BR_UL linear in m_a between its digitised masses; nan
--     (eta, eta' and 0.1-0.175 GeV vetoes) and masses outside the curve: no limit;
--   c tau < 1 mm:        BR_UL = UL_1mm(m_a)
--   1 <= c tau <= 100 mm: ln BR_UL linear in ln c tau between the neighbouring
--                        curves (1-10 mm, 10-100 mm); no limit if either has none
--   c tau > 100 mm:      no limit.
-- Masses above the digitised range (2.49 GeV; BaBar reaches 4.78 GeV): no limit.
local CURVES = { 1, 10, 100 } -- c tau [mm] of the three curves

local huge, log, exp = math.huge, math.log, math.exp

local curves_of = setmetatable({}, { __mode = "k" }) -- data table -> {f_1mm, f_10mm, f_100mm}

local function curves(d)
  local f = curves_of[d]
  if f then return f end
  local by = {}
  local ct, ma, ul = d.columns.ctau_mm, d.columns.ma_GeV, d.columns.br_ul
  for i = 1, d.n do
    local c = by[ct[i]]
    if not c then c = { x = {}, y = {} }; by[ct[i]] = c end
    c.x[#c.x + 1], c.y[#c.y + 1] = ma[i], ul[i]
  end
  f = {}
  for k, c in ipairs(CURVES) do
    local t = assert(by[c], "babar_kgg: no curve for c tau = " .. c .. " mm in " .. d.path)
    f[k] = alp.data.interp1(t.x, t.y, { logy = true, outside = "nolimit" })
  end
  curves_of[d] = f
  return f
end

-- D15: BR_UL at c tau [mm] from the three curve values ul[1..3] at one mass.
local function limit_at(ul, ctau_mm)
  if ctau_mm > CURVES[#CURVES] then return huge end
  if ctau_mm <= CURVES[1] then return ul[1] end
  for k = 2, #CURVES do
    if ctau_mm <= CURVES[k] then
      local a, b = ul[k - 1], ul[k]
      if a == huge or b == huge then return huge end
      local w = (log(ctau_mm) - log(CURVES[k - 1])) / (log(CURVES[k]) - log(CURVES[k - 1]))
      return exp(log(a) + w * (log(b) - log(a)))
    end
  end
  return huge
end

return alp.recast {
  name = "babar_kgg",
  experiment = "BaBar",
  process = "B+ -> K+ a, a -> gamma gamma (prompt or displaced up to c tau = 100 mm)",
  reference = { journal = "PRL 128 (2022) 131802", arxiv = "2111.01800",
                digitisation = "ALPaca tutorials (alp-aca/alp-aca @ 3aad5ff), babar_bkphotons_displ_{1,10,100}mm.txt",
                seed = "arXiv:2201.06580 Sec. 3.2" },
  signature = "displaced",
  cl = 0.90,
  observable = "B(B+ -> K+ a) B(a -> gamma gamma) < BR_UL(m_a, c tau_a)",
  data = { ul = "data/babar_kgg_ul.csv" },
  tags = { "B", "photons", "BaBar" },
  notes = [[
Data: data/babar_kgg_ul.csv -- BaBar's upper limits on
B(B+ -> K+ a) B(a -> gamma gamma) vs m_a for c tau = 1, 10, 100 mm (PRL 128
(2022) 131802, arXiv:2111.01800), as digitised in ALPaca's tutorials (third
party digitisation; 0.184-2.49 GeV, the paper reaches 4.78 GeV).  CL: 90 %
(D12; ALPaca uses 95 %), no rescaling.
Treatment (REFERENCE.md D15): ln BR_UL linear in m_a along each curve and
linear in ln c tau between the curves; c tau < 1 mm takes the 1 mm curve
(the undocumented prompt curve is not used); c tau > 100 mm: no limit; no
limit above the digitised masses, in the vetoed eta (0.47-0.63 GeV) and
eta' (0.92-1.01 GeV) windows (widened to the neighbouring digitised points)
or where any curve needed is absent.  The signal uses the model's full
B(a -> gamma gamma) (loop-induced in the cff benchmark, seed eq. 2.14).]],
  masses = { min = 0.184492, max = 2.49465, n = 200 },
  couplings = { min = 1e-4, max = 1e4, n = 200 },

  prepare = function(ma, data)
    local f = curves(data.ul)
    return { f[1](ma), f[2](ma), f[3](ma) }
  end,

  ratio = function(model, ma, data, ul)
    local lim = limit_at(ul, model:ctau(ma) * 1e3)
    if lim == huge then return 0 end
    return model:br_b_to_ka(ma) * model:br(ma, "gammagamma") / lim
  end,
}
