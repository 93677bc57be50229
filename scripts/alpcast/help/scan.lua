-- help/scan.lua: help entries of alp.scan.
return {
["alp.scan"] = [==[
alp.scan: excluded couplings as a function of the ALP mass.
For each mass the excluded couplings are every interval where a ratio
(signal / allowed) is > 1: the ratio is evaluated on a log grid of c and each
sign change of (ratio - 1) is refined with Brent's method (alp.roots.brent)
to a relative tolerance rtol.  Regions bounded above and below and several
islands at one mass come out as separate intervals.  An island narrower than
one grid step can be missed: raise couplings.n when that matters.
c is the coupling at Lambda over f_a in TeV^-1 (with the default f_a = 1 TeV,
c itself).
  alp.scan.run{...}            a mass x coupling scan -> result table
  alp.scan.intervals(f, opts)  the intervals of one mass, f(c) -> ratio
  alp.scan.rows(result)        {ma, c_low, c_high} rows for alp.output.csv
  alp.scan.grid(spec), alp.scan.logspace(a, b, n), alp.scan.linspace(a, b, n)
  alp.scan.plane{...}          excluded region in a plane of two couplings at one mass]==],
["alp.scan.plane"] = [==[
alp.scan.plane{ma =, x = {name =, min =, max =, n =}, y = {...}, ratio =,
               model =, prepare =, c_max =, rtol =} -> plane
The excluded region in the plane (c_x, c_y) of two couplings at one ALP mass,
both signs of each (scripts/alpcast/plane.lua):
  ma         the mass [GeV]
  x, y       axis name (cff, cWW, cBB, cGG, csb, cds: the alp.model option it
             sets) and a symmetric log grid: n/2 points per sign from min to
             max in |c| [TeV^-1] (defaults: cff 1e-6, gauge 1e-4, csb/cds
             1e-12, to 1e3; n = 200, even); c = 0 is not a grid point
  ratio      function(model, ma, prepared) -> signal / allowed (as alp.scan.run)
  model      function(cx, cy) -> model (default alp.model{[x] = cx, [y] = cy})
  prepare    function(ma) -> prepared, once; c_max a number or a parent name
             (D16(b)): |c| stops there on both axes; rtol (1e-3) as alp.scan.run
Per row c_x the excluded c_y come from alp.scan.run along +c_y and -c_y,
joined through c_y = 0 when both reach +-min.  Result: x (the rows), y =
{min, max, n}, rows[i] = {{lo, hi}, ...} (signed; -inf/inf: excluded to the
end of the grid), nevals, time_s.  alpcast suite --plane X,Y --ma M runs it
for every recast.  The production amplitude is linear in the couplings (seed
eq. 2.4), so a plane of two couplings that both produce the ALP has an allowed
band where it vanishes: c_WW ~ 631 c_ff (eq. 2.7: 625).
Example: p = alp.scan.plane{ma = 0.3, x = {name = "cff"}, y = {name = "cWW"},
  ratio = function(m, ma) return m:br_b_to_ka(ma) / 1e-5 end}]==],
["alp.scan.run"] = [==[
alp.scan.run{masses =, ratio =, family = | fn =, couplings =, c_max =, rtol =,
             prepare =, prepared =, progress =} -> result
  masses     grid: array of increasing masses [GeV] or {min=, max=, n=, log=true}
  family     "cff" | "cWW" (alp.model.benchmark(name, c), f_a = 1 TeV) or any
             function c -> model (must be pure: grid models are built once and
             reused for every mass)
  ratio      function(model, ma, prepared) -> number >= 0; > 1 is excluded
  fn         instead of family + ratio: function(ma, c, prepared) -> ratio
  couplings  {min = 1e-7, max = 1e2, n = 200, log = true}: the log grid of c,
             or an array of increasing couplings; other keys raise
  c_max      the EFT validity bound (REFERENCE.md D16(b)): a number in TeV^-1
             or a parent name for alp.model.max_coupling ("B+", "K+", ...).
             The grid's top is then the bound: points above it are dropped;
             a grid ending below it is continued up to it with its last step
             in ln c (the same density per decade), so that a region excluded
             at couplings.max is followed until it closes or reaches the
             bound.  Nothing above the bound is evaluated or reported.
  rtol       relative tolerance of the interval edges (default 1e-3)
  prepare    function(ma) -> value, called once per mass before its couplings
             (e.g. an acceptance table); the value is passed to ratio / fn
  prepared   array of such values by mass index (instead of prepare)
  progress   function(i, n, ma) called after each mass
Result: {masses = {...}, couplings = {min, max, n} (of the grid used), rtol,
  c_max (the bound used, or nil), c_max_parent (its parent name, or nil),
  intervals = {{ma =, lo =, hi =, open_low =, open_high =}, ...}  (by mass, then c),
  by_mass = {[i] = {{lo, hi, open_low, open_high}, ...}}, nevals, time_s (CPU)}
hi = math.huge (open_high) when the top grid point is excluded: with c_max,
"still excluded at the validity bound"; without, "excluded at the top of the
scan".  Where a region closes below the top, hi is the Brent-refined edge.
lo is the bottom of the grid when the bottom point is excluded (open_low).
Errors: a ratio that is not a number >= 0 ("ratio returned nan at ma = 0.3 GeV,
c = ..."), unknown options (with a suggestion: couplings = {N = 5} gives
"couplings: unknown option 'N' (did you mean 'n'?)"), bad grids, c_max not a
number > 0 or a known parent, or not above couplings.min; errors raised by
ratio propagate.
Example: r = alp.scan.run{fn = function(ma, c) return c / 1e-3 end,
                          masses = {min = 0.01, max = 4, n = 100}, c_max = "B+"}
         print(r.c_max, r.c_max_parent)   --> 189.417...  B+]==],
["alp.scan.intervals"] = [==[
alp.scan.intervals(f [, {min = 1e-7, max = 1e2, n = 200, log = true, rtol = 1e-3}])
  -> {{lo, hi, open_low, open_high}, ...}, calls
The excluded intervals (f(c) > 1) of one mass, as in alp.scan.run.
Example: alp.scan.intervals(function(c) return math.min(c / 1e-4, 1e-1 / c) end)]==],
["alp.scan.rows"] = [==[
alp.scan.rows(result) -> {{ma, c_low, c_high}, ...}
The intervals of a scan as rows for alp.output.csv with columns
{"ma_GeV", "c_low", "c_high"} (c_high = math.huge is written as inf).
Example: alp.output.csv("x.csv", {columns = {"ma_GeV", "c_low", "c_high"},
                                  rows = alp.scan.rows(r)})]==],
["alp.scan.grid"] = [==[
alp.scan.grid(spec) -> array
spec: an array of strictly increasing positive numbers (copied), or
{min =, max =, n =, log = true} (log- or linearly spaced, ends exact).
Example: alp.scan.grid{min = 1e-3, max = 4.78, n = 200}]==],
["alp.scan.logspace"] = [==[
alp.scan.logspace(a, b, n) -> n numbers from a to b, equally spaced in ln x
(a, b > 0; the ends are exact).
Example: alp.scan.logspace(1e-3, 1, 4)  --> {0.001, 0.01, 0.1, 1}]==],
["alp.scan.linspace"] = [==[
alp.scan.linspace(a, b, n) -> n numbers from a to b, equally spaced (ends
exact; no overflow even when b - a exceeds the largest double).
Example: alp.scan.linspace(0, 1, 5)  --> {0, 0.25, 0.5, 0.75, 1}]==],
}
