-- alpcast/output.lua: writers for result files (alp.output).
-- CSV with a commented provenance header ("# key: value" lines), JSON, and
-- plain text.  Every file is written to PATH.tmp and renamed onto PATH, so an
-- interrupted or failed run never leaves a half-written result: on any error
-- (including the "interrupted" error of Ctrl-C / SIGTERM) the .tmp file is
-- removed and the error re-raised.
local check = require "alpcast.check"

local M = {}

local fmt, concat, type, tostring = string.format, table.concat, type, tostring
local huge, mtype = math.huge, math.type

-- Keys printed first, in this order; the others follow sorted.
local HEADER_ORDER = { "quantity", "units", "model", "benchmark", "variant", "recast",
                       "experiment", "reference", "source", "cl", "paper" }

local function alp_versions()
  local ok, alp = pcall(require, "alp")
  if ok and type(alp) == "table" and alp.version then
    return fmt("alpcast %s (%s, GSL %s)", alp.version, alp.lua_version or _VERSION,
               alp.gsl_version or "?")
  end
  return "alpcast (" .. _VERSION .. ")"
end

-- Write `text` to path atomically.  `writer(f)` may be given instead of a
-- string: it is called with the open file.  Raises on failure, after
-- removing the temporary file.
local function atomic_write(path, fname, writer)
  local tmp = path .. ".tmp"
  local f, err = io.open(tmp, "wb")
  if not f then error(fmt("%s: cannot write %s: %s", fname, path, err), 3) end
  local ok, werr = pcall(function()
    if type(writer) == "string" then assert(f:write(writer))
    else writer(f) end
    assert(f:close())
  end)
  if ok then
    local rok, rerr = os.rename(tmp, path)
    if rok then return true end
    werr = rerr
  end
  pcall(f.close, f)
  os.remove(tmp)
  -- keep an interruption recognisable as such for the suite
  if type(werr) == "string" and werr:match("interrupted$") then error(werr, 0) end
  error(fmt("%s: writing %s failed: %s", fname, path, tostring(werr)), 3)
end

-- A number as CSV text: %.8g, inf / -inf / nan spelled out.
local function num(x)
  if mtype(x) == "integer" then return tostring(x) end
  if x ~= x then return "nan" end
  if x == huge then return "inf" end
  if x == -huge then return "-inf" end
  return fmt("%.8g", x)
end
M._num = num

-- Quote a string for the POSIX shell (used by plot.lua).
function M._q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function cell(v, fname, where)
  local t = type(v)
  if t == "number" then return num(v) end
  if t == "string" then
    if v:find('[,"\r\n]') then return '"' .. v:gsub('"', '""') .. '"' end
    return v
  end
  if t == "boolean" then return tostring(v) end
  if v == nil then return "" end
  error(fmt("%s: %s must be a number, string or boolean, got %s", fname, where, t), 4)
end

