/* production.h -- ALPs from meson decays (SEED eq. 2.6, 3.7; REFERENCE.md
 * §3, §3.1, D6, D14).  Branching ratios for the model's couplings; the
 * flavour-changing couplings are |C_sb| = |V_ts V_tb| |K| and
 * |C_ds| = |V_td V_ts| |K| at the weak scale (model.h).
 *
 * ma must lie in [0, m_parent - m_daughter]; outside, GSL_EDOM.  At the
 * endpoint the rate is 0.
 */
#ifndef ALP_PRODUCTION_H
#define ALP_PRODUCTION_H

#include "model.h"

/* Kinematic endpoints m_parent - m_daughter, GeV. */
double alp_ma_max_b_to_ka(void);        /* B+ -> K+ a */
double alp_ma_max_b0_to_k0a(void);      /* B0 -> K0 a */
double alp_ma_max_k_to_pia(void);       /* K+ -> pi+ a */
double alp_ma_max_b0_to_kstar0a(void);  /* B0 -> K*0 a */

/* BR(B+ -> K+ a): SEED (2.6) with f0 of GKvD (D6), m_B+, m_K+, tau_B+. */
int alp_br_b_to_ka(const alp_model *m, double ma, double *br);
/* BR(B0 -> K0 a): the same with m_B0, m_K0 (also in f0's t+-), tau_B0. */
int alp_br_b0_to_k0a(const alp_model *m, double ma, double *br);
/* BR(K+ -> pi+ a): (2.6) with |C_ds|, m_K+, m_pi+, tau_K+, f0^K = 1
 * (SEED 3.7, D6). */
int alp_br_k_to_pia(const alp_model *m, double ma, double *br);
/* BR(K_L -> pi0 a) of REF D18: the K+ formula with (Im C_sd)^2,
 * Im C_sd = Im(lambda_t) K, m_KL, m_pi0, tau_KL, f0 = 1 (CP violation:
 * only the imaginary part contributes). */
double alp_ma_max_kl_to_pi0a(void);     /* K_L -> pi0 a */
int alp_br_kl_to_pi0a(const alp_model *m, double ma, double *br);
/* BR(B0 -> K*0 a): vector-meson rate of REF §3.1 with A0 of D14:
 * Gamma = (pi/4)|C_sb|^2/Lambda^2 A0^2(ma^2) lambda^{3/2}(mB^2, mK*^2, ma^2)/mB^3. */
int alp_br_b0_to_kstar0a(const alp_model *m, double ma, double *br);

/* EFT validity bound of D16(b): f_a/|c| > m_P for production in the decay of
 * a parent of mass m_P, i.e. |c|/f_a < 1000/m_P[GeV] TeV^-1.  parent is one
 * of alp_parent_name(0..): "B+", "B0", "K+", "K_L", "J/psi", "Upsilon(1S)",
 * "Upsilon(3S)".  *cmax in TeV^-1, *mP in GeV (either may be NULL);
 * ALP_ENOTFOUND for another name. */
int alp_validity_max_coupling(const char *parent, double *cmax, double *mP);
/* Name of parent i (0-based), NULL past the last. */
const char *alp_parent_name(int i);

#endif
