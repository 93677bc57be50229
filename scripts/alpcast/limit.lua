-- alpcast/limit.lua: a published limit as an object (alp.limit).
-- alp.limit.csv(path, spec) or alp.limit.new(spec) build it from one of our
-- CSV files (units per column in the "# units:" header, CL in "# cl:",
-- citation in "# source:") or from Lua tables; lim:at(ma, ctau) gives the
-- limit at an ALP mass [GeV] and proper decay length c tau [m] (math.huge =
-- no limit there).  The numbers live in C (alp.interp, physics/limit.c):
-- one interpolation code for the whole project.  help("alp.limit") has the
-- rules; every rule outside the table is one of a small closed set.
local check = require "alpcast.check"
local units = require "alpcast.units"
local alp = require "alp"

local M = {}

local fmt, type, huge, concat = string.format, type, math.huge, table.concat

M.bounds = { "branching ratio", "events", "measurement" }
local SCALES = { "linear", "log" }
local METHODS = { "linear", "steffen", "nearest" }

local Limit = { __name = "alp.limit" }
Limit.__index = Limit

local SPEC_KEYS = { "value", "mass", "lifetime", "bins", "bounds", "error_up", "cl", "curves",
                    "interpolate", "outside", "same_decay_length", "select", "source", "name",
                    "columns", "units", "path", "undershoot", "mass_range", "zero" }

local function fail(what, msg, ...) error(fmt("alp.limit: %s: " .. msg, what, ...), 0) end

-- The header's CL as a number (the leading number of the "cl:" line), or nil.
local function header_cl(meta)
  local s = meta and meta.cl
  if type(s) ~= "string" then return nil end
  local v = tonumber(s:match("^%s*([%d%.]+)"))
  if v and v > 0 and v < 1 then return v end
  return nil
end

