-- tests/bench/bench_plane.lua: timing of a coupling plane (`make bench`;
-- prints figures, asserts nothing).  Target (issue 13): a 200 x 200 plane
-- (c_ff, c_WW) at one mass through every applicable recast < 5 s, each
-- recast as `alpcast suite --plane cff,cWW --ma 0.3` runs it (data read,
-- its prepare step -- Monte Carlo included -- for this mass, then the plane).
local fmt, clock = string.format, os.clock
local plane = require "alpcast.plane"
local suite = require "alpcast.suite"

local TARGET, MA = 5.0, 0.3
local spec = { x = { name = "cff", n = 200 }, y = { name = "cWW", n = 200 } }
local total, n, nev = 0, 0, 0
for _, e in ipairs(suite.discover({ (alp.root or ".") .. "/recasts" }, function() end)) do
  local t0 = clock()
  local d = alp.recast.load(e.path)
  local vname
  for _, v in ipairs(d.variant_names) do if d.variant_settings[v].default then vname = v end end
  if #d.variant_names > 0 and not vname then vname = d.variant_names[1] end
  if alp.recast.applies(d, "cff", vname) and alp.recast.applies(d, "cWW", vname) then
    local p = plane.recast(d, vname, { ma = MA, x = spec.x, y = spec.y })
    local dt = clock() - t0
    total, n, nev = total + dt, n + 1, nev + p.nevals
    print(fmt("bench_plane: %-24s %4d x %3d  %7.3f s  %7d evals  %5.2f us/eval", e.name, #p.x, spec.y.n,
              dt, p.nevals, dt / p.nevals * 1e6))
  else
    print(fmt("bench_plane: %-24s not applicable to the cff-cWW plane", e.name))
  end
end
print(fmt("bench_plane: 200 x 200 plane at m_a = %.3g GeV through %d recasts: %.2f s CPU, %d evals "
          .. "(target < %.0f s: %s)", MA, n, total, nev, TARGET, total < TARGET and "met" or "NOT met"))
