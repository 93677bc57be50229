-- alpcast/plot.lua: figures through gnuplot (alp.plot).
-- alp.plot.figure{...} writes OUTPUT.gp (a standalone gnuplot script that
-- reads the CSV files of its series), then runs gnuplot once per format
-- (svg, pdf, png) into OUTPUT.<fmt>.tmp and renames on success.  SVGs get
-- xml:space="preserve", so the space after a sub- or superscript (a new
-- <tspan> starting with a blank) is kept by librsvg as by browsers.  Without gnuplot
-- (not installed, or ALPCAST_GNUPLOT=none) it returns nil and the reason, and
-- the .gp and the data files are still there to plot later.
local check = require "alpcast.check"
local output = require "alpcast.output"

local M = {}

local fmt, concat = string.format, table.concat

local STYLES = { "lines", "points", "linespoints", "steps", "filled", "polygon" }
local FORMATS = { "svg", "pdf", "png" }
local DEFAULT_FORMATS = { "svg", "pdf" }
local SERIES_KEYS = { "file", "x", "y", "y2", "title", "style", "color", "width",
                      "dash", "alpha", "index", "pattern" }
local FIG_KEYS = { "output", "title", "xlabel", "ylabel", "logx", "logy", "xrange",
                   "yrange", "series", "formats", "key", "size", "labels", "grid", "xtics", "ytics" }
-- Colour-blind-safe default cycle (Okabe-Ito).
local PALETTE = { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                  "#F0E442", "#000000" }

-- gnuplot string literal (double quotes; enhanced-text markup passes through).
local function gpstr(s)
  return '"' .. tostring(s):gsub('\\', '\\\\'):gsub('"', '\\"'):gsub("\n", "\\n") .. '"'
end

local function dirname(p) return p:match("^(.*)/[^/]*$") or "." end
local function basename(p) return p:match("([^/]*)$") end

local gnuplot_cmd -- cached: command string, or false when unavailable

-- alp.plot.gnuplot() -> command | nil, reason
function M.gnuplot()
  if gnuplot_cmd == nil then
    local env = os.getenv("ALPCAST_GNUPLOT")
    if env == "" or env == "none" then
      gnuplot_cmd = false
    else
      local cmd = env or "gnuplot"
      local ok = os.execute("command -v " .. cmd .. " >/dev/null 2>&1")
      gnuplot_cmd = ok and cmd or false
    end
  end
  if gnuplot_cmd then return gnuplot_cmd end
  return nil, "gnuplot not found (install gnuplot-nox, or set ALPCAST_GNUPLOT)"
end

