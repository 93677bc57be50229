/* formfactors.c -- BSZ-parametrised form factors (REFERENCE.md §3, D6, D14). */
#include <math.h>
#include <gsl/gsl_errno.h>
#include "constants.h"
#include "formfactors.h"

static double zpar(double t, double tp, double t0)
{
  double a = sqrt(tp - t), b = sqrt(tp - t0);
  return (a - b) / (a + b);
}

int alp_ff_bsz(double q2, double mP, double mD, double mR, const double a[3],
               double *ff)
{
  double tp = (mP + mD) * (mP + mD), tm = (mP - mD) * (mP - mD);
  double t0 = tp * (1 - sqrt(1 - tm / tp)), dz;
  if (!(q2 >= 0 && q2 <= tm * (1 + 1e-12)))
    GSL_ERROR("q2 outside [0, (mP - mD)^2]", GSL_EDOM);
  dz = zpar(q2, tp, t0) - zpar(0, tp, t0);
  *ff = (a[0] + a[1] * dz + a[2] * dz * dz) / (1 - q2 / (mR * mR));
  return GSL_SUCCESS;
}

int alp_ff_f0_bk(double q2, double mB, double mK, double *f0)
{
  static const double a[3] = { ALP_F0BK_A0, ALP_F0BK_A1, ALP_F0BK_A2 };  /* D6 */
  return alp_ff_bsz(q2, mB, mK, ALP_F0BK_MR, a, f0);
}

int alp_ff_a0_bkstar(double q2, double *a0)
{
  static const double a[3] = { ALP_A0BKST_A0, ALP_A0BKST_A1, ALP_A0BKST_A2 };  /* D14 */
  return alp_ff_bsz(q2, ALP_MB0, ALP_MKST0, ALP_A0BKST_MR, a, a0);
}
