-- alpcast/plane.lua: excluded regions in a plane of two couplings (c_x, c_y)
-- at one ALP mass (alp.scan.plane), for any ratio or for a recast.
--
-- Grid (both signs of each coupling): each axis is a symmetric log grid,
-- n/2 points log-spaced in |c| from min to max on each side, -max .. -min,
-- +min .. +max.  c = 0 itself is not a grid point (a model with every
-- coupling 0 has no width, so no lifetime).  With a validity bound c_max
-- (REFERENCE.md D16(b)) both axes stop at |c| = c_max, as alp.scan.run does
-- for one coupling: y is cut at, or continued up to, the bound; x is cut.
--
-- Per row c_x the excluded c_y are found by alp.scan.run along +c_y and
-- along -c_y (grid, then Brent on every sign change of ratio - 1, to rtol),
-- the grid of each row holding also the c_y where production vanishes (the
-- lines C_sb = 0 and C_ds = 0: exact when the model is linear in c_x, c_y, as
-- alp.model's couplings are; otherwise just one more grid point),
-- and joined: an interval that reaches +min on one side and -min on the
-- other passes through c_y = 0.  An edge between -min and +min (no grid
-- point there) is written at +-min.  c_y = +-inf means still excluded at the
-- end of the grid (the validity bound when there is one).
--
-- Why both signs matter: the production amplitude is linear in the couplings
-- (paper eq. 2.4, 2.7: C_sb ~ c_ff - 0.0016 c_WW), so it vanishes on a line
-- through the origin, c_WW ~ 625 c_ff, where no search sees anything.
local check = require "alpcast.check"
local alp = require "alp"

local M = {}

local huge, fmt, log10, abs = math.huge, string.format, math.log10, math.abs

-- Axis names (case-insensitive) -> the alp.model option they set, the name
-- written in file names and headers, and the default |c| range in TeV^-1.
M.axes = {
  cff = { key = "cff", name = "cff", what = "c_ff(Lambda)/f_a, universal fermion coupling", min = 1e-6 },
  cww = { key = "cww", name = "cWW", what = "c_WW(Lambda)/f_a", min = 1e-4 },
  cbb = { key = "cbb", name = "cBB", what = "c_BB(Lambda)/f_a", min = 1e-4 },
  cgg = { key = "cgg", name = "cGG", what = "c_GG(Lambda)/f_a", min = 1e-4 },
  csb = { key = "csb", name = "csb", what = "C_sb/f_a set at Lambda (added to the loop-induced part)", min = 1e-12 },
  cds = { key = "cds", name = "cds", what = "C_ds/f_a set at Lambda (added to the loop-induced part)", min = 1e-12 },
}
M.default_max, M.default_n = 1e3, 200

-- M.axis(name) -> axis table, or nil and the allowed names
function M.axis(name)
  local a = type(name) == "string" and M.axes[name:lower()]
  if a then return a end
  local names = {}
  for _, v in pairs(M.axes) do names[#names + 1] = v.name end
  table.sort(names)
  return nil, table.concat(names, ", ")
end

-- The model of a point: alp.model{[x.key] = cx, [y.key] = cy} (f_a = 1 TeV).
function M.default_model(ax, ay)
  return function(cx, cy) return alp.model { [ax.key] = cx, [ay.key] = cy } end
end

-- Axis spec {name =, min =, max =, n =} with defaults; n even, >= 4.
local function axis_spec(spec, fname, what)
  check.table(spec, fname, what, 3)
  check.keys(spec, { "name", "min", "max", "n" }, fname .. ": " .. what, 3)
  local ax = spec.name and M.axis(spec.name)
  if spec.name ~= nil and not ax then
    local _, names = M.axis(spec.name)
    error(fmt("%s: %s.name must be one of %s, got %s", fname, what, names, check.got(spec.name)), 3)
  end
  local lo = check.number(spec.min, fname, what .. ".min", 0, huge, ax and ax.min or 1e-6, 3, { lo = true })
  local hi = check.number(spec.max, fname, what .. ".max", lo, huge, M.default_max, 3, { lo = true })
  local n = check.integer(spec.n, fname, what .. ".n", 4, 100000, M.default_n, 3)
  if n % 2 ~= 0 then
    error(fmt("%s: %s.n must be even (n/2 points per sign), got %d", fname, what, n), 3)
  end
  return { axis = ax, min = lo, max = hi, n = n }
end

-- The x rows: -max .. -min, +min .. +max (n/2 per sign), |x| < c_max.
local function x_rows(s, cmax)
  local pos = alp.scan.logspace(s.min, s.max, s.n // 2)
  if cmax then
    if not (s.min < cmax) then
      error(fmt("alp.scan.plane: x.min = %.6g is at or above the validity bound %.6g", s.min, cmax), 3)
    end
    local cut = {}
    for _, c in ipairs(pos) do if c < cmax then cut[#cut + 1] = c end end
    if s.max >= cmax then cut[#cut + 1] = cmax end
    pos = cut
  end
  local rows = {}
  for i = #pos, 1, -1 do rows[#rows + 1] = -pos[i] end
  for i = 1, #pos do rows[#rows + 1] = pos[i] end
  return rows
end

-- Join the intervals of -c_y (in |c_y|) and +c_y into signed intervals
-- {lo, hi} sorted by lo; open ends become -inf / +inf.
local function join(neg, pos)
  local out, through = {}, nil
  local pos_low
  for _, iv in ipairs(pos) do if iv[3] then pos_low = iv end end
  for _, iv in ipairs(neg) do
    local lo = iv[4] and -huge or -iv[2]
    if iv[3] and pos_low then through = lo
    else out[#out + 1] = { lo, -iv[1] } end
  end
  for _, iv in ipairs(pos) do
    local hi = iv[4] and huge or iv[2]
    if iv == pos_low and through then out[#out + 1] = { through, hi }
    else out[#out + 1] = { iv[1], hi } end
  end
  table.sort(out, function(a, b) return a[1] < b[1] end)
  return out
end

-- The |c_y| grid of one side of a row: n log-spaced points from min to max,
-- plus the points where production vanishes (zeros: c_y of the lines
-- C_sb = 0 and C_ds = 0 on this side), so that an allowed band narrower
-- than a grid step is still seen (the ratio is 0 there).
local function side_grid(ys, zeros)
  local g = {}
  for _, c in ipairs(ys) do g[#g + 1] = c end
  for _, z in ipairs(zeros) do
    if z > ys[1] and z < ys[#ys] then g[#g + 1] = z end
  end
  table.sort(g)
  local out = {}
  for _, c in ipairs(g) do
    if #out == 0 or c > out[#out] * (1 + 1e-12) then out[#out + 1] = c end
  end
  return out
end

-- Slopes of the lines where production vanishes (M.zero_line).
local function zero_slopes(model)
  local s = {}
  for _, which in ipairs { "csb", "cds" } do
    local k = M.zero_line(model, which)
    if k and k == k and math.abs(k) < huge then s[#s + 1] = k end
  end
  return s
end

-- The plane from run(family, grid) -> intervals of one mass along |c_y|
-- (the by_mass[1] of an alp.scan.run result), evaluations, top of the grid.
local function sweep(xs, ys, model, run)
  local rows, nev, ymax = {}, 0, nil
  local slopes = zero_slopes(model)
  for i, cx in ipairs(xs) do
    local zpos, zneg = {}, {}
    for _, k in ipairs(slopes) do
      local z = k * cx
      if z > 0 then zpos[#zpos + 1] = z elseif z < 0 then zneg[#zneg + 1] = -z end
    end
    local neg, n1, top = run(function(c) return model(cx, -c) end, side_grid(ys, zneg))
    local pos, n2 = run(function(c) return model(cx, c) end, side_grid(ys, zpos))
    rows[i] = join(neg, pos)
    nev, ymax = nev + n1 + n2, top
  end
  return rows, nev, ymax
end

local PLANE_KEYS = { "ma", "x", "y", "model", "ratio", "prepare", "c_max", "rtol" }

-- alp.scan.plane{ma =, x = {name =, min =, max =, n =}, y = {...},
--   model = function(cx, cy) -> model, ratio = function(model, ma, prepared) -> r,
--   prepare = function(ma) -> prepared, c_max = number | parent name, rtol =}
-- -> {ma, x = {...rows}, y = {min, max, n}, rows = {{{lo, hi}, ...}, ...},
--     nevals, time_s, c_max}
function M.plane(opts)
  local fname = "alp.scan.plane"
  check.table(opts, fname, "the options")
  check.keys(opts, PLANE_KEYS, fname)
  local ma = check.number(opts.ma, fname, "ma", 0, huge, nil, 2, { lo = true })
  local sx = axis_spec(opts.x or {}, fname, "x")
  local sy = axis_spec(opts.y or {}, fname, "y")
  local model = opts.model
  if model == nil then
    if not (sx.axis and sy.axis) then
      error(fname .. ": give model = function(cx, cy) -> model, or x.name and y.name", 2)
    end
    model = M.default_model(sx.axis, sy.axis)
  end
  check.func(model, fname, "model")
  local ratio = check.func(opts.ratio, fname, "ratio")
  local prepare = check.func(opts.prepare, fname, "prepare", 2, true)
  local cmax = opts.c_max
  if type(cmax) == "string" then cmax = alp.model.max_coupling(cmax)
  elseif cmax ~= nil then cmax = check.number(cmax, fname, "c_max", 0, huge, nil, 2, { lo = true }) end
  local rtol = check.number(opts.rtol, fname, "rtol", 0, 0.5, 1e-3, 2, { lo = true })
  local t0 = os.clock()
  local prepared = { prepare and prepare(ma) or false }
  local ys = alp.scan.logspace(sy.min, sy.max, sy.n // 2)
  local xs = x_rows(sx, cmax)
  local rows, nev, ymax = sweep(xs, ys, model, function(family, couplings)
    local r = alp.scan.run { masses = { ma }, couplings = couplings, c_max = cmax, rtol = rtol,
                             family = family, ratio = ratio, prepared = prepared }
    return r.by_mass[1], r.nevals, r.couplings.max
  end)
  return { ma = ma, x = xs, y = { min = sy.min, max = ymax, n = sy.n }, rows = rows,
           nevals = nev, time_s = os.clock() - t0, c_max = cmax,
           xname = sx.axis and sx.axis.name, yname = sy.axis and sy.axis.name }
end

-- M.recast(desc, vname, {ma =, x =, y =, model =, data =, seed =}) -> plane
-- of one recast (variant vname or nil), through alp.recast.scan: the
-- recast's own ratio, prepare (run once for this mass), limit and
-- validity bound.
function M.recast(desc, vname, opts)
  local fname = "alp.scan.plane"
  local sx, sy = axis_spec(opts.x, fname, "x"), axis_spec(opts.y, fname, "y")
  local model = opts.model or M.default_model(sx.axis, sy.axis)
  local data = opts.data or alp.recast.data(desc)
  local cache, ys = {}, alp.scan.logspace(sy.min, sy.max, sy.n // 2)
  local settings = vname and desc.variant_settings[vname] or {}
  local parent = settings.parent or desc.parent
  local cmax = parent and parent ~= "none" and alp.model.max_coupling(parent) or nil
  local t0 = os.clock()
  local xs = x_rows(sx, cmax)
  local rows, nev, ymax = sweep(xs, ys, model, function(family, couplings)
    local r = alp.recast.scan(desc, "cff", vname, { data = data, cache = cache, family = family,
                                                    masses = { opts.ma }, couplings = couplings,
                                                    seed = opts.seed })
    return r.by_mass[1], r.nevals, r.couplings.max
  end)
  return { ma = opts.ma, x = xs, y = { min = sy.min, max = ymax, n = sy.n }, rows = rows,
           nevals = nev, time_s = os.clock() - t0, c_max = cmax, parent = parent,
           xname = sx.axis.name, yname = sy.axis.name }
end

-- M.rows(plane) -> {cx, cy_low, cy_high} per interval per row
function M.rows(p)
  local out = {}
  for i, cx in ipairs(p.x) do
    for _, iv in ipairs(p.rows[i]) do out[#out + 1] = { cx, iv[1], iv[2] } end
  end
  return out
end

-- Symmetric-log plotting coordinate: |c| >= cmin maps to
-- sign(c) (1 + log10(|c|/cmin)), the gap |c| < cmin linearly to (-1, 1).
function M.symlog(c, cmin)
  if abs(c) < cmin then return c / cmin end
  return (c > 0 and 1 or -1) * (1 + log10(abs(c) / cmin))
end

-- M.polygons(plane) -> array of closed polygons {{cx, cy}, ...}: the rows
-- chained by alp.contour.polygons (neighbouring rows whose intervals overlap
-- belong to one region); infinite ends drawn at the end of the grid.
function M.polygons(p)
  local by = {}
  for i = 1, #p.x do
    by[i] = {}
    for k, iv in ipairs(p.rows[i]) do by[i][k] = { iv[1], iv[2] } end
  end
  -- a scan-result source: clipped to couplings.min .. couplings.max
  return alp.contour.polygons { masses = p.x, by_mass = by, couplings = { min = -p.y.max, max = p.y.max } }
end

-- The line where production vanishes, C(cx, cy) = a cx + b cy = 0 (linear in
-- the couplings, paper eq. 2.4): slope -a/b of c_y against c_x, or nil.
-- which = "csb" or "cds" (the same line: both are V V K + direct).
function M.zero_line(model, which)
  local ok, a = pcall(function() return model(1, 0):couplings(1)[which or "csb"] end)
  local ok2, b = pcall(function() return model(0, 1):couplings(1)[which or "csb"] end)
  if not (ok and ok2) or a == 0 or b == 0 then return nil end
  return -a / b
end

return M
