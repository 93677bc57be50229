-- help/acceptance.lua: help entries of alp.acceptance.
return {
["alp.acceptance"] = [==[
alp.acceptance: Monte Carlo tables of the mean probability <P>(c tau) that
the ALPs of a B+ -> K+ a sample decay inside or outside a detector volume,
tabulated once on a c tau grid and interpolated in c tau (what the B-factory
recasts belle2_kinv, belle2_displaced and babar_knunu evaluate at every
coupling of their scans).
  alp.acceptance.table{experiment =, ma =, n =, seed =, volume =, side =, ...}
      -> table with t.p_at(ctau)]==],
["alp.acceptance.error_table"] = [==[
alp.acceptance.error_table() -> {columns =, rows =, header =}
The Monte Carlo errors of every alp.acceptance.table made in this process,
as a table for a recast's `extra` (written to extra/<name>.csv): per
(m_a, experiment, volume, side, events, seed) the values p0 and p_inf with
their errors, the largest error of <P> on the c tau grid and the largest
relative error where <P> > 1e-3 (error of the mean, sqrt(var/n)).  The
B-factory recasts return it as extra table p_errors.
  extra = function() return { p_errors = alp.acceptance.error_table() } end]==],
["alp.acceptance.table"] = [==[
alp.acceptance.table{experiment =, ma =, n =, seed =, volume =, side =,
                     decay_lengths = {1e-4, 1e4}, per_decade = 10, threads =}
  -> t
  experiment     a name of alp.experiment.list() ("belle2", "babar"): the
                 sample (alp.sample.b_to_ka) and, for a volume name, the
                 detector (alp.detector.belle2() / .babar())        (required)
  ma             ALP mass in GeV, 0 < ma < m_B+ - m_K+ = 4.78566     (required)
  n              events, integer in [1, 1e7]                         (required)
  seed           Monte Carlo seed, integer >= 0                      (required)
  volume         a volume name of that detector ("veto", "displaced", ...,
                 alp.experiment.info(experiment).volumes), or an
                 alp.detector.volume object (one of a detector, or built with
                 alp.detector.cylinder/polar/... and combined)       (required)
  side           "outside" (probability to decay outside the volume, e.g.
                 an invisible search) or "inside" (e.g. a displaced vertex)
                                                                     (required)
  decay_lengths  {d_lo, d_hi} in metres, 0 < d_lo < d_hi: the c tau grid
                 spans lab decay lengths beta*gamma*c tau from d_lo to d_hi
                 for every event, i.e. c tau from d_lo / max(beta gamma) to
                 d_hi / min(beta gamma).  d_lo must lie far below the volume's
                 nearest boundary and d_hi far beyond its farthest, so that
                 the limits used beyond the grid are exact
  per_decade     grid points per decade of c tau, integer in [1, 1000]
  threads        OpenMP threads, integer in [1, 256] (results do not depend
                 on it)
The result (shared: do not modify it):
  t.ctau, t.p, t.err   the c tau grid [m] (log-spaced), <P> on it and its
                       Monte Carlo error sqrt(variance / n)
  t.p0, t.p0_err       <P> at c tau = 0 (decay at the production point)
  t.p_inf, t.p_inf_err <P> at c tau = math.huge (no decay)
  t.p_at(ctau)         <P> at any c tau >= 0 [m]: ln P monotone cubic
                       (Fritsch-Carlson) in ln c tau between the nodes (P
                       linear where a node is 0); t.p0 below the grid; above
                       it p_inf + (P(ct_max) - p_inf) ct_max / c tau (exact
                       for d >> the volume); math.huge -> t.p_inf.  Against
                       the Monte Carlo at the grid mid-points (10 per decade):
                       < 1e-3 relative (Belle II veto), < 2e-3 where P > 1e-15
                       (Belle II displaced, BaBar sphere)
  t.experiment, t.ma, t.n, t.seed, t.volume, t.side, t.decay_lengths,
  t.per_decade         the arguments (t.volume: the name or the object)
  t.betagamma_min, t.betagamma_max  the sample's range of ALP beta*gamma
  t.info               the sample's s:info() (seed, m_recoil, label, ...)
Tables with the same arguments (threads aside) are made once and shared for
as long as any of them is referenced (the variants of a recast share theirs);
for a volume object "the same" means the same object.
Errors: a missing or out-of-range argument, unknown options (with a
suggestion), an unknown volume ("alp.acceptance.table: volume must be one of
"veto", "displaced", ..., got 'vto' (did you mean 'veto'?)");
a volume that is neither a name nor an alp.detector.volume;
"decay_lengths[2] (m) must be a finite number in (0.0001, inf), got 1e-05";
t.p_at(-1): "alp.acceptance: p_at: ctau must be a number >= 0 (m; math.huge =
stable), got -1".
Example: t = alp.acceptance.table{experiment = "belle2", ma = 0.3, n = 50000,
           seed = 1, volume = "veto", side = "outside"}
         print(t.p0, t.p_at(0.01), t.p_at(math.huge))  --> 0.07666  0.07666  1.0]==],
}
