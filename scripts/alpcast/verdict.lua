-- alpcast/verdict.lua: is a model excluded at one mass?  alp.recast.check
-- and `alpcast check`.  For every recast (and variant) at (m_a, c): the
-- verdict, signal / limit (the ratio the suite scans), the observable that
-- decides, the excluded coupling intervals at that mass and the margin in
-- coupling: the factor by which c must change to reach the nearest edge.
-- The intervals come from the same one-mass scan the suite runs
-- (alp.recast.scan with masses = {m_a}), so check and suite agree.
local check = require "alpcast.check"
local alp = require "alp"
local recast = require "alpcast.recast"
local family = require "alpcast.family"

local M = {}

local fmt, huge, type = string.format, math.huge, type

-- A family from a model: every coupling scaled together, c = the largest
-- |c_i(Lambda)|/f_a of the model (D16(b)'s measure); gamma_inv kept.
local function family_of_model(m)
  local p = m:params()
  local c0 = family.max_coupling_of(m)
  if not (c0 > 0) then error("alp.recast.check: the model has no coupling at Lambda (all 0)", 3) end
  local function at(c)
    local k, cf = c / c0, {}
    for f, v in pairs(p.cf) do cf[f] = v * k end
    return alp.model { cf = cf, cww = p.cww * k, cbb = p.cbb * k, cgg = p.cgg * k, fa = p.fa,
                       gamma_inv = p.gamma_inv }
  end
  return family.new({ name = "model", label = "c = max |c_i(Lambda)|/f_a [TeV^-1]", citations = {},
                      notes = "the given model with every coupling scaled together", model = at },
                    "alp.recast.check"), c0
end

local function descriptors(opts)
  if opts.recasts then
    local out = {}
    for i, d in ipairs(opts.recasts) do
      out[i] = recast.is_descriptor(d) and d or recast.load(check.string(d, "alp.recast.check", fmt("recasts[%d]", i)))
    end
    return out
  end
  local dirs = {}
  for _, d in ipairs(opts.dirs or {}) do dirs[#dirs + 1] = d end
  dirs[#dirs + 1] = alp.root .. "/recasts"
  local out = {}
  for _, e in ipairs(require("alpcast.suite").discover(dirs)) do
    if not opts.only or opts.only(e.name) then out[#out + 1] = recast.load(e.path) end
  end
  return out
end

-- The verdict of one (recast, variant) at (ma, c).
local function one(desc, vname, fam, ma, c, data, seed)
  local v = { recast = desc.name, variant = vname, experiment = desc.experiment, signature = desc.signature,
              cl = desc.cl, observable = desc.observable or desc.process, ma = ma, c = c }
  local ok, why = recast.applies(desc, fam, vname)
  if not ok then v.verdict, v.reason = "not applicable", why return v end
  local settings = vname and desc.variant_settings[vname] or {}
  local grid = alp.scan.grid(settings.masses or desc.masses, "alp.recast.check", "masses")
  if ma < grid[1] * (1 - 1e-12) or ma > grid[#grid] * (1 + 1e-12) then
    v.verdict = "no limit"
    v.reason = fmt("m_a outside the recast's masses %.4g-%.4g GeV", grid[1], grid[#grid])
    return v
  end
  local res = recast.scan(desc, fam, vname, { masses = { ma }, data = data, cache = {}, seed = seed,
                                              with_ratio = true })
  v.c_max = res.c_max
  if res.c_max and c > res.c_max then
    v.verdict = "beyond validity"
    v.reason = fmt("c = %.4g above the EFT validity bound %.4g TeV^-1 (REFERENCE D16(b), parent %s)", c,
                   res.c_max, tostring(res.c_max_parent))
    return v
  end
  v.ratio = res.ratio(fam.model(c, ma), 1)
  v.intervals = {}
  local best
  for _, iv in ipairs(res.by_mass[1]) do
    v.intervals[#v.intervals + 1] = { iv[1], iv[2] }
    -- nearest edge in ln c (an open end is no edge: inf, or the scan's bottom)
    for k, e in ipairs { iv[1], iv[2] } do
      if e ~= huge and not (k == 1 and iv[3]) then
        local d = math.abs(math.log(e / c))
        if not best or d < best.d then best = { d = d, c = e } end
      end
    end
  end
  -- a measured excess (result = "preferred", a band): the ratio is
  -- min(s/lower, upper/s), > 1 inside the band; never "excluded"
  if desc.result == "preferred" then
    v.verdict = v.ratio > 1 and "inside preferred" or "outside preferred"
  else
    v.verdict = v.ratio > 1 and "excluded" or "allowed"
  end
  if best then v.c_edge, v.margin = best.c, best.c / c end
  return v
end

-- alp.recast.check(model, ma [, opts]) -> array of verdicts (help("alp.recast.check"))
function M.check(model, ma, opts)
  local fname = "alp.recast.check"
  opts = opts or {}
  check.table(opts, fname, "opts")
  check.keys(opts, { "c", "recasts", "dirs", "only", "seed", "variant" }, fname)
  check.number(ma, fname, "ma", 0, huge, nil, 2, { lo = true })
  local fam, c
  if family.is_family(model) then
    fam = model
    c = check.number(opts.c, fname, "opts.c (the family's coupling c/f_a [TeV^-1])", 0, huge, nil, 2, { lo = true })
  elseif type(model) == "string" and (model == "cff" or model == "cWW") then
    fam = family.benchmark(model)
    c = check.number(opts.c, fname, "opts.c (the benchmark's coupling c/f_a [TeV^-1])", 0, huge, nil, 2, { lo = true })
  elseif type(model) == "userdata" and pcall(function() return model:params() end) then
    if opts.c ~= nil then error(fname .. ": opts.c is for a family; a model has its own couplings", 2) end
    fam, c = family_of_model(model)
  else
    error(fmt("%s: model must be an alp.model, an alp.family or \"cff\"/\"cWW\", got %s", fname, check.got(model)), 2)
  end
  local out = {}
  for _, desc in ipairs(descriptors(opts)) do
    local data = recast.data(desc)
    local vs = #desc.variant_names > 0 and desc.variant_names or { false }
    for _, vn in ipairs(vs) do
      if opts.variant == nil or opts.variant == vn then out[#out + 1] = one(desc, vn or nil, fam, ma, c, data, opts.seed) end
    end
  end
  return out
end

-- ---- `alpcast check` ----------------------------------------------------------

M.usage = [[
usage: alpcast check --model FILE.lua|cff|cWW --ma M --c C [--json]
                     [--only NAME,...] [--recasts DIR] [--seed N]

Every recast's verdict on one point: the model family of FILE (models/*.lua,
help("alp.family")) or a benchmark at m_a = M GeV and coupling c = C
(c(Lambda)/f_a in TeV^-1).  One line per recast and variant: the verdict
(excluded, allowed, not applicable, no limit, beyond validity; for a measured
excess, inside preferred or outside preferred), the ratio signal/limit (> 1
excluded; for an excess min(s/lower, upper/s), > 1 inside its band), the margin (c_edge / c: the factor to the nearest
edge of an excluded interval at this mass) and the observable that decides.
The intervals are the suite's (the same scan at this one mass).

  --model FILE    a model-family file, a shipped family's name
                  (models/NAME.lua), or cff / cWW (paper eq. 2.13)
  --ma M          ALP mass in GeV
  --c C           the family's coupling c/f_a in TeV^-1 (> 0)
  --json          print a JSON array of verdicts instead of the table
  --only NAME,... only these recasts (* and ? are wildcards)
  --recasts DIR   also take recasts from DIR (before the bundled ones)
  --seed N        seed of the Monte Carlo recasts (default: each recast's)
  --help          this text
Exit codes: 0 done (whatever the verdicts), 2 usage error, 1 an error.]]

local function glob(g) return "^" .. g:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$" end

local function parse(args)
  local o, i = { dirs = {} }, 1
  while i <= #args do
    local a, v = args[i], args[i + 1]
    local k, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if k then a, v, i = k, inline, i - 1 end
    local function num(name)
      local x = tonumber(v)
      if not x or not (x > 0 and x < huge) then return nil, fmt("%s needs a number > 0, got %s", name, tostring(v)) end
      return x
    end
    local err
    if a == "--help" or a == "-h" then o.help = true; i = i - 1
    elseif a == "--json" then o.json = true; i = i - 1
    elseif v == nil and a:match("^%-%-") then return nil, fmt("option %s needs a value", a)
    elseif a == "--model" then o.model = v
    elseif a == "--ma" then o.ma, err = num("--ma")
    elseif a == "--c" then o.c, err = num("--c")
    elseif a == "--recasts" then o.dirs[#o.dirs + 1] = v
    elseif a == "--seed" then
      o.seed = math.tointeger(tonumber(v))
      if not o.seed or o.seed < 0 then err = "--seed needs a non-negative integer, got " .. v end
    elseif a == "--only" then
      o.only_pats = o.only_pats or {}
      for name in v:gmatch("[^,%s]+") do o.only_pats[#o.only_pats + 1] = glob(name) end
    else return nil, fmt("unknown option '%s'", a) end
    if err then return nil, err end
    i = i + 2
  end
  if o.help then return o end
  for _, req in ipairs { "model", "ma", "c" } do
    if o[req] == nil then return nil, "--" .. req .. " is required" end
  end
  return o
end

local function num_text(x)
  if x == nil then return "-" end
  if x == huge then return "inf" end
  return fmt("%.4g", x)
end

-- M.main(args) -> exit code
function M.main(args)
  local o, err = parse(args or {})
  if not o then
    io.stderr:write("alpcast check: " .. err .. "\ntry 'alpcast check --help'\n")
    return 2
  end
  if o.help then print(M.usage) return 0 end
  local fam
  if o.model == "cff" or o.model == "cWW" then fam = family.benchmark(o.model)
  else
    local ok, f = pcall(family.load, o.model)
    if not ok then io.stderr:write("alpcast check: --model: " .. tostring(f) .. "\n") return 2 end
    fam = f
  end
  local only
  if o.only_pats then
    only = function(name)
      for _, p in ipairs(o.only_pats) do if name:match(p) then return true end end
      return false
    end
  end
  local list = M.check(fam, o.ma, { c = o.c, dirs = o.dirs, only = only, seed = o.seed })
  if o.json then
    print(require("alpcast.output").json_encode(list))
    return 0
  end
  print(fmt("alpcast check: %s at m_a = %.6g GeV, c = %.6g TeV^-1 (%s)", fam.name, o.ma, o.c, fam.label))
  print(fmt("%-24s %-9s %-15s %10s %10s  %s", "recast", "variant", "verdict", "ratio", "margin", "observable / reason"))
  for _, v in ipairs(list) do
    print(fmt("%-24s %-9s %-15s %10s %10s  %s", v.recast, v.variant or "", v.verdict, num_text(v.ratio),
              num_text(v.margin), v.reason or v.observable))
  end
  return 0
end

return M
