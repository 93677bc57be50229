-- alpcast/recast.lua: the recast contract (alp.recast).
-- A recast file ends with `return alp.recast{...}`.  alp.recast{} validates
-- the declaration when the file loads -- required fields, types, allowed
-- values, unknown keys (with a suggestion), name = file stem, data files
-- present -- and returns a frozen descriptor.  No physics runs at load time.
-- alp.recast.load(path) loads a file in a strict environment of its own;
-- alp.recast.scan(desc, benchmark [, variant]) turns its ratio (or
-- signal / limit) into excluded intervals.  help("recast") has the contract.
local check = require "alpcast.check"
local alp = require "alp"

local M = {}

local fmt, type, huge = string.format, type, math.huge

M.signatures = { "invisible", "displaced", "prompt" }
M.statuses = { "published", "projection" }
M.benchmarks = { "cff", "cWW" }
M.results = { "excluded", "preferred" } -- preferred: inside a band (alpcast/band.lua)
-- how <P> is obtained (the README table, docs/recasts.md)
M.acceptances = { "event-level geometry", "published lifetime grid", "published contour",
                  "analytic decay probability" } -- the last: a formula, e.g. exp(-L/(beta gamma c tau))
M.default_masses = { min = 1e-3, max = 4.78, n = 200, log = true }

local FIELDS = { "name", "experiment", "process", "reference", "signature", "cl", "data",
                 "status", "observable", "notes", "tags", "benchmarks", "variants", "masses",
                 "couplings", "parent", "rtol", "seed", "timeout", "prepare", "ratio", "signal", "limit",
                 "extra", "flavour", "assumes", "result", "confidence", "acceptance", "cite" }
-- keys of a variant's table that the suite reads (the rest is the recast's)
local VARIANT_RESERVED = { masses = true, couplings = true, benchmarks = true, limit = true,
                           parent = true, default = true }


local band = require "alpcast.band"
local is_limit = function(v) return require("alpcast.limit").is_limit(v) end

local Descriptor = { __name = "alp.recast" }

local function stem_of(path) return (path:match("([^/]+)$") or path):gsub("%.lua$", "") end
local function dir_of(path) return path:match("^(.*)/[^/]*$") or "." end

-- alp.recast.resolve(dir, path) -> dir/path, or nil, why: a recast reads
-- only files inside its own folder (no absolute path, no "..").
function M.resolve(dir, path)
  if type(path) ~= "string" or path == "" then return nil, "a file path must be a non-empty string" end
  if path:sub(1, 1) == "/" or path:sub(1, 1) == "~" then
    return nil, fmt("'%s' is an absolute path; give a path inside the recast's folder (e.g. data/x.csv)", path)
  end
  for part in path:gmatch("[^/]+") do
    if part == ".." then
      return nil, fmt("'%s' leaves the recast's folder (\"..\"); give a path inside it", path)
    end
  end
  return dir .. "/" .. path
end

local function file_exists(p)
  local f = io.open(p, "r")
  if f then f:close() return true end
  return false
end

