-- tools/compare_outputs.lua: compare two `alpcast suite` output folders.
-- usage: alpcast tools/compare_outputs.lua OLD NEW [RTOL]
-- For every CSV under OLD (and NEW): same columns, same number of rows, and
-- every number equal to RTOL (default 1e-3, relative; inf = inf).  Header
-- lines are not compared (they carry provenance that may change).  Prints one
-- line per file that differs with the largest relative difference, then a
-- summary; exits 1 if any file differs or is missing.
local old, new, rtol = arg[1], arg[2], tonumber(arg[3] or "1e-3")
if not old or not new or not rtol then
  io.stderr:write("usage: alpcast tools/compare_outputs.lua OLD NEW [RTOL]\n")
  os.exit(2)
end

local function csvs(root, rel, out)
  out = out or {}
  for _, f in ipairs(alp.fs.listdir(root .. (rel ~= "" and "/" .. rel or "")) or {}) do
    local r = rel ~= "" and (rel .. "/" .. f) or f
    if alp.fs.isdir(root .. "/" .. r) then csvs(root, r, out)
    elseif f:match("%.csv$") then out[#out + 1] = r end
  end
  table.sort(out)
  return out
end

local function rows(path)
  local t = {}
  for line in io.lines(path) do
    if not line:match("^#") then t[#t + 1] = line end
  end
  return t
end

local function split(line)
  local t = {}
  for x in (line .. ","):gmatch("([^,]*),") do t[#t + 1] = x end
  return t
end

local bad, n = 0, 0
local seen = {}
for _, r in ipairs(csvs(old, "")) do
  seen[r] = true
  n = n + 1
  local b = new .. "/" .. r
  if not alp.fs.exists(b) then
    print("missing in NEW: " .. r); bad = bad + 1
  else
    local x, y = rows(old .. "/" .. r), rows(b)
    local worst, why = 0, nil
    if #x ~= #y then why = string.format("%d rows, NEW has %d", #x, #y)
    else
      for i = 1, #x do
        local a, c = split(x[i]), split(y[i])
        if #a ~= #c then why = "line " .. i .. ": number of fields"; break end
        for j = 1, #a do
          local p, q = tonumber(a[j]), tonumber(c[j])
          if p and q then
            if p ~= q then
              local d = math.abs(p - q) / math.max(math.abs(p), math.abs(q))
              if d ~= d then d = math.huge end
              if d > worst then worst = d end
            end
          elseif a[j] ~= c[j] then why = string.format("row %d: '%s' vs '%s'", i, a[j], c[j]); break end
        end
        if why then break end
      end
    end
    if why or worst > rtol then
      bad = bad + 1
      print(string.format("differs: %s: %s", r, why or string.format("max relative difference %.3g", worst)))
    end
  end
end
for _, r in ipairs(csvs(new, "")) do
  if not seen[r] then print("new in NEW: " .. r) end
end
print(string.format("%d files compared, %d differ beyond %g (or missing)", n, bad, rtol))
os.exit(bad == 0 and 0 or 1)
