-- alpcast/acceptance.lua: Monte Carlo tables of the mean probability <P>(c tau)
-- that the ALPs of a B+ -> K+ a sample decay inside (or outside) a detector
-- volume, on a c tau grid, with an interpolator in c tau (alp.acceptance).
-- One table per (experiment, mass, sample, volume, side, grid): the recasts
-- of the B factories tabulate <P> once per mass and evaluate it at every
-- coupling of the scan.
--
-- The grid: per_decade points per decade, log-spaced, spanning lab decay
-- lengths beta*gamma*c tau from decay_lengths[1] to decay_lengths[2] for
-- every event of the sample (c tau from d_lo / max(beta gamma) to
-- d_hi / min(beta gamma)).  Below it <P> is its exact c tau -> 0 value p0,
-- above it the exact large-c tau form p_inf + (P(ct_max) - p_inf) ct_max /
-- c tau; both are right when every event's decay length is far below the
-- volume's nearest boundary at the bottom of the grid and far beyond its
-- farthest one at the top (the default 0.1 mm - 10 km does that for the
-- Belle II and BaBar volumes: see the recasts).
local check = require "alpcast.check"
local alp = require "alp"
local disk = require "alpcast.acceptance_cache"

local M = {}

local log, exp, floor, ceil, huge, sqrt = math.log, math.exp, math.floor, math.ceil, math.huge,
                                          math.sqrt
local fmt, type = string.format, type

-- The experiment names come from the experiment table (physics/experiment.c).
local EXPERIMENTS = alp.experiment.list()
-- The metatable of alp.detector volumes, to recognise a volume object.
local VOLUME_MT = getmetatable(alp.detector.polar { theta_min = 0, theta_max = 180 })
local SIDES = { "inside", "outside" }
local DEFAULT_LENGTHS = { 1e-4, 1e4 }
local DEFAULT_PER_DECADE = 10

-- A c tau -> P interpolator on the log grid: ln P as a monotone cubic
-- (GSL's Steffen, through alp.interp) in ln c tau between the nodes (P linear where a node is
-- 0); below the grid the exact c tau -> 0 value p0; above it the exact
-- large-c tau form p_inf + (P(ct_max) - p_inf) ct_max / c tau (the decay
-- probability in a finite region goes as 1/c tau).  Against the Monte Carlo
-- at the mid-points (same sample, 10 per decade): < 1e-3 relative for the
-- Belle II veto; < 2e-3 for the Belle II displaced volume and the BaBar
-- sphere where P > 1e-15 (BaBar: < 1e-3 where P > 1e-6).  The largest
-- errors sit where P falls steeply (exp(-L / d)) and move an edge in c by
-- far less.
local function interpolator(cts, ps, p0, p_inf)
  local n = #cts
  local curve = alp.interp.curve(cts, ps, { x = "log", y = "log", method = "steffen" })
  local ct_min, ct_max = cts[1], cts[n]
  return function(ct)
    if type(ct) ~= "number" or not (ct >= ct_min) then
      if type(ct) == "number" and ct >= 0 then return p0 end
      error(fmt("alp.acceptance: p_at: ctau must be a number >= 0 (m; math.huge = stable), got %s",
                check.got(ct)), 2)
    end
    if ct >= ct_max then
      if ct == huge then return p_inf end
      return p_inf + (ps[n] - p_inf) * ct_max / ct
    end
    return curve:at(ct)
  end
end

-- Tables made, by all their arguments (threads aside: results do not depend
-- on it).  Weak values: a table is shared while anyone holds it -- the
-- variants of a recast in one suite run, whose scans keep their prepared
-- tables -- and is collected afterwards.  Tables of a volume object are
-- kept per object (volumes are immutable), weakly keyed by it.
local made = setmetatable({}, { __mode = "v" })
local made_for_volume = setmetatable({}, { __mode = "k" })

-- The Monte Carlo errors of every table made in this process, for the
-- recasts' extra/ (M.error_table): one row per (experiment, volume, side,
-- m_a, events, seed), in the order first made.
local errors, error_seen = {}, {}
local function record(t)
  local id = fmt("%s|%s|%s|%.17g|%d|%d", t.experiment, tostring(t.volume), t.side, t.ma, t.n, t.seed)
  if error_seen[id] then return end
  error_seen[id] = true
  local max_abs, max_rel = 0, 0
  for i = 1, #t.p do
    max_abs = math.max(max_abs, t.err[i])
    if t.p[i] > 1e-3 then max_rel = math.max(max_rel, t.err[i] / t.p[i]) end
  end
  errors[#errors + 1] = { t.ma, t.experiment, tostring(t.volume), t.side, t.n, t.seed, t.p0,
                          t.p0_err, t.p_inf, t.p_inf_err, max_abs, max_rel }
end

