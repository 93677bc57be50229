-- alpcast/plot.lua: placeholder until the limit-engine issue fills it.
local M = {}
return M
