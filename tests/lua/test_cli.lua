-- tests/lua/test_cli.lua: the command line of the alpcast executable
-- (issue #2): exit codes 0 / 1 (script error) / 2 (usage), -e, script
-- arguments, errors with a traceback on stderr, --help, --version.
local lu = require "luaunit"
local h = require "helpers"

local exe, q = h.exe(), h.q

TestCli = {}

function TestCli:test_version_matches_alp_version()
  local out, code = h.run(exe .. " --version")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "alpcast " .. alp.version)
  lu.assertStrContains(out, "GSL")
end

function TestCli:test_e_prints_version()
  local out, code = h.run(exe .. " -e 'print(alp.version)'")
  lu.assertEquals(code, 0)
  lu.assertEquals(out, alp.version .. "\n")
end

function TestCli:test_e_runs_in_order()
  local out, code = h.run(exe .. " -e 'x = 6' -e 'print(x * 7)'")
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "42\n")
end

function TestCli:test_script_gets_arguments()
  local d = h.tmpdir()
  local f = io.open(d .. "/args.lua", "w")
  f:write("print(#arg, arg[0]:match('args.lua$') ~= nil, arg[1], arg[2], select('#', ...))\n")
  f:close()
  local out, code = h.run(exe .. " " .. q(d .. "/args.lua") .. " one 'two words'")
  h.rmtree(d)
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "2\ttrue\tone\ttwo words\t2\n")
end

function TestCli:test_failing_script_exits_1_with_traceback()
  local d = h.tmpdir()
  local f = io.open(d .. "/fail.lua", "w")
  f:write("local function inner() error('boom 2.385') end\ninner()\n")
  f:close()
  local out, code = h.run(exe .. " " .. q(d .. "/fail.lua"))
  h.rmtree(d)
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "boom 2.385")
  lu.assertStrContains(out, "stack traceback")
  lu.assertStrContains(out, "inner")
end

function TestCli:test_failing_e_exits_1()
  local out, code = h.run(exe .. " -e 'error(\"bad thing\")'")
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "bad thing")
end

function TestCli:test_syntax_error_exits_1()
  local out, code = h.run(exe .. " -e 'x = = 1'")
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "unexpected symbol")
end

function TestCli:test_missing_script_exits_1()
  local out, code = h.run(exe .. " /nonexistent/nothing.lua")
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "cannot open")
end

function TestCli:test_unknown_option_exits_2()
  local out, code = h.run(exe .. " --frobnicate")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "unrecognized option '--frobnicate'")
end

function TestCli:test_e_without_argument_exits_2()
  local _, code = h.run(exe .. " -e")
  lu.assertEquals(code, 2)
end

function TestCli:test_help_documents_the_command_line()
  local out, code = h.run(exe .. " --help")
  lu.assertEquals(code, 0)
  for _, word in ipairs { "-e CODE", "-i", "suite", "--out DIR", "--only", "--list",
                          "ALPCAST_PATH", "GeV" } do
    lu.assertStrContains(out, word)
  end
end

function TestCli:test_stdin_script_when_not_a_terminal()
  local out, code = h.run("echo 'print(1 + 2.5)' | " .. exe)
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "3.5\n")
  out, code = h.run("echo 'print(\"dash\")' | " .. exe .. " -")
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "dash\n")
end

function TestCli:test_os_exit_code_passes_through()
  local _, code = h.run(exe .. " -e 'os.exit(7)'")
  lu.assertEquals(code, 7)
end

function TestCli:test_help_subcommand()
  local out, code = h.run(exe .. " help fs.mkdir")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "alp.fs.mkdir(path)")
  out, code = h.run(exe .. " help no_such_topic")
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "no help for 'no_such_topic'")
end

function TestCli:test_alpcast_path_must_hold_scripts()
  local out, code = h.run("ALPCAST_PATH=/nonexistent " .. exe .. " -e 'print(alp.root)'")
  -- an unusable ALPCAST_PATH is skipped: the checkout's scripts are found
  lu.assertEquals(code, 0)
  lu.assertNotStrContains(out, "/nonexistent")
end

function TestCli:test_luaunit_is_found()
  local out, code = h.run(exe .. " -e 'print(type(require(\"luaunit\").assertEquals))'")
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "function\n")
end