-- For alpcast/shard.lua: the rows recorded so far (not a copy), and rows
-- recorded in another process (a shard's pieces) added as if made here.
function M._error_rows() return errors end
function M._add_error_rows(rows)
  for _, r in ipairs(rows) do
    local id = fmt("%s|%s|%s|%.17g|%d|%d", r[2], r[3], r[4], r[1], r[5], r[6])
    if not error_seen[id] then
      error_seen[id] = true
      errors[#errors + 1] = r
    end
  end
end

-- alp.acceptance.error_table(): an extra/ table (suite.lua's format) of the
-- statistical errors of <P> of the tables made so far, sorted by volume and m_a.
function M.error_table()
  local rows = {}
  for i, r in ipairs(errors) do rows[i] = r end
  table.sort(rows, function(a, b)
    if a[3] ~= b[3] then return a[3] < b[3] end
    if a[4] ~= b[4] then return a[4] < b[4] end
    return a[1] < b[1]
  end)
  return { columns = { "ma_GeV", "experiment", "volume", "side", "n_events", "seed", "p0", "p0_err",
                       "p_inf", "p_inf_err", "max_err", "max_rel_err_p_gt_1e-3" }, rows = rows,
    header = { quantity = "Monte Carlo <P>(c tau) tables of this recast (alp.acceptance): events per mass, "
        .. "<P> at c tau -> 0 and -> inf with their errors, the largest error of <P> on the c tau grid "
        .. "and the largest relative one where <P> > 1e-3 (error of the mean, sqrt(var/n), paper eq. 3.2)",
      units = "ma_GeV: GeV; n_events, seed: integers; p*, *err: dimensionless",
      reference = "arXiv:2201.06580 eqs. 3.1-3.2; scripts/alpcast/acceptance.lua" } }
end

local KEYS = { "experiment", "ma", "n", "seed", "volume", "side", "decay_lengths", "per_decade",
               "threads" }

-- alp.acceptance.table{experiment =, ma =, n =, seed =, volume =, side =,
--                      decay_lengths = {1e-4, 1e4}, per_decade = 10, threads =}
-- volume: a volume name of the experiment's detector, or an alp.detector
-- volume object (e.g. built with the CSG constructors).
function M.table(opts)
  local fname = "alp.acceptance.table"
  check.table(opts, fname, "the argument", 2)
  check.keys(opts, KEYS, fname, 2)
  local experiment = check.option(opts.experiment, fname, "experiment", EXPERIMENTS, nil, 2)
  local ma = check.number(opts.ma, fname, "ma (GeV)", 0, alp.model.thresholds.b_to_ka, nil, 2,
                          { lo = true, hi = true })
  local n = check.integer(opts.n, fname, "n", 1, 10000000, nil, 2)
  local seed = check.integer(opts.seed, fname, "seed", 0, nil, nil, 2)
  local volume, vol = opts.volume, nil
  if getmetatable(volume) == VOLUME_MT then
    vol = volume
  else
    local det = alp.detector[experiment]()
    if type(volume) ~= "string" and volume ~= nil then
      error(fmt("%s: volume must be a volume name of %s (%s) or an alp.detector.volume, got %s",
                fname, experiment, table.concat(det:volumes(), ", "), check.got(volume)), 2)
    end
    volume = check.option(volume, fname, "volume", det:volumes(), nil, 2)
    vol = det:volume(volume)
  end
  local side = check.option(opts.side, fname, "side", SIDES, nil, 2)
  local dl = opts.decay_lengths or DEFAULT_LENGTHS
  check.table(dl, fname, "decay_lengths", 2)
  if #dl ~= 2 then
    error(fmt("%s: decay_lengths must be {d_lo, d_hi} (m), got %d numbers", fname, #dl), 2)
  end
  local d_lo = check.number(dl[1], fname, "decay_lengths[1] (m)", 0, huge, nil, 2,
                            { lo = true, hi = true })
  local d_hi = check.number(dl[2], fname, "decay_lengths[2] (m)", d_lo, huge, nil, 2,
                            { lo = true, hi = true })
  local per_decade = check.integer(opts.per_decade, fname, "per_decade", 1, 1000,
                                   DEFAULT_PER_DECADE, 2)
  local threads = opts.threads ~= nil and check.integer(opts.threads, fname, "threads", 1, 256,
                                                        nil, 2) or nil
  local cache = made
  if type(volume) ~= "string" then
    cache = made_for_volume[vol] or setmetatable({}, { __mode = "v" })
    made_for_volume[vol] = cache
  end
  local key = fmt("%s|%s|%s|%.17g|%d|%d|%.17g|%.17g|%d", experiment, tostring(volume), side, ma,
                  n, seed, d_lo, d_hi, per_decade)
  local t = cache[key]
  if t then return t end

  -- on disk (alpcast.acceptance_cache, named volumes only), else computed
  local dkey = type(volume) == "string" and key or nil
  t = dkey and disk.load(dkey)
  if not t then
    local s <close> = alp.sample.b_to_ka { ma = ma, n = n, seed = seed, experiment = experiment,
                                           threads = threads }
    local info = s:info()
    local bmin, bmax = info.betagamma_min, info.betagamma_max
    if not (bmin > 0) then
      error(fmt("%s: an ALP of the sample is at rest (m_a = %.6g GeV): no c tau grid", fname, ma), 2)
    end
    local lo, hi = log(d_lo / bmax), log(d_hi / bmin)
    local k = math.max(2, ceil(per_decade * (hi - lo) / log(10)))
    local cts = {}
    for i = 0, k do cts[i + 1] = exp(lo + i * (hi - lo) / k) end
    local popts = threads and { threads = threads } or nil
    -- freed on leaving this block (not at the next GC): the next mass's table
    -- reuses the same heap pages rather than faulting in new ones (issue #14)
    local pt <close> = vol:paths(s, side, popts)
    local p, err = pt:decay_prob(cts, popts)
    local p0, p0_err = pt:decay_prob(0, popts)
    local p_inf, p_inf_err = pt:decay_prob(huge, popts)
    t = { ctau = cts, p = p, err = err, p0 = p0, p0_err = p0_err, p_inf = p_inf,
          p_inf_err = p_inf_err, betagamma_min = bmin, betagamma_max = bmax, info = info }
    if dkey then disk.store(dkey, t) end
  end
  t.experiment, t.ma, t.n, t.seed, t.volume, t.side = experiment, ma, n, seed, volume, side
  t.decay_lengths, t.per_decade = { d_lo, d_hi }, per_decade
  local cts, p, p0, p_inf = t.ctau, t.p, t.p0, t.p_inf
  record(t)
  t.p_at = interpolator(cts, p, p0, p_inf)
  cache[key] = t
  return t
end

return M
