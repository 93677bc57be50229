-- alpcast/assume.lua: what a recast assumes about the model, and whether a
-- model family meets it.  A recast states its assumptions in the field
--   assumes = { couplings = {"mu"},             -- nonzero at Lambda (tree level)
--               br_min = { gammagamma = 0.95 }, -- B(a -> X) >= value
--               invisible = false,              -- no invisible width
--               why = "..." }                   -- the physics reason (required)
-- A family that violates one is refused with the reason and the place
-- (mass, coupling) where it fails; the suite then writes nothing for it.
-- The BRs are checked at every mass of the recast's scan and at three
-- couplings (the bottom, the geometric middle and the top of its scan), so a
-- family whose BRs change with c (a fixed invisible width) is caught too.
-- The legacy field `benchmarks = {...}` restricts only the benchmark
-- families; `assumes` states the physics behind such a restriction.
local check = require "alpcast.check"

local M = {}

local fmt, type = string.format, type

M.KEYS = { "couplings", "br_min", "invisible", "why" }
M.COUPLINGS = { "u", "c", "t", "d", "s", "b", "e", "mu", "tau", "cww", "cbb", "cgg" }
local CHANNELS = { "gammagamma", "ee", "mumu", "tautau", "hadrons", "cc", "bb", "invisible" }

local function member(x, list)
  for _, y in ipairs(list) do if x == y then return true end end
  return false
end

-- Validates a recast's `assumes` (fail(fmt, ...) raises the recast's error);
-- returns a copy.
function M.validate(a, fail)
  if a == nil then return nil end
  if type(a) ~= "table" then fail("field 'assumes' must be a table {couplings =, br_min =, invisible =, why =}, got %s", check.got(a)) end
  for k in pairs(a) do
    if not member(k, M.KEYS) then
      local s = type(k) == "string" and check.suggest(k, M.KEYS)
      fail("field 'assumes' has unknown key '%s'%s (allowed: %s)", tostring(k),
           s and fmt(" (did you mean '%s'?)", s) or "", table.concat(M.KEYS, ", "))
    end
  end
  if type(a.why) ~= "string" or a.why == "" then
    fail("field 'assumes' needs why = \"...\" (the physics reason, shown when a model is refused)")
  end
  local out = { why = a.why, couplings = {}, br_min = {} }
  if a.couplings ~= nil then
    if type(a.couplings) ~= "table" then fail("field 'assumes': couplings must be an array of names, got %s", check.got(a.couplings)) end
    for i, c in ipairs(a.couplings) do
      if not member(c, M.COUPLINGS) then
        fail("field 'assumes': couplings[%d] must be one of %s, got %s", i, table.concat(M.COUPLINGS, ", "), check.got(c))
      end
      out.couplings[i] = c
    end
  end
  if a.br_min ~= nil then
    if type(a.br_min) ~= "table" then fail("field 'assumes': br_min must be a table {channel = minimum}, got %s", check.got(a.br_min)) end
    for ch, v in pairs(a.br_min) do
      if not member(ch, CHANNELS) then
        fail("field 'assumes': br_min key must be a channel (%s), got %s", table.concat(CHANNELS, ", "), check.got(ch))
      end
      if type(v) ~= "number" or not (v > 0 and v <= 1) then
        fail("field 'assumes': br_min.%s must be a number in (0, 1], got %s", ch, check.got(v))
      end
      out.br_min[ch] = v
    end
  end
  if a.invisible ~= nil and a.invisible ~= false then
    fail("field 'assumes': invisible must be false (no invisible width) or absent, got %s", check.got(a.invisible))
  end
  out.invisible = a.invisible
  return out
end

-- M.holds(assumes, family, masses, couplings) -> true | false, reason
-- masses: the recast's scan masses; couplings: {lo, hi} of its scan.
function M.holds(a, fam, masses, couplings)
  if not a then return true end
  local function no(s, ...) return false, fmt(s, ...) .. "; the recast assumes it: " .. a.why end
  local probe = masses[1]
  local cf = require("alpcast.family").couplings_of(fam.model(1, fam.per_mass and probe or nil))
  for _, name in ipairs(a.couplings) do
    if cf[name] == 0 then
      return no("model '%s' has no tree-level coupling c_%s(Lambda)", fam.name, name)
    end
  end
  local lo, hi = couplings[1], couplings[2]
  local cs = { lo, math.sqrt(lo * hi), hi }
  local chans = {}
  for ch in pairs(a.br_min) do chans[#chans + 1] = ch end
  table.sort(chans)
  if #chans == 0 and a.invisible == nil then return true end
  local models = {}
  for k, c in ipairs(cs) do if not fam.per_mass then models[k] = fam.model(c) end end
  for _, ma in ipairs(masses) do
    for k, c in ipairs(cs) do
      local m = models[k] or fam.model(c, ma)
      for _, ch in ipairs(chans) do
        local b = m:br(ma, ch)
        if not (b >= a.br_min[ch]) then
          return no("model '%s' has B(a -> %s) = %.3g < %g at m_a = %.4g GeV, c = %.3g", fam.name, ch, b,
                    a.br_min[ch], ma, c)
        end
      end
      if a.invisible == false then
        local b = m:br(ma, "invisible")
        if b > 0 then
          return no("model '%s' has an invisible width (B(a -> invisible) = %.3g at m_a = %.4g GeV)", fam.name, b, ma)
        end
      end
    end
  end
  return true
end

return M
