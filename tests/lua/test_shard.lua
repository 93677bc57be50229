-- tests/lua/test_shard.lua: `alpcast suite --shard K/N`, `--resume` and
-- `alpcast merge` with test recasts (toy families, as test_suite.lua): the
-- split, byte-identity of the merged outputs with a one-machine run, the
-- refusals naming the folder, and a shard killed with SIGKILL then resumed.
local lu = require "luaunit"
local h = require "helpers"
local plan = require "alpcast.shard_plan"

TestShard = {}

-- a toy recast: excluded above c = 1e-4 ma (open upwards); prepare counts
-- to a number per mass so that a run can be killed part-way
local RECAST = [[
return alp.recast {
  name = "%s", experiment = "Test", process = "B+ -> K+ a", reference = "ref %s",
  signature = "invisible", cl = 0.90, benchmarks = %s, seed = 7,
  masses = { min = 0.1, max = 2, n = %d }, couplings = { min = 1e-6, max = 10, n = 40 },
  prepare = function(ma) local s = 0 for i = 1, %d do s = s + i end return 1 / ma + 0 * s end,
  ratio = function(model, ma, data, p) return model.c * p / 1e-4 end,
}
]]

-- the suite or the merge through the executable, with the toy families
local RUNNER = [[
local fam = function(c) return { c = c } end
io.stdout:setvbuf("line")
local cmd = table.remove(arg, 1)
os.exit(require("alpcast." .. cmd).main({ table.unpack(arg) },
        { families = { cff = fam, cWW = fam }, bundled = false }))
]]

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

local slurp = h.slurp

local files_under = h.files_under

function TestShard:setUp()
  self.dir = h.tmpdir()
  self.rc = self.dir .. "/recasts"
  alp.fs.mkdir(self.rc)
  write(self.rc .. "/alpha.lua", RECAST:format("alpha", "alpha", '{ "cff", "cWW" }', 23, 0))
  write(self.rc .. "/beta.lua", RECAST:format("beta", "beta", '{ "cWW" }', 7, 0))
  self.runner = self.dir .. "/run.lua"
  write(self.runner, RUNNER)
end
function TestShard:tearDown() h.rmtree(self.dir) end

-- run "suite ARGS" or "merge ARGS" (a shell-quoted string); output, exit code
function TestShard:run(cmd, args)
  return h.run(h.exe() .. " " .. h.q(self.runner) .. " " .. cmd .. " " .. args)
end

function TestShard:suite(out, extra)
  local text, code = self:run("suite", "--recasts " .. h.q(self.rc) .. " --no-figures -j 2 --out " ..
                              h.q(out) .. " " .. (extra or ""))
  lu.assertEquals(code, 0, text)
  return text
end

-- every file of a one-machine run equal byte for byte, summary.json but
-- its timings, started_utc and "merged"
function TestShard:assert_same(one, merged)
  local a, b = files_under(one), files_under(merged)
  lu.assertEquals(b, a)
  for _, f in ipairs(a) do
    if f ~= "summary.json" then lu.assertEquals(slurp(merged .. "/" .. f), slurp(one .. "/" .. f), f) end
  end
  local function strip(s)
    return (s:gsub('\n *"time_s": [^\n]*', ""):gsub('\n *"wall_s": [^\n]*', "")
             :gsub('\n *"started_utc": [^\n]*', ""):gsub('\n  "merged": %b{},?', ""))
  end
  local sm = slurp(merged .. "/summary.json")
  lu.assertStrContains(sm, '"merged": {')
  lu.assertEquals(strip(sm), strip(slurp(one .. "/summary.json")))
end

