/* running.c -- RG evolution and weak matching of the ALP couplings
 * (REFERENCE.md §2, D2-D5).  See running.h for the scheme.
 *
 * The only process-wide state is the evolution table `tab`, written once by
 * build_table() under pthread_once and read-only afterwards (an immutable
 * table, the one exception to "no mutable static state": it holds operators
 * for unit couplings, never a model).
 */
#include <complex.h>
#include <pthread.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_odeiv2.h>
#include "constants.h"
#include "running.h"

#define KAPPA (1.0 / (16.0 * M_PI * M_PI))

/* Grid steps in t = ln mu.  Cubic Hermite interpolation with the exact
 * derivatives from the ODE right-hand side: error ~ h^4/384 |y''''|, below
 * 1e-7 relative for these smooth operators (checked in tests/c/test_running.c
 * against direct evaluation at nodes). */
#define HI_STEPS_TO_DEFAULT 50  /* steps from mZ to the default Lambda = 4 pi TeV */
#define HI_NMAX 256
#define LO_HMAX 0.05
#define LO_NMAX 640
#define LO_NSEG 6
#define ODE_EPS 1e-12

/* ---- the immutable table ------------------------------------------------ */

struct lo_flags { int b, tau, c, qcd, mu; };   /* active fields in a segment */

static struct {
  int status;
  double vt[3];                          /* |V_td|, |V_ts|, |V_tb| (D2) */
  /* above mZ: nodes t_k = tZ + k h */
  double tZ, h;
  int n;
  double sm[HI_NMAX][4], dsm[HI_NMAX][4];
  double psi[HI_NMAX][ALP_NX * ALP_NX], dpsi[HI_NMAX][ALP_NX * ALP_NX];
  /* below mZ: segments between thresholds, node j of segment s at
   * t = seg[s].ttop - j seg[s].h, stored at index seg[s].first + j */
  struct { double ttop, tbot, h; int first, n; struct lo_flags f; } seg[LO_NSEG];
  double lo[LO_NMAX][2 + ALP_NC_RUN * ALP_NC];   /* alpha_s, alpha, U(8x10) */
  double dlo[LO_NMAX][2 + ALP_NC_RUN * ALP_NC];
} tab;

static pthread_once_t tab_once = PTHREAD_ONCE_INIT;

/* ---- CKM (D2: standard parametrisation of the seed code) ---------------- */

static void ckm_top(double vt[3])
{
  double s13 = ALP_CKM_VUB, c13 = sqrt(1.0 - s13 * s13);
  double s12 = ALP_CKM_VUS / c13, s23 = ALP_CKM_VCB / c13;
  double c12 = sqrt(1.0 - s12 * s12), c23 = sqrt(1.0 - s23 * s23);
  double complex e = cexp(I * ALP_CKM_DELTA);
  vt[0] = cabs(s12 * s23 - c12 * c23 * s13 * e);   /* V_td */
  vt[1] = cabs(-c12 * s23 - s12 * c23 * s13 * e);  /* V_ts */
  vt[2] = c23 * c13;                               /* V_tb */
}

/* Im lambda_t = Im(V_ts* V_td) of the same parametrisation (REF D18:
 * lambda_t = -3.4592e-4 + 1.4581e-4 i). */
int alp_ckm_im_lambda_t(double *im)
{
  double s13 = ALP_CKM_VUB, c13 = sqrt(1.0 - s13 * s13);
  double s12 = ALP_CKM_VUS / c13, s23 = ALP_CKM_VCB / c13;
  double c12 = sqrt(1.0 - s12 * s12), c23 = sqrt(1.0 - s23 * s23);
  double complex e = cexp(I * ALP_CKM_DELTA);
  double complex vtd = s12 * s23 - c12 * c23 * s13 * e;
  double complex vts = -c12 * s23 - s12 * c23 * s13 * e;
  *im = cimag(conj(vts) * vtd);
  return GSL_SUCCESS;
}

