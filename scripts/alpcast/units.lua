-- alpcast/units.lua: the units a data file may declare per column, and their
-- conversion to alpcast's (alp.units).  Masses in GeV, lifetimes as c tau in
-- metres (a proper lifetime tau [s] is converted with c = 299792458 m/s,
-- alp.constants.c_light), cross sections in nb, luminosities in nb^-1.
local check = require "alpcast.check"
local alp = require "alp"

local M = {}

local fmt = string.format

-- kind -> {unit -> factor to the kind's base unit}
M.kinds = {
  mass = { GeV = 1, MeV = 1e-3, keV = 1e-6 },
  time = { s = 1, ns = 1e-9, ps = 1e-12, fs = 1e-15 },
  length = { m = 1, cm = 1e-2, mm = 1e-3, um = 1e-6, ["µm"] = 1e-6 },
  dimensionless = { dimensionless = 1, ["-"] = 1, ["1"] = 1 },
  events = { events = 1 },
  cross_section = { nb = 1, pb = 1e-3, fb = 1e-6 },
  luminosity = { ["nb^-1"] = 1, ["pb^-1"] = 1e3, ["fb^-1"] = 1e6, ["ab^-1"] = 1e9 },
  inverse_energy = { ["GeV^-1"] = 1, ["TeV^-1"] = 1e-3 },
  index = { index = 1 },
}
M.base = { mass = "GeV", time = "s", length = "m", dimensionless = "dimensionless",
           events = "events", cross_section = "nb", luminosity = "nb^-1",
           inverse_energy = "GeV^-1", index = "index" }

-- alp.units.kind(unit) -> kind, factor to the base unit (nil if unknown)
function M.kind(unit)
  if type(unit) ~= "string" then return nil end
  for kind, t in pairs(M.kinds) do
    if t[unit] then return kind, t[unit] end
  end
  return nil
end

local function known_list(kinds)
  local names = {}
  for _, kind in ipairs(kinds) do
    local us = {}
    for u in pairs(M.kinds[kind]) do us[#us + 1] = u end
    table.sort(us)
    names[#names + 1] = table.concat(us, ", ")
  end
  return table.concat(names, "; ")
end

-- alp.units.factor(unit, kinds, what) -> factor to the base unit, kind.
-- Raises "<what>: unit 'x' is not a unit of <kinds> (known: ...)".
function M.factor(unit, kinds, what)
  if type(kinds) == "string" then kinds = { kinds } end
  local kind, f = M.kind(unit)
  for _, k in ipairs(kinds) do
    if k == kind then return f, kind end
  end
  error(fmt("%s: unit %s is not a unit of %s (known: %s)", what,
            unit and ("'" .. tostring(unit) .. "'") or "(none declared)",
            table.concat(kinds, " or "), known_list(kinds)), 0)
end

-- alp.units.ctau_m(x, unit) -> c tau in metres for a proper lifetime (s, ns,
-- ps, fs) or proper decay length (m, cm, mm, um).
function M.ctau_m(x, unit)
  local f, kind = M.factor(unit, { "time", "length" }, "alp.units.ctau_m")
  check.number(x, "alp.units.ctau_m", "x", 0, math.huge)
  if kind == "time" then return x * f * alp.constants.c_light end
  return x * f
end

-- alp.units.quantity(q, kinds, what) -> value in the base unit, for a
-- number given as {value, "unit"} (e.g. {1000, "ps"} or {50, "ab^-1"}).
function M.quantity(q, kinds, what)
  if type(q) ~= "table" or type(q[1]) ~= "number" or type(q[2]) ~= "string" then
    error(fmt("%s must be {value, \"unit\"} (units: %s), got %s", what,
              known_list(type(kinds) == "string" and { kinds } or kinds), check.got(q)), 0)
  end
  local f, kind = M.factor(q[2], kinds, what)
  if kind == "time" then return q[1] * f * alp.constants.c_light, "length" end
  return q[1] * f, kind
end

return M
