-- help/detector.lua: help entries of alp.detector (host/l_detector.c;
-- physics in physics/detector.c, acceptance.c).
return {
["alp.detector"] = [[
alp.detector: detector volumes and the probability that ALPs decay in them.
Built in (the volume names are fixed):
  alp.detector.belle2()  volumes "veto" (invisible search, D9), "displaced"
                         (displaced vertices, D10), "cdc", "ecl", "veto_ecl",
                         "veto_gap" (REFERENCE §5.2 variants a, b)
  alp.detector.babar()   volumes "emc_veto" (invisible search, D13 revised),
                         "dch", "veto" = "sphere" (r = 0.50 m, first D13)
  (one constructor per experiment of alp.experiment.list())
Build your own (metres, degrees) and combine them:
  alp.detector.cylinder{...}, .sphere{...}, .box{...}, .polar{...},
  .union(a, b, ...), .intersection(a, b, ...), .difference(a, b)
  (also a + b, a * b, a - b), alp.detector.new(name, {vname = vol, ...}).
Decay probabilities: vol:decay_prob(sample, ctau, "inside"|"outside").
Example: veto = alp.detector.belle2():volume("veto")
         P, err = veto:decay_prob(s, {0.01, 0.1, 1}, "outside")]],

["alp.detector.volume"] = [[
alp.detector.volume: a region of space (userdata, immutable).
Made by alp.detector.cylinder/sphere/box/polar, combined with union,
intersection, difference (or +, *, -), taken from a detector with
det:volume(name).  Methods: v:decay_prob, v:paths, v:contains, v:intervals.
tostring(v) shows its construction, e.g. intersection(cylinder{...}, polar{...}).
Example: v = alp.detector.belle2():volume("veto"); print(v)]],

["alp.detector.paths"] = [[
alp.detector.paths: the path table of (sample, volume, side) made by
v:paths(sample, which); pt:decay_prob(ctau) reuses it.  #pt = events.
Example: pt = v:paths(s, "outside"); P, err = pt:decay_prob(1.0)]],

["alp.detector.belle2"] = [[
alp.detector.belle2() -> alp.detector
Belle II (REFERENCE §5.2; basf2 numbers in data/belle2_geometry), volumes:
  "veto"       ALPs with 17 < theta < 150 deg are visible if they decay inside
               the envelope of the outer ECL surfaces: rho < 1.62 m,
               -1.314 < z < 2.27 m; outside 17-150 deg never (D9).
               <P_a> of the invisible search = veto:decay_prob(s, ct, "outside")
  "displaced"  0.009 < rho < 0.60 m and 17 < theta < 150 deg, no z cut (D10)
  "cdc"        0.16 < rho < 1.13 m, -1.00 < z < 1.655 m (CDC gas, no cones)
  "ecl"        barrel 1.25 < rho < 1.62 m at 32.2-128.7 deg; endcaps
               1.96 < z < 2.27 m at 12.4-31.4 deg, -1.314 < z < -1.02 m at
               130.7-155.1 deg
  "veto_ecl"   the veto with the ECL coverage 12.4-155.1 deg (variant a)
  "veto_gap"   17-150 deg and (CDC envelope rho < 1.13 m or ECL): decays in
               the CDC-ECL gap are invisible (variant b)
Polar windows are cones with the apex at the IP.
Example: d = alp.detector.belle2(); print(d:volumes()[1])  --> veto]],

["alp.detector.babar"] = [[
alp.detector.babar() -> alp.detector
BaBar (REFERENCE D13 revised; numbers and their grades in
data/detector_geometry/babar_geometry.csv: B = read in a BaBar proceeding,
web page or the Physics Book, C = recalled, NOT verified), volumes:
  "emc_veto"  ALPs with 15.8 < theta < 141.8 deg (EMC lab polar coverage,
              grade C) are visible if they decay inside the EMC inner
              surface rho < 0.92 m (grade C); no z plane (the endcap
              position was not found; without it the volume is if anything
              too large: a conservative <P_a>); outside 15.8-141.8 deg never.
              <P_a> of the invisible search = decay_prob(s, ct, "outside")
  "dch"       inside tracking: rho < 0.809 m, -1.015 < z < 1.749 m (DCH,
              grade B) within its polar corners 24.8-141.4 deg
  "veto"      a sphere of radius 0.50 m about the IP (the first version of
              D13, ALPaca's choice); the same volume is also "sphere"
Use with alp.sample.b_to_ka{experiment = "babar", ...}.
Example: P = alp.detector.babar():volume("emc_veto"):decay_prob(s, 0.1, "outside")]],

["alp.detector.besiii"] = [[
alp.detector.besiii() -> alp.detector
BESIII: no detector dimension could be read (besiii_geometry.csv: GAPs;
the recalled radii are grade C), so one volume, D18's long-lifetime rule:
  "long_lifetime"  sphere r < 100 m: an ALP decaying outside it has surely
                   left BESIII (a lower bound on the escape probability)
Use with alp.sample.v_to_gamma_a{parent = "J/psi", ...}.
Example: d = alp.detector.besiii(); print(d:volumes()[1])  --> long_lifetime]],

["alp.detector.babar_y3s"] = [[
alp.detector.babar_y3s() -> alp.detector
BaBar at its Y(3S) run: the volumes of alp.detector.babar() ("emc_veto",
"dch", "veto", "sphere"; grades B/C, babar_geometry.csv) under this name.
Use with alp.sample.v_to_gamma_a{parent = "Upsilon(3S)", ...}.
Example: v = alp.detector.babar_y3s():volume("emc_veto")]],

["alp.detector.belle"] = [[
alp.detector.belle() -> alp.detector
Belle (KEKB), Belle NIM A479 117 Table 1 (belle_geometry.csv, grade A):
  "ecl"            the ECL envelope: rho < 1.62 m, -1.02 < z < 1.96 m
                   (barrel outer radius, endcap positions; the endcap
                   crystal depth was not read)
  "long_lifetime"  sphere r < 100 m (D18)
Use with alp.sample.v_to_gamma_a{parent = "Upsilon(1S)", ...}.
Example: P = alp.detector.belle():volume("ecl"):decay_prob(s, 0.1, "outside")]],

["alp.detector.new"] = [[
alp.detector.new(name, {vname = volume, ...}) -> alp.detector
A detector made of named volumes (copied; listed in name order).
Errors: no volumes, a non-string key, a value that is not an alp.detector.volume.
Example: d = alp.detector.new("toy", {fv = alp.detector.sphere{rmax = 1}})]],

["alp.detector.cylinder"] = [[
alp.detector.cylinder{rmin=0, rmax=, zmin=-inf, zmax=inf, axis="z",
                      center={0, 0}} -> alp.detector.volume
Cylindrical shell rmin <= rho <= rmax, zmin <= z <= zmax (metres; math.huge
allowed for rmax, zmin, zmax) about an axis parallel to "x", "y" or "z"
through `center` (the two transverse coordinates: (x, y) for z, (y, z) for x,
(z, x) for y).  A decay pipe at a distance along the beam: zmin = 10, zmax = 60.
Errors: "alp.detector.cylinder: rmax must be > rmin (empty or inverted
volume), got rmin = 0.5, rmax = 0.2 m"; the same for zmax <= zmin; rmin < 0.
Example: cdc = alp.detector.cylinder{rmin = 0.16, rmax = 1.13, zmin = -1, zmax = 1.655}]],

["alp.detector.sphere"] = [[
alp.detector.sphere{rmin=0, rmax=, center={0, 0, 0}} -> alp.detector.volume
Spherical shell rmin <= |x - center| <= rmax (metres).
Errors: rmax <= rmin, rmin < 0 (names the option).
Example: alp.detector.sphere{rmax = 0.5}]],

["alp.detector.box"] = [[
alp.detector.box{xmin=, xmax=, ymin=, ymax=, zmin=, zmax=} -> alp.detector.volume
Axis-aligned box (metres; missing sides are +-infinite), e.g. a fixed-target
decay volume 10-60 m downstream: box{xmin=-1, xmax=1, ymin=-1, ymax=1,
zmin=10, zmax=60}.
Errors: "alp.detector.box: zmax must be > zmin (empty or inverted volume) ...".
Example: alp.detector.box{xmin = -1, xmax = 1, ymin = -1, ymax = 1, zmin = 10, zmax = 60}]],

["alp.detector.polar"] = [[
alp.detector.polar{theta_min=0, theta_max=180} -> alp.detector.volume
Polar-angle window: the points whose polar angle seen from the origin is in
[theta_min, theta_max] degrees (a cone region, apex at the IP).  For ALPs
made at the IP this is a cut on the ALP direction.
Errors: angles outside [0, 180]; theta_max <= theta_min.
Example: acc = alp.detector.polar{theta_min = 17, theta_max = 150}]],

["alp.detector.union"] = [[
alp.detector.union(a, b, ...) -> alp.detector.volume      (also a + b)
Points in any of the volumes.
Example: ecl = alp.detector.union(barrel, fwd, bwd)]],

["alp.detector.intersection"] = [[
alp.detector.intersection(a, b, ...) -> alp.detector.volume      (also a * b)
Points in all of the volumes.
Example: veto = alp.detector.cylinder{rmax = 1.62} * alp.detector.polar{theta_min = 17, theta_max = 150}]],

["alp.detector.difference"] = [[
alp.detector.difference(a, b) -> alp.detector.volume      (also a - b)
Points of a that are not in b.
Example: shell = alp.detector.sphere{rmax = 2} - alp.detector.sphere{rmax = 1}]],

["alp.detector:volume"] = [[
det:volume(name) -> alp.detector.volume
A copy of the named volume.  Errors: "alp.detector:volume: belle2 has no
volume 'vto' (it has: veto, displaced, ...)".
Example: fv = alp.detector.belle2():volume("displaced")]],

["alp.detector:volumes"] = [[
det:volumes() -> array of names (in the order defined)
Example: print(table.concat(alp.detector.belle2():volumes(), ", "))]],

["alp.detector:name"] = [[
det:name() -> string
Example: print(alp.detector.babar():name())  --> babar]],

["alp.detector:decay_prob"] = [[
det:decay_prob(sample, ctau, which [, {threads=}]) -> P, err
For a detector with a single volume (babar): that volume's decay_prob (see
alp.detector.volume:decay_prob).  With several volumes it raises an error asking you to
choose one with det:volume(name).
Example: P, err = alp.detector.babar():decay_prob(s, {0.01, 0.1}, "outside")]],

