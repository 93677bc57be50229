-- tests/lua/test_omp_wait.lua: alpcast runs its OpenMP threads with the
-- passive wait policy (host/omp_wait.c) unless the user chose one, and
-- the re-executed program keeps its arguments and results.
local lu = require "luaunit"
local h = require "helpers"

TestOmpWait = {}

local function policy(env)
  return h.run(env .. " " .. h.exe() .. [[ -e 'print(os.getenv("OMP_WAIT_POLICY"))']])
end

function TestOmpWait:test_default_is_passive()
  local out, code = policy("env -u OMP_WAIT_POLICY")
  lu.assertEquals(code, 0)
  lu.assertEquals(out, "PASSIVE\n")
  -- an empty value counts as unset (libgomp itself warns about it first)
  out = policy("OMP_WAIT_POLICY=")
  lu.assertStrMatches(out, ".*PASSIVE\n$")
end

function TestOmpWait:test_the_users_policy_is_kept()
  lu.assertEquals(policy("OMP_WAIT_POLICY=ACTIVE"), "ACTIVE\n")
end

function TestOmpWait:test_arguments_survive_the_re_exec()
  local out = h.run("env -u OMP_WAIT_POLICY " .. h.exe()
                    .. [[ -e 'print(alp.sample.b_to_ka{ma = 1, n = 300, seed = 2, threads = 2}:get("betagamma")[300])']])
  local want = h.run("OMP_WAIT_POLICY=ACTIVE " .. h.exe()
                     .. [[ -e 'print(alp.sample.b_to_ka{ma = 1, n = 300, seed = 2, threads = 1}:get("betagamma")[300])']])
  lu.assertEquals(out, want, "same event, either policy and thread count")
  lu.assertStrMatches(out, "^%d+%.%d+\n$")
end
