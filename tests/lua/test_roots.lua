-- tests/lua/test_roots.lua: alp.roots.brent (GSL Brent on a Lua function),
-- including a callback that raises inside GSL: run under `make sanitize`,
-- LeakSanitizer checks that the boxed solver is freed (STYLE.md §3.3).
local lu = require "luaunit"
local h = require "helpers"

TestRoots = {}

function TestRoots:test_linear_and_log_roots()
  local r, n = alp.roots.brent(function(x) return x * x - 2.385 end, 0, 3)
  h.assert_rel(r, math.sqrt(2.385), 1e-10, "sqrt(2.385)")
  lu.assertTrue(n > 2 and n < 40, "calls: " .. n)
  -- log mode: a root at 2.385e-5 in [1e-9, 1e3] to rtol 1e-4
  local c = alp.roots.brent(function(x) return (x / 2.385e-5) ^ 2 - 1 end, 1e-9, 1e3,
                            { log = true, rtol = 1e-4 })
  h.assert_rel(c, 2.385e-5, 1e-4, "log root")
  -- a step function: Brent converges onto the discontinuity
  local s = alp.roots.brent(function(x) return x < 0.7385 and -1 or 1 end, 0, 1,
                            { rtol = 1e-9 })
  h.assert_rel(s, 0.7385, 2e-9, "step")
end

function TestRoots:test_known_end_values_save_calls()
  local calls = 0
  local function f(x) calls = calls + 1; return x - 0.3 end
  local _, n = alp.roots.brent(f, 0, 1, { fa = -0.3, fb = 0.7 })
  lu.assertEquals(n, calls)
  calls = 0
  local _, n2 = alp.roots.brent(f, 0, 1)
  lu.assertEquals(n2, n + 2)
  lu.assertEquals(alp.roots.brent(f, 0.3, 1), 0.3, "a root at an end")
end

function TestRoots:test_errors()
  lu.assertErrorMsgContains("alp.roots.brent: f(a) and f(b) must have opposite signs, got f(1) = 1",
                            alp.roots.brent, function(x) return x end, 1, 2)
  lu.assertErrorMsgContains("f returned nan at x = 1", alp.roots.brent,
                            function() return 0 / 0 end, 1, 2)
  lu.assertErrorMsgContains("f returned a nil at x = 1.5", alp.roots.brent,
                            function(x) if x == 1 then return -1 elseif x == 2 then return 1 end end, 1, 2)
  lu.assertErrorMsgContains("unknown option 'tol'", alp.roots.brent,
                            function(x) return x end, -1, 1, { tol = 1 })
  lu.assertErrorMsgContains("with log = true, a must be > 0", alp.roots.brent,
                            function(x) return x end, -1, 1, { log = true })
  lu.assertErrorMsgContains("exceeded max number of iterations", alp.roots.brent,
                            function(x) return x - 0.2385 end, 0, 1, { max_iter = 1, rtol = 1e-12 })
end

function TestRoots:test_raising_callback_inside_gsl_leaks_nothing()
  -- the error longjmps through gsl_root_fsolver_iterate; the solver belongs
  -- to a userdata box, so the GC frees it (LSan in `make sanitize`)
  for i = 1, 50 do
    local k = 0
    local ok, err = pcall(alp.roots.brent, function(x)
      k = k + 1
      if k > 3 then error("boom " .. i, 0) end
      return x ^ 3 - 0.2385
    end, 0, 1, { rtol = 1e-12 })
    lu.assertFalse(ok)
    lu.assertEquals(err, "boom " .. i)
  end
  collectgarbage()
  -- still usable afterwards
  h.assert_rel(alp.roots.brent(function(x) return x - 0.5 end, 0, 1), 0.5, 1e-10, "after errors")
end
