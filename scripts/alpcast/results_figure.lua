-- alpcast/results_figure.lua: `alpcast plot` -- any recasts' results (the
-- bundled ones, a user's, any model) as one Fig. 3-style figure: excluded
-- (or preferred) regions in (m_a, c) from the suite's output folders, one
-- style per bound (alpcast.styles), the validity bound shaded, the edges of
-- the scan marked, the key outside the axes.  The host calls M.main(args).
local alp = require "alp"
local styles = require "alpcast.styles"

local M = {}

local fmt, concat = string.format, table.concat

M.usage = [[
usage: alpcast plot [RESULTS ...] [--in DIR] [--recasts NAME,...] [--model NAME]
                    [--out FILE] [--format svg,pdf,png] [--title TEXT] [--help]

Draws the regions of any recasts' results as one figure (m_a on x, the
coupling on y, both logarithmic), like the paper's Fig. 3.

  RESULTS          folders of one recast's results, as `alpcast suite` writes
                   them (OUT/<recast>/ with <model>[_<variant>].csv and
                   extra/<model>[_<variant>]_polygons.csv), e.g. myout/my_search
  --in DIR         also every recast folder of the suite output folder DIR
                   (may be repeated; default out/ when no RESULTS are given)
  --recasts N,...  only these recasts of the --in folders (folder names; * and
                   ? are wildcards)
  --model NAME     which results: cff (default), cWW, or a model family's name
                   (`alpcast suite --model`); every variant file is drawn
  --out FILE       the figure, without extension (default: the first --in
                   folder, or the first RESULTS folder's parent, /plot_<model>)
  --format LIST    comma-separated: svg, pdf, png (default svg,pdf)
  --title TEXT     the figure's title (gnuplot enhanced text)
  --help           this text

Writes FILE.gp (standalone), FILE.<format>, FILE.csv (every drawn interval:
recast, variant, ma_GeV, c_low, c_high) and FILE_<recast>[_<variant>].csv (the
polygons drawn).  The key is outside the axes; each bound has its own colour
and hatching (the same as in the suite's figures); the region above the
validity bound of the results (REFERENCE D16(b), from their headers) is shaded;
the bottom of the coupling scan is drawn as a dotted line (an excluded region
that reaches it continues below).  Exit 0, 1 when nothing could be drawn or
gnuplot failed, 2 on a usage error.]]

local function glob_to_pattern(g)
  return "^" .. g:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
end

local function parse(args)
  local o = { results = {}, inputs = {}, model = "cff", formats = { "svg", "pdf" } }
  local i = 1
  local function value(name)
    local v = args[i + 1]
    if v == nil or v == "" then error(fmt("option %s needs a value", name), 0) end
    i = i + 1
    return v
  end
  while i <= #args do
    local a = args[i]
    local k, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if k then a = k; table.insert(args, i + 1, inline) end
    if a == "--in" then o.inputs[#o.inputs + 1] = value(a)
    elseif a == "--recasts" then
      o.only = {}
      for n in value(a):gmatch("[^,%s]+") do o.only[#o.only + 1] = glob_to_pattern(n) end
    elseif a == "--model" then
      o.model = value(a)
      if not o.model:match("^[%w_%-]+$") then
        error(fmt("--model must be a result name (letters, digits, _ or -), got '%s'", o.model), 0)
      end
    elseif a == "--out" then o.out = value(a)
    elseif a == "--title" then o.title = value(a)
    elseif a == "--format" then
      o.formats = {}
      for f in value(a):gmatch("[^,%s]+") do
        if f ~= "svg" and f ~= "pdf" and f ~= "png" then
          error(fmt("--format: unknown format '%s' (svg, pdf, png)", f), 0)
        end
        o.formats[#o.formats + 1] = f
      end
      if #o.formats == 0 then error("--format needs at least one of svg, pdf, png", 0) end
    elseif a == "-h" or a == "--help" then o.help = true
    elseif a:sub(1, 1) == "-" then error(fmt("unknown option '%s'", a), 0)
    else o.results[#o.results + 1] = (a:gsub("/+$", "")) end
    i = i + 1
  end
  if #o.results == 0 and #o.inputs == 0 then o.inputs = { "out" } end
  return o
end

local function selected(o, name)
  if not o.only then return true end
  for _, p in ipairs(o.only) do if name:match(p) then return true end end
  return false
end

-- The result folders to draw: {dir =, name =} in a stable order.
local function folders(o)
  local list, seen = {}, {}
  -- --recasts filters the folders of --in; RESULTS folders are drawn as named
  local function add(dir, all)
    local name = dir:match("([^/]+)$")
    if not seen[dir] and (all or selected(o, name)) then
      seen[dir] = true
      list[#list + 1] = { dir = dir, name = name }
    end
  end
  for _, d in ipairs(o.results) do
    if not alp.fs.isdir(d) then error(fmt("no such results folder: %s", d), 0) end
    add(d, true)
  end
  for _, d in ipairs(o.inputs) do
    if not alp.fs.isdir(d) then
      error(fmt("--in %s: no such folder (run `alpcast suite --out %s` first)", d, d), 0)
    end
    local names = alp.fs.listdir(d) or {}
    table.sort(names)
    for _, n in ipairs(names) do
      local p = d .. "/" .. n
      if n:sub(1, 1) ~= "." and alp.fs.isdir(p) then add(p) end
    end
  end
  return list
end

-- The result files of one folder for a model: <model>.csv (no variant or the
-- default variant) and <model>_<variant>.csv.
local function result_files(dir, model)
  local out = {}
  local names = alp.fs.listdir(dir) or {}
  table.sort(names)
  for _, n in ipairs(names) do
    local stem = n:match("^(.+)%.csv$")
    if stem == model then out[#out + 1] = { label = stem, file = dir .. "/" .. n }
    elseif stem and stem:sub(1, #model + 1) == model .. "_" then
      out[#out + 1] = { label = stem, variant = stem:sub(#model + 2), file = dir .. "/" .. n }
    end
  end
  return out
end

-- The blocks of a polygon file (alp.contour.write): {{{x, y}, ...}, ...}.
local function read_polygons(path)
  local polys, cur, header_done = {}, nil, false
  for line in io.lines(path) do
    if line:match("^%s*#") then -- comment
    elseif not line:match("%S") then
      if cur and #cur > 0 then polys[#polys + 1] = cur end
      cur = nil
    elseif not header_done then header_done = true -- the column row
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

-- Area of polygons in decades^2 (shoelace in log m_a, log c): the drawing
-- order puts large regions first, so that small ones stay visible on top.
local function log_area(polys)
  local a = 0
  for _, p in ipairs(polys) do
    local s = 0
    for i = 1, #p do
      local q, r = p[i], p[i % #p + 1]
      if q[2] > 0 and r[2] > 0 and q[1] > 0 and r[1] > 0 then
        s = s + math.log(q[1], 10) * math.log(r[2], 10) - math.log(r[1], 10) * math.log(q[2], 10)
      end
    end
    a = a + math.abs(s) / 2
  end
  return a
end

function M.main(args)
  local ok, o = pcall(parse, args or {})
  if not ok then
    io.stderr:write("alpcast plot: " .. tostring(o) .. "\ntry 'alpcast plot --help'\n")
    return 2
  end
  if o.help then print(M.usage) return 0 end
  local okf, list = pcall(folders, o)
  if not okf then
    io.stderr:write("alpcast plot: " .. tostring(list) .. "\n")
    return 2
  end
  local base = o.out or ((o.inputs[1] or (o.results[1]:match("^(.*)/[^/]+$") or "."))
                         .. "/plot_" .. o.model)
  local outdir = base:match("^(.*)/[^/]*$") or "."
  if not alp.fs.isdir(outdir) then alp.fs.mkdir(outdir) end
  local series, rows, used, skipped = {}, {}, {}, {}
  local xlo, xhi, ylo, yhi = math.huge, 0, math.huge, 0
  local bounds, scan_min = {}, math.huge
  for _, f in ipairs(list) do
    local files = result_files(f.dir, o.model)
    if #files == 0 then skipped[#skipped + 1] = f.name end
    for _, r in ipairs(files) do
      local d = alp.data.csv(r.file)
      local meta = d.meta
      local recast = tostring(meta.recast or f.name)
      local variant = r.variant
      local kind = tostring(meta.result or "excluded")
      local st = styles.of(recast, variant)
      local cl = tonumber(meta.cl)
      st.title = st.title .. (cl and fmt(" (%g%%%s)", cl * 100, kind == "preferred" and ", preferred" or "") or "")
      local vb = tonumber(meta.validity_bound)
      if vb then
        local parent = tostring(meta.open_ends or ""):match("f_a/c > m_([%w%+%-%*%(%)]+)") or "P"
        bounds[vb] = bounds[vb] or parent
      end
      local smin = tostring(meta.scan or ""):match("points ([%d.e+-]+)%-")
      if tonumber(smin) then scan_min = math.min(scan_min, tonumber(smin)) end
      local mas, los, his = d:column("ma_GeV"), d:column("c_low"), d:column("c_high")
      for j = 1, d.n do
        local ma, lo, hi = mas[j], los[j], his[j]
        rows[#rows + 1] = { recast, variant or "", ma, lo, hi }
        xlo, xhi = math.min(xlo, ma), math.max(xhi, ma)
        ylo = math.min(ylo, lo)
        if hi < math.huge then yhi = math.max(yhi, hi) end
        yhi = math.max(yhi, lo)
      end
      local pfile = f.dir .. "/extra/" .. r.label .. "_polygons.csv"
      local polys = alp.fs.exists(pfile) and read_polygons(pfile) or alp.contour.polygons(d)
      if #polys > 0 then
        local data = fmt("%s_%s%s.csv", base, recast, variant and ("_" .. variant) or "")
        alp.contour.write(data, polys, {
          quantity = fmt("%s region of %s%s for %s as drawn by alpcast plot", kind, recast,
                         variant and (" variant " .. variant) or "", o.model),
          units = "ma_GeV in GeV; c = c(Lambda)/f_a in TeV^-1",
          source = alp.fs.exists(pfile) and pfile:match("([^/]+/extra/[^/]+)$") or r.label .. ".csv",
          recast = recast, variant = variant, model = o.model, cl = cl })
        if tostring(meta.status) == "projection" then
          -- a projection is a reach, not a bound: its outline only
          series[#series + 1] = { file = data, x = "ma_GeV", y = "c", style = "lines",
                                  title = st.title .. " projection", color = st.color,
                                  dash = st.dash or 2, width = 2.5, order = 1e9 }
        else
          series[#series + 1] = { file = data, x = "ma_GeV", y = "c", style = "polygon",
                                  title = st.title, color = st.color, alpha = 0.25,
                                  pattern = st.pattern, order = -log_area(polys) }
        end
        used[#used + 1] = recast .. (variant and ("/" .. variant) or "")
      end
    end
  end
  if #series == 0 then
    io.stderr:write(fmt("alpcast plot: no %s results to draw in %s\n", o.model,
                        #list > 0 and concat((function()
                          local t = {}
                          for _, f in ipairs(list) do t[#t + 1] = f.dir end
                          return t
                        end)(), ", ") or "the folders given (none matched)"))
    return 1
  end
  -- the axes: the data with half a decade of room; the scan's bottom when
  -- a region reaches it
  local x0, x1 = xlo / 1.5, xhi * 1.5
  local y0 = math.max(ylo / 3, scan_min < math.huge and scan_min / 3 or 0)
  local y1 = yhi * 10
  -- regions by decreasing area, then the projections' curves; stable
  for i, sr in ipairs(series) do sr.rank = i end
  table.sort(series, function(a, b)
    if a.order ~= b.order then return a.order < b.order end
    return a.rank < b.rank
  end)
  for _, sr in ipairs(series) do sr.order, sr.rank = nil, nil end
  -- validity bounds within 1 % of each other (B+ and B0) are one band,
  -- named by the parent's family (m_B, m_K)
  local vlist = {}
  for v, p in pairs(bounds) do vlist[#vlist + 1] = { v, (p:gsub("[%+%-0]$", "")) } end
  table.sort(vlist, function(a, b) return a[1] < b[1] end)
  local merged = {}
  for _, vb in ipairs(vlist) do
    local last = merged[#merged]
    if not (last and vb[1] < last[1] * 1.01) then merged[#merged + 1] = vb end
  end
  vlist = merged
  local bands = {}
  -- shade above each validity bound inside the axes (lowest first)
  for _, vb in ipairs(vlist) do
    if vb[1] < y1 then
      local file = fmt("%s_validity_%s.csv", base, (vb[2]:gsub("[^%w]", "")))
      alp.output.csv(file, { columns = { "ma_GeV", "c_lo", "c_hi" },
                             rows = { { x0, vb[1], y1 * 10 }, { x1, vb[1], y1 * 10 } },
                             header = { quantity = fmt("region above the EFT validity bound c/f_a = "
                                                       .. "1/m_%s (REFERENCE D16(b))", vb[2]),
                                        units = "ma_GeV in GeV; c in TeV^-1" } })
      bands[#bands + 1] = { file = file, x = "ma_GeV", y = "c_lo", y2 = "c_hi", style = "filled",
                            color = styles.validity.color, alpha = styles.validity.alpha,
                            title = fmt("f_a/c < m_{%s}: EFT not valid (D16(b))", vb[2]) }
    end
  end
  -- the bands first: the regions that reach them are drawn over them
  for i = #bands, 1, -1 do table.insert(series, 1, bands[i]) end
  if scan_min < math.huge and scan_min > y0 then
    local file = base .. "_scan_edge.csv"
    alp.output.csv(file, { columns = { "ma_GeV", "c" }, rows = { { x0, scan_min }, { x1, scan_min } },
                           header = { quantity = "the bottom of the coupling scan: a region that "
                                        .. "reaches it is excluded further down too",
                                      units = "ma_GeV in GeV; c in TeV^-1" } })
    series[#series + 1] = { file = file, x = "ma_GeV", y = "c", color = styles.scan_edge.color,
                            dash = styles.scan_edge.dash, width = styles.scan_edge.width,
                            title = styles.scan_edge.title }
  end
  alp.output.csv(base .. ".csv", {
    columns = { "recast", "variant", "ma_GeV", "c_low", "c_high" }, rows = rows,
    header = { quantity = "every interval drawn by alpcast plot (" .. o.model .. ")",
               units = "ma_GeV in GeV; c_low, c_high = c(Lambda)/f_a in TeV^-1",
               model = o.model, source = concat(used, ", ") } })
  local nkey = #series
  local okp, files, why = pcall(alp.plot.figure, {
    output = base, title = o.title, xlabel = "m_a [GeV]",
    ylabel = o.model == "cff" and "c_{ff}(Λ)/f_a [TeV^{-1}]"
      or o.model == "cWW" and "c_{WW}(Λ)/f_a [TeV^{-1}]" or ("c/f_a [TeV^{-1}] (" .. o.model .. ")"),
    xrange = { x0, x1 }, yrange = { y0, y1 }, formats = o.formats,
    key = "outside right top vertical Left reverse samplen 2",
    size = { 1200, math.max(600, 60 + 22 * nkey) }, series = series })
  if not okp then
    io.stderr:write("alpcast plot: " .. tostring(files) .. "\n")
    return 1
  end
  for _, n in ipairs(skipped) do
    print(fmt("alpcast plot: note: %s has no %s results: left out", n, o.model))
  end
  if not files then
    print("alpcast plot: " .. tostring(why) .. "; wrote " .. base .. ".gp")
    return 1
  end
  for _, fl in ipairs(files) do print("wrote " .. fl) end
  return 0
end

return M
