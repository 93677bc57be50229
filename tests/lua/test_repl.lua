-- tests/lua/test_repl.lua: the REPL driven through a pipe with `alpcast -i`,
-- as `lua -i`: expressions echo their values, continuation lines, an error
-- does not end the session, `_` holds the last value.
local lu = require "luaunit"
local h = require "helpers"

local exe = h.exe()

-- Feed `lines` to `alpcast -i` through a temporary file; returns the output.
local function session(lines, opts)
  local d = h.tmpdir()
  local f = io.open(d .. "/in.txt", "w")
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
  local out, code = h.run(exe .. " " .. (opts or "-i") .. " < " .. h.q(d .. "/in.txt"))
  h.rmtree(d)
  return out, code
end

TestRepl = {}

function TestRepl:test_expression_echoes_value()
  local out, code = session { "1 + 2.385" }
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "alp> 3.385")
end

function TestRepl:test_statement_then_expression()
  local out = session { "x = 21", "x * 2" }
  lu.assertStrContains(out, "42")
end

function TestRepl:test_equals_prefix_as_in_lua()
  local out = session { "=7 * 6" }
  lu.assertStrContains(out, "42")
end

function TestRepl:test_multiple_values_are_tab_separated()
  local out = session { "1, 'two', nil" }
  lu.assertStrContains(out, '1\t"two"\tnil')
end

function TestRepl:test_continuation_lines()
  local out = session { "function f(a)", "  return a * 3", "end", "f(14)" }
  lu.assertStrContains(out, "  >> ")
  lu.assertStrContains(out, "42")
end

function TestRepl:test_error_does_not_end_session()
  local out, code = session { "error('first failure')", "print('still alive')", "6 * 7" }
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "first failure")
  lu.assertStrContains(out, "still alive")
  lu.assertStrContains(out, "42")
end

function TestRepl:test_syntax_error_reported_and_session_goes_on()
  local out = session { "x = = 2", "40 + 2" }
  lu.assertStrContains(out, "unexpected symbol")
  lu.assertStrContains(out, "42")
end

function TestRepl:test_underscore_holds_last_value()
  local out = session { "20 + 1", "_ * 2" }
  lu.assertStrContains(out, "42")
end

function TestRepl:test_tables_are_pretty_printed()
  local out = session { "{ma = 0.3, n = 10}" }
  lu.assertStrContains(out, "{ma = 0.3, n = 10}")
end

function TestRepl:test_i_runs_e_first()
  local out = session({ "y + 1" }, "-e 'y = 41' -i")
  lu.assertStrContains(out, "42")
end

function TestRepl:test_without_i_stdin_is_a_script()
  -- as lua.c: a non-terminal stdin without -i is run as one chunk, no echo
  local out, code = session({ "local x = 40", "print(x + 2)" }, "")
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "42\n")
end

function TestRepl:test_interrupt_flag_stops_long_lua_loop()
  -- SIGINT during a running chunk raises "interrupted" and the REPL goes on
  local d = h.tmpdir()
  local cmd = string.format(
    "(printf 'while true do end\\nprint(\"after\")\\n'; sleep 2) | %s -i & pid=$!; " ..
    "sleep 0.7; kill -INT $pid; wait $pid", exe)
  local out = h.run("sh -c " .. h.q(cmd))
  h.rmtree(d)
  lu.assertStrContains(out, "interrupted")
  lu.assertStrContains(out, "after")
end

function TestRepl:test_interrupt_stops_long_c_loop()
  -- SIGINT while one long C loop runs (1e5 events x 3e5 ctau values, 3e10
  -- exp() evaluations, many seconds): the loop sees the cancel flag at its
  -- next chunk and the call ends with "interrupted" (issue #2: Ctrl-C
  -- interrupts long C loops); the script exits with status 1 well before the
  -- loop could have finished.
  local script = "local s = alp.sample.b_to_ka{ma = 0.3, n = 1e5, seed = 1} " ..
    "local v = alp.detector.belle2():volume('veto') " ..
    "local ct = {} for i = 1, 3e5 do ct[i] = i * 1e-3 end " ..
    "io.write('ready\\n') io.flush() v:decay_prob(s, ct, 'outside') print('finished')"
  -- No fixed wait (it failed under load): poll until the script says it is
  -- about to enter the loop (up to 60 s), give it 0.1 s to get inside, then
  -- time the stop from the signal on.
  local log = os.tmpname()
  local cmd = string.format(
    "%s -e %s > %s 2>&1 & pid=$!; i=0; " ..
    "until grep -q ready %s || [ $i -ge 3000 ]; do sleep 0.02; i=$((i+1)); done; sleep 0.1; " ..
    "t0=$(date +%%s%%N); kill -INT $pid; wait $pid; " ..
    "echo rc=$?; echo ms=$(( ($(date +%%s%%N) - t0) / 1000000 )); cat %s",
    exe, h.q(script), h.q(log), h.q(log), h.q(log))
  local out = h.run("sh -c " .. h.q(cmd))
  os.remove(log)
  lu.assertStrContains(out, "ready")
  lu.assertStrContains(out, "interrupted")
  lu.assertNotStrContains(out, "finished")
  lu.assertStrContains(out, "rc=1")
  local ms = tonumber(out:match("ms=(%d+)"))
  lu.assertTrue(ms and ms < 5000, "the C loop did not stop promptly: " .. tostring(ms) .. " ms")
end