-- Column names of a CSV file: the first line that is neither a comment nor
-- blank.
local function csv_columns(path, fname)
  local f, err = io.open(path, "r")
  if not f then error(fmt("%s: cannot read series file %s", fname, err), 4) end
  local names
  for line in f:lines() do
    if not line:match("^%s*#") and line:match("%S") then
      names = {}
      for name in (line:gsub("\r$", "") .. ","):gmatch("([^,]*),") do
        names[#names + 1] = name:match("^%s*(.-)%s*$")
      end
      break
    end
  end
  f:close()
  if not names then error(fmt("%s: series file %s has no column row", fname, path), 4) end
  return names
end

local function column_index(names, col, path, fname)
  if math.type(col) == "integer" then return col end
  for i, n in ipairs(names) do if n == col then return i end end
  local s = check.suggest(tostring(col), names)
  error(fmt("%s: no column '%s' in %s%s (columns: %s)", fname, tostring(col), path,
            s and fmt(" -- did you mean '%s'?", s) or "", concat(names, ", ")), 4)
end

-- Path of a data file as seen from the folder of the .gp file.
local function rel_path(file, gpdir)
  if file:sub(1, #gpdir + 1) == gpdir .. "/" then return file:sub(#gpdir + 2) end
  if file:sub(1, 1) == "/" then return file end
  local pwd = os.getenv("PWD") or "."
  return pwd .. "/" .. file
end

local function range_text(r, fname, name)
  if r == nil then return nil end
  check.table(r, fname, name, 3)
  local a, b = r[1], r[2]
  local function one(v) return v == nil and "*" or fmt("%.10g", check.number(v, fname, name, nil, nil, nil, 4)) end
  return fmt("[%s:%s]", one(a), one(b))
end

local function series_lines(series, gpdir, fname)
  local plots = {}
  for i, s in ipairs(series) do
    local where = fmt("series[%d]", i)
    check.table(s, fname, where, 3)
    check.keys(s, SERIES_KEYS, fname .. ": " .. where, 3)
    local file = check.string(s.file, fname, where .. ".file", nil, 3)
    local style = check.option(s.style, fname, where .. ".style", STYLES, "lines", 3)
    local names = csv_columns(file, fname)
    local xi = column_index(names, s.x or 1, file, fname)
    local yi = column_index(names, s.y or 2, file, fname)
    local color = s.color or PALETTE[(i - 1) % #PALETTE + 1]
    local width = check.number(s.width, fname, where .. ".width", 0, 20, 2, 3)
    local title = s.title and gpstr(s.title) or (gpstr(names[yi]) .. " noenhanced")
    if s.title == false then title = "notitle" else title = "title " .. title end
    local using, with
    if style == "filled" then
      if s.y2 == nil then
        error(fmt("%s: %s.y2 is required with style = \"filled\" (fills between y and y2)",
                  fname, where), 3)
      end
      local y2 = column_index(names, s.y2, file, fname)
      using = fmt("%d:(fin($%d)):(fin($%d))", xi, yi, y2)
      with = fmt("filledcurves fillcolor rgb %s fillstyle transparent solid %.3g border lc rgb %s",
                 gpstr(color), check.number(s.alpha, fname, where .. ".alpha", 0, 1, 0.35, 3),
                 gpstr(color))
    elseif style == "polygon" then
      using = fmt("%d:(fin($%d))", xi, yi)
      with = fmt("filledcurves closed fillcolor rgb %s fillstyle transparent solid %.3g border lc rgb %s",
                 gpstr(color), check.number(s.alpha, fname, where .. ".alpha", 0, 1, 0.35, 3),
                 gpstr(color))
    else
      using = fmt("%d:(fin($%d))", xi, yi)
      with = fmt("%s lc rgb %s lw %.3g", style, gpstr(color), width)
      if s.dash then with = with .. fmt(" dt %d", check.integer(s.dash, fname, where .. ".dash", 1, 5, nil, 3)) end
    end
    local idx = s.index and fmt(" index %d", check.integer(s.index, fname, where .. ".index", 0, nil, nil, 3)) or ""
    local pattern = s.pattern ~= nil and check.integer(s.pattern, fname, where .. ".pattern", 1, 7, nil, 3)
    if pattern and style ~= "polygon" and style ~= "filled" then
      error(fmt("%s: %s.pattern (hatching) needs style = \"polygon\" or \"filled\"", fname, where), 3)
    end
    if pattern then
      -- a hatched region: the light fill without a key entry, then the
      -- hatching (gnuplot fill pattern 1-7) with its border, in the key
      plots[#plots + 1] = fmt("  %s%s using %s with %s notitle", gpstr(rel_path(file, gpdir)), idx,
                              using, with)
      with = with:gsub("fillstyle transparent solid [%d.e+-]+", fmt("fillstyle transparent pattern %d", pattern))
    end
    plots[#plots + 1] = fmt("  %s%s using %s with %s %s", gpstr(rel_path(file, gpdir)), idx,
                            using, with, title)
  end
  return plots
end

local TERMINALS = {
  svg = 'set terminal svg size %d,%d dynamic enhanced font "Helvetica,14" background rgb "white"',
  pdf = 'set terminal pdfcairo size %.3fin,%.3fin enhanced font "Helvetica,10"',
  png = 'set terminal pngcairo size %d,%d enhanced font "Helvetica,12" background rgb "white"',
}

-- gnuplot's SVG starts "<svg " (then its attributes): keep blanks in text.
local function svg_preserve_space(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  if text:find('xml:space="preserve"', 1, true) then return end
  local fixed, n = text:gsub("<svg%s", '<svg xml:space="preserve" ', 1)
  if n == 0 then error("alp.plot.figure: gnuplot wrote no <svg> element in " .. path, 0) end
  f = assert(io.open(path, "wb"))
  f:write(fixed)
  assert(f:close())
end

-- alp.plot.figure{...} -> array of files written | nil, reason
function M.figure(opts)
  local fname = "alp.plot.figure"
  check.table(opts, fname, "the options")
  check.keys(opts, FIG_KEYS, fname)
  local out = check.string(opts.output, fname, "output")
  if out:match("%.%w+$") and (out:match("%.svg$") or out:match("%.pdf$") or out:match("%.gp$")) then
    error(fmt("%s: output is a name without extension (got '%s')", fname, out), 2)
  end
  local series = check.table(opts.series, fname, "series")
  if #series == 0 then error(fname .. ": series must be a non-empty array", 2) end
  local formats = check.table(opts.formats or DEFAULT_FORMATS, fname, "formats")
  for i, f in ipairs(formats) do check.option(f, fname, fmt("formats[%d]", i), FORMATS) end
  local logx = check.boolean(opts.logx, fname, "logx", true)
  local logy = check.boolean(opts.logy, fname, "logy", true)
  local size = opts.size and check.table(opts.size, fname, "size") or { 720, 540 }
  local w = check.number(size[1], fname, "size[1]", 100, 5000)
  local h = check.number(size[2], fname, "size[2]", 100, 5000)
  local gpdir = dirname(out)
  local base = basename(out)

  local L = {
    "# " .. base .. ".gp -- written by alpcast (alp.plot.figure).",
    "# Standalone: run it from this folder, e.g.",
    "#   gnuplot -e 'set terminal svg; set output \"" .. base .. ".svg\"' " .. base .. ".gp",
    'set datafile separator ","',
    'set datafile commentschars "#"',
    "fin(v) = (v == v && abs(v) < 1e300) ? v : NaN",
  }
  if opts.title then L[#L + 1] = "set title " .. gpstr(opts.title) end
  if opts.xlabel then L[#L + 1] = "set xlabel " .. gpstr(opts.xlabel) end
  if opts.ylabel then L[#L + 1] = "set ylabel " .. gpstr(opts.ylabel) end
  if logx then L[#L + 1] = "set logscale x"; L[#L + 1] = 'set format x "10^{%L}"' end
  if logy then L[#L + 1] = "set logscale y"; L[#L + 1] = 'set format y "10^{%L}"' end
  local xr, yr = range_text(opts.xrange, fname, "xrange"), range_text(opts.yrange, fname, "yrange")
  if xr then L[#L + 1] = "set xrange " .. xr end
  if yr then L[#L + 1] = "set yrange " .. yr end
  if opts.key == false then L[#L + 1] = "unset key"
  else L[#L + 1] = "set key " .. check.string(opts.key, fname, "key", "top right") .. " opaque" end
  -- xtics/ytics: {{label, position}, ...} replace the automatic tic marks
  for _, ax in ipairs { "x", "y" } do
    local t = opts[ax .. "tics"]
    if t ~= nil then
      check.table(t, fname, ax .. "tics")
      local parts = {}
      for i, tic in ipairs(t) do
        check.table(tic, fname, fmt("%stics[%d]", ax, i))
        parts[i] = fmt("%s %.10g", gpstr(check.string(tic[1], fname, fmt("%stics[%d][1]", ax, i))),
                       check.number(tic[2], fname, fmt("%stics[%d][2]", ax, i)))
      end
      L[#L + 1] = fmt("set %stics (%s)", ax, concat(parts, ", "))
    end
  end
  if opts.grid ~= false then L[#L + 1] = "set grid lc rgb \"#dddddd\"" end
  for i, lab in ipairs(opts.labels or {}) do
    check.table(lab, fname, fmt("labels[%d]", i))
    L[#L + 1] = fmt("set label %s at %.10g,%.10g", gpstr(check.string(lab.text, fname, "labels.text")),
                    check.number(lab.x, fname, "labels.x"), check.number(lab.y, fname, "labels.y"))
  end
  L[#L + 1] = "plot \\"
  L[#L + 1] = concat(series_lines(series, gpdir, fname), ", \\\n")
  L[#L + 1] = ""
  local gpfile = out .. ".gp"
  output.text(gpfile, concat(L, "\n"))
  local written = { gpfile }

  local cmd, why = M.gnuplot()
  if not cmd then return nil, why end
  for _, f in ipairs(formats) do
    local target = base .. "." .. f
    local tmp, final = out .. "." .. f .. ".tmp", out .. "." .. f
    local term = f == "pdf" and fmt(TERMINALS.pdf, w / 144, h / 144)
      or fmt(TERMINALS[f], math.floor(w), math.floor(h))
    local setup = term .. "; set output " .. gpstr(target .. ".tmp")
    local shell = fmt("cd %s && %s -e %s %s 2>&1", output._q(gpdir), cmd, output._q(setup),
                      output._q(base .. ".gp"))
    -- any error (gnuplot failing, an interruption) removes the .tmp file
    local ok, err = pcall(function()
      local p = io.popen(shell)
      local msg = p:read("a")
      local closed = p:close()
      local fh = io.open(tmp, "rb")
      local size_ok = fh and fh:seek("end") > 0
      if fh then fh:close() end
      if not closed or not size_ok then
        error(fmt("%s: gnuplot failed on %s.gp (%s): %s", fname, out, f, msg), 0)
      end
      if f == "svg" then svg_preserve_space(tmp) end
      local rok, rerr = os.rename(tmp, final)
      if not rok then error(fmt("%s: %s", fname, rerr), 0) end
    end)
    if not ok then
      os.remove(tmp)
      error(err, 0)
    end
    written[#written + 1] = final
  end
  return written
end

return M
