/* widths.c -- ALP partial widths (SEED App. A, REFERENCE.md §4, D5, D7, D8).
 *
 * The phase-space functions g_00, g_+- of (A.5) are integrated numerically
 * once per process and tabulated in m_a (an immutable table built under
 * pthread_once, read-only afterwards); a width evaluation never integrates.
 */
#include <complex.h>
#include <pthread.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_math.h>
#include "constants.h"
#include "errors.h"
#include "widths.h"

static const char *const channel_names[ALP_NCH] = {
  "gammagamma", "ee", "mumu", "tautau", "hadrons", "cc", "bb", "invisible"
};

const char *alp_channel_name(int ch)
{
  return (ch >= 0 && ch < ALP_NCH) ? channel_names[ch] : NULL;
}

int alp_channel_index(const char *name)
{
  for (int i = 0; name && i < ALP_NCH; i++)
    if (strcmp(name, channel_names[i]) == 0) return i;
  return -1;
}

/* ---- B_1 (A.8) ------------------------------------------------------------ */

void alp_b1(double tau, double *re, double *im)
{
  if (tau > 1e3) {
    /* asymptotic series: B_1 = -1/(3 tau) - 8/(45 tau^2) + O(tau^-3) (avoids
     * the cancellation in 1 - tau asin^2(1/sqrt tau)) */
    double x = 1 / tau;
    *re = -x / 3 - 8 * x * x / 45;
    *im = 0;
  } else if (tau >= 1) {
    double f = asin(1 / sqrt(tau));             /* f(tau), tau >= 1 */
    *re = 1 - tau * f * f;
    *im = 0;
  } else {
    /* f = pi/2 + (i/2) L, L = ln[(1 + b)/(1 - b)], b = sqrt(1 - tau) */
    double b = sqrt(1 - tau), L = log((1 + b) * (1 + b) / tau);   /* 1-b = tau/(1+b) */
    *re = 1 - tau * (M_PI * M_PI / 4 - L * L / 4);
    *im = -tau * M_PI * L / 2;
  }
}

static double complex b1c(double tau)
{
  double re, im;
  alp_b1(tau, &re, &im);
  return re + I * im;
}

/* ---- three-pion phase space (A.5) ---------------------------------------- */

static double kallen(double a, double b, double c)
{
  return a * a + b * b + c * c - 2 * (a * b + a * c + b * c);
}

/* z = m_ij^2/m_a^2 of the pair integrated over; rp = m_pair-pion^2/m_a^2,
 * r = m_pi0^2/m_a^2 (the third pion and the matrix element). */
struct g3pi_par { double r, rp, zmin, zmax; int charged; };

/* Integrand in u in [0, 1] with z = zmin + (zmax - zmin)(1 - cos pi u)/2,
 * which removes the square-root endpoint behaviour (REF §4.3). */
static double g3pi_integrand(double u, void *vp)
{
  const struct g3pi_par *p = vp;
  double dz = p->zmax - p->zmin;
  double z = p->zmin + dz * (1 - cos(M_PI * u)) / 2;
  double jac = dz * M_PI * sin(M_PI * u) / 2;
  double f = sqrt(fmax(0.0, 1 - 4 * p->rp / z)) * sqrt(fmax(0.0, kallen(1, z, p->r)));
  if (p->charged) f *= (z - p->r) * (z - p->r);
  return f * jac;
}

/* One of the integrals of (A.5) over z in [4 rp, (1 - sqrt r)^2]; 0 below
 * the threshold. */
static int g3pi_integral(struct g3pi_par *p, gsl_integration_cquad_workspace *ws,
                         double *res)
{
  gsl_function F = { g3pi_integrand, p };
  double err;
  size_t neval;
  *res = 0;
  p->zmin = 4 * p->rp;
  p->zmax = (1 - sqrt(p->r)) * (1 - sqrt(p->r));
  if (p->zmax <= p->zmin) return GSL_SUCCESS;
  return gsl_integration_cquad(&F, 0, 1, 0, 1e-10, ws, res, &err, &neval);
}

