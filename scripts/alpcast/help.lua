-- alpcast/help.lua: help() for the REPL and `alpcast help`.
-- Entries live in help/<topic>.lua as tables keyed by dotted name
-- ("alp.model.benchmark", methods as "alp.model:width"); the topic of a name
-- is its second component ("model"), top-level names are in help/alp.lua.
-- help(f) finds a function by its value, help(obj) a userdata by its
-- metatable's __name, help("name") by name.
local M = {}

local loaded = {}   -- topic -> entries (false when the topic has no file)

local function topic_entries(topic)
  if loaded[topic] == nil then
    local path = package.searchpath("alpcast.help." .. topic, package.path)
    loaded[topic] = path and dofile(path) or false
  end
  return loaded[topic] or nil
end

local function topic_of(name)
  local t = name:match("^alp%.([%w_]+)[%.:]") or name:match("^alp%.([%w_]+)$")
  return t or "alp"
end

-- The entry for a dotted name, or nil.
function M.entry(name)
  local e = topic_entries(topic_of(name))
  if e and e[name] then return e[name] end
  -- "alp.model.width" finds the method entry "alp.model:width"
  local method = name:gsub("^(alp%.[%w_]+)%.([%w_]+)$", "%1:%2")
  if e and e[method] then return e[method] end
  e = topic_entries("alp")
  return e and e[name] or nil
end

-- Every public function under `alp`, as {name = function}: module functions
-- as "alp.x.y", methods of alp.* userdata types as "alp.type:method".
function M.public_functions()
  local alp = require "alp"
  local found, seen = {}, {}
  local function walk(t, prefix)
    if seen[t] then return end
    seen[t] = true
    for k, v in pairs(t) do
      if type(k) == "string" and not k:match("^_") then
        local name = prefix .. "." .. k
        if type(v) == "function" then found[name] = v
        elseif type(v) == "table" and getmetatable(v) == nil then walk(v, name)
        elseif type(v) == "table" then
          walk(v, name)
          local mt = getmetatable(v)
          if type(mt.__call) == "function" then found[name] = found[name] or mt.__call end
        end
      end
    end
  end
  walk(alp, "alp")
  for tname, mt in pairs(debug.getregistry()) do
    if type(tname) == "string" and tname:match("^alp%.") and type(mt) == "table"
       and type(mt.__index) == "table" then
      for k, v in pairs(mt.__index) do
        if type(k) == "string" and type(v) == "function" and not k:match("^_") then
          found[tname .. ":" .. k] = v
        end
      end
    end
  end
  return found
end

local function name_of_value(v)
  for name, f in pairs(M.public_functions()) do
    if f == v then return name end
  end
end

local function show(name)
  local text = M.entry(name)
  if text then
    print((text:gsub("^%s+", ""):gsub("%s+$", "")))
    return true
  end
  return false
end

function M.help(x)
  if x == nil then return show("alp") end
  local name
  if type(x) == "string" then
    name = x:match("^alp[%.:]") and x or (x == "alp" and x or "alp." .. x)
    if not M.entry(name) and M.entry(x) then name = x end
  elseif type(x) == "function" then
    name = name_of_value(x)
  elseif type(x) == "table" and x == require "alp" then
    name = "alp"
  elseif type(x) == "table" then
    for n, v in pairs(require "alp") do
      if v == x then name = "alp." .. n end
    end
  else
    local mt = getmetatable(x)
    name = type(mt) == "table" and mt.__name or nil
  end
  if name and show(name) then return end
  print("no help for " .. tostring(name or x) .. "; help() lists the topics")
end

-- `alpcast help [TOPIC]`: exit code 0, or 1 if the topic is unknown.
function M.main(args)
  local x = args[1]
  if x == nil then M.help() return 0 end
  local name = x:match("^alp[%.:]") and x or (x == "alp" and x or "alp." .. x)
  if M.entry(name) then show(name) return 0 end
  if M.entry(x) then show(x) return 0 end
  io.stderr:write("alpcast help: no help for '" .. x .. "'\n")
  return 1
end

return M
