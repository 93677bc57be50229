/* stats.h -- upper limits and figures of merit for counting experiments.
 *
 * Sources: seed Sec. 4.3 and REFERENCE.md §6 (Poisson CDF prescription, the
 * expected limit with N = integer closest to N_B), seed eq. (3.6) (Gaussian
 * criterion), G. Punzi, physics/0308063 (figure of merit).
 *
 * Pure functions: no allocation that outlives a call, no static state, no
 * printing.  Functions that can fail return a status (0, or a GSL code:
 * GSL_EDOM for arguments outside their range, GSL_ERANGE when a CLs ratio
 * underflows) and write the result through the last pointer.
 */
#ifndef ALP_STATS_H
#define ALP_STATS_H

typedef enum {
  ALP_STATS_CLASSICAL = 0, /* Neyman upper limit: P(k <= n | s + b) = 1 - cl */
  ALP_STATS_CLS       = 1  /* CLs: P(k <= n | s + b) / P(k <= n | b) = 1 - cl */
} alp_stats_method;

/* Upper limit s_up on a Poisson signal mean at confidence level cl, for n
 * observed events over an expected background b >= 0.
 * Classical: s_up solves P(k <= n | s_up + b) = 1 - cl (seed Sec. 4.3);
 * when even s = 0 gives P(k <= n | b) < 1 - cl (far fewer events than the
 * background), the limit is 0.  CLs always has a positive solution.
 * n = 0, b = 0 gives -ln(1 - cl) with either method (2.3026 at 90 %).
 * Relative accuracy of s_up: 1e-10.
 * Status: GSL_EDOM (n < 0, b < 0 or not finite, cl outside (0, 1), method
 * unknown), GSL_ERANGE (CLs: P(k <= n | b) underflows), or a status of
 * the root finder. */
int alp_stats_poisson_upper(long n, double b, double cl,
                            alp_stats_method method, double *s_up);

/* The integer closest to b >= 0, ties to even (REFERENCE.md §6:
 * N_B = 4.5 -> N = 4). */
long alp_stats_nearest_count(double b);

/* Expected upper limit for background b: alp_stats_poisson_upper with
 * n = alp_stats_nearest_count(b) (seed Sec. 4.3).  REFERENCE.md §6
 * checkpoints at 90 %: b = 1767 -> 55.10, 176700 -> 539.92, 4.5 -> 3.4936. */
int alp_stats_expected_upper(double b, double cl, alp_stats_method method,
                             double *s_up);

/* Zero-background upper limit -ln(1 - cl): 2.3026 at 90 %, 2.9957 at 95 %.
 * Status GSL_EDOM unless cl in (0, 1). */
int alp_stats_zero_background(double cl, double *s_up);

/* Number of Gaussian standard deviations for a confidence level:
 * one-sided Phi^-1(cl) (0.90 -> 1.2816), two-sided Phi^-1((1 + cl)/2)
 * (0.90 -> 1.6449, the seed's "1.64 sigma = 90 % CL" of eq. (3.6)). */
int alp_stats_nsigma(double cl, int two_sided, double *nsigma);

/* Gaussian criterion of seed eq. (3.6): a signal s is allowed while
 * background + s <= observed + nsigma * sigma.  Returns the largest allowed
 * s, clamped at 0 (0: the observation leaves no room for any signal).
 * Status GSL_EDOM for sigma < 0, nsigma < 0 or non-finite inputs. */
int alp_stats_gauss_upper(double observed, double sigma, double background,
                          double nsigma, double *s_up);

/* Punzi figure of merit eff / (a/2 + sqrt(b)) (physics/0308063), a = the
 * number of sigmas of the intended discovery (Punzi's recommendation a = 5).
 * Status GSL_EDOM for eff < 0, b < 0, a <= 0 or non-finite inputs. */
int alp_stats_punzi(double eff, double b, double a, double *fom);

#endif
