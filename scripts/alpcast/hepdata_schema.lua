-- alpcast/hepdata_schema.lua: the shape HEPData requires of a submission,
-- restated from the JSON schemas of HEPData/hepdata-validator, version 1.1.1
-- (submission_schema.json, data_schema.json, additional_info_schema.json;
-- documented at hepdata-submission.readthedocs.io).  Each check raises
-- "alp.hepdata: WHERE: what is wrong" at the first violation.
--   table document of submission.yaml: name (string, <= 64 chars),
--     description (string), keywords (array of {name in cmenergies |
--     observables | reactions | phrases, values: array of strings/numbers}),
--     data_file (string) required; optional location, data_schema,
--     data_license {name, url, description}, additional_resources,
--     table_doi, related_to_table_dois; nothing else.
--   data file: independent_variables and dependent_variables (arrays; nothing
--     else); each variable {header = {name, units?}, values}, dependent ones
--     also qualifiers = [{name, value, units?}]; an independent value is
--     {value} or {low, high, value?}; a dependent value {value, errors?},
--     errors [{symerror} or {asymerror = {minus, plus}}, label?].
--   record information (first document, optional): record_ids [{type, id}],
--     comment, ...; other keys allowed.
local M = {}

local fmt, type = string.format, type

local function bad(where, msg, ...) error("alp.hepdata: " .. where .. ": " .. fmt(msg, ...), 0) end

local function is_array(v)
  if type(v) ~= "table" then return false end
  local n = 0
  for k in pairs(v) do
    if math.type(k) ~= "integer" then return false end
    n = n + 1
  end
  return n == #v
end

local function is_map(v)
  if type(v) ~= "table" then return false end
  if next(v) == nil then return true end
  return not is_array(v)
end

local function kind(v)
  if type(v) == "table" then return is_array(v) and "an array" or "a mapping" end
  return type(v) == "nil" and "nothing" or ("a " .. type(v))
end

-- Only the allowed keys, the required ones present.
local function keys(where, t, allowed, required)
  if not is_map(t) then bad(where, "must be a mapping, got %s", kind(t)) end
  local ok = {}
  for _, k in ipairs(allowed) do ok[k] = true end
  for k in pairs(t) do
    if not ok[k] then bad(where, "unknown key '%s' (allowed: %s)", tostring(k), table.concat(allowed, ", ")) end
  end
  for _, k in ipairs(required) do
    if t[k] == nil then bad(where, "the required key '%s' is missing", k) end
  end
end

local function str(where, v, maxlen)
  if type(v) ~= "string" then bad(where, "must be a string, got %s", kind(v)) end
  if maxlen and #v > maxlen then bad(where, "is %d characters long (at most %d)", #v, maxlen) end
end

local function str_or_num(where, v)
  if type(v) ~= "string" and type(v) ~= "number" then
    bad(where, "must be a string or a number, got %s", kind(v))
  end
end

local function array(where, v)
  if not is_array(v) then bad(where, "must be an array, got %s", kind(v)) end
  return v
end

local KEYWORDS = { cmenergies = true, observables = true, reactions = true, phrases = true }
local DOI_T = "^10%.17182/hepdata%.%d+%.v%d+/t%d+$"

function M.check_submission(d, where)
  keys(where, d, { "name", "location", "description", "keywords", "data_file", "data_schema",
                   "data_license", "additional_resources", "table_doi", "related_to_table_dois" },
       { "name", "description", "keywords", "data_file" })
  str(where .. ": name", d.name, 64)
  str(where .. ": description", d.description)
  str(where .. ": data_file", d.data_file)
  if d.location ~= nil then str(where .. ": location", d.location, 256) end
  for i, k in ipairs(array(where .. ": keywords", d.keywords)) do
    local w = fmt("%s: keywords[%d]", where, i)
    keys(w, k, { "name", "values" }, { "name", "values" })
    str(w .. ": name", k.name, 128)
    if not KEYWORDS[k.name] then
      bad(w, "name '%s' is not one of cmenergies, observables, reactions, phrases", k.name)
    end
    for j, v in ipairs(array(w .. ": values", k.values)) do str_or_num(fmt("%s: values[%d]", w, j), v) end
  end
  if d.data_license ~= nil then
    keys(where .. ": data_license", d.data_license, { "name", "url", "description" }, { "name", "url" })
  end
  if d.table_doi ~= nil then str(where .. ": table_doi", d.table_doi) end
  for i, v in ipairs(d.related_to_table_dois and array(where .. ": related_to_table_dois",
                                                       d.related_to_table_dois) or {}) do
    if type(v) ~= "string" or not v:match(DOI_T) then
      bad(fmt("%s: related_to_table_dois[%d]", where, i), "must look like 10.17182/hepdata.N.vN/tN")
    end
  end
