-- alpcast/scan.lua: exclusion scans in (m_a, c) (alp.scan).
-- For each mass, the excluded couplings are every interval of c where a
-- ratio > 1 (signal / allowed).  The ratio is evaluated on a logarithmic
-- grid of c; each sign change of (ratio - 1) between neighbouring grid points
-- is refined with GSL's Brent solver (alp.roots.brent, in ln c) to a relative
-- tolerance rtol.  Regions bounded above and below, and several islands at
-- one mass, come out as separate intervals.  Islands narrower than one grid
-- step can be missed: refine the grid (couplings.n) when that matters.
-- With c_max (the EFT validity bound of REFERENCE.md D16(b)) the grid ends
-- at the bound: c_high = inf then means "still excluded at the bound".
local check = require "alpcast.check"
local alp = require "alp"

local M = {}

local huge, exp, log, clock = math.huge, math.exp, math.log, os.clock
local fmt, type = string.format, type

-- Default coupling range c(Lambda)/f_a in TeV^-1 (f_a = 1 TeV: c itself).
M.default_couplings = { min = 1e-7, max = 1e2, n = 200 }

-- alp.scan.logspace(a, b, n) -> array of n numbers from a to b, log-spaced
function M.logspace(a, b, n)
  local fname = "alp.scan.logspace"
  check.number(a, fname, "a", 0, huge, nil, 2, { lo = true })
  check.number(b, fname, "b", a, huge, nil, 2, { lo = true })
  n = check.integer(n, fname, "n", 1, 10000000, nil, 2)
  if n == 1 then return { a } end
  local la, step, t = log(a), (log(b) - log(a)) / (n - 1), {}
  for i = 1, n do t[i] = exp(la + (i - 1) * step) end
  t[1], t[n] = a, b
  return t
end

-- alp.scan.linspace(a, b, n) -> array of n numbers from a to b
function M.linspace(a, b, n)
  local fname = "alp.scan.linspace"
  check.number(a, fname, "a")
  check.number(b, fname, "b", a)
  n = check.integer(n, fname, "n", 1, 10000000, nil, 2)
  if n == 1 then return { a } end
  local t, span = {}, b - a
  if span < huge then
    for i = 1, n do t[i] = a + span * (i - 1) / (n - 1) end
  else -- b - a overflows (|a|, |b| near the largest double): weight the ends
    for i = 1, n do
      local x = (i - 1) / (n - 1)
      t[i] = a * (1 - x) + b * x
    end
  end
  t[n] = b
  return t
end

-- alp.scan.grid(spec) -> array: spec is an array of increasing numbers or
-- {min =, max =, n =, log = true}.
function M.grid(spec, fname, name, level)
  fname, name, level = fname or "alp.scan.grid", name or "grid", (level or 2) + 1
  check.table(spec, fname, name, level - 1)
  if spec[1] ~= nil then
    for i, x in ipairs(spec) do
      check.number(x, fname, fmt("%s[%d]", name, i), 0, huge, nil, level - 1, { lo = true })
      if i > 1 and not (x > spec[i - 1]) then
        error(fmt("%s: %s must be strictly increasing (%s[%d] = %.6g after %.6g)", fname,
                  name, name, i, x, spec[i - 1]), level)
      end
    end
    local t = {}
    for i, x in ipairs(spec) do t[i] = x end
    return t
  end
  check.keys(spec, { "min", "max", "n", "log" }, fname .. ": " .. name, level - 1)
  local lo = check.number(spec.min, fname, name .. ".min", 0, huge, nil, level - 1, { lo = true })
  local hi = check.number(spec.max, fname, name .. ".max", lo, huge, nil, level - 1)
  local n = check.integer(spec.n, fname, name .. ".n", 1, 1000000, nil, level - 1)
  if check.boolean(spec.log, fname, name .. ".log", true, level - 1) then
    return M.logspace(lo, hi, n)
  end
  return M.linspace(lo, hi, n)
end

-- (r - 1) / (r + 1): the sign of r - 1, finite for r in [0, inf].
local function signed(r)
  if r == huge then return 1 end
  return (r - 1) / (r + 1)
end

local function bad_ratio(fname, r, ma, c)
  return fmt("%s: ratio returned %s at ma = %.6g GeV, c = %.6g (must be a number >= 0; "
             .. "return 0 where nothing is excluded)", fname, check.got(r), ma, c)
end

