-- scripts/figures/fig3.lua: the seed's Fig. 3 -- bounds on c_ff(Lambda)/f_a and
-- c_WW(Lambda)/f_a vs m_a from the existing searches (seed Sec. 3), drawn from
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
-- Colours as in the seed: BaBar nu nubar yellow, NA62 orange, BaBar gamma gamma
-- and beam dumps blue, LHCb and CHARM green.
local out, fam = alp.output.figure_args({ ... }, "scripts/figures/fig3.lua")
if not out then return end

-- drawing order: the wide regions of the displaced and prompt searches first,
-- the invisible searches (NA62, BaBar nu nubar) last, on top
local RECASTS = {
  { name = "beamdumps_gg", title = "NuCal, CHARM, E137 (90%)", color = "#1F5FB4" },
  { name = "babar_kgg", title = "BaBar B^+→K^+γγ (90%)", color = "#6AAEE8" },
  { name = "lhcb_kmumu_prompt", title = "LHCb B^0→K^{*0}μμ (95%)", color = "#8CCB6E" },
  { name = "lhcb_kmumu_displaced", title = "LHCb B^+→K^+μμ displaced (95%)", color = "#2E9945" },
  { name = "charm_kmumu", title = "CHARM B→Kμμ (95%)", color = "#0B5D2A" },
  { name = "na62_kpix", title = "NA62 K^+→π^+X (90%)", color = "#F28E00" },
  { name = "babar_knunu", title = "BaBar B^+→K^+νν̄ (90%)", color = "#F2D200" },
  -- NA62's visible K+ -> pi+ a searches (arXiv:2507.17286, via ALPaca)
  { name = "na62_2025_kpi_visible", variant = "gg", color = "#C0504D",
    title = "NA62 K^+→π^+γγ (90%)" },
  { name = "na62_2025_kpi_visible", variant = "mumu", color = "#8B2E2B",
    title = "NA62 K^+→π^+μμ (90%)" },
  -- the current Belle II bound (arXiv:2306.02830), one region per channel
  { name = "belle2_2023_displaced", variant = "kp_mumu", color = "#7B3FA0",
    title = "Belle II 2023 (2306.02830) K^+μμ (95%)" },
  { name = "belle2_2023_displaced", variant = "kst_mumu", color = "#A87BC8",
    title = "Belle II 2023 (2306.02830) K^{*0}μμ (95%)" },
  { name = "belle2_2023_displaced", variant = "kp_ee", color = "#5B2C83",
    title = "Belle II 2023 (2306.02830) K^+ee (95%)" },
  { name = "belle2_2023_displaced", variant = "kst_ee", color = "#C9A8E0",
    title = "Belle II 2023 (2306.02830) K^{*0}ee (95%)" },
}
-- REFERENCE D16(b): the EFT holds for f_a/c > m_P; B-meson searches stop at
-- c/f_a = 1/m_B (alp.model.max_coupling("B+")); the figure shades above it
local C_MAX = alp.model.max_coupling("B+")
local PANELS = {
  cff = { ylabel = "c_{ff}(Λ)/f_a [TeV^{-1}]", yrange = { 1e-5, 1e2 },
          text = "c_ff(Lambda)/f_a [TeV^-1], cff benchmark (seed eq. 2.13)" },
  cWW = { ylabel = "c_{WW}(Λ)/f_a [TeV^{-1}]", yrange = { 1e-2, 1e4 },
          text = "c_WW(Lambda)/f_a [TeV^-1], cWW benchmark (seed eq. 2.13)" },
}
local XRANGE = { 1e-3, 5 }
local BENCHES = { "cff", "cWW" }
if fam then
  BENCHES = { fam.name }
  PANELS[fam.name] = { ylabel = fam.label, yrange = { 1e-6, 1e4 }, text = fam.label .. " (model family " .. fam.name .. ")",
                       title = "Existing bounds (as seed Fig. 3), model family " .. fam.name }
end

-- polygons of a suite polygon file: blocks of "ma,c" rows separated by blank lines
local function read_polygons(path)
  local polys, cur = {}, nil
  local header_done = false
  for line in io.lines(path) do
    if line:match("^%s*#") then -- comment
    elseif not line:match("%S") then
      if cur and #cur > 0 then polys[#polys + 1] = cur end
      cur = nil
    elseif not header_done then
      header_done = true -- the column row
    else
      local x, y = line:match("^%s*([^,]+),([^,]+)")
      x, y = tonumber(x), tonumber(y)
      if x and y then
        cur = cur or {}
        cur[#cur + 1] = { x, y }
      end
    end
  end
  if cur and #cur > 0 then polys[#polys + 1] = cur end
  return polys
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
        polys = read_polygons(pfile)
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
          quantity = "region excluded by " .. r.name .. " (seed Fig. 3), closed polygons in (m_a, c)",
          units = "ma_GeV: GeV; c: " .. panel.text,
          benchmark = bench,
          recast = r.name,
          source = alp.fs.exists(pfile) and pfile or ivfile,
        })
        written[#written + 1] = path
        series[#series + 1] = { file = path, x = "ma_GeV", y = "c", style = "polygon",
                                title = r.title, color = r.color, alpha = 0.7 }
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
    series[#series + 1] = { file = vpath, x = "ma_GeV", y = "c", style = "polygon", color = "#999999",
                            alpha = 0.35, title = string.format("f_a/c < m_B (c/f_a > %.0f TeV^{-1}): EFT not valid", c_max) }
  end
  local path = out .. "/fig3_" .. bench .. ".csv"
  alp.output.csv(path, {
    columns = { "recast", "ma_GeV", "c_low", "c_high" },
    rows = rows,
    header = {
      quantity = "excluded coupling intervals of the existing searches (seed Fig. 3), one row per interval per mass",
      units = "ma_GeV: GeV; c_low, c_high: " .. panel.text .. " (inf = open upwards)",
      benchmark = bench,
      model = fam and alp.family.describe(fam) or "f_a = 1 TeV, Lambda = 4 pi TeV; only this coupling at Lambda",
      reference = "arXiv:2201.06580 Fig. 3",
      source = out .. "/<recast>/" .. bench .. ".csv of: " .. (#used > 0 and table.concat(used, ", ") or "none"),
    },
  })
  written[#written + 1] = path
  if #series == 0 then
    note("no region for " .. bench .. ": no figure")
  else
    local opts = {
      output = out .. "/fig3_" .. bench,
      title = panel.title or ("Existing bounds (seed Fig. 3), " .. (bench == "cff" and "c_{ff}" or "c_{WW}")
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
