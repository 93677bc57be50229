-- help/alp.lua: top-level help entries.
return {
["alp"] = [[
alpcast: ALPs from B -> K a and K -> pi a, displaced or invisible.
Units: masses in GeV, lengths and c*tau in metres, couplings c(Lambda) with
f_a in GeV (default f_a = 1000 GeV, Lambda = 4 pi f_a).

Topics (help("alp.<topic>") or help(alp.<topic>.<function>)):
  alp.model     couplings, running, decay widths, lifetime, production
  alp.sample    Monte Carlo event samples (B -> K a at Belle II, BaBar, ...)
  alp.detector  detector volumes and decay probabilities
  alp.experiment  the experiments: names, beams, volumes, event generators
  alp.acceptance  per-mass tables of decay probabilities vs c*tau
  alp.analysis  the Belle II signal-side selection of paper Sec. 4.2
  alp.stats     Poisson / CLs / Gaussian upper limits
  alp.scan      exclusion scans in (m_a, coupling); alp.contour: polygons
  alp.data      CSV tables with commented headers; interpolation
  alp.output    CSV / JSON writers;   alp.plot: gnuplot figures
  alp.recast    the recast contract;  "recast" for how to write one
  alp.fs        listing and making folders
  alp.inspect   the REPL's pretty-printer

Starters:
  m = alp.model.benchmark("cff", 1)        -- c_ff(Lambda) = 1, f_a = 1 TeV
  m:ctau(0.3), m:br_b_to_ka(0.3)           -- c*tau [m], BR(B+ -> K+ a)
  s = alp.sample.b_to_ka{ma = 0.3, n = 1e4, seed = 1}
  -- run the bundled recasts from the shell:  alpcast suite --list
]],
["alp.version"] = [[
alp.version  (string)  the alpcast version, e.g. "0.1.0".
alp.lua_version and alp.gsl_version give the Lua and GSL versions in use.]],
["alp.help"] = [[
help([x])  (also alp.help)
Prints documentation: help() the overview; help(alp.model.benchmark) by
function value; help(m) for an object (by its type); help("alp.sample") or
help("sample.b_to_ka") by name.  From the shell: alpcast help [TOPIC].]],
["alp.inspect"] = [[
alp.inspect(v) -> string
The REPL's pretty-printer: tables one level deep with sorted keys, numbers
with %.6g, objects through their __tostring.
Example: print(alp.inspect{ma = 0.3, n = 10})  --> {ma = 0.3, n = 10}]],
}
