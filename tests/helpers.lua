-- tests/helpers.lua: shared test helpers.
local lu = require "luaunit"
local M = {}

-- |got - want| <= rtol * |want|, with the reason in the failure message.
function M.assert_rel(got, want, rtol, why)
  local ok = type(got) == "number" and got == got and math.abs(got - want) <= rtol * math.abs(want)
  if not ok then
    lu.fail(string.format("%s: got %.10g, want %.10g (rtol %.3g)", why or "value", got, want, rtol))
  end
end

-- Root of f(x) = 0 between a > 0 and b > a (f(a), f(b) of opposite signs)
-- by bisection in ln x, to a relative width of 1e-12: the tests' own hand
-- computation of coupling edges, independent of alp.roots and alp.scan.
function M.bisect_log(f, a, b)
  local fa = f(a)
  for _ = 1, 200 do
    local c = math.sqrt(a * b)
    local fc = f(c)
    if (fc > 0) == (fa > 0) then a, fa = c, fc else b = c end
    if b / a < 1 + 1e-12 then break end
  end
  return math.sqrt(a * b)
end

-- The alpcast executable under test (build/ or build-san/).
function M.exe()
  return (os.getenv("ALPCAST_BUILD") or "build") .. "/alpcast"
end

-- Run a shell command; returns its stdout+stderr, and its exit code.
function M.run(cmd)
  local p = io.popen(cmd .. " 2>&1")
  local out = p:read("a")
  local _, _, code = p:close()
  return out, code
end

-- A fresh temporary folder (removed by M.rmtree).
function M.tmpdir()
  local p = io.popen("mktemp -d")
  local d = p:read("l")
  p:close()
  return d
end

function M.rmtree(d)
  if d and d:match("^/tmp/") then os.execute("rm -rf '" .. d .. "'") end
end

-- A bundled recast by file (relative to recasts/), loaded once per test
-- process: some limits build their tables on first use.
local recasts = {}
function M.recast(rel)
  recasts[rel] = recasts[rel] or alp.recast.load(alp.root .. "/recasts/" .. rel)
  return recasts[rel]
end

-- Quote a string for the shell.
function M.q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- The bytes of file p, or nil when it cannot be read.
function M.slurp(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- The files under folder d, relative to it, sorted.
function M.files_under(d)
  local p = io.popen("cd " .. M.q(d) .. " && find . -type f | sort")
  local t = {}
  for l in p:lines() do t[#t + 1] = l:sub(3) end
  p:close()
  return t
end

return M