int alp_g3pi_direct(double r, double rc, double *g00, double *gpm)
{
  struct g3pi_par p;
  double res[2] = { 0, 0 };
  int status;
  gsl_integration_cquad_workspace *ws;
  *g00 = *gpm = 0;
  if (!(r > 0) || !(rc > 0)) GSL_ERROR("r and rc must be positive", GSL_EDOM);
  /* doubly adaptive quadrature (robust also for r -> 0, where the integrand
   * rises steeply near z = 4r); only used to build the table and in tests */
  ws = gsl_integration_cquad_workspace_alloc(200);
  if (!ws) GSL_ERROR("cannot allocate quadrature workspace", GSL_ENOMEM);
  /* 3 pi0: every pion a pi0 */
  p.r = p.rp = r;
  p.charged = 0;
  status = g3pi_integral(&p, ws, &res[0]);
  /* pi0 pi+ pi-: z = m_{+-}^2/m_a^2, the pair of mass m_pi+ (D7 amendment);
   * the matrix element (z - r)^2 and the mixing denominator keep m_pi0 */
  p.rp = rc;
  p.charged = 1;
  if (!status) status = g3pi_integral(&p, ws, &res[1]);
  gsl_integration_cquad_workspace_free(ws);
  if (status) return status;
  *g00 = 2 / ((1 - r) * (1 - r)) * res[0];      /* (A.5) */
  *gpm = 12 / ((1 - r) * (1 - r)) * res[1];
  return GSL_SUCCESS;
}

/* Tables of g_00 from 3 m_pi0 and of g_+- from m_pi0 + 2 m_pi+ to 1 GeV. */
#define G3PI_N 241
static struct {
  int status;
  double ma00[G3PI_N], mapm[G3PI_N], g00[G3PI_N], gpm[G3PI_N];
  gsl_interp *i00, *ipm;   /* allocated once, kept for the process */
} g3;
static pthread_once_t g3_once = PTHREAD_ONCE_INIT;

static double g3pi_r(double ma, double mpi) { return mpi * mpi / (ma * ma); }

static void g3pi_build(void)
{
  const double lo00 = 3 * ALP_MPI0, lopm = ALP_MPI0 + 2 * ALP_MPIP, hi = ALP_THR_QCD;
  double dummy;
  g3.status = GSL_SUCCESS;
  for (int i = 0; i < G3PI_N && !g3.status; i++) {
    double m00 = lo00 + (hi - lo00) * i / (G3PI_N - 1);
    double mpm = lopm + (hi - lopm) * i / (G3PI_N - 1);
    g3.ma00[i] = m00;
    g3.mapm[i] = mpm;
    if (i == 0) { g3.g00[i] = g3.gpm[i] = 0; continue; }   /* thresholds */
    g3.status = alp_g3pi_direct(g3pi_r(m00, ALP_MPI0), g3pi_r(m00, ALP_MPIP), &g3.g00[i], &dummy);
    if (!g3.status)
      g3.status = alp_g3pi_direct(g3pi_r(mpm, ALP_MPI0), g3pi_r(mpm, ALP_MPIP), &dummy, &g3.gpm[i]);
  }
  if (g3.status) return;
  g3.i00 = gsl_interp_alloc(gsl_interp_cspline, G3PI_N);
  g3.ipm = gsl_interp_alloc(gsl_interp_cspline, G3PI_N);
  if (!g3.i00 || !g3.ipm) { g3.status = GSL_ENOMEM; return; }
  g3.status = gsl_interp_init(g3.i00, g3.ma00, g3.g00, G3PI_N);
  if (!g3.status) g3.status = gsl_interp_init(g3.ipm, g3.mapm, g3.gpm, G3PI_N);
}

int alp_g3pi(double ma, double *g00, double *gpm)
{
  pthread_once(&g3_once, g3pi_build);
  if (g3.status) return g3.status;
  if (!(ma <= ALP_THR_QCD)) GSL_ERROR("ma above 1 GeV", GSL_EDOM);
  *g00 = *gpm = 0;
  /* NULL accelerator: a binary search, and no shared mutable state */
  if (ma > g3.ma00[0]) *g00 = fmax(0.0, gsl_interp_eval(g3.i00, g3.ma00, g3.g00, ma, NULL));
  if (ma > g3.mapm[0]) *gpm = fmax(0.0, gsl_interp_eval(g3.ipm, g3.mapm, g3.gpm, ma, NULL));
  return GSL_SUCCESS;
}

/* ---- partial widths --------------------------------------------------------- */

/* Gamma(a -> f fbar) of (A.1)/(2.10): 2 pi ma N_c c^2 m_f^2/Lambda^2 beta_f. */
static double w_ff(double ma, double c, double mf, double nc, double L2)
{
  if (!(ma > 2 * mf)) return 0;
  return 2 * M_PI * ma * nc * c * c * mf * mf / L2 * sqrt(1 - 4 * mf * mf / (ma * ma));
}

