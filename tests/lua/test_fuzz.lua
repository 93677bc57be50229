-- tests/lua/test_fuzz.lua: the mutation fuzzer's machinery (tools/fuzz.lua,
-- `make fuzz`) on toy recasts written here and a small deterministic slice
-- of the bundled ones: known-bad mutants give a clean error naming the file,
-- a mutation the library accepts silently is reported as a silent change
-- (so the fuzzer can fail), and the same seed gives the same cases.
local lu = require "luaunit"
local h = require "helpers"

local fz = assert(loadfile("tools/fuzz.lua"))("--as-library")

TestFuzz = {}

local LIM_CSV = [[
# quantity: toy limit on BR(B -> K a) x BR(a -> mu mu)
# source: toy table for tests
# cl: 0.90
# units: ma_GeV: ALP mass [GeV]; tau_ps: proper lifetime [ps]; br_ul: [dimensionless]
ma_GeV,tau_ps,br_ul
0.1,1,1e-7
0.5,1,4e-7
1.0,1,9e-7
0.1,10,1e-6
0.5,10,4e-6
1.0,10,9e-6
]]

local LIM_LUA = [[
local lim = alp.limit.csv("data/toy_lim.csv", { value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps" })
return alp.recast {
  name = "toy_lim", experiment = "Test", process = "B+ -> K+ a", reference = "toy",
  signature = "displaced", cl = 0.90, masses = { min = 0.1, max = 1, n = 10 },
  limit = lim,
  signal = function(model, ma) return 1e-7 end,
}
]]

-- A recast whose limit sums a column: a duplicated row changes it and the
-- library cannot know (the planted silent change).
local SUM_CSV = [[
# quantity: toy event counts
# source: toy table for tests
# units: process: text; n: numbers of events [events]
process,n
a,1
b,2
c,3
]]

local SUM_LUA = [[
return alp.recast {
  name = "toy_sum", experiment = "Test", process = "B+ -> K+ a", reference = "toy",
  signature = "invisible", cl = 0.90, masses = { min = 0.1, max = 1, n = 10 },
  data = { counts = "data/toy_sum.csv" },
  limit = function(ma, data)
    local s = 0
    for _, v in ipairs(data.counts.columns.n) do s = s + v end
    return 1 / s
  end,
  signal = function(model, ma) return 1e-7 end,
}
]]

local function put(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

function TestFuzz:setUp()
  self.dir = h.tmpdir()
  local rc = self.dir .. "/recasts"
  alp.fs.mkdir(rc)
  alp.fs.mkdir(rc .. "/data")
  put(rc .. "/toy_lim.lua", LIM_LUA)
  put(rc .. "/data/toy_lim.csv", LIM_CSV)
  put(rc .. "/toy_sum.lua", SUM_LUA)
  put(rc .. "/data/toy_sum.csv", SUM_CSV)
  self.rc = rc
end

function TestFuzz:tearDown()
  if self.ctx then fz.cleanup(self.ctx) end
  self.ctx = nil
  h.rmtree(self.dir)
end

function TestFuzz:toy()
  self.ctx = fz.setup { dirs = { self.rc }, bundled = false }
  return self.ctx
end

function TestFuzz:test_known_bad_mutants_are_clean_errors()
  local ctx = self:toy()
  lu.assertEquals(#ctx.recasts, 2)
  for _, kind in ipairs { "drop_colrow", "dup_row", "cell_text", "drop_rows", "truncate" } do
    local r = fz.run_case(ctx, fz.make(ctx, "toy_lim.csv", kind))
    lu.assertEquals(r.outcome, "clean", kind .. ": " .. tostring(r.detail))
    lu.assertStrContains(r.detail, "toy_lim.csv")
  end
  for _, kind in ipairs { "data_abs", "data_dotdot", "misspell", "remove_field", "cl_invalid", "cl_other" } do
    local r = fz.run_case(ctx, fz.make(ctx, "toy_lim.lua", kind))
    lu.assertEquals(r.outcome, "clean", kind .. ": " .. tostring(r.detail))
    lu.assertStrContains(r.detail, "toy_lim.lua")
  end
  -- mutations that must leave the result identical
  for _, kind in ipairs { "crlf", "add_col", "drop_units" } do
    local r = fz.run_case(ctx, fz.make(ctx, "toy_sum.csv", kind))
    lu.assertEquals(r.outcome, "identical", kind .. ": " .. tostring(r.detail))
  end
  -- the repository copy is restored after each case
  local f = io.open(self.rc .. "/data/toy_lim.csv")
  lu.assertEquals(f:read("a"), LIM_CSV)
  f:close()
end

function TestFuzz:test_planted_silent_change_is_reported()
  local ctx = self:toy()
  local r = fz.run_case(ctx, fz.make(ctx, "toy_sum.csv", "dup_row"))
  lu.assertEquals(r.outcome, "silent")
  lu.assertStrContains(r.detail, "limit()")
  -- and a whole run fails: its summary counts it
  local S = fz.run(ctx, 3, 60)
  lu.assertEquals(S.cases, 60)
  lu.assertTrue((S.counts.silent or 0) > 0)
  lu.assertTrue(fz.failed(S) > 0)
end

function TestFuzz:test_cli_exit_status_and_counts()
  local out, code = h.run(h.exe() .. " tools/fuzz.lua --no-bundled --recasts " .. h.q(self.rc)
                          .. " -n 120 -j 2 --seed 5")
  lu.assertEquals(code, 1, out)
  lu.assertStrContains(out, "cases: 120 ")
  lu.assertStrContains(out, "SILENT CHANGE: ")
  lu.assertStrContains(out, "toy_sum.csv ")
  lu.assertNotStrContains(out, "crashes: 1")
end

-- The bundled recasts (files up to 40 kB): same seed, same cases and outcomes.
function TestFuzz:test_bundled_slice_is_deterministic()
  self.ctx = fz.setup { max_bytes = 40000 }
  local ctx = self.ctx
  lu.assertTrue(#ctx.targets > 0)
  local a = fz.run(ctx, 11, 50)
  local b = fz.run(ctx, 11, 50)
  lu.assertEquals(a.cases, 50)
  local n = 0
  for _, v in pairs(a.counts) do n = n + v end
  lu.assertEquals(n, 50)
  lu.assertEquals(a.list, b.list)
  lu.assertEquals(a.counts, b.counts)
  lu.assertEquals((a.counts.crash or 0), 0)
end
