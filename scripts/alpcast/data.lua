-- alpcast/data.lua: tables of published inputs (alp.data).
-- alp.data.csv(path) reads a CSV file whose leading "# key: value" comment
-- lines carry its provenance; it returns named columns plus that metadata.
-- alp.data.interp1 / interp2 interpolate (linearly, or in log x / log y)
-- and never extrapolate silently: outside the table (and in gaps marked nan)
-- they raise, or return what the caller chose (no limit, nil, a number).
local check = require "alpcast.check"

local M = {}

local fmt, concat, huge, log, exp = string.format, table.concat, math.huge, math.log, math.exp
local type, tonumber = type, tonumber

-- ---- reading ------------------------------------------------------------

local units_kind = require("alpcast.units").kind

-- unit kinds that have no "no value" (nan is an error): coordinates, counts
local NO_NAN = { mass = true, time = true, length = true, events = true, cross_section = true,
                 luminosity = true, inverse_energy = true, index = true }
-- unit kinds whose values are >= 0 (alp.units)
local NONNEG = { mass = true, time = true, length = true, events = true, cross_section = true,
                 luminosity = true, inverse_energy = true, index = true }

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local SPECIAL = { inf = huge, ["+inf"] = huge, ["-inf"] = -huge, infinity = huge,
                  ["-infinity"] = -huge, nan = 0 / 0, ["-nan"] = 0 / 0 }

local function parse_number(s)
  local v = tonumber(s)
  if v then return v end
  return SPECIAL[s:lower()]
end

-- The data-table methods.
local Table = {}
Table.__index = Table
Table.__name = "alp.data.table"

function Table.__tostring(d)
  return fmt("alp.data.table{%s: %d rows; %s}", d.path, d.n, concat(d.names, ", "))
end

local function strict_columns(cols, names, path)
  return setmetatable(cols, { __index = function(_, k)
    local s = type(k) == "string" and check.suggest(k, names)
    error(fmt("alp.data: no column '%s' in %s%s (columns: %s)", tostring(k), path,
              s and fmt(" -- did you mean '%s'?", s) or "", concat(names, ", ")), 2)
  end })
end

