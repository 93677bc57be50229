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
