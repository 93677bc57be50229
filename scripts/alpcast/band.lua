-- alpcast/band.lua: two-sided results (alp.limit.band).  A band is a
-- measured interval lower <= B <= upper of the bounded quantity at each mass
-- (and c tau), e.g. the two-body fits of B+ -> K+ X to the Belle II excess.
-- A recast with result = "preferred" takes a band as its limit: the region
-- it writes is where lower <= signal <= upper ("preferred"), not where the
-- signal exceeds a limit ("excluded").
--   alp.limit.band{lower = lim, upper = lim [, name =]} -> band
--   band:band(ma, ctau) -> lo, hi    (math.huge, math.huge: no band there)
--   band:at(ma, ctau)   -> hi        (the upper edge; a one-sided use)
--   M.ratio(s, lo, hi)  -> r: r > 1 exactly where lo < s < hi
local fmt, huge = string.format, math.huge

local M = {}

local Band = { __name = "alp.limit" }
Band.__index = Band
M.metatable = Band

function M.new(t, is_limit)
  if type(t) ~= "table" or not is_limit(t.lower) or not is_limit(t.upper) then
    error("alp.limit.band: expects {lower = alp.limit, upper = alp.limit}", 3)
  end
  if t.lower.cl ~= t.upper.cl then
    error(fmt("alp.limit.band: lower edge at CL %g, upper at %g: one band has one CL", t.lower.cl, t.upper.cl), 3)
  end
  local files = {}
  for _, l in ipairs { t.lower, t.upper } do
    for _, f in ipairs(l.files) do
      local have = false
      for _, g in ipairs(files) do if g.file == f.file then have = true end end
      if not have then files[#files + 1] = f end
    end
  end
  return setmetatable({ name = t.name or ("band " .. t.lower.name), bounds = "band", cl = t.lower.cl,
                        lower = t.lower, upper = t.upper, files = files,
                        source = t.lower.source }, Band)
end

-- lo, hi at (ma, ctau); no band (huge, huge) where either edge has none
function Band:band(ma, ctau)
  local lo, hi = self.lower:at(ma, ctau), self.upper:at(ma, ctau)
  if lo == huge or hi == huge then return huge, huge end
  if lo > hi then
    error(fmt("alp.limit.band: %s: lower edge %.6g above the upper edge %.6g at ma = %.6g GeV", self.name,
              lo, hi, ma), 0)
  end
  return lo, hi
end

function Band:at(ma, ctau)
  local _, hi = self:band(ma, ctau)
  return hi
end

function Band:info()
  local i = self.upper:info()
  return { name = self.name, bounds = "band", cl = self.cl, source = self.source, kind = "band of " .. i.kind,
           files = self.files, mass = i.mass, ctau = i.ctau }
end

function Band.__tostring(self)
  return fmt("alp.limit{%s: band lower..upper at %g%% CL}", self.name, self.cl * 100)
end

-- The ratio the scan looks for (> 1 inside the band): min(s/lo, hi/s).  A
-- lower edge of 0 (a band consistent with no signal) admits any s < hi.
function M.ratio(s, lo, hi)
  if hi == huge then return 0 end
  if s == 0 then return lo == 0 and huge or 0 end
  local below = hi / s
  if lo == 0 then return below end
  return math.min(s / lo, below)
end

-- M.inside(desc, model, ma [, prepared [, variant]]) -> inside, s, lo, hi:
-- whether the model's signal at ma lies in the band of a "preferred" recast
-- (for `alpcast check`); prepared = desc.prepare(ma, data, variant) for
-- Monte Carlo recasts (computed here if nil).
function M.inside(desc, model, ma, prepared, variant)
  if desc.result ~= "preferred" then
    error(fmt("alp.recast.preferred: %s declares result = \"%s\", not \"preferred\"", desc.name,
              tostring(desc.result)), 2)
  end
  local check = require "alpcast.check"
  check.number(ma, "alp.recast.preferred", "ma", 0, huge, nil, 2, { lo = true })
  if type(model) ~= "userdata" and type(model) ~= "table" then
    error(fmt("alp.recast.preferred: model must be an alp.model, got %s", check.got(model)), 2)
  end
  variant = variant or require("alpcast.recast").variant(desc)
  if prepared == nil and desc.prepare then
    prepared = desc.prepare(ma, require("alpcast.recast").data(desc), variant)
  end
  local s = desc.signal(model, ma, prepared, variant)
  local lo, hi = desc.limit:band(ma, model:ctau(ma))
  return hi ~= huge and s >= lo and s <= hi, s, lo, hi
end

return M