end

local function header(where, h)
  keys(where, h, { "name", "units" }, { "name" })
  str(where .. ": name", h.name)
  if h.units ~= nil then str(where .. ": units", h.units) end
end

function M.check_data(d, where)
  keys(where, d, { "independent_variables", "dependent_variables" },
       { "independent_variables", "dependent_variables" })
  for j, v in ipairs(array(where .. ": independent_variables", d.independent_variables)) do
    local w = fmt("%s: independent_variables[%d]", where, j)
    keys(w, v, { "header", "values" }, { "header", "values" })
    header(w .. ": header", v.header)
    for i, x in ipairs(array(w .. ": values", v.values)) do
      local wi = fmt("%s: values[%d]", w, i)
      if type(x) == "table" and (x.low ~= nil or x.high ~= nil) then
        keys(wi, x, { "value", "low", "high" }, { "low", "high" })
        for _, k in ipairs { "low", "high", "value" } do
          if x[k] ~= nil and type(x[k]) ~= "number" then bad(wi .. ": " .. k, "must be a number, got %s", kind(x[k])) end
        end
      else
        keys(wi, x, { "value" }, { "value" })
        str_or_num(wi .. ": value", x.value)
      end
    end
  end
  for j, v in ipairs(array(where .. ": dependent_variables", d.dependent_variables)) do
    local w = fmt("%s: dependent_variables[%d]", where, j)
    keys(w, v, { "header", "qualifiers", "values" }, { "header", "values" })
    header(w .. ": header", v.header)
    for i, q in ipairs(v.qualifiers and array(w .. ": qualifiers", v.qualifiers) or {}) do
      local wq = fmt("%s: qualifiers[%d]", w, i)
      keys(wq, q, { "name", "value", "units" }, { "name", "value" })
      str(wq .. ": name", q.name)
      str_or_num(wq .. ": value", q.value)
    end
    for i, x in ipairs(array(w .. ": values", v.values)) do
      local wi = fmt("%s: values[%d]", w, i)
      keys(wi, x, { "value", "errors" }, { "value" })
      str_or_num(wi .. ": value", x.value)
      for e, err in ipairs(x.errors and array(wi .. ": errors", x.errors) or {}) do
        local we = fmt("%s: errors[%d]", wi, e)
        keys(we, err, { "symerror", "asymerror", "label" }, {})
        if (err.symerror == nil) == (err.asymerror == nil) then
          bad(we, "needs exactly one of symerror and asymerror")
        end
        if err.symerror ~= nil then str_or_num(we .. ": symerror", err.symerror) end
        if err.asymerror ~= nil then
          keys(we .. ": asymerror", err.asymerror, { "minus", "plus" }, { "minus", "plus" })
        end
      end
    end
  end
end

function M.check_info(d, where)
  if not is_map(d) then bad(where, "must be a mapping, got %s", kind(d)) end
  for i, id in ipairs(d.record_ids and array(where .. ": record_ids", d.record_ids) or {}) do
    local w = fmt("%s: record_ids[%d]", where, i)
    keys(w, id, { "type", "id" }, { "type", "id" })
    str(w .. ": type", id.type)
    str_or_num(w .. ": id", id.id)
  end
  if d.comment ~= nil then str(where .. ": comment", d.comment) end
end

return M
