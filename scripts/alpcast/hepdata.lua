-- alpcast/hepdata.lua: HEPData records (hepdata.net downloads, hepdata_lib
-- output) read with Debian's lua-yaml (lyaml, libyaml): a folder holding
-- submission.yaml (one YAML document per table, plus an optional first
-- document of record information) and one YAML file per table.  The shape of
-- both files is checked against HEPData's submission format (schema 1.1.1 of
-- HEPData/hepdata-validator, rules restated in hepdata_schema.lua).
-- M.read(dir) -> record; M.table(record, name) -> table with its variables;
-- M.limit(dir, spec) -> alp.limit (alp.limit.hepdata).
local check = require "alpcast.check"
local schema = require "alpcast.hepdata_schema"
local units = require "alpcast.units"

local M = {}

local fmt, concat, huge = string.format, table.concat, math.huge

local function fail(msg, ...) error("alp.hepdata: " .. fmt(msg, ...), 0) end

local function slurp(path)
  local f, err = io.open(path, "rb")
  if not f then fail("cannot read %s: %s", path, err) end
  local s = f:read("a")
  f:close()
  return s
end

-- All YAML documents of a file (lyaml; its messages give line:column).
local function yaml_docs(path)
  local ok, lyaml = pcall(require, "lyaml")
  if not ok then
    fail("reading %s needs Debian's lua-yaml (apt-get install lua-yaml; `make deps`)", path)
  end
  local text = slurp(path)
  local okl, docs = pcall(lyaml.load, text, { all = true })
  if not okl then fail("%s:%s", path, tostring(docs):gsub("^[^\n]-:%d+: ", "")) end
  return docs or {}
end

-- A path inside the record's folder (no absolute path, no "..").
local function inside(dir, p, what)
  local full, why = require("alpcast.recast").resolve(dir, p)
  if not full then fail("%s: %s", what, why) end
  return full
end

