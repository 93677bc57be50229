-- tests/lua/test_kernel.lua: `alpcast --kernel`, the session the Jupyter
-- kernel drives (host/kernel.c, scripts/alpcast/kernel.lua), through its
-- framed protocol on pipes: echoes as the REPL, last-statement echo, errors
-- with traceback that keep the session, completion, figures, and SIGINT
-- stopping a Lua loop and a C loop within 1 s with the variables kept.
local lu = require "luaunit"
local h = require "helpers"

local exe = h.exe()

local function frame(verb, text) return verb .. " " .. #text .. "\n" .. text end

-- The replies in `out` (stdout of the kernel), each {status=, value=,
-- error=, figure={...}, match={...}}.
local function parse(out)
  local replies, pos = {}, 1
  while true do
    local s = out:find("\30ALPCAST-REPLY\n", pos, true)
    if not s then break end
    pos = s + #"\30ALPCAST-REPLY\n"
    local r = { figure = {}, match = {} }
    while true do
      local key, n, nl = out:match("^(%w+) (%d+)\n()", pos)
      lu.assertNotNil(key, "bad reply field at byte " .. pos)
      n = tonumber(n)
      pos = nl + n + 1
      if key == "end" then break end
      local v = out:sub(nl, nl + n - 1)
      if type(r[key]) == "table" then table.insert(r[key], v) else r[key] = v end
    end
    replies[#replies + 1] = r
  end
  return replies
end

-- Run the requests {{verb, text}, ...}; returns the replies, stdout, stderr
-- and the exit code.  `shell` (optional) wraps the run, e.g. to send SIGINT.
local function run(requests, shell)
  local d = h.tmpdir()
  local f = io.open(d .. "/in", "wb")
  for _, r in ipairs(requests) do f:write(frame(r[1], r[2])) end
  f:close()
  local cmd = string.format("(%s --kernel < %s > %s 2> %s)", exe, h.q(d .. "/in"), h.q(d .. "/out"),
                            h.q(d .. "/err"))
  local _, code = h.run(shell and shell(cmd) or cmd)
  local function slurp(name)
    local fh = io.open(d .. "/" .. name, "rb")
    local s = fh:read("a")
    fh:close()
    return s
  end
  local out, err = slurp("out"), slurp("err")
  h.rmtree(d)
  return parse(out), out, err, code
end

local function repl_echo(lines)
  local d = h.tmpdir()
  local f = io.open(d .. "/in.txt", "w")
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
  local out = h.run(exe .. " -i < " .. h.q(d .. "/in.txt"))
  h.rmtree(d)
  return out
end

TestKernel = {}

function TestKernel:test_echo_is_the_repls()
  local line = "m = alp.model.benchmark('cff', 1)"
  local expr = "m:ctau(0.3), m:br_b_to_ka(0.3), m"
  local r = run { { "exec", line }, { "exec", expr } }
  lu.assertEquals(#r, 2)
  lu.assertEquals(r[1].status, "ok")
  lu.assertNil(r[1].value) -- a statement echoes nothing
  lu.assertEquals(r[2].status, "ok")
  -- the REPL prints "alp> alp> <values>" for the same two lines
  local repl = repl_echo { line, expr }
  lu.assertStrContains(repl, "alp> " .. r[2].value .. "\n")
  lu.assertStrContains(r[2].value, "alp.model{cff=1")
end

function TestKernel:test_last_statement_of_a_cell_echoes()
  local r = run { { "exec", "x = 21\ny = 2\nx * y" }, { "exec", "a = 'p;q'; b = 4; a, b * x" },
                  { "exec", "for i = 1, 3 do\n  x = x + i\nend" }, { "exec", "x -- a comment" },
                  { "exec", "_" } }
  lu.assertEquals(r[1].value, "42")
  lu.assertEquals(r[2].value, '"p;q"\t84')
  lu.assertNil(r[3].value)
  lu.assertEquals(r[4].value, "27")
  lu.assertEquals(r[5].value, "27") -- `_` is the first echoed value, as in the REPL
end

function TestKernel:test_output_streams_before_the_reply()
  local _, out = run { { "exec", "print('one'); io.write('two\\n'); 3" } }
  lu.assertStrContains(out, "one\ntwo\n\30ALPCAST-REPLY\n")
end

function TestKernel:test_error_has_traceback_and_session_goes_on()
  local r, _, err = run { { "exec", "keep = 7\nlocal function f() error('boom') end\nf()\nkeep = 8" },
                          { "exec", "x = = 1" }, { "exec", "keep * 6" },
                          { "exec", "alp.model.benchmark('cff', 'x')" } }
  lu.assertEquals(r[1].status, "error")
  lu.assertStrContains(r[1].error, "cell:2: boom")
  lu.assertStrContains(r[1].error, "stack traceback:")
  lu.assertStrContains(r[1].error, "cell:3: in main chunk")
  lu.assertEquals(r[2].status, "error")
  lu.assertStrContains(r[2].error, "unexpected symbol")
  lu.assertEquals(r[3].value, "42")
  lu.assertEquals(r[4].status, "error")
  lu.assertStrContains(r[4].error, "alp.model.benchmark")
  lu.assertEquals(err, string.rep("\30", 4)) -- errors go in the reply, not on stderr
end

function TestKernel:test_completion_is_the_repls()
  local r = run { { "complete", "alp.sa" }, { "exec", "m = alp.model.benchmark('cWW', 1)" },
                  { "complete", "m:ct" }, { "complete", "nosuchname.x" } }
  lu.assertEquals(r[1].match, { "alp.sample" })
  lu.assertEquals(r[3].match, { "m:ctau" })
  lu.assertEquals(r[4].match, {})
end

function TestKernel:test_figures_written_or_returned_are_listed()
  local d = h.tmpdir()
  local cell = string.format([[
alp.output.csv(%q, { columns = { "x", "y" }, rows = { { 1, 1 }, { 2, 4 }, { 3, 9 } } })
files = alp.plot.figure { output = %q, series = { { file = %q } }, formats = { "svg" } }]],
    d .. "/sq.csv", d .. "/sq", d .. "/sq.csv")
  local r = run { { "exec", cell }, { "exec", "files[2]" }, { "exec", "1" } }
  lu.assertEquals(r[1].status, "ok", r[1].error)
  lu.assertEquals(r[1].figure, { d .. "/sq.svg" })
  lu.assertEquals(r[2].figure, { d .. "/sq.svg" }) -- a returned path
  lu.assertEquals(r[3].figure, {})                  -- not the previous cell's
  local f = io.open(d .. "/sq.svg")
  lu.assertStrContains(f:read("a"), "<svg")
  f:close()
  h.rmtree(d)
end

-- Run the requests with SIGINT sent `delay` seconds after the start;
-- returns the replies and the seconds from the signal to the exit.
local function run_interrupted(requests, delay)
  local d = h.tmpdir()
  local f = io.open(d .. "/in", "wb")
  for _, r in ipairs(requests) do f:write(frame(r[1], r[2])) end
  f:close()
  local out = h.run(string.format(
    "%s --kernel < %s > %s & pid=$!; sleep %s; t0=$(date +%%s.%%N); kill -INT $pid; "
    .. "wait $pid; echo \"elapsed $t0 $(date +%%s.%%N)\"", exe, h.q(d .. "/in"),
    h.q(d .. "/out"), delay))
  local fh = io.open(d .. "/out", "rb")
  local replies = parse(fh:read("a"))
  fh:close()
  h.rmtree(d)
  local t0, t1 = out:match("elapsed ([%d%.]+) ([%d%.]+)")
  return replies, tonumber(t1) - tonumber(t0)
end

function TestKernel:test_interrupt_stops_a_lua_loop_and_keeps_the_session()
  local r, t = run_interrupted({ { "exec", "k = 0\nwhile true do k = k + 1 end" },
                                 { "exec", "k > 0, 6 * 7" } }, 0.8)
  lu.assertEquals(r[1].status, "interrupted")
  lu.assertStrContains(r[1].error, "interrupted")
  lu.assertEquals(r[2].value, "true\t42")
  lu.assertTrue(t < 1, "a Lua loop stopped " .. t .. " s after SIGINT")
end

function TestKernel:test_interrupt_stops_a_c_loop_within_a_second()
  -- 1e6 events x 20000 lifetimes = 2e10 decay probabilities (~20 s): C code
  local long = "s = alp.sample.b_to_ka{ma = 0.3, n = 1e6, seed = 1}\n"
    .. "ct = {}; for i = 1, 20000 do ct[i] = 10^(-3 + 6 * i / 20000) end\n"
    .. "p = alp.detector.belle2():volume('veto'):decay_prob(s, ct, 'outside')"
  local r, t = run_interrupted({ { "exec", "before = 'kept'" }, { "exec", long },
                                 { "exec", "before, p" } }, 1.5)
  lu.assertEquals(r[2].status, "interrupted")
  lu.assertEquals(r[3].value, '"kept"\tnil')
  lu.assertTrue(t < 1, "the C loop stopped " .. t .. " s after SIGINT")
end

function TestKernel:test_bad_requests()
  local r, _, err, code = run { { "frobnicate", "x" }, { "exec", "1 + 1" } }
  lu.assertStrContains(r[1].error, "unknown request 'frobnicate' (allowed: exec, complete)")
  lu.assertEquals(r[2].value, "2")
  lu.assertEquals(code, 0)
  local out
  out, code = h.run("printf 'exec lots\\n' | " .. exe .. " --kernel")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "bad request header 'exec lots")
  out, code = h.run("printf 'exec 10\\nab' | " .. exe .. " --kernel")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "input ended inside a 10-byte request")
  lu.assertNil(err:find("[^\30]")) -- nothing but the end-of-request markers
end