/* ---- SM running above mZ: two loops in g1, g2, g3, y_t (REF §2.1, D3) --- */

static void sm_beta(const double y[4], double dy[4])
{
  static const double b[3] = { 41.0 / 6, -19.0 / 6, -7.0 };
  static const double bij[3][3] = { { 199.0 / 18, 9.0 / 2, 44.0 / 3 },
                                    { 3.0 / 2, 35.0 / 6, 12.0 },
                                    { 11.0 / 6, 9.0 / 2, -26.0 } };
  static const double d[3] = { 17.0 / 6, 3.0 / 2, 2.0 };
  const double k = KAPPA, yt = y[3], T = yt * yt;
  double G[3];      /* g_i^2 */
  for (int i = 0; i < 3; i++) G[i] = 4 * M_PI * y[i];
  for (int i = 0; i < 3; i++) {
    double s = 0;
    for (int j = 0; j < 3; j++) s += bij[i][j] * G[j];
    /* d alpha_i/dt = 2 g_i dg_i/dt / 4pi with dg/dt = k g^3 [b + k(..)] */
    dy[i] = 2 * k * G[i] * G[i] * (b[i] + k * (s - d[i] * T)) / (4 * M_PI);
  }
  {
    double G1 = G[0], G2 = G[1], G3 = G[2];
    dy[3] = k * yt * (4.5 * T - 8 * G3 - 9.0 / 4 * G2 - 17.0 / 12 * G1)
          + k * k * yt * (-12 * T * T + T * (36 * G3 + 225.0 / 16 * G2 + 131.0 / 16 * G1)
                          - 108 * G3 * G3 - 23.0 / 4 * G2 * G2 + 1187.0 / 216 * G1 * G1
                          + 9 * G3 * G2 + 19.0 / 9 * G3 * G1 - 3.0 / 4 * G2 * G1);
  }
}

/* ---- ALP RGEs above mZ (REF §2.1 eqs. / §2.2 y_t-only reduction) -------- */

static void alp_beta(const double sm[4], const double *x, double *dx)
{
  const double a1 = sm[0], a2 = sm[1], a3 = sm[2], T = sm[3] * sm[3];
  double ctt = x[ALP_X_U3] - x[ALP_X_Q3];
  double trQ = 2 * x[ALP_X_Q12] + x[ALP_X_Q3];
  double tru = x[ALP_X_U1] + x[ALP_X_U2] + x[ALP_X_U3];
  double trd = x[ALP_X_D1] + x[ALP_X_D2] + x[ALP_X_D3];
  double trL = 3 * x[ALP_X_L];
  double tre = x[ALP_X_E1] + x[ALP_X_E2] + x[ALP_X_E3];
  /* c-tilde: the gauge couplings plus fermion traces (REF §2.1) */
  double cGt = x[ALP_X_GG] + 0.5 * (tru + trd - 2 * trQ);
  double cWt = x[ALP_X_WW] - 0.5 * (3 * trQ + trL);
  double cBt = x[ALP_X_BB] + (4.0 / 3 * tru + 1.0 / 3 * trd - 1.0 / 6 * trQ + tre - 0.5 * trL);
  double GQ = -16 * a3 * a3 * cGt - 9 * a2 * a2 * cWt - 1.0 / 3 * a1 * a1 * cBt;
  double Gu = 16 * a3 * a3 * cGt + 16.0 / 3 * a1 * a1 * cBt;
  double Gd = 16 * a3 * a3 * cGt + 4.0 / 3 * a1 * a1 * cBt;
  double GL = -9 * a2 * a2 * cWt - 3 * a1 * a1 * cBt;
  double Ge = 12 * a1 * a1 * cBt;
  const double k = KAPPA;
  dx[ALP_X_Q12] = k * GQ;
  dx[ALP_X_Q3]  = k * (-T * ctt + GQ);
  dx[ALP_X_U1]  = dx[ALP_X_U2] = k * (6 * T * ctt + Gu);
  dx[ALP_X_U3]  = k * (8 * T * ctt + Gu);
  dx[ALP_X_D1]  = dx[ALP_X_D2] = dx[ALP_X_D3] = k * (-6 * T * ctt + Gd);
  dx[ALP_X_L]   = k * GL;
  dx[ALP_X_E1]  = dx[ALP_X_E2] = dx[ALP_X_E3] = k * (-6 * T * ctt + Ge);
  dx[ALP_X_GG]  = dx[ALP_X_WW] = dx[ALP_X_BB] = 0;   /* not renormalised */
}