function TestShard:test_split_is_deterministic_complete_and_balanced()
  local units = {}
  for r = 1, 5 do
    for c = 1, 7 do units[#units + 1] = { recast = "r" .. r, id = tostring(c), cost = (r * 37 + c * 11) % 50 + 1 } end
  end
  local s1, load = plan.split(units, 4)
  local s2 = plan.split(units, 4)
  lu.assertEquals(s1, s2)
  local sum, maxc = 0, 0
  for i, u in ipairs(units) do
    lu.assertTrue(s1[i] >= 1 and s1[i] <= 4)
    sum, maxc = sum + u.cost, math.max(maxc, u.cost)
  end
  local got = 0
  for k = 1, 4 do got = got + load[k] end
  lu.assertEquals(got, sum) -- every piece in exactly one shard
  -- greedy to the least loaded shard: loads within the largest piece of each other
  lu.assertTrue(math.max(table.unpack(load)) - math.min(table.unpack(load)) <= maxc)
end

function TestShard:test_units_chunk_masses_per_variant()
  local desc = alp.recast.load(self.rc .. "/alpha.lua")
  local us = plan.units(desc, plan.models({}), 10)
  -- 23 masses in chunks of 10: 1-10, 11-20, 21-23, then the tail
  lu.assertEquals(#us, 4)
  lu.assertEquals({ us[1].i0, us[1].i1, us[3].i0, us[3].i1 }, { 1, 10, 21, 23 })
  lu.assertEquals(us[1].models, { ["-"] = { "cff", "cWW" } })
  lu.assertEquals(us[1].id, "-.0000")
  lu.assertEquals(us[3].cost, 3 * 2 + 3 * plan.PREPARE)
  lu.assertTrue(us[4].tail)
end

function TestShard:test_three_shards_merge_to_the_bytes_of_one_run()
  local one = self.dir .. "/one"
  self:suite(one)
  local dirs = {}
  for k = 3, 1, -1 do -- any order
    dirs[#dirs + 1] = h.q(self.dir .. "/s" .. k)
    local text = self:suite(self.dir .. "/s" .. k, "--shard " .. k .. "/3 --chunk 4")
    lu.assertStrContains(text, "of shard " .. k .. "/3")
  end
  local man = slurp(self.dir .. "/s2/manifest.json")
  lu.assertStrContains(man, '"version": "' .. alp.version .. '"')
  lu.assertStrContains(man, '"sha256": "' .. alp.fs.sha256(self.rc .. "/alpha.lua") .. '"')
  -- the merge writes into a folder of the same name as the one-machine run
  os.rename(one, self.dir .. "/one_machine")
  local text, code = self:run("merge", h.q(one) .. " " .. table.concat(dirs, " ") .. " -q")
  lu.assertEquals(code, 0, text)
  self:assert_same(self.dir .. "/one_machine", one)
  -- the merged cff of alpha: one row per mass (23), as the one-machine run
  lu.assertEquals(alp.data.csv(one .. "/alpha/cff.csv").n, 23)
end

function TestShard:test_merge_refuses_missing_duplicated_mismatched_incomplete()
  for k = 1, 2 do self:suite(self.dir .. "/s" .. k, "--shard " .. k .. "/2 --chunk 5") end
  local s1, s2 = self.dir .. "/s1", self.dir .. "/s2"
  local out = self.dir .. "/m"
  local text, code = self:run("merge", h.q(out) .. " " .. h.q(s1))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, "shard 2/2 missing")
  text, code = self:run("merge", h.q(out) .. " " .. h.q(s1) .. " " .. h.q(s1))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, "shard 1/2 given twice: " .. s1 .. " and " .. s1)
  -- another seed in shard 2
  local s2b = self.dir .. "/s2b"
  self:suite(s2b, "--shard 2/2 --chunk 5 --seed 3")
  text, code = self:run("merge", h.q(out) .. " " .. h.q(s1) .. " " .. h.q(s2b))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, s2b .. " does not match " .. s1 .. ": --seed nil vs 3")
  -- another program version
  local m = slurp(s2 .. "/manifest.json")
  write(s2 .. "/manifest.json", (m:gsub('"version": "[^"]*"', '"version": "0.0-other"')))
  text, code = self:run("merge", h.q(out) .. " " .. h.q(s1) .. " " .. h.q(s2))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, s2 .. " does not match " .. s1 .. ": program version")
  write(s2 .. "/manifest.json", m)
  -- a recast changed since the shards ran
  local keep = slurp(self.rc .. "/beta.lua")
  write(self.rc .. "/beta.lua", keep .. "-- edited\n")
  text, code = self:run("merge", h.q(out) .. " " .. h.q(s1) .. " " .. h.q(s2))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, "the shards do not match this tree")
  lu.assertStrContains(text, "beta.lua: SHA-256")
  write(self.rc .. "/beta.lua", keep)
  -- a piece gone (as after a kill)
  local gone = files_under(s1 .. "/pieces")[1]
  os.remove(s1 .. "/pieces/" .. gone)
  text, code = self:run("merge", h.q(out) .. " " .. h.q(s1) .. " " .. h.q(s2))
  lu.assertEquals(code, 1)
  lu.assertStrContains(text, s1 .. " (shard 1/2) is incomplete: 1 of ")
  lu.assertStrContains(text, "rerun it with --resume")
  lu.assertNil(io.open(out .. "/summary.json"), "a refused merge wrote outputs")
