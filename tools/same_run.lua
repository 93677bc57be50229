-- tools/same_run.lua: are two `alpcast suite` output folders the same run?
-- usage: alpcast tools/same_run.lua ONE OTHER
-- Every file byte for byte (the same list of files), except summary.json:
-- compared without the fields that differ from run to run (time_s, wall_s,
-- started_utc) and "merged" (alpcast merge's note).  The Monte Carlo cache
-- .cache/ is not compared.  Prints each file that
-- differs; exits 1 if any, 0 if none (for `alpcast merge` vs `alpcast suite`).
local one, other = arg[1], arg[2]
if not one or not other then
  io.stderr:write("usage: alpcast tools/same_run.lua ONE OTHER\n")
  os.exit(2)
end
local decode = require("alpcast.suite")._json_decode
local encode = require("alpcast.output").json_encode

local function files(root, rel, out)
  out = out or {}
  for _, f in ipairs(alp.fs.listdir(root .. (rel and "/" .. rel or "")) or {}) do
    local r = rel and (rel .. "/" .. f) or f
    -- .cache/: the suite's Monte Carlo cache (alpcast/acceptance_cache.lua), not a result
    if r == ".cache" then -- skipped
    elseif alp.fs.isdir(root .. "/" .. r) then files(root, r, out) else out[#out + 1] = r end
  end
  table.sort(out)
  return out
end

local function slurp(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local VARYING = { time_s = true, wall_s = true, started_utc = true, merged = true }
local function strip(x)
  if type(x) ~= "table" then return x end
  local t = {}
  for k, v in pairs(x) do if not VARYING[k] then t[k] = strip(v) end end
  return t
end

local bad, n = 0, 0
local seen = {}
for _, f in ipairs(files(one)) do seen[f] = true end
for _, f in ipairs(files(other)) do
  if not seen[f] then print("only in " .. other .. ": " .. f); bad = bad + 1 end
end
for _, f in ipairs(files(one)) do
  n = n + 1
  local a, b = slurp(one .. "/" .. f), slurp(other .. "/" .. f)
  if b == nil then print("only in " .. one .. ": " .. f); bad = bad + 1
  elseif f:match("summary%.json$") then
    if encode(strip(decode(a))) ~= encode(strip(decode(b))) then
      print("differs (beyond timings): " .. f); bad = bad + 1
    end
  elseif a ~= b then print("differs: " .. f); bad = bad + 1 end
end
print(string.format("same_run: %d files, %d differ (%s vs %s)", n, bad, one, other))
os.exit(bad > 0 and 1 or 0)