/* Adjoint system above mZ: y = (alpha1, alpha2, alpha_s, y_t, Psi), with
 * dPsi/dt = -Psi A(t), A the (linear) ALP RGE at the SM couplings of t. */
static int hi_rhs(double t, const double y[], double dy[], void *p)
{
  double A[ALP_NX][ALP_NX], e[ALP_NX], col[ALP_NX];
  const double *psi = y + 4;
  (void)t; (void)p;
  sm_beta(y, dy);
  for (int j = 0; j < ALP_NX; j++) {            /* A by columns */
    memset(e, 0, sizeof e);
    e[j] = 1;
    alp_beta(y, e, col);
    for (int i = 0; i < ALP_NX; i++) A[i][j] = col[i];
  }
  for (int i = 0; i < ALP_NX; i++)
    for (int j = 0; j < ALP_NX; j++) {
      double s = 0;
      for (int k = 0; k < ALP_NX; k++) s += psi[i * ALP_NX + k] * A[k][j];
      dy[4 + i * ALP_NX + j] = -s;
    }
  return GSL_SUCCESS;
}

/* ---- running below mZ (REF §2.4, D5) ------------------------------------ */

static const double Qf[ALP_NC_RUN] = { 2.0 / 3, 2.0 / 3, -1.0 / 3, -1.0 / 3, -1.0 / 3,
                                       -1, -1, -1 };
static const double Ncf[ALP_NC_RUN] = { 3, 3, 3, 3, 3, 1, 1, 1 };
static const int is_quark[ALP_NC_RUN] = { 1, 1, 1, 1, 1, 0, 0, 0 };

static int lo_active(const struct lo_flags *f, int i)
{
  switch (i) {
  case ALP_C_C: return f->c;
  case ALP_C_B: return f->b;
  case ALP_C_MU: return f->mu;
  case ALP_C_TAU: return f->tau;
  default: return 1;   /* u, d, s, e: always in the sums (decided_chain.py) */
  }
}

/* y = (alpha_s, alpha, U) with U = U(mu <- mZ) (8 x 10, row-major).
 * dc_q/dt = 2 alpha_s^2/pi^2 cGG~ + 3 alpha^2/(2 pi^2) Q_q^2 cgg~ (active
 * quarks, above 1 GeV only); dc_l/dt = 3 alpha^2/(2 pi^2) cgg~ (active
 * leptons);  cGG~ = c_GG + 1/2 sum_active q c_q,
 * cgg~ = c_gamgam + sum_active f N_c Q_f^2 c_f  (REF §2.4). */