int alp_widths(const alp_model *m, double ma, double w[ALP_NCH])
{
  double cl[ALP_NC], cq[ALP_NC], as, L2 = m->Lambda * m->Lambda;
  double muq = fmax(ma, ALP_THR_QCD);
  double complex C;
  const double mq[5] = { ALP_MU_Q, ALP_MC_Q, ALP_MD_Q, ALP_MS_Q, ALP_MB_Q };  /* u c d s b */
  const double ml[3] = { ALP_ME, ALP_MMU, ALP_MTAU };
  int status;

  if (!(ma >= ALP_MA_MIN && ma <= ALP_MA_MAX))
    GSL_ERROR("ma outside [1e-6 GeV, mZ]", GSL_EDOM);
  /* D5: leptons at mu = ma, quarks at mu = max(ma, 1 GeV) */
  status = alp_model_couplings_low(m, ma, cl);
  if (!status) status = alp_model_couplings_low(m, muq, cq);
  if (!status) status = alp_couplings_sm_low(muq, &as, NULL);
  if (status) return status;

  /* leptons: (A.1), (2.10) */
  w[ALP_CH_EE] = w_ff(ma, cl[ALP_C_E], ALP_ME, 1, L2);
  w[ALP_CH_MUMU] = w_ff(ma, cl[ALP_C_MU], ALP_MMU, 1, L2);
  w[ALP_CH_TAUTAU] = w_ff(ma, cl[ALP_C_TAU], ALP_MTAU, 1, L2);
  /* heavy quarks: (A.1) with N_c = 3 (D7) */
  w[ALP_CH_CC] = w_ff(ma, cq[ALP_C_C], ALP_MC_Q, 3, L2);
  w[ALP_CH_BB] = w_ff(ma, cq[ALP_C_B], ALP_MB_Q, 3, L2);

  /* photons: (A.6)-(A.8) with alpha(0) (D7) */
  C = cq[ALP_C_GAMGAM];
  for (int l = 0; l < 3; l++)
    C += cl[ALP_C_E + l] * b1c(4 * ml[l] * ml[l] / (ma * ma));
  C += 3 * (4.0 / 9) * cq[ALP_C_C] * b1c(4 * ALP_MC_Q * ALP_MC_Q / (ma * ma));
  C += 3 * (1.0 / 9) * cq[ALP_C_B] * b1c(4 * ALP_MB_Q * ALP_MB_Q / (ma * ma));
  C += 3 * (4.0 / 9) * m->ctZ * b1c(4 * ALP_MT * ALP_MT / (ma * ma));   /* t, REF §4.2 */
  if (ma >= ALP_THR_QCD) {
    /* u, d, s loops above 1 GeV (D7) */
    C += 3 * (4.0 / 9) * cq[ALP_C_U] * b1c(4 * ALP_MU_Q * ALP_MU_Q / (ma * ma));
    C += 3 * (1.0 / 9) * cq[ALP_C_D] * b1c(4 * ALP_MD_Q * ALP_MD_Q / (ma * ma));
    C += 3 * (1.0 / 9) * cq[ALP_C_S] * b1c(4 * ALP_MS_Q * ALP_MS_Q / (ma * ma));
  } else {
    /* chiral terms (A.7), pi0 pole regulated by i m_pi0 Gamma_pi0 (D7) */
    double complex den = ALP_MPI0 * ALP_MPI0 - ma * ma - I * ALP_MPI0 * ALP_GAMMA_PI0;
    double rud = (ALP_MD_Q - ALP_MU_Q) / (ALP_MD_Q + ALP_MU_Q);
    C += -ma * ma / den * (cq[ALP_C_U] - cq[ALP_C_D]) / 2
         - (5.0 / 3 + ALP_MPI0 * ALP_MPI0 / den * rud) * cq[ALP_C_GG];
  }
  {
    double C2 = creal(C) * creal(C) + cimag(C) * cimag(C);
    w[ALP_CH_GAMGAM] = ALP_ALPHA0 * ALP_ALPHA0 * ma * ma * ma / (4 * M_PI * L2) * C2;
  }

  /* hadrons: hard switch at 1 GeV (D7) */
  if (ma < ALP_THR_QCD) {
    /* a -> 3 pi, (A.4)-(A.5) with m_pi0 and f_pi = 130.2 MeV (D7), phase
     * space with the physical pion masses (D7 amendment) */
    double g00, gpm, dc, pref;
    status = alp_g3pi(ma, &g00, &gpm);
    if (status) return status;
    dc = cq[ALP_C_U] - cq[ALP_C_D]
       + 2 * cq[ALP_C_GG] * (ALP_MD_Q - ALP_MU_Q) / (ALP_MD_Q + ALP_MU_Q);
    pref = ma * pow(ALP_MPI0, 4) / (384 * M_PI * ALP_FPI * ALP_FPI * L2) * dc * dc;
    w[ALP_CH_HADRONS] = pref * (g00 + gpm);   /* each 0 below its threshold */
  } else {
    /* a -> gg + light quarks, (A.2)-(A.3), K-factor 97/4, n_q = 3 (D7) */
    double complex CG = cq[ALP_C_GG];
    const int qidx[5] = { ALP_C_U, ALP_C_C, ALP_C_D, ALP_C_S, ALP_C_B };
    double CG2;
    /* every quark through B_1, so that c, b, t decouple smoothly below
     * their thresholds (REF §4.4, D7 amendment) */
    for (int q = 0; q < 5; q++)
      CG += cq[qidx[q]] / 2 * b1c(4 * mq[q] * mq[q] / (ma * ma));
    CG += m->ctZ / 2 * b1c(4 * ALP_MT * ALP_MT / (ma * ma));
    CG2 = creal(CG) * creal(CG) + cimag(CG) * cimag(CG);
    w[ALP_CH_HADRONS] = 2 * as * as * ma * ma * ma / M_PI * CG2 / L2
                        * (1 + (ALP_KHAD - 7.0 * ALP_NQ_LIGHT / 6) * as / M_PI)
                      + w_ff(ma, cq[ALP_C_U], ALP_MU_Q, 3, L2)
                      + w_ff(ma, cq[ALP_C_D], ALP_MD_Q, 3, L2)
                      + w_ff(ma, cq[ALP_C_S], ALP_MS_Q, 3, L2);
  }
  w[ALP_CH_INV] = m->p.gamma_inv;   /* SEED (2.12) */
  return GSL_SUCCESS;
}

