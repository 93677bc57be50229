-- tools/fuzz.lua: a reproducible mutation fuzzer over every recast's data
-- files and recast cards (`make fuzz`, `make fuzz-ci`).
--
--   alpcast tools/fuzz.lua [-n N] [--seed S] [-j J] [--only NAME,...]
--                          [--recasts DIR]... [--no-bundled] [--max-bytes B] [-v]
--
-- Each case is one mutant: one file (a data file a recast reads, or the
-- recast's .lua card) changed in one way that must give either the identical
-- result or a clean error -- a Lua error whose message names the mutated
-- file (its path or its basename).  Anything else is a failure:
--   silent change   the mutant loads and runs and gives another result
--                   (or a path outside the recast's folder is accepted)
--   unnamed error   an error whose message does not name the mutated file
--   crash           the worker process died (the case it was running)
-- Exit status 1 on any failure, 0 otherwise, 2 on a usage/setup error.
--
-- Reproducible: case i is drawn from math.randomseed(seed, i) alone, so the
-- same seed gives the same cases and the same counts for any -j; the cases
-- are split between the J worker processes by i mod J.
--
-- The recasts are found as the suite finds them (alp.suite's discover) in a
-- temporary copy of each recast folder (nothing in the repository is
-- written).  The files a recast uses come from its descriptor: d.data values
-- and the .files of every alp.limit object (d.limit, variants.*.limit, and
-- the members / pieces of combined limits).  Bundled .csv files that no
-- recast uses are fuzzed too, with the parsed table as their result.
--
-- The result of a recast (compared exactly with the unmutated one):
--   * its card: the descriptor's declared fields;
--   * every data table: the parsed values of the columns present in both
--     (as a set of rows: row order and exact duplicate rows are left to
--     the computations below to judge; an added or deleted column is judged
--     by whether anything that uses it errors or changes);
--   * every alp.limit object: lim:at on fixed probe points (masses x c tau
--     from its unmutated info() ranges, and just outside them);
--   * function limits, prepare and ratio on 8 masses of the recast's grid
--     (ratio at 2 couplings of the first benchmark), per variant;
--   * extra(data) (rows compared as sets).
-- Monte Carlo is not run: alp.acceptance.table is replaced by a stub that
-- raises; a prepare (or extra) that reaches it in the unmutated run is
-- skipped (a note says so) and the function limit then gets prepared = nil
-- (skipped too if that fails unmutated).  signal() needs no data and is not
-- probed.
--
-- Mutations of a data file (only where "identical or clean error" is the
-- right expectation): drop the comment header, the column row, the units
-- or the cl line; delete every data row; swap two different rows; duplicate
-- a row; a numeric cell -> text; -> empty or nan (not in columns that
-- already hold nan/empty cells, nor in a column of limits -- an alp.limit's value
-- column, a column named *ul* or *limit*, or described with "limit", "upper"
-- or "nan" in its units: entry --, where
-- nan means "no limit"); -> negative (declared numeric columns with no
-- negative values and no range allowing them); x 1e10 (columns with a
-- declared range, only when that leaves the range); delete a column; add a
-- column; truncate a data row before its last separator; CRLF line ends.
-- Mutations of a recast card: cl -> an invalid number; cl -> another valid
-- CL (only for recasts with alp.limit objects, whose header CL must agree);
-- misspell a top-level field name; remove a required field (`nil and`
-- before its value); a .csv path -> absolute or through ".." (must error);
-- a numeric literal of a top-level field -> a string.
-- Cost: a target whose files total more than 256 KB is drawn with weight
-- 256 KB / size (a 2 MB table costs about 0.4 s per mutant to re-read).
local recast = require "alpcast.recast"
local suite = require "alpcast.suite"
local limitm = require "alpcast.limit"
local scanm = require "alpcast.scan"
local alp = require "alp"

local M = {}
local fmt, concat, huge = string.format, table.concat, math.huge

M.SENTINEL = "fuzz: Monte Carlo skipped (alp.acceptance.table is stubbed)"
M.COST_BYTES = 256 * 1024
local REQUIRED = { "name", "experiment", "process", "reference", "signature", "cl" }
local TEXTS = { "abc", "n/a", "0.1.2", "--", "1e", "x1" }

-- ---- small helpers -----------------------------------------------------

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function basename(p) return p:match("([^/]+)$") or p end
local function dirname(p) return p:match("^(.*)/[^/]*$") or "." end

local function num(x)
  if x ~= x then return "nan" end
  if math.type(x) == "integer" then return tostring(x) end
  return fmt("%.17g", x)
end

-- Deterministic text of a value (sorted keys; tables under a key "rows"
-- compared as sets of rows).
local function ser(v, seen, depth, sortrows)
  local t = type(v)
  if t == "number" then return num(v) end
  if t == "string" then return fmt("%q", v) end
  if t == "boolean" or t == "nil" then return tostring(v) end
  if t == "function" then return "<function>" end
  if t ~= "table" then return "<" .. t .. ">" end
  if limitm.is_limit(v) then return "<alp.limit " .. tostring(rawget(v, "name")) .. ">" end
  seen = seen or {}
  depth = depth or 0
  if seen[v] then return "<cycle>" end
  if depth > 8 then return "<deep>" end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  local parts = {}
  for i, k in ipairs(keys) do
    parts[i] = ser(k, seen, depth + 1) .. "=" .. ser(v[k], seen, depth + 1, k == "rows")
  end
  if sortrows then
    local vals = {}
    for i, k in ipairs(keys) do vals[i] = ser(v[k], seen, depth + 1) end
    table.sort(vals)
    parts = vals
  end
  seen[v] = nil
  return "{" .. concat(parts, ",") .. "}"
end
M.ser = ser

local function deepcopy(v, seen)
  if type(v) ~= "table" then return v end
  seen = seen or {}
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  for k, x in pairs(v) do c[k] = deepcopy(x, seen) end
  return setmetatable(c, getmetatable(v))
end

local function short(s, n)
  s = tostring(s):gsub("\n", " ")
  n = n or 160
  if #s > n then return s:sub(1, n - 3) .. "..." end
  return s
end

-- ---- library hooks (installed by M.setup, removed by M.cleanup) --------

-- alp.data.csv memoised for files that are not being mutated (the deep copy
-- keeps every run independent); alp.acceptance.table stubbed.
local function install(ctx)
  local orig_csv, orig_acc = alp.data.csv, alp.acceptance.table
  ctx.restore = function()
    alp.data.csv, alp.acceptance.table = orig_csv, orig_acc
  end
  local memo = {}
  alp.data.csv = function(path, opts)
    if opts ~= nil or path == ctx.dirty or type(path) ~= "string" then return orig_csv(path, opts) end
    local t = memo[path]
    if not t then
      t = orig_csv(path)
      memo[path] = t
    end
    return deepcopy(t)
  end
  alp.acceptance.table = function() error(M.SENTINEL, 2) end
end

-- ---- CSV text ----------------------------------------------------------

local function split_lines(text)
  local lines, pos, final_nl = {}, 1, false
  while pos <= #text do
    local e = text:find("\n", pos, true)
    if not e then lines[#lines + 1] = text:sub(pos); break end
    lines[#lines + 1] = text:sub(pos, e - 1)
    pos = e + 1
    if pos > #text then final_nl = true end
  end
  return lines, final_nl
end

local function join_lines(lines, final_nl) return concat(lines, "\n") .. (final_nl and "\n" or "") end

-- cells as raw text (quotes kept), so joining with "," gives the line back
local function split_raw(line)
  local out, start, inq = {}, 1, false
  for j = 1, #line do
    local c = line:sub(j, j)
    if c == '"' then inq = not inq
    elseif c == "," and not inq then out[#out + 1] = line:sub(start, j - 1); start = j + 1 end
  end
  out[#out + 1] = line:sub(start)
  return out
end

-- The layout of a CSV file: comment lines, the column row, data rows, the
-- units / cl header lines (with their continuation lines).
local function csv_layout(text)
  local lines, final_nl = split_lines(text)
  local L = { lines = lines, final_nl = final_nl, comments = {}, rows = {}, meta = {} }
  local last
  for i, line in ipairs(lines) do
    local l = line:gsub("\r$", "")
    if l:match("^%s*#") then
      L.comments[#L.comments + 1] = i
      if not L.colrow then
        local body = l:gsub("^%s*#", "")
        local key = body:match("^%s?([%a][%w _%-]*):")
        if key and not body:match("^%s%s") then
          key = key:gsub("^%s+", ""):gsub("%s+$", ""):lower():gsub("[%s%-]+", "_")
          L.meta[key] = L.meta[key] or {}
          table.insert(L.meta[key], i)
          last = key
        elseif last and body:match("^%s%s") then
          table.insert(L.meta[last], i)
        else
          last = nil
        end
      end
    elseif l:match("%S") then
      if not L.colrow then L.colrow = i else L.rows[#L.rows + 1] = i end
    end
  end
  return L
end

-- ---- recast cards (Lua text) --------------------------------------------

-- Scan Lua text: for each line, its code with strings and comments blanked
-- (same length), and the string literals {line, s, e, text} (s..e includes
-- the quotes).
local function lua_scan(text)
  local lines = split_lines(text)
  local code, strings = {}, {}
  local long_close -- inside a long string/comment: its closing bracket
  for li, line in ipairs(lines) do
    local out, i, n = {}, 1, #line
    while i <= n do
      if long_close then
        local e = line:find(long_close, i, true)
        if e then
          out[#out + 1] = (" "):rep(e + #long_close - i); i = e + #long_close; long_close = nil
        else
          out[#out + 1] = (" "):rep(n - i + 1); i = n + 1
        end
      else
        local c = line:sub(i, i)
        if line:sub(i, i + 1) == "--" then
          local eq = line:match("^%[(=*)%[", i + 2)
          if eq then
            long_close = "]" .. eq .. "]"
            out[#out + 1] = (" "):rep(4 + #eq); i = i + 4 + #eq
          else
            out[#out + 1] = (" "):rep(n - i + 1); i = n + 1
          end
        elseif c == "[" and line:match("^%[=*%[", i) then
          local eq = line:match("^%[(=*)%[", i)
          long_close = "]" .. eq .. "]"
          out[#out + 1] = (" "):rep(2 + #eq); i = i + 2 + #eq
        elseif c == '"' or c == "'" then
          local j = i + 1
          while j <= n do
            local d = line:sub(j, j)
            if d == "\\" then j = j + 2
            elseif d == c then break
            else j = j + 1 end
          end
          strings[#strings + 1] = { line = li, s = i, e = math.min(j, n), text = line:sub(i + 1, j - 1) }
          out[#out + 1] = c .. (" "):rep(math.max(0, math.min(j, n) - i - 1)) .. (j <= n and c or "")
          i = j + 1
        else
          out[#out + 1] = c; i = i + 1
        end
      end
    end
    code[li] = concat(out)
  end
  return lines, code, strings
end

-- The top-level fields of the alp.recast{...} call: {line, name, s (where
-- the name starts), eq (the "="), vend (the value's end on that line)}.
-- Brackets and function/if/do/repeat blocks are tracked, so a local inside
-- a function body is not a field.
local OPEN = { ["function"] = true, ["if"] = true, ["do"] = true, ["repeat"] = true }
local CLOSE = { ["end"] = true, ["until"] = true }
local function card_fields(code)
  local fields, depth, block, started = {}, 0, 0, false
  for i, c in ipairs(code) do
    local j = 1
    if not started then
      local p, e = c:find("alp%.recast%s*[{(]")
      if p then started = true; depth = 1; j = e + 1 else j = #c + 1 end
    end
    local cur
    while j <= #c do
      local ch = c:sub(j, j)
      if ch:match("[%a_]") then
        local w = c:match("^[%a_][%w_]*", j)
        if OPEN[w] then block = block + 1
        elseif CLOSE[w] then block = block - 1
        elseif depth == 1 and block == 0 then
          local eq = c:match("^[%a_][%w_]*%s*()=", j)
          if eq and c:sub(eq + 1, eq + 1) ~= "=" then
            cur = { line = i, name = w, s = j, eq = eq, vend = #c }
            fields[#fields + 1] = cur
          end
        end
        j = j + #w
      else
        if ch == "{" or ch == "(" or ch == "[" then depth = depth + 1
        elseif ch == "}" or ch == ")" or ch == "]" then depth = depth - 1
        elseif ch == "," and depth == 1 and block == 0 and cur then cur.vend = j - 1; cur = nil end
        if started and depth <= 0 then return fields end
        j = j + 1
      end
    end
    if cur then cur.vend = #c end
  end
  return fields
end

-- numeric literals in a line of code: {s, e}
local function numbers_in(c)
  local out = {}
  local i = 1
  while true do
    local s, e = c:find("%d[%w%.]*", i)
    if not s then break end
    local lit = c:sub(s, e)
    -- a signed exponent: 1e-3
    if lit:match("[eE]$") then
      local s2, e2 = c:find("^[%+%-]%d+", e + 1)
      if s2 then e = e2; lit = c:sub(s, e) end
    end
    local prev = s > 1 and c:sub(s - 1, s - 1) or ""
    if not prev:match("[%w_%.]") and tonumber(lit) then out[#out + 1] = { s = s, e = e } end
    i = e + 1
  end
  return out
end

-- ---- setup --------------------------------------------------------------

local function leaves(l, out)
  out = out or {}
  if rawget(l, "members") then for _, m in ipairs(l.members) do leaves(m, out) end
  elseif rawget(l, "pieces") then for _, p in ipairs(l.pieces) do leaves(p[1], out) end
  else out[#out + 1] = l end
  return out
end

-- the alp.limit objects of a descriptor: {key, lim}
local function limit_objects(d)
  local out = {}
  if limitm.is_limit(d.limit) then out[#out + 1] = { key = "limit", lim = d.limit } end
  for _, vn in ipairs(d.variant_names) do
    local l = d.variant_settings[vn].limit
    if limitm.is_limit(l) then out[#out + 1] = { key = "variants." .. vn .. ".limit", lim = l } end
  end
  return out
end

-- files of a descriptor: {full path = true}, and per file the alp.limit
-- value columns that read it
local function files_of(d)
  local files, values = {}, {}
  for _, p in pairs(d.data) do files[p] = true end
  for _, o in ipairs(limit_objects(d)) do
    for _, f in ipairs(o.lim.files or {}) do files[f.file] = true end
    for _, l in ipairs(leaves(o.lim)) do
      for _, f in ipairs(l.files or {}) do
        values[f.file] = values[f.file] or {}
        if l.spec and l.spec.value then values[f.file][l.spec.value] = true end
        if l.spec and l.spec.error_up then values[f.file][l.spec.error_up] = true end
      end
    end
  end
  return files, values
end

local function probe_points(lim)
  local m0, m1, t0, t1 = huge, -huge, huge, -huge
  local has_t = false
  for _, l in ipairs(leaves(lim)) do
    local i = l:info()
    if i.mass then m0, m1 = math.min(m0, i.mass[1]), math.max(m1, i.mass[2]) end
    if i.ctau then has_t = true; t0, t1 = math.min(t0, i.ctau[1]), math.max(t1, i.ctau[2]) end
  end
  local ms = {}
  if m0 <= m1 then
    ms = { m0 * 0.9, m0, m1 * 1.1, m1 }
    for k = 1, 5 do ms[#ms + 1] = m0 + (m1 - m0) * k / 6 end
  end
  local ts = { 0 }
  if has_t then
    if not (t0 > 0) then t0 = (t1 > 0 and t1 < huge) and t1 * 1e-6 or 1e-6 end
    if not (t1 < huge) then t1 = t0 * 1e6 end
    ts = { t0 * 0.5, t1 * 2 }
    for k = 0, 4 do ts[#ts + 1] = math.exp(math.log(t0) + (math.log(t1) - math.log(t0)) * k / 4) end
  end
  local pts = {}
  for _, m in ipairs(ms) do for _, t in ipairs(ts) do pts[#pts + 1] = { m, t } end end
  return pts
end

-- The result of a recast (see the file's head).  plan (from the unmutated
-- run) fixes the probe points and what is skipped; with learn = true each
-- part runs under pcall and a failing part is switched off (with a note).
local function result_of(ctx, rc, learn)
  local plan = rc.plan
  local E, D = {}, {}
  -- part(what, key, f, ...): E[key] = the value of f(...); `what` names the
  -- part switched off when it fails unmutated
  local function part(what, key, f, ...)
    if plan.off[what] then return nil end
    if not learn then
      local v = f(...)
      E[key] = ser(v)
      return v
    end
    local ok, v = pcall(f, ...)
    if not ok then
      plan.off[what] = true
      local why = tostring(v):find(M.SENTINEL, 1, true) and "needs Monte Carlo" or short(v, 200)
      ctx.note(fmt("%s: %s not probed (%s)", rc.rel, what, why))
      return nil
    end
    E[key] = ser(v)
    return v
  end
  local d = recast.load(rc.path)
  local card = {}
  for _, k in ipairs { "name", "experiment", "process", "reference", "signature", "cl", "status",
                       "observable", "tags", "benchmarks", "variant_names", "masses", "couplings",
                       "parent", "rtol", "seed", "timeout", "data", "assumes" } do
    card[k] = d[k]
  end
  for _, k in ipairs { "prepare", "ratio", "signal", "limit", "extra" } do card[k] = type(d[k]) end
  local vs = {}
  for _, vn in ipairs(d.variant_names) do vs[vn] = d.variant_settings[vn] end
  card.variants = vs
  E.card = ser(card)
  local data = recast.data(d)
  for k, t in pairs(data) do
    local cols = {}
    for _, name in ipairs(t.names) do cols[name] = rawget(t.columns, name) end
    D["data." .. k] = { names = t.names, cols = cols, n = t.n }
  end
  -- alp.limit objects
  if learn then plan.probes = {} end
  for _, o in ipairs(limit_objects(d)) do
    if learn then
      local ok, pts = pcall(probe_points, o.lim)
      if ok then plan.probes[o.key] = pts
      else plan.off[o.key] = true; ctx.note(fmt("%s: %s not probed (%s)", rc.rel, o.key, short(pts, 200))) end
    end
    local pts = plan.probes[o.key]
    if pts then
      part(o.key, o.key, function()
        local v = { cl = o.lim.cl, bounds = o.lim.bounds }
        for i, p in ipairs(pts) do v[i] = o.lim:at(p[1], p[2]) end
        return v
      end)
    end
  end
  -- functions on a few masses, per variant
  if learn then
    local grid = alp.scan.grid(d.masses, "fuzz", "masses")
    plan.masses = {}
    for k = 0, 7 do plan.masses[#plan.masses + 1] = grid[1 + math.floor((#grid - 1) * k / 7 + 0.5)] end
    local c = d.couplings or scanm.default_couplings
    local l0, l1 = math.log(c.min or scanm.default_couplings.min), math.log(c.max or scanm.default_couplings.max)
    plan.couplings = { math.exp(l0 + (l1 - l0) / 3), math.exp(l0 + 2 * (l1 - l0) / 3) }
    for _, bn in ipairs(d.benchmarks) do -- the first benchmark it applies to (its `assumes`)
      if not plan.benchmark and recast.applies(d, bn) then plan.benchmark = bn end
    end
  end
  local vnames = #d.variant_names > 0 and d.variant_names or { false }
  for _, vn in ipairs(vnames) do
    local v = recast.variant(d, vn or nil)
    local tag = vn and (" [" .. vn .. "]") or ""
    for _, ma in ipairs(plan.masses) do
      local p
      if d.prepare then
        p = part("prepare" .. tag, fmt("prepare%s at %s GeV", tag, num(ma)), d.prepare, ma, data, v)
      end
      local flim = (vn and d.variant_settings[vn].limit) or d.limit
      if type(flim) == "function" then
        part("limit()" .. tag, fmt("limit()%s at %s GeV", tag, num(ma)), flim, ma, data, p, v)
      end
      if d.ratio and plan.benchmark and (not d.prepare or not plan.off["prepare" .. tag]) then
        for _, cpl in ipairs(plan.couplings) do
          part("ratio" .. tag, fmt("ratio%s at %s GeV, c = %s", tag, num(ma), num(cpl)), d.ratio,
               alp.model.benchmark(plan.benchmark, cpl), ma, data, p, v)
        end
      end
    end
  end
  if d.extra then part("extra", "extra", d.extra, data) end
  return { E = E, D = D }
end

-- the rows of a data table over the given columns, as a set
local function rowset(t, common)
  local set, n = {}, 0
  for r = 1, t.n do
    local parts = {}
    for i, name in ipairs(common) do parts[i] = ser(t.cols[name][r]) end
    local k = concat(parts, "\t")
    if not set[k] then set[k] = true; n = n + 1 end
  end
  return set, n
end

local function same_values(x, y)
  if #x ~= #y then return false end
  for i = 1, #x do
    local a, b = x[i], y[i]
    if a ~= b and not (a ~= a and b ~= b) then return false end
    if type(a) ~= type(b) then return false end
  end
  return true
end

local function data_diff(a, b)
  if not a or not b then return a and "table missing" or "table added" end
  -- the common case first: same columns, same values in the same order
  if a.n == b.n and #a.names == #b.names then
    local same = true
    for i, nm in ipairs(a.names) do
      if b.names[i] ~= nm or not same_values(a.cols[nm], b.cols[nm]) then same = false; break end
    end
    if same then return nil end
  end
  local inb, common = {}, {}
  for _, nm in ipairs(b.names) do inb[nm] = true end
  for _, nm in ipairs(a.names) do if inb[nm] then common[#common + 1] = nm end end
  if #common == 0 then return "no column in common: " .. short(concat(b.names, ","), 80) end
  a.rowsets = a.rowsets or {}
  local ck = concat(common, "\0")
  if not a.rowsets[ck] then a.rowsets[ck] = { rowset(a, common) } end
  local sa, na = a.rowsets[ck][1], a.rowsets[ck][2]
  local sb, nb = rowset(b, common)
  if (a.n == 0) ~= (b.n == 0) then return fmt("%d rows -> %d rows", a.n, b.n) end
  for k in pairs(sb) do
    if not sa[k] then return fmt("new row (%s) = (%s)", short(concat(common, ","), 60), short(k:gsub("\t", ","), 100)) end
  end
  if na ~= nb then return fmt("%d distinct rows -> %d", na, nb) end
  return nil
end

-- differences of two results: a list of "what: before -> after"
function M.diff(a, b)
  local out, keys = {}, {}
  for k in pairs(a.E) do keys[k] = true end
  for k in pairs(b.E) do keys[k] = true end
  local sorted = {}
  for k in pairs(keys) do sorted[#sorted + 1] = k end
  table.sort(sorted)
  for _, k in ipairs(sorted) do
    if a.E[k] ~= b.E[k] then
      local x, y = a.E[k] or "(none)", b.E[k] or "(none)"
      -- show where the texts start to differ
      local i = 1
      while i <= #x and x:sub(i, i) == y:sub(i, i) do i = i + 1 end
      local from = math.max(1, i - 30)
      out[#out + 1] = fmt("%s: %s -> %s", k, short(x:sub(from), 70), short(y:sub(from), 70))
    end
  end
  local dk = {}
  for k in pairs(a.D) do dk[k] = true end
  for k in pairs(b.D) do dk[k] = true end
  local ds = {}
  for k in pairs(dk) do ds[#ds + 1] = k end
  table.sort(ds)
  for _, k in ipairs(ds) do
    local why = data_diff(a.D[k], b.D[k])
    if why then out[#out + 1] = k .. ": " .. why end
  end
  return out
end

-- The parsed table of a data file no recast uses: its result.
local function table_result(path)
  local t = alp.data.csv(path)
  local cols = {}
  for _, name in ipairs(t.names) do cols[name] = rawget(t.columns, name) end
  return { E = {}, D = { table = { names = t.names, cols = cols, n = t.n } } }
end

-- "name[, name]: description; ..." of a units: line -> {name = description}
local function descriptions(text)
  local out = {}
  if type(text) ~= "string" then return out end
  local depth, cur, pieces = 0, {}, {}
  for ch in text:gsub("\n", " "):gmatch(".") do
    if ch == "(" then depth = depth + 1 elseif ch == ")" then depth = depth - 1 end
    if ch == ";" and depth <= 0 then pieces[#pieces + 1] = concat(cur); cur = {} else cur[#cur + 1] = ch end
  end
  pieces[#pieces + 1] = concat(cur)
  for _, piece in ipairs(pieces) do
    local names, d = piece:match("^%s*([^:]+):%s*(.*)$")
    if names then for nm in names:gmatch("[^,]+") do out[(nm:gsub("^%s+", ""):gsub("%s+$", ""))] = d end end
  end
  return out
end

-- A column where nan is a legitimate value ("no limit there" / "not given"):
-- its description mentions nan, or it holds limits (name ul / limit, or
-- "limit" / "upper" in its description).
local function limit_like(name, desc)
  local n, d = name:lower(), (desc or ""):lower()
  if n:match("^ul") or n:match("_ul$") or n:match("_ul_") or n:find("limit", 1, true) then return true end
  return d:find("nan", 1, true) or d:find("limit", 1, true) or d:find("upper", 1, true) and true or false
end

local function copy_tree(src, dst)
  assert(os.execute("mkdir -p " .. q(dirname(dst)) .. " && cp -R " .. q(src) .. " " .. q(dst)),
         "fuzz: cannot copy " .. src)
end

-- Data-file mutation kinds applicable to a target (from its layout and its
-- unmutated parse).
local function data_kinds(t)
  local L, info = t.layout, t.cols
  local k = {}
  local function add(name) k[#k + 1] = name end
  if #L.comments > 0 then add("drop_comments") end
  if L.colrow then add("drop_colrow") end
  if L.meta.units then add("drop_units") end
  if L.meta.cl then add("drop_cl") end
  if #L.rows > 0 then add("drop_rows"); add("dup_row"); add("add_col"); add("crlf") end
  local distinct = {}
  local nd = 0
  for _, r in ipairs(L.rows) do
    local s = L.lines[r]
    if not distinct[s] then distinct[s] = true; nd = nd + 1 end
    if nd >= 2 then break end
  end
  if nd >= 2 then add("swap_rows") end
  local any = {}
  for _, c in ipairs(info) do
    if c.numeric then any.text = true end
    if c.numeric and not c.has_nan and not c.limit_value then any.nan = true end
    if c.numeric and c.declared and not c.has_neg and c.pos_rows > 0
       and not (c.range and c.range[1] < 0) then any.neg = true end
    if c.numeric and c.range and c.range[2] < huge and c.scale_rows > 0 then any.scale = true end
  end
  if #L.rows > 0 then
    if any.text then add("cell_text") end
    if any.nan then add("cell_empty"); add("cell_nan") end
    if any.neg then add("cell_neg") end
    if any.scale then add("cell_scale") end
    add("truncate")
  end
  if L.colrow and #info >= 1 then add("del_col") end
  return k
end

local function card_kinds(t)
  local k = {}
  local has = {}
  for _, f in ipairs(t.fields) do has[f.name] = f end
  if has.cl then k[#k + 1] = "cl_invalid" end
  if has.cl and t.has_limit_objects then k[#k + 1] = "cl_other" end
  if #t.fields > 0 then k[#k + 1] = "misspell" end
  if #t.removable > 0 then k[#k + 1] = "remove_field" end
  if #t.csv_strings > 0 then k[#k + 1] = "data_abs"; k[#k + 1] = "data_dotdot" end
  if #t.numbers > 0 then k[#k + 1] = "num_to_string" end
  return k
end

-- M.setup{dirs = {...}, bundled = true, only = {names}, max_bytes = B,
--         tmp = DIR, note = function(msg)} -> ctx
function M.setup(o)
  o = o or {}
  local ctx = { notes = {}, targets = {}, recasts = {}, pairs = {} }
  ctx.note = function(msg)
    if not ctx.noted then ctx.noted = {} end
    if not ctx.noted[msg] then ctx.noted[msg] = true; ctx.notes[#ctx.notes + 1] = msg; if o.note then o.note(msg) end end
  end
  local tmp = o.tmp
  if not tmp then
    local p = io.popen("mktemp -d /tmp/alpcast-fuzz.XXXXXX")
    tmp = p:read("l")
    p:close()
    ctx.own_tmp = true
  end
  ctx.tmp = tmp
  -- copy each recast folder: DIR -> tmp/rK (the repository is never written)
  local dirs = {}
  for _, d in ipairs(o.dirs or {}) do dirs[#dirs + 1] = d end
  if o.bundled ~= false then dirs[#dirs + 1] = alp.root .. "/recasts" end
  local copies, back = {}, {}
  for i, d in ipairs(dirs) do
    local c = fmt("%s/r%d", tmp, i)
    copy_tree(d, c)
    copies[#copies + 1] = c
    local rel = d
    if d:sub(1, #alp.root + 1) == alp.root .. "/" then rel = d:sub(#alp.root + 2) end
    back[#back + 1] = { c, rel }
  end
  ctx.display = function(p)
    for _, b in ipairs(back) do
      if p:sub(1, #b[1] + 1) == b[1] .. "/" then return b[2] .. p:sub(#b[1] + 1) end
    end
    return p
  end
  -- messages with the temporary copies' paths shown as the repository's
  ctx.clean = function(msg)
    for _, b in ipairs(back) do
      local i = 1
      while true do
        local s, e = msg:find(b[1] .. "/", i, true)
        if not s then break end
        msg = msg:sub(1, s - 1) .. b[2] .. "/" .. msg:sub(e + 1)
        i = s + #b[2] + 1
      end
    end
    return msg
  end
  install(ctx)
  local found = suite.discover(copies)
  local only
  if o.only then only = {} for _, n in ipairs(o.only) do only[n] = true end end
  local by_file = {}
  local function target(path, kind)
    local t = by_file[path]
    if t then return t end
    t = { path = path, kind = kind, rel = ctx.display(path), users = {}, text = assert(read(path)) }
    by_file[path] = t
    ctx.targets[#ctx.targets + 1] = t
    return t
  end
  for _, e in ipairs(found) do
    if not only or only[e.name] then
      local rc = { name = e.name, path = e.path, rel = ctx.display(e.path), plan = { off = {} } }
      local ok, d = pcall(recast.load, e.path)
      if not ok then
        ctx.note(fmt("%s: does not load unmutated, not fuzzed: %s", rc.rel, short(d, 200)))
      else
        local files, values = files_of(d)
        rc.files, rc.values = files, values
        rc.has_limit_objects = #limit_objects(d) > 0
        -- learn what can be probed, then the unmutated result (twice: it must
        -- be deterministic)
        local bytes = #(read(e.path) or "")
        for f in pairs(files) do bytes = bytes + #(read(f) or "") end
        local ok2, base
        if o.max_bytes and bytes > o.max_bytes then
          for f in pairs(files) do by_file[f] = by_file[f] or { skipped = true } end
          ok2, base = false, fmt("its files total %d bytes > --max-bytes %d", bytes, o.max_bytes)
        else
          ok2, base = pcall(result_of, ctx, rc, true)
        end
        local base2
        if ok2 then ok2, base = pcall(result_of, ctx, rc, false) end
        if ok2 then ok2, base2 = pcall(result_of, ctx, rc, false) end
        if ok2 and #M.diff(base, base2) > 0 then
          ok2, base = false, "not deterministic: " .. M.diff(base, base2)[1]
        end
        if not ok2 then
          ctx.note(fmt("%s: not fuzzed: %s", rc.rel, short(base, 200)))
        else
          rc.base = base
          ctx.recasts[#ctx.recasts + 1] = rc
          local ct = target(e.path, "card")
          ct.users[#ct.users + 1] = rc
          ct.has_limit_objects = rc.has_limit_objects
          local fl = {}
          for f in pairs(files) do fl[#fl + 1] = f end
          table.sort(fl)
          for _, f in ipairs(fl) do
            local t = target(f, "data")
            t.users[#t.users + 1] = rc
            t.values = t.values or {}
            for v in pairs(values[f] or {}) do t.values[v] = true end
          end
        end
      end
    end
  end
  -- bundled data files no recast uses
  if o.bundled ~= false and not only then
    local dd = copies[#copies] .. "/data"
    local list = alp.fs.listdir(dd) or {}
    table.sort(list)
    for _, f in ipairs(list) do
      local p = dd .. "/" .. f
      if f:match("%.csv$") and not by_file[p] then
        local ok, r = pcall(table_result, p)
        if ok then
          local t = target(p, "data")
          t.base = r
          ctx.note(fmt("%s: used by no recast; its parsed table is the result", t.rel))
        else
          ctx.note(fmt("%s: does not parse unmutated, not fuzzed: %s", ctx.display(p), short(r, 200)))
        end
      end
    end
  end
  -- per-target analysis
  local kept = {}
  for _, t in ipairs(ctx.targets) do
    local bytes = 0
    if t.kind == "data" then
      bytes = #t.text
      local L = csv_layout(t.text)
      t.layout = L
      local ok, tab = pcall(alp.data.csv, t.path)
      if ok then
        local units, ranges = alp.data.parse_units(tab.meta.units)
        local desc = descriptions(tab.meta.units)
        t.cols = {}
        for ci, name in ipairs(tab.names) do
          local vals = rawget(tab.columns, name)
          local c = { index = ci, name = name, declared = units[name], range = ranges[name],
                      numeric = tab.n > 0 and type(vals[1]) == "number" and units[name] ~= "text",
                      limit_value = t.values and t.values[name] or limit_like(name, desc[name]),
                      pos_rows = 0, scale_rows = 0 }
          if c.numeric then
            for r, v in ipairs(vals) do
              if v ~= v then c.has_nan = true end
              if v < 0 then c.has_neg = true end
              if v > 0 then c.pos_rows = c.pos_rows + 1 end
              if c.range and v == v and v * 1e10 > c.range[2] and v ~= 0 then c.scale_rows = c.scale_rows + 1 end
            end
          end
          t.cols[ci] = c
        end
        t.kinds = data_kinds(t)
      else
        ctx.note(fmt("%s: does not parse unmutated, not fuzzed: %s", t.rel, short(tab, 200)))
        t.kinds = {}
      end
      for _, rc in ipairs(t.users) do
        for f in pairs(rc.files) do if f ~= t.path then bytes = bytes + #(read(f) or "") end end
      end
    else
      local lines, code, strings = lua_scan(t.text)
      t.lines, t.code = lines, code
      t.fields = card_fields(code)
      local rc = t.users[1]
      local d = recast.load(t.path)
      t.removable, t.numbers, t.csv_strings = {}, {}, {}
      local req = {}
      for _, r in ipairs(REQUIRED) do req[r] = true end
      if d.ratio then req.ratio = true end
      if d.signal then req.signal = true end
      local vlim = false
      for _, vn in ipairs(d.variant_names) do if d.variant_settings[vn].limit then vlim = true end end
      if d.limit and not vlim then req.limit = true end
      for _, f in ipairs(t.fields) do
        local value = code[f.line]:sub(f.eq + 1, f.vend)
        if req[f.name] and not value:find("%f[%w]or%f[^%w]") and not value:find("%f[%w]and%f[^%w]") then
          t.removable[#t.removable + 1] = f
        end
        if not value:find("function") then
          for _, nm in ipairs(numbers_in(value)) do
            t.numbers[#t.numbers + 1] = { line = f.line, s = f.eq + nm.s, e = f.eq + nm.e, field = f.name }
          end
        end
      end
      for _, s in ipairs(strings) do
        if s.text:match("%.csv$") and not s.text:match("^/") then t.csv_strings[#t.csv_strings + 1] = s end
      end
      t.kinds = card_kinds(t)
      for f in pairs(rc.files) do bytes = bytes + #(read(f) or "") end
    end
    t.weight = bytes > M.COST_BYTES and M.COST_BYTES / bytes or 1
    if o.max_bytes and bytes > o.max_bytes then
      ctx.note(fmt("%s: left out (%d bytes > --max-bytes %d)", t.rel, bytes, o.max_bytes))
    elseif #t.kinds > 0 then
      kept[#kept + 1] = t
    end
  end
  ctx.targets = kept
  -- the (target, kind) pairs and their cumulative weights
  local total = 0
  for _, t in ipairs(ctx.targets) do
    for _, k in ipairs(t.kinds) do
      total = total + t.weight / #t.kinds
      ctx.pairs[#ctx.pairs + 1] = { t = t, kind = k, cum = total }
    end
  end
  ctx.total_weight = total
  return ctx
end

function M.cleanup(ctx)
  if ctx.restore then ctx.restore(); ctx.restore = nil end
  if ctx.own_tmp and ctx.tmp and ctx.tmp:match("^/tmp/alpcast%-fuzz%.") then
    os.execute("rm -rf " .. q(ctx.tmp))
  end
end

-- ---- mutations ----------------------------------------------------------

local function rint(n) return math.random(n) end
local function pick(list) return list[math.random(#list)] end

local function cell_edit(t, pred, edit)
  local L = t.layout
  local cols = {}
  for _, c in ipairs(t.cols) do if pred(c) then cols[#cols + 1] = c end end
  if #cols == 0 then return nil end
  local c = pick(cols)
  local tab
  for _ = 1, 40 do
    local r = pick(L.rows)
    local cells = split_raw(L.lines[r]:gsub("\r$", ""))
    local raw = cells[c.index]
    if raw then
      local v = tonumber((raw:gsub("^%s+", ""):gsub("%s+$", "")))
      local new = edit(raw, v, c)
      if new then
        cells[c.index] = new
        local lines = { table.unpack(L.lines) }
        lines[r] = concat(cells, ",")
        return join_lines(lines, L.final_nl), fmt("line %d, column '%s': %s -> %s", r, c.name, raw, new)
      end
    end
  end
  return nil, tab
end

local function drop_lines(L, set)
  local lines = {}
  for i, l in ipairs(L.lines) do if not set[i] then lines[#lines + 1] = l end end
  return join_lines(lines, L.final_nl)
end

local DATA = {}
function DATA.drop_comments(t)
  local set = {}
  for _, i in ipairs(t.layout.comments) do set[i] = true end
  return drop_lines(t.layout, set), "all # lines removed"
end
function DATA.drop_colrow(t) return drop_lines(t.layout, { [t.layout.colrow] = true }), "column row removed" end
function DATA.drop_units(t)
  local set = {}
  for _, i in ipairs(t.layout.meta.units) do set[i] = true end
  return drop_lines(t.layout, set), "'# units:' removed"
end
function DATA.drop_cl(t)
  local set = {}
  for _, i in ipairs(t.layout.meta.cl) do set[i] = true end
  return drop_lines(t.layout, set), "'# cl:' removed"
end
function DATA.drop_rows(t)
  local set = {}
  for _, i in ipairs(t.layout.rows) do set[i] = true end
  return drop_lines(t.layout, set), "every data row removed"
end
function DATA.swap_rows(t)
  local L = t.layout
  for _ = 1, 60 do
    local a, b = pick(L.rows), pick(L.rows)
    if L.lines[a] ~= L.lines[b] then
      local lines = { table.unpack(L.lines) }
      lines[a], lines[b] = lines[b], lines[a]
      return join_lines(lines, L.final_nl), fmt("lines %d and %d swapped", math.min(a, b), math.max(a, b))
    end
  end
end
function DATA.dup_row(t)
  local L = t.layout
  local r = pick(L.rows)
  local lines = {}
  for i, l in ipairs(L.lines) do
    lines[#lines + 1] = l
    if i == r then lines[#lines + 1] = l end
  end
  return join_lines(lines, L.final_nl), fmt("line %d duplicated", r)
end
function DATA.cell_text(t)
  local s = pick(TEXTS)
  return cell_edit(t, function(c) return c.numeric end, function() return s end)
end
function DATA.cell_empty(t)
  return cell_edit(t, function(c) return c.numeric and not c.has_nan and not c.limit_value end,
                   function(raw) return raw:match("%S") and "" or nil end)
end
function DATA.cell_nan(t)
  return cell_edit(t, function(c) return c.numeric and not c.has_nan and not c.limit_value end,
                   function(_, v) return v and v == v and "nan" or nil end)
end
function DATA.cell_neg(t)
  return cell_edit(t, function(c) return c.numeric and c.declared and not c.has_neg and c.pos_rows > 0
                                         and not (c.range and c.range[1] < 0) end,
                   function(raw, v) return v and v > 0 and ("-" .. raw:gsub("^%s+", "")) or nil end)
end
function DATA.cell_scale(t)
  return cell_edit(t, function(c) return c.numeric and c.range and c.range[2] < huge and c.scale_rows > 0 end,
                   function(_, v, c) return v and v ~= 0 and v * 1e10 > c.range[2] and num(v * 1e10) or nil end)
end
function DATA.del_col(t)
  local L = t.layout
  local ci = rint(#t.cols)
  local lines = { table.unpack(L.lines) }
  for _, r in ipairs { L.colrow, table.unpack(L.rows) } do
    local cells = split_raw(lines[r]:gsub("\r$", ""))
    table.remove(cells, ci)
    lines[r] = concat(cells, ",")
  end
  return join_lines(lines, L.final_nl), fmt("column '%s' deleted", t.cols[ci].name)
end
function DATA.add_col(t)
  local L = t.layout
  local at = rint(#t.cols + 1)
  local lines = { table.unpack(L.lines) }
  for _, r in ipairs { L.colrow, table.unpack(L.rows) } do
    local cells = split_raw(lines[r]:gsub("\r$", ""))
    table.insert(cells, at, r == L.colrow and "fuzz_extra" or "1")
    lines[r] = concat(cells, ",")
  end
  return join_lines(lines, L.final_nl), fmt("column 'fuzz_extra' (all 1) added at position %d", at)
end
function DATA.truncate(t)
  local L = t.layout
  for _ = 1, 40 do
    local r = pick(L.rows)
    local line = L.lines[r]
    local last = nil
    for j = 1, #line do if line:sub(j, j) == "," then last = j end end
    if last and last > 1 then
      local cut = rint(last - 1) -- keep 1..last-1 characters: at least one field lost
      local lines = {}
      for i = 1, r - 1 do lines[i] = L.lines[i] end
      lines[r] = line:sub(1, cut)
      return join_lines(lines, false), fmt("file cut after %d characters of line %d", cut, r)
    end
  end
end
function DATA.crlf(t)
  return (t.text:gsub("\r?\n", "\r\n")), "CRLF line ends"
end

local CARD = {}
local function replace_span(t, line, s, e, new)
  local lines = { table.unpack(t.lines) }
  local l = lines[line]
  lines[line] = l:sub(1, s - 1) .. new .. l:sub(e + 1)
  return join_lines(lines, t.text:sub(-1) == "\n")
end
local function field_value_span(t, f)
  local e = f.vend
  while e > f.eq and t.code[f.line]:sub(e, e):match("%s") do e = e - 1 end
  return f.eq + 1, e
end
function CARD.cl_invalid(t)
  local f
  for _, x in ipairs(t.fields) do if x.name == "cl" then f = x end end
  local s, e = field_value_span(t, f)
  local v = pick { "90", "0", "1.5", "-0.9", "1" }
  return replace_span(t, f.line, s, e, " " .. v), fmt("line %d: cl = %s", f.line, v)
end
function CARD.cl_other(t)
  local f
  for _, x in ipairs(t.fields) do if x.name == "cl" then f = x end end
  local s, e = field_value_span(t, f)
  local cur = t.users[1].base and tonumber(t.users[1].base.E.card:match('"cl"=([%d%.e%-]+)'))
  local choices = {}
  for _, v in ipairs { 0.68, 0.9, 0.95, 0.99 } do if not cur or math.abs(v - cur) > 1e-9 then choices[#choices + 1] = v end end
  local v = pick(choices)
  return replace_span(t, f.line, s, e, " " .. v), fmt("line %d: cl = %s", f.line, v)
end
function CARD.misspell(t)
  local f = pick(t.fields)
  local n = f.name
  local known = {}
  for _, x in ipairs { "name", "experiment", "process", "reference", "signature", "cl", "data",
                       "status", "observable", "notes", "tags", "benchmarks", "variants", "masses",
                       "couplings", "parent", "rtol", "seed", "timeout", "prepare", "ratio", "signal",
                       "limit", "extra", "assumes" } do known[x] = true end
  for _ = 1, 20 do
    local m
    local how = rint(4)
    local i = rint(#n)
    if how == 1 and #n >= 2 then local j = math.min(i, #n - 1); m = n:sub(1, j - 1) .. n:sub(j + 1, j + 1) .. n:sub(j, j) .. n:sub(j + 2)
    elseif how == 2 and #n >= 2 then m = n:sub(1, i - 1) .. n:sub(i + 1)
    elseif how == 3 then m = n:sub(1, i) .. n:sub(i, i) .. n:sub(i + 1)
    else m = n:sub(1, i - 1) .. n:sub(i, i):upper() .. n:sub(i + 1) end
    if m and m ~= n and not known[m] and m:match("^[%a_][%w_]*$") then
      return replace_span(t, f.line, f.s, f.s + #n - 1, m), fmt("line %d: field '%s' -> '%s'", f.line, n, m)
    end
  end
end
function CARD.remove_field(t)
  local f = pick(t.removable)
  return replace_span(t, f.line, f.eq + 1, f.eq, " nil and"), fmt("line %d: field '%s' removed (nil and ...)", f.line, f.name)
end
function CARD.data_abs(t)
  local s = pick(t.csv_strings)
  local p = dirname(t.path) .. "/" .. s.text
  return replace_span(t, s.line, s.s + 1, s.e - 1, p), fmt("line %d: '%s' -> '<recast folder>/%s' (absolute)", s.line, s.text, s.text), true
end
function CARD.data_dotdot(t)
  local s = pick(t.csv_strings)
  local p = "../" .. basename(dirname(t.path)) .. "/" .. s.text
  return replace_span(t, s.line, s.s + 1, s.e - 1, p), fmt("line %d: '%s' -> '%s'", s.line, s.text, p), true
end
function CARD.num_to_string(t)
  local nm = pick(t.numbers)
  local lit = t.lines[nm.line]:sub(nm.s, nm.e)
  return replace_span(t, nm.line, nm.s, nm.e, '"' .. lit .. '"'),
         fmt("line %d: field '%s': %s -> \"%s\"", nm.line, nm.field, lit, lit)
end

M.data_mutations, M.card_mutations = DATA, CARD

-- Case i of seed: {t, kind, text, what, must_error} (nil text: not applicable)
function M.case(ctx, seed, i)
  math.randomseed(seed, i)
  local x = math.random() * ctx.total_weight
  local lo, hi = 1, #ctx.pairs
  while lo < hi do
    local mid = (lo + hi) // 2
    if ctx.pairs[mid].cum < x then lo = mid + 1 else hi = mid end
  end
  local p = ctx.pairs[lo]
  return M.make(ctx, p.t, p.kind)
end

-- One mutant of target t (a target table or its displayed path) of kind.
function M.make(ctx, t, kind)
  if type(t) == "string" then
    for _, x in ipairs(ctx.targets) do if x.rel == t or x.path == t or basename(x.path) == t then t = x end end
    assert(type(t) == "table", "fuzz: no target " .. tostring(t))
  end
  local f = (t.kind == "data" and DATA or CARD)[kind]
  assert(f, "fuzz: no mutation " .. tostring(kind))
  local text, what, must = f(t)
  return { t = t, kind = kind, text = text, what = what or "", must_error = must or false }
end

-- Run one case: {outcome = "identical" | "clean" | "silent" | "unnamed" |
-- "skipped" | "n/a", detail}
function M.run_case(ctx, c)
  local t = c.t
  if not c.text then return { outcome = "n/a", detail = "no applicable cell" } end
  if c.text == t.text then return { outcome = "identical", detail = "mutant equals the file" } end
  write(t.path, c.text)
  ctx.dirty = t.path
  local changes, err = {}, nil
  local ok, e = pcall(function()
    if #t.users == 0 then
      local r = table_result(t.path)
      local dd = M.diff(t.base, r)
      if #dd > 0 then changes[#changes + 1] = dd[1] end
    end
    for _, rc in ipairs(t.users) do
      local r = result_of(ctx, rc, false)
      local dd = M.diff(rc.base, r)
      for _, x in ipairs(dd) do changes[#changes + 1] = (#t.users > 1 and (rc.name .. ": ") or "") .. x end
    end
  end)
  ctx.dirty = nil
  write(t.path, t.text)
  if not ok then
    err = tostring(e)
    if err:find(M.SENTINEL, 1, true) then return { outcome = "skipped", detail = "reached Monte Carlo" } end
    if err:find(t.path, 1, true) or err:find(basename(t.path), 1, true) then
      return { outcome = "clean", detail = short(err, 200) }
    end
    return { outcome = "unnamed", detail = short(err, 240) }
  end
  if c.must_error then
    return { outcome = "silent", detail = "accepted (no error)" .. (#changes > 0 and ("; " .. changes[1]) or "") }
  end
  if #changes > 0 then
    local more = #changes > 1 and fmt(" (+%d more)", #changes - 1) or ""
    return { outcome = "silent", detail = changes[1] .. more }
  end
  return { outcome = "identical" }
end

M.OUTCOMES = { "identical", "clean", "silent", "unnamed", "crash", "skipped", "n/a" }
local CODE = { identical = "I", clean = "C", silent = "S", unnamed = "U", skipped = "K", ["n/a"] = "N", crash = "X" }
local NAME = {}
for k, v in pairs(CODE) do NAME[v] = k end

-- Run cases from, from + step, ... < n; emit(i, case, result) after each.
function M.run_range(ctx, seed, n, from, step, emit, before)
  for i = from, n - 1, step do
    local c = M.case(ctx, seed, i)
    if before then before(i, c) end
    emit(i, c, M.run_case(ctx, c))
  end
end

-- In-process run of n cases: a summary {counts, by_kind, failures}.
function M.run(ctx, seed, n)
  local S = M.new_summary()
  M.run_range(ctx, seed, n, 0, 1, function(i, c, r)
    M.add(S, i, c.t.rel, c.kind, c.what, r.outcome, r.detail)
  end)
  return S
end

function M.new_summary() return { counts = {}, by_kind = {}, failures = {}, cases = 0, list = {} } end

function M.add(S, i, rel, kind, what, outcome, detail)
  S.cases = S.cases + 1
  S.counts[outcome] = (S.counts[outcome] or 0) + 1
  local k = (rel:match("%.lua$") and "card " or "data ") .. kind
  S.by_kind[k] = S.by_kind[k] or {}
  S.by_kind[k][outcome] = (S.by_kind[k][outcome] or 0) + 1
  S.list[#S.list + 1] = { i = i, outcome = outcome }
  if outcome == "silent" or outcome == "unnamed" or outcome == "crash" then
    local key = outcome .. "\0" .. rel .. "\0" .. kind .. "\0" .. what
    local f = S.failures[key]
    if not f then
      f = { outcome = outcome, rel = rel, kind = kind, what = what, detail = detail, n = 0, first = i }
      S.failures[key] = f
    end
    f.n = f.n + 1
  end
end

function M.failed(S)
  return (S.counts.silent or 0) + (S.counts.unnamed or 0) + (S.counts.crash or 0)
end

-- ---- the command line ---------------------------------------------------

local USAGE = [[
usage: alpcast tools/fuzz.lua [-n N] [--seed S] [-j J] [--only NAME,...]
                              [--recasts DIR]... [--no-bundled] [--max-bytes B] [-v]
  -n N           number of cases (default 20000)
  --seed S       seed (default 1): same seed, same cases, same counts
  -j J           worker processes (default 2); cases split by index mod J
  --only NAMES   fuzz only these recasts (comma-separated names)
  --recasts DIR  also fuzz the recasts in DIR (their files copied to a temp folder)
  --no-bundled   leave out the bundled recasts/
  --max-bytes B  leave out targets whose files total more than B bytes
  -v             print every distinct failing mutant in full, and notes]]

local function parse(args)
  local o = { n = 20000, seed = 1, jobs = 2, dirs = {}, bundled = true }
  local i = 1
  while i <= #args do
    local a = args[i]
    local function val()
      i = i + 1
      if args[i] == nil then error("fuzz: " .. a .. " needs a value", 0) end
      return args[i]
    end
    if a == "-n" then o.n = math.tointeger(tonumber(val()))
    elseif a == "--seed" then o.seed = math.tointeger(tonumber(val()))
    elseif a == "-j" then o.jobs = math.tointeger(tonumber(val()))
    elseif a == "--only" then o.only = {} for s in val():gmatch("[^,]+") do o.only[#o.only + 1] = s end
    elseif a == "--recasts" then o.dirs[#o.dirs + 1] = val()
    elseif a == "--no-bundled" then o.bundled = false
    elseif a == "--max-bytes" then o.max_bytes = tonumber(val())
    elseif a == "-v" then o.verbose = true
    elseif a == "--worker" then o.worker = math.tointeger(tonumber(val()))
    elseif a == "--from" then o.from = math.tointeger(tonumber(val()))
    elseif a == "--tmp" then o.tmp = val()
    elseif a == "--help" or a == "-h" then o.help = true
    else error("fuzz: unknown argument " .. a .. "\n" .. USAGE, 0) end
    i = i + 1
  end
  if not o.n or o.n < 0 or not o.seed or not o.jobs or o.jobs < 1 then error("fuzz: bad -n, --seed or -j\n" .. USAGE, 0) end
  return o
end

-- worker: run cases from, from + jobs, ... and print one line per case
local function worker(o)
  local out = io.stdout
  local ctx = M.setup { dirs = o.dirs, bundled = o.bundled, only = o.only, max_bytes = o.max_bytes, tmp = o.tmp }
  for _, n in ipairs(ctx.notes) do out:write("N ", n, "\n") end
  out:write(fmt("T %d %d\n", #ctx.targets, #ctx.pairs))
  out:flush()
  M.run_range(ctx, o.seed, o.n, o.from or o.worker, o.jobs, function(i, c, r)
    local line = fmt("R %d %s %s\t%s\t%s", i, CODE[r.outcome], c.t.rel, c.kind, c.what)
    if r.outcome ~= "identical" then line = line .. "\t" .. ctx.clean(r.detail or ""):gsub("[\t\n]", " ") end
    out:write(line, "\n")
    out:flush()
  end, function(i, c) out:write(fmt("B %d %s\t%s\t%s\n", i, c.t.rel, c.kind, c.what)); out:flush() end)
  out:write("DONE\n")
  M.cleanup(ctx)
  return 0
end

local function now()
  local p = io.popen("date +%s.%N")
  local s = p:read("l")
  p:close()
  return tonumber(s) or os.time()
end

local function main(args)
  local ok, o = pcall(parse, args)
  if not ok then io.stderr:write(o, "\n"); return 2 end
  if o.help then print(USAGE); return 0 end
  if o.worker then return worker(o) end
  local exe = arg and arg[-1] or "build/alpcast"
  local script = arg and arg[0] or "tools/fuzz.lua"
  local p = io.popen("mktemp -d /tmp/alpcast-fuzz.XXXXXX")
  local root = p:read("l")
  p:close()
  local clock0 = now()
  local base = { q(exe), q(script), "-n", o.n, "--seed", o.seed, "-j", o.jobs }
  for _, d in ipairs(o.dirs) do base[#base + 1] = "--recasts"; base[#base + 1] = q(d) end
  if not o.bundled then base[#base + 1] = "--no-bundled" end
  if o.only then base[#base + 1] = "--only"; base[#base + 1] = q(concat(o.only, ",")) end
  if o.max_bytes then base[#base + 1] = "--max-bytes"; base[#base + 1] = tostring(o.max_bytes) end
  local S = M.new_summary()
  local notes, seen_note, ntargets, npairs = {}, {}, nil, nil
  -- each worker runs until DONE; a worker that dies is restarted after the
  -- case it was running (that case is a crash)
  local from = {}
  for k = 0, o.jobs - 1 do from[k] = k end
  local pass = 0
  while true do
    local cmds = {}
    for k = 0, o.jobs - 1 do
      if from[k] then
        pass = pass + 1
        local dir = fmt("%s/w%d_%d", root, k, pass)
        cmds[#cmds + 1] = fmt("( %s --worker %d --from %d --tmp %s > %s/out%d 2> %s/err%d; echo $? > %s/rc%d ) &",
                              concat(base, " "), k, from[k], q(dir), root, k, root, k, root, k)
      end
    end
    if #cmds == 0 then break end
    os.execute(concat(cmds, " ") .. " wait")
    for k = 0, o.jobs - 1 do
      if from[k] then
        local text = read(fmt("%s/out%d", root, k)) or ""
        local began, done, binfo = nil, false, nil
        for line in text:gmatch("[^\n]+") do
          local tag = line:sub(1, 1)
          if tag == "B" then
            local i, rest = line:match("^B (%d+) (.*)$")
            began, binfo = tonumber(i), { rest:match("^([^\t]*)\t([^\t]*)\t(.*)$") }
          elseif tag == "R" then
            local i, code, rest = line:match("^R (%d+) (%a) (.*)$")
            local rel, kind, what, detail = rest:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
            M.add(S, tonumber(i), rel, kind, what, NAME[code], detail)
            began = nil
          elseif tag == "N" then
            local n = line:sub(3)
            if not seen_note[n] then seen_note[n] = true; notes[#notes + 1] = n end
          elseif tag == "T" then ntargets, npairs = line:match("^T (%d+) (%d+)")
          elseif line == "DONE" then done = true end
        end
        if done then from[k] = nil
        elseif began then
          local err = read(fmt("%s/err%d", root, k)) or ""
          M.add(S, began, binfo[1] or "?", binfo[2] or "?", binfo[3] or "?", "crash",
                short(err ~= "" and err or "the worker died", 200))
          from[k] = began + o.jobs
          if from[k] >= o.n then from[k] = nil end
        else
          io.stderr:write(fmt("fuzz: worker %d failed before its first case:\n%s%s", k, text,
                              read(fmt("%s/err%d", root, k)) or ""))
          os.execute("rm -rf " .. q(root))
          return 2
        end
      end
    end
  end
  local wall = now() - clock0
  os.execute("rm -rf " .. q(root))
  -- report
  local C = S.counts
  print(fmt("fuzz: seed %d, %d cases, %s targets (%s target x mutation pairs), %d worker%s",
            o.seed, S.cases, tostring(ntargets), tostring(npairs), o.jobs, o.jobs > 1 and "s" or ""))
  if o.verbose then for _, n in ipairs(notes) do print("  note: " .. n) end
  else print(fmt("  %d notes (skipped probes, unused files; -v lists them)", #notes)) end
  print(fmt("  %-28s %7s %9s %7s %7s %8s %7s", "mutation", "cases", "identical", "clean", "silent", "unnamed", "other"))
  local kinds = {}
  for k in pairs(S.by_kind) do kinds[#kinds + 1] = k end
  table.sort(kinds)
  for _, k in ipairs(kinds) do
    local b = S.by_kind[k]
    local tot = 0
    for _, v in pairs(b) do tot = tot + v end
    print(fmt("  %-28s %7d %9d %7d %7d %8d %7d", k, tot, b.identical or 0, b.clean or 0, b.silent or 0,
              b.unnamed or 0, (b.crash or 0) + (b.skipped or 0) + (b["n/a"] or 0)))
  end
  local fl = {}
  for _, f in pairs(S.failures) do fl[#fl + 1] = f end
  table.sort(fl, function(a, b)
    if a.outcome ~= b.outcome then return a.outcome < b.outcome end
    if a.rel ~= b.rel then return a.rel < b.rel end
    if a.kind ~= b.kind then return a.kind < b.kind end
    return a.first < b.first
  end)
  -- failures grouped by (outcome, file, mutation): one example each (-v: all)
  local groups, order = {}, {}
  for _, f in ipairs(fl) do
    local key = f.outcome .. "\0" .. f.rel .. "\0" .. f.kind
    local g = groups[key]
    if not g then g = { list = {}, n = 0 }; groups[key] = g; order[#order + 1] = key end
    g.list[#g.list + 1] = f
    g.n = g.n + f.n
  end
  local LABEL = { silent = "SILENT CHANGE", unnamed = "ERROR NOT NAMING THE FILE", crash = "CRASH" }
  for _, key in ipairs(order) do
    local g = groups[key]
    local f = g.list[1]
    print(fmt("  %s: %s %s: %d case%s, %d distinct mutant%s", LABEL[f.outcome], f.rel, f.kind, g.n,
              g.n > 1 and "s" or "", #g.list, #g.list > 1 and "s" or ""))
    for j, x in ipairs(g.list) do
      if j > 1 and not o.verbose then break end
      print(fmt("      %s%s [case %d]\n        -> %s", j == 1 and not o.verbose and "e.g. " or "", x.what, x.first, x.detail))
    end
  end
  print(fmt("cases: %d  identical: %d  clean errors: %d  silent changes: %d  errors not naming the file: %d  crashes: %d  skipped: %d",
            S.cases, C.identical or 0, C.clean or 0, C.silent or 0, C.unnamed or 0, C.crash or 0,
            (C.skipped or 0) + (C["n/a"] or 0)))
  print(fmt("time: %.1f s wall, %.0f cases/s (-j %d)", wall, S.cases / math.max(wall, 1e-9), o.jobs))
  return M.failed(S) > 0 and 1 or 0
end

M.main = main

if (...) == "--as-library" then return M end
os.exit(main(arg or {}))