static int lo_rhs(double t, const double y[], double dy[], void *p)
{
  const struct lo_flags *f = p;
  const double as = y[0], ae = y[1];
  const double *U = y + 2;
  double *dU = dy + 2;
  double aG[ALP_NC_RUN], aP[ALP_NC_RUN];
  int nf = 3 + f->c + f->b;
  double sumQ2 = 0;
  (void)t;
  for (int i = 0; i < ALP_NC_RUN; i++) {
    int act = lo_active(f, i);
    aG[i] = (is_quark[i] && act && f->qcd) ? 2 * as * as / (M_PI * M_PI) : 0;
    aP[i] = (act && (!is_quark[i] || f->qcd)) ? 3 * ae * ae / (2 * M_PI * M_PI) * Qf[i] * Qf[i] : 0;
    if (act && (!is_quark[i] || f->qcd)) sumQ2 += Ncf[i] * Qf[i] * Qf[i];
  }
  dy[0] = f->qcd ? -as * as / (2 * M_PI) * (11 - 2.0 * nf / 3)
                   - 2 * as * as * as / (16 * M_PI * M_PI) * (102 - 38.0 * nf / 3)
                 : 0;
  dy[1] = 2 * ae * ae / (3 * M_PI) * sumQ2;
  for (int j = 0; j < ALP_NC; j++) {
    /* the two driving combinations, applied to column j of U (rows 8, 9 of
     * the full operator are identity rows: c_GG, c_gamgam do not run) */
    double gg = (j == ALP_C_GG), gam = (j == ALP_C_GAMGAM);
    for (int k = 0; k < ALP_NC_RUN; k++) {
      double u = U[k * ALP_NC + j];
      if (!lo_active(f, k)) continue;
      if (is_quark[k]) gg += 0.5 * u;
      gam += Ncf[k] * Qf[k] * Qf[k] * u;
    }
    for (int i = 0; i < ALP_NC_RUN; i++) dU[i * ALP_NC + j] = aG[i] * gg + aP[i] * gam;
  }
  return GSL_SUCCESS;
}

/* ---- building the table --------------------------------------------------- */

static int build_high(void)
{
  enum { DIM = 4 + ALP_NX * ALP_NX };
  double y[DIM];
  gsl_odeiv2_system sys = { hi_rhs, NULL, DIM, NULL };
  gsl_odeiv2_driver *d;
  double t, tmax = log(4 * M_PI * ALP_FA_MAX);
  int status = GSL_SUCCESS;

  tab.tZ = log(ALP_MZ);
  tab.h = (log(4 * M_PI * ALP_FA_DEFAULT) - tab.tZ) / HI_STEPS_TO_DEFAULT;
  tab.n = (int)ceil((tmax - tab.tZ) / tab.h) + 1;
  if (tab.n > HI_NMAX) return GSL_ESANITY;

  /* D2 inputs at mZ: alpha_1 = alpha/c_w^2, alpha_2 = alpha/s_w^2, y_t
   * imposed at mZ as sqrt2 m_t / v_h with v_h = 2 m_W / g. */
  {
    double a2 = ALP_ALPHA_MZ / ALP_SW2_MZ;
    double vh = 2 * ALP_MW / sqrt(4 * M_PI * a2);
    y[0] = ALP_ALPHA_MZ / (1 - ALP_SW2_MZ);
    y[1] = a2;
    y[2] = ALP_ALPHAS_MZ;
    y[3] = M_SQRT2 * ALP_MT / vh;
  }
  for (int i = 0; i < ALP_NX; i++)
    for (int j = 0; j < ALP_NX; j++) y[4 + i * ALP_NX + j] = (i == j);

  d = gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, 1e-2, ODE_EPS, ODE_EPS);
  if (!d) return GSL_ENOMEM;
  t = tab.tZ;
  for (int k = 0; k < tab.n && status == GSL_SUCCESS; k++) {
    double tk = tab.tZ + k * tab.h, dy[DIM];
    if (k > 0) status = gsl_odeiv2_driver_apply(d, &t, tk, y);
    if (status) break;
    hi_rhs(tk, y, dy, NULL);
    memcpy(tab.sm[k], y, 4 * sizeof(double));
    memcpy(tab.dsm[k], dy, 4 * sizeof(double));
    memcpy(tab.psi[k], y + 4, sizeof tab.psi[k]);
    memcpy(tab.dpsi[k], dy + 4, sizeof tab.dpsi[k]);
  }
  gsl_odeiv2_driver_free(d);
  return status;
}

