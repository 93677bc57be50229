-- tests/bench/run.lua: `make bench` -- runs every tests/bench/bench_*.lua
-- (sorted, each with dofile, a header line per file).  Benchmarks PRINT
-- timings; they assert nothing (timings are not tests).  An error in one
-- file is reported and the others still run; the exit status is 1 then.
--   alpcast tests/bench/run.lua [NAME ...]   (NAME filters files by substring)
local dir = "tests/bench"
local filters = { ... }
if #filters == 0 and arg then
  for i = 1, #arg do filters[#filters + 1] = arg[i] end
end

local function selected(name)
  if #filters == 0 then return true end
  for _, f in ipairs(filters) do
    if name:find(f, 1, true) then return true end
  end
  return false
end

local files = {}
for _, name in ipairs(alp.fs.listdir(dir)) do
  if name:match("^bench_.*%.lua$") and selected(name) then files[#files + 1] = name end
end
table.sort(files)

local failed = 0
for _, name in ipairs(files) do
  local path = dir .. "/" .. name
  print(string.rep("=", 72))
  print("== " .. path)
  print(string.rep("=", 72))
  local t0 = os.clock()
  local ok, err = xpcall(dofile, debug.traceback, path)
  if ok then
    print(string.format("-- %s done in %.2f s CPU", name, os.clock() - t0))
  else
    failed = failed + 1
    print("ERROR in " .. path .. ": " .. tostring(err))
  end
end
print(string.format("bench: %d file(s) run, %d failed", #files, failed))
if failed > 0 then os.exit(1) end
