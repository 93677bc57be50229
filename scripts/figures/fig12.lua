-- scripts/figures/fig12.lua: the paper's Fig. 12 -- Belle II's reach for
-- displaced B+ -> K+ a, a -> e+e- (blue) and mu+mu- (green) at 50 ab^-1
-- (contours of N = 2.3), the invisible search without background (orange
-- dotted, cf. Fig. 11) and the existing bounds of Fig. 3 (shaded), one plot
-- per benchmark; and the best reach of paper eq. (5.1) (arXiv:2201.06580
-- Sec. 5).
--   alpcast scripts/figures/fig12.lua [--out DIR] [--model FILE.lua]     (default DIR = out)
-- With --model (a model family) one plot for it from DIR/<recast>/<name>_*.csv:
-- DIR/fig12_<name>.{csv,svg,pdf} and DIR/fig12_<name>_reach.csv.
-- Reads what `alpcast suite` wrote under DIR: belle2_displaced/<b>_{ee,mumu}.csv,
-- belle2_kinv/<b>_{50ab_0bg,50ab}.csv, and for Fig. 3 <recast>/<b>.csv with
-- <recast>/extra/<b>_polygons.csv of babar_knunu, na62_kpix,
-- lhcb_kmumu_displaced, lhcb_kmumu_prompt, charm_kmumu, babar_kgg and
-- beamdumps_gg.  Any missing input is skipped with a note.
-- Writes DIR/fig12_<b>.csv (the Belle II curves as outlines, below),
-- DIR/fig12_<b>.{svg,pdf} (with the .gp script) and DIR/fig12_reach.csv, and
-- prints the eq. (5.1) reach.  Returns the files written, with the reach as
-- the field `summary` (for a suite summary, should it collect one).
local out, fam = alp.output.figure_args({ ... }, "scripts/figures/fig12.lua")
if not out then return end

local ME = "scripts/figures/fig12.lua"
local nan, huge = 0 / 0, math.huge
-- the bounds of the paper's Fig. 3 (shaded), each in its style of every
-- figure (alpcast.styles: key text, colour, hatching): {recast, variant}
local styles = require "alpcast.styles"
local FIG3 = {
  { "babar_knunu" }, { "na62_kpix" }, { "babar_kgg" }, { "beamdumps_gg" },
  { "lhcb_kmumu_displaced" }, { "lhcb_kmumu_prompt" }, { "charm_kmumu" },
  -- the current Belle II bound, arXiv:2306.02830 (variants = channels)
  { "belle2_2023_displaced", "kp_mumu" }, { "belle2_2023_displaced", "kp_ee" },
  { "belle2_2023_displaced", "kst_mumu" }, { "belle2_2023_displaced", "kst_ee" },
}
-- the Belle II curves: recast, variant, key text (colour: alpcast.styles)
local BELLE = {
  ee = { "belle2_displaced", "ee", "Belle II K^+ a(e^+e^-), N = 2.3" },
  mumu = { "belle2_displaced", "mumu", "Belle II K^+ a(μ^+μ^-), N = 2.3" },
  inv0 = { "belle2_kinv", "50ab_0bg", "Belle II K^+ a(inv.), no background" },
  inv = { "belle2_kinv", "50ab", "Belle II K^+ a(inv.), with background" },
}
for _, spec in pairs(BELLE) do spec[4] = styles.of(spec[1], spec[2]).color end
local SEED_51 = { cff = 1e-4, cWW = 1e-1 } -- paper eq. (5.1), TeV^-1
local LABEL = { cff = "c_{ff}/f_a [TeV^{-1}]", cWW = "c_{WW}/f_a [TeV^{-1}]" }
local YRANGE = { cff = { 1e-5, 1e1 }, cWW = { 1e-2, 1e2 } } -- below the D16(b) bound 1/m_B = 189 TeV^-1: nothing to shade
local BENCHES = { "cff", "cWW" }
if fam then -- a model family: its label, a range below the D16(b) bound of its largest coupling
  BENCHES, LABEL[fam.name] = { fam.name }, fam.label
  YRANGE[fam.name] = { 1e-6, math.min(1e2, alp.model.max_coupling("B+") / fam.scale) }
