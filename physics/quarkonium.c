/* quarkonium.c -- V -> gamma a for J/psi, Upsilon(1S), Upsilon(3S)
 * (REFERENCE.md D17) and the decay probability of its ALP. */
#include <math.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "constants.h"
#include "quarkonium.h"
#include "sample.h"
#include <stdio.h>

static const struct { const char *name; double m, bee; } vectors[ALP_NV] = {
  [ALP_V_JPSI]  = { "J/psi",       ALP_MJPSI,  ALP_BEE_JPSI },   /* D17 table */
  [ALP_V_UPS1S] = { "Upsilon(1S)", ALP_MUPS1S, ALP_BEE_UPS1S },
  [ALP_V_UPS3S] = { "Upsilon(3S)", ALP_MUPS3S, ALP_BEE_UPS3S },
};

const char *alp_vector_name(alp_vector v)
{
  return (v >= 0 && v < ALP_NV) ? vectors[v].name : NULL;
}

int alp_vector_find(const char *name)
{
  for (int i = 0; name && i < ALP_NV; i++)
    if (strcmp(name, vectors[i].name) == 0) return i;
  return -1;
}

double alp_vector_mass(alp_vector v)
{
  return (v >= 0 && v < ALP_NV) ? vectors[v].m : GSL_NAN;
}

/* HPQCD's J/psi -> gamma a form factor F~(x), x = ma^2/mpsi^2: the fit of
 * D17 (good to 0.7 % for x <= 0.95). */
static double ftilde(double x)
{
  return 0.20035 + x * (0.06908 + x * (-0.22988 + x * (0.57591 - 0.29081 * x)));
}

int alp_br_v_to_gamma_a(const alp_model *m, alp_vector v, double ma, int lo,
                        double *br)
{
  double c[ALP_NC], mV, x, fa = m->p.fa, a = ALP_ALPHA0, ratio, amp;
  int status;
  if (v < 0 || v >= ALP_NV) GSL_ERROR("unknown vector meson", GSL_EINVAL);
  mV = vectors[v].m;
  if (!(ma >= 0 && ma <= mV)) GSL_ERROR("ma outside [0, m_V]", GSL_EDOM);
  /* D17 scale: c_QQ at mu = m_Q (D5 freezes it below) */
  status = alp_model_couplings_low(m, v == ALP_V_JPSI ? ALP_THR_C : ALP_THR_B, c);
  if (status) return status;
  x = ma * ma / (mV * mV);
  if (v == ALP_V_JPSI && !lo) {
    /* D17, lattice: Gamma/Gamma_psi = alpha Q_c^2 m^3 (1 - x)
     *   |c_cc F~(x) - (alpha c_gg/pi)(f_psi/m)(1 - x)|^2 / (24 f_a^2 Gamma_psi) */
    amp = c[ALP_C_C] * ftilde(x) - a * c[ALP_C_GAMGAM] / M_PI * ALP_FJPSI / mV * (1 - x);
    ratio = a * (4.0 / 9.0) * mV * mV * mV * (1 - x) * amp * amp
          / (24 * fa * fa * ALP_GAMMA_JPSI);
  } else {
    /* D17, LO NR (Wilczek): B_ee m^2/(8 pi alpha f_a^2) (1 - x)
     *   |c_QQ - (alpha/2pi) c_gg (1 - x)|^2 */
    double cqq = v == ALP_V_JPSI ? c[ALP_C_C] : c[ALP_C_B];
    amp = cqq - a / (2 * M_PI) * c[ALP_C_GAMGAM] * (1 - x);
    ratio = vectors[v].bee * mV * mV / (8 * M_PI * a * fa * fa) * (1 - x) * amp * amp;
  }
  *br = ratio / (1 + ratio); /* D16(a): ratio = Gamma(V -> gamma a)/Gamma_V */
  return GSL_SUCCESS;
}

struct beyond { double ma, Es, ps, g, bg, r, ctau; };

