/* test_stats.c -- physics/stats.c against REFERENCE.md §6/§7 checkpoints,
 * textbook values and limits. */
#include <math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include "check.h"
#include "stats.h"

int main(void)
{
  double s = -1.0, s2 = -1.0, x = -1.0;
  gsl_set_error_handler_off(); /* provoked errors must return, not abort */

  /* zero background: -ln(1 - cl) (REFERENCE.md §6: 2.303 events at 90 %) */
  CHECK_STATUS(alp_stats_poisson_upper(0, 0.0, 0.90, ALP_STATS_CLASSICAL, &s), 0,
               "poisson n=0 b=0 90%% status");
  CHECK_REL(s, 2.302585093, 1e-9, "poisson n=0 b=0 90%% = 2.303");
  CHECK_STATUS(alp_stats_zero_background(0.95, &s), 0, "zero background 95%% status");
  CHECK_REL(s, 2.995732274, 1e-9, "zero background 95%% = 2.996");
  CHECK_STATUS(alp_stats_poisson_upper(0, 0.0, 0.95, ALP_STATS_CLASSICAL, &s), 0,
               "poisson n=0 b=0 95%% status");
  CHECK_REL(s, 2.995732274, 1e-9, "poisson n=0 b=0 95%% = 2.996");

  /* REFERENCE.md §6 checkpoints of the expected 90 % limit (seed Sec. 4.3) */
  CHECK_STATUS(alp_stats_expected_upper(1767.0, 0.90, ALP_STATS_CLASSICAL, &s), 0,
               "expected 1767 status");
  CHECK_REL(s, 55.10, 2e-4, "expected limit N_B = 1767 (0.5 ab^-1) -> 55.10");
  CHECK_STATUS(alp_stats_expected_upper(176700.0, 0.90, ALP_STATS_CLASSICAL, &s), 0,
               "expected 176700 status");
  CHECK_REL(s, 539.92, 2e-5, "expected limit N_B = 176700 (50 ab^-1) -> 539.92");
  CHECK_STATUS(alp_stats_expected_upper(4.5, 0.90, ALP_STATS_CLASSICAL, &s), 0,
               "expected 4.5 status");
  CHECK_REL(s, 3.4936, 3e-5, "expected limit N_B = 4.5 (N = 4) -> 3.4936");
  CHECK_INT(alp_stats_nearest_count(4.5), 4, "nearest count of 4.5 is 4 (ties to even)");
  CHECK_INT(alp_stats_nearest_count(5.5), 6, "nearest count of 5.5 is 6 (ties to even)");
  CHECK_INT(alp_stats_nearest_count(1766.6), 1767, "nearest count of 1766.6");
  CHECK_INT(alp_stats_nearest_count(2.49), 2, "nearest count of 2.49");

  /* definition: P(k <= n | s_up + b) = 1 - cl at a high-entropy point */
  CHECK_STATUS(alp_stats_poisson_upper(7, 3.385, 0.90, ALP_STATS_CLASSICAL, &s), 0,
               "poisson n=7 b=3.385 status");
  CHECK_ABS(gsl_cdf_poisson_P(7, s + 3.385), 0.10, 1e-11,
            "classical limit solves P(k<=7|s+b) = 0.10");
  /* large background: s_up ~ 1.2816 sqrt(b) + ~0.4 (REFERENCE.md §6) */
  CHECK_REL(539.92 / sqrt(176700.0), 1.2816, 0.02, "asymptotic slope check");

  /* CLs: for n = 0 the limit is -ln(1 - cl) whatever b (textbook property) */
  CHECK_STATUS(alp_stats_poisson_upper(0, 2.385, 0.90, ALP_STATS_CLS, &s), 0,
               "CLs n=0 b=2.385 status");
  CHECK_REL(s, 2.302585093, 1e-9, "CLs n=0, b=2.385 -> 2.303");
  /* CLs is more conservative than classical for n < b */
  CHECK_STATUS(alp_stats_poisson_upper(2, 3.7, 0.90, ALP_STATS_CLS, &s), 0, "CLs n=2 b=3.7");
  CHECK_STATUS(alp_stats_poisson_upper(2, 3.7, 0.90, ALP_STATS_CLASSICAL, &s2), 0,
               "classical n=2 b=3.7");
  CHECK_TRUE(s > s2, "CLs (%g) above classical (%g) for n < b", s, s2);
  CHECK_ABS(gsl_cdf_poisson_P(2, s + 3.7) / gsl_cdf_poisson_P(2, 3.7), 0.10, 1e-11,
            "CLs limit solves CL_{s+b}/CL_b = 0.10");
  /* classical: n far below b excludes even s = 0 -> limit 0 */
  CHECK_STATUS(alp_stats_poisson_upper(0, 5.0, 0.90, ALP_STATS_CLASSICAL, &s), 0,
               "classical n=0 b=5 status");
  CHECK_ABS(s, 0.0, 0.0, "classical n=0 b=5 -> 0");

  /* Gaussian: seed eq. (3.6) and the 1.64 sigma of "90 % CL" */
  CHECK_STATUS(alp_stats_nsigma(0.90, 1, &x), 0, "nsigma two-sided");
  CHECK_REL(x, 1.644853627, 1e-9, "two-sided 90%% = 1.645 sigma");
  CHECK_STATUS(alp_stats_nsigma(0.90, 0, &x), 0, "nsigma one-sided");
  CHECK_REL(x, 1.281551566, 1e-9, "one-sided 90%% = 1.2816 sigma (REFERENCE D13)");
  CHECK_STATUS(alp_stats_gauss_upper(2.385e-6, 0.4e-6, 7.3e-7, 1.64, &s), 0, "gauss status");
  CHECK_REL(s, 2.385e-6 + 1.64 * 0.4e-6 - 7.3e-7, 1e-14, "gauss allowed signal");
  CHECK_STATUS(alp_stats_gauss_upper(1.0, 0.1, 5.0, 1.64, &s), 0, "gauss clamp status");
  CHECK_ABS(s, 0.0, 0.0, "gauss: background above observation -> 0");

  /* Punzi (physics/0308063): eff / (a/2 + sqrt(B)) */
  CHECK_STATUS(alp_stats_punzi(0.1091, 176700.0, 5.0, &x), 0, "punzi status");
  CHECK_REL(x, 0.1091 / (2.5 + sqrt(176700.0)), 1e-14, "punzi a=5");

  /* every error condition */
  CHECK_STATUS(alp_stats_poisson_upper(-1, 1.0, 0.9, ALP_STATS_CLASSICAL, &s), GSL_EDOM, "n < 0");
  CHECK_STATUS(alp_stats_poisson_upper(1, -1.0, 0.9, ALP_STATS_CLASSICAL, &s), GSL_EDOM, "b < 0");
  CHECK_STATUS(alp_stats_poisson_upper(1, NAN, 0.9, ALP_STATS_CLASSICAL, &s), GSL_EDOM, "b NaN");
  CHECK_STATUS(alp_stats_poisson_upper(1, 1.0, 1.0, ALP_STATS_CLASSICAL, &s), GSL_EDOM, "cl = 1");
  CHECK_STATUS(alp_stats_poisson_upper(1, 1.0, 0.0, ALP_STATS_CLASSICAL, &s), GSL_EDOM, "cl = 0");
  CHECK_STATUS(alp_stats_poisson_upper(1, 1.0, 0.9, (alp_stats_method)7, &s), GSL_EDOM, "method");
  CHECK_STATUS(alp_stats_poisson_upper(3, 1e6, 0.9, ALP_STATS_CLS, &s), GSL_ERANGE,
               "CLs underflow");
  CHECK_STATUS(alp_stats_zero_background(90.0, &s), GSL_EDOM, "zero background cl = 90");
  CHECK_STATUS(alp_stats_nsigma(-0.1, 0, &x), GSL_EDOM, "nsigma cl < 0");
  CHECK_STATUS(alp_stats_gauss_upper(1.0, -0.1, 0.0, 1.64, &s), GSL_EDOM, "gauss sigma < 0");
  CHECK_STATUS(alp_stats_punzi(0.1, 1.0, 0.0, &x), GSL_EDOM, "punzi a = 0");
  CHECK_STATUS(alp_stats_expected_upper(INFINITY, 0.9, ALP_STATS_CLASSICAL, &s), GSL_EDOM,
               "expected b = inf");
  return check_exit();
}
