-- alpcast/family.lua: model families (alp.family) -- an ALP model as a
-- function of one free coupling c, the unit every scan and output uses:
-- c = c(Lambda)/f_a in TeV^-1 (DESIGN.md "Units").  The suite runs every
-- recast on a family (`alpcast suite --model FILE.lua`); the built-in
-- benchmarks "cff" and "cWW" of paper eq. (2.13) are families too.
--
-- A family file (models/*.lua) returns a plain table:
--   name       file-safe word (letters, digits, _, -): the output file name
--              DIR/<recast>/<name>.csv; "cff" and "cWW" are the benchmarks'
--   label      the free coupling, for axes ("c_{ll}(Λ)/f_a [TeV^{-1}]")
--   notes      what the family is and why (string)
--   citations  array of strings (arXiv numbers, texkeys; {} if none)
--   model      function(c) -> alp.model at c; with per_mass = true
--              function(c, ma) (e.g. an invisible width fixed as a
--              fraction of the visible one); the couplings must be linear
--              in c and not depend on ma
--   per_mass   optional boolean (default false)
-- alp.family.load(path) validates it (in a strict environment, as a recast)
-- and returns a frozen family; alp.family.benchmark(name) the benchmarks.
local check = require "alpcast.check"
local alp = require "alp"

local M = {}

local fmt, type, abs = string.format, type, math.abs

M.benchmarks = { "cff", "cWW" }
local FIELDS = { "name", "label", "notes", "citations", "model", "per_mass" }
local LABELS = { cff = "c_{ff}(Λ)/f_a [TeV^{-1}]", cWW = "c_{WW}(Λ)/f_a [TeV^{-1}]" }
-- mass at which a per-mass family is evaluated to read its couplings
local PROBE_MA = 0.1

local Family = { __name = "alp.family" }

function M.is_family(v) return type(v) == "table" and getmetatable(v) == Family end

local function freeze(f)
  return setmetatable({}, {
    __index = f, __metatable = Family, __name = "alp.family",
    __newindex = function(_, k) error(fmt("alp.family: '%s' is read-only (field '%s')", f.name, tostring(k)), 2) end,
    __tostring = function()
      return fmt("alp.family{%s: %s%s, %s}", f.name, f.label, f.per_mass and ", per mass" or "",
                 f.file or "built in")
    end,
  })
end

-- The couplings at Lambda of a model as {name = value}: cf.<fermion>, cww,
-- cbb, cgg (the ones D16(b) bounds), and f_a in GeV.
local function couplings_of(m)
  local p = m:params()
  local c = { cww = p.cww, cbb = p.cbb, cgg = p.cgg }
  for k, v in pairs(p.cf) do c[k] = v end
  return c, p.fa
end
M.couplings_of = couplings_of

-- The largest |c_i(Lambda)|/f_a [TeV^-1] of a model: what D16(b) bounds.
function M.max_coupling_of(m)
  local c, fa = couplings_of(m)
  local big = 0
  for _, v in pairs(c) do if abs(v) > big then big = abs(v) end end
  return big / (fa / 1000)
end

local function is_model(m)
  return type(m) == "userdata" and pcall(function() return m:params() end)
end

-- Validates a spec table; where names the file for messages.
local function validate(spec, where)
  local function fail(msg, ...) error(fmt("%s: alp.family: " .. msg, where, ...), 0) end
  if type(spec) ~= "table" then fail("must return a table {name =, label =, ...}, got %s", check.got(spec)) end
  for k in pairs(spec) do
    local known = false
    for _, f in ipairs(FIELDS) do if f == k then known = true end end
    if not known then
      local s = type(k) == "string" and check.suggest(k, FIELDS)
      fail("unknown field '%s'%s (allowed: %s)", tostring(k), s and fmt(" (did you mean '%s'?)", s) or "",
           table.concat(FIELDS, ", "))
    end
  end
  local f = {}
  for _, k in ipairs { "name", "label", "notes" } do
    local v = spec[k]
    if type(v) ~= "string" or v == "" then fail("field '%s' must be a non-empty string, got %s", k, check.got(v)) end
    f[k] = v
  end
  if not f.name:match("^[%w_%-]+$") then
    fail("field 'name' must be a file-safe word (letters, digits, _ and -), got '%s'", f.name)
  end
  for _, b in ipairs(M.benchmarks) do
    if f.name:lower() == b:lower() then
      fail("field 'name' '%s' is reserved for the benchmark of paper eq. (2.13); choose another", f.name)
    end
  end
  if type(spec.citations) ~= "table" then
    fail("field 'citations' must be an array of strings (arXiv numbers or texkeys; {} if none), got %s",
         check.got(spec.citations))
  end
  f.citations = {}
  for i, c in ipairs(spec.citations) do
    if type(c) ~= "string" or c == "" then fail("citations[%d] must be a non-empty string, got %s", i, check.got(c)) end
    f.citations[i] = c
  end
  if type(spec.model) ~= "function" then fail("field 'model' must be a function(c) -> alp.model, got %s", check.got(spec.model)) end
  if spec.per_mass ~= nil and type(spec.per_mass) ~= "boolean" then
    fail("field 'per_mass' must be true or false, got %s", check.got(spec.per_mass))
  end
  f.per_mass = spec.per_mass or false
  local raw = spec.model
  local function at(c, ma)
    local ok, m = pcall(raw, c, ma)
    if not ok then fail("model(%g%s) raised: %s", c, ma and fmt(", %g", ma) or "", tostring(m)) end
    if not is_model(m) then fail("model(%g) must return an alp.model, got %s", c, check.got(m)) end
    return m
  end
  -- the couplings are c times a fixed vector (one free coupling; D16(b)'s
  -- bound then scales with c), checked at c = 1 and c = 3
  local probe = f.per_mass and PROBE_MA or nil
  local c1, fa1 = couplings_of(at(1, probe))
  local c3, fa3 = couplings_of(at(3, probe))
  if fa1 ~= fa3 then fail("model(c) must keep f_a fixed (f_a = %g GeV at c = 1, %g at c = 3)", fa1, fa3) end
  for k, v in pairs(c1) do
    if abs(c3[k] - 3 * v) > 1e-12 * (abs(3 * v) + 1e-300) then
      fail("the couplings of model(c) must be linear in c (c_%s = %g at c = 1 but %g at c = 3)", k, v, c3[k])
    end
  end
  f.scale = M.max_coupling_of(at(1, probe))
  if not (f.scale > 0) then fail("model(1) has no coupling at Lambda (every coupling is 0)") end
  if f.per_mass then f.model = raw else f.model = function(c) return raw(c) end end
  return f
end

-- alp.family.new(spec [, where]) -> family (validated, frozen)
function M.new(spec, where)
  local f = validate(spec, where or "alp.family")
  return freeze(f)
end

-- alp.family.load(path) -> family: the file runs in a strict environment of
-- its own (the recasts'), must return the table described above.  A bare
-- name ("leptophilic") is a shipped family, models/<name>.lua.
function M.load(path)
  check.string(path, "alp.family.load", "path")
  if path:match("^[%w_%-]+$") and not alp.fs.exists(path) then
    local shipped = (alp.root or ".") .. "/models/" .. path .. ".lua"
    if alp.fs.exists(shipped) then path = shipped end
  end
  local env = require("alpcast.recast").environment("model family " .. path, path:match("^(.*)/[^/]*$") or ".")
  local chunk, err = loadfile(path, "t", env)
  if not chunk then
    if not alp.fs.exists(path) then error(fmt("alp.family.load: cannot read '%s'", path), 0) end
    error(err, 0)
  end
  local ok, spec = pcall(chunk)
  if not ok then error(tostring(spec), 0) end
  local f = validate(spec, path)
  f.file = path
  return freeze(f)
end

-- alp.family.benchmark(name) -> family of paper eq. (2.13): "cff" or "cWW".
function M.benchmark(name)
  check.option(name, "alp.family.benchmark", "name", M.benchmarks)
  local bench = alp.model.benchmark
  return freeze {
    name = name, label = LABELS[name], benchmark = name, scale = 1, per_mass = false, citations = { "arXiv:2201.06580" },
    notes = name == "cff" and "c_ff(Lambda) = c for every fermion, other couplings 0, f_a = 1 TeV (paper eq. 2.13)"
      or "c_WW(Lambda) = c, other couplings 0, f_a = 1 TeV (paper eq. 2.13)",
    model = function(c) return bench(name, c) end,
  }
end

-- The family a name or family stands for (benchmark names, families).
function M.of(v, fname)
  if M.is_family(v) then return v end
  if v == "cff" or v == "cWW" then return M.benchmark(v) end
  error(fmt("%s: family must be \"cff\", \"cWW\" or an alp.family (alp.family.load), got %s", fname,
            check.got(v)), 3)
end

-- The families a suite run covers: the benchmarks, or the family of a file.
function M.families(path)
  if path == nil then return { M.benchmark("cff"), M.benchmark("cWW") } end
  return { M.load(path) }
end

-- Figure scripts that draw a family when given --model FILE (the suite runs
-- only these with --model).
M.figures = { fig3 = true, fig12 = true }

-- The family as summary.json records it.
function M.summary(f)
  return { name = f.name, label = f.label, file = f.file, notes = f.notes, citations = f.citations,
           per_mass = f.per_mass, scale = f.scale, model_at_c1 = M.describe(f) }
end

-- One line describing the family for output headers.
function M.describe(f)
  if f.benchmark then
    return f.name .. (f.name == "cff" and " benchmark: c_ff(Lambda) = c, other couplings 0"
                      or " benchmark: c_WW(Lambda) = c, other couplings 0")
  end
  local m = f.model(1, f.per_mass and PROBE_MA or nil)
  local text = tostring(m):gsub("^alp%.model", "")
  if f.per_mass then text = text:gsub(", gamma_inv=[^,}]*", "") end
  return fmt("%s family (%s): c = %s; at c = 1: %s%s", f.name, f.file or "built in", f.label, text,
             f.per_mass and " (gamma_inv set per mass by the family)" or "")
end

return M
