-- alpcast/overview.lua: the two overview figures of issue 18 item 8, drawn from
-- the suite's results -- "current bounds" (every published recast, paper Fig. 3
-- style: filled regions) and "future reach" (every projection, paper Fig. 12
-- style: outlines over the current bounds in grey).  The recasts are found by
-- their status (alpcast.suite discover + alp.recast.load: no physics), so
-- recasts added later appear by themselves; a panel is drawn per model found
-- in DIR/<recast>/<model>[_<variant>].csv (the benchmarks cff and cWW, or any
-- model a run wrote), or only for --model NAME.
--   M.main(args, {status =, prefix =, title =, script =})
-- Writes DIR/<prefix>_<model>.csv (every interval drawn: recast, variant,
-- result, ma_GeV, c_low, c_high), DIR/<prefix>_<model>_<recast>[_<variant>].csv
-- (its polygons) and DIR/<prefix>_<model>.{gp,svg,pdf}.
local alp = require "alp"
local recast = require "alpcast.recast"
local styles = require "alpcast.styles"

local M = {}
local fmt = string.format

local AXES = { -- y ranges of the paper's Fig. 3 / Fig. 12 panels; other models: the cff range
  cff = { label = "c_{ff}(Λ)/f_a [TeV^{-1}]", yrange = { 1e-7, 1e2 } },
  cWW = { label = "c_{WW}(Λ)/f_a [TeV^{-1}]", yrange = { 1e-4, 1e4 } },
}

