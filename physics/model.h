/* model.h -- an ALP model: couplings at the cutoff Lambda = 4 pi f_a
 * (SEED eq. 2.1, REFERENCE.md §0, D1) and the couplings it implies below the
 * weak scale after running and matching (running.h).
 *
 * alp_model is a plain value (no heap, no free): alp_model_init() fills it
 * from alp_model_params.  Initialising a model never solves an ODE: the
 * evolution operators are precomputed once per process (running.h), so it
 * costs about a microsecond.
 *
 * Conventions (D1):
 *  - cf[i] is the axial coupling c_ff(Lambda) = c_R - c_L of fermion i.  SEED's
 *    universal benchmark "cff" has cf[i] = c for every fermion, i.e.
 *    c_R = +c/2, c_L = -c/2 (D1).
 *  - For non-universal cf the chiral split is: doublet couplings flavour
 *    universal, c_Q = -qbar/2 (qbar = mean of the six quark cf), c_L = -lbar/2
 *    (lbar = mean of the three lepton cf), right-handed c_R = cf + c_L-side.
 *    This reduces to D1 for universal couplings and creates no tree-level
 *    flavour change at Lambda (c_Q proportional to the unit matrix).
 *  - gamma_inv is a mass-independent invisible width in GeV (SEED eq. 2.12).
 *  - csb, cds are flavour-changing couplings set directly at Lambda (SEED
 *    Sec. 2 after eq. 2.5: "in scenarios with flavour-changing ALP-fermion
 *    couplings at the scale Lambda, s-b and d-s couplings are in general
 *    independent parameters").  They are left-handed, like the loop-induced
 *    part ([k_D]_sb, [k_D]_ds of SEED eq. 2.4), so they enter B -> K a,
 *    B -> K* a and K -> pi a through the same |C|.  They are real and taken
 *    in the phase convention of the loop-induced part with its CKM phase
 *    dropped (D6): C_sb = |V_ts V_tb| K + csb, C_ds = |V_td V_ts| K + cds,
 *    so csb > 0 adds constructively to c_ff > 0 (K_ff > 0).  They do not run
 *    (D5; SEED: C_sb(m_b) ~ C_sb(mu_w)); the Lambda -> mZ evolution of a
 *    tree-level flavour-changing coupling is neglected as well.
 */
#ifndef ALP_MODEL_H
#define ALP_MODEL_H

#include "running.h"

/* Fermions with an axial coupling at Lambda. */
enum {
  ALP_F_U, ALP_F_C, ALP_F_T, ALP_F_D, ALP_F_S, ALP_F_B,
  ALP_F_E, ALP_F_MU, ALP_F_TAU,
  ALP_NF
};

/* Largest |coupling| accepted (a sanity bound: anything larger is a typo). */
#define ALP_C_MAX 1e9

typedef struct {
  double cf[ALP_NF];   /* axial c_ff(Lambda) per fermion */
  double cGG, cWW, cBB; /* gauge couplings at Lambda (SEED eq. 2.1) */
  double fa;           /* GeV, in [ALP_FA_MIN, ALP_FA_MAX]; Lambda = 4 pi f_a */
  double gamma_inv;    /* GeV, >= 0 */
  double csb, cds;     /* flavour-changing couplings at Lambda (see above) */
} alp_model_params;

typedef struct {
  alp_model_params p;  /* the inputs, as given */
  double Lambda;       /* 4 pi f_a, GeV */
  double xL[ALP_NX];   /* chiral couplings at Lambda (running.h) */
  double cZ[ALP_NC];   /* axial couplings just below mZ, after matching */
  double ctZ;          /* axial top coupling c_tt(mZ) = c_u3 - c_Q3 at the
                        * matching scale, for the top loops of C_GG^eff and
                        * C_gamgam^eff (REF §4.2, D7 amendment) */
  double K;            /* [k_D]_ij(mZ) = V*_ti V_tj K (running.h, D6) */
} alp_model;

/* All couplings 0, f_a = ALP_FA_DEFAULT, no invisible width. */
void alp_model_params_default(alp_model_params *p);

/* Parameters of SEED's benchmarks (eq. 2.13): "cff" (cf[i] = c for all i)
 * or "cWW" (c_WW = c); f_a given.  ALP_ENOTFOUND for another name. */
int alp_model_benchmark(const char *name, double c, double fa,
                        alp_model_params *p);

/* Fill m from p: checks the inputs (GSL_EDOM if a coupling is not finite or
 * |c| > ALP_C_MAX, f_a outside its range, gamma_inv < 0), runs Lambda -> mZ,
 * matches at mZ.  m is left untouched on error. */
int alp_model_init(alp_model *m, const alp_model_params *p);

/* Axial couplings c[ALP_NC] at mu in [ALP_MU_LOW_MIN, mZ] (below mZ). */
int alp_model_couplings_low(const alp_model *m, double mu, double c[ALP_NC]);

/* Axial couplings of the nine fermions at mu in [mZ, Lambda] (above mZ,
 * before matching): cf[i] = c_R - c_L, down-type left-handed couplings in
 * the down basis; *cQsb = |V_ts V_tb| (c_Q3 - c_Q12), the flavour-changing
 * [c_Q]_sb up to its CKM phase. */
int alp_model_couplings_high(const alp_model *m, double mu, double cf[ALP_NF],
                             double *cQsb);

/* C_sb and C_ds at the weak scale (D6; they do not run below mZ, D5): the
 * loop-induced |V V| K with the sign of K (the CKM phase dropped) plus the
 * direct csb, cds of the parameters. */
double alp_model_csb(const alp_model *m);
double alp_model_cds(const alp_model *m);

#endif
