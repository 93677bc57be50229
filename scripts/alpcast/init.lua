-- alpcast/init.lua: completes the `alp` table that the host preloads with
-- the C topics (model, sample, detector, stats, roots, fs).  Each Lua module
-- below adds one topic; `help` becomes a global for the REPL.
local alp = require "alp"

alp.inspect = require "alpcast.inspect"
alp.data    = require "alpcast.data"
alp.units   = require "alpcast.units"
alp.limit   = require "alpcast.limit"
alp.output  = require "alpcast.output"
alp.plot    = require "alpcast.plot"
alp.scan    = require "alpcast.scan"
alp.contour = require "alpcast.contour"
alp.recast  = require "alpcast.recast"
alp.family  = require "alpcast.family"
alp.acceptance = require "alpcast.acceptance"
alp.scan.plane = require("alpcast.plane").plane

-- alp.fs.files(dir) -> the files under dir, relative paths, sorted (help)
do
  local function walk(dir, rel, out)
    for _, f in ipairs(alp.fs.listdir(rel and (dir .. "/" .. rel) or dir) or {}) do
      local r = rel and (rel .. "/" .. f) or f
      if alp.fs.isdir(dir .. "/" .. r) then walk(dir, r, out) else out[#out + 1] = r end
    end
    return out
  end
  function alp.fs.files(dir)
    local out = walk(dir, nil, {})
    table.sort(out)
    return out
  end
end

-- alp.experiment.mesons(name, pair, lumi): lumi in nb^-1 or {50, "ab^-1"}
do
  local raw = alp.experiment.mesons
  alp.experiment.mesons = function(name, pair, lumi)
    if type(lumi) == "table" then
      lumi = alp.units.quantity(lumi, "luminosity", "alp.experiment.mesons: lumi")
    end
    return raw(name, pair, lumi)
  end
end

local help = require "alpcast.help"
alp.help = help.help
rawset(_G, "help", help.help)

return alp