static int build_low(void)
{
  enum { DIM = 2 + ALP_NC_RUN * ALP_NC };
  /* segment ends: mZ, then every threshold of D5, then the lowest scale */
  const double ends[LO_NSEG + 1] = { ALP_MZ, ALP_THR_B, ALP_MTAU, ALP_THR_C,
                                     ALP_THR_QCD, ALP_MMU, ALP_MU_LOW_MIN };
  double y[DIM];
  gsl_odeiv2_system sys = { lo_rhs, NULL, DIM, NULL };
  gsl_odeiv2_driver *d;
  int status = GSL_SUCCESS, idx = 0;
  double t;

  y[0] = ALP_ALPHAS_MZ;
  y[1] = ALP_ALPHA_MZ;
  for (int i = 0; i < ALP_NC_RUN; i++)
    for (int j = 0; j < ALP_NC; j++) y[2 + i * ALP_NC + j] = (i == j);

  d = gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, -1e-3, ODE_EPS, ODE_EPS);
  if (!d) return GSL_ENOMEM;
  t = log(ALP_MZ);
  for (int s = 0; s < LO_NSEG && status == GSL_SUCCESS; s++) {
    double top = log(ends[s]), bot = log(ends[s + 1]), mid = exp(0.5 * (top + bot));
    int n = (int)ceil((top - bot) / LO_HMAX);
    tab.seg[s].ttop = top;
    tab.seg[s].tbot = bot;
    tab.seg[s].h = (top - bot) / n;
    tab.seg[s].first = idx;
    tab.seg[s].n = n;
    tab.seg[s].f.b = mid > ALP_THR_B;
    tab.seg[s].f.tau = mid > ALP_MTAU;
    tab.seg[s].f.c = mid > ALP_THR_C;
    tab.seg[s].f.qcd = mid > ALP_THR_QCD;
    tab.seg[s].f.mu = mid > ALP_MMU;
    if (idx + n + 1 > LO_NMAX) { status = GSL_ESANITY; break; }
    sys.params = &tab.seg[s].f;
    gsl_odeiv2_driver_reset(d);
    for (int j = 0; j <= n; j++) {
      double tj = (j == n) ? bot : top - j * tab.seg[s].h;
      if (j > 0) status = gsl_odeiv2_driver_apply(d, &t, tj, y);
      if (status) break;
      lo_rhs(tj, y, tab.dlo[idx], &tab.seg[s].f);
      memcpy(tab.lo[idx], y, sizeof tab.lo[idx]);
      idx++;
    }
  }
  gsl_odeiv2_driver_free(d);
  return status;
}

static void build_table(void)
{
  ckm_top(tab.vt);
  tab.status = build_high();
  if (tab.status == GSL_SUCCESS) tab.status = build_low();
}

int alp_running_init(void)
{
  pthread_once(&tab_once, build_table);
  return tab.status;
}

int alp_ckm_vt(double vt[3])
{
  int status = alp_running_init();
  if (status) return status;
  memcpy(vt, tab.vt, sizeof tab.vt);
  return GSL_SUCCESS;
}

/* ---- interpolation --------------------------------------------------------- */

/* Cubic Hermite weights at fraction s in [0, 1] of a step of length h, for
 * y0, dy0/dt, y1, dy1/dt: y(s) = w[0] y0 + w[1] y0' + w[2] y1 + w[3] y1'. */
static void hermite_w(double s, double h, double w[4])
{
  double s2 = s * s, s3 = s2 * s;
  w[0] = 2 * s3 - 3 * s2 + 1;
  w[1] = h * (s3 - 2 * s2 + s);
  w[2] = -2 * s3 + 3 * s2;
  w[3] = h * (s3 - s2);
}

