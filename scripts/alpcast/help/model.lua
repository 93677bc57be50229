-- help/model.lua: help entries of alp.model (host/l_model.c; physics in
-- physics/model.c, running.c, widths.c, production.c, formfactors.c).
return {
["alp.model"] = [[
alp.model{cff=, cww=, cbb=, cgg=, csb=, cds=, fa=, cf={...}, gamma_inv=} -> model
An ALP model: couplings at the cutoff Lambda = 4 pi f_a (paper eq. 2.1).
  cff        universal axial fermion coupling c_ff(Lambda) = c_R - c_L (D1)  [0]
  cww, cbb   c_WW(Lambda), c_BB(Lambda) (gauge)                               [0]
  cgg        c_GG(Lambda) (gluons)                                            [0]
  fa         f_a in GeV, in [10, 1e9]                                         [1000]
  cf         per-fermion axial couplings overriding cff:
             {u=, c=, t=, d=, s=, b=, e=, mu=, tau=}  (doublet couplings kept
             flavour-universal, so no tree-level FCNC at Lambda)
  gamma_inv  invisible width in GeV (mass independent, >= 0)                  [0]
  csb, cds   flavour-changing couplings set at Lambda (paper Sec. 2, after     [0]
             eq. 2.5), added to the loop-induced parts of eq. 2.4:
             C_sb = |V_ts V_tb| K + csb, C_ds = |V_td V_ts| K + cds; real,
             left-handed like the loop part, in its phase convention with
             the CKM phase dropped (csb > 0 adds to cff > 0); they do not run
Couplings must be finite numbers with |c| <= 1e9.  The model is immutable; it
is run to mZ (two-loop SM, ALP RGEs), matched (REF §2.3) and run below mZ
(REF §2.4) from operators precomputed once per process (about 20 ms,
on first use); creating a model then costs about a microsecond.
Methods: m:width, m:br, m:channels, m:ctau, m:couplings, m:params,
m:br_b_to_ka, m:br_b0_to_k0a, m:br_k_to_pia, m:br_b0_to_kstar0a, m:br_kl_to_pi0a,
m:br_v_to_gamma_a, m:with; alp.model.v_decay_beyond.
Masses in GeV; every method taking ma also takes an array and returns one.
alp.model.thresholds holds the mass range and kinematic endpoints (GeV);
alp.model.max_coupling(parent) the EFT validity bound (D16(b)).
Production BRs are Gamma/(Gamma_P + Gamma) (D16(a)): always below 1.
Errors: "alp.model: cww must be a finite number in [-1e+09, 1e+09], got 'x'";
unknown options are rejected.
Example: m = alp.model{cff = 0.5, cww = 1, fa = 2000}]],

["alp.model.benchmark"] = [[
alp.model.benchmark(name, c [, fa]) -> model
SEED's benchmarks (eq. 2.13): "cff" (c_ff(Lambda) = c for every fermion) or
"cWW" (c_WW(Lambda) = c), f_a in GeV (default 1000, Lambda = 4 pi TeV).
Errors: unknown name ("name must be one of "cff", "cWW""), c not a finite
number in [-1e9, 1e9], fa outside [10, 1e9] GeV.
Example: m = alp.model.benchmark("cff", 1); print(m:ctau(0.3))]],

["alp.model.max_coupling"] = [[
alp.model.max_coupling(parent) -> c_max, m_P
The EFT validity bound of REFERENCE.md D16(b) for ALPs produced in the decay
of `parent`: the suppression scale must exceed the parent's mass,
f_a/|c| > m_P, i.e. |c|/f_a < c_max = 1000/m_P[GeV] TeV^-1 (c the coupling
at Lambda, as in alp.scan; with f_a = 1 TeV, c itself).  Returns c_max in
TeV^-1 and m_P in GeV (masses of physics/constants.h).
  parent   "B+" (c_max 189.4), "B0" (189.4), "K+" (2025.6), "K_L" (2009.6),
           "J/psi" (322.9), "Upsilon(1S)" (105.7), "Upsilon(3S)" (96.57)
Beam dumps have no such bound (D16(b)).  Pass c_max to alp.scan.run to stop
a coupling scan there.
Errors: another name ("parent must be one of "B+", "B0", ..., got 'B')".
Example: print(alp.model.max_coupling("B+"))   --> 189.41..., 5.27934]],

["alp.model.thresholds"] = [[
alp.model.thresholds  (table, GeV)
  ma_min, ma_max     mass range of widths, BRs and ctau: [1e-6, mZ]
  b_to_ka            m_B+ - m_K+   (endpoint of m:br_b_to_ka)
  b0_to_k0a          m_B0 - m_K0
  k_to_pia           m_K+ - m_pi+
  b0_to_kstar0a      m_B0 - m_K*0
  kl_to_pi0a         m_KL - m_pi0
Example: m:br_b_to_ka(alp.model.thresholds.b_to_ka)  --> 0]],

["alp.model:width"] = [[
m:width(ma [, channel]) -> Gamma [GeV]   (ma a number or an array)
Total width (paper eq. 2.12), or the partial width of one channel:
"gammagamma", "ee", "mumu", "tautau", "hadrons" (3 pi below 1 GeV, gg + light
quarks at and above, D7), "cc", "bb", "invisible".  The partial widths add up
to the total.  Formulas: paper App. A (A.1)-(A.8) with REF D5, D7.
Errors: ma outside [1e-6, 91.1876] GeV or not a number; unknown channel.
Example: m:width(0.3, "mumu")]],

["alp.model:br"] = [[
m:br(ma, channel) -> branching ratio   (ma a number or an array)
Gamma(channel)/Gamma_total; channels as in m:width.  Errors: ma outside
[1e-6, 91.1876] GeV, unknown channel, or a model whose total width vanishes.
Example: m:br({0.1, 0.3, 1.5}, "mumu")]],

["alp.model:channels"] = [[
m:channels() -> array of channel names
{"gammagamma", "ee", "mumu", "tautau", "hadrons", "cc", "bb", "invisible"}.
Example: for _, ch in ipairs(m:channels()) do print(ch, m:br(2, ch)) end]],

["alp.model:ctau"] = [[
m:ctau(ma) -> c tau [m]   (ma a number or an array)
Proper decay length hbar c / Gamma_total (REF D8, hbar c = 1.973269804e-16
GeV m).  Errors: ma outside [1e-6, 91.1876] GeV; a model with no decays.
Example: alp.model.benchmark("cff", 1):ctau(0.3)  --> 1.70e-06]],

["alp.model:tau"] = [[
m:tau(ma) -> proper lifetime tau [s] = c tau / c (c = 299792458 m/s exact)
(ma a number or an array).  Same errors as m:ctau.
Example: alp.model.benchmark("cff", 1):tau(0.3)  --> 5.67e-15]],

["alp.model:couplings"] = [[
m:couplings(mu) -> table   (mu in GeV, a number or an array -> array of tables)
Running couplings at the scale mu in [1e-6 GeV, Lambda]:
  mu <= mZ (after weak matching, REF §2.3-2.4): cf = {u, c, d, s, b, e, mu,
    tau} axial couplings (quarks frozen below 1 GeV, leptons run with QED),
    cgg, cgammagamma, csb, cds (|C_sb|, |C_ds| with the sign of the
    combination, CKM phase dropped, plus the direct csb, cds of the model;
    they do not run below mZ), alpha_s, alpha;
  mu > mZ (before matching, REF §2.1-2.2): cf = {u, c, t, d, s, b, e, mu, tau}
    = c_R - c_L, cgg, cww, cbb, cgammagamma, csb = [c_Q]_sb (loop part only),
    alpha_s, alpha, yt.
Example: alp.model.benchmark("cff", 1):couplings(1).cf.u  --> 0.777]],

["alp.model:params"] = [[
m:params() -> table
The inputs: cff (only when universal), cf = {u=...,tau=}, cww, cbb, cgg,
csb, cds (the direct flavour-changing couplings at Lambda), fa [GeV], Lambda [GeV], gamma_inv [GeV].
Example: print(m:params().Lambda)  --> 12566.4]],

["alp.model:br_b_to_ka"] = [[
m:br_b_to_ka(ma) -> BR(B+ -> K+ a)   (ma a number or an array)
paper eq. (2.6) with |C_sb| = |V_ts V_tb| |K_ff c_ff + K_WW c_WW + ...| (D6),
the GKvD scalar form factor f0 (pole 5.630 GeV), tau_B+ = 1.638 ps.
BR = Gamma/(Gamma_B + Gamma), Gamma_B = hbar/tau_B+ (D16(a)): below 1 at any
coupling (as are all production BRs below).
Benchmarks: Gamma/Gamma_B = 0.108 (c_ff/f_a[TeV])^2 at small ma (paper 2.7:
"0.1"); BR = x/(1 + x) of that x.
Errors: ma outside [1e-6, m_B+ - m_K+ = 4.7857] GeV.
Example: alp.model.benchmark("cff", 1):br_b_to_ka(0.3)  --> 0.0979]],

["alp.model:br_b0_to_k0a"] = [[
m:br_b0_to_k0a(ma) -> BR(B0 -> K0 a)   (ma a number or an array)
As m:br_b_to_ka with m_B0, m_K0 and tau_B0 = 1.519 ps.
Errors: ma outside [1e-6, m_B0 - m_K0 = 4.7820] GeV.
Example: m:br_b0_to_k0a(1.0)]],

["alp.model:br_k_to_pia"] = [[
m:br_k_to_pia(ma) -> BR(K+ -> pi+ a)   (ma a number or an array)
paper eq. (3.7) form: |C_ds| = |V_td V_ts| |K|, f0^K = 1, tau_K+ = 12.38 ns.
c_ff benchmark: Gamma/Gamma_K = 4.08e-4 (c_ff/f_a[TeV])^2 at small ma
(paper: 4.12e-4); BR = Gamma/(Gamma_K + Gamma) (D16(a)).
Errors: ma outside [1e-6, m_K+ - m_pi+ = 0.3541] GeV.
Example: alp.model.benchmark("cff", 1e-3):br_k_to_pia(0.1)]],

["alp.model:br_kl_to_pi0a"] = [[
m:br_kl_to_pi0a(ma) -> BR(K_L -> pi0 a)   (ma a number or an array)
REF D18: the K+ -> pi+ a formula with (Im C_sd)^2 = (Im lambda_t K)^2 (CP
violation), m_KL, m_pi0, tau_KL = 51.16 ns, f0 = 1.  c_ff benchmark:
Gamma/Gamma_KL = 2.6586e-4 (c_ff/f_a[TeV])^2 at ma -> 0 (D18 checkpoint 1);
BR = Gamma/(Gamma_KL + Gamma) (D16(a)).
Errors: ma outside [1e-6, m_KL - m_pi0 = 0.3626] GeV.
Example: alp.model.benchmark("cff", 1e-3):br_kl_to_pi0a(0.1)]],

["alp.model:br_b0_to_kstar0a"] = [[
m:br_b0_to_kstar0a(ma) -> BR(B0 -> K*0 a)   (ma a number or an array)
Vector-meson rate of REF §3.1: (pi/4)|C_sb|^2/Lambda^2 A0^2 lambda^{3/2}/m_B^3
with A0 of BSZ 2015 (D14), tau_B0 = 1.519 ps (for the LHCb prompt recast).
Errors: ma outside [1e-6, m_B0 - m_K*0 = 4.3841] GeV.
Example: m:br_b0_to_kstar0a(2.0)]],

["alp.model:br_v_to_gamma_a"] = [[
m:br_v_to_gamma_a(parent, ma [, form]) -> BR(V -> gamma a)   (ma a number or an array)
Radiative quarkonium decay of REF D17; parent "J/psi", "Upsilon(1S)" or
"Upsilon(3S)".  Upsilon: LO NR (Wilczek) normalised to B(V -> e+e-),
B_ee m_V^2/(8 pi alpha f_a^2) (1 - x) |c_bb - (alpha/2pi) c_gamgam (1 - x)|^2,
x = ma^2/m_V^2.  J/psi: HPQCD's form factor F~(x) (D17 fit), or form = "lo"
for the NR formula.  c_QQ at mu = m_Q (c_bb(4.18), c_cc(1.28) GeV), c_gamgam
= c_WW + c_BB; BR = Gamma/(Gamma_V + Gamma) (D16(a)).
c_ff benchmark: B(Y(3S) -> gamma a) = 1.3285e-5 (c_ff/f_a[TeV])^2 at 1 GeV.
Errors: unknown parent; ma outside [0, m_V] GeV; form not "lattice" or "lo".
Example: alp.model.benchmark("cff", 1):br_v_to_gamma_a("J/psi", 1.0)]],

["alp.model.v_decay_beyond"] = [[
alp.model.v_decay_beyond{parent=, ma=, boost=, r=, ctau=} -> P
Probability that the ALP of V -> gamma a decays farther than r [m] from the
interaction point: < exp(-r ma/(|p_lab| c tau)) > over the (1 + cos^2 theta*)
distribution of e+e- -> V -> gamma a, V moving along the beam axis with
beta*gamma = boost (0..10) (D8 decay law; exact for a sphere of radius r).
ctau in m (> 0, math.huge allowed); ma in [0, m_V] GeV; r in [0, 1e6] m.
1 - P is the probability to decay within r.
Example: alp.model.v_decay_beyond{parent = "J/psi", ma = 0.5, boost = 0, r = 1, ctau = 1}]],

["alp.model:with"] = [[
m:with{...} -> new model
A copy of m with the given options changed (same keys as alp.model{...});
cff resets all nine fermion couplings, cf = {...} then overrides single ones.
m itself is not modified.
Example: m2 = alp.model.benchmark("cff", 1):with{cww = 0.5, fa = 2000}]],
}
