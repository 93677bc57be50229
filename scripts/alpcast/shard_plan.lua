-- alpcast/shard_plan.lua: the pieces of a suite run and their split into N
-- shards (alpcast suite --shard K/N; alpcast/shard.lua runs them,
-- alpcast/merge.lua joins them).
--
-- A piece ("unit") is one recast x one variant x one chunk of consecutive
-- masses of that variant's grid, for every model that applies to it (the
-- models share the variant's prepare per mass, so they stay in one piece),
-- plus one "tail" piece per recast: its flavour bounds (seed Sec. 3.4) or,
-- with --plane, its coupling plane.  A scan is independent per mass
-- (alp.scan.run: per mass a coupling grid + Brent edges; prepare per mass
-- from the recast's seed), so a chunk computed alone gives the bytes of the
-- full scan at its masses.
--
-- The split depends only on the pieces (their ids and estimated costs), never
-- on the machine, K or the clock: every shard computes the same plan.
local alp = require "alp"
local recast = require "alpcast.recast"

local M = {}

local fmt = string.format

M.default_chunk = 25 -- masses per piece

-- Cost estimate of a piece, in "mass scans" (one mass, one model: the
-- coupling grid and its Brent edges).  A prepare per mass (the Monte Carlo
-- <P>(c tau) table) or a limit function is counted as PREPARE mass scans:
-- a rough scheduling weight (not physics): it only moves pieces between
-- shards, never a result.
M.PREPARE = 4

-- The models a run scans: the benchmarks cff and cWW, or the family of
-- --model (o.families, alpcast/family.lua); none with --plane, whose
-- results are the tail pieces.  Each is {name =, arg = what recast.scan and
-- recast.applies take}.
function M.models(o)
  local out = {}
  if o.plane then return out end
  for _, fam in ipairs(o.families or require("alpcast.family").families()) do
    out[#out + 1] = { name = fam.name, arg = fam }
  end
  return out
end

-- The mass grid of a recast's variant (as recast.scan builds it).
function M.masses(desc, vname)
  local st = vname and desc.variant_settings[vname] or {}
  return alp.scan.grid(st.masses or desc.masses, "alpcast suite --shard", "masses")
end

-- The pieces of one recast: {id =, recast =, variants = {name or false,
-- ...}, i0 =, i1 = (mass indices), models = {variant -> {model names}},
-- cost =} and the tail {id = "tail", tail = true}.  Variants on the same
-- mass grid share a piece: their prepare tables at one mass are one Monte
-- Carlo (alp.acceptance.table keeps them per process), made once.
function M.units(desc, models, chunk)
  local out = {}
  local groups = {} -- variants by mass grid, in declaration order
  for _, v in ipairs(#desc.variant_names > 0 and desc.variant_names or { false }) do
    local names = {}
    for _, m in ipairs(models) do
      if (recast.applies(desc, m.arg, v or nil)) then names[#names + 1] = m.name end
    end
    if #names > 0 then
      local grid = M.masses(desc, v or nil)
      -- grids equal to 14 digits share pieces; each variant still scans
      -- its own grid (same length, so the same mass indices)
      local key = table.concat(grid, ",", 1, #grid)
      local st = v and desc.variant_settings[v] or {}
      local g = groups[key]
      if not g then
        g = { n = #grid, variants = {}, models = {}, scans = 0, slow = false }
        groups[key] = g
        groups[#groups + 1] = g
      end
      g.variants[#g.variants + 1] = v
      g.models[v or "-"] = names
      g.scans = g.scans + #names
      g.slow = g.slow or desc.prepare or type(st.limit or desc.limit) == "function"
    end
  end
  for _, g in ipairs(groups) do
    local label = {}
    for k, v in ipairs(g.variants) do label[k] = v or "-" end
    for c = 0, (g.n - 1) // chunk do
      local i0, i1 = c * chunk + 1, math.min(g.n, (c + 1) * chunk)
      local k = i1 - i0 + 1
      out[#out + 1] = { id = fmt("%s.%04d", table.concat(label, "+"), c), recast = desc.name,
                        variants = g.variants, i0 = i0, i1 = i1, models = g.models,
                        cost = k * g.scans + (g.slow and k * M.PREPARE or 0) }
    end
  end
  -- the tail: flavour bounds run prepare on the default variant's grid
  local tcost = 1
  if type(desc.flavour) == "table" and desc.prepare then
    tcost = tcost + #M.masses(desc, desc.variant_names[1]) * M.PREPARE
  end
  out[#out + 1] = { id = "tail", recast = desc.name, tail = true, cost = tcost }
  return out
end

-- split(units, n) -> shard[i] = k (1..n) for units[i]: longest processing
-- time first (cost descending, then recast and id), each to the least loaded
-- shard (the lowest k on a tie).  Deterministic; loads within the largest
-- piece's cost of each other.  Also returns the loads.
function M.split(units, n)
  local order = {}
  for i = 1, #units do order[i] = i end
  table.sort(order, function(a, b)
    local x, y = units[a], units[b]
    if x.cost ~= y.cost then return x.cost > y.cost end
    if x.recast ~= y.recast then return x.recast < y.recast end
    return x.id < y.id
  end)
  local load, shard = {}, {}
  for k = 1, n do load[k] = 0 end
  for _, i in ipairs(order) do
    local best = 1
    for k = 2, n do if load[k] < load[best] then best = k end end
    shard[i] = best
    load[best] = load[best] + units[i].cost
  end
  return shard, load
end

-- "recast/id": a piece's name in manifests and messages
function M.key(u) return u.recast .. "/" .. u.id end

return M