/* Node index k and fraction s for t in the high table. */
static int hi_locate(double t, int *k, double *s)
{
  double u = (t - tab.tZ) / tab.h;
  if (!(u >= -1e-9 && u <= tab.n - 1 + 1e-9)) return GSL_EDOM;
  *k = (int)floor(u);
  if (*k < 0) *k = 0;
  if (*k > tab.n - 2) *k = tab.n - 2;
  *s = u - *k;
  return GSL_SUCCESS;
}

static void hi_psi(int k, double s, double psi[ALP_NX * ALP_NX])
{
  double w[4];
  hermite_w(s, tab.h, w);
  for (int i = 0; i < ALP_NX * ALP_NX; i++)
    psi[i] = w[0] * tab.psi[k][i] + w[1] * tab.dpsi[k][i]
           + w[2] * tab.psi[k + 1][i] + w[3] * tab.dpsi[k + 1][i];
}

int alp_sm_high(double mu, double sm[4])
{
  int k, status = alp_running_init();
  double s;
  if (status) return status;
  if (!(mu > 0)) GSL_ERROR("scale must be positive", GSL_EDOM);
  status = hi_locate(log(mu), &k, &s);
  if (status) GSL_ERROR("scale outside [mZ, 4 pi f_a,max]", GSL_EDOM);
  {
    double w[4];
    hermite_w(s, tab.h, w);
    for (int i = 0; i < 4; i++)
      sm[i] = w[0] * tab.sm[k][i] + w[1] * tab.dsm[k][i]
            + w[2] * tab.sm[k + 1][i] + w[3] * tab.dsm[k + 1][i];
  }
  return GSL_SUCCESS;
}

int alp_run_high(double Lambda, const double xL[ALP_NX], double xZ[ALP_NX])
{
  int k, status = alp_running_init();
  double s, psi[ALP_NX * ALP_NX];
  if (status) return status;
  if (!(Lambda > 0)) GSL_ERROR("cutoff must be positive", GSL_EDOM);
  status = hi_locate(log(Lambda), &k, &s);
  if (status) GSL_ERROR("cutoff outside [mZ, 4 pi f_a,max]", GSL_EDOM);
  hi_psi(k, s, psi);
  for (int i = 0; i < ALP_NX; i++) {
    double v = 0;
    for (int j = 0; j < ALP_NX; j++) v += psi[i * ALP_NX + j] * xL[j];
    xZ[i] = v;
  }
  return GSL_SUCCESS;
}

int alp_run_high_to(double Lambda, double mu, const double xL[ALP_NX],
                    double xmu[ALP_NX])
{
  double xZ[ALP_NX], psi[ALP_NX * ALP_NX], s;
  size_t perm[ALP_NX];
  gsl_permutation p = { ALP_NX, perm };
  int k, sign, status = alp_run_high(Lambda, xL, xZ);
  if (status) return status;
  if (!(mu >= ALP_MZ * (1 - 1e-12) && mu <= Lambda * (1 + 1e-12)))
    GSL_ERROR("scale outside [mZ, Lambda]", GSL_EDOM);
  status = hi_locate(log(mu), &k, &s);
  if (status) GSL_ERROR("scale outside the table", GSL_EDOM);
  hi_psi(k, s, psi);
  {
    gsl_matrix_view m = gsl_matrix_view_array(psi, ALP_NX, ALP_NX);
    gsl_vector_const_view b = gsl_vector_const_view_array(xZ, ALP_NX);
    gsl_vector_view x = gsl_vector_view_array(xmu, ALP_NX);
    status = gsl_linalg_LU_decomp(&m.matrix, &p, &sign);
    if (!status) status = gsl_linalg_LU_solve(&m.matrix, &p, &b.vector, &x.vector);
  }
  return status;
}

/* ---- weak-scale matching (REF §2.3, D4) -------------------------------- */

