-- scripts/figures/fig10.lua: the paper's Fig. 10 -- projected 90 % CL upper
-- limit on B(B+ -> K+ a) at Belle II for an ALP (or any spin-0 resonance)
-- that decays visibly with proper decay length c tau, as a function of c tau,
-- for the 12 masses of paper footnote 8, at 0.5 and 50 ab^-1 (arXiv:2201.06580
-- Sec. 4.3; REFERENCE.md D9).
--   alpcast scripts/figures/fig10.lua [--out DIR]     (default DIR = out)
-- Writes DIR/fig10_br_vs_ctau.csv (ma_GeV,ctau_m,br_ul_0p5ab,br_ul_50ab),
-- DIR/fig10_br_vs_ctau_plot.csv (the same, one column per curve, for the
-- picture) and DIR/fig10_br_vs_ctau.{svg,pdf} (with its .gp script).
-- The numbers come from recasts/belle2_kinv.lua itself (its prepare and
-- limit): B_UL(c tau) = N_UL / (N_B+- eps(m_a) <P_a>(c tau)), <P_a> the
-- probability that the ALP does not decay inside the veto volume.  Needs no
-- recast output: it runs the Monte Carlo (about 2 s).
local out = alp.output.out_dir({ ... }, "scripts/figures/fig10.lua")
if not out then return end

local ME = "scripts/figures/fig10.lua"
-- paper footnote 8
local MASSES = { 0.005, 0.05, 0.07, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 2, 3, 4 }
local VARIANTS = { "0p5ab", "50ab" }
local CT_MIN, CT_MAX, PER_DECADE = 1e-4, 1e3, 20

local recast_file = alp.root .. "/recasts/belle2_kinv.lua"
local desc = alp.recast.load(recast_file)
local data = alp.recast.data(desc)

local cts = alp.scan.logspace(CT_MIN, CT_MAX, PER_DECADE * 7 + 1)
local rows, ul = {}, {} -- ul[variant][mass index][ct index]
local noted = {}
for _, v in ipairs(VARIANTS) do ul[v] = {} end
for k, ma in ipairs(MASSES) do
  local prepared
  for _, v in ipairs(VARIANTS) do
    local variant = alp.recast.variant(desc, v)
    prepared = desc.prepare(ma, data, variant)
    local lim = desc.limit(ma, data, prepared, variant)
    local col = {}
    for j, ct in ipairs(cts) do
      col[j] = lim == math.huge and math.huge or lim / prepared.p_at(ct)
    end
    ul[v][k] = col
    if lim == math.huge and not noted[ma] then
      noted[ma] = true
      print(string.format("%s: m_a = %g GeV: no limit (selection efficiency 0, paper Table 1)", ME, ma))
    end
  end
  for j, ct in ipairs(cts) do rows[#rows + 1] = { ma, ct, ul["0p5ab"][k][j], ul["50ab"][k][j] } end
end

local seedinfo = desc.seed
local header = {
  quantity = "projected 90% CL upper limit on B(B+ -> K+ a) for an ALP decaying visibly with proper "
    .. "decay length c tau (paper Fig. 10): B_UL = N_UL / (2 sigma(B+B-) L eps(m_a) <P_a>), <P_a> = "
    .. "probability that the ALP does not decay inside the Belle II veto volume (REFERENCE.md §5.2, D9)",
  units = "ma_GeV: GeV; ctau_m: m; br_ul_0p5ab, br_ul_50ab: dimensionless (0.5 and 50 ab^-1)",
  model = "any spin-0 resonance with B(a -> visible) = 1 and proper decay length ctau_m",
  reference = "arXiv:2201.06580 Fig. 10, Sec. 4.3; REFERENCE.md D9, §6, §7",
  source = "recasts/belle2_kinv.lua (prepare: Monte Carlo <P_a>; limit: Table 1 efficiency, "
    .. "background 39 B+B- + 28 B0B0bar per 10 M, expected Poisson limit)",
  seed = seedinfo,
  notes = "masses of paper footnote 8; eps = 0 at m_a = 3 and 4 GeV (paper Table 1: 0 at 3 GeV, 0 above), "
    .. "so no limit there: br_ul = inf",
}
local csv = out .. "/fig10_br_vs_ctau.csv"
alp.output.csv(csv, { columns = { "ma_GeV", "ctau_m", "br_ul_0p5ab", "br_ul_50ab" }, rows = rows,
                      header = header })
local written = { csv }

-- the picture: one column per curve
local function label(ma) return ma < 1 and string.format("%gMeV", ma * 1000) or string.format("%gGeV", ma) end
local cols, wide = { "ctau_m" }, {}
for k, ma in ipairs(MASSES) do
  for _, v in ipairs(VARIANTS) do cols[#cols + 1] = "br_ul_" .. v .. "_" .. label(ma) end
end
for j, ct in ipairs(cts) do
  local r = { ct }
  for k = 1, #MASSES do
    for _, v in ipairs(VARIANTS) do r[#r + 1] = ul[v][k][j] end
  end
  wide[j] = r
end
local plotcsv = out .. "/fig10_br_vs_ctau_plot.csv"
local ph = {}
for key, val in pairs(header) do ph[key] = val end
ph.quantity = "the curves of fig10_br_vs_ctau.csv side by side (one column per mass and luminosity), for plotting"
ph.units = "ctau_m: m; br_ul_<lumi>_<mass>: dimensionless"
alp.output.csv(plotcsv, { columns = cols, rows = wide, header = ph })
written[#written + 1] = plotcsv

local COLORS = { "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
                 "#CC79A7", "#999999", "#882255", "#44AA99", "#332288" }
local series = {}
for k, ma in ipairs(MASSES) do
  if ul["50ab"][k][1] ~= math.huge then
    local lab = label(ma)
    series[#series + 1] = { file = plotcsv, x = "ctau_m", y = "br_ul_50ab_" .. lab,
                            title = "m_a = " .. (ma < 1 and string.format("%g MeV", ma * 1000) or string.format("%g GeV", ma)),
                            color = COLORS[k] }
    series[#series + 1] = { file = plotcsv, x = "ctau_m", y = "br_ul_0p5ab_" .. lab, title = false,
                            color = COLORS[k], dash = 2 }
  end
end
local nolim = {}
for k, ma in ipairs(MASSES) do if ul["50ab"][k][1] == math.huge then nolim[#nolim + 1] = label(ma) end end
local files, why = alp.plot.figure {
  output = out .. "/fig10_br_vs_ctau",
  title = "Belle II, B^+ → K^+ a, a → inv.: 50 ab^{-1} (solid), 0.5 ab^{-1} (dashed)"
    .. (#nolim > 0 and ("; no limit at " .. table.concat(nolim, ", ")) or ""),
  xlabel = "c τ_a [m]",
  ylabel = "90% CL upper limit on B(B^+ → K^+ a)",
  xrange = { CT_MIN, CT_MAX },
  yrange = { 1e-8, 1e-4 },
  key = "outside bottom center horizontal maxrows 4",
  size = { 800, 720 },
  series = series,
}
if files then
  for _, f in ipairs(files) do written[#written + 1] = f end
else
  written[#written + 1] = out .. "/fig10_br_vs_ctau.gp"
  print(ME .. ": no picture: " .. tostring(why))
end
for _, f in ipairs(written) do print("wrote " .. f) end
return written