-- Validation errors name the file and the line of the offending field
-- ("recasts/x.lua:7: alp.recast: field 'cl' must be a number in (0, 1), got
-- 90").  `return alp.recast{...}` is a tail call, so the recast's frame is
-- gone by the time we run: the file comes from alp.recast.load (or the
-- nearest Lua file on the stack) and the line from the file's text.
local current_file -- set while validating

local function field_line(file, field)
  local f = file and io.open(file, "r")
  if not f then return nil end
  local n, call_line, hit = 0, nil, nil
  for line in f:lines() do
    n = n + 1
    if not call_line and line:find("alp.recast", 1, true) then call_line = n end
    if field and not hit and call_line and line:match("^%s*" .. field .. "%s*=") then hit = n end
  end
  f:close()
  return hit or call_line
end

local function fail(msg, ...)
  msg = fmt(msg, ...)
  local field = msg:match("field '([%w_]+)'") or msg:match("unknown field '([%w_]+)'")
    or msg:match("^variants%.([%w_]+)") or msg:match("%(data%.([%w_]+)%)")
  if msg:match("^variants%.") then field = msg:match("^variants%.([%w_]+)") end
  if msg:match("%(data%.") then field = "data" end
  local prefix = ""
  if current_file then
    local line = field_line(current_file, field)
    prefix = current_file .. ":" .. (line and (line .. ":") or "") .. " "
  end
  error(prefix .. "alp.recast: " .. msg, 0)
end

local function need_string(spec, k)
  local v = spec[k]
  if v == nil then fail("field '%s' is required (a non-empty string)", k) end
  if type(v) ~= "string" or v == "" then
    fail("field '%s' must be a non-empty string, got %s", k, check.got(v))
  end
  return v
end

local function opt_type(spec, k, t)
  local v = spec[k]
  if v ~= nil and type(v) ~= t then fail("field '%s' must be a %s, got %s", k, t, check.got(v)) end
  return v
end

local function one_of(spec, k, choices, default)
  local v = spec[k]
  if v == nil then
    if default then return default end
    local q = {}
    for i, c in ipairs(choices) do q[i] = '"' .. c .. '"' end
    fail("field '%s' is required (one of %s)", k, table.concat(q, ", "))
  end
  for _, c in ipairs(choices) do if v == c then return v end end
  local q = {}
  for i, c in ipairs(choices) do q[i] = '"' .. c .. '"' end
  local s = type(v) == "string" and check.suggest(v, choices)
  fail("field '%s' must be one of %s, got %s%s", k, table.concat(q, ", "), check.got(v),
       s and fmt(" (did you mean '%s'?)", s) or "")
end

local function grid_ok(v, k)
  local ok, err = pcall(require("alpcast.scan").grid, v, "alp.recast", "field '" .. k .. "'")
  if not ok then fail("%s", (tostring(err):gsub("^.-alp%.recast: ", ""))) end
end

local function couplings_ok(v, k)
  if type(v) ~= "table" then fail("field '%s' must be a table {min =, max =, n =}, got %s", k, check.got(v)) end
  for key in pairs(v) do
    if key ~= "min" and key ~= "max" and key ~= "n" then
      fail("field '%s' has unknown key '%s' (allowed: min, max, n)", k, tostring(key))
    end
  end
  local d = require("alpcast.scan").default_couplings
  grid_ok({ min = v.min or d.min, max = v.max or d.max, n = v.n or d.n }, k)
end

-- A list of benchmark names (what: "field 'benchmarks'" or
-- "variants.x.benchmarks" for the message) -> a copy of it.
local function benchmarks_ok(list, what)
  if type(list) ~= "table" then fail("%s must be a table, got %s", what, check.got(list)) end
  local out = {}
  for i, b in ipairs(list) do
    local ok = false
    for _, x in ipairs(M.benchmarks) do if b == x then ok = true end end
    if not ok then
      local s = type(b) == "string" and check.suggest(b, M.benchmarks)
      fail("%s must list \"cff\" and/or \"cWW\", got %s at [%d]%s", what, check.got(b), i,
           s and fmt(" (did you mean '%s'?)", s) or "")
    end
    out[i] = b
  end
  return out
end

-- parent: the decaying meson whose mass bounds the EFT (REFERENCE D16(b):
-- c/f_a < 1/m_P; alp.model.max_coupling), or "none" (beam dumps, whose
-- published contours close by themselves).
local function parent_ok(v, what)
  if v == nil or v == "none" then return v end
  if type(v) ~= "string" then fail("%s must be a parent meson name or \"none\", got %s", what, check.got(v)) end
  local ok, err = pcall(alp.model.max_coupling, v)
  if not ok then fail("%s: %s", what, (tostring(err):gsub("^alp%.model%.max_coupling: ", ""))) end
  return v
end

local function validate(spec, source)
  if type(spec) ~= "table" then fail("expects a table, got %s", check.got(spec)) end
  -- unknown fields first: a misspelt 'ratio' would otherwise be "missing"
  for k in pairs(spec) do
    if type(k) ~= "string" then fail("fields must have string keys, got a %s key", type(k)) end
    local found = false
    for _, f in ipairs(FIELDS) do if f == k then found = true break end end
    if not found then
      local s = check.suggest(k, FIELDS)
      fail("unknown field '%s'%s", k, s and fmt(" (did you mean '%s'?)", s) or "")
    end
  end
  local d = {}
  d.name = need_string(spec, "name")
  if not d.name:match("^[%w_%-]+$") then
    fail("field 'name' must be made of letters, digits, _ and -, got '%s'", d.name)
  end
  local file = source
  if file then
    d.file = file
    if stem_of(file) ~= d.name then
      fail("field 'name' must equal the file name '%s', got '%s'", stem_of(file), d.name)
    end
  end
  d.experiment = need_string(spec, "experiment")
  d.process = need_string(spec, "process")
  local ref = spec.reference
  if ref == nil then fail("field 'reference' is required (a string, or {arxiv =, journal =, ...})") end
  if type(ref) == "table" then
    local n = 0
    for k, v in pairs(ref) do
      if type(k) ~= "string" or type(v) ~= "string" then
        fail("field 'reference' must map names to strings ({arxiv = \"...\"})")
      end
      n = n + 1
    end
    if n == 0 then fail("field 'reference' must not be empty") end
  elseif type(ref) ~= "string" or ref == "" then
    fail("field 'reference' must be a string or a table of strings, got %s", check.got(ref))
  end
  d.reference = ref
  -- cite: BibTeX keys of scripts/alpcast/refs.bib, measurement first (alpcast/cite.lua)
  d.cite = opt_type(spec, "cite", "table") or {}
  for i, k in ipairs(d.cite) do
    if type(k) ~= "string" or not k:match("^[^%s,{}]+$") then
      fail("field 'cite' must list BibTeX keys (INSPIRE texkeys or arXiv:NNNN.NNNNN), cite[%d] is %s", i, check.got(k))
    end
  end
  d.signature = one_of(spec, "signature", M.signatures)
  local cl = spec.cl
  if cl == nil then fail("field 'cl' is required (a number in (0, 1), e.g. 0.90)") end
  if type(cl) ~= "number" or not (cl > 0 and cl < 1) then
    fail("field 'cl' must be a number in (0, 1), got %s", check.got(cl))
  end
  d.cl = cl
  d.status = one_of(spec, "status", M.statuses, "published")
  d.result = one_of(spec, "result", M.results, "excluded")
  d.acceptance = spec.acceptance ~= nil and one_of(spec, "acceptance", M.acceptances) or nil
  d.confidence = opt_type(spec, "confidence", "string")
  if d.confidence and not d.confidence:match("^[ABCD]/?[ABCD]?%f[^%w/]") then
    fail("field 'confidence' must start with the data grade A-D of PROVENANCE.md (\"B\", \"B/C\"), "
         .. "then the data source, got %s", check.got(d.confidence))
  end
  d.observable = opt_type(spec, "observable", "string")
  d.notes = opt_type(spec, "notes", "string")
  d.tags = opt_type(spec, "tags", "table") or {}
  for i, t in ipairs(d.tags) do
    if type(t) ~= "string" then fail("field 'tags' must be an array of strings (tags[%d] is %s)", i, check.got(t)) end
  end
  -- data files: inside the recast's folder, must exist (not parsed now)
  d.data = {}
  local dir = d.file and dir_of(d.file) or "."
  d.dir = dir
  for k, p in pairs(opt_type(spec, "data", "table") or {}) do
    if type(k) ~= "string" or type(p) ~= "string" then
      fail("field 'data' must map names to file paths ({bins = \"data/x.csv\"})")
    end
    local full, perr = M.resolve(dir, p)
    if not full then fail("field 'data' (data.%s): %s", k, perr) end
    if not file_exists(full) then fail("data file '%s' (data.%s) not found: %s", p, k, full) end
    d.data[k] = full
  end
  -- what it applies to
  d.benchmarks = benchmarks_ok(opt_type(spec, "benchmarks", "table") or M.benchmarks,
                               "field 'benchmarks'")
  d.assumes = require("alpcast.assume").validate(spec.assumes, fail)
  d.variant_names = {}
  local vs = opt_type(spec, "variants", "table")
  if vs then
    for vname, settings in pairs(vs) do
      if type(vname) ~= "string" or not vname:match("^[%w_]+$") then
        fail("field 'variants' must be keyed by names of letters, digits and _, got %s", check.got(vname))
      end
      if type(settings) ~= "table" then
        fail("variants.%s must be a table of settings, got %s", vname, check.got(settings))
      end
      if settings.name ~= nil or settings.seed ~= nil then
        fail("variants.%s: 'name' and 'seed' are set by the suite", vname)
      end
      if settings.masses ~= nil then grid_ok(settings.masses, "variants." .. vname .. ".masses") end
      if settings.couplings ~= nil then couplings_ok(settings.couplings, "variants." .. vname .. ".couplings") end
      if settings.benchmarks ~= nil then
        benchmarks_ok(settings.benchmarks, "variants." .. vname .. ".benchmarks")
      end
      parent_ok(settings.parent, "variants." .. vname .. ".parent")
      if settings.limit ~= nil and not is_limit(settings.limit) then
        fail("variants.%s.limit must be an alp.limit (alp.limit.csv{...}), got %s", vname,
             check.got(settings.limit))
      end
      d.variant_names[#d.variant_names + 1] = vname
    end
    if #d.variant_names == 0 then fail("field 'variants' must not be empty (omit it instead)") end
    local defaults = {}
    for _, vn in ipairs(d.variant_names) do
      local dv = vs[vn].default
      if dv ~= nil and dv ~= true then fail("variants.%s.default must be true or absent", vn) end
      if dv then defaults[#defaults + 1] = vn end
    end
    if #defaults > 1 then
      table.sort(defaults)
      fail("variants: only one may be default = true (%s)", table.concat(defaults, ", "))
    end
    table.sort(d.variant_names)
  end
  d.variant_settings = vs or {}
  d.variants = vs or {}
  d.masses = spec.masses or M.default_masses
  grid_ok(d.masses, "masses")
  d.couplings = spec.couplings
  if d.couplings ~= nil then couplings_ok(d.couplings, "couplings") end
  d.parent = parent_ok(spec.parent, "field 'parent'")
  d.flavour = require("alpcast.flavour").validate(spec.flavour, fail) -- paper Sec. 3.4
  d.rtol = spec.rtol or 1e-3
  if type(d.rtol) ~= "number" or not (d.rtol > 0 and d.rtol <= 0.5) then
    fail("field 'rtol' must be a number in (0, 0.5], got %s", check.got(spec.rtol))
  end
  d.seed = spec.seed or 1
  if math.type(d.seed) ~= "integer" and not (type(d.seed) == "number" and math.tointeger(d.seed)) then
    fail("field 'seed' must be an integer, got %s", check.got(spec.seed))
  end
  d.seed = math.tointeger(d.seed)
  if spec.timeout ~= nil and (type(spec.timeout) ~= "number" or not (spec.timeout > 0 and spec.timeout <= 1e6)) then
    fail("field 'timeout' must be a number of seconds in (0, 1e6], got %s", check.got(spec.timeout))
  end
  d.timeout = spec.timeout
  -- the physics: ratio, or signal + limit (an alp.limit, or a function of ma)
  for _, k in ipairs { "prepare", "ratio", "signal", "limit", "extra" } do
    local v = spec[k]
    if v ~= nil and type(v) ~= "function" and not (k == "limit" and is_limit(v)) then
      fail("field '%s' must be a function%s, got %s", k, k == "limit" and " or an alp.limit" or "",
           check.got(v))
    end
    d[k] = v
  end
  local variant_limits = false
  for _, st in pairs(d.variant_settings) do if st.limit then variant_limits = true end end
  if d.ratio and d.result == "preferred" then fail("field 'result' \"preferred\" needs 'signal' + a band 'limit', not 'ratio'") end
  if d.ratio and (d.signal or d.limit or variant_limits) then
    fail("give either 'ratio' or 'signal' + 'limit', not both")
  end
  if not d.ratio then
    if not d.signal and not d.limit and not variant_limits then
      fail("field 'ratio' is required (function(model, ma, data, prepared, variant) -> signal/allowed), or 'signal' + 'limit'")
    end
    if not d.signal then fail("field 'signal' is required with 'limit'") end
    if not d.limit then
      for _, vn in ipairs(d.variant_names) do
        if not d.variant_settings[vn].limit then
          fail("field 'limit' is required with 'signal' (variants.%s has no limit of its own)", vn)
        end
      end
      if #d.variant_names == 0 then fail("field 'limit' is required with 'signal'") end
    end
  end
  -- every limit object at the recast's CL; a preferred region needs bands
  local lims = { d.limit }
  for _, vn in ipairs(d.variant_names) do lims[#lims + 1] = d.variant_settings[vn].limit end
  for _, l in pairs(lims) do
    if is_limit(l) and math.abs(l.cl - d.cl) > 1e-9 then
      fail("field 'cl' is %g but the limit %s is at CL %g", d.cl, l.name, l.cl)
    end
    if (d.result == "preferred") ~= (is_limit(l) and l.bounds == "band") then
      fail("field 'result' is \"%s\": the limit must %san alp.limit.band", d.result,
           d.result == "preferred" and "be " or "not be ")
    end
  end
  return d
end

-- The recast file being defined: the one alp.recast.load is loading (an
-- alp.recast{} elsewhere, e.g. in the REPL, has no file: no name check, data
-- paths relative to the current folder).
local loading
local function calling_file() return loading end

-- alp.recast{...} -> descriptor (frozen)
local function define(spec)
  current_file = calling_file()
  local ok, d = pcall(validate, spec, current_file)
  current_file = nil
  if not ok then error(d, 0) end
  return setmetatable({}, {
    __name = "alp.recast",
    __index = d,
    __newindex = function(_, k) error(fmt("alp.recast: descriptor '%s' is read-only (field '%s')", d.name, tostring(k)), 2) end,
    __tostring = function() return M.card(d) end,
    __metatable = Descriptor,
  })
end

setmetatable(M, { __call = function(_, spec) return define(spec) end })

-- The card a descriptor prints as.
function M.card(d)
  local ref = d.reference
  if type(ref) == "table" then
    local parts = {}
    for _, k in ipairs { "journal", "arxiv", "doi" } do
      if ref[k] then parts[#parts + 1] = (k == "arxiv" and "arXiv:" or "") .. ref[k] end
    end
    ref = table.concat(parts, ", ")
  end
  local lines = { fmt("alp.recast{%s", d.name),
                  fmt("  experiment: %s (%s, %s)", d.experiment, d.signature, d.status),
                  fmt("  process:    %s", d.process),
                  fmt("  CL:         %g%%", d.cl * 100),
                  fmt("  reference:  %s", ref) }
  if #d.variant_names > 0 then lines[#lines + 1] = "  variants:   " .. table.concat(d.variant_names, ", ") end
  local files = {}
  for k in pairs(d.data) do files[#files + 1] = k end
  table.sort(files)
  for _, k in ipairs(files) do lines[#lines + 1] = fmt("  data.%s: %s", k, d.data[k]) end
  if d.limit and is_limit(d.limit) then lines[#lines + 1] = "  limit:      " .. d.limit.name end
  lines[#lines + 1] = "  flavour:    " .. require("alpcast.flavour").summary(d.flavour)
  lines[#lines + 1] = "  file:       " .. tostring(d.file or "(none)") .. "}"
  return table.concat(lines, "\n")
end

-- Is v a descriptor made by alp.recast{}?
function M.is_descriptor(v)
  return type(v) == "table" and getmetatable(v) == Descriptor
end

-- ---- the strict environment ----------------------------------------------

local ALLOWED = { "alp", "math", "string", "table", "utf8", "ipairs", "pairs", "next",
                  "select", "type", "tostring", "tonumber", "error", "assert", "pcall",
                  "print", "rawget", "rawequal", "rawlen", "setmetatable", "getmetatable",
                  "_VERSION" }
local NO_FILES = { output = true, plot = true, fs = true }

-- alp.data and alp.limit as a recast in folder dir sees them: paths are
-- resolved inside the folder; anything else is an error naming the path.
local function confined(mod, names, dir, label)
  local t = {}
  for k, v in pairs(mod) do t[k] = v end
  for _, k in ipairs(names) do
    local f = mod[k]
    t[k] = function(path, ...)
      local full, why = M.resolve(dir, path)
      if not full then error(fmt("%s: %s", label, why), 2) end
      if M.read_log then M.read_log[full] = true end -- the suite's result cache
      return f(full, ...)
    end
  end
  return setmetatable(t, { __newindex = function(_, k)
    error(fmt("%s: tried to set a field of a library module (%s)", label, tostring(k)), 2) end })
end

-- alp as a recast sees it: everything but the modules that write files;
-- files read only inside the recast's folder.
local function recast_alp(label, dir)
  local own = dir and {
    data = confined(alp.data, { "csv" }, dir, label),
    limit = confined(require("alpcast.limit"), { "csv", "hepdata" }, dir, label),
  } or {}
  -- what a recast may see, looked up as a plain table (a recast's signal
  -- reads alp.model etc. at every coupling: no Lua call per lookup); the
  -- rest (NO_FILES, and names alp gains later) through the function
  local seen = {}
  for k, v in pairs(alp) do if not NO_FILES[k] then seen[k] = own[k] or v end end
  local view = setmetatable(seen, { __index = function(_, k)
    if NO_FILES[k] then
      error(fmt("%s: alp.%s is not available in a recast (the suite writes the files; "
                .. "return tables from 'extra')", label, k), 2)
    end
    return own[k] or alp[k]
  end })
  return setmetatable({}, {
    __index = view,
    __newindex = function(_, k) error(fmt("%s: tried to set alp.%s", label, tostring(k)), 2) end,
    __metatable = "alp (a recast's view)", -- getmetatable does not hand out the view
  })
end

-- A fresh environment: the allow-list read-only; reading an undefined global
-- or writing any global raises.
function M.environment(label, dir)
  local base = {}
  for _, k in ipairs(ALLOWED) do base[k] = _G[k] end
  base.alp = recast_alp(label, dir)
  -- the allow-list is a plain table lookup; only a miss calls a function
  setmetatable(base, { __index = function(_, k)
    local names = {}
    for _, n in ipairs(ALLOWED) do names[#names + 1] = n end
    local s = type(k) == "string" and check.suggest(k, names)
    error(fmt("%s: undefined global '%s'%s", label, tostring(k),
              s and fmt(" (did you mean '%s'?)", s) or ""), 2)
  end })
  return setmetatable({}, {
    __index = base,
    __newindex = function(_, k)
      error(fmt("%s: tried to set global '%s' (use local)", label, tostring(k)), 2)
    end,
    __metatable = "a recast's environment", -- nor the allow-list table
  })
end

-- alp.recast.load(path) -> descriptor: the file in its own strict
-- environment; raises on syntax errors, validation errors, a file that does
-- not return alp.recast{...}, and physics computed at load time.
function M.load(path)
  check.string(path, "alp.recast.load", "path")
  local label = "recast " .. path
  local chunk, err = loadfile(path, "t", M.environment(label, dir_of(path)))
  if not chunk then error(err, 0) end
  local before = alp._physics_calls()
  loading = path
  local ok, d = pcall(chunk)
  loading = nil
  if not ok then error(d, 0) end
  local calls = alp._physics_calls() - before
  if not M.is_descriptor(d) then
    error(fmt("%s: must end with 'return alp.recast{...}', returned %s", path, check.got(d)), 0)
  end
  if calls > 0 then
    error(fmt("%s: computed physics at load time (%d calls); move it into prepare, ratio, "
              .. "signal or limit", path, calls), 0)
  end
  return d
end

-- alp.recast.preferred(desc, model, ma [, prepared [, variant]]) -> inside,
-- signal, lower, upper: whether (ma, model) lies in the preferred region of a
-- result = "preferred" recast (for `alpcast check`; alpcast/band.lua)
M.preferred = band.inside

-- ---- running --------------------------------------------------------------

-- alp.recast.data(desc) -> {key = alp.data table} (read on first use)
function M.data(desc)
  if not M.is_descriptor(desc) then error("alp.recast.data: expects a recast descriptor", 2) end
  local loaded = {}
  for k, p in pairs(desc.data) do
    local d = alp.data.csv(p)
    -- a recast's table with no rows would silently mean "no limit"
    if d.n == 0 then error(fmt("%s: %s (data.%s) has no data rows", desc.name, p, k), 2) end
    loaded[k] = d
  end
  return loaded
end

-- The variant table a recast's functions receive.
function M.variant(desc, vname)
  local v = { name = vname or "", seed = desc.seed }
  if vname then
    local s = desc.variant_settings[vname]
    if not s then
      error(fmt("alp.recast: %s has no variant '%s'", desc.name, tostring(vname)), 3)
    end
    for k, x in pairs(s) do if not VARIANT_RESERVED[k] then v[k] = x end end
  end
  return v
end

-- alp.recast.applies(desc, family [, variant]) -> true | false, reason.
-- family: "cff", "cWW" or an alp.family.  A benchmark outside the recast's
-- (or variant's) `benchmarks` list is refused; any family is checked against
-- `assumes` over the variant's scan (alpcast/assume.lua).
function M.applies(desc, family, vname)
  local fam = require("alpcast.family").of(family, "alp.recast.applies")
  local settings = vname and desc.variant_settings[vname] or {}
  local list = settings.benchmarks or desc.benchmarks
  if fam.benchmark then
    local listed = false
    for _, b in ipairs(list) do if b == fam.benchmark then listed = true end end
    if not listed then
      return false, fmt("written for the benchmark%s %s only (field 'benchmarks')", #list == 1 and "" or "s",
                        table.concat(list, ", "))
    end
  end
  if not desc.assumes then return true end
  local masses = alp.scan.grid(settings.masses or desc.masses, "alp.recast.applies", "masses")
  local cs = settings.couplings or desc.couplings or {}
  local d = alp.scan.default_couplings
  local lo, hi = cs.min or d.min, cs.max or d.max
  local parent = settings.parent or desc.parent
  if parent and parent ~= "none" then hi = math.min(hi, alp.model.max_coupling(parent) / fam.scale) end
  return require("alpcast.assume").holds(desc.assumes, fam, masses, { lo, hi })
end

-- alp.recast.scan(desc, family [, variant [, opts]]) -> scan result
-- family: "cff", "cWW" or an alp.family (alp.family.load); opts: data (from
-- alp.recast.data), family (function c -> model instead of the benchmark,
-- for tests), cache (a table kept across benchmarks: prepare runs once
-- per variant and mass), masses / couplings / rtol / seed (overrides),
-- progress (function(i, n, ma, phase): after mass i of n, phase "prepare"
-- while prepare and limit run, "scan" while the couplings are scanned).
function M.scan(desc, benchmark, vname, opts)
  local fname = "alp.recast.scan"
  if not M.is_descriptor(desc) then error(fname .. ": expects a recast descriptor", 2) end
  local fam = require("alpcast.family").of(benchmark, fname)
  benchmark = fam.name
  opts = opts or {}
  check.keys(opts, { "data", "family", "cache", "masses", "couplings", "rtol", "progress", "seed",
                     "with_ratio" }, fname)
  if vname == nil and #desc.variant_names > 0 then
    error(fmt("%s: %s has variants (%s): name one", fname, desc.name, table.concat(desc.variant_names, ", ")), 2)
  end
  local variant = M.variant(desc, vname)
  if opts.seed then variant.seed = check.integer(opts.seed, fname, "seed", 0, nil, nil, 2) end
  local settings = vname and desc.variant_settings[vname] or {}
  local data = opts.data or M.data(desc)
  local masses = alp.scan.grid(opts.masses or settings.masses or desc.masses, fname, "masses")
  local couplings = opts.couplings or settings.couplings or desc.couplings
  -- prepare (and limit) once per variant and mass
  local cache = opts.cache or {}
  local key = vname or ""
  local prepared = cache[key]
  local limit = settings.limit or desc.limit
  local lim_obj = is_limit(limit) and limit or nil
  local preferred = desc.result == "preferred"
  local where = function(ma, c)
    return fmt("%s%s, %s, ma = %.6g GeV%s", desc.name, vname and (" variant " .. vname) or "",
               benchmark, ma, c and fmt(", c = %.6g TeV^-1", c) or "")
  end
  -- a run-time error in the recast names the recast, variant, mass and
  -- coupling, and the recast's own line
  local function guard(f, ma, c, ...)
    local ok, r = xpcall(f, function(e)
      if type(e) ~= "string" then return e end
      local tb = debug.traceback(e, 2)
      local at = desc.file and tb:match("(" .. desc.file:gsub("%p", "%%%0") .. ":%d+:)")
      return fmt("%s: %s%s", where(ma, c), e, at and not e:find(at, 1, true) and (" [at " .. at:sub(1, -2) .. "]") or "")
    end, ...)
    if not ok then error(r, 0) end
    return r
  end
  if not prepared then
    prepared = {}
    local prepare = desc.prepare
    local tick = (prepare or (limit and not lim_obj)) and opts.progress
    for i, ma in ipairs(masses) do
      local p = prepare and guard(prepare, ma, nil, ma, data, variant) or nil
      local lim
      if limit and not lim_obj then
        lim = guard(limit, ma, nil, ma, data, p, variant)
        if lim ~= huge and (type(lim) ~= "number" or not (lim > 0)) then
          error(fmt("%s: limit returned %s at ma = %.6g GeV (must be a number > 0, or math.huge "
                    .. "for no limit)", desc.name, check.got(lim), ma), 0)
        end
      end
      prepared[i] = { p = p, lim = lim }
      if tick then tick(i, #masses, ma, "prepare") end
    end
    cache[key] = prepared
  end
  local ratio
  -- the benchmark coupling c/f_a [TeV^-1] of a model, for error messages
  local cof = function(model)
    local ok, p = pcall(function() return model:params() end)
    if not ok or type(p) ~= "table" then return nil end
    if not fam.benchmark then return require("alpcast.family").max_coupling_of(model) / fam.scale end
    local c = benchmark == "cff" and p.cff or p.cww
    return c and p.fa and c / (p.fa / 1000) or nil
  end
  if desc.ratio then
    local r = desc.ratio
    local function call(model, ma, pp) return r(model, ma, data, pp.p, variant) end
    ratio = function(model, ma, pp)
      local ok, v = pcall(call, model, ma, pp)
      if ok then return v end
      return guard(call, ma, cof(model), model, ma, pp)
    end
  else
    local signal = desc.signal
    local lim_at = lim_obj and not preferred and (lim_obj._fast_at and lim_obj:_fast_at()
                   or function(m, ct) return lim_obj:at(m, ct) end)
    ratio = function(model, ma, pp)
      local l, hi = pp.lim, nil
      if preferred then l, hi = lim_obj:band(ma, model:ctau(ma))
      elseif lim_at then l = lim_at(ma, model:ctau(ma)) end
      if l == huge then return 0 end
      local ok, s = pcall(signal, model, ma, pp.p, variant)
      if not ok then s = guard(signal, ma, cof(model), model, ma, pp.p, variant) end
      if type(s) ~= "number" or s ~= s or s < 0 then
        error(fmt("%s: signal returned %s at ma = %.6g GeV (must be a number >= 0)", desc.name,
                  check.got(s), ma), 0)
      end
      return preferred and band.ratio(s, l, hi) or s / l
    end
  end
  local parent = settings.parent or desc.parent
  -- D16(b) bounds the largest coupling: c < c_max(parent) / (max |c_i| at c = 1)
  local c_max = parent ~= "none" and parent or nil
  if c_max and fam.scale ~= 1 then c_max = alp.model.max_coupling(parent) / fam.scale end
  local res = alp.scan.run { masses = masses, couplings = couplings, rtol = opts.rtol or desc.rtol,
                             c_max = c_max, per_mass = fam.per_mass or nil,
                             family = opts.family or fam.benchmark or fam.model, ratio = ratio,
                             prepared = prepared,
                             progress = opts.progress and function(i, n, ma)
                               opts.progress(i, n, ma, "scan")
                             end }
  if parent and parent ~= "none" then res.c_max_parent = parent end
  res.family = fam.name
  -- with_ratio: res.ratio(model, i) = the ratio at masses[i] (alp.recast.check)
  if opts.with_ratio then res.ratio = function(model, i) return ratio(model, masses[i], prepared[i]) end end
  return res
end

-- alp.recast.check(model, ma [, opts]): every recast's verdict at a point
-- (alpcast/verdict.lua; help("alp.recast.check")).
function M.check(...) return require("alpcast.verdict").check(...) end

return M
