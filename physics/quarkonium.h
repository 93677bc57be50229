/* quarkonium.h -- ALPs from radiative quarkonium decays V -> gamma a
 * (REFERENCE.md D17): J/psi, Upsilon(1S), Upsilon(3S).
 *
 * The branching ratio uses c_QQ at mu = m_Q from the D2-D5 chain (c_bb at
 * 4.18 GeV, c_cc at 1.28 GeV) and c_gamgam = c_WW + c_BB.  ma must lie in
 * [0, m_V]; outside, GSL_EDOM.  At ma = m_V the rate is 0.
 *
 * The decay probability is that of an ALP from V -> gamma a with V moving
 * along the beam axis: the 1 + cos^2 theta* distribution of e+e- -> V ->
 * gamma a, exact for a sphere about the IP.
 */
#ifndef ALP_QUARKONIUM_H
#define ALP_QUARKONIUM_H

#include "model.h"

typedef enum { ALP_V_JPSI = 0, ALP_V_UPS1S, ALP_V_UPS3S, ALP_NV } alp_vector;

/* "J/psi", "Upsilon(1S)", "Upsilon(3S)" (the D16(b) parent names); NULL
 * past the last.  alp_vector_find returns -1 for another name. */
const char *alp_vector_name(alp_vector v);
int alp_vector_find(const char *name);
double alp_vector_mass(alp_vector v);

/* BR(V -> gamma a) of D17, with the parent's total width including the ALP
 * channel (D16(a)).  lo = 1 for J/psi: the leading-order NR formula instead
 * of the lattice form factor (D17 variant "lo"); ignored for Upsilon. */
int alp_br_v_to_gamma_a(const alp_model *m, alp_vector v, double ma, int lo,
                        double *br);

/* Probability that the ALP of V -> gamma a decays at a distance > r [m]
 * from the IP, for c tau [m] and V with beta*gamma = bg along the beam
 * axis: < exp(-r ma / (|p_lab| c tau)) > over (3/8)(1 + cos^2 theta*).
 * ma = 0, r = 0 or c tau = inf give 1.  GSL_EDOM for ma outside [0, mV], r < 0,
 * bg < 0, c tau <= 0 or any NaN. */
int alp_v_decay_beyond(double mV, double ma, double bg, double r,
                       double ctau, double *p);

/* The ALPs of e+e- -> V -> gamma a, V with beta*gamma = bg along +z (the
 * e- beam): a deterministic equal-weight quadrature of the (3/8)(1 + cos^2
 * theta*) distribution, n_theta quantiles of cos theta* times n_phi
 * azimuths, boosted to the lab (production point the IP; the photon as the
 * recoil).  Its events go into the detector machinery (vol:paths) like a
 * Monte Carlo sample; the average over events is the midpoint rule in the
 * cumulative distribution.  Errors: GSL_EDOM (ma outside (0, mV), bg < 0
 * or not finite, n_theta * n_phi outside 1..ALP_SAMPLE_NMAX), GSL_ENOMEM.
 * *out is a new sample owned by the caller. */
struct alp_sample;
int alp_sample_v_to_gamma_a(double mV, double ma, double bg, size_t n_theta,
                            size_t n_phi, struct alp_sample **out);

#endif
