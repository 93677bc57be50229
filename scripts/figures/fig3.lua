-- scripts/figures/fig3.lua: the paper's Fig. 3 -- bounds on c_ff(Lambda)/f_a and
-- c_WW(Lambda)/f_a vs m_a from the existing searches (paper Sec. 3), drawn from
-- the suite's results of the seven recasts of issue #6.
--   alpcast scripts/figures/fig3.lua [--out DIR] [--model FILE.lua]     (default DIR = out)
-- With --model (a model family, help("alp.family")) one panel for that family,
-- from DIR/<recast>/<name>.csv, written as DIR/fig3_<name>*.
-- Reads DIR/<recast>/<benchmark>.csv (ma_GeV,c_low,c_high) and the region
-- polygons DIR/<recast>/extra/<benchmark>_polygons.csv; a recast without
-- results (not run yet, failed, or not applicable to a benchmark) is skipped
-- with a printed note.  Writes, for benchmark = cff and cWW:
--   DIR/fig3_<benchmark>.csv              every plotted interval (recast, ma_GeV, c_low, c_high)
--   DIR/fig3_<benchmark>_<recast>.csv     the plotted polygons of one recast
--   DIR/fig3_<benchmark>.{gp,svg,pdf}     the figure (log-log, filled regions)
-- Colours and hatching from alpcast.styles (as in the paper where it has the
-- bound: BaBar nu nubar yellow, NA62 orange, BaBar gamma gamma and beam dumps
-- blue, LHCb green; CHARM brown so that it never shares LHCb's swatch).
local out, fam = alp.output.figure_args({ ... }, "scripts/figures/fig3.lua")
if not out then return end

-- The recasts of the paper's Fig. 3 and the newer bounds beside them, in
-- drawing order: the wide regions of the displaced and prompt searches
-- first, the invisible searches (NA62, BaBar nu nubar) last, on top.  Key
-- text, colour and hatching of each bound: alpcast.styles (the same in every
-- figure); the CL comes from the result file.
local styles = require "alpcast.styles"
local RECASTS = {
  { name = "beamdumps_gg" }, { name = "babar_kgg" }, { name = "lhcb_kmumu_prompt" },
  { name = "lhcb_kmumu_displaced" }, { name = "charm_kmumu" }, { name = "na62_kpix" },
  { name = "babar_knunu" },
  -- NA62's visible K+ -> pi+ a searches (arXiv:2507.17286, via ALPaca)
  { name = "na62_2025_kpi_visible", variant = "gg" }, { name = "na62_2025_kpi_visible", variant = "mumu" },
  -- the current Belle II bound (arXiv:2306.02830), one region per channel
  { name = "belle2_2023_displaced", variant = "kp_mumu" },
  { name = "belle2_2023_displaced", variant = "kst_mumu" },
  { name = "belle2_2023_displaced", variant = "kp_ee" },
  { name = "belle2_2023_displaced", variant = "kst_ee" },
}
-- REFERENCE D16(b): the EFT holds for f_a/c > m_P; B-meson searches stop at
-- c/f_a = 1/m_B (alp.model.max_coupling("B+")); the figure shades above it
local C_MAX = alp.model.max_coupling("B+")
local PANELS = {
  cff = { ylabel = "c_{ff}(Λ)/f_a [TeV^{-1}]", yrange = { 1e-5, 1e2 },
          text = "c_ff(Lambda)/f_a [TeV^-1], cff benchmark (paper eq. 2.13)" },
  cWW = { ylabel = "c_{WW}(Λ)/f_a [TeV^{-1}]", yrange = { 1e-2, 1e4 },
          text = "c_WW(Lambda)/f_a [TeV^-1], cWW benchmark (paper eq. 2.13)" },
}
local XRANGE = { 1e-3, 5 }
local BENCHES = { "cff", "cWW" }
if fam then
  BENCHES = { fam.name }
  PANELS[fam.name] = { ylabel = fam.label, yrange = { 1e-6, 1e4 }, text = fam.label .. " (model family " .. fam.name .. ")",
                       title = "Existing bounds (as paper Fig. 3), model family " .. fam.name }
end

local written, notes = {}, {}
local function note(s)
  notes[#notes + 1] = s
  print("scripts/figures/fig3.lua: " .. s)
end

for _, bench in ipairs(BENCHES) do
  local panel = PANELS[bench]
  local series, rows, used = {}, {}, {}
  for _, r in ipairs(RECASTS) do
    local label = bench .. (r.variant and ("_" .. r.variant) or "")
    local tag = r.name .. (r.variant and ("_" .. r.variant) or "")
    local ivfile = out .. "/" .. r.name .. "/" .. label .. ".csv"
    local pfile = out .. "/" .. r.name .. "/extra/" .. label .. "_polygons.csv"
    if not alp.fs.exists(ivfile) then
      if alp.fs.exists(out .. "/" .. r.name) then
        note(string.format("%s: no %s results (not applicable to this benchmark, or failed): skipped", r.name, bench))
      else
        note(string.format("%s: no results in %s (recast not run): skipped", r.name, out))
      end
    else
      local d = alp.data.csv(ivfile)
      for k = 1, d.n do
        rows[#rows + 1] = { tag, d.columns.ma_GeV[k], d.columns.c_low[k], d.columns.c_high[k] }
      end
      local polys
      if alp.fs.exists(pfile) then
        polys = alp.contour.read(pfile)
      elseif d.n > 0 then
        polys = alp.contour.polygons(d)
      else
        polys = {}
      end
      if #polys == 0 then
        note(string.format("%s: nothing excluded for %s in the scanned range: no region drawn", r.name, bench))
      else
        local path = out .. "/fig3_" .. bench .. "_" .. tag .. ".csv"
        alp.contour.write(path, polys, {
          quantity = "region excluded by " .. r.name .. " (paper Fig. 3), closed polygons in (m_a, c)",
          units = "ma_GeV: GeV; c: " .. panel.text,
          benchmark = bench,
          recast = r.name,
          -- inside the output folder: no path of this machine in the header
          source = alp.fs.exists(pfile) and (r.name .. "/extra/" .. label .. "_polygons.csv")
            or (r.name .. "/" .. label .. ".csv"),
        })
        written[#written + 1] = path
        local st = styles.of(r.name, r.variant)
        local cl = tonumber(d.meta.cl)
        series[#series + 1] = { file = path, x = "ma_GeV", y = "c", style = "polygon",
                                title = st.title .. (cl and string.format(" (%g%%)", 100 * cl) or ""),
                                color = st.color, pattern = st.pattern, alpha = 0.45 }
        used[#used + 1] = tag
      end
    end
  end
  local c_max = fam and C_MAX / fam.scale or C_MAX -- D16(b) bounds the largest coupling
  if c_max < panel.yrange[2] then
    local vpath = out .. "/fig3_" .. bench .. "_validity.csv"
    alp.contour.write(vpath, { { { XRANGE[1], c_max }, { XRANGE[2], c_max },
                                 { XRANGE[2], panel.yrange[2] }, { XRANGE[1], panel.yrange[2] } } }, {
      quantity = "c/f_a above the EFT validity bound 1/m_B+ (REFERENCE D16(b)): shaded",
      units = "ma_GeV: GeV; c: " .. panel.text, benchmark = bench })
    written[#written + 1] = vpath
    series[#series + 1] = { file = vpath, x = "ma_GeV", y = "c", style = "polygon",
                            color = styles.validity.color, alpha = styles.validity.alpha, title = string.format("f_a/c < m_B (c/f_a > %.0f TeV^{-1}): EFT not valid", c_max) }
  end
  local path = out .. "/fig3_" .. bench .. ".csv"
  alp.output.csv(path, {
    columns = { "recast", "ma_GeV", "c_low", "c_high" },
    rows = rows,
    header = {
      quantity = "excluded coupling intervals of the existing searches (paper Fig. 3), one row per interval per mass",
      units = "ma_GeV: GeV; c_low, c_high: " .. panel.text .. " (inf = open upwards)",
      benchmark = bench,
      model = fam and alp.family.describe(fam) or "f_a = 1 TeV, Lambda = 4 pi TeV; only this coupling at Lambda",
      reference = "arXiv:2201.06580 Fig. 3",
      source = "<recast>/" .. bench .. ".csv of: " .. (#used > 0 and table.concat(used, ", ") or "none"),
    },
  })
  written[#written + 1] = path
  if #series == 0 then
    note("no region for " .. bench .. ": no figure")
  else
    local opts = {
      output = out .. "/fig3_" .. bench,
      title = panel.title or ("Existing bounds (paper Fig. 3), " .. (bench == "cff" and "c_{ff}" or "c_{WW}")
        .. " only, Λ = 4π TeV, f_a = 1 TeV"),
      xlabel = "m_a [GeV]",
      ylabel = panel.ylabel,
      logx = true,
      logy = true,
      xrange = XRANGE,
      yrange = panel.yrange,
      key = "outside right top",
      size = { 1040, 600 },
      series = series,
    }
    local files, why = alp.plot.figure(opts)
    if files then
      for _, f in ipairs(files) do written[#written + 1] = f end
    else
      written[#written + 1] = opts.output .. ".gp"
      note("no picture for " .. opts.output .. ": " .. tostring(why))
    end
  end
end

for _, f in ipairs(written) do print("wrote " .. f) end
return written
