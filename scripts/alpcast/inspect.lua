-- alpcast/inspect.lua: the REPL's pretty-printer, alp.inspect(v) -> string.
-- Tables are shown one level deep with sorted keys (arrays in order, long
-- ones abbreviated), numbers with %.6g, userdata through __tostring.
local fmt, concat, sort = string.format, table.concat, table.sort

local function scalar(v)
  local t = type(v)
  if t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return fmt("%.6g", v)
  elseif t == "string" then
    return fmt("%q", v)
  end
  return tostring(v)
end

local MAX_ITEMS = 20

local function inspect(v)
  if type(v) ~= "table" or getmetatable(v) and getmetatable(v).__tostring then
    return scalar(v)
  end
  local parts, n = {}, #v
  for i = 1, math.min(n, MAX_ITEMS) do
    local x = v[i]
    parts[#parts + 1] = type(x) == "table" and "{...}" or scalar(x)
  end
  if n > MAX_ITEMS then parts[#parts + 1] = fmt("... (%d items)", n) end
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then
      keys[#keys + 1] = k
    end
  end
  sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for i, k in ipairs(keys) do
    if i > MAX_ITEMS then
      parts[#parts + 1] = fmt("... (%d keys)", #keys); break
    end
    local x = v[k]
    local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k
               or "[" .. scalar(k) .. "]"
    parts[#parts + 1] = ks .. " = " .. (type(x) == "table" and "{...}" or scalar(x))
  end
  return "{" .. concat(parts, ", ") .. "}"
end

return inspect
