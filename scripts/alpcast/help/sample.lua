-- help/sample.lua: help entries of alp.sample (host/l_sample.c; physics in
-- physics/sample.c, kinematics.c, rng.c).
return {
["alp.sample"] = [[
alp.sample: Monte Carlo samples of ALPs from meson decays, event by event.
  alp.sample.b_to_ka{...}       e+e- -> Y(4S) -> B+B-, B+ -> K+ a (Belle II, BaBar)
  alp.sample.from_parents{...}  parent -> a + recoil for parents you give
  alp.sample.v_to_gamma_a{...}  e+e- -> V -> gamma a directions (quadrature, D17)
A sample stores per event the ALP's lab beta*gamma, unit direction and
production point, and the recoil's (kaon's) four-momentum.  Feed it to
vol:decay_prob (alp.detector) for <P_a> (paper eqs. 3.1-3.2).
Reproducible: the same seed gives bit-identical events whatever the number of
threads (events in chunks of 4096, each seeded from (seed, chunk)).
Threads: option threads=, else $ALPCAST_THREADS, else all cores.
Methods: s:len() (#s), s:get(name), s:kaon(), s:info(), s:close().
Example: s = alp.sample.b_to_ka{ma = 0.3, n = 1e4, seed = 1}]],

["alp.sample.b_to_ka"] = [[
alp.sample.b_to_ka{ma=, n=, seed=, experiment="belle2", b_flight=false,
                   threads=} -> alp.sample
B+ -> K+ a at an e+e- B factory (REFERENCE §5.1, D8, D13):
  ma          ALP mass in GeV, 0 < ma < m_B+ - m_K+ = 4.78566      (required)
  n           number of events, integer in [1, 1e7]                (required)
  seed        integer >= 0                                          (required)
  experiment  a name of alp.experiment.list(): its beams ["belle2"]
              "belle2": SuperKEKB 7.004 GeV e- / 4.002 GeV e+, each at 41.5 mrad
              to z, z the bisector (paper Sec. 4.1; Y(4S) beta gamma 0.2868,
              8.66 deg from z); "babar": PEP-II 9.0 / 3.1 GeV head-on
              (beta gamma 0.5585; the e+e- system is given m_Y(4S))
  b_flight    true: production point at the B decay vertex (c tau_B+ =
              491 um, ~140 um in the lab); false: at the IP (REFERENCE §5.1)
  threads     OpenMP threads (results do not depend on it)
The Y(4S) decays to B+B- with dN/dcos(theta*) ~ sin^2(theta*) about the e-
beam axis, B+ -> K+ a is isotropic; both are boosted to the lab exactly.
Errors: "alp.sample.b_to_ka: ma must be a finite number in (0, 4.78566) GeV
(B+ -> K+ a), got 5.2"; "n must be an integer in [1, 10000000], got 0";
"option seed is required ..."; "experiment must be one of "belle2",
"babar", got 'belle' (did you mean 'belle2'?)"; unknown options are rejected.
Example: s = alp.sample.b_to_ka{ma = 0.3, n = 1e5, seed = 7, experiment = "babar"}]],

["alp.sample.v_to_gamma_a"] = [[
alp.sample.v_to_gamma_a{parent=, ma=, boost=, n_theta=1000, n_phi=16} -> alp.sample
The ALPs of e+e- -> V -> gamma a (REF D17) as a deterministic equal-weight
quadrature, not random: n_theta quantiles of the (3/8)(1 + cos^2 theta*)
distribution about the beam axis times n_phi azimuths, in the V frame, boosted
along +z (the e- beam) with beta*gamma = boost; production point the IP; the
photon is the recoil (s:kaon()).  The average over its events (vol:paths,
vol:decay_prob) is the midpoint rule of the angular integral.
  parent   "J/psi", "Upsilon(1S)" or "Upsilon(3S)"                 (required)
  ma       ALP mass in GeV, 0 < ma < m_V                            (required)
  boost    V beta*gamma in the lab, 0..10                          (required)
  n_theta  1..100000; n_phi 1..1000 (1 for volumes symmetric about z)
Example: s = alp.sample.v_to_gamma_a{parent = "Upsilon(1S)", ma = 1, boost = 0.425}]],

["alp.sample.from_parents"] = [[
alp.sample.from_parents{parents=, ma=, m_recoil=0, n=#parents, vertices=,
                        seed=, label=, threads=} -> alp.sample
Isotropic two-body decays parent -> a + recoil of parents you give (fixed-
target or LHC-like experiments), boosted exactly to the lab:
  parents   array of {E, px, py, pz} (GeV), or {E={...}, px={...}, py={...},
            pz={...}}; each must be heavier than ma + m_recoil       (required)
  ma        ALP mass in GeV, > 0                                     (required)
  m_recoil  mass of the other daughter in GeV (e.g. m_pi+ for K -> pi a) [0]
  n         events; event k decays parent ((k-1) % #parents) + 1    [#parents]
  vertices  array of {x, y, z} (m), one per parent: production points [origin]
  seed      integer >= 0                                             (required)
  label     text shown by tostring(s)                                ["parents"]
Errors: "alp.sample.from_parents: parents[3] has invariant mass ... GeV, not
above ma + m_recoil = ... GeV"; non-finite components; unknown options.
C callers can pass a generator callback instead (alp_sample_from_parents).
Example: s = alp.sample.from_parents{parents = {{20, 0, 0, 19.3}}, ma = 0.5,
         m_recoil = 0.13957, n = 1e4, seed = 1}]],

["alp.sample:len"] = [[
s:len() -> n   (also #s)
The number of events.
Example: print(#alp.sample.b_to_ka{ma = 1, n = 100, seed = 1})  --> 100]],

["alp.sample:get"] = [[
s:get(name) -> array of n numbers
One per-event quantity: "betagamma" (ALP lab beta*gamma), "ux", "uy", "uz"
(ALP lab unit direction), "x", "y", "z" (production point, m), "kaon_e",
"kaon_px", "kaon_py", "kaon_pz" (recoil four-momentum, GeV), and the derived
"p" (ALP momentum ma*betagamma, GeV) and "theta" (ALP polar angle, rad).
Errors: "bad argument #1 to 'get' (invalid option 'x')" for other names.
Example: bg = s:get("betagamma"); print(bg[1])]],

["alp.sample:kaon"] = [[
s:kaon() -> E, px, py, pz   (four arrays, GeV)
The recoil's (the K+'s) lab four-momentum, for selections on the kaon.
Example: local E, px, py, pz = s:kaon()]],

["alp.sample:info"] = [[
s:info() -> {label=, ma=, m_recoil=, n=, seed=, betagamma_min=, betagamma_max=}
What the sample is: process label, ALP and recoil masses (GeV), size, seed,
and the range of the ALPs' beta*gamma (computed in C).
Example: print(s:info().label)  --> B+ -> K+ a at belle2]],

["alp.sample:close"] = [[
s:close()
Frees the event arrays now (also done by the garbage collector, or by
`local s <close> = ...`).  Using s afterwards raises "attempt to use a closed
alp.sample".
Example: s:close()]],
}
