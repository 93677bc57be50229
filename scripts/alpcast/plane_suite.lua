-- alpcast/plane_suite.lua: `alpcast suite --plane X,Y --ma M`: the excluded
-- region of every applicable recast in the (c_X, c_Y) plane at one mass
-- (alpcast/plane.lua), its files and the figure.
--
--   DIR/<recast>/plane_<X>_<Y>_ma<M>.csv             c_X, c_Y_low, c_Y_high (intervals per row)
--   DIR/<recast>/extra/plane_<X>_<Y>_ma<M>_polygons.csv  closed polygons (c_X, c_Y; u, v for the figure)
--   DIR/plane_<X>_<Y>_ma<M>.{gp,svg,pdf}             every recast's region, symmetric-log axes
local alp = require "alp"
local plane = require "alpcast.plane"
local output = require "alpcast.output"

local M = {}

local fmt, concat = string.format, table.concat

M.usage = [[
  --plane X,Y      instead of the benchmarks, the excluded region in the plane
                   of two couplings at Lambda (cff, cWW, cBB, cGG, csb, cds)
                   at one mass (--ma), both signs of each: a symmetric log
                   grid, N/2 points per sign from MIN to MAX in |c| (TeV^-1),
                   cut at the EFT validity bound (D16(b)); writes
                   DIR/<recast>/plane_X_Y_ma<M>.csv (c_Y intervals per c_X)
                   and polygons in extra/, and DIR/plane_X_Y_ma<M>.svg
  --ma M           the ALP mass of --plane, GeV
  --plane-x MIN,MAX[,N]  grid of X (default cff 1e-6, cWW/cBB/cGG 1e-4,
  --plane-y MIN,MAX[,N]  csb/cds 1e-12, to 1e3; N = 200)]]

M.options = { ["--plane"] = true, ["--ma"] = true, ["--plane-x"] = true, ["--plane-y"] = true }

