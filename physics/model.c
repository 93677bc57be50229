/* model.c -- ALP model: couplings at Lambda, running and matching to mZ
 * (SEED Sec. 2, REFERENCE.md §2, D1-D4). */
#include <math.h>
#include <string.h>
#include <gsl/gsl_math.h>
#include "constants.h"
#include "errors.h"
#include "model.h"

void alp_model_params_default(alp_model_params *p)
{
  memset(p, 0, sizeof *p);
  p->fa = ALP_FA_DEFAULT;
}

int alp_model_benchmark(const char *name, double c, double fa,
                        alp_model_params *p)
{
  alp_model_params q;
  alp_model_params_default(&q);
  q.fa = fa;
  if (name && strcmp(name, "cff") == 0) {          /* SEED eq. (2.13) */
    for (int i = 0; i < ALP_NF; i++) q.cf[i] = c;
  } else if (name && strcmp(name, "cWW") == 0) {
    q.cWW = c;
  } else {
    return ALP_ENOTFOUND;
  }
  *p = q;
  return GSL_SUCCESS;
}

static int coupling_ok(double c) { return isfinite(c) && fabs(c) <= ALP_C_MAX; }

/* Chiral couplings at Lambda from the axial ones (model.h conventions). */
static void chiral_at_cutoff(const alp_model_params *p, double x[ALP_NX])
{
  const double *cf = p->cf;
  double qbar = (cf[ALP_F_U] + cf[ALP_F_C] + cf[ALP_F_T] + cf[ALP_F_D]
                 + cf[ALP_F_S] + cf[ALP_F_B]) / 6;
  double lbar = (cf[ALP_F_E] + cf[ALP_F_MU] + cf[ALP_F_TAU]) / 3;
  double cQ = -qbar / 2, cL = -lbar / 2;
  x[ALP_X_Q12] = x[ALP_X_Q3] = cQ;
  x[ALP_X_U1] = cf[ALP_F_U] + cQ;      /* c_R = c_ff + c_L */
  x[ALP_X_U2] = cf[ALP_F_C] + cQ;
  x[ALP_X_U3] = cf[ALP_F_T] + cQ;
  x[ALP_X_D1] = cf[ALP_F_D] + cQ;
  x[ALP_X_D2] = cf[ALP_F_S] + cQ;
  x[ALP_X_D3] = cf[ALP_F_B] + cQ;
  x[ALP_X_L] = cL;
  x[ALP_X_E1] = cf[ALP_F_E] + cL;
  x[ALP_X_E2] = cf[ALP_F_MU] + cL;
  x[ALP_X_E3] = cf[ALP_F_TAU] + cL;
  x[ALP_X_GG] = p->cGG;
  x[ALP_X_WW] = p->cWW;
  x[ALP_X_BB] = p->cBB;
}

int alp_model_init(alp_model *m, const alp_model_params *p)
{
  alp_model t;
  double xZ[ALP_NX];
  int status;
  for (int i = 0; i < ALP_NF; i++)
    if (!coupling_ok(p->cf[i])) GSL_ERROR("fermion coupling not finite or too large", GSL_EDOM);
  if (!coupling_ok(p->cGG) || !coupling_ok(p->cWW) || !coupling_ok(p->cBB))
    GSL_ERROR("gauge coupling not finite or too large", GSL_EDOM);
  if (!coupling_ok(p->csb) || !coupling_ok(p->cds))
    GSL_ERROR("flavour-changing coupling not finite or too large", GSL_EDOM);
  if (!(p->fa >= ALP_FA_MIN && p->fa <= ALP_FA_MAX))
    GSL_ERROR("f_a outside [10, 1e9] GeV", GSL_EDOM);
  if (!(p->gamma_inv >= 0 && isfinite(p->gamma_inv)))
    GSL_ERROR("invisible width must be finite and >= 0", GSL_EDOM);

  t.p = *p;
  t.Lambda = 4 * M_PI * p->fa;                 /* D1 */
  chiral_at_cutoff(p, t.xL);
  status = alp_run_high(t.Lambda, t.xL, xZ);   /* Lambda -> mZ, D3 */
  if (status) return status;
  status = alp_match(xZ, t.cZ, &t.K);          /* at mZ, D4 */
  if (status) return status;
  t.ctZ = xZ[ALP_X_U3] - xZ[ALP_X_Q3];         /* c_tt = c_R - c_L at mZ (D1) */
  *m = t;
  return GSL_SUCCESS;
}

int alp_model_couplings_low(const alp_model *m, double mu, double c[ALP_NC])
{
  if (mu >= ALP_MZ && mu <= ALP_MZ * (1 + 1e-12)) {   /* at mZ: just matched */
    memcpy(c, m->cZ, sizeof m->cZ);
    return GSL_SUCCESS;
  }
  return alp_run_low(mu, m->cZ, c);
}

int alp_model_couplings_high(const alp_model *m, double mu, double cf[ALP_NF],
                             double *cQsb)
{
  double x[ALP_NX], vt[3];
  int status = alp_run_high_to(m->Lambda, mu, m->xL, x);
  if (!status) status = alp_ckm_vt(vt);
  if (status) return status;
  {
    double F = x[ALP_X_Q3] - x[ALP_X_Q12];
    /* down basis: [c_Q]_ii = c_Q12 + (c_Q3 - c_Q12)|V_ti|^2 (REF §2.2) */
    cf[ALP_F_U] = x[ALP_X_U1] - x[ALP_X_Q12];
    cf[ALP_F_C] = x[ALP_X_U2] - x[ALP_X_Q12];
    cf[ALP_F_T] = x[ALP_X_U3] - x[ALP_X_Q3];
    cf[ALP_F_D] = x[ALP_X_D1] - (x[ALP_X_Q12] + F * vt[0] * vt[0]);
    cf[ALP_F_S] = x[ALP_X_D2] - (x[ALP_X_Q12] + F * vt[1] * vt[1]);
    cf[ALP_F_B] = x[ALP_X_D3] - (x[ALP_X_Q12] + F * vt[2] * vt[2]);
    cf[ALP_F_E] = x[ALP_X_E1] - x[ALP_X_L];
    cf[ALP_F_MU] = x[ALP_X_E2] - x[ALP_X_L];
    cf[ALP_F_TAU] = x[ALP_X_E3] - x[ALP_X_L];
    if (cQsb) *cQsb = vt[1] * vt[2] * F;
  }
  return GSL_SUCCESS;
}

double alp_model_csb(const alp_model *m)
{
  double vt[3];
  if (alp_ckm_vt(vt)) return 0;   /* cannot fail once the model exists */
  return vt[1] * vt[2] * m->K + m->p.csb;   /* SEED eq. 2.4 + direct (model.h) */
}

double alp_model_cds(const alp_model *m)
{
  double vt[3];
  if (alp_ckm_vt(vt)) return 0;
  return vt[0] * vt[1] * m->K + m->p.cds;
}