-- Bundled recasts with the given status: {desc, ...} in name order.
function M.recasts(status)
  local list = {}
  for _, e in ipairs(require("alpcast.suite").discover({ alp.root .. "/recasts" })) do
    local ok, d = pcall(recast.load, e.path)
    if ok and (status == nil or d.status == status) then list[#list + 1] = d end
  end
  return list
end

-- Is FILE an interval file (columns ma_GeV,c_low,c_high)?  The folder also
-- holds other tables (csb.csv, cds.csv, plane_*.csv).
local function is_intervals(file)
  for line in io.lines(file) do
    if not line:match("^%s*#") and line:match("%S") then
      return line:gsub("%s", "") == "ma_GeV,c_low,c_high"
    end
  end
  return false
end

-- The result files of one recast in DIR: {model =, variant =, file =, polygons =}.
function M.results(out, desc)
  local dir, found = out .. "/" .. desc.name, {}
  for _, f in ipairs(alp.fs.listdir(dir) or {}) do
    local label = f:match("^(.+)%.csv$")
    if label and is_intervals(dir .. "/" .. f) then
      local model, variant = label, nil
      for _, v in ipairs(desc.variant_names) do
        local m = label:match("^(.+)_" .. v:gsub("%p", "%%%0") .. "$")
        if m then model, variant = m, v end
      end
      found[#found + 1] = { model = model, variant = variant, label = label, file = dir .. "/" .. f,
                            polygons = dir .. "/extra/" .. label .. "_polygons.csv" }
    end
  end
  return found
end

local function title_of(d, r)
  local what = d.name:gsub("_", "-") .. (r.variant and (" " .. r.variant:gsub("_", "-")) or "")
  return fmt("%s %s (%g%%%s)", d.experiment, what, d.cl * 100, d.result == "preferred" and ", preferred" or "")
end

-- Polygons of one result (the suite's polygon file, else from the intervals).
local function polygons(r, d)
  if d.n == 0 then return {} end
  if alp.fs.exists(r.polygons) then return alp.contour.read(r.polygons) end
  return alp.contour.polygons(d)
end

-- Area of polygons in (ln m, ln c): the drawing order (largest first, so that
-- small regions stay visible; preferred regions always on top).
local function area(polys)
  local a = 0
  for _, p in ipairs(polys) do
    local s = 0
    for i = 1, #p do
      local q, r = p[i], p[i % #p + 1]
      s = s + math.log(q[1]) * math.log(r[2]) - math.log(r[1]) * math.log(q[2])
    end
    a = a + math.abs(s) / 2
  end
  return a
end

-- Does a result belong in the overview: a recast with a default variant shows
-- only that one (the others are comparisons, e.g. babar_knunu's dch).
local function shown(desc, r)
  for _, v in ipairs(desc.variant_names) do
    if desc.variant_settings[v].default then return r.variant == nil end
  end
  return true
end

-- Series (and the rows of the interval table) for one status in one model.
local function collect(out, prefix, model, descs, style, written, rows)
  local series = {}
  for _, desc in ipairs(descs) do
    for _, r in ipairs(M.results(out, desc)) do
      if r.model == model and shown(desc, r) and not (style.excluded_only and desc.result ~= "excluded") then
        local d = alp.data.csv(r.file)
        for k = 1, d.n do
          rows[#rows + 1] = { desc.name, r.variant or "", desc.result, d.columns.ma_GeV[k], d.columns.c_low[k],
                              d.columns.c_high[k] }
        end
        local polys = polygons(r, d)
        if #polys > 0 then
          local path = fmt("%s/%s_%s_%s.csv", out, prefix, model, desc.name .. (r.variant and ("_" .. r.variant) or ""))
          alp.contour.write(path, polys, {
            quantity = fmt("region %s by %s (%s), closed polygons in (m_a, c)", desc.result, desc.name, desc.status),
            units = "ma_GeV: GeV; c: c(Lambda)/f_a in TeV^-1", model = model, recast = desc.name,
            variant = r.variant, cl = desc.cl, source = desc.name .. "/" .. r.label .. ".csv" })
          written[#written + 1] = path
          -- each bound in its style of every figure (alpcast.styles); the
          -- grey background of the future-reach panel and the preferred
          -- regions (red, on top) keep theirs
          local st = styles.of(desc.name, r.variant, title_of(desc, r))
          local color = style.color or (desc.result == "preferred" and "#D62728") or st.color
          local title = style.title
          if title == nil then
            local listed = styles.bounds[desc.name .. (r.variant and ("/" .. r.variant) or "")]
                           or styles.bounds[desc.name]
            title = listed and fmt("%s (%g%%%s)", st.title, desc.cl * 100,
                                   desc.result == "preferred" and ", preferred" or "")
                    or title_of(desc, r)
          end
          series[#series + 1] = { order = (desc.result == "preferred" and -1 or 1) * area(polys), file = path, x = "ma_GeV", y = "c", style = style.style, color = color,
                                  pattern = (style.style == "polygon" and not style.color and desc.result ~= "preferred")
                                    and st.pattern or nil,
                                  alpha = desc.result == "preferred" and 0.15 or style.alpha, width = 2,
                                  title = title }
          if style.title_once then style.title = false end
        end
      end
    end
  end
  table.sort(series, function(a, b) return a.order > b.order end)
  for _, s in ipairs(series) do s.order = nil end
  return series
end

-- args: the script's arguments ([--out DIR] [--model NAME]); spec: status,
-- prefix, title, script, background (also draw the published regions in grey)
function M.main(args, spec)
  local rest, only = {}, nil
  local i = 1
  while i <= #args do
    if args[i] == "--model" and args[i + 1] then only = args[i + 1]; i = i + 2
    else rest[#rest + 1] = args[i]; i = i + 1 end
  end
  local out = alp.output.out_dir(rest, spec.script)
  if not out then return end
  local mine, published = M.recasts(spec.status), spec.background and M.recasts("published") or {}
  local models, seen = {}, {}
  for _, d in ipairs(mine) do
    for _, r in ipairs(M.results(out, d)) do
      if not seen[r.model] and (only == nil or r.model == only) then seen[r.model] = true; models[#models + 1] = r.model end
    end
  end
  table.sort(models)
  local written = {}
  if #models == 0 then print(spec.script .. ": no results of " .. spec.status .. " recasts in " .. out .. ": nothing drawn") end
  for _, model in ipairs(models) do
    local rows, series = {}, {}
    if spec.background then
      series = collect(out, spec.prefix, model, published, { style = "polygon", color = "#BBBBBB", alpha = 0.45, excluded_only = true,
                       title = "current bounds (every published recast)", title_once = true }, written, {}, 0)
    end
    local style = spec.background and { style = "lines" } or { style = "polygon", alpha = 0.55 }
    for _, s in ipairs(collect(out, spec.prefix, model, mine, style, written, rows)) do series[#series + 1] = s end
    local path = fmt("%s/%s_%s.csv", out, spec.prefix, model)
    alp.output.csv(path, { columns = { "recast", "variant", "result", "ma_GeV", "c_low", "c_high" }, rows = rows,
      header = { quantity = fmt("coupling intervals of every bundled %s recast for %s, one row per interval per mass "
                                .. "(result: excluded, or preferred = inside a measured band)", spec.status, model),
                 units = "ma_GeV: GeV; c_low, c_high: c(Lambda)/f_a in TeV^-1 (inf = open upwards)",
                 model = model, source = out .. "/<recast>/" .. model .. "[_<variant>].csv" } })
    written[#written + 1] = path
    if #series > 0 then
      local ax = AXES[model] or AXES.cff
      local opts = { output = fmt("%s/%s_%s", out, spec.prefix, model), title = spec.title .. ", " .. model,
                     xlabel = "m_a [GeV]", ylabel = ax.label, logx = true, logy = true, xrange = { 1e-2, 5 },
                     yrange = ax.yrange, key = "outside right top font \",9\"", size = { 1280, 720 }, series = series }
      local files, why = alp.plot.figure(opts)
      for _, f in ipairs(files or { opts.output .. ".gp" }) do written[#written + 1] = f end
      if not files then print(spec.script .. ": no picture: " .. tostring(why)) end
    end
  end
  for _, f in ipairs(written) do print("wrote " .. f) end
  return written
end

return M
