/* production.c -- B -> K a, K -> pi a, B -> K* a branching ratios
 * (SEED eq. 2.6/3.7, REFERENCE.md §0, §3.1, D6, D14). */
#include <math.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "constants.h"
#include "errors.h"
#include "formfactors.h"
#include "production.h"
#include "running.h"

/* Kallen function lambda(a, b, c), SEED below (2.6). */
static double kallen(double a, double b, double c)
{
  return a * a + b * b + c * c - 2 * (a * b + a * c + b * c);
}

double alp_ma_max_b_to_ka(void) { return ALP_MBP - ALP_MKP; }
double alp_ma_max_b0_to_k0a(void) { return ALP_MB0 - ALP_MK0; }
double alp_ma_max_k_to_pia(void) { return ALP_MKP - ALP_MPIP; }
double alp_ma_max_b0_to_kstar0a(void) { return ALP_MB0 - ALP_MKST0; }

/* D16(a): the ALP channel is part of the parent's total width,
 * BR = Gamma/(Gamma_P + Gamma) with Gamma_P = hbar/tau_P, so BR < 1. */
static double br_of_width(double gamma, double tauP)
{
  return gamma / (ALP_HBAR / tauP + gamma);
}

/* P -> D a with a pseudoscalar D (SEED 2.6 written with Lambda, REF §0):
 * Gamma = (pi/4) |C|^2/Lambda^2 f0^2 (mP^2 - mD^2)^2/mP^3 lambda^{1/2}(mP^2, mD^2, ma^2);
 * BR of D16(a). */
static int br_pseudoscalar(double C, double Lambda, double ma, double mP,
                           double mD, double tauP, double f0, double *br)
{
  double q2 = ma * ma, dm2 = mP * mP - mD * mD;
  double lam = fmax(0.0, kallen(mP * mP, mD * mD, q2));
  double gamma = M_PI / 4 * C * C / (Lambda * Lambda) * f0 * f0 * dm2 * dm2
               / (mP * mP * mP) * sqrt(lam);
  *br = br_of_width(gamma, tauP);
  return GSL_SUCCESS;
}

static int check_mass(double ma, double mmax)
{
  if (!(ma >= 0 && ma <= mmax)) GSL_ERROR("ma outside the kinematic range", GSL_EDOM);
  return GSL_SUCCESS;
}

int alp_br_b_to_ka(const alp_model *m, double ma, double *br)
{
  double f0;
  int status = check_mass(ma, alp_ma_max_b_to_ka());
  if (!status) status = alp_ff_f0_bk(fmin(ma * ma, (ALP_MBP - ALP_MKP) * (ALP_MBP - ALP_MKP)),
                                     ALP_MBP, ALP_MKP, &f0);
  if (status) return status;
  return br_pseudoscalar(alp_model_csb(m), m->Lambda, ma, ALP_MBP, ALP_MKP,
                         ALP_TAU_BP, f0, br);
}

int alp_br_b0_to_k0a(const alp_model *m, double ma, double *br)
{
  double f0;
  int status = check_mass(ma, alp_ma_max_b0_to_k0a());
  if (!status) status = alp_ff_f0_bk(fmin(ma * ma, (ALP_MB0 - ALP_MK0) * (ALP_MB0 - ALP_MK0)),
                                     ALP_MB0, ALP_MK0, &f0);
  if (status) return status;
  return br_pseudoscalar(alp_model_csb(m), m->Lambda, ma, ALP_MB0, ALP_MK0,
                         ALP_TAU_B0, f0, br);
}

int alp_br_k_to_pia(const alp_model *m, double ma, double *br)
{
  int status = check_mass(ma, alp_ma_max_k_to_pia());
  if (status) return status;
  return br_pseudoscalar(alp_model_cds(m), m->Lambda, ma, ALP_MKP, ALP_MPIP,
                         ALP_TAU_KP, 1.0 /* f0^K = 1, SEED below (3.7) */, br);
}

int alp_br_b0_to_kstar0a(const alp_model *m, double ma, double *br)
{
  const double mB = ALP_MB0, mV = ALP_MKST0;
  double a0, lam, C = alp_model_csb(m), gamma;
  int status = check_mass(ma, alp_ma_max_b0_to_kstar0a());
  if (!status) status = alp_ff_a0_bkstar(fmin(ma * ma, (mB - mV) * (mB - mV)), &a0);
  if (status) return status;
  lam = fmax(0.0, kallen(mB * mB, mV * mV, ma * ma));
  /* REF §3.1 */
  gamma = M_PI / 4 * C * C / (m->Lambda * m->Lambda) * a0 * a0 * lam * sqrt(lam) / (mB * mB * mB);
  *br = br_of_width(gamma, ALP_TAU_B0);   /* D16(a) */
  return GSL_SUCCESS;
}

/* ---- K_L -> pi0 a (REF D18) ------------------------------------------------ */

double alp_ma_max_kl_to_pi0a(void) { return ALP_MKL - ALP_MPI0; }

/* D18: B = tau_KL (pi/4)(Im C_sd)^2/Lambda^2 (m_KL^2 - m_pi0^2)^2
 * lambda^{1/2}(m_KL^2, m_pi0^2, ma^2)/m_KL^3 f0^2, f0 = 1, Im C_sd =
 * Im(lambda_t) (K_ff c_ff + K_WW c_WW) = Im(lambda_t) K (C_sd does not run
 * below mZ, D5); eps_K terms, g_8/g_27 and charm loops left out (D18 (i)-(iii)). */
int alp_br_kl_to_pi0a(const alp_model *m, double ma, double *br)
{
  double im;
  int status = check_mass(ma, alp_ma_max_kl_to_pi0a());
  if (!status) status = alp_ckm_im_lambda_t(&im);
  if (status) return status;
  return br_pseudoscalar(im * m->K, m->Lambda, ma, ALP_MKL, ALP_MPI0,
                         ALP_TAU_KL, 1.0 /* f0 = 1, D18 (iv) */, br);
}

/* ---- EFT validity (D16(b)) ------------------------------------------------ */

static const struct { const char *name; double m; } parents[] = {
  { "B+", ALP_MBP }, { "B0", ALP_MB0 }, { "K+", ALP_MKP }, { "K_L", ALP_MKL },
  { "J/psi", ALP_MJPSI }, { "Upsilon(1S)", ALP_MUPS1S }, { "Upsilon(3S)", ALP_MUPS3S },
};
#define NPARENTS (int)(sizeof parents / sizeof parents[0])

const char *alp_parent_name(int i)
{
  return (i >= 0 && i < NPARENTS) ? parents[i].name : NULL;
}

int alp_validity_max_coupling(const char *parent, double *cmax, double *mP)
{
  for (int i = 0; parent && i < NPARENTS; i++) {
    if (strcmp(parent, parents[i].name) == 0) {
      /* f_a/|c| > m_P  <=>  |c|/f_a < 1/m_P GeV^-1 = 1000/m_P TeV^-1 (D16(b)) */
      if (cmax) *cmax = 1e3 / parents[i].m;
      if (mP) *mP = parents[i].m;
      return GSL_SUCCESS;
    }
  }
  return ALP_ENOTFOUND;
}
