-- help/limit.lua: help entries of alp.limit.
return {
["alp.limit"] = [==[
alp.limit: a published limit as an object -- what it bounds, at which CL,
from which paper, over which mass and lifetime ranges, and what it does
outside them.  The numbers live in C (physics/limit.c); lookups cost one
binary search per axis.
  alp.limit.csv(path, spec)        -> limit from one of our CSV files
  alp.limit.new(spec)              -> limit from Lua tables
  alp.limit.hepdata(dir, spec)     -> limit from a HEPData record's table
  alp.limit.strongest{l1, l2, ...} -> the smallest of several limits
  alp.limit.piecewise{{l1, mass = {lo, hi}}, ...} -> one limit per mass range
  alp.limit.band{lower = l1, upper = l2} -> a two-sided band (result = "preferred")
  lim:at(ma, ctau)  the limit at mass ma [GeV] and c tau [m]; math.huge = no
                    limit there
  lim:info()        {name, bounds, cl, source, kind, files, mass, ctau}
  print(lim)        a card: what it bounds, CL, ranges, source
Units: every column's unit is declared in the file's "# units:" header
("ma_GeV: ALP mass [GeV]; ctau: [cm]; br_ul: [dimensionless]") and converted
on load: masses GeV/MeV/keV; lifetimes as tau (s, ns, ps, fs; c tau = c tau)
or c tau (m, cm, mm, um).  A column without a known unit is an error naming
the file and the column.  The CL is the header's "# cl:" line; a recast's
cl = must agree with it or loading fails naming both values.
Outside the table, per axis and side (spec.outside), one of:
  "none"        no limit (math.huge)                          (default)
  "hold"        the edge value: UL(x) = UL(x_edge)
  {"acceptance", ref = {tau_ref, "ps"}}  (long or short lifetime side)
                UL(tau) = UL(tau0) f(tau0) / f(tau), f(tau) = 1 - exp(-tau_ref/tau):
                the long-lifetime rule of LHCb (arXiv:1508.04094, tau_ref = 1000 ps)
  "inverse"     (long side) linear in 1/tau between the last finite curve and
                the curve at lifetime = inf: NA62's rule (arXiv:2103.15389)
Example:
  lim = alp.limit.csv("data/lhcb_kstar.csv", {value = "br_ul", mass = "ma_GeV",
          lifetime = "tau_ps", interpolate = {mass = "linear", lifetime = "log"},
          outside = {long = {"acceptance", ref = {1000, "ps"}}}, cl = 0.95})
  print(lim:at(1.0, 0.01))]==],
["alp.limit.csv"] = [==[
alp.limit.csv(path, spec) -> limit
path: one of our CSV files (relative paths are resolved in the recast's
folder when called from a recast).  Rows are read on first use.
spec keys:
  value      the column of the limit (required)
  mass       the mass column; lifetime the tau or c tau column (optional)
  bins       {mass = {lo, hi}, lifetime = {lo, hi}}: a binned limit (each
             row one rectangle; a point in no bin has no limit; overlapping
             bins are an error) instead of mass/lifetime
  bounds     "branching ratio" (default), "events", or "measurement": a
             measured value with error_up = the column of its +1 sigma edge;
             the upper limit is then central + z sigma, z = the one-sided
             Gaussian quantile at the CL (1.2816 at 90 %, paper eq. 3.6)
  cl         the CL; must equal the header's "cl:" (error names both)
  curves     "lifetime" (default: curves at fixed lifetimes, each over its own
             mass range -- tables need not be rectangular) or "mass"
  interpolate {mass = "linear"|"log", lifetime = "log"|"linear",
             value = "log"|"linear", method = "linear"|"steffen"|"nearest"}
             between knots along a curve and between neighbouring curves
             (only where both curves have a value)
  outside    {mass = rule or {low =, high =}, short = rule, long = rule}
             (rules: help("alp.limit"))
  same_decay_length  (curves = "mass") interpolate between masses at fixed
             tau m_k / m, as for a fixed lab decay length (CHARM)
  select     {column = value or function(x) -> bool}: use only the matching
             rows (e.g. {tau_hi_ps = function(t) return t <= 1000 end})
  undershoot f (> 1; curves): a value more than f times below both finite
             neighbours along its curve is a source artefact (a spline
             undershoot): no limit there; lim:info().dropped lists those rows
  mass_range {lo, hi} [GeV] instead of mass: a table without a mass column
             whose one row (after select) holds at every mass in [lo, hi]
             (e.g. a total branching-ratio limit); none outside
  zero       true: values of 0 are allowed (the lower edge of a band that
             reaches 0, alp.limit.band); needs interpolate = {value = "linear"}
  source, name  override the header's source and the card's name
Errors name the file, line and column: no "# units:" line, an unknown unit,
a non-numeric cell, a limit <= 0, a duplicate row, no data rows.]==],
["alp.limit.hepdata"] = [==[
alp.limit.hepdata(dir, spec) -> limit
dir: a HEPData record folder (submission.yaml + one YAML file per table, as
hepdata.net downloads and hepdata_lib write them; read with lua-yaml and
checked against HEPData's submission format).  Inside a recast, dir is a
folder inside the recast's folder.
spec keys:
  table       the table's name in submission.yaml (required)
  dependent   which dependent variable is the limit (1-based index or header
              name; required when the table has several, e.g. Expected and
              Observed)
  and those of alp.limit.csv except value, mass, lifetime, bins, select.
Roles come from the header units: the independent variable in GeV (or MeV,
keV, GeV/c^2) is the mass, the one in s/ns/ps/fs or m/cm/mm/um the lifetime
(tau or c tau); the dependent variable's units (none = dimensionless) say
what it bounds.  The CL is the dependent variable's CL qualifier ("95%",
0.95); a table without one is an error unless spec.cl is given.  A missing
unit on an independent variable is an error naming it.  '-' values are no
limit there.  lim.source carries the record and table DOIs.
  alpcast import hepdata DIR --table NAME   writes the table as our CSV
Example:
  lim = alp.limit.hepdata("hepdata", {table = "Observed limit", dependent = 1,
          interpolate = {mass = "linear", lifetime = "log"}})]==],
["alp.limit.new"] = [==[
alp.limit.new{columns = {name = {...}}, units = {name = "unit"}, cl =, source =,
              value =, mass =, lifetime =, ...} -> limit
As alp.limit.csv, from Lua arrays (all columns the same length); the CL must
be given.  Example:
  lim = alp.limit.new{columns = {m = {0.1, 1}, ul = {1e-6, 2e-6}},
                      units = {m = "GeV", ul = "dimensionless"},
                      value = "ul", mass = "m", cl = 0.9, source = "toy"}]==],
["alp.limit.strongest"] = [==[
alp.limit.strongest{l1, l2, ...} -> limit whose :at is the smallest of the
members' at each point.  All members must bound the same quantity at one CL.]==],
["alp.limit.piecewise"] = [==[
alp.limit.piecewise{{l1, mass = {lo, hi}}, {l2, mass = {lo2, hi2}}, ...} -> limit
At ma, the first piece whose [lo, hi] holds ma gives the limit; no limit
(math.huge) elsewhere.  All pieces at one CL.]==],
["alp.limit.band"] = [==[
alp.limit.band{lower = l1, upper = l2 [, name =]} -> band
A measured interval of the bounded quantity at each mass (and c tau), e.g. a
fit's band: band:band(ma, ctau) -> lo, hi (math.huge, math.huge where either
edge has none); band:at(ma, ctau) -> hi.  Both edges at one CL.  A recast
with result = "preferred" takes a band as its limit: its region is where
lo <= signal <= hi.  A lower edge of 0 (a band consistent with no signal)
needs zero = true and interpolate = {value = "linear"} in its alp.limit.csv.
Example: alp.limit.band{lower = alp.limit.csv("fit.csv", {value = "br_low", mass = "m_GeV",
           zero = true, interpolate = {value = "linear"}}), upper = alp.limit.csv(...)}]==],
["alp.limit.is_limit"] = [==[
alp.limit.is_limit(v) -> true if v is an alp.limit (also strongest/piecewise).]==],
}