-- Parse one option a (value() gives its value); returns an error or nil.
function M.parse(o, a, value)
  local v, err = value(a)
  if not v then return err end
  if a == "--plane" then
    local x, y = v:match("^%s*([%w_]+)%s*,%s*([%w_]+)%s*$")
    local ax, ay = plane.axis(x), plane.axis(y)
    if not (ax and ay) then
      local _, names = plane.axis(nil)
      return fmt("--plane needs two couplings X,Y out of %s, got '%s'", names, v)
    end
    if ax == ay then return fmt("--plane needs two different couplings, got '%s'", v) end
    if (ax.key == "csb" or ax.key == "cds") and (ay.key == "csb" or ay.key == "cds") then
      return fmt("--plane %s: with only flavour-changing couplings the ALP has no width (no decay, no "
                 .. "lifetime); pair csb or cds with cff, cWW, cBB or cGG", v)
    end
    o.plane = { x = ax, y = ay }
  elseif a == "--ma" then
    o.plane_ma = tonumber(v)
    if not o.plane_ma or not (o.plane_ma > 0 and o.plane_ma < 100) then
      return "--ma needs a mass in GeV in (0, 100), got " .. v
    end
  else
    local nums = {}
    for s in v:gmatch("[^,]+") do nums[#nums + 1] = tonumber(s) or s end
    local lo, hi, n = nums[1], nums[2], nums[3] or plane.default_n
    if #nums < 2 or #nums > 3 or type(lo) ~= "number" or type(hi) ~= "number" or not (lo > 0 and hi > lo)
       or hi == math.huge or math.tointeger(n) == nil or n < 4 or n > 100000 or n % 2 ~= 0 then
      return fmt("%s needs MIN,MAX[,N] with 0 < MIN < MAX and N an even integer in [4, 100000], got '%s'", a, v)
    end
    o[a == "--plane-x" and "plane_xr" or "plane_yr"] = { min = lo, max = hi, n = math.tointeger(n) }
  end
end

-- After all options: --ma needs --plane and the other way round.
function M.finish(o)
  if o.plane and not o.plane_ma then return "--plane needs --ma M (GeV)" end
  if (o.plane_ma or o.plane_xr or o.plane_yr) and not o.plane then
    return "--ma, --plane-x and --plane-y need --plane X,Y"
  end
  if o.plane then
    o.no_figures = true -- the figure scripts draw the benchmarks
    local function spec(ax, r)
      r = r or {}
      return { name = ax.name, min = r.min or ax.min, max = r.max or plane.default_max, n = r.n or plane.default_n }
    end
    o.plane.xs, o.plane.ys = spec(o.plane.x, o.plane_xr), spec(o.plane.y, o.plane_yr)
    o.plane.label = fmt("plane_%s_%s_ma%s", o.plane.x.name, o.plane.y.name, fmt("%.6g", o.plane_ma))
  end
end

-- The variant a plane runs: the default one, else the first, else none.
local function plane_variant(desc)
  if #desc.variant_names == 0 then return nil end
  for _, v in ipairs(desc.variant_names) do
    if desc.variant_settings[v].default then return v end
  end
  return desc.variant_names[1]
end

-- A recast applies to a plane when it applies to the benchmark of every
-- axis that is one (cff, cWW); other axes (cBB, cGG, csb, cds) ask nothing.
local function applies(desc, vname, p)
  for _, ax in ipairs { p.x, p.y } do
    if (ax.name == "cff" or ax.name == "cWW") and not alp.recast.applies(desc, ax.name, vname) then
      return false, ax.name
    end
  end
  return true
end

-- Writes the plane of one recast into its staging folder; records it in the
-- summary entry.
function M.write_recast(desc, data, stage, o, entry)
  local p = o.plane
  local vname = plane_variant(desc)
  local ok, missing = applies(desc, vname, p)
  if not ok then
    entry.plane = fmt("%s: not applicable (the recast does not apply to %s)", p.label, missing)
    return
  end
  local res = plane.recast(desc, vname, { ma = o.plane_ma, x = p.xs, y = p.ys, data = data, seed = o.seed })
  local X, Y = p.x.name, p.y.name
  local header = {
    quantity = fmt("couplings excluded at %g%% CL by %s (%s) in the (%s, %s) plane at m_a = %.6g GeV: "
                   .. "one row per interval of %s per %s", desc.cl * 100, desc.name, desc.experiment,
                   X, Y, o.plane_ma, Y, X),
    units = fmt("%s = %s, %s_low, %s_high = %s, in TeV^-1 (Lambda = 4 pi f_a, f_a = 1 TeV)",
                X, p.x.what, Y, Y, p.y.what),
    model = fmt("alp.model{%s = c_x, %s = c_y}, every other coupling 0", p.x.key, p.y.key),
    variant = vname, recast = desc.name, experiment = desc.experiment, cl = desc.cl,
    seed = o.seed or desc.seed, signature = desc.signature,
    grid = fmt("symmetric log grids: %s at %d rows, +-%.3g..%.3g; %s %d points per sign, "
               .. "+-%.3g..%.3g, edges by Brent to rtol %.3g; c = 0 is not a grid point: an edge "
               .. "between -min and +min is written at +-min", X, #res.x, p.xs.min,
               res.x[#res.x], Y, p.ys.n // 2, p.ys.min, res.y.max, desc.rtol),
    open_ends = res.c_max and fmt("%s_high = inf (%s_low = -inf): still excluded at the EFT validity "
                                  .. "bound |c|/f_a = %.6g TeV^-1 (f_a/|c| > m_%s, REFERENCE D16(b))",
                                  Y, Y, res.c_max, res.parent)
                or fmt("%s_high = inf (%s_low = -inf): excluded up to the end of the grid", Y, Y),
    validity_bound = res.c_max and fmt("%.6g", res.c_max) or "none",
  }
  output.csv(stage .. "/" .. p.label .. ".csv", { columns = { X, Y .. "_low", Y .. "_high" },
                                                 rows = plane.rows(res), header = header })
  local blocks = {}
  for i, poly in ipairs(plane.polygons(res)) do
    local b = {}
    for j, pt in ipairs(poly) do
      b[j] = { pt[1], pt[2], plane.symlog(pt[1], p.xs.min), plane.symlog(pt[2], p.ys.min) }
    end
    blocks[i] = b
  end
  output.csv(stage .. "/extra/" .. p.label .. "_polygons.csv", {
    columns = { X, Y, "u", "v" }, blocks = blocks,
    header = { quantity = fmt("excluded region of %s in the (%s, %s) plane at m_a = %.6g GeV as closed "
                              .. "polygons, one block each", desc.name, X, Y, o.plane_ma),
               units = fmt("%s, %s in TeV^-1; u, v = sign(c) (1 + log10(|c|/min)) with min = %.3g, %.3g "
                           .. "(plotting coordinates; |c| < min linear)", X, Y, p.xs.min, p.ys.min),
               recast = desc.name, cl = desc.cl, variant = vname } })
  entry.plane = p.label
  entry.outputs[#entry.outputs + 1] = desc.name .. "/" .. p.label .. ".csv"
  entry.plane_nevals = res.nevals
end

-- Tic marks of a symmetric log axis: every decade from min to max, both signs.
local function tics(min, max)
  local t = { { "0", 0 } }
  local d0, d1 = math.ceil(math.log10(min) - 1e-9), math.floor(math.log10(max) + 1e-9)
  local step = math.max(1, (d1 - d0) // 4)
  for d = d0, d1, step do
    local u = plane.symlog(10 ^ d, min)
    t[#t + 1] = { fmt("10^{%d}", d), u }
    t[#t + 1] = { fmt("-10^{%d}", d), -u }
  end
  return t
end

-- The figure of every recast's polygons (after the recasts ran), with the
-- line where production vanishes (paper eq. 2.4/2.7) when there is one.
function M.figure(o, summary, say)
  local p = o.plane
  local series = {}
  for _, e in ipairs(summary.recasts) do
    local f = o.out .. "/" .. e.name .. "/extra/" .. p.label .. "_polygons.csv"
    local fh = e.status == "ok" and io.open(f, "r")
    if fh then
      local text = fh:read("a")
      fh:close()
      if text:find("\n[^#\n]") and text:match("\n[%d%-]") then
        series[#series + 1] = { file = f, x = "u", y = "v", style = "polygon", title = (e.name:gsub("_", " ")),
                                  alpha = 0.3 }
      end
    end
  end
  local slope = plane.zero_line(plane.default_model(p.x, p.y))
  if slope then
    local rows = {}
    local xmax = p.xs.max
    for i = 0, 200 do
      local cx = (i < 100 and -1 or 1) * p.xs.min * (xmax / p.xs.min) ^ (math.abs(i - 100) / 100)
      if i ~= 100 then
        local cy = slope * cx
        if math.abs(cy) <= p.ys.max and math.abs(cy) >= p.ys.min then
          rows[#rows + 1] = { cx, cy, plane.symlog(cx, p.xs.min), plane.symlog(cy, p.ys.min) }
        end
      end
    end
    if #rows > 1 then
      local f = o.out .. "/" .. p.label .. "_zero.csv"
      output.csv(f, { columns = { p.x.name, p.y.name, "u", "v" }, rows = rows, header = {
        quantity = fmt("the line where C_sb and C_ds vanish (production vanishes): %s = %.6g %s "
                       .. "(paper eq. 2.4; eq. 2.7: c_WW = c_ff/0.0016 for the cff-cWW plane)",
                       p.y.name, slope, p.x.name),
        units = "TeV^-1; u, v plotting coordinates as in the polygons" } })
      series[#series + 1] = { file = f, x = "u", y = "v", style = "lines", color = "#000000",
                              dash = 2, width = 1.5, title = "production = 0 (paper eq. 2.4)" }
    end
  end
  if #series == 0 then
    say(fmt("  %s: no excluded region in any recast, no figure", p.label))
    return
  end
  local ok, why = pcall(alp.plot.figure, {
    output = o.out .. "/" .. p.label,
    title = fmt("excluded at m_a = %.6g GeV (both signs; symmetric log axes)", o.plane_ma),
    xlabel = fmt("%s/f_a [TeV^{-1}]", p.x.name), ylabel = fmt("%s/f_a [TeV^{-1}]", p.y.name),
    logx = false, logy = false, series = series, key = "outside right top",
    size = { 980, 640 }, xtics = tics(p.xs.min, p.xs.max), ytics = tics(p.ys.min, p.ys.max) })
  if not ok then say("  plane figure: " .. tostring(why)) end
end

return M
