/* acceptance.h -- probabilities that long-lived ALPs decay inside or outside
 * a volume (seed eqs. 3.1-3.2, REFERENCE D8-D10, D13).
 *
 * For event k with lab decay length d_k = (beta gamma)_k c tau (seed eq. 3.1)
 * and the ray from its production point along its direction crossing the
 * volume in intervals [a_j, b_j]:
 *   P_inside,k  = sum_j [exp(-a_j/d_k) - exp(-b_j/d_k)],
 *   P_outside,k = 1 - P_inside,k (the same sum over the complement; for a
 *                 volume around the IP it is exp(-r_k/d_k), seed eq. 3.1),
 * and the result is the mean over the sample (seed eq. 3.2) with the
 * statistical error of the mean, sqrt(var/n), var the sample variance of
 * P_k.  Every term is computed as exp(-a/d) * (-expm1(-(b-a)/d)) (or one of
 * the two factors alone when a = 0 or b = inf), so that both sides keep full
 * relative precision, however small they are: one exp per (event, c tau,
 * interval boundary).
 *
 * The path table (alp_paths) stores, once per (sample, volume, side), the
 * interval ends divided by (beta gamma)_k, in chunks of ALP_ACC_CHUNK events
 * with their own column counts (structure of arrays, contiguous, for the
 * vectorised exp of acceptance.c).  It copies what it needs: it does not
 * refer to the sample or the volume afterwards.
 */
#ifndef ALP_ACCEPTANCE_H
#define ALP_ACCEPTANCE_H

#include <stddef.h>
#include "detector.h"
#include "rng.h"
#include "sample.h"

/* Events per evaluation chunk (partial sums are combined in chunk order, so
 * results do not depend on the thread count). */
#define ALP_ACC_CHUNK 2048

typedef enum { ALP_INSIDE = 0, ALP_OUTSIDE = 1 } alp_side;

typedef struct alp_paths alp_paths;

/* Path table of sample s in volume v for the given side.  o: threads and
 * cancel (seed unused).  Errors: GSL_EDOM (an event with beta gamma not
 * finite and > 0, a non-unit direction, a non-finite production point),
 * ALP_EGEOMETRY (a ray with more than ALP_VOLUME_MAXSEG intervals),
 * GSL_ENOMEM, ALP_ECANCELLED.  *out is owned by the caller. */
int alp_paths_new(const alp_volume *v, const alp_sample *s, alp_side side,
                  const alp_mc_opts *o, alp_paths **out);
void alp_paths_free(alp_paths *p);
size_t alp_paths_events(const alp_paths *p);
alp_side alp_paths_side(const alp_paths *p);

/* Mean decay probability prob[i] and its error err[i] (err may be NULL) for
 * each c tau[i] >= 0 [m] (i < nctau).  c tau = 0: decay at the production
 * point (exact limit); c tau = +inf: no decay at finite distance (exact
 * limit: P_inside = fraction of rays with an infinite interval).  GSL_EDOM
 * for a negative or NaN c tau; ALP_ECANCELLED. */
int alp_paths_decay_prob(const alp_paths *p, const double *ctau, size_t nctau,
                         const alp_mc_opts *o, double *prob, double *err);

/* Benchmark floor (make bench): one plain vector exp per interval end of
 * the table for each c tau (0 < c tau < inf), single-threaded; *nexp = the
 * number of exps.  Returns their sum (meaningless; keeps the loops). */
double alp_paths_exp_floor(const alp_paths *p, const double *ctau,
                           size_t nctau, size_t *nexp);

/* One-shot: alp_paths_new + alp_paths_decay_prob + alp_paths_free. */
int alp_decay_prob(const alp_volume *v, const alp_sample *s, alp_side side,
                   const double *ctau, size_t nctau, const alp_mc_opts *o,
                   double *prob, double *err);

#endif