end

function TestShard:test_bad_arguments_name_the_option()
  local text, code = self:run("suite", "--shard 0/3")
  lu.assertEquals(code, 2)
  lu.assertStrContains(text, "--shard needs K/N with integers 1 <= K <= N <= 10000, got '0/3'")
  text, code = self:run("suite", "--resume")
  lu.assertEquals(code, 2)
  lu.assertStrContains(text, "--resume and --chunk need --shard K/N")
  text, code = self:run("suite", "--shard 1/2 --chunk x")
  lu.assertEquals(code, 2)
  lu.assertStrContains(text, "--chunk needs an integer number of masses")
  -- --resume into a folder of another run
  local s = self.dir .. "/s"
  self:suite(s, "--shard 1/2")
  text, code = self:run("suite", "--recasts " .. h.q(self.rc) .. " --no-figures --out " .. h.q(s) ..
                        " --shard 1/2 --resume --seed 9")
  lu.assertEquals(code, 2, text)
  lu.assertStrContains(text, "--resume: " .. s .. " holds another run (--seed nil vs 9)")
end

function TestShard:test_sigkill_then_resume_completes_with_the_same_bytes()
  -- about 0.03 s of CPU per mass: 30 masses of alpha, 6 pieces of 5, about 1 s
  write(self.rc .. "/alpha.lua", RECAST:format("alpha", "alpha", '{ "cff", "cWW" }', 30, 3000000))
  local s = self.dir .. "/s"
  local args = "--recasts " .. h.q(self.rc) .. " --no-figures -j 1 --shard 1/1 --chunk 5 --out " .. h.q(s)
  local cmd = string.format("%s %s suite %s > %s 2>&1 & pid=$!; " ..
    "for i in $(seq 1 200); do n=$(ls %s/pieces/alpha 2>/dev/null | grep -c json); " ..
    "[ \"$n\" -ge 2 ] && break; sleep 0.02; done; " ..
    "pkill -KILL -P $pid; kill -KILL $pid; wait $pid 2>/dev/null; echo rc=$?",
    h.exe(), h.q(self.runner), args, h.q(self.dir .. "/log"), h.q(s))
  local res = h.run(cmd)
  lu.assertStrContains(res, "rc=137")
  local done = #files_under(s .. "/pieces/alpha")
  lu.assertTrue(done >= 2 and done < 6, "pieces finished before the kill: " .. done)
  local text, code = self:run("suite", args .. " --resume")
  lu.assertEquals(code, 0, text)
  lu.assertStrMatches(text, ".*alpha.* pieces of shard 1/1 %(%d from before%).*")
  -- the resumed shard merges to the bytes of a one-machine run
  local one = self.dir .. "/one"
  self:suite(one)
  os.rename(one, self.dir .. "/one_machine")
  text, code = self:run("merge", h.q(one) .. " " .. h.q(s) .. " -q")
  lu.assertEquals(code, 0, text)
  self:assert_same(self.dir .. "/one_machine", one)
end

-- A Monte Carlo recast's mass in a shard gives the numbers of the full run:
-- belle2_kinv's <P_a> tables (50 000 events per mass from its seed) at
-- 0.5 GeV, scanned alone and after two other masses, each in a fresh process
-- (no table kept from before), edges printed exactly (%.17g).
function TestShard:test_monte_carlo_mass_does_not_depend_on_the_other_masses()
  local code = [[
local d = alp.recast.load(alp.root .. "/recasts/belle2_kinv.lua")
local r = alp.recast.scan(d, "cff", "50ab", { masses = { %s } })
local k = #r.masses
for _, iv in ipairs(r.by_mass[k]) do io.write(string.format("%%.17g %%.17g\n", iv[1], iv[2])) end
]]
  local function run(masses)
    local f = self.dir .. "/mc.lua"
    write(f, code:format(masses))
    local out, rc = h.run("ALPCAST_THREADS=2 " .. h.exe() .. " " .. h.q(f))
    lu.assertEquals(rc, 0, out)
    return out
  end
  local alone = run("0.5")
  lu.assertStrMatches(alone, "^[%d.e+-]+ [%d.e+-inf]+\n.*") -- one interval at least
  lu.assertEquals(run("0.1, 0.3, 0.5"), alone)
end
