/* running.h -- RG evolution of the ALP couplings and weak-scale matching
 * (REFERENCE.md §2, decisions D2-D5).
 *
 * Above mu_w = mZ the couplings are the chiral matrices c_Q, c_u, c_d, c_L,
 * c_e of BNRST in the y_t-only reduction (REF §2.2), generalised to
 * generation-dependent right-handed couplings; the doublet couplings c_Q
 * (diagonal in the up basis, third generation split off by y_t) and c_L are
 * flavour-universal at Lambda.  Below mZ they are the axial couplings
 * c_ff = c_R - c_L of the mass eigenstates (SEED eq. 2.3).
 *
 * The RGEs are linear in the couplings.  The evolution operators (not the
 * couplings) are computed ONCE per process, for unit couplings, and kept in
 * an immutable table built on first use under pthread_once:
 *   - above mZ: Psi(t) = U(mZ <- e^t), the operator that runs couplings given
 *     at the cutoff e^t down to mZ, tabulated in t = ln Lambda by integrating
 *     the adjoint equation dPsi/dt = -Psi A(t) upwards from mZ together with
 *     the two-loop SM couplings (D3).  Any f_a in [ALP_FA_MIN, ALP_FA_MAX]
 *     is then one cubic-Hermite interpolation, no ODE;
 *   - below mZ: U(mu <- mZ) on a ln(mu) grid whose nodes include every
 *     flavour threshold of D5, with alpha_s (2 loops) and alpha (1 loop).
 * All functions are thread-safe (the table is written once, read after).
 */
#ifndef ALP_RUNNING_H
#define ALP_RUNNING_H

/* Chiral state above mZ (components of the couplings at a scale mu >= mZ). */
enum {
  ALP_X_Q12, ALP_X_Q3,           /* c_Q in the up basis: gen. 1 = 2, gen. 3 */
  ALP_X_U1, ALP_X_U2, ALP_X_U3,  /* c_u (right-handed up-type) */
  ALP_X_D1, ALP_X_D2, ALP_X_D3,  /* c_d (right-handed down-type) */
  ALP_X_L,                       /* c_L (lepton doublets, universal) */
  ALP_X_E1, ALP_X_E2, ALP_X_E3,  /* c_e (right-handed leptons) */
  ALP_X_GG, ALP_X_WW, ALP_X_BB,  /* gauge couplings: do not run (SEED) */
  ALP_NX
};

/* Couplings below mZ (after the weak matching): axial c_ff of each light
 * fermion, c_GG and c_gamgam = c_WW + c_BB (REF §0). */
enum {
  ALP_C_U, ALP_C_C, ALP_C_D, ALP_C_S, ALP_C_B,
  ALP_C_E, ALP_C_MU, ALP_C_TAU,
  ALP_C_GG, ALP_C_GAMGAM,
  ALP_NC
};
#define ALP_NC_RUN 8   /* the first 8 run below mZ; c_GG, c_gamgam do not */

/* Range of the tables. */
#define ALP_MU_LOW_MIN 1e-6   /* GeV: lowest scale of the running below mZ */
#define ALP_FA_MIN     10.0   /* GeV: f_a range (Lambda = 4 pi f_a >= mZ) */
#define ALP_FA_MAX     1e9

/* Build the table if not yet done; returns its status (0 on success).  Every
 * function below calls it, so calling it explicitly is optional. */
int alp_running_init(void);

/* |V_td|, |V_ts|, |V_tb| of the seed-code CKM (D2). */
int alp_ckm_vt(double vt[3]);
/* Im lambda_t = Im(V_ts* V_td) of the same CKM (D2, D18). */
int alp_ckm_im_lambda_t(double *im);

/* SM couplings at mu in [mZ, 4 pi ALP_FA_MAX]: alpha_1 (= g'^2/4pi, non-GUT),
 * alpha_2, alpha_s, y_t; two-loop running from the D2 inputs (D3). */
int alp_sm_high(double mu, double sm[4]);

/* Run the chiral state xL given at the cutoff Lambda down to mZ (D3):
 * xZ = Psi(ln Lambda) xL.  GSL_EDOM if Lambda is outside the table. */
int alp_run_high(double Lambda, const double xL[ALP_NX], double xZ[ALP_NX]);

/* The same, to any scale mu with mZ <= mu <= Lambda:
 * x(mu) = Psi(ln mu)^-1 Psi(ln Lambda) xL (an LU solve, no ODE). */
int alp_run_high_to(double Lambda, double mu, const double xL[ALP_NX],
                    double xmu[ALP_NX]);

/* Weak-scale matching at mu_w = mZ (REF §2.3, D4): from the chiral state at
 * mZ to the axial couplings c[ALP_NC] below mZ, and the flavour-changing
 * coefficient K with [k_D]_ij(mZ) = V*_ti V_tj K (i != j), so that
 * |C_sb| = |V_ts V_tb| |K| and |C_ds| = |V_td V_ts| |K| (D6). */
int alp_match(const double xZ[ALP_NX], double c[ALP_NC], double *K);

/* Run the couplings cZ[ALP_NC] (just below mZ) down to mu in
 * [ALP_MU_LOW_MIN, mZ] (REF §2.4, D5): quarks run with QCD+QED above 1 GeV and
 * are frozen below; leptons run with QED at all scales.  The caller chooses
 * mu (widths use max(m_a, 1 GeV) for quarks, m_a for leptons). */
int alp_run_low(double mu, const double cZ[ALP_NC], double c[ALP_NC]);

/* alpha_s and alpha at mu in [ALP_MU_LOW_MIN, mZ] (D5: alpha_s two-loop from
 * alpha_s(mZ) with thresholds 4.18, 1.28 GeV, frozen below 1 GeV; alpha one
 * loop from alpha-hat(mZ)). */
int alp_couplings_sm_low(double mu, double *alpha_s, double *alpha);

#endif