int alp_match(const double xZ[ALP_NX], double c[ALP_NC], double *K)
{
  int status = alp_running_init();
  if (status) return status;
  {
    /* SM at mu_w = mZ: the D2 inputs (alpha-hat, s_w^2 MS-bar, y_t(mZ)) */
    const double s2 = ALP_SW2_MZ, c2 = 1 - s2, aem = ALP_ALPHA_MZ;
    const double yt = tab.sm[0][3];
    const double vh = 2 * ALP_MW / sqrt(4 * M_PI * ALP_ALPHA_MZ / ALP_SW2_MZ);
    const double mt = yt * vh / M_SQRT2, xt = (mt / ALP_MW) * (mt / ALP_MW);
    const double d1 = -11.0 / 3;
    const double g = (1 - xt + log(xt)) / ((1 - xt) * (1 - xt));
    const double h = (1 - xt + xt * log(xt)) / ((1 - xt) * (1 - xt));
    const double Lt = log(ALP_MZ * ALP_MZ / (mt * mt));
    const double LW = log(ALP_MZ * ALP_MZ / (ALP_MW * ALP_MW));
    const double LZ = 0;   /* ln(mu_w^2/mZ^2) at mu_w = mZ */
    const double cWW = xZ[ALP_X_WW], cBB = xZ[ALP_X_BB];
    const double cgZ = c2 * cWW - s2 * cBB, cZZ = c2 * c2 * cWW + s2 * s2 * cBB;
    const double ctt = xZ[ALP_X_U3] - xZ[ALP_X_Q3];
    const double at4 = yt * yt * KAPPA;   /* alpha_t / 4 pi */
    const double *vt = tab.vt;
    double kfc;

    /* flavour-changing unit (times V*_ti V_tj): REF §2.3 collapsed form */
    kfc = at4 * (ctt * (0.5 * Lt - 0.25 - 1.5 * g) - 3 * aem / (2 * M_PI * s2) * h * cWW);
    *K = (xZ[ALP_X_Q3] - xZ[ALP_X_Q12]) + kfc;

    /* flavour-diagonal shift of field F (T3, Q, chirality), REF §2.3:
     * top term + W term (left-handed only) + chi_F (gamma Z, ZZ) terms. */
#define DK(T3, Q, left) (3 * yt * yt / (8 * M_PI * M_PI) * ctt * ((T3) - (Q) * s2) * Lt \
      + 3 * aem * aem / (8 * M_PI * M_PI)                                              \
        * (((left) ? cWW / (2 * s2 * s2) * (LW + 0.5 + d1) : 0.0)                      \
           + ((left) ? 1.0 : -1.0)                                                      \
             * (2 * cgZ / (s2 * c2) * (Q) * ((T3) - (Q) * s2) * (LZ + 1.5 + d1)        \
                + cZZ / (s2 * s2 * c2 * c2) * ((T3) - (Q) * s2) * ((T3) - (Q) * s2)    \
                  * (LZ + 0.5 + d1))))
    {
      const double uR = DK(0.0, 2.0 / 3, 0), uL = DK(0.5, 2.0 / 3, 1);
      const double dR = DK(0.0, -1.0 / 3, 0), dL = DK(-0.5, -1.0 / 3, 1);
      const double eR = DK(0.0, -1.0, 0), eL = DK(-0.5, -1.0, 1);
      const double cQ12 = xZ[ALP_X_Q12];
      /* up-type: c_u - c_Q (up basis, gen. 1, 2) */
      c[ALP_C_U] = (xZ[ALP_X_U1] + uR) - (cQ12 + uL);
      c[ALP_C_C] = (xZ[ALP_X_U2] + uR) - (cQ12 + uL);
      /* down-type: the left-handed coupling is [k_D]_ii, which includes the
       * FCNC term on the diagonal (D4: c_bb +0.003) */
      c[ALP_C_D] = (xZ[ALP_X_D1] + dR) - (cQ12 + *K * vt[0] * vt[0] + dL);
      c[ALP_C_S] = (xZ[ALP_X_D2] + dR) - (cQ12 + *K * vt[1] * vt[1] + dL);
      c[ALP_C_B] = (xZ[ALP_X_D3] + dR) - (cQ12 + *K * vt[2] * vt[2] + dL);
      c[ALP_C_E]   = (xZ[ALP_X_E1] + eR) - (xZ[ALP_X_L] + eL);
      c[ALP_C_MU]  = (xZ[ALP_X_E2] + eR) - (xZ[ALP_X_L] + eL);
      c[ALP_C_TAU] = (xZ[ALP_X_E3] + eR) - (xZ[ALP_X_L] + eL);
    }
#undef DK
    c[ALP_C_GG] = xZ[ALP_X_GG];           /* tree level: unchanged */
    c[ALP_C_GAMGAM] = cWW + cBB;          /* REF §0 */
  }
  return GSL_SUCCESS;
}

