-- scripts/figures/fig11.lua: the paper's Fig. 11 -- projected 90 % CL upper
-- limits on c_ff/f_a and c_WW/f_a from Belle II's B+ -> K+ a, a -> inv.
-- search at 0.5 ab^-1 (dashed), 50 ab^-1 (solid) and 50 ab^-1 without
-- background (dotted), with the BaBar B+ -> K+ nu nubar bound shaded
-- (arXiv:2201.06580 Sec. 4.3).
--   alpcast scripts/figures/fig11.lua [--out DIR]     (default DIR = out)
-- Reads what `alpcast suite` wrote: DIR/belle2_kinv/<b>_{0p5ab,50ab,50ab_0bg}.csv
-- and DIR/babar_knunu/extra/<b>_polygons.csv (b = cff, cWW); a missing input
-- is skipped with a note.  Writes DIR/fig11_<b>.csv (ma_GeV, c_0p5ab, c_50ab,
-- c_50ab_0bg: the smallest excluded coupling per mass, nan = none) and
-- DIR/fig11_<b>.{svg,pdf} (with the .gp script).
local out = alp.output.out_dir({ ... }, "scripts/figures/fig11.lua")
if not out then return end

local styles = require "alpcast.styles"
local ME = "scripts/figures/fig11.lua"
-- the paper's dashes: 0.5 ab^-1 dashed, 50 ab^-1 solid, no background dotted
local VARIANTS = { { "0p5ab", "0.5 ab^{-1}", 2 }, { "50ab", "50 ab^{-1}", 1 },
                   { "50ab_0bg", "50 ab^{-1}, no background", 3 } }
-- one colour for the three Belle II curves (they differ by dash), and the
-- BaBar bound in its colour and hatching of every figure (alpcast.styles)
local COLOR = styles.of("belle2_kinv", "50ab").color
local BABAR = styles.of("babar_knunu")
local LABEL = { cff = "c_{ff}/f_a [TeV^{-1}]", cWW = "c_{WW}/f_a [TeV^{-1}]" }
local YRANGE = { cff = { 1e-5, 1 }, cWW = { 1e-2, 1e2 } }

local written = {}
for _, b in ipairs { "cff", "cWW" } do
  local masses, curves, have = {}, {}, {}
  local seen = {}
  for _, v in ipairs(VARIANTS) do
    local path = out .. "/belle2_kinv/" .. b .. "_" .. v[1] .. ".csv"
    if alp.fs.exists(path) then
      local e = alp.contour.envelope(alp.data.csv(path)) -- smallest c_low per mass
      curves[v[1]] = e.low
      have[#have + 1] = v
      for _, ma in ipairs(e.masses) do
        if not seen[ma] then seen[ma] = true; masses[#masses + 1] = ma end
      end
    else
      print(ME .. ": note: " .. path .. " not found (run `alpcast suite --only belle2_kinv`): curve "
            .. v[1] .. " left out")
    end
  end
  local babar = out .. "/babar_knunu/extra/" .. b .. "_polygons.csv"
  local has_babar = alp.fs.exists(babar)
  if not has_babar then
    print(ME .. ": note: " .. babar .. " not found: the BaBar B+ -> K+ nu nubar bound is left out")
  end
  if #have == 0 then
    print(ME .. ": note: no belle2_kinv output for " .. b .. " in " .. out .. ": no fig11_" .. b)
  else
    table.sort(masses)
    local rows = {}
    for k, ma in ipairs(masses) do
      local r = { ma }
      for _, v in ipairs(VARIANTS) do
        local c = curves[v[1]] and curves[v[1]][ma]
        r[#r + 1] = c or (0 / 0)
      end
      rows[k] = r
    end
    local csv = out .. "/fig11_" .. b .. ".csv"
    alp.output.csv(csv, {
      columns = { "ma_GeV", "c_0p5ab", "c_50ab", "c_50ab_0bg" },
      rows = rows,
      header = {
        quantity = "projected 90% CL upper limit on the coupling from Belle II B+ -> K+ a, a -> inv. "
          .. "(paper Fig. 11): the smallest excluded c per mass (lower edge of the lowest excluded "
          .. "interval; every interval, including islands near the kink, is in the source files)",
        units = "ma_GeV: GeV; c_*: c(Lambda)/f_a in TeV^-1 (Lambda = 4 pi f_a); nan = nothing excluded",
        model = b .. " benchmark (paper eq. 2.13)",
        benchmark = b,
        reference = "arXiv:2201.06580 Fig. 11",
        -- paths inside the output folder, so that no machine's path is written
        source = "belle2_kinv/" .. b .. "_{0p5ab,50ab,50ab_0bg}.csv (recasts/belle2_kinv.lua)"
          .. (has_babar and ("; shaded in the picture: babar_knunu/extra/" .. b .. "_polygons.csv")
              or "; BaBar bound not available"),
      },
    })
    written[#written + 1] = csv
    local series = {}
    if has_babar then
      series[#series + 1] = { file = babar, x = "ma_GeV", y = "c", style = "polygon",
                              title = BABAR.title .. " (90% CL)", color = BABAR.color, alpha = 0.3,
                              pattern = BABAR.pattern }
    end
    for _, v in ipairs(have) do
      series[#series + 1] = { file = csv, x = "ma_GeV", y = "c_" .. v[1], title = "Belle II " .. v[2],
                              color = COLOR, dash = v[3], width = 2.5 }
    end
    local files, why = alp.plot.figure {
      output = out .. "/fig11_" .. b,
      title = "Belle II, B^+ → K^+ a, a → inv. (90% CL expected)",
      xlabel = "m_a [GeV]",
      ylabel = LABEL[b],
      xrange = { 1e-3, 5 },
      yrange = YRANGE[b],
      -- outside the axes: inside, it covered the no-background curve
      key = "outside right top vertical",
      size = { 980, 540 },
      series = series,
    }
    if files then
      for _, f in ipairs(files) do written[#written + 1] = f end
    else
      written[#written + 1] = out .. "/fig11_" .. b .. ".gp"
      print(ME .. ": no picture: " .. tostring(why))
    end
  end
end
for _, f in ipairs(written) do print("wrote " .. f) end
return written
