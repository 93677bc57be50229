-- alpcast/check.lua: argument and option validation shared by the Lua
-- library.  Messages follow the C bindings' format: the function first, then
-- the argument and what is allowed ("alp.scan.run: rtol must be a finite
-- number in (0, 0.5), got 2").  Every checker takes `level`, the error level
-- of the caller's caller, so that the message blames user code.
local M = {}

local fmt, type, tostring = string.format, type, tostring
local huge = math.huge

-- Short printable form of a value for "got ..." texts.
function M.got(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return "nan" end
    return fmt("%.6g", v)
  end
  if t == "string" then return fmt("'%s'", #v > 40 and v:sub(1, 40) .. "..." or v) end
  return t
end

-- Levenshtein distance (small strings only: option names).
local function distance(a, b)
  local la, lb = #a, #b
  if la == 0 then return lb end
  if lb == 0 then return la end
  local prev, cur = {}, {}
  for j = 0, lb do prev[j] = j end
  for i = 1, la do
    cur[0] = i
    local ca = a:byte(i)
    for j = 1, lb do
      local cost = (ca == b:byte(j)) and 0 or 1
      local d = prev[j] + 1
      if cur[j - 1] + 1 < d then d = cur[j - 1] + 1 end
      if prev[j - 1] + cost < d then d = prev[j - 1] + cost end
      cur[j] = d
    end
    prev, cur = cur, prev
  end
  return prev[lb]
end

-- The closest name in `names` (array) to `word`, or nil when nothing is close.
function M.suggest(word, names)
  local best, bestd
  local lw = word:lower()
  for _, n in ipairs(names) do
    local d = distance(lw, n:lower())
    if not bestd or d < bestd then best, bestd = n, d end
  end
  if best and bestd <= math.max(2, #word // 3) then return best end
  return nil
end

-- Raise "fname: unknown option 'x' (did you mean 'y'?)" for any key of t
-- that is not in `allowed` (an array of names).
function M.keys(t, allowed, fname, level, what)
  what = what or "option"
  local set = {}
  for _, k in ipairs(allowed) do set[k] = true end
  for k in pairs(t) do
    if type(k) ~= "string" then
      error(fmt("%s: %ss must have string keys, got a %s key", fname, what, type(k)),
            (level or 2) + 1)
    end
    if not set[k] then
      local s = M.suggest(k, allowed)
      local hint = s and fmt(" (did you mean '%s'?)", s)
        or " (allowed: " .. table.concat(allowed, ", ") .. ")"
      error(fmt("%s: unknown %s '%s'%s", fname, what, k, hint), (level or 2) + 1)
    end
  end
end

-- A table argument.
function M.table(v, fname, name, level)
  if type(v) ~= "table" then
    error(fmt("%s: %s must be a table, got %s", fname, name, M.got(v)), (level or 2) + 1)
  end
  return v
end

-- A finite number in [lo, hi] (open ends with lo_open / hi_open); nil gives
-- def, or raises when def is nil.
function M.number(v, fname, name, lo, hi, def, level, open)
  if v == nil and def ~= nil then return def end
  lo, hi = lo or -huge, hi or huge
  local ok = type(v) == "number" and v == v and v > -huge and v < huge
  if ok then
    if open and open.lo then ok = v > lo else ok = v >= lo end
    if ok then if open and open.hi then ok = v < hi else ok = v <= hi end end
  end
  if not ok then
    error(fmt("%s: %s must be a finite number in %s%.6g, %.6g%s, got %s", fname, name,
              open and open.lo and "(" or "[", lo, hi, open and open.hi and ")" or "]",
              M.got(v)), (level or 2) + 1)
  end
  return v
end

-- An integer in [lo, hi] (1e4 accepted, 1.5 rejected).
function M.integer(v, fname, name, lo, hi, def, level)
  if v == nil and def ~= nil then return def end
  local i = type(v) == "number" and math.tointeger(v) or nil
  if not i or i < (lo or math.mininteger) or i > (hi or math.maxinteger) then
    error(fmt("%s: %s must be an integer in [%d, %d], got %s", fname, name,
              lo or math.mininteger, hi or math.maxinteger, M.got(v)), (level or 2) + 1)
  end
  return i
end

-- A non-empty string; nil gives def when def is given.
function M.string(v, fname, name, def, level)
  if v == nil and def ~= nil then return def end
  if type(v) ~= "string" or v == "" then
    error(fmt("%s: %s must be a non-empty string, got %s", fname, name, M.got(v)),
          (level or 2) + 1)
  end
  return v
end

-- One of the strings in `choices`; nil gives def (raises when def is nil).
function M.option(v, fname, name, choices, def, level)
  if v == nil and def ~= nil then return def end
  for _, c in ipairs(choices) do if v == c then return v end end
  local quoted = {}
  for i, c in ipairs(choices) do quoted[i] = '"' .. c .. '"' end
  local s = type(v) == "string" and M.suggest(v, choices)
  error(fmt("%s: %s must be one of %s, got %s%s", fname, name, table.concat(quoted, ", "),
            M.got(v), s and fmt(" (did you mean '%s'?)", s) or ""), (level or 2) + 1)
end

-- A function.
function M.func(v, fname, name, level, optional)
  if v == nil and optional then return nil end
  if type(v) ~= "function" then
    error(fmt("%s: %s must be a function, got %s", fname, name, M.got(v)), (level or 2) + 1)
  end
  return v
end

-- A boolean; nil gives def.
function M.boolean(v, fname, name, def, level)
  if v == nil then return def end
  if type(v) ~= "boolean" then
    error(fmt("%s: %s must be true or false, got %s", fname, name, M.got(v)), (level or 2) + 1)
  end
  return v
end

return M