-- alp.data.csv(path [, {separator = ","}]) -> data table
function M.csv(path, opts)
  local fname = "alp.data.csv"
  check.string(path, fname, "path")
  opts = opts or {}
  check.table(opts, fname, "options")
  check.keys(opts, { "separator", "header_only" }, fname)
  local header_only = opts.header_only
  local sep = check.string(opts.separator, fname, "separator", ",")
  -- the rows are split and their numbers read in C (host/l_csv.c, which
  -- states the rules: quotes, blanks, tonumber and the specials of
  -- parse_number); first the header, whose units say which columns are
  -- text and which must be numbers
  local read = alp._csv.read
  local head, hline, herr = read(path, sep, true)
  if not head then
    if hline == 0 then error(fmt("%s: cannot read %s", fname, herr), 2) end
    error(fmt("%s: %s:%d: %s", fname, path, hline, herr), 2)
  end
  local meta, comments, names = {}, {}, nil
  local last_key
  for i, line in ipairs(head.comments) do
    local body = line:gsub("^%s*#", "")
    comments[i] = trim(body)
    local key, value = body:match("^%s?([%a][%w _%-]*):%s*(.-)%s*$")
    if key and #key <= 40 and not body:match("^%s%s") then
      key = trim(key):lower():gsub("[%s%-]+", "_")
      if meta[key] then meta[key] = meta[key] .. "\n" .. value else meta[key] = value end
      last_key = key
    elseif last_key and body:match("^%s%s") then
      meta[last_key] = meta[last_key] .. "\n" .. trim(body)
    else
      last_key = nil
    end
  end
  if head.names then
    names = {}
    for i, c in ipairs(head.names) do
      names[i] = c
      if c == "" then
        error(fmt("%s: %s:%d: column %d has no name", fname, path, head.names_line or 0, i), 2)
      end
    end
  end
  local raw, lines = {}, {}
  local text, strict = {}, {}
  local declared_units = M.parse_units(meta.units)
  for name, u in pairs(declared_units) do
    if u == "text" then text[name] = true else strict[name] = true end
  end
  if names and not header_only then
    local body, bline, berr = read(path, sep, false, text, strict)
    if not body then error(fmt("%s: %s:%d: %s", fname, path, bline, berr), 2) end
    for i = head.ncomments_before + 1, #body.comments do
      comments[#comments + 1] = trim((body.comments[i]:gsub("^%s*#", "")))
    end
    raw, lines = body.columns, body.lines
    raw.n = body.n
  end
  if not names then error(fmt("%s: %s has no column row", fname, path), 2) end
  local units, ranges = M.parse_units(meta.units)
  for name, r in pairs(ranges) do
    if r == "bad" then
      error(fmt("%s: %s: units: column '%s': a range must be 'lo..hi' with numbers lo <= hi",
                fname, path, name), 2)
    end
  end
  -- every column the units line names must be in the column row (a missing
  -- or garbled column row would otherwise turn a data row into names)
  if header_only ~= true then
    local have = {}
    for _, n in ipairs(names) do have[n] = true end
    local missing = {}
    for n in pairs(units) do if not have[n] then missing[#missing + 1] = n end end
    table.sort(missing)
    if #missing > 0 then
      error(fmt("%s: %s: the units line declares %s, which the column row (%s) lacks", fname, path,
                concat(missing, ", "), concat(names, ",")), 2)
    end
  end
  -- A column is numeric when its header declares a unit other than text
  -- (then every cell must be a number: an error names the file, line and
  -- column), or, with no declaration, when all its non-empty cells are
  -- numbers (nan and inf included).  Empty numeric cells become nan.
  local cols = {}
  local nrows = raw.n or 0
  for c, name in ipairs(names) do
    local declared = units[name]
    local strict_c = declared ~= nil and declared ~= "text"
    local vals = raw[c] or {}
    local numeric = declared ~= "text"
    if numeric then
      for r = 1, nrows do
        local v = vals[r]
        if type(v) ~= "number" then
          if v == "" then
            if strict_c then
              error(fmt("%s: %s:%d: column '%s' (declared [%s]) has an empty cell (write nan for no value)",
                        fname, path, lines[r], name, declared), 2)
            end
          elseif strict_c then
            error(fmt("%s: %s:%d: column '%s' (declared [%s]) has a non-numeric value '%s'", fname,
                      path, lines[r], name, declared, v), 2)
          else
            numeric = false -- (host/l_csv.c gives such a column as strings)
            break
          end
        end
      end
      if numeric then -- empty cells of a numeric column are nan
        for r = 1, nrows do if vals[r] == "" then vals[r] = 0 / 0 end end
      end
    end
    if not numeric then
      vals = raw[c] or {}
    elseif declared then
      -- the physical range: declared ("[dimensionless, 0..1]"), or >= 0 for
      -- masses, times, lengths, event counts, cross sections, luminosities
      local r = ranges[name]
      local kind = units_kind(declared)
      if not r and NONNEG[kind or ""] then r = { 0, huge } end
      if NO_NAN[kind or ""] then
        for i, v in ipairs(vals) do
          if v ~= v then
            error(fmt("%s: %s:%d: column '%s' is nan: a %s value (a coordinate or a count) must "
                      .. "be a number", fname, path, lines[i], name, kind), 2)
          end
        end
      end
      if r then
        for i, v in ipairs(vals) do
          if v == v and not (v >= r[1] and v <= r[2]) then
            error(fmt("%s: %s:%d: column '%s' = %s is outside its range [%s, %s] (%s)", fname, path,
                      lines[i], name, check.got(v), fmt("%.6g", r[1]), fmt("%.6g", r[2]),
                      ranges[name] and "declared in units:" or ("a " .. declared .. " value is >= 0")), 2)
          end
        end
      end
    end
    cols[name] = vals
  end
  -- "# keys: a, b": the tuple of these columns is unique per row, and rows
  -- ascend in it when its first column is numeric
  if meta.keys and nrows > 0 then
    local keys = {}
    for k in meta.keys:gmatch("[^,%s]+") do
      if not cols[k] then error(fmt("%s: %s: keys: names no column '%s'", fname, path, k), 2) end
      keys[#keys + 1] = k
    end
    -- rows in strictly ascending order of numeric key tuples are unique
    -- (the usual case: one linear pass); otherwise each tuple is hashed
    local kc, ascending = {}, true
    for i, k in ipairs(keys) do kc[i] = cols[k] end
    for r = 2, nrows do
      local less = false
      for i = 1, #kc do
        local a, b = kc[i][r - 1], kc[i][r]
        if type(a) ~= "number" or type(b) ~= "number" then ascending = false; break end
        if a < b then less = true; break end
        if not (a == b) then break end
      end
      if not less then ascending = false end
      if not ascending then break end
    end
    local seen = {}
    for r = 1, ascending and 0 or nrows do
      local parts = {}
      for i, k in ipairs(keys) do parts[i] = tostring(cols[k][r]) end
      local key = concat(parts, "\0")
      if seen[key] then
        error(fmt("%s: %s:%d: duplicate key %s = %s (line %d)", fname, path, lines[r],
                  concat(keys, ","), concat(parts, ","), lines[seen[key]]), 2)
      end
      seen[key] = r
      local k1 = cols[keys[1]]
      if r > 1 and type(k1[r]) == "number" and #keys == 1 and not (k1[r] > k1[r - 1]) then
        error(fmt("%s: %s:%d: rows must ascend in %s (%s after %s)", fname, path, lines[r], keys[1],
                  check.got(k1[r]), check.got(k1[r - 1])), 2)
      end
    end
  end
  return setmetatable({ path = path, names = names, n = nrows, meta = meta, units = units,
                        lines = lines, comments = comments,
                        columns = strict_columns(cols, names, path) },
                      Table)
end

-- alp.data.parse_units(text) -> {column = unit}, {column = {lo, hi}}: the header's "units:" line,
-- "name[, name...]: description [unit]; ...": the unit is the last [...] of
-- each entry, "text" for an entry described as text; entries split at ';'
-- outside parentheses.  Columns without a bracketed unit are left out.
function M.parse_units(text)
  local out, ranges = {}, {}
  if type(text) ~= "string" then return out, ranges end
  local pieces, depth, cur = {}, 0, {}
  for ch in text:gsub("\n", " "):gmatch(".") do
    if ch == "(" then depth = depth + 1 elseif ch == ")" then depth = depth - 1 end
    if ch == ";" and depth <= 0 then pieces[#pieces + 1] = concat(cur); cur = {}
    else cur[#cur + 1] = ch end
  end
  pieces[#pieces + 1] = concat(cur)
  for _, piece in ipairs(pieces) do
    local names, desc = piece:match("^%s*([^:]+):%s*(.*)$")
    if names then
      local unit, range
      for u in desc:gmatch("%[([^%]]+)%]") do unit = trim(u) end
      if unit then
        -- "[dimensionless, 0..1]": a declared range after the unit
        local uu, lo, hi = unit:match("^(.-)%s*,%s*([^%.]+)%.%.(.+)$")
        if uu then
          unit, range = uu, { parse_number(trim(lo)), parse_number(trim(hi)) }
          if not range[1] or not range[2] or not (range[1] <= range[2]) then range = "bad" end
        end
      end
      if not unit and (desc:match("^text") or desc:match("%(text%)")) then unit = "text" end
      if unit then
        for nm in names:gmatch("[^,]+") do
          out[trim(nm)] = unit
          if range then ranges[trim(nm)] = range end
        end
      end
    end
  end
  return out, ranges
end

-- d:column(name) -> array
function Table:column(name)
  return self.columns[name]
end

-- d:row(i) -> {name = value}
function Table:row(i)
  i = check.integer(i, "alp.data.table:row", "i", 1, self.n)
  local r = {}
  for _, name in ipairs(self.names) do r[name] = rawget(self.columns, name)[i] end
  return r
end

-- ---- interpolation ------------------------------------------------------

local OUTSIDE = { "error", "nolimit", "nil" }

local function outside_choice(v, fname)
  if type(v) == "number" then return v end
  return check.option(v, fname, "outside", OUTSIDE, "error", 4)
end

-- The value for a point outside the table or in a gap.
local function outside_value(choice, fname, what)
  if choice == "error" then error(fmt("%s: %s", fname, what), 3) end
  if choice == "nolimit" then return huge end
  if choice == "nil" then return nil end
  return choice
end

local function numbers(t, fname, name, positive)
  check.table(t, fname, name, 3)
  for i, v in ipairs(t) do
    if type(v) ~= "number" then
      error(fmt("%s: %s[%d] must be a number, got %s", fname, name, i, check.got(v)), 4)
    end
    if positive and v == v and not (v > 0) then
      error(fmt("%s: %s[%d] must be > 0 for a logarithmic interpolation, got %s", fname, name,
                i, check.got(v)), 4)
    end
  end
  return t
end

local function increasing(xs, fname, name)
  for i = 2, #xs do
    if not (xs[i] > xs[i - 1]) then
      error(fmt("%s: %s must be strictly increasing and not nan (%s[%d] = %s after %s)", fname,
                name, name, i, check.got(xs[i]), check.got(xs[i - 1])), 4)
    end
  end
end

local function scale(on) return on and "log" or "linear" end

-- Both interpolators are thin wrappers of the one interpolation code,
-- alp.interp (physics/interp.c, physics/limit.c): this file only adds the
-- choice of what to return outside the table or in a gap.

-- alp.data.interp1(xs, ys [, {logx=, logy=, outside=}]) -> f(x)
function M.interp1(xs, ys, opts)
  local fname = "alp.data.interp1"
  opts = opts or {}
  check.table(opts, fname, "options")
  check.keys(opts, { "logx", "logy", "outside" }, fname)
  local logx = check.boolean(opts.logx, fname, "logx", false)
  local logy = check.boolean(opts.logy, fname, "logy", false)
  local choice = outside_choice(opts.outside, fname)
  numbers(xs, fname, "x", logx)
  numbers(ys, fname, "y", logy)
  if #xs ~= #ys then
    error(fmt("%s: x and y must have the same length, got %d and %d", fname, #xs, #ys), 2)
  end
  if #xs < 1 then error(fname .. ": the table is empty", 2) end
  increasing(xs, fname, "x")
  -- an inf value (a limit that excludes nothing) is a gap, like nan
  local yv = {}
  for i, y in ipairs(ys) do yv[i] = y == huge and 0 / 0 or y end
  local ok, curve = pcall(alp.interp.curve, xs, yv, { x = scale(logx), y = scale(logy) })
  if not ok then error((tostring(curve):gsub("^alp%.interp%.curve", fname)), 2) end
  local x1, xn = xs[1], xs[#xs]
  return function(x)
    if type(x) ~= "number" or x ~= x then
      error(fmt("%s: x must be a number, got %s", fname, check.got(x)), 2)
    end
    if x < x1 or x > xn then
      return outside_value(choice, fname, fmt("x = %.6g is outside the table [%.6g, %.6g]",
                                              x, x1, xn))
    end
    local y = curve:at(x)
    if y == nil then
      return outside_value(choice, fname, fmt("x = %.6g is in a gap of the table (nan)", x))
    end
    return y
  end
end

-- alp.data.interp2(xs, ys, z [, {logx=, logy=, logz=, outside=}]) -> f(x, y)
-- z[i][j] is the value at (xs[i], ys[j]); bilinear in the chosen scales
-- (along x at the two neighbouring ys, then across: alp.interp's curves at
-- fixed y, which give no value where a corner is nan).
function M.interp2(xs, ys, z, opts)
  local fname = "alp.data.interp2"
  opts = opts or {}
  check.table(opts, fname, "options")
  check.keys(opts, { "logx", "logy", "logz", "outside" }, fname)
  local logx = check.boolean(opts.logx, fname, "logx", false)
  local logy = check.boolean(opts.logy, fname, "logy", false)
  local logz = check.boolean(opts.logz, fname, "logz", false)
  local choice = outside_choice(opts.outside, fname)
  numbers(xs, fname, "x", logx)
  numbers(ys, fname, "y", logy)
  increasing(xs, fname, "x")
  increasing(ys, fname, "y")
  if #xs < 2 or #ys < 2 then error(fname .. ": need at least 2 x and 2 y values", 2) end
  check.table(z, fname, "z")
  if #z ~= #xs then error(fmt("%s: z must have %d rows (one per x), got %d", fname, #xs, #z), 2) end
  local cx, cy = {}, {}
  for i = 1, #xs do
    numbers(z[i], fname, fmt("z[%d]", i), logz)
    if #z[i] ~= #ys then
      error(fmt("%s: z[%d] must have %d values (one per y), got %d", fname, i, #ys, #z[i]), 2)
    end
  end
  for j = 1, #ys do
    cx[j], cy[j] = xs, {}
    for i = 1, #xs do cy[j][i] = z[i][j] end
  end
  local ok, tab = pcall(alp.interp._limit_curves, {
    t = ys, x = cx, y = cy, along = scale(logx), family = scale(logy), value = scale(logz),
    method = "linear", t_low = { "none" }, t_high = { "none" }, u_low = { "none" }, u_high = { "none" } })
  if not ok then error(fmt("%s: %s", fname, (tostring(tab):gsub("^alp%.interp%._limit_curves: ", ""))), 2) end
  return function(x, y)
    if type(x) ~= "number" or x ~= x or type(y) ~= "number" or y ~= y then
      error(fmt("%s: x and y must be numbers, got %s, %s", fname, check.got(x), check.got(y)), 2)
    end
    if x < xs[1] or x > xs[#xs] or y < ys[1] or y > ys[#ys] then
      return outside_value(choice, fname, fmt("(%.6g, %.6g) is outside the table [%.6g, %.6g] x [%.6g, %.6g]",
                                              x, y, xs[1], xs[#xs], ys[1], ys[#ys]))
    end
    local val = tab:at(x, y)
    if val == huge then
      return outside_value(choice, fname, fmt("(%.6g, %.6g) is in a gap of the table (nan)", x, y))
    end
    return val
  end
end

-- d:interp1(xname, yname [, opts]) -> f(x)
function Table:interp1(xname, yname, opts)
  return M.interp1(self.columns[xname], self.columns[yname], opts)
end

-- d:grid(xname, yname, zname) -> xs, ys, z: a long-format table (one row
-- per (x, y) point) as the arguments of alp.data.interp2.
function Table:grid(xname, yname, zname)
  local fname = "alp.data.table:grid"
  local X, Y, Z = self.columns[xname], self.columns[yname], self.columns[zname]
  local xset, yset, xs, ys = {}, {}, {}, {}
  for r = 1, self.n do
    if X[r] ~= X[r] or Y[r] ~= Y[r] then error(fmt("%s: %s:%d: %s or %s is nan", fname, self.path, self.lines[r], xname, yname), 2) end
    if not xset[X[r]] then xset[X[r]] = true; xs[#xs + 1] = X[r] end
    if not yset[Y[r]] then yset[Y[r]] = true; ys[#ys + 1] = Y[r] end
  end
  table.sort(xs)
  table.sort(ys)
  local xi, yi = {}, {}
  for i, x in ipairs(xs) do xi[x] = i end
  for j, y in ipairs(ys) do yi[y] = j end
  local z = {}
  for i = 1, #xs do z[i] = {} end
  for r = 1, self.n do
    local i, j = xi[X[r]], yi[Y[r]]
    if z[i][j] ~= nil then
      error(fmt("%s: (%s, %s) = (%.6g, %.6g) appears twice in %s", fname, xname, yname, X[r],
                Y[r], self.path), 2)
    end
    z[i][j] = Z[r]
  end
  for i = 1, #xs do
    for j = 1, #ys do
      if z[i][j] == nil then
        error(fmt("%s: %s is not a full grid: no row for (%s, %s) = (%.6g, %.6g)", fname,
                  self.path, xname, yname, xs[i], ys[j]), 2)
      end
    end
  end
  return xs, ys, z
end

return M
