/* stats.c -- Poisson / CLs / Gaussian upper limits, Punzi figure of merit.
 * REFERENCE.md §6; seed Sec. 4.3 and eq. (3.6). */
#include <float.h>
#include <math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include "stats.h"

/* P(k <= n | mu): the regularised upper incomplete gamma Q(n + 1, mu)
 * (gsl_cdf_poisson_P), accurate from mu = 0 to mu ~ 1e6. */
static double poisson_cdf(long n, double mu)
{
  if (mu <= 0.0) return 1.0; /* GSL rejects mu = 0 */
  return gsl_cdf_poisson_P((unsigned int)n, mu);
}

struct limit_params {
  long n;
  double b, alpha, pb; /* alpha = 1 - cl; pb = P(k <= n | b) for CLs */
  int cls;
};

/* g(s) = CL_{s+b} (or CLs) - alpha; decreasing in s. */
static double limit_fn(double s, void *vp)
{
  const struct limit_params *p = vp;
  double p_sb = poisson_cdf(p->n, s + p->b);
  return (p->cls ? p_sb / p->pb : p_sb) - p->alpha;
}

static int check_cl(double cl)
{
  return isfinite(cl) && cl > 0.0 && cl < 1.0;
}

int alp_stats_poisson_upper(long n, double b, double cl,
                            alp_stats_method method, double *s_up)
{
  struct limit_params p;
  gsl_function F;
  gsl_root_fsolver *solver;
  double lo = 0.0, hi, g0;
  int status, iter = 0;

  if (n < 0 || n > 100000000L || !isfinite(b) || b < 0.0 || !check_cl(cl) ||
      (method != ALP_STATS_CLASSICAL && method != ALP_STATS_CLS))
    GSL_ERROR("poisson upper limit: n >= 0, b >= 0 finite, cl in (0, 1)",
              GSL_EDOM);
  p.n = n;
  p.b = b;
  p.alpha = 1.0 - cl;
  p.cls = method == ALP_STATS_CLS;
  p.pb = poisson_cdf(n, b);
  if (p.cls && !(p.pb > 1e3 * DBL_MIN))
    GSL_ERROR("CLs: P(k <= n | b) underflows (n far below b)", GSL_ERANGE);

  F.function = limit_fn;
  F.params = &p;
  g0 = limit_fn(0.0, &p);
  if (g0 <= 0.0) { /* classical only: even s = 0 is excluded */
    *s_up = 0.0;
    return GSL_SUCCESS;
  }
  /* bracket: s + b = n + 1 + 20 sqrt(n + 1) already gives a tail far below
   * any alpha > 1e-80; grow until g < 0 to be safe */
  hi = fmax((double)n - b, 0.0) + 1.0 + 10.0 * sqrt((double)n + 1.0) -
       log(p.alpha);
  while (limit_fn(hi, &p) > 0.0) {
    lo = hi;
    hi *= 2.0;
    if (hi > 1e12) GSL_ERROR("poisson upper limit: no bracket", GSL_EFAILED);
  }

  solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
  if (!solver) GSL_ERROR("poisson upper limit: out of memory", GSL_ENOMEM);
  status = gsl_root_fsolver_set(solver, &F, lo, hi);
  while (status == GSL_SUCCESS) {
    double a, c;
    status = gsl_root_fsolver_iterate(solver);
    if (status) break;
    a = gsl_root_fsolver_x_lower(solver);
    c = gsl_root_fsolver_x_upper(solver);
    status = gsl_root_test_interval(a, c, 1e-300, 1e-12);
    if (status == GSL_SUCCESS) break;
    if (status != GSL_CONTINUE) break;
    status = GSL_SUCCESS;
    if (++iter >= 200) { status = GSL_EMAXITER; break; }
  }
  if (status == GSL_SUCCESS) *s_up = gsl_root_fsolver_root(solver);
  gsl_root_fsolver_free(solver);
  return status;
}

long alp_stats_nearest_count(double b)
{
  double f = floor(b), frac = b - f;
  long n = (long)f;
  if (frac > 0.5) return n + 1;
  if (frac < 0.5) return n;
  return (n % 2 == 0) ? n : n + 1; /* tie: to even */
}

int alp_stats_expected_upper(double b, double cl, alp_stats_method method,
                             double *s_up)
{
  if (!isfinite(b) || b < 0.0 || b > 1e8)
    GSL_ERROR("expected upper limit: b must be finite, in [0, 1e8]", GSL_EDOM);
  return alp_stats_poisson_upper(alp_stats_nearest_count(b), b, cl, method,
                                 s_up);
}

int alp_stats_zero_background(double cl, double *s_up)
{
  if (!check_cl(cl)) GSL_ERROR("zero background: cl in (0, 1)", GSL_EDOM);
  *s_up = -log1p(-cl);
  return GSL_SUCCESS;
}

int alp_stats_nsigma(double cl, int two_sided, double *nsigma)
{
  if (!check_cl(cl)) GSL_ERROR("nsigma: cl in (0, 1)", GSL_EDOM);
  *nsigma = two_sided ? gsl_cdf_ugaussian_Pinv(0.5 * (1.0 + cl))
                      : gsl_cdf_ugaussian_Pinv(cl);
  return GSL_SUCCESS;
}

int alp_stats_gauss_upper(double observed, double sigma, double background,
                          double nsigma, double *s_up)
{
  double s;
  if (!isfinite(observed) || !isfinite(sigma) || !isfinite(background) ||
      !isfinite(nsigma) || sigma < 0.0 || nsigma < 0.0)
    GSL_ERROR("gaussian upper limit: finite inputs, sigma >= 0, nsigma >= 0",
              GSL_EDOM);
  s = observed + nsigma * sigma - background;
  *s_up = s > 0.0 ? s : 0.0;
  return GSL_SUCCESS;
}

int alp_stats_punzi(double eff, double b, double a, double *fom)
{
  if (!isfinite(eff) || !isfinite(b) || !isfinite(a) || eff < 0.0 ||
      b < 0.0 || a <= 0.0)
    GSL_ERROR("punzi: eff >= 0, b >= 0, a > 0 (finite)", GSL_EDOM);
  *fom = eff / (0.5 * a + sqrt(b));
  return GSL_SUCCESS;
}
