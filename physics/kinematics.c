/* kinematics.c -- four-vectors, boosts, two-body decays, collider frames. */
#include <math.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "kinematics.h"

double alp_kallen(double a, double b, double c)
{
  return a * a + b * b + c * c - 2.0 * (a * b + a * c + b * c);
}

int alp_kin_two_body_p(double M, double m1, double m2, double *p)
{
  if (!(isfinite(M) && isfinite(m1) && isfinite(m2)) || !(M > 0.0) ||
      m1 < 0.0 || m2 < 0.0 || M < m1 + m2)
    return GSL_EDOM;
  /* lambda^{1/2}(M^2, m1^2, m2^2)/(2M), written as a product of the four
   * factors (M^2 - (m1+m2)^2)(M^2 - (m1-m2)^2) to avoid cancellation near
   * threshold (REFERENCE §5.1). */
  {
    double s = (M - m1 - m2) * (M + m1 + m2) * (M - m1 + m2) * (M + m1 - m2);
    *p = s > 0.0 ? sqrt(s) / (2.0 * M) : 0.0;
  }
  return 0;
}

double alp_kin_mass(const double p4[4])
{
  double p2 = p4[1] * p4[1] + p4[2] * p4[2] + p4[3] * p4[3];
  double m2 = (p4[0] - sqrt(p2)) * (p4[0] + sqrt(p2));
  return m2 >= 0.0 ? sqrt(m2) : -sqrt(-m2);
}

void alp_kin_boost(const double P[4], double M, const double p[4],
                   double out[4])
{
  /* Standard boost with beta = P/E_P, gamma = E_P/M, written in terms of P
   * and M so that it is exact for beta -> 0 (e.g. Jackson, Classical
   * Electrodynamics, eq. 11.19). */
  double pdot = P[1] * p[1] + P[2] * p[2] + P[3] * p[3];
  double e = p[0];
  double f = pdot / (M * (P[0] + M)) + e / M;
  out[0] = (P[0] * e + pdot) / M;
  out[1] = p[1] + f * P[1];
  out[2] = p[2] + f * P[2];
  out[3] = p[3] + f * P[3];
}

void alp_kin_direction(double cos_theta, double phi, double u[3])
{
  double s2 = (1.0 - cos_theta) * (1.0 + cos_theta);
  double s = s2 > 0.0 ? sqrt(s2) : 0.0;
  u[0] = s * cos(phi);
  u[1] = s * sin(phi);
  u[2] = cos_theta;
}

void alp_kin_isotropic(double u1, double u2, double u[3])
{
  alp_kin_direction(2.0 * u1 - 1.0, 2.0 * M_PI * u2, u);
}

double alp_kin_cos_sin2(double u)
{
  /* c = 2cos(phi) turns c^3 - 3c + (4u - 2) = 0 into cos(3 phi) = 1 - 2u;
   * the root with F(-1) = 0, F(1) = 1 is phi = (acos(1-2u) + 4 pi)/3. */
  double c = 2.0 * cos((acos(1.0 - 2.0 * u) + 4.0 * M_PI) / 3.0);
  return c < -1.0 ? -1.0 : (c > 1.0 ? 1.0 : c);
}

void alp_kin_frame(const double n[3], double e1[3], double e2[3])
{
  /* e1 = (a x n)/|a x n| with a the coordinate axis least aligned with n,
   * e2 = n x e1. */
  double a[3] = { 0.0, 0.0, 0.0 };
  double ax = fabs(n[0]), ay = fabs(n[1]), az = fabs(n[2]), norm;
  if (ax <= ay && ax <= az) a[0] = 1.0;
  else if (ay <= az) a[1] = 1.0;
  else a[2] = 1.0;
  e1[0] = a[1] * n[2] - a[2] * n[1];
  e1[1] = a[2] * n[0] - a[0] * n[2];
  e1[2] = a[0] * n[1] - a[1] * n[0];
  norm = sqrt(e1[0] * e1[0] + e1[1] * e1[1] + e1[2] * e1[2]);
  e1[0] /= norm; e1[1] /= norm; e1[2] /= norm;
  e2[0] = n[1] * e1[2] - n[2] * e1[1];
  e2[1] = n[2] * e1[0] - n[0] * e1[2];
  e2[2] = n[0] * e1[1] - n[1] * e1[0];
}

int alp_collider_frame(const alp_collider *c, double P[4], double n[3])
{
  double em = c->e_minus, ep = c->e_plus, a = c->half_angle;
  double sa, ca, rs, scale, M, pe[4], Q[4], cm[4], norm;
  if (!(isfinite(em) && isfinite(ep) && isfinite(a)) || !(em > 0.0) ||
      !(ep > 0.0) || !(fabs(a) < M_PI / 2) || !(c->mass >= 0.0) ||
      !isfinite(c->mass))
    return GSL_EDOM;
  sa = sin(a);
  ca = cos(a);
  /* Sum of the beam four-momenta (REFERENCE §5.1); s = 4 E- E+ cos^2 a. */
  P[0] = em + ep;
  P[1] = (em + ep) * sa;
  P[2] = 0.0;
  P[3] = (em - ep) * ca;
  rs = 2.0 * ca * sqrt(em * ep);
  M = rs;
  if (c->mass > 0.0) {
    scale = c->mass / rs;
    for (int i = 0; i < 4; i++) P[i] *= scale;
    M = c->mass;
  }
  /* e- direction in the rest frame: boost the e- four-momentum by -beta. */
  pe[0] = em; pe[1] = em * sa; pe[2] = 0.0; pe[3] = em * ca;
  Q[0] = P[0]; Q[1] = -P[1]; Q[2] = -P[2]; Q[3] = -P[3];
  alp_kin_boost(Q, M, pe, cm);
  norm = sqrt(cm[1] * cm[1] + cm[2] * cm[2] + cm[3] * cm[3]);
  n[0] = cm[1] / norm;
  n[1] = cm[2] / norm;
  n[2] = cm[3] / norm;
  return 0;
}
