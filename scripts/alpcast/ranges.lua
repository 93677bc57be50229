-- alpcast/ranges.lua: the ALP mass and lifetime ranges a recast covers, as
-- `alpcast suite --list` prints them.  From the recast's alp.limit objects
-- (their tables, widened by their outside rules: a held or extrapolated edge
-- reaches 0 or infinity) cut to the recast's mass grid; a recast that
-- computes its limit (a function or a ratio) has its mass grid and no
-- lifetime range ("computed").
local alp = require "alp"
local limit = require "alpcast.limit"

local M = {}

local huge, fmt = math.huge, string.format

local function union(a, b)
  if not a then return b end
  if not b then return a end
  return { math.min(a[1], b[1]), math.max(a[2], b[2]) }
end

-- {mass = {lo, hi}, ctau = {lo, hi} [m] or nil} of one limit object
function M.of_limit(l)
  if l.members or l.pieces then
    local r = {}
    for _, p in ipairs(l.members or l.pieces) do
      local x = M.of_limit(p[1] or p)
      if p.mass then x.mass = { math.max(x.mass[1], p.mass[1]), math.min(x.mass[2], p.mass[2]) } end
      if x.mass[1] <= x.mass[2] then r.mass, r.ctau = union(r.mass, x.mass), union(r.ctau, x.ctau) end
    end
    return r
  end
  local i = l:info()
  local out = (i.spec and i.spec.outside) or {}
  local mass = { i.mass[1], i.mass[2] }
  local mo = type(out.mass) == "table" and out.mass or { low = out.mass, high = out.mass }
  if mo.low == "hold" then mass[1] = 0 end
  if mo.high == "hold" then mass[2] = huge end
  local ctau = i.ctau and { i.ctau[1], i.ctau[2] }
  if ctau then
    if out.short ~= nil and out.short ~= "none" then ctau[1] = 0 end
    if out.long ~= nil and out.long ~= "none" then ctau[2] = huge end
  end
  return { mass = mass, ctau = ctau }
end

-- the masses of a grid spec {min, max, ...} or a list
local function grid_span(g)
  local m = alp.scan.grid(g, "alpcast.ranges", "masses")
  return { m[1], m[#m] }
end

-- {mass = {lo, hi} [GeV], ctau = {lo, hi} [m] or nil, computed = bool}
function M.of_recast(desc)
  local r, computed = {}, false
  local function add(lim, masses)
    local span = grid_span(masses)
    if limit.is_limit(lim) then
      local x = M.of_limit(lim)
      local mass = { math.max(x.mass[1], span[1]), math.min(x.mass[2], span[2]) }
      if mass[1] <= mass[2] then r.mass, r.ctau = union(r.mass, mass), union(r.ctau, x.ctau) end
    else
      r.mass, computed = union(r.mass, span), true
    end
  end
  if #desc.variant_names == 0 then add(desc.limit, desc.masses) end
  for _, v in ipairs(desc.variant_names) do
    local s = desc.variant_settings[v]
    add(s.limit or desc.limit, s.masses or desc.masses)
  end
  r.computed = computed or nil
  return r
end

local function num(x, unit)
  if x == huge then return "inf" end
  if x == 0 then return "0" end
  return fmt("%.3g%s", x, unit or "")
end

-- "m 0.001-0.26 GeV, c tau 0.03 m-inf" (c tau "computed" when the recast
-- computes its limit and has no table in lifetime)
function M.text(r)
  local m = r.mass and fmt("m %s-%s GeV", num(r.mass[1]), num(r.mass[2])) or "m -"
  local t
  if r.ctau then t = fmt("c tau %s-%s m", num(r.ctau[1]), num(r.ctau[2]))
  elseif r.computed then t = "c tau computed"
  else t = "c tau any (table in m only)" end
  return m .. ", " .. t
end

return M