-- Intervals of one mass.  ev(j) evaluates the ratio at grid point j, at(c) at
-- any coupling.  Returns an array of {lo, hi, open_low, open_high} and the
-- number of evaluations.
local function mass_intervals(cs, ev, at, rtol, fname, ma)
  local n, rs = #cs, {}
  for j = 1, n do
    local r = ev(j)
    if type(r) ~= "number" or r ~= r or r < 0 then error(bad_ratio(fname, r, ma, cs[j]), 0) end
    rs[j] = r
  end
  local nev = n
  local brent = alp.roots.brent
  local function g(c)
    local r = at(c)
    if type(r) ~= "number" or r ~= r or r < 0 then error(bad_ratio(fname, r, ma, c), 0) end
    return signed(r)
  end
  local opts = { log = true, rtol = rtol }
  local function edge(j) -- sign change between j-1 and j
    opts.fa, opts.fb = signed(rs[j - 1]), signed(rs[j])
    local c, k = brent(g, cs[j - 1], cs[j], opts)
    nev = nev + k
    return c
  end
  local out, j = {}, 1
  while j <= n do
    if rs[j] > 1 then
      local iv = {}
      if j == 1 then iv[1], iv[3] = cs[1], true else iv[1], iv[3] = edge(j), false end
      local k = j
      while k < n and rs[k + 1] > 1 do k = k + 1 end
      if k == n then iv[2], iv[4] = huge, true else iv[2], iv[4] = edge(k + 1), false end
      out[#out + 1] = iv
      j = k + 1
    else
      j = j + 1
    end
  end
  return out, nev
end

local COUPLING_KEYS = { "min", "max", "n", "log" }

-- The coupling grid spec of opts: an array of couplings as given, or
-- {min =, max =, n =, log =} with the defaults of M.default_couplings for
-- what it leaves out (unknown keys raise, naming the key).
local function coupling_spec(opts, fname, what, level)
  if opts[1] ~= nil then return opts end
  check.keys(opts, COUPLING_KEYS, fname .. ": " .. what, (level or 2) + 1)
  local d = M.default_couplings
  return { min = opts.min or d.min, max = opts.max or d.max, n = opts.n or d.n, log = opts.log }
end

-- The coupling grid cs cut to, or extended up to, the bound cmax (D16(b)):
-- points below cmax are kept and cmax is the last point; a grid that stops
-- below cmax is continued with (at least) its last step in ln c, so that the
-- density per decade is kept.
local function grid_to_bound(cs, cmax, fname)
  if not (cs[1] < cmax) then
    error(fmt("%s: c_max = %.6g is at or below the bottom of the coupling grid (%.6g)",
              fname, cmax, cs[1]), 3)
  end
  local out = {}
  for _, c in ipairs(cs) do
    if c < cmax then out[#out + 1] = c end
  end
  local top, n = out[#out], #cs
  if cs[n] < cmax and n >= 2 then
    local span = log(cmax / top)
    local k = math.ceil(span / log(cs[n] / cs[n - 1]) - 1e-9)
    for i = 1, k - 1 do out[#out + 1] = top * exp(span * i / k) end
  end
  out[#out + 1] = cmax
  return out
end

-- c_max of alp.scan.run: nil, a number > 0, or a parent name for
-- alp.model.max_coupling.  Returns the bound and the parent (or nil).
local function bound_of(v, fname)
  if v == nil then return nil end
  if type(v) == "string" then
    local model = alp.model
    if type(model) ~= "table" or type(model.max_coupling) ~= "function" then
      error(fmt("%s: c_max = \"%s\" needs alp.model.max_coupling, which this build lacks",
                fname, v), 3)
    end
    local ok, c = pcall(model.max_coupling, v)
    if not ok then error(fmt("%s: c_max: %s", fname, tostring(c):gsub("^alp%.model%.max_coupling: ", "")), 3) end
    return c, v
  end
  return check.number(v, fname, "c_max", 0, huge, nil, 3, { lo = true }), nil
end

-- alp.scan.intervals(f, {min =, max =, n =, rtol =}) -> {{lo, hi, open_low,
-- open_high}, ...}, evaluations.  f(c) -> ratio for one mass.
function M.intervals(f, opts)
  local fname = "alp.scan.intervals"
  check.func(f, fname, "f")
  opts = opts or {}
  check.table(opts, fname, "options")
  check.keys(opts, { "min", "max", "n", "rtol", "log" }, fname)
  local spec = { min = opts.min, max = opts.max, n = opts.n, log = opts.log }
  local cs = M.grid(coupling_spec(spec, fname, "options"), fname, "couplings")
  if #cs < 2 then error(fname .. ": n must be at least 2", 2) end
  local rtol = check.number(opts.rtol, fname, "rtol", 0, 0.5, 1e-3, 2, { lo = true })
  local out, nev = mass_intervals(cs, function(j) return f(cs[j]) end, f, rtol, fname, 0 / 0)
  return out, nev
end

local RUN_KEYS = { "ratio", "family", "fn", "masses", "couplings", "c_max", "rtol", "prepare",
                   "prepared", "progress", "per_mass" }

-- The model family: a benchmark name or a function c -> model.
local function family_of(fam, fname)
  if type(fam) == "function" then return fam end
  if fam == "cff" or fam == "cWW" then
    local model = alp.model
    if type(model) ~= "table" or type(model.benchmark) ~= "function" then
      error(fmt("%s: family '%s' needs alp.model.benchmark, which this build lacks", fname, fam), 0)
    end
    local bench = model.benchmark
    return function(c) return bench(fam, c) end
  end
  error(fmt("%s: family must be \"cff\", \"cWW\" or a function c -> model, got %s", fname,
            check.got(fam)), 3)
end

-- alp.scan.run{...} -> result (see help("alp.scan.run"))
function M.run(opts)
  local fname = "alp.scan.run"
  check.table(opts, fname, "the options")
  check.keys(opts, RUN_KEYS, fname)
  local masses = M.grid(opts.masses, fname, "masses")
  local cspec = opts.couplings or M.default_couplings
  check.table(cspec, fname, "couplings")
  local cs = M.grid(coupling_spec(cspec, fname, "couplings"), fname, "couplings")
  if #cs < 2 then error(fname .. ": couplings.n must be at least 2", 2) end
  local cmax, parent = bound_of(opts.c_max, fname)
  if cmax then cs = grid_to_bound(cs, cmax, fname) end
  local rtol = check.number(opts.rtol, fname, "rtol", 0, 0.5, 1e-3, 2, { lo = true })
  local prepare = check.func(opts.prepare, fname, "prepare", 2, true)
  local prepared = opts.prepared and check.table(opts.prepared, fname, "prepared")
  local progress = check.func(opts.progress, fname, "progress", 2, true)
  local fn = opts.fn
  local ratio, family
  if fn ~= nil then
    check.func(fn, fname, "fn")
    if opts.ratio ~= nil or opts.family ~= nil then
      error(fname .. ": give either fn or ratio + family, not both", 2)
    end
  else
    ratio = check.func(opts.ratio, fname, "ratio (or fn)")
    if opts.family == nil then error(fname .. ": family is required with ratio (\"cff\", \"cWW\" or a function c -> model)", 2) end
    family = family_of(opts.family, fname)
  end

  local t0 = clock()
  -- grid models, shared by all masses (models are values); per_mass: the
  -- family is c, ma -> model (e.g. an invisible width set per mass), built anew per mass
  local per_mass = check.boolean(opts.per_mass, fname, "per_mass", false)
  local models = {}
  local result = { masses = masses, couplings = { min = cs[1], max = cs[#cs], n = #cs },
                   rtol = rtol, intervals = {}, by_mass = {}, nevals = 0,
                   c_max = cmax, c_max_parent = parent,
                   family = type(opts.family) == "string" and opts.family or nil }
  for i, ma in ipairs(masses) do
    local prep
    if prepared then prep = prepared[i]
    elseif prepare then prep = prepare(ma) end
    local ev, at
    if per_mass then models = {} end
    if fn then
      ev = function(j) return fn(ma, cs[j], prep) end
      at = function(c) return fn(ma, c, prep) end
    else
      ev = function(j)
        local m = models[j]
        if m == nil then m = family(cs[j], ma); models[j] = m end
        return ratio(m, ma, prep)
      end
      at = function(c) return ratio(family(c, ma), ma, prep) end
    end
    local ivs, nev = mass_intervals(cs, ev, at, rtol, fname, ma)
    result.nevals = result.nevals + nev
    result.by_mass[i] = ivs
    for _, iv in ipairs(ivs) do
      result.intervals[#result.intervals + 1] = { ma = ma, lo = iv[1], hi = iv[2],
                                                  open_low = iv[3], open_high = iv[4] }
    end
    if progress then progress(i, #masses, ma) end
  end
  result.time_s = clock() - t0
  return result
end

-- alp.scan.rows(result) -> rows {ma, c_low, c_high} for alp.output.csv
function M.rows(result)
  check.table(result, "alp.scan.rows", "result")
  local rows = {}
  for i, iv in ipairs(check.table(result.intervals, "alp.scan.rows", "result.intervals")) do
    rows[i] = { iv.ma, iv.lo, iv.hi }
  end
  return rows
end

return M