-- Header comment lines: "# key: value"; multi-line values continue as
-- "#   line".
local function header_lines(header, fname)
  local out, seen = {}, {}
  local function add(k, v)
    if type(v) == "table" then
      local parts = {}
      for i, x in ipairs(v) do parts[i] = tostring(x) end
      if #parts == 0 then
        local ks = {}
        for kk in pairs(v) do ks[#ks + 1] = tostring(kk) end
        table.sort(ks)
        for _, kk in ipairs(ks) do parts[#parts + 1] = kk .. "=" .. tostring(v[kk]) end
      end
      v = concat(parts, ", ")
    elseif type(v) == "number" then v = num(v)
    else v = tostring(v) end
    local first = true
    for line in (v .. "\n"):gmatch("([^\n]*)\n") do
      out[#out + 1] = first and fmt("# %s: %s", k, line) or ("#   " .. line)
      first = false
    end
  end
  for _, k in ipairs(HEADER_ORDER) do
    if header[k] ~= nil then add(k, header[k]); seen[k] = true end
  end
  local rest = {}
  for k in pairs(header) do
    if type(k) ~= "string" or not k:match("^[%w_%-]+$") then
      error(fmt("%s: header keys must be words ([A-Za-z0-9_-]), got %s", fname,
                check.got(k)), 3)
    end
    if not seen[k] and k ~= "generated" then rest[#rest + 1] = k end
  end
  table.sort(rest)
  for _, k in ipairs(rest) do add(k, header[k]) end
  add("generated", header.generated or alp_versions())
  return out
end

-- Append the CSV lines of `rows` to `lines`.
local function row_lines(lines, rows, cols, fname, what)
  local ncol, buf = #cols, {}
  for r, row in ipairs(rows) do
    if type(row) ~= "table" then
      error(fmt("%s: %s[%d] must be a table, got %s", fname, what, r, check.got(row)), 3)
    end
    local keyed = row[1] == nil and next(row) ~= nil
    if not keyed and #row ~= ncol then
      error(fmt("%s: %s[%d] has %d values, the header has %d columns", fname, what, r, #row,
                ncol), 3)
    end
    for c = 1, ncol do
      local v
      if keyed then v = row[cols[c]] else v = row[c] end
      buf[c] = cell(v, fname, fmt("%s[%d].%s", what, r, cols[c]))
    end
    lines[#lines + 1] = concat(buf, ",", 1, ncol)
  end
end

-- alp.output.csv(path, {columns=, rows=, header=} or {columns=, blocks=,
-- header=}) -> path
function M.csv(path, t)
  local fname = "alp.output.csv"
  check.string(path, fname, "path")
  check.table(t, fname, "the table argument")
  check.keys(t, { "columns", "rows", "blocks", "header" }, fname)
  local cols = check.table(t.columns, fname, "columns")
  if #cols == 0 then error(fname .. ": columns must be a non-empty array of names", 2) end
  for i, c in ipairs(cols) do
    if type(c) ~= "string" or not c:match("^[^,\"\r\n]+$") then
      error(fmt("%s: columns[%d] must be a name without commas or quotes, got %s",
                fname, i, check.got(c)), 2)
    end
  end
  if t.rows ~= nil and t.blocks ~= nil then
    error(fname .. ": give rows or blocks, not both", 2)
  end
  local header = check.table(t.header or {}, fname, "header")
  -- Build the whole text first: errors in the data raise before any file
  -- exists.
  local lines = header_lines(header, fname)
  lines[#lines + 1] = concat(cols, ",")
  if t.blocks ~= nil then
    for b, rows in ipairs(check.table(t.blocks, fname, "blocks")) do
      -- two blank lines: gnuplot's data sets, so `index N` selects block N
      if b > 1 then lines[#lines + 1] = ""; lines[#lines + 1] = "" end
      row_lines(lines, check.table(rows, fname, fmt("blocks[%d]", b)), cols, fname,
                fmt("blocks[%d]", b))
    end
  else
    row_lines(lines, check.table(t.rows or {}, fname, "rows"), cols, fname, "rows")
  end
  lines[#lines + 1] = ""
  atomic_write(path, fname, concat(lines, "\n"))
  return path
end

-- ---- JSON -------------------------------------------------------------------

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

-- JSON text is UTF-8 (RFC 8259 sec. 8.1): a byte that is not part of a valid
-- UTF-8 sequence is written as the character of its Latin-1 reading
-- (byte 0xE9 -> U+00E9), so the output is always valid and nothing is lost.
local function utf8_clean(s)
  if utf8.len(s) then return s end
  local out, i = {}, 1
  while true do
    local n, bad = utf8.len(s, i)
    if n then out[#out + 1] = s:sub(i); break end
    out[#out + 1] = s:sub(i, bad - 1)
    out[#out + 1] = utf8.char(s:byte(bad))
    i = bad + 1
  end
  return concat(out)
end

local function json_string(s)
  return '"' .. utf8_clean(s):gsub('[%c"\\]', function(c)
    return escapes[c] or fmt("\\u%04x", c:byte())
  end) .. '"'
end

local function is_array(t)
  local n = #t
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local function encode(v, indent, depth, seen, out)
  local t = type(v)
  if t == "nil" then out[#out + 1] = "null"
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  elseif t == "number" then
    if mtype(v) == "integer" then out[#out + 1] = tostring(v)
    elseif v ~= v or v == huge or v == -huge then out[#out + 1] = "null"
    else
      local t = fmt("%.15g", v)
      if tonumber(t) ~= v then t = fmt("%.17g", v) end
      if not t:find("[%.eEn]") then t = t .. ".0" end
      out[#out + 1] = t
    end
  elseif t == "string" then out[#out + 1] = json_string(v)
  elseif t == "table" then
    if seen[v] then error("alp.output.json: cannot encode a table that contains itself", 0) end
    seen[v] = true
    local pad = "\n" .. string.rep(indent, depth + 1)
    local close = "\n" .. string.rep(indent, depth)
    if is_array(v) then
      if #v == 0 then out[#out + 1] = "[]"
      else
        out[#out + 1] = "["
        for i = 1, #v do
          out[#out + 1] = (i > 1 and "," or "") .. pad
          encode(v[i], indent, depth + 1, seen, out)
        end
        out[#out + 1] = close .. "]"
      end
    else
      local keys = {}
      for k in pairs(v) do
        if type(k) ~= "string" and type(k) ~= "number" then
          error("alp.output.json: object keys must be strings, got a " .. type(k), 0)
        end
        keys[#keys + 1] = tostring(k)
      end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        local val = v[k]
        if val == nil then val = v[tonumber(k)] end
        out[#out + 1] = (i > 1 and "," or "") .. pad .. json_string(k) .. ": "
        encode(val, indent, depth + 1, seen, out)
      end
      out[#out + 1] = close .. "}"
    end
    seen[v] = nil
  else
    error("alp.output.json: cannot encode a " .. t, 0)
  end
end

-- alp.output.json_encode(value) -> string (sorted keys, two-space indent)
function M.json_encode(value)
  local out = {}
  local ok, err = pcall(encode, value, "  ", 0, {}, out)
  if not ok then error(err, 2) end
  return concat(out)
end

-- alp.output.json(path, value) -> path
function M.json(path, value)
  check.string(path, "alp.output.json", "path")
  local ok, text = pcall(M.json_encode, value)
  if not ok then error(text, 2) end
  atomic_write(path, "alp.output.json", text .. "\n")
  return path
end

-- alp.output.text(path, string) -> path
function M.text(path, s)
  check.string(path, "alp.output.text", "path")
  if type(s) ~= "string" then
    error("alp.output.text: text must be a string, got " .. check.got(s), 2)
  end
  atomic_write(path, "alp.output.text", s)
  return path
end

-- alp.output.out_dir(args, script) -> DIR | nil
-- The command line of a figure script, `alpcast SCRIPT [--out DIR]` (also how
-- the suite runs it): returns DIR (default "out"), made if missing; prints
-- the usage and returns nil for --help; raises on anything else.
function M.out_dir(args, script)
  local fname = "alp.output.out_dir"
  check.table(args, fname, "args")
  script = check.string(script, fname, "script", "script")
  local out, i = "out", 1
  while i <= #args do
    local a = args[i]
    if a == "--out" and type(args[i + 1]) == "string" then
      out = args[i + 1]; i = i + 2
    elseif a == "--help" or a == "-h" then
      print("usage: alpcast " .. script .. " [--out DIR]   (default DIR = out)")
      return nil
    else
      error(fmt("%s: unknown argument '%s' (usage: alpcast %s [--out DIR])", script,
                tostring(a), script), 0)
    end
  end
  require("alp").fs.mkdir(out)
  return out
end

-- alp.output.figure_args(args, script) -> DIR, FAMILY | nil
-- As out_dir, for the figure scripts that also draw a model family:
-- `alpcast SCRIPT [--out DIR] [--model FILE.lua]` (the suite passes --model
-- with `alpcast suite --model`); FAMILY is the loaded alp.family or nil.
function M.figure_args(args, script)
  local fname = "alp.output.figure_args"
  check.table(args, fname, "args")
  local rest, model = {}, nil
  local i = 1
  while i <= #args do
    if args[i] == "--model" then
      if type(args[i + 1]) ~= "string" then error(fmt("%s: --model needs a family file", script), 0) end
      model = args[i + 1]; i = i + 2
    else
      rest[#rest + 1] = args[i]; i = i + 1
    end
  end
  if rest[1] == "--help" or rest[1] == "-h" then
    print("usage: alpcast " .. script .. " [--out DIR] [--model FILE.lua]   (default DIR = out; "
          .. "--model: draw for that model family instead of the benchmarks)")
    return nil
  end
  local out = M.out_dir(rest, script)
  return out, model and require("alpcast.family").load(model) or nil
end

return M
