-- alpcast/hepdata_write.lua: writes a HEPData record (submission.yaml + one
-- YAML file per table) in HEPData's submission format, keys in a fixed
-- order so the same input gives the same bytes.  Every document is checked
-- against the format (hepdata_schema.lua) before any file is written, and
-- read back with lyaml after; each file goes to a temporary name and is
-- renamed (submission.yaml last).
-- M.record(dir, {info = {...}, tables = {{name, description, keywords,
--   data_file, independent = {var}, dependent = {var}}}})
--   var = {name, units, qualifiers = {{name, value}}, values = {x},
--          low = {..}, high = {..} (independent bins, optional)}
local schema = require "alpcast.hepdata_schema"

local M = {}

local fmt, concat, huge, mtype = string.format, table.concat, math.huge, math.type

local ESC = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

-- A YAML double-quoted scalar (control characters escaped).
local function qstr(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c) return ESC[c] or fmt("\\x%02x", c:byte()) end) .. '"'
end

-- A number in the fewest digits (15-17) that read back to the same double,
-- a float as YAML 1.1 spells it; .inf / -.inf are YAML's infinities.
function M.num(x)
  if mtype(x) == "integer" then return tostring(x) end
  if x == huge then return ".inf" end
  if x == -huge then return "-.inf" end
  for p = 15, 17 do
    local s = fmt("%." .. p .. "g", x)
    -- YAML 1.1 (PyYAML, HEPData's tools) reads 1e-07 as a string: a float
    -- with an exponent needs a dot in its mantissa
    if tonumber(s) == x then return (s:gsub("^(%-?%d+)(e)", "%1.0%2")) end
  end
end

local function scalar(v)
  if type(v) == "number" then
    if v ~= v then return qstr("-") end -- HEPData's "no value"
    return M.num(v)
  end
  return qstr(v)
end

-- The plain-table form of a document (what lyaml would read back), for the
-- schema check.
local function data_doc(t)
  local function var(v, dep)
    local out = { header = { name = v.name, units = v.units }, values = {} }
    if dep then out.qualifiers = v.qualifiers or {} end
    for i, x in ipairs(v.values) do
      if v.low then out.values[i] = { low = v.low[i], high = v.high[i], value = x }
      else out.values[i] = { value = x ~= x and "-" or x } end
    end
    return out
  end
  local d = { independent_variables = {}, dependent_variables = {} }
  for j, v in ipairs(t.independent) do d.independent_variables[j] = var(v, false) end
  for j, v in ipairs(t.dependent) do d.dependent_variables[j] = var(v, true) end
  return d
end

local function data_text(t)
  local L = {}
  local function w(s, ...) L[#L + 1] = fmt(s, ...) end
  local function header(v)
    w("- header:")
    w("    name: %s", qstr(v.name))
    if v.units then w("    units: %s", qstr(v.units)) end
  end
  w("independent_variables:")
  for _, v in ipairs(t.independent) do
    header(v)
    w(#v.values == 0 and "  values: []" or "  values:")
    for i, x in ipairs(v.values) do
      if v.low then w("  - {low: %s, high: %s, value: %s}", scalar(v.low[i]), scalar(v.high[i]), scalar(x))
      else w("  - value: %s", scalar(x)) end
    end
  end
  w("dependent_variables:")
  for _, v in ipairs(t.dependent) do
    header(v)
    w("  qualifiers:")
    for _, q in ipairs(v.qualifiers or {}) do
      w("  - name: %s", qstr(q.name))
      w("    value: %s", scalar(q.value))
    end
    if #(v.qualifiers or {}) == 0 then L[#L] = "  qualifiers: []" end
    w(#v.values == 0 and "  values: []" or "  values:")
    for _, x in ipairs(v.values) do w("  - value: %s", scalar(x)) end
  end
  return concat(L, "\n") .. "\n"
end

local function table_doc_text(t)
  local L = { "---", "name: " .. qstr(t.name), "description: " .. qstr(t.description),
              "data_file: " .. qstr(t.data_file), "keywords:" }
  for _, k in ipairs(t.keywords or {}) do
    local vs = {}
    for i, v in ipairs(k.values) do vs[i] = scalar(v) end
    L[#L + 1] = fmt("- name: %s", qstr(k.name))
    L[#L + 1] = fmt("  values: [%s]", concat(vs, ", "))
  end
  if #(t.keywords or {}) == 0 then L[#L] = "keywords: []" end
  return concat(L, "\n") .. "\n"
end

local function info_text(info)
  local L = { "---" }
  if info.comment then L[#L + 1] = "comment: " .. qstr(info.comment) end
  if info.hepdata_doi then L[#L + 1] = "hepdata_doi: " .. qstr(info.hepdata_doi) end
  if info.record_ids and #info.record_ids > 0 then
    L[#L + 1] = "record_ids:"
    for _, id in ipairs(info.record_ids) do
      L[#L + 1] = fmt("- {type: %s, id: %s}", qstr(id.type), scalar(id.id))
    end
  end
  return concat(L, "\n") .. "\n"
end

function M.write_file(path, text)
  local tmp = path .. ".tmp"
  local f, err = io.open(tmp, "wb")
  if not f then error(fmt("alp.hepdata: cannot write %s: %s", path, err), 0) end
  local ok, werr = pcall(function() assert(f:write(text)); assert(f:close()) end)
  if ok then ok, werr = os.rename(tmp, path) end
  if not ok then
    pcall(f.close, f)
    os.remove(tmp)
    error(fmt("alp.hepdata: writing %s failed: %s", path, tostring(werr)), 0)
  end
end

-- M.record(dir, rec) -> list of files written (dir must exist)
function M.record(dir, rec)
  local texts, sub = {}, {}
  if rec.info then
    schema.check_info(rec.info, "record information")
    sub[#sub + 1] = info_text(rec.info)
  end
  local seen = {}
  for i, t in ipairs(rec.tables) do
    if seen[t.name] then error(fmt("alp.hepdata: two tables are named '%s'", t.name), 0) end
    seen[t.name] = true
    t.data_file = t.data_file or fmt("table%d.yaml", i)
    local where = fmt("table '%s'", t.name)
    schema.check_submission({ name = t.name, description = t.description, data_file = t.data_file,
                              keywords = t.keywords or {} }, where)
    schema.check_data(data_doc(t), where .. " (" .. t.data_file .. ")")
    texts[#texts + 1] = { t.data_file, data_text(t) }
    sub[#sub + 1] = table_doc_text(t)
  end
  -- the emitted text must read back as the documents it was built from
  local lyaml = require "lyaml"
  for _, ft in ipairs(texts) do
    local ok, err = pcall(lyaml.load, ft[2])
    if not ok then error(fmt("alp.hepdata: internal: %s does not parse: %s", ft[1], tostring(err)), 0) end
  end
  local files = {}
  for _, ft in ipairs(texts) do
    M.write_file(dir .. "/" .. ft[1], ft[2])
    files[#files + 1] = dir .. "/" .. ft[1]
  end
  M.write_file(dir .. "/submission.yaml", concat(sub))
  files[#files + 1] = dir .. "/submission.yaml"
  return files
end

return M
