-- help/analysis.lua: help entries of alp.analysis (host/l_analysis.c; physics
-- in physics/analysis.c).
return {
["alp.analysis"] = [[
alp.analysis: the signal side of the paper's Belle II search for B+ -> K+ a
with an invisible ALP (arXiv:2201.06580 Sec. 4.1-4.2).
  alp.analysis.belle2_signal{...}   per event pT(K), M^_B^2, phi_Kpmiss, kaon
                                    acceptance and the selection (4.1)
  alp.analysis.selection(pt, mb2, phi)   the seven conditions of (4.1)
  alp.analysis.histogram(values, {min=, max=, bins=, mask=})   counts in C
  alp.analysis.defaults   the paper's detector numbers (17-150 deg, pT > 0.2
                          GeV, kaon ID 0.80, tracking 0.99, dp/p = 0.005)
The TAG SIDE IS TREATED AS FULLY RECONSTRUCTED: alpcast has no generic
B-decay generator and does not fake one.  Then p_miss = p_B+ - p_K(measured)
is the ALP four-momentum up to the kaon smearing, M^_B^2 = m_B+^2 = 27.871
GeV^2 exactly for every event, and there are no misreconstructed (tag-side)
kaons.  The resulting efficiency is the signal-side part only; the Belle II
recast uses the paper's Table 1 (REFERENCE.md D9), not this.
Figure: scripts/figures/fig4.lua (paper Fig. 4-like histograms).
Example: r = alp.analysis.belle2_signal{sample = alp.sample.b_to_ka{ma = 0.3,
         n = 2e4, seed = 1}, seed = 2}; print(r.efficiency, r.efficiency_err)]],

["alp.analysis.belle2_signal"] = [[
alp.analysis.belle2_signal{sample=, seed=, resolution=0.005, kaon_id=0.80,
    tracking=0.99, theta_min=17, theta_max=150, pt_min=0.2, threads=} -> table
Signal-side analysis of a Belle II B+ -> K+ a sample (paper Sec. 4.1-4.2):
  sample      alp.sample from alp.sample.b_to_ka{experiment = "belle2", ...}
              (read only; the parent B+ is p_a + p_K, the beams are
              SuperKEKB's)                                          (required)
  seed        integer >= 0 for the random decisions (kept apart from the
              sample's random numbers even if equal)                (required)
  resolution  Gaussian relative momentum resolution of the kaon, in [0, 0.2]
              (paper Sec. 4.1: 0.5 %); the direction is kept
  kaon_id     kaon identification efficiency in [0, 1] (seed: 80 %)
  tracking    track-finding efficiency in [0, 1] (seed: 99 %)
  theta_min, theta_max   kaon lab polar-angle acceptance, open, deg (17, 150)
  pt_min      kaon pT > pt_min GeV (0.2)
  threads     OpenMP threads (results do not depend on it)
Per event (with the measured kaon): pT(K) = kaon transverse momentum to z;
p_miss = p_beams - p_K - p_tag with p_tag = p_beams - p_B+ (tag side fully
reconstructed); M^_B^2 = (E_miss + E_K)^2 - (p_miss + p_K)^2 (= m_B+^2);
phi_Kpmiss = lab angle between the kaon and p_miss, deg.  Accepted = in
acceptance (measured pT), tracked and identified (seeded uniforms);
selected = accepted and all seven conditions of (4.1).
Returns a table:
  pt_k, mb2, phi_deg, p_k, theta_deg   arrays of n numbers (GeV, GeV^2, deg)
  accepted, selected   arrays of n booleans
  cutflow     {n1, ..., n7}: accepted events satisfying condition i of (4.1)
  efficiency = n_selected / n, efficiency_err = sqrt(eff (1 - eff) / n)
  n, n_accepted, n_selected, ma, seed and the options used
  note        "tag side treated as fully reconstructed; ..."
Same seed -> identical output, whatever the thread count (chunks of 4096
events, chunk c seeded from (seed, c)).
At M^_B^2 = m_B+^2 condition 3 of (4.1) reads pT(K) >= 2.540 GeV, which the
lab kaon cannot reach for m_a >~ 2 GeV (max lab p_K 2.486 GeV at 3 GeV).
Errors: "alp.analysis.belle2_signal: option sample is required (an
alp.sample ...)", "sample must be a Belle II B+ -> K+ a sample ... got 'B+ ->
K+ a at babar'", "kaon_id must be a finite number in [0, 1], got 1.5",
"option seed is required ...", unknown options.
Example: s = alp.sample.b_to_ka{ma = 1, n = 2e4, seed = 1}
         r = alp.analysis.belle2_signal{sample = s, seed = 7, resolution = 0}]],

["alp.analysis.selection"] = [[
alp.analysis.selection(pt_k, mb2, phi_deg) -> passed, {c1, ..., c7}
The selection (4.1) of the paper (Sec. 4.2), as printed, for one candidate:
  1  1.75 <= pT(K) <= 2.75 GeV
  2  pT(K) >= 3.2 GeV - 0.01 GeV/deg * phi
  3  pT(K) >= 3.0 GeV - 0.0165 GeV^-1 * M^2
  4  130 <= phi <= 160 deg
  5  27 <= M^2 <= 60 GeV^2
  6  M^2 >= 105 GeV^2 - 0.55 GeV^2/deg * phi
  7  M^2 <= -100 GeV^2 + 0.992 GeV^2/deg * phi
(pT in GeV, M^2 = M^_B^2 in GeV^2, phi = phi_Kpmiss in deg; bounds inclusive).
passed is true when all seven hold; the table has one boolean per condition.
Errors: "alp.analysis.selection: mb2 must be a finite number ..." .
Example: print(alp.analysis.selection(2.6, 27.87, 150))  --> true  table: ...]],

["alp.analysis.histogram"] = [[
alp.analysis.histogram(values, {min=, max=, bins=, mask=}) -> table
Counts values in `bins` equal bins on [min, max) in one pass in C: bin i holds
min + (i-1) w <= x < min + i w, w = (max - min)/bins.
  values   array of finite numbers (e.g. r.mb2 of belle2_signal)
  min, max bin range, min < max                                      (required)
  bins     integer in [1, 1e6]                                        (required)
  mask     optional array of booleans (or 0/1), one per value: only values
           with a true mask are counted (e.g. r.accepted)
Returns {edges = {bins + 1}, centers = {bins}, counts = {bins}, underflow =,
overflow =, entries =, width =}; masked-out values are in none of them.
Errors: "alp.analysis.histogram: min must be below max ...", "mask must be an
array of N booleans (or 0/1), one per value", non-finite values.
Example: h = alp.analysis.histogram(r.phi_deg, {min = 90, max = 180, bins = 45,
         mask = r.accepted})]],
}