-- M.read(dir) -> {dir, info = first document or {}, tables = {doc...},
-- doi = record DOI or nil}
function M.read(dir)
  check.string(dir, "alp.hepdata.read", "dir")
  local sub = dir .. "/submission.yaml"
  local docs = yaml_docs(sub)
  local rec = { dir = dir, file = sub, info = {}, tables = {} }
  for i, d in ipairs(docs) do
    local where = fmt("%s, document %d", sub, i)
    if type(d) ~= "table" then fail("%s: must be a mapping, got %s", where, check.got(d)) end
    if d.data_file == nil and d.independent_variables == nil and i == 1 then
      rec.info = d
      schema.check_info(d, where)
    else
      schema.check_submission(d, where)
      rec.tables[#rec.tables + 1] = d
    end
  end
  if #rec.tables == 0 then fail("%s has no table documents (name:, data_file:)", sub) end
  -- hepdata.net downloads carry the record DOI (hepdata_doi) in the first
  -- document; a record_ids entry of type doi is the next best
  rec.doi = type(rec.info.hepdata_doi) == "string" and rec.info.hepdata_doi or nil
  for _, id in ipairs(type(rec.info.record_ids) == "table" and rec.info.record_ids or {}) do
    if type(id) == "table" and id.type == "doi" and not rec.doi then rec.doi = tostring(id.id) end
    if type(id) == "table" and id.type == "inspire" then rec.inspire = tostring(id.id) end
    if type(id) == "table" and id.type == "arXiv" then rec.arxiv = tostring(id.id) end
  end
  return rec
end

-- M.names(rec) -> the table names in file order
function M.names(rec)
  local n = {}
  for i, t in ipairs(rec.tables) do n[i] = t.name end
  return n
end

-- M.table(rec, name) -> {name, description, doi, file, independent = {var},
-- dependent = {var}, n}; var = {name, units, qualifiers = {name = value},
-- values = {numbers or nan}, low, high (bins, or nil)}
function M.table(rec, name)
  local doc
  for _, t in ipairs(rec.tables) do if t.name == name then doc = t end end
  if not doc then
    local names = M.names(rec)
    local s = type(name) == "string" and check.suggest(name, names)
    fail("%s has no table %s%s; tables: %s", rec.file, check.got(name),
         s and fmt(" (did you mean '%s'?)", s) or "", concat(names, ", "))
  end
  local file = inside(rec.dir, doc.data_file, fmt("%s: table '%s': data_file", rec.file, name))
  local docs = yaml_docs(file)
  if #docs ~= 1 then fail("%s: a table file holds one YAML document, found %d", file, #docs) end
  local data = docs[1]
  schema.check_data(data, file)
  local t = { name = name, description = doc.description, doi = doc.table_doi, file = file,
              keywords = doc.keywords, independent = {}, dependent = {} }
  local n
  local function var(v, kind, j)
    local where = fmt("%s: %s_variables[%d] (%s)", file, kind, j, v.header.name)
    local out = { name = v.header.name, units = v.header.units, qualifiers = {}, values = {},
                  where = where }
    for _, q in ipairs(v.qualifiers or {}) do out.qualifiers[q.name] = q.value end
    out.qualifier_list = v.qualifiers or {}
    local binned = false
    for i, x in ipairs(v.values) do
      local val = x.value
      if x.low ~= nil then binned = true end
      -- '-' (and any non-numeric string) is HEPData's "no value here"
      if type(val) == "string" then val = tonumber(val) or (0 / 0) end
      if val == nil then val = 0 / 0 end
      out.values[i] = val
    end
    if binned then
      out.low, out.high = {}, {}
      for i, x in ipairs(v.values) do out.low[i], out.high[i] = x.low, x.high end
    end
    if n and #v.values ~= n then
      fail("%s has %d values, the table's other variables %d", where, #v.values, n)
    end
    n = #v.values
    return out
  end
  for j, v in ipairs(data.independent_variables) do t.independent[j] = var(v, "independent", j) end
  for j, v in ipairs(data.dependent_variables) do t.dependent[j] = var(v, "dependent", j) end
  t.n = n or 0
  return t
end

-- HEPData unit spellings -> ours (units.lua).  HEPData writes masses also
-- as GeV/c^2 and micrometres with LaTeX.
local ALIASES = { ["GeV/c^2"] = "GeV", ["GeV/$c^2$"] = "GeV", ["MeV/c^2"] = "MeV",
                  ["MeV/$c^2$"] = "MeV", ["$\\mu$m"] = "um", ["μm"] = "um", ["micron"] = "um",
                  [""] = "dimensionless" }
function M.unit(u)
  if u == nil then return nil end
  u = tostring(u):gsub("^%s+", ""):gsub("%s+$", "")
  return ALIASES[u] or u
end

-- The CL of a dependent variable's qualifiers ("CL: 95%", "95 %", 0.95,
-- 95) as a fraction, or nil, and the qualifier's name.
function M.cl_of(var)
  for _, q in ipairs(var.qualifier_list) do
    local nm = tostring(q.name):lower()
    if nm == "cl" or nm == "c.l." or nm:match("confidence level") then
      local s = tostring(q.value)
      local x = tonumber(s:match("^%s*([%d%.]+)"))
      if x and s:match("%%") then x = x / 100 elseif x and x > 1 and x < 100 then x = x / 100 end
      if x and x > 0 and x < 1 then return x, q.name end
      fail("%s: qualifier '%s' = %s is not a CL (give e.g. 95%% or 0.95)", var.where, q.name, s)
    end
  end
  return nil
end

local function describe(vars)
  local s = {}
  for j, v in ipairs(vars) do
    local q = {}
    for _, x in ipairs(v.qualifier_list) do q[#q + 1] = fmt("%s=%s", x.name, tostring(x.value)) end
    s[j] = fmt("[%d] '%s'%s", j, v.name, #q > 0 and (" (" .. concat(q, ", ") .. ")") or "")
  end
  return concat(s, "; ")
end

-- The dependent variable named by spec.dependent (index or header name).
local function pick_dependent(t, which)
  if which == nil then
    if #t.dependent == 1 then return t.dependent[1] end
    fail("%s: table '%s' has %d dependent variables: %s; give dependent = index or name",
         t.file, t.name, #t.dependent, describe(t.dependent))
  end
  if math.type(which) == "integer" and t.dependent[which] then return t.dependent[which] end
  local hit
  for _, v in ipairs(t.dependent) do
    if v.name == which then
      if hit then fail("%s: two dependent variables are named '%s'; give dependent = index (%s)",
                       t.file, which, describe(t.dependent)) end
      hit = v
    end
  end
  if hit then return hit end
  fail("%s: dependent = %s matches none of %s", t.file, check.got(which), describe(t.dependent))
end

-- The independent variables' roles from their units: one mass (GeV, MeV,
-- keV), at most one lifetime (tau in s/ns/ps/fs or c tau in m/cm/mm/um).
local function roles(t)
  local mass, life
  for _, v in ipairs(t.independent) do
    local u = M.unit(v.units)
    if u == nil then
      fail("%s has no units in its header; alpcast needs the unit of every independent variable "
           .. "(a mass in GeV/MeV/keV, a lifetime in s/ns/ps/fs or m/cm/mm/um)", v.where)
    end
    local kind = units.kind(u)
    if kind == "mass" and not mass then mass = v
    elseif (kind == "time" or kind == "length") and not life then life = v
    else
      fail("%s: units '%s' are neither a mass (GeV, MeV, keV) nor a lifetime (s, ns, ps, fs, "
           .. "m, cm, mm, um), or a second one of them", v.where, tostring(v.units))
    end
    for i, x in ipairs(v.values) do
      if x ~= x and v.low then
        fail("%s: value %d is a bin (low/high) without a central value; alp.limit.hepdata "
             .. "reads point values", v.where, i)
      elseif x ~= x then fail("%s: value %d is not a number", v.where, i) end
    end
  end
  if not mass then
    fail("%s: table '%s' has no independent variable with a mass unit (GeV, MeV, keV): %s",
         t.file, t.name, describe(t.independent))
  end
  return mass, life
end

-- A short citation line for headers: record DOI, table DOI, INSPIRE id.
function M.source_line(rec, t)
  local parts = { fmt("HEPData record in %s, table '%s'", rec.dir, t.name) }
  if rec.doi then parts[#parts + 1] = "doi:" .. rec.doi end
  if t.doi then parts[#parts + 1] = "table doi:" .. t.doi end
  if rec.inspire then parts[#parts + 1] = "INSPIRE " .. rec.inspire end
  if rec.arxiv then parts[#parts + 1] = "arXiv:" .. rec.arxiv end
  return concat(parts, ", ")
end

local SPEC_EXTRA = { table = true, dependent = true }

-- M.limit(dir, spec) -> alp.limit.  spec: table (name, required),
-- dependent (index or name, when the table has several), and the keys of
-- alp.limit.csv except value/mass/lifetime/bins/columns/units/select.
function M.limit(dir, spec)
  local fname = "alp.limit.hepdata"
  check.string(dir, fname, "dir")
  check.table(spec, fname, "spec")
  if type(spec.table) ~= "string" then
    error(fname .. ": spec.table must name a table of the record's submission.yaml", 2)
  end
  for _, k in ipairs { "value", "mass", "lifetime", "bins", "columns", "units", "select", "path" } do
    if spec[k] ~= nil then
      error(fmt("%s: spec.%s is not used: the roles come from the table's units", fname, k), 2)
    end
  end
  local rec = M.read(dir)
  local t = M.table(rec, spec.table)
  local mass, life = roles(t)
  local dep = pick_dependent(t, spec.dependent)
  local cl = M.cl_of(dep)
  if not cl and spec.cl == nil then
    fail("%s has no CL qualifier (qualifiers: %s); HEPData writes it as {name: CL, value: 95%%}, "
         .. "or give cl = ... and say why", dep.where, describe({ dep }):gsub("^%[1%] ", ""))
  end
  local vu = M.unit(dep.units) or "dimensionless"
  local cols = { mass = mass.values, value = dep.values }
  local us = { mass = M.unit(mass.units), value = vu }
  if life then cols.lifetime, us.lifetime = life.values, M.unit(life.units) end
  local src = { label = fmt("%s (table '%s')", t.file, t.name), columns = cols, units = us,
                n = t.n, meta = { cl = cl and fmt("%.10g", cl) or nil, source = M.source_line(rec, t),
                                  doi = rec.doi },
                files = { { path = rec.file, file = rec.file, source = M.source_line(rec, t) },
                          { path = t.file, file = t.file, source = M.source_line(rec, t) } } }
  src.line = function(i) return fmt("value %d: ", i) end
  local lspec = { value = "value", mass = "mass", lifetime = life and "lifetime" or nil }
  for k, v in pairs(spec) do if not SPEC_EXTRA[k] then lspec[k] = v end end
  lspec.name = lspec.name or src.label
  local limit = require "alpcast.limit"
  local l = limit._new_limit(src, lspec)
  l.hepdata = { record = rec.dir, table = t.name, doi = rec.doi, table_doi = t.doi }
  return l
end

M.inf = huge
return M
