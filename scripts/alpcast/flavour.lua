-- alpcast/flavour.lua: the translation of paper Sec. 3.4 -- bounds on the
-- flavour-changing couplings |C_sb| or |C_ds| versus m_a, for the searches
-- where production and decay decouple: an invisible ALP (NA62, E949, BaBar
-- K nu nu at low masses) or one that decays promptly into the searched final
-- state (BaBar K nu nu at high masses, LHCb K* mu mu, BaBar K gamma gamma).
--
-- A recast declares it with a field
--   flavour = { coupling = "csb" | "cds",
--               production = function(model, ma) -> B(P -> P' a),   -- paper eq. 2.6
--               invisible = function(ma, data, prepared, variant) -> BR_UL,
--               prompt    = function(ma, data, prepared, variant) -> BR_UL,
--               decay = "a -> mu+ mu-" }   -- what the prompt ALP decays to
-- (invisible and prompt: either or both; math.huge = no limit at ma), or
-- flavour = "why no bound exists" for the others.  A recast without the
-- field has no bound: its production and decay are correlated when the
-- couplings are fixed (paper Sec. 3.4).
--
-- The bound: with only the direct coupling C set (alp.model{csb = C}),
-- B(P -> P'a) = Gamma/(Gamma_P + Gamma) (D16(a)) with Gamma ~ C^2 (eq. 2.6),
-- so B = BR_UL at C_max = C_0 sqrt([BR_UL/(1 - BR_UL)] / [B_0/(1 - B_0)]),
-- B_0 the rate at C_0.  "invisible": B(a -> invisible or escapes) = 1;
-- "prompt": B(a -> final state) = 1 and c tau -> 0 (the bound scales as
-- B^-1/2 for a smaller B).  Above the EFT validity bound (D16(b)) or where
-- the search has no limit: inf ("no bound at this mass").
local check = require "alpcast.check"
local alp = require "alp"

local M = {}

local fmt, huge, sqrt = string.format, math.huge, math.sqrt

M.couplings = { csb = "C_sb", cds = "C_ds" }
M.kinds = { "invisible", "prompt" }
M.no_bound = "no C_sb/C_ds bound: production and decay are correlated through the same "
             .. "couplings (the lifetime sets the decay probability), paper Sec. 3.4"
local C0 = 1e-6 -- reference coupling: B_0 << 1

local KEYS = { "coupling", "production", "invisible", "prompt", "decay" }

-- Validates the recast field (called by alp.recast); returns it or raises
-- with fail(msg, ...).
function M.validate(v, fail)
  if v == nil or type(v) == "string" then return v end
  if type(v) ~= "table" then fail("field 'flavour' must be a table or a string (why no bound), got %s", check.got(v)) end
  for k in pairs(v) do
    local ok = false
    for _, n in ipairs(KEYS) do if n == k then ok = true end end
    if not ok then fail("field 'flavour': unknown key '%s' (allowed: %s)", tostring(k), table.concat(KEYS, ", ")) end
  end
  if not M.couplings[v.coupling] then
    fail("field 'flavour': coupling must be \"csb\" or \"cds\", got %s", check.got(v.coupling))
  end
  if type(v.production) ~= "function" then
    fail("field 'flavour': production must be a function(model, ma) -> B(P -> P' a), got %s", check.got(v.production))
  end
  if v.invisible == nil and v.prompt == nil then fail("field 'flavour': give invisible, prompt or both") end
  for _, k in ipairs(M.kinds) do
    if v[k] ~= nil and type(v[k]) ~= "function" then
      fail("field 'flavour': %s must be a function(ma, data, prepared, variant) -> BR_UL, got %s", k, check.got(v[k]))
    end
  end
  if v.prompt and type(v.decay) ~= "string" then
    fail("field 'flavour': decay (the final state of a prompt ALP, e.g. \"a -> mu+ mu-\") is required with prompt")
  end
  return v
end

-- One line for the recast's card: what the field gives.
function M.summary(f)
  if type(f) ~= "table" then return f or "none (production and decay correlated, paper Sec. 3.4)" end
  local kinds = {}
  for _, k in ipairs(M.kinds) do if f[k] then kinds[#kinds + 1] = k end end
  return fmt("|%s| bound vs m_a (%s ALP; paper Sec. 3.4) -> %s.csv", M.couplings[f.coupling],
             table.concat(kinds, " or "), f.coupling)
end

-- |C|/f_a [TeV^-1] at which B(production) = ul, or inf.
function M.coupling_at(production, coupling, ma, ul, cmax)
  if type(ul) ~= "number" or not (ul > 0) then
    error(fmt("flavour: the BR upper limit at ma = %.6g GeV must be a number > 0 or math.huge, got %s",
              ma, check.got(ul)), 0)
  end
  if ul >= 1 then return huge end -- a limit >= 1 constrains nothing
  local b0 = production(alp.model { [coupling] = C0 }, ma)
  if not (b0 > 0) then return huge end -- closed phase space
  local c = C0 * sqrt((ul / (1 - ul)) / (b0 / (1 - b0)))
  if cmax and c >= cmax then return huge end
  return c
end

-- M.bounds(desc, data, masses, prepared, variant) -> rows {ma, c_inv?, c_prompt?}, columns
function M.bounds(desc, data, masses, prepared, variant)
  local f = desc.flavour
  local cmax = desc.parent and desc.parent ~= "none" and alp.model.max_coupling(desc.parent) or nil
  local cols, kinds = { "ma_GeV" }, {}
  for _, k in ipairs(M.kinds) do
    if f[k] then kinds[#kinds + 1] = k; cols[#cols + 1] = fmt("%s_max_%s", f.coupling, k) end
  end
  local rows = {}
  for i, ma in ipairs(masses) do
    local r = { ma }
    for _, k in ipairs(kinds) do
      r[#r + 1] = M.coupling_at(f.production, f.coupling, ma, f[k](ma, data, prepared[i], variant), cmax)
    end
    rows[i] = r
  end
  return rows, cols, cmax
end

-- The suite's part: writes DIR/<recast>/<coupling>.csv (after the benchmark
-- scans, whose prepared tables it reuses) and notes the result in entry.
function M.write_recast(desc, data, stage, cache, entry)
  local f = desc.flavour
  if type(f) ~= "table" then
    entry.flavour = f or M.no_bound
    return
  end
  local vname
  for _, v in ipairs(desc.variant_names) do if desc.variant_settings[v].default then vname = v end end
  if #desc.variant_names > 0 and not vname then vname = desc.variant_names[1] end
  local settings = vname and desc.variant_settings[vname] or {}
  local masses = alp.scan.grid(settings.masses or desc.masses, "flavour", "masses")
  local variant = alp.recast.variant(desc, vname)
  variant.seed = entry.seed or variant.seed
  local cached, prepared = cache and cache[vname or ""], {}
  for i, ma in ipairs(masses) do
    if cached and cached[i] then prepared[i] = cached[i].p
    elseif desc.prepare then prepared[i] = desc.prepare(ma, data, variant) end
  end
  local rows, cols, cmax = M.bounds(desc, data, masses, prepared, variant)
  local name = M.couplings[f.coupling]
  local what = {}
  if f.invisible then
    what[#what + 1] = "_invisible: the ALP is invisible (decays invisibly or escapes): B(P -> P' a) <= BR_UL"
  end
  if f.prompt then
    what[#what + 1] = fmt("_prompt: the ALP decays promptly (c tau -> 0), %s with B = 1 (for a smaller B "
                          .. "the bound scales as B^-1/2)", f.decay)
  end
  local file = stage .. "/" .. f.coupling .. ".csv"
  require("alpcast.output").csv(file, { columns = cols, rows = rows, header = {
    quantity = fmt("upper bound on |%s|/f_a at %g%% CL from %s (%s), paper Sec. 3.4: the coupling at which "
                   .. "B(production) reaches the search's BR limit", name, desc.cl * 100, desc.name, desc.experiment),
    units = fmt("ma_GeV in GeV; %s in TeV^-1 (|%s(Lambda)|/f_a, Lambda = 4 pi f_a; rates depend on |C|/f_a only)",
                table.concat(cols, ", ", 2), name),
    model = fmt("only the flavour-changing %s set at Lambda (alp.model{%s = C}); production from paper eq. (2.6) "
                .. "with D6 and D16(a); %s", name, f.coupling, table.concat(what, "; ")),
    variant = vname, recast = desc.name, experiment = desc.experiment, reference = nil, cl = desc.cl,
    open_ends = fmt("inf: no bound at this mass (no limit there%s)",
                    cmax and fmt(", or the bound would exceed the EFT validity bound %.6g TeV^-1, D16(b)", cmax) or ""),
  } })
  entry.flavour = desc.name .. "/" .. f.coupling .. ".csv"
  entry.outputs[#entry.outputs + 1] = entry.flavour
end

return M