["alp.detector.volume:decay_prob"] = [[
vol:decay_prob(sample, ctau, which [, {threads=}]) -> P, err
Mean probability that the sample's ALPs decay "inside" the volume or
"outside" it, for each proper decay length ctau (metres; a number or an
array, math.huge = stable), and the statistical error of each mean
(sqrt(variance/n)).  Per event: P = sum over the ray's intervals [a, b] of
exp(-a/d) - exp(-b/d), d = (beta gamma) ctau (paper eqs. 3.1-3.2); "outside"
is the same over the complement, computed directly, so tiny probabilities
keep full relative precision.  Limits: ctau = 0 -> decay at the production
point; ctau = math.huge -> no decay.  Path lengths are computed once per call
for all ctau (use vol:paths to keep them across calls).  Returns numbers for a
number, arrays for an array.  Bit-identical for any thread count.
Errors: "ctau[2] must be a number >= 0 (m; math.huge = stable), got -1";
'which must be "inside" or "outside"'; a closed sample.
Example: P, err = veto:decay_prob(s, {1e-3, 1e-2, 0.1, 1}, "outside")]],

["alp.detector.volume:paths"] = [[
vol:paths(sample, which [, {threads=}]) -> alp.detector.paths
The path table of the sample in this volume on one side ("inside" or
"outside"): the interval ends of every event divided by its beta gamma, kept
for repeated pt:decay_prob(ctau) calls.  It copies what it needs (the sample
may be closed afterwards).  `local pt <close> = ...` frees it on leaving the
block rather than at the next garbage collection; using it afterwards raises
"attempt to use an empty alp.detector.paths".
Example: pt = veto:paths(s, "outside"); P = pt:decay_prob(ctaus)]],

["alp.detector.volume:contains"] = [[
vol:contains({x, y, z}) -> boolean
Whether the point (metres) is inside the volume (boundaries count as inside).
Example: alp.detector.sphere{rmax = 1}:contains{0, 0, 0.5}  --> true]],

["alp.detector.volume:intervals"] = [[
vol:intervals({x, y, z}, {ux, uy, uz}) -> { {t_in, t_out}, ... }
The exact intervals of the ray point + t*direction (t >= 0, direction
normalised for you) inside the volume; t_out may be math.huge.
Example: veto:intervals({0, 0, 0}, {1, 0, 0})  --> { {0, 1.62} }]],

["alp.detector.paths:decay_prob"] = [[
pt:decay_prob(ctau [, {threads=}]) -> P, err
As vol:decay_prob for the sample, volume and side the table was made for.
Example: P, err = pt:decay_prob({0.1, 1, 10})]],

["alp.detector.paths:len"] = [[
pt:len() -> n   (also #pt)
The number of events in the table.]],
}