/* exp(-r/d) at cos theta* = u, d = |p_lab|/ma c tau (D8), weight (3/8)(1+u^2) */
static double beyond_at(double u, void *vp)
{
  const struct beyond *b = vp;
  double pz = b->g * b->ps * u + b->bg * b->Es, pt2 = b->ps * b->ps * (1 - u * u);
  double p = sqrt(pz * pz + fmax(pt2, 0.0));
  double x = p > 0 ? -b->r * b->ma / (p * b->ctau) : -INFINITY;
  /* exp(x) is exactly 0 in double below -745.2: skip libm's slow underflow path */
  double e = x < -746.0 ? 0.0 : exp(x);
  return 0.375 * (1 + u * u) * e;
}

int alp_v_decay_beyond(double mV, double ma, double bg, double r,
                       double ctau, double *p)
{
  enum { N = 256 };  /* Simpson intervals in cos theta*: the integrand is smooth */
  struct beyond b;
  double sum = 0;
  if (!(mV > 0 && ma >= 0 && ma <= mV && bg >= 0 && isfinite(bg) && r >= 0
        && isfinite(r) && ctau > 0))
    GSL_ERROR("mV, ma, beta*gamma, r or c tau out of range", GSL_EDOM);
  if (ma == 0 || r == 0 || isinf(ctau)) { *p = 1; return GSL_SUCCESS; }
  b.ma = ma; b.r = r; b.ctau = ctau; b.bg = bg; b.g = sqrt(1 + bg * bg);
  b.Es = (mV * mV + ma * ma) / (2 * mV);  /* two-body kinematics in the V frame */
  b.ps = (mV * mV - ma * ma) / (2 * mV);
  for (int i = 0; i <= N; i++)
    sum += (i == 0 || i == N ? 1 : i % 2 ? 4 : 2) * beyond_at(-1 + 2.0 * i / N, &b);
  *p = sum * (2.0 / N) / 3;
  return GSL_SUCCESS;
}

/* cos theta* at cumulative probability xi of (3/8)(1 + u^2) on [-1, 1]:
 * F(u) = (u^3 + 3u + 4)/8 = xi, the real root of u^3 + 3u + q = 0, q = 4 - 8 xi
 * (Cardano; one real root since the discriminant q^2/4 + 1 > 0) */
static double cos_quantile(double xi)
{
  double q = 4 - 8 * xi, d = sqrt(q * q / 4 + 1);
  return cbrt(-q / 2 + d) + cbrt(-q / 2 - d);
}

int alp_sample_v_to_gamma_a(double mV, double ma, double bg, size_t n_theta,
                            size_t n_phi, alp_sample **out)
{
  double g = sqrt(1 + bg * bg), Es, ps;
  alp_sample *s;
  int status;
  *out = NULL;
  if (!(ma > 0 && ma < mV && bg >= 0 && isfinite(bg)) || n_theta == 0 || n_phi == 0
      || n_theta > ALP_SAMPLE_NMAX / n_phi)
    GSL_ERROR("ma, beta*gamma or the number of nodes out of range", GSL_EDOM);
  if ((status = alp_sample_alloc(n_theta * n_phi, ma, &s))) return status;
  Es = (mV * mV + ma * ma) / (2 * mV);  /* two-body kinematics in the V frame */
  ps = (mV * mV - ma * ma) / (2 * mV);
  for (size_t i = 0; i < n_theta; i++) {
    double u = cos_quantile((i + 0.5) / n_theta), st = sqrt(fmax(0.0, 1 - u * u));
    for (size_t j = 0; j < n_phi; j++) {
      size_t k = i * n_phi + j;
      double phi = 2 * M_PI * (j + 0.5) / n_phi;
      double px = ps * st * cos(phi), py = ps * st * sin(phi);
      double pz = g * ps * u + bg * Es;  /* boost along z */
      double p = sqrt(px * px + py * py + pz * pz);
      s->bg[k] = p / ma;
      s->ux[k] = px / p; s->uy[k] = py / p; s->uz[k] = pz / p;
      /* the photon: E_gamma = p* in the V frame, back to back */
      s->ke[k] = g * ps - bg * ps * u;
      s->kpx[k] = -px; s->kpy[k] = -py; s->kpz[k] = -g * ps * u + bg * ps;
    }
  }
  s->m_recoil = 0;
  snprintf(s->label, sizeof s->label, "V -> gamma a (quadrature, bg %.4g)", bg);
  *out = s;
  return GSL_SUCCESS;
}
