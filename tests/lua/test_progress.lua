-- tests/lua/test_progress.lua: the suite's progress display (alpcast.progress)
-- with a fake clock and stream, and `alpcast suite` on a terminal (script(1))
-- and with --quiet.
local lu = require "luaunit"
local h = require "helpers"
local progress = require "alpcast.progress"

TestProgress = {}

local function fake()
  local s = { text = {} }
  function s:write(...) for _, x in ipairs { ... } do self.text[#self.text + 1] = x end end
  function s:flush() end
  function s:all() return table.concat(self.text) end
  function s:reset() self.text = {} end
  return s
end

local function at(t) return function() return t[1] end end

function TestProgress:test_tty_lines_redrawn_in_place_with_eta()
  local now, s = { 0 }, fake()
  local P = progress.new { stream = s, tty = true, clock = at(now) }
  P:start("a")
  now[1] = 5
  P:update("a", 5, 10)
  -- 5 of 10 masses in 5 s: 5 s left
  lu.assertStrMatches(s:all(), "  %.%.%s+a%s+5/10%s+masses%s+50 %%  ETA 5 s\n")
  s:reset()
  P:start("b")
  P:update("b", 1, 4)
  -- the old one-line block is erased (cursor up + erase), both drawn again
  local out = s:all()
  lu.assertEquals(select(2, out:gsub("\27%[1A\27%[2K", "")), 1)
  lu.assertStrContains(out, "a ")
  lu.assertStrContains(out, "1/4")
  s:reset()
  P:finish("a")
  out = s:all()
  lu.assertEquals(select(2, out:gsub("\27%[1A\27%[2K", "")), 2)
  lu.assertNotStrContains(out, "5/10")
  s:reset()
  local printed
  P:around(function() printed = s:all() end)
  -- the block is cleared before the print, drawn again after it
  lu.assertEquals(select(2, printed:gsub("\27%[1A\27%[2K", "")), 1)
  lu.assertStrContains(s:all():sub(#printed + 1), "1/4")
end

function TestProgress:test_plain_lines_at_most_every_period()
  local now, s = { 0 }, fake()
  local P = progress.new { stream = s, tty = false, clock = at(now), every = 10 }
  P:start("x")
  now[1] = 1;  P:update("x", 1, 100)
  lu.assertEquals(s:all(), "")
  now[1] = 11; P:update("x", 11, 100)
  lu.assertStrContains(s:all(), "11/100")
  lu.assertNotStrContains(s:all(), "\27")
  s:reset()
  now[1] = 12; P:update("x", 12, 100)
  lu.assertEquals(s:all(), "", "a second line within 10 s")
  now[1] = 30; P:update("x", 100, 100)
  lu.assertEquals(s:all(), "", "no progress line once done (the ok line follows)")
end

function TestProgress:test_eta_in_minutes_and_none_before_the_first_mass()
  local now, s = { 0 }, fake()
  local P = progress.new { stream = s, tty = true, clock = at(now) }
  P:start("m")
  P:update("m", 0, 10)
  lu.assertNotStrContains(s:all(), "ETA")
  now[1] = 60
  P:update("m", 1, 11)
  -- 60 s per mass, 10 left: 600 s = 10 min
  lu.assertStrContains(s:all(), "ETA 10 min")
end

function TestProgress:test_quiet_writes_nothing()
  local now, s = { 0 }, fake()
  local P = progress.new { stream = s, tty = true, quiet = true, clock = at(now) }
  P:start("q")
  now[1] = 100
  P:update("q", 3, 10)
  P:finish("q")
  lu.assertEquals(s:all(), "")
end

-- A whole suite run on a pseudo-terminal (script(1), util-linux) and with
-- --quiet: the children's progress reaches the parent's live lines.
TestProgressSuite = {}

local RECAST = [[
return alp.recast {
  name = "%s", experiment = "Test", process = "B+ -> K+ a", reference = "ref",
  signature = "invisible", cl = 0.90,
  masses = { min = 0.1, max = 2, n = %d }, couplings = { min = 1e-6, max = 10, n = 40 },
  ratio = function(model, ma) local s = 0 for i = 1, %d do s = s + i end
    return model.c / (1e-4 * ma) end,
}
]]

function TestProgressSuite:setUp()
  self.dir = h.tmpdir()
  alp.fs.mkdir(self.dir .. "/recasts")
  for _, r in ipairs { { "p_fast", 3, 1 }, { "p_slow", 60, 20000 } } do
    local f = assert(io.open(self.dir .. "/recasts/" .. r[1] .. ".lua", "w"))
    f:write(RECAST:format(r[1], r[2], r[3]))
    f:close()
  end
  local f = assert(io.open(self.dir .. "/run.lua", "w"))
  f:write([[
local fam = function(c) return { c = c } end
os.exit(require("alpcast.suite").main({ table.unpack(arg) },
        { families = { cff = fam, cWW = fam }, bundled = false }))
]])
  f:close()
end
function TestProgressSuite:tearDown() h.rmtree(self.dir) end

function TestProgressSuite:test_live_lines_on_a_terminal()
  local _, code0 = h.run("command -v script")
  if code0 ~= 0 then lu.skip("needs script(1) from util-linux for a pseudo-terminal") end
  local cmd = string.format("%s %s --recasts %s --out %s --no-figures -j 2",
                            h.exe(), h.q(self.dir .. "/run.lua"), h.q(self.dir .. "/recasts"),
                            h.q(self.dir .. "/out"))
  local out, code = h.run("script -qec " .. h.q(cmd) .. " /dev/null")
  lu.assertEquals(code, 0, out)
  -- p_slow: 2 benchmarks x 60 masses, no prepare
  lu.assertStrMatches(out, ".*  %.%.%s+p_slow%s+%d+/120%s+masses.*")
  lu.assertStrContains(out, "\27[1A\27[2K")
  lu.assertStrContains(out, "ok    p_slow")
end

function TestProgressSuite:test_quiet_prints_only_the_closing_line()
  local out, code = h.run(string.format("%s %s --recasts %s --out %s --no-figures --quiet",
    h.exe(), h.q(self.dir .. "/run.lua"), h.q(self.dir .. "/recasts"), h.q(self.dir .. "/out")))
  lu.assertEquals(code, 0, out)
  local lines = {}
  for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
  lu.assertEquals(#lines, 1, out)
  lu.assertStrContains(lines[1], "alpcast suite: 2 recasts, 0 figure scripts, 0 failed")
  -- the results are written all the same
  lu.assertEquals(alp.data.csv(self.dir .. "/out/p_fast/cff.csv").n, 3)
end
