-- alpcast/suite.lua: `alpcast suite` (placeholder until the limit-engine
-- issue: lists recasts/ and says when it is empty).
local M = {}

function M.main(args)
  local alp = require "alp"
  local files = alp.fs.listdir(alp.root .. "/recasts") or {}
  local n = 0
  for _, f in ipairs(files) do if f:match("%.lua$") then n = n + 1 end end
  if n == 0 then
    print("alpcast suite: no recasts in " .. alp.root .. "/recasts yet; nothing to run")
    return 0
  end
  io.stderr:write("alpcast suite: the suite runner is not built yet\n")
  return 1
end

return M