double alp_total_of_widths(const double w[ALP_NCH])
{
  double s = 0;
  for (int i = 0; i < ALP_NCH; i++) s += w[i];   /* SEED (2.12) */
  return s;
}

int alp_br_of_widths(const double w[ALP_NCH], int ch, double *br)
{
  double s;
  if (ch < 0 || ch >= ALP_NCH) GSL_ERROR("unknown decay channel", ALP_ECHANNEL);
  s = alp_total_of_widths(w);
  if (!(s > 0)) GSL_ERROR("total width is zero (all couplings vanish)", GSL_EDOM);
  *br = w[ch] / s;
  return GSL_SUCCESS;
}

int alp_ctau_of_widths(const double w[ALP_NCH], double *ctau)
{
  double g = alp_total_of_widths(w);
  if (!(g > 0)) GSL_ERROR("total width is zero (all couplings vanish)", GSL_EDOM);
  *ctau = ALP_HBARC / g;   /* D8 */
  return GSL_SUCCESS;
}

int alp_width_total(const alp_model *m, double ma, double *gamma)
{
  double w[ALP_NCH];
  int status = alp_widths(m, ma, w);
  if (status) return status;
  *gamma = alp_total_of_widths(w);
  return GSL_SUCCESS;
}

int alp_width(const alp_model *m, double ma, int ch, double *gamma)
{
  double w[ALP_NCH];
  int status;
  if (ch < 0 || ch >= ALP_NCH) GSL_ERROR("unknown decay channel", ALP_ECHANNEL);
  status = alp_widths(m, ma, w);
  if (status) return status;
  *gamma = w[ch];
  return GSL_SUCCESS;
}

int alp_br(const alp_model *m, double ma, int ch, double *br)
{
  double w[ALP_NCH];
  int status;
  if (ch < 0 || ch >= ALP_NCH) GSL_ERROR("unknown decay channel", ALP_ECHANNEL);
  status = alp_widths(m, ma, w);
  if (status) return status;
  return alp_br_of_widths(w, ch, br);
}

int alp_ctau(const alp_model *m, double ma, double *ctau)
{
  double w[ALP_NCH];
  int status = alp_widths(m, ma, w);
  if (status) return status;
  return alp_ctau_of_widths(w, ctau);
}