-- Edge rule spec -> {rule, ref} for the C core.
local function edge(spec, what, allowed)
  if spec == nil then spec = "none" end
  if type(spec) == "string" then
    for _, a in ipairs(allowed) do
      if a == spec and a ~= "acceptance" then return { spec } end
    end
  elseif type(spec) == "table" and spec[1] == "acceptance" then
    local ok = false
    for _, a in ipairs(allowed) do if a == "acceptance" then ok = true end end
    if ok then
      local ref = units.quantity(spec.ref, { "time", "length" }, what .. ".ref")
      if not (ref > 0 and ref < huge) then fail(what, "ref must be > 0 and finite") end
      return { "acceptance", ref }
    end
  end
  local list = {}
  for _, a in ipairs(allowed) do
    list[#list + 1] = a == "acceptance" and '{"acceptance", ref = {tau, "unit"}}' or ('"' .. a .. '"')
  end
  fail(what, "must be one of %s, got %s", concat(list, ", "), check.got(spec))
end

local function one_of(v, choices, default, what)
  if v == nil then return default end
  for _, c in ipairs(choices) do if v == c then return v end end
  local s = type(v) == "string" and check.suggest(v, choices)
  fail(what, "must be one of \"%s\", got %s%s", concat(choices, "\", \""), check.got(v),
       s and fmt(" (did you mean '%s'?)", s) or "")
end

-- A numeric column with its declared unit converted (conv(unit): a further factor, or nil).
local function column(src, name, role, kinds, conv)
  local col = src.columns[name]
  if col == nil then
    local names = {}
    for k in pairs(src.columns) do names[#names + 1] = k end
    table.sort(names)
    local s = check.suggest(name, names)
    fail(src.label, "no column '%s' (%s)%s; columns: %s", name, role,
         s and fmt(", did you mean '%s'?", s) or "", concat(names, ", "))
  end
  local unit = src.units[name]
  local ok, f = pcall(units.factor, unit, kinds, fmt("column '%s' (%s)", name, role))
  if not ok then fail(src.label, "%s", f) end
  local g = conv and conv(unit) -- a second factor, applied after f (same rounding as x * f * g)
  local out = {}
  for i, x in ipairs(col) do
    if type(x) ~= "number" then
      fail(src.label, "%scolumn '%s' has a non-numeric value %s", src.line(i), name, check.got(x))
    end
    if g then out[i] = x * f * g else out[i] = x * f end
  end
  return out
end

-- lifetime columns: times become c tau (x f c)
local function ctau_conv(unit)
  return units.kind(unit) == "time" and alp.constants.c_light or nil
end

-- Validate the limit values: finite numbers > 0, or nan = no limit there.
-- (A branching-ratio limit above 1 constrains nothing but is kept: NA62's
-- table has such entries at its kinematic end.)
local function check_values(src, name, v, zero)
  for i, x in ipairs(v) do
    if x == x then
      if not (x > 0 or (zero and x == 0)) or x == huge then
        fail(src.label, "%scolumn '%s' (the limit) must be %s and finite, or nan (no limit), got %s",
             src.line(i), name, zero and ">= 0" or "> 0", check.got(x))
      end
    end
  end
end

-- Group rows into curves at fixed family values; sort each along its axis;
-- a repeated (family, along) pair is an error naming both lines.
local function curves_of(src, fam, along, val, fam_name, along_name)
  local by, keys = {}, {}
  for i = 1, #val do
    local k = fam and fam[i] or 0
    if k ~= k or along[i] ~= along[i] then fail(src.label, "%s%s is nan", src.line(i), k ~= k and fam_name or along_name) end
    local c = by[k]
    if not c then c = {}; by[k] = c; keys[#keys + 1] = k end
    c[#c + 1] = i
  end
  table.sort(keys)
  local t, xs, ys, rs = {}, {}, {}, {}
  for j, k in ipairs(keys) do
    local rows = by[k]
    local sorted = true -- tables are mostly written in order: then no sort
    for n = 2, #rows do
      if not (along[rows[n - 1]] < along[rows[n]]) then sorted = false; break end
    end
    if not sorted then table.sort(rows, function(a, b) return along[a] < along[b] end) end
    local x, y = {}, {}
    for n, r in ipairs(rows) do
      if n > 1 and along[r] == along[rows[n - 1]] then
        fail(src.label, "%sduplicate row: %s = %.6g%s appears again (%s)", src.line(r), along_name,
             along[r], fam and fmt(" at %s = %.6g", fam_name, k) or "", src.line(rows[n - 1]):gsub(": $", ""))
      end
      x[n], y[n] = along[r], val[r]
    end
    t[j], xs[j], ys[j], rs[j] = k, x, y, rows
  end
  return t, xs, ys, rs
end

-- spec.undershoot = f: a finite value more than f times below both finite
-- neighbours along its curve is an artefact of the source (e.g. a spline
-- undershoot) and is taken as no limit (nan).  Compared with the original
-- neighbours; returns the dropped rows (file units, file order).
local function drop_undershoots(src, spec, ys, rs, f)
  local hits = {}
  for j, y in ipairs(ys) do
    for i = 2, #y - 1 do
      local v, a, b = y[i], y[i - 1], y[i + 1]
      if v == v and a == a and b == b and v * f < a and v * f < b then hits[#hits + 1] = { j, i } end
    end
  end
  local dropped = {}
  for n, h in ipairs(hits) do
    local r = rs[h[1]][h[2]]
    ys[h[1]][h[2]] = 0 / 0
    local row = { r = r }
    for _, c in pairs { spec.mass, spec.lifetime or false, spec.value } do
      if c then row[c] = src.columns[c][r] end
    end
    dropped[n] = row
  end
  table.sort(dropped, function(p, q) return p.r < q.r end)
  for _, row in ipairs(dropped) do row.r = nil end
  return dropped
end

local function build(self)
  local spec, src = self.spec, self.src
  if src.load then src.load(src) end
  if src.n == 0 then fail(src.label, "the table has no data rows") end
  local value = spec.value
  local v = column(src, value, "the limit", { "dimensionless", "events" })
  if self.bounds == "measurement" then
    -- a measured value with its +1 sigma edge: excluded above value + z sigma,
    -- z = the one-sided Gaussian quantile at the CL (e.g. 1.2816 at 90 %, D13)
    if type(spec.error_up) ~= "string" then
      fail(src.label, "a measurement needs error_up = the column of its +1 sigma edge")
    end
    local up = column(src, spec.error_up, "+1 sigma edge", { "dimensionless", "events" })
    local z = alp.stats.nsigma(self.cl, "one-sided")
    for i = 1, #v do
      if up[i] < v[i] then
        fail(src.label, "%s%s = %s is below the central value %s", src.line(i), spec.error_up,
             check.got(up[i]), check.got(v[i]))
      end
      v[i] = v[i] + z * (up[i] - v[i])
    end
  end
  check_values(src, value, v, spec.zero)
  local ip = spec.interpolate or {}
  local out = spec.outside or {}
  if spec.bins then
    local b = spec.bins
    local mlo = column(src, b.mass[1], "mass-bin low edge", "mass")
    local mhi = column(src, b.mass[2], "mass-bin high edge", "mass")
    local tlo = column(src, b.lifetime[1], "lifetime-bin low edge", { "time", "length" }, ctau_conv)
    local thi = column(src, b.lifetime[2], "lifetime-bin high edge", { "time", "length" }, ctau_conv)
    local ok, res = pcall(alp.interp._limit_bins, { u_lo = mlo, u_hi = mhi, t_lo = tlo, t_hi = thi, v = v })
    if not ok then fail(src.label, "%s", (tostring(res):gsub("^alp%.interp%._limit_bins: ", ""))) end
    self.core, self.kind = res, "bins"
    return
  end
  local mass
  if spec.mass_range then
    -- no mass column: the table's one row holds at every mass in mass_range
    if src.n ~= 1 then fail(src.label, "mass_range needs exactly one row (use select), got %d", src.n) end
    mass, v = { spec.mass_range[1], spec.mass_range[2] }, { v[1], v[1] }
  else
    mass = column(src, spec.mass, "mass", "mass")
  end
  local life = spec.lifetime and column(src, spec.lifetime, "lifetime", { "time", "length" }, ctau_conv)
  local by_mass = spec.curves == "mass"
  local fam, along = life, mass
  local fam_name, along_name = spec.lifetime, spec.mass
  if by_mass then fam, along, fam_name, along_name = mass, life, spec.mass, spec.lifetime end
  local t, xs, ys, rs = curves_of(src, fam, along, v, fam_name, along_name)
  if spec.undershoot then self.dropped = drop_undershoots(src, spec, ys, rs, spec.undershoot) end
  local mass_scale = one_of(ip.mass, SCALES, "linear", "interpolate.mass")
  local life_scale = one_of(ip.lifetime, SCALES, "log", "interpolate.lifetime")
  local mo = type(out.mass) == "table" and out.mass or { low = out.mass, high = out.mass }
  local lo_m = edge(mo.low, "outside.mass (low side)", { "none", "hold" })
  local hi_m = edge(mo.high, "outside.mass (high side)", { "none", "hold" })
  local short = edge(out.short, "outside.short", { "none", "hold", "acceptance" })
  local long = edge(out.long, "outside.long", { "none", "hold", "acceptance", "inverse" })
  local opts = {
    t = t, x = xs, y = ys,
    value = one_of(ip.value, SCALES, "log", "interpolate.value"),
    method = one_of(ip.method, METHODS, "linear", "interpolate.method"),
    along = by_mass and life_scale or mass_scale,
    family = by_mass and mass_scale or (life and life_scale or "linear"),
    scale_along = spec.same_decay_length and true or false,
    t_low = by_mass and lo_m or short, t_high = by_mass and hi_m or long,
    u_low = by_mass and { "none" } or lo_m, u_high = by_mass and { "none" } or hi_m,
  }
  if by_mass and (out.short or out.long) then
    fail(src.label, "outside.short/long need curves at fixed lifetimes (curves = \"lifetime\")")
  end
  if long[1] == "inverse" and t[#t] ~= huge then
    fail(src.label, "outside.long = \"inverse\" needs a curve at lifetime = inf in column '%s'",
         tostring(spec.lifetime))
  end
  local ok, res = pcall(alp.interp._limit_curves, opts)
  if not ok then fail(src.label, "%s", (tostring(res):gsub("^alp%.interp%._limit_curves: ", ""))) end
  self.core = res
  self.kind = spec.lifetime and (by_mass and "curves at fixed masses" or "curves at fixed lifetimes")
              or "curve in mass"
end

local function core(self)
  local c = rawget(self, "core")
  if not c then build(self); c = self.core end
  return c
end

-- The limit object from a source {label, columns, units, n, line(i), meta}.
local function new_limit(src, spec)
  check.keys(spec, SPEC_KEYS, "alp.limit")
  if type(spec.value) ~= "string" then fail(src.label, "value must name the column of the limit") end
  if spec.mass_range ~= nil then
    local r = spec.mass_range
    if type(r) ~= "table" or type(r[1]) ~= "number" or type(r[2]) ~= "number" or not (r[1] >= 0 and r[1] < r[2])
       or spec.mass ~= nil or spec.lifetime ~= nil or spec.bins ~= nil then
      fail(src.label, "mass_range must be {lo, hi} (GeV, 0 <= lo < hi), without mass, lifetime or bins")
    end
  elseif spec.bins == nil and type(spec.mass) ~= "string" then
    fail(src.label, "mass must name the mass column (or give bins = {mass = {lo, hi}, lifetime = {lo, hi}}, or mass_range = {lo, hi})")
  end
  if spec.bins ~= nil then
    local b = spec.bins
    if type(b) ~= "table" or type(b.mass) ~= "table" or type(b.lifetime) ~= "table" then
      fail(src.label, "bins must be {mass = {lo_column, hi_column}, lifetime = {lo_column, hi_column}}")
    end
  end
  if spec.curves ~= nil then one_of(spec.curves, { "lifetime", "mass" }, nil, "curves") end
  if spec.undershoot ~= nil and (spec.bins or type(spec.undershoot) ~= "number" or not (spec.undershoot > 1)) then
    fail(src.label, "undershoot must be a number > 1 (curves only), got %s", check.got(spec.undershoot))
  end
  if spec.zero ~= nil and (spec.zero ~= true or (spec.interpolate or {}).value ~= "linear") then
    fail(src.label, "zero = true (values of 0 allowed, e.g. a band's lower edge) needs interpolate = {value = \"linear\"}")
  end
  if spec.same_decay_length and spec.curves ~= "mass" then
    fail(src.label, "same_decay_length needs curves = \"mass\"")
  end
  local bounds = one_of(spec.bounds, M.bounds, "branching ratio", "bounds")
  local hcl = header_cl(src.meta)
  local cl = spec.cl
  if cl ~= nil and (type(cl) ~= "number" or not (cl > 0 and cl < 1)) then
    fail(src.label, "cl must be a number in (0, 1), got %s", check.got(cl))
  end
  if cl and hcl and math.abs(cl - hcl) > 1e-9 then
    fail(src.label, "cl = %g given, but the data header says cl: %g", cl, hcl)
  end
  cl = cl or hcl
  if not cl then
    fail(src.label, "no CL: the header has no numeric 'cl:' line; give cl = ... (and say why in the recast)")
  end
  local self = setmetatable({ spec = spec, src = src, bounds = bounds, cl = cl,
                              name = spec.name or src.label,
                              source = spec.source or (src.meta and src.meta.source) or "not stated",
                              files = src.files or {} }, Limit)
  return self
end

-- The rows of a table, read once per process while the file is unchanged
-- (same size and modification time): limits of one file (a recast's
-- variants) share them.  Limits only read the columns, never write them.
local tables = {}
local function read_table(full)
  local size, mtime = alp.fs.stat(full)
  local key = size and fmt("%s\0%d\0%.9f", full, size, mtime)
  local d = key and tables[key]
  if not d then
    d = alp.data.csv(full)
    if key then tables[key] = d end
  end
  return d
end

-- alp.limit.csv(path, spec) -> limit (rows read on first use)
function M.csv(path, spec)
  check.string(path, "alp.limit.csv", "path")
  check.table(spec, "alp.limit.csv", "spec")
  local resolve = M._resolve or function(p) return p end
  local full = resolve(path)
  local head = alp.data.csv(full, { header_only = true })
  if not head.meta.units then
    fail(full, "the header has no '# units:' line (units per column, e.g. '# units: ma_GeV: ALP mass [GeV]; br_ul: [dimensionless]')")
  end
  local src = { label = full, meta = head.meta, units = head.units, columns = {}, n = 0,
                files = { { path = path, file = full } } }
  src.line = function() return "" end
  src.load = function(s)
    local ok, d = pcall(read_table, full)
    if not ok then error((tostring(d):gsub("^[^\n]-%.lua:%d+: ", "")), 0) end
    s.columns, s.n = d.columns, d.n
    if spec.select then
      local cols, keep = {}, {}
      for r = 1, d.n do
        local ok = true
        for k, want in pairs(spec.select) do
          local x = d.columns[k][r]
          if type(want) == "function" then ok = ok and want(x) and true or false
          elseif x ~= want then ok = false end
        end
        if ok then keep[#keep + 1] = r end
      end
      for _, name in ipairs(d.names) do
        local c = {}
        for i, r in ipairs(keep) do c[i] = d.columns[name][r] end
        cols[name] = c
      end
      s.columns, s.n = cols, #keep
      s.line = function(i) return fmt("line %d: ", d.lines[keep[i]]) end
    else
      s.line = function(i) return fmt("line %d: ", d.lines[i]) end
    end
    if s.n == 0 then fail(full, "no data rows%s", spec.select and " match select" or "") end
    s.load = nil
  end
  return new_limit(src, spec)
end

-- alp.limit.hepdata(dir, spec) -> limit from a HEPData record's table
-- (alpcast/hepdata.lua: roles from the header units, CL from the qualifiers)
function M.hepdata(dir, spec)
  check.string(dir, "alp.limit.hepdata", "dir")
  local resolve = M._resolve or function(p) return p end
  return require("alpcast.hepdata").limit(resolve(dir), spec)
end
M._new_limit = new_limit

-- alp.limit.new{columns = {name = {...}}, units = {name = "GeV", ...}, cl =,
-- source =, value =, mass =, ...} -> limit from Lua tables
function M.new(spec)
  check.table(spec, "alp.limit.new", "spec")
  if type(spec.columns) ~= "table" or type(spec.units) ~= "table" then
    error("alp.limit.new: columns = {name = {...}} and units = {name = \"unit\"} are required", 2)
  end
  local n
  for k, c in pairs(spec.columns) do
    if type(c) ~= "table" then error(fmt("alp.limit.new: columns.%s must be an array", k), 2) end
    if n and #c ~= n then error(fmt("alp.limit.new: columns.%s has %d rows, others %d", k, #c, n), 2) end
    n = #c
  end
  local src = { label = spec.name or "alp.limit.new", columns = spec.columns, units = spec.units,
                n = n or 0, meta = {} }
  src.line = function(i) return fmt("row %d: ", i) end
  return new_limit(src, spec)
end

-- lim:at(ma [, ctau]) -> the limit at mass ma [GeV] and c tau [m], or math.huge
function Limit:at(ma, ctau)
  local c = core(self)
  -- curves at fixed masses: the family (C's t) is the mass, along (u) is c tau
  if self.kind == "curves at fixed masses" then return c:at(ctau or 0, ma) end
  return c:at(ma, ctau or 0)
end

-- lim:_fast_at() -> function(ma, ctau) = lim:at(ma, ctau), built once (the
-- scans call it at every coupling: alp.recast.scan)
function Limit:_fast_at()
  local c = core(self)
  local at = c.at
  if self.kind == "curves at fixed masses" then
    return function(ma, ctau) return at(c, ctau or 0, ma) end
  end
  return function(ma, ctau) return at(c, ma, ctau or 0) end
end

-- lim:info() -> {name, bounds, cl, source, kind, files, mass = {min, max},
-- ctau = {min, max} (m), spec, dropped = rows taken as no limit (undershoot)}
function Limit:info()
  local c = core(self)
  local a, b, t0, t1 = c:range()
  local mass, ctau = { a, b }, { t0, t1 }
  if self.kind == "curves at fixed masses" then mass, ctau = { t0, t1 }, { a, b } end
  if self.kind == "curve in mass" then ctau = nil end
  return { name = self.name, bounds = self.bounds, cl = self.cl, source = self.source,
           kind = self.kind, files = self.files, mass = mass, ctau = ctau, spec = self.spec,
           dropped = self.dropped }
end

function Limit.__tostring(self)
  local ok, i = pcall(self.info, self)
  if not ok then return fmt("alp.limit{%s: %s}", self.name, tostring(i)) end
  local lines = { fmt("alp.limit{%s", i.name),
                  fmt("  bounds: %s at %g%% CL (%s)", i.bounds, i.cl * 100, i.kind),
                  fmt("  mass:   %.6g - %.6g GeV", i.mass[1], i.mass[2]) }
  if i.ctau then lines[#lines + 1] = fmt("  c tau:  %.6g - %.6g m", i.ctau[1], i.ctau[2]) end
  lines[#lines + 1] = "  source: " .. tostring(i.source):gsub("\n", " ") .. "}"
  return concat(lines, "\n")
end

-- What a limit bounds: a "measurement" (UL = central + z sigma) bounds the
-- quantity of its value column (events, or else a branching ratio).
local function bounded(l)
  if l.bounds ~= "measurement" then return l.bounds end
  local u = l.src and l.src.units and l.src.units[l.spec.value]
  local ok, kind = pcall(units.kind, u)
  return ok and kind == "events" and "events" or "branching ratio"
end

-- alp.limit.strongest{lim, ...} -> the smallest of the limits at each point
-- (all at one CL, bounding one quantity).
function M.strongest(list)
  check.table(list, "alp.limit.strongest", "limits")
  if #list < 1 then error("alp.limit.strongest: needs at least one limit", 2) end
  for i, l in ipairs(list) do
    if not M.is_limit(l) then error(fmt("alp.limit.strongest: [%d] is not an alp.limit", i), 2) end
    if l.cl ~= list[1].cl or bounded(l) ~= bounded(list[1]) then
      error(fmt("alp.limit.strongest: [%d] is at %g CL bounding %s, [1] at %g bounding %s", i,
                l.cl, bounded(l), list[1].cl, bounded(list[1])), 2)
    end
  end
  local files = {}
  for _, l in ipairs(list) do for _, f in ipairs(l.files) do files[#files + 1] = f end end
  return setmetatable({ name = "strongest of " .. #list, bounds = bounded(list[1]), cl = list[1].cl,
                        files = files, members = list, source = "see members" }, M._Combined)
end

-- alp.limit.piecewise{{lim, mass = {lo, hi}}, ...} -> the first piece whose
-- mass range [lo, hi] holds ma; none elsewhere.
function M.piecewise(list)
  check.table(list, "alp.limit.piecewise", "pieces")
  local files = {}
  for i, p in ipairs(list) do
    if type(p) ~= "table" or not M.is_limit(p[1]) or type(p.mass) ~= "table"
       or type(p.mass[1]) ~= "number" or type(p.mass[2]) ~= "number" or not (p.mass[1] <= p.mass[2]) then
      error(fmt("alp.limit.piecewise: [%d] must be {limit, mass = {lo, hi}} with lo <= hi", i), 2)
    end
    if p[1].cl ~= list[1][1].cl then error(fmt("alp.limit.piecewise: [%d] has another CL", i), 2) end
    for _, f in ipairs(p[1].files) do files[#files + 1] = f end
  end
  return setmetatable({ name = "piecewise in mass", bounds = list[1][1].bounds, cl = list[1][1].cl,
                        files = files, pieces = list, source = "see pieces" }, M._Combined)
end

M._Combined = { __name = "alp.limit" }
M._Combined.__index = M._Combined
function M._Combined:at(ma, ctau)
  if self.members then
    local best = huge
    for _, l in ipairs(self.members) do
      local v = l:at(ma, ctau)
      if v < best then best = v end
    end
    return best
  end
  for _, p in ipairs(self.pieces) do
    if ma >= p.mass[1] and ma <= p.mass[2] then return p[1]:at(ma, ctau) end
  end
  return huge
end
function M._Combined:info()
  return { name = self.name, bounds = self.bounds, cl = self.cl, source = self.source,
           kind = self.members and "strongest" or "piecewise", files = self.files }
end
M._Combined.__tostring = function(self)
  return fmt("alp.limit{%s: %s at %g%% CL}", self.name, self.bounds, self.cl * 100)
end

-- the header's CL (also for alpcast new-recast)
M._header_cl = header_cl

function M.is_limit(v)
  local mt = getmetatable(v)
  return mt == Limit or mt == M._Combined or mt == M._Band
end

-- alp.limit.band{lower = lim, upper = lim} (alpcast/band.lua): a two-sided
-- band; lim:band(ma, ctau) -> lo, hi
M._Band = require("alpcast.band").metatable
M.band = function(t) return require("alpcast.band").new(t, M.is_limit) end

return M