end

-- mass grid of an intervals file (its header "scan: N masses A-B GeV")
local function grid_of(d)
  local scan = d.meta.scan or ""
  local n, a, b = scan:match("^(%d+) masses ([%d%.eE%-+]+)%-([%d%.eE%-+]+) GeV")
  if not n then return nil end
  return alp.scan.logspace(tonumber(a), tonumber(b), math.tointeger(tonumber(n)))
end

-- Closed outlines of an excluded region from its per-mass envelope: one per
-- run of consecutive grid masses with an exclusion (lower edge forward,
-- upper edge back, c_high = inf drawn at `top`).
local function outlines(ms, lo, hi, grid, top)
  local runs, run = {}, nil
  local on = {}
  for _, ma in ipairs(ms) do on[ma] = true end
  local seq = grid or ms
  local function close()
    if run and #run > 0 then runs[#runs + 1] = run end
    run = nil
  end
  for _, ma in ipairs(seq) do
    local key = ma
    if grid and not on[ma] then -- grid values and file values agree to %.8g
      for _, x in ipairs(ms) do if math.abs(x / ma - 1) < 1e-7 then key = x break end end
    end
    if on[key] then run = run or {}; run[#run + 1] = key else close() end
  end
  close()
  local polys = {}
  for _, r in ipairs(runs) do
    local p = {}
    for _, ma in ipairs(r) do p[#p + 1] = { ma, lo[ma] } end
    for k = #r, 1, -1 do
      local ma = r[k]
      p[#p + 1] = { ma, hi[ma] == huge and top or hi[ma] }
    end
    p[#p + 1] = { r[1], lo[r[1]] }
    polys[#polys + 1] = p
  end
  return polys
end

-- smallest c_low of an intervals file, its mass, and the masses where c_low
-- is within 10 % of it
local function reach_of(ms, lo)
  local best, at = huge, nil
  for _, ma in ipairs(ms) do if lo[ma] < best then best, at = lo[ma], ma end end
  if not at then return nil end
  local a, b = huge, 0
  for _, ma in ipairs(ms) do
    if lo[ma] <= 1.1 * best then
      if ma < a then a = ma end
      if ma > b then b = ma end
    end
  end
  return { c = best, ma = at, ma_lo = a, ma_hi = b }
end

local written, reach_rows, summary, headline = {}, {}, {}, {}
local top_of_scan = 1e2
for _, b in ipairs(BENCHES) do
  -- the Belle II curves
  local have, reach = {}, {}
  for _, key in ipairs { "ee", "mumu", "inv0", "inv" } do
    local spec = BELLE[key]
    local path = out .. "/" .. spec[1] .. "/" .. b .. "_" .. spec[2] .. ".csv"
    if alp.fs.exists(path) then
      local d = alp.data.csv(path)
      local e = alp.contour.envelope(d) -- per mass: smallest c_low, largest c_high
      have[key] = { ms = e.masses, lo = e.low, hi = e.high, d = d, path = path }
      reach[key] = reach_of(e.masses, e.low)
    else
      print(ME .. ": note: " .. path .. " not found (run `alpcast suite --only " .. spec[1]
            .. "`): left out")
    end
  end
  -- fig12_<b>.csv: the outlines, one column per curve, rows of the other
  -- curves nan (gnuplot breaks a line at nan)
  local cols, rows = { "ma_GeV" }, {}
  local plotted = {}
  for _, key in ipairs { "ee", "mumu", "inv0" } do
    if have[key] then
      plotted[#plotted + 1] = key
      cols[#cols + 1] = "c_" .. key
    end
  end
  for j, key in ipairs(plotted) do
    local h = have[key]
    local polys
    if key == "inv0" then
      -- the invisible search: its lower edge (the region above is excluded)
      local p = {}
      for _, ma in ipairs(h.ms) do p[#p + 1] = { ma, h.lo[ma] } end
      polys = { p }
    else
      polys = outlines(h.ms, h.lo, h.hi, grid_of(h.d), top_of_scan)
    end
    for pi, p in ipairs(polys) do
      if pi > 1 or j > 1 then
        local r = { nan }
        for _ = 1, #plotted do r[#r + 1] = nan end
        rows[#rows + 1] = r
      end
      for _, pt in ipairs(p) do
        local r = { pt[1] }
        for jj = 1, #plotted do r[#r + 1] = jj == j and pt[2] or nan end
        rows[#rows + 1] = r
      end
    end
  end
  local series = {}
  local fig3_used, fig3_missing = {}, {}
  for _, f in ipairs(FIG3) do
    local label = b .. (f[2] and ("_" .. f[2]) or "")
    local csv = out .. "/" .. f[1] .. "/" .. label .. ".csv"
    local poly = out .. "/" .. f[1] .. "/extra/" .. label .. "_polygons.csv"
    if alp.fs.exists(csv) and alp.fs.exists(poly) then
      local d = alp.data.csv(csv)
      if d.n > 0 then
        local st = styles.of(f[1], f[2])
        series[#series + 1] = { file = poly, x = "ma_GeV", y = "c", style = "polygon", title = st.title,
                                color = st.color, pattern = st.pattern, alpha = 0.3 }
      end
      fig3_used[#fig3_used + 1] = f[1] .. (f[2] and ("_" .. f[2]) or "")
    else
      fig3_missing[#fig3_missing + 1] = f[1] .. (f[2] and ("_" .. f[2]) or "")
    end
  end
  if #fig3_missing > 0 then
    print(string.format("%s: note: no %s output in %s for %s (not run, or not applicable): left out",
                        ME, table.concat(fig3_missing, ", "), out, b))
  end
  if #plotted > 0 then
    local csv = out .. "/fig12_" .. b .. ".csv"
    alp.output.csv(csv, {
      columns = cols,
      rows = rows,
      header = {
        quantity = "Belle II curves of paper Fig. 12 as paths in (m_a, c): c_ee, c_mumu = closed outlines of "
          .. "the regions with N > 2.3 displaced B+ -> K+ a(l+l-) events at 50 ab^-1 (lower edge forward, "
          .. "upper edge back; an open top is drawn at the top of the scan, c = 100); c_inv0 = lower edge "
          .. "of the region excluded by the invisible search at 50 ab^-1 without background (90% CL). "
          .. "Each column is one path; rows of the other paths, and breaks between outlines, are nan",
        units = "ma_GeV: GeV; c_*: c(Lambda)/f_a in TeV^-1 (Lambda = 4 pi f_a)",
        model = fam and alp.family.describe(fam) or (b .. " benchmark (paper eq. 2.13)"),
        benchmark = b,
        reference = "arXiv:2201.06580 Fig. 12, Sec. 5",
        source = "recasts/belle2_displaced.lua, recasts/belle2_kinv.lua via the output folder"
          .. "; shaded Fig. 3 bounds in the picture: " .. (#fig3_used > 0 and table.concat(fig3_used, ", ") or "none")
          .. " (DIR/<recast>/extra/" .. b .. "_polygons.csv)",
      },
    })
    written[#written + 1] = csv
    local dash = { ee = nil, mumu = nil, inv0 = 3 }
    for _, key in ipairs(plotted) do
      series[#series + 1] = { file = csv, x = "ma_GeV", y = "c_" .. key, title = BELLE[key][3],
                              color = BELLE[key][4], width = 3, dash = dash[key] }
    end
  else
    print(ME .. ": note: no Belle II output for " .. b .. " in " .. out .. ": no fig12_" .. b)
  end
  if #series > 0 then
    local files, why = alp.plot.figure {
      output = out .. "/fig12_" .. b,
      title = "Belle II 50 ab^{-1}: displaced vs invisible, with the bounds of Fig. 3"
        .. (fam and (", model family " .. fam.name) or ""),
      xlabel = "m_a [GeV]",
      ylabel = LABEL[b],
      xrange = { 1e-3, 5 },
      yrange = YRANGE[b],
      key = "outside bottom center horizontal maxrows 4",
      size = { 900, 800 },
      series = series,
    }
    if files then
      for _, f in ipairs(files) do written[#written + 1] = f end
    else
      written[#written + 1] = out .. "/fig12_" .. b .. ".gp"
      print(ME .. ": no picture: " .. tostring(why))
    end
  end

  -- eq. (5.1): the best reach of displaced and invisible together
  local function add(combination, search, r)
    reach_rows[#reach_rows + 1] = { b, combination, search, r and r.c or nan, r and r.ma or nan,
                                    r and r.ma_lo or nan, r and r.ma_hi or nan, SEED_51[b] or nan }
  end
  local names = { ee = "belle2_displaced ee", mumu = "belle2_displaced mumu",
                  inv0 = "belle2_kinv 50ab_0bg", inv = "belle2_kinv 50ab" }
  for _, key in ipairs { "ee", "mumu", "inv0", "inv" } do add("single", names[key], reach[key]) end
  summary[b] = {}
  for _, combo in ipairs { { "displaced+invisible(no background)", "inv0" },
                           { "displaced+invisible(with background)", "inv" } } do
    local best, which = nil, nil
    for _, key in ipairs { "ee", "mumu", combo[2] } do
      local r = reach[key]
      if r and (not best or r.c < best.c) then best, which = r, names[key] end
    end
    add(combo[1], which or "none", best)
    if best then
      summary[b][#summary[b] + 1] = { combination = combo[1], search = which, c_min = best.c, ma_GeV = best.ma,
                                      seed_eq51 = SEED_51[b] }
      local line = string.format("eq. (5.1) reach, %s, %s: c/f_a = %.3g TeV^-1 at m_a = %.4g GeV "
                                 .. "(within 10%% for %.3g-%.3g GeV; %s)",
                                 b, combo[1], best.c, best.ma, best.ma_lo, best.ma_hi, which)
        .. (SEED_51[b] and string.format(" -- paper: ~%g TeV^-1", SEED_51[b]) or "")
      -- under `alpcast suite` the line is printed once, at the end of the run
      if not SUITE_PRINTS_HEADLINES then print(ME .. ": " .. line) end
      headline[#headline + 1] = line
    else
      print(string.format("%s: eq. (5.1) reach, %s, %s: no Belle II output", ME, b, combo[1]))
    end
  end
end

local reach_csv = out .. (fam and ("/fig12_" .. fam.name .. "_reach.csv") or "/fig12_reach.csv")
alp.output.csv(reach_csv, {
  columns = { "benchmark", "combination", "search", "c_min_TeVinv", "ma_GeV", "ma_lo_GeV", "ma_hi_GeV",
              "seed_eq51_TeVinv" },
  rows = reach_rows,
  header = {
    quantity = "best reach of paper eq. (5.1): the smallest excluded c(Lambda)/f_a of each Belle II "
      .. "search at 50 ab^-1 (single) and of displaced (ee, mumu) and invisible together, the mass where "
      .. "it is reached and the mass range where the smallest excluded c is within 10% of it",
    units = "c_min_TeVinv, seed_eq51_TeVinv: TeV^-1; ma_*: GeV; nan = no output",
    reference = "arXiv:2201.06580 eq. (5.1): c_ff/f_a <~ 1e-4 TeV^-1, c_WW/f_a <~ 1e-1 TeV^-1",
    source = "DIR/belle2_displaced/<b>_{ee,mumu}.csv, DIR/belle2_kinv/<b>_{50ab_0bg,50ab}.csv",
  },
})
written[#written + 1] = reach_csv
for _, f in ipairs(written) do print("wrote " .. f) end
written.summary = { eq51_reach = summary }
written.headline = headline
return written