/* ---- below mZ ----------------------------------------------------------------- */

/* Segment s, node j (index within the segment) and fraction u in [0, 1]
 * (downwards) for t in the low table. */
static int lo_locate(double t, int *seg, int *j, double *u)
{
  if (!(t <= tab.seg[0].ttop + 1e-12 && t >= tab.seg[LO_NSEG - 1].tbot - 1e-12))
    return GSL_EDOM;
  for (int s = 0; s < LO_NSEG; s++) {
    if (t >= tab.seg[s].tbot || s == LO_NSEG - 1) {
      double v = (tab.seg[s].ttop - t) / tab.seg[s].h;
      int jj = (int)floor(v);
      if (jj < 0) jj = 0;
      if (jj > tab.seg[s].n - 1) jj = tab.seg[s].n - 1;
      *seg = s;
      *j = jj;
      *u = v - jj;
      return GSL_SUCCESS;
    }
  }
  return GSL_EDOM;
}

/* Entry e of the low table at node a (absolute index) with weights w.  The
 * grid runs downwards in t: the step is -h (see lo_weights). */
static double lo_eval(int a, const double w[4], int e)
{
  return w[0] * tab.lo[a][e] + w[1] * tab.dlo[a][e]
       + w[2] * tab.lo[a + 1][e] + w[3] * tab.dlo[a + 1][e];
}

/* Node index and Hermite weights for mu in the low table. */
static int lo_weights(double mu, int *a, double w[4])
{
  int s, j, status;
  double u;
  if (!(mu > 0)) GSL_ERROR("scale must be positive", GSL_EDOM);
  status = lo_locate(log(mu), &s, &j, &u);
  if (status) GSL_ERROR("scale outside [1e-6 GeV, mZ]", GSL_EDOM);
  *a = tab.seg[s].first + j;
  hermite_w(u, -tab.seg[s].h, w);
  return GSL_SUCCESS;
}

int alp_run_low(double mu, const double cZ[ALP_NC], double c[ALP_NC])
{
  int a, status = alp_running_init();
  double w[4];
  if (status) return status;
  status = lo_weights(mu, &a, w);
  if (status) return status;
  for (int i = 0; i < ALP_NC_RUN; i++) {
    double v = 0;
    for (int k = 0; k < ALP_NC; k++) v += lo_eval(a, w, 2 + i * ALP_NC + k) * cZ[k];
    c[i] = v;
  }
  c[ALP_C_GG] = cZ[ALP_C_GG];
  c[ALP_C_GAMGAM] = cZ[ALP_C_GAMGAM];
  return GSL_SUCCESS;
}

int alp_couplings_sm_low(double mu, double *alpha_s, double *alpha)
{
  int a, status = alp_running_init();
  double w[4];
  if (status) return status;
  status = lo_weights(mu, &a, w);
  if (status) return status;
  if (alpha_s) *alpha_s = lo_eval(a, w, 0);
  if (alpha) *alpha = lo_eval(a, w, 1);
  return GSL_SUCCESS;
}
