-- tests/lua/test_install.lua: licence and install (issue 16 item 6).
-- `make install PREFIX=tmp` installs the binary (which finds its Lua
-- library from the prefix), libalpcast.a, its headers and alpcast.pc: a
-- 10-line C program built with `pkg-config --cflags --libs alpcast` computes
-- the c tau the library gives here; `make uninstall` removes every file.
-- The man page names every subcommand, the completions complete them,
-- CITATION.cff carries the version of host/version.h.
local lu = require "luaunit"
local h = require "helpers"

TestInstall = {}

local PROG = [[
#include <stdio.h>
#include "model.h"
#include "widths.h"
int main(void) {
  alp_model_params p; alp_model m; double ct;
  if (alp_model_benchmark("cff", 1.0, 1000.0, &p) || alp_model_init(&m, &p)) return 1;
  if (alp_ctau(&m, 0.3, &ct)) return 2;
  printf("%.17g\n", ct); return 0;
}
]]

local function files_in(dir)
  local p = io.popen("find " .. h.q(dir) .. " -type f | sort")
  local t = {}
  for l in p:lines() do t[#t + 1] = l:sub(#dir + 2) end
  p:close()
  return t
end

function TestInstall:test_make_install_pkg_config_links_and_uninstall_removes()
  local tmp = h.tmpdir()
  local prefix = tmp .. "/prefix"
  local build = os.getenv("ALPCAST_BUILD") or "build"
  local out, code = h.run("make -s install BUILD=" .. h.q(build) .. " PREFIX=" .. h.q(prefix))
  lu.assertEquals(code, 0, out)
  local files = {}
  for _, f in ipairs(files_in(prefix)) do files[f] = true end
  for _, f in ipairs { "bin/alpcast", "lib/libalpcast.a", "lib/pkgconfig/alpcast.pc",
                       "include/alpcast/model.h", "include/alpcast/widths.h",
                       "share/alpcast/scripts/alpcast/init.lua", "share/alpcast/scripts/alpcast/refs.bib",
                       "share/alpcast/recasts/babar_kgg.lua", "share/man/man1/alpcast.1",
                       "share/bash-completion/completions/alpcast", "share/zsh/site-functions/_alpcast",
                       "share/doc/alpcast/LICENSE", "share/doc/alpcast/CITATION.cff" } do
    lu.assertTrue(files[f], "not installed: " .. f)
  end
  -- the C program against the installed library, via pkg-config only
  local src = tmp .. "/ctau.c"
  local f = assert(io.open(src, "w")); f:write(PROG); f:close()
  local env = "PKG_CONFIG_PATH=" .. h.q(prefix .. "/lib/pkgconfig") .. " "
  local flags, c1 = h.run(env .. "pkg-config --cflags --libs alpcast")
  lu.assertEquals(c1, 0, flags)
  lu.assertStrContains(flags, "-I" .. prefix .. "/include/alpcast")
  -- under `make sanitize` the library holds ASan/UBSan calls: link their runtimes
  local san = os.getenv("ASAN_OPTIONS") and " -fsanitize=address,undefined" or ""
  out, code = h.run("cc -std=c11" .. san .. " -o " .. h.q(tmp .. "/ctau") .. " " .. h.q(src) .. " "
                    .. flags:gsub("\n", " "))
  lu.assertEquals(code, 0, out)
  out, code = h.run(h.q(tmp .. "/ctau"))
  lu.assertEquals(code, 0, out)
  -- the library's own value (README: 1.69947e-06 m for c_ff = 1 at 0.3 GeV)
  local want = alp.model.benchmark("cff", 1):ctau(0.3)
  h.assert_rel(tonumber(out), want, 1e-12, "c tau from the installed library")
  h.assert_rel(tonumber(out), 1.69947e-06, 1e-5, "README value")
  -- the installed binary finds its scripts under the prefix
  out, code = h.run(h.q(prefix .. "/bin/alpcast") .. " -E -e 'print(alp.root)'")
  lu.assertEquals(code, 0, out)
  lu.assertEquals(out, prefix .. "/share/alpcast\n")
  out, code = h.run("make -s uninstall BUILD=" .. h.q(build) .. " PREFIX=" .. h.q(prefix))
  lu.assertEquals(code, 0, out)
  lu.assertEquals(files_in(prefix), {}, "files left by make uninstall")
  h.rmtree(tmp)
end

function TestInstall:test_man_page_names_every_subcommand_and_version()
  local f = assert(io.open("docs/alpcast.1")); local man = f:read("a"); f:close()
  local usage = h.run(h.exe() .. " --help")
  for cmd in usage:gmatch("\n       alpcast ([%w%-]+)") do
    lu.assertStrContains(man, ".B alpcast " .. cmd, false, "man page lacks " .. cmd)
  end
  lu.assertStrContains(man, '"alpcast ' .. alp.version .. '"')
end

function TestInstall:test_licence_and_citation_cff()
  local f = assert(io.open("LICENSE")); local lic = f:read("a"); f:close()
  lu.assertStrContains(lic, "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007")
  f = assert(io.open("CITATION.cff")); local cff = f:read("a"); f:close()
  lu.assertStrContains(cff, "\nversion: " .. alp.version .. "\n")
  lu.assertStrContains(cff, "license: GPL-3.0-or-later")
  lu.assertStrContains(cff, 'value: "arXiv:2201.06580"')
end

function TestInstall:test_bash_completion_completes_subcommands_options_and_recasts()
  local function complete(words)
    local w = {}
    for i, x in ipairs(words) do w[i] = h.q(x) end
    local cmd = "PATH=" .. h.q((h.exe():match("^(.*)/[^/]+$") or ".")) .. ":$PATH; "
                .. "source completions/alpcast.bash; COMP_WORDS=(" .. table.concat(w, " ") .. "); "
                .. "COMP_CWORD=" .. (#words - 1) .. "; _alpcast; echo \"${COMPREPLY[*]}\""
    local out = h.run("bash -c " .. h.q(cmd))
    return (out:gsub("\n$", ""))
  end
  lu.assertEquals(complete { "alpcast", "expo" }, "export")
  lu.assertEquals(complete { "alpcast", "suite", "--no" }, "--no-figures")
  lu.assertEquals(complete { "alpcast", "cite", "--model", "c" }, "cff cWW")
  lu.assertEquals(complete { "alpcast", "suite", "--only", "lhcb_kmumu_" }, "lhcb_kmumu_displaced lhcb_kmumu_prompt")
  lu.assertEquals(complete { "alpcast", "import", "h" }, "hepdata")
end
