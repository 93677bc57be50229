/* formfactors.h -- hadronic form factors of the production rates
 * (REFERENCE.md §3, D6, D14).  BSZ form:
 *   F(q2) = [1/(1 - q2/mR^2)] sum_{k=0..2} a_k [z(q2) - z(0)]^k,
 *   z(t) = (sqrt(t+ - t) - sqrt(t+ - t0)) / (sqrt(t+ - t) + sqrt(t+ - t0)),
 *   t+- = (mP +- mD)^2, t0 = t+ (1 - sqrt(1 - t-/t+)).
 * q2 must lie in [0, (mP - mD)^2]; otherwise GSL_EDOM.
 */
#ifndef ALP_FORMFACTORS_H
#define ALP_FORMFACTORS_H

/* The BSZ form above for a parent of mass mP, daughter mD, pole mR. */
int alp_ff_bsz(double q2, double mP, double mD, double mR, const double a[3],
               double *ff);

/* B -> K scalar form factor f0 (GKvD, D6) for given meson masses
 * (B+ -> K+: ALP_MBP, ALP_MKP; B0 -> K0: ALP_MB0, ALP_MK0). */
int alp_ff_f0_bk(double q2, double mB, double mK, double *f0);

/* B0 -> K*0 form factor A0 (BSZ 2015, D14), masses ALP_MB0, ALP_MKST0. */
int alp_ff_a0_bkstar(double q2, double *a0);

#endif
