-- tests/lua/test_result_cache.lua: a recast whose inputs are unchanged since
-- the last run into the same folder is "up to date" and not run again
-- (alpcast/result_cache.lua); any change to what it read, its file, its
-- results on disk, or --no-cache, and it is computed again.
local lu = require "luaunit"
local h = require "helpers"
local cjson = require "cjson"

TestResultCache = {}

local RECAST = [[
-- %s
return alp.recast {
  name = "rc_test", experiment = "Test", process = "B+ -> K+ a, a invisible", reference = "ref",
  signature = "invisible", cl = 0.90, parent = "none",
  limit = alp.limit.csv("lim.csv", { value = "br_ul", mass = "ma_GeV", cl = 0.90 }),
  signal = function(model, ma) return model:br_b_to_ka(ma) end,
  masses = { min = 0.1, max = 2, n = 8 }, couplings = { min = 1e-4, max = 10, n = 40 },
}
]]
local LIM = "# cl: 0.90\n# units: ma_GeV: ALP mass [GeV]; br_ul: [dimensionless]\nma_GeV,br_ul\n0.05,%s\n2.5,%s\n"

local function put(p, s) local f = assert(io.open(p, "w")); f:write(s); f:close() end

function TestResultCache:setUp()
  self.dir = h.tmpdir()
  self.rdir = self.dir .. "/recasts/rc_test"
  alp.fs.mkdir(self.rdir)
  put(self.rdir .. "/rc_test.lua", RECAST:format("first"))
  put(self.rdir .. "/lim.csv", LIM:format("1e-5", "1e-5"))
  self.out = self.dir .. "/out"
end
function TestResultCache:tearDown() h.rmtree(self.dir) end

-- one suite run; returns the recast's summary entry, the stdout and the result file
function TestResultCache:run(extra)
  local out, code = h.run(string.format("%s suite --recasts %s --only rc_test --out %s --no-figures -j 1 %s",
                                        h.q(h.exe()), h.q(self.dir .. "/recasts"), h.q(self.out), extra or ""))
  lu.assertEquals(code, 0, out)
  local sum = cjson.decode(h.slurp(self.out .. "/summary.json"))
  return sum.recasts[1], out, h.slurp(self.out .. "/rc_test/cff.csv")
end

function TestResultCache:test_second_run_is_up_to_date_and_identical()
  local e1, _, r1 = self:run()
  lu.assertNil(e1.up_to_date)
  local e2, out2, r2 = self:run()
  lu.assertTrue(e2.up_to_date)
  lu.assertStrContains(out2, "(up to date)")
  lu.assertEquals(r2, r1)
  lu.assertEquals(e2.outputs, e1.outputs)
  lu.assertEquals(e2.data_files, e1.data_files)
  -- --no-cache computes again, to the same bytes
  local e3, _, r3 = self:run("--no-cache")
  lu.assertNil(e3.up_to_date)
  lu.assertEquals(r3, r1)
end

function TestResultCache:test_changed_data_file_is_computed_again()
  local _, _, r1 = self:run()
  put(self.rdir .. "/lim.csv", LIM:format("1e-6", "1e-6")) -- 10x stronger limit
  local e2, _, r2 = self:run()
  lu.assertNil(e2.up_to_date)
  lu.assertNotEquals(r2, r1)
  -- the new bound: c_low scales as 1/sqrt(UL) (signal ~ c^2): sqrt(10) lower
  local function first_low(text) return tonumber(text:match("\n[%d.e+-]+,([%d.e+-]+),")) end
  h.assert_rel(first_low(r1) / first_low(r2), math.sqrt(10), 2e-3, "c_low ~ UL^(1/2)")
end

function TestResultCache:test_changed_recast_or_results_are_computed_again()
  self:run()
  put(self.rdir .. "/rc_test.lua", RECAST:format("second (only a comment changed)"))
  local e2 = self:run()
  lu.assertNil(e2.up_to_date)
  lu.assertTrue(self:run().up_to_date)
  -- an output deleted or edited by hand
  os.remove(self.out .. "/rc_test/cWW.csv")
  local e4 = self:run()
  lu.assertNil(e4.up_to_date)
  lu.assertTrue(alp.fs.exists(self.out .. "/rc_test/cWW.csv"))
  local f = assert(io.open(self.out .. "/rc_test/cff.csv", "a")); f:write("# edited\n"); f:close()
  lu.assertNil(self:run().up_to_date)
  lu.assertNotStrContains(h.slurp(self.out .. "/rc_test/cff.csv"), "# edited")
end

-- a model family: its file is part of the key
function TestResultCache:test_changed_model_file_is_computed_again()
  local fam = self.dir .. "/fam.lua"
  local FAM = [[return { name = "famtest", label = "c", notes = "test family", citations = {},
    model = function(c) return alp.model { cff = %s * c } end }]]
  put(fam, FAM:format("1"))
  local function run()
    local out, code = h.run(string.format("%s suite --recasts %s --only rc_test --out %s --no-figures -j 1 --model %s",
      h.q(h.exe()), h.q(self.dir .. "/recasts"), h.q(self.out), h.q(fam)))
    lu.assertEquals(code, 0, out)
    return cjson.decode(h.slurp(self.out .. "/summary.json")).recasts[1], h.slurp(self.out .. "/rc_test/famtest.csv")
  end
  local e1, r1 = run()
  lu.assertNil(e1.up_to_date)
  lu.assertTrue((run()).up_to_date)
  put(fam, FAM:format("2")) -- twice the coupling per unit of c: edges at half the c
  local e3, r3 = run()
  lu.assertNil(e3.up_to_date)
  local function first_low(text) return tonumber(text:match("\n[%d.e+-]+,([%d.e+-]+),")) end
  h.assert_rel(first_low(r1) / first_low(r3), 2, 2e-3, "c_low halves")
end
