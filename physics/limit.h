/* limit.h -- published limits as functions of (mass, lifetime): the numeric
 * core behind the Lua object alp.limit (scripts/alpcast/limit.lua holds the
 * units, the CSV reading and the metadata).
 *
 * Two kinds:
 *
 * alp_limit (curves): a family of curves v_k(u) at fixed values t_k of one
 * axis (t_0 < t_1 < ...; the last may be +INFINITY, a "stable" curve used
 * only by ALP_EDGE_INVERSE), each an alp_curve along the other axis.  At
 * (u, t) with t_k <= t <= t_{k+1}:
 *     v = interpolation between v_k(u_k) and v_{k+1}(u_{k+1}) in t, on the
 *         family scale (linear in t or in ln t) and value scale (v or ln v),
 * where u_k = u (or u t_k / t with scale_along: curves at fixed masses taken
 * at the same tau/m, i.e. the same lab decay length at a given momentum);
 * no value (NAN) if either curve has none there.  At t = t_k, v_k alone.
 * A single curve (n = 1) is a limit along u only; t is then ignored.
 * Outside the curves' t range, per side (t_low, t_high):
 *     ALP_EDGE_NONE        no value
 *     ALP_EDGE_HOLD        the edge curve's value
 *     ALP_EDGE_ACCEPTANCE  v(t) = v_edge f(t_edge) / f(t), f(t) = 1 - exp(-ref/t)
 *                          (a limit on the number of decays inside a region
 *                          whose acceptance falls as f; LHCb's long-lifetime
 *                          rule, arXiv:1508.04094 supplementary getUL.C)
 *     ALP_EDGE_INVERSE     (t_high only; needs a last curve at t = +inf)
 *                          v linear in 1/t between the last finite curve
 *                          and the t = inf curve (a decay fraction ~ 1/t)
 * Outside a curve's u range (u_low, u_high): NONE or HOLD (its edge value).
 *
 * alp_limit_bins: rectangular bins [u_lo, u_hi) x [t_lo, t_hi), each with
 * one value, no interpolation (ROOT's TH2::FindBin convention); a point in
 * no bin has no value.  Bins must not overlap.
 *
 * Thread safety: evaluation only reads. */
#ifndef ALP_LIMIT_H
#define ALP_LIMIT_H

#include <stddef.h>
#include "interp.h"

typedef enum {
  ALP_EDGE_NONE = 0,
  ALP_EDGE_HOLD = 1,
  ALP_EDGE_ACCEPTANCE = 2,
  ALP_EDGE_INVERSE = 3
} alp_edge_rule;

typedef struct {
  alp_edge_rule rule;
  double ref;          /* ALP_EDGE_ACCEPTANCE: the reference t (> 0) */
} alp_edge;

typedef struct {
  alp_scale tscale;    /* family axis between curves */
  alp_scale vscale;    /* value between curves */
  int scale_along;     /* u_k = u t_k / t (see above) */
  alp_edge t_low, t_high, u_low, u_high;
} alp_limit_opts;

typedef struct alp_limit alp_limit;

/* Takes ownership of the n curves (also on failure).  GSL_EINVAL unless
 * n >= 1, t strictly increasing, finite except possibly the last (+inf, and
 * then n >= 2), t > 0 on a log family scale (and with scale_along),
 * ALP_EDGE_INVERSE only on t_high with a t = inf curve, ACCEPTANCE ref > 0,
 * u edges NONE or HOLD, and on a log value scale every curve's values > 0. */
int alp_limit_new(size_t n, const double *t, alp_curve **curves,
                  const alp_limit_opts *o, alp_limit **out);
/* Bins (arrays of n); GSL_EINVAL for lo >= hi, non-finite edges, NAN values
 * or overlapping bins. */
int alp_limit_bins_new(size_t n, const double *u_lo, const double *u_hi,
                       const double *t_lo, const double *t_hi, const double *v,
                       alp_limit **out);
void alp_limit_free(alp_limit *l);

/* The limit at (u, t), or NAN where there is none. */
double alp_limit_eval(const alp_limit *l, double u, double t);

/* Ranges covered by the table (u over all curves or bins, t of the finite
 * curves or bins). */
void alp_limit_range(const alp_limit *l, double *u_min, double *u_max,
                     double *t_min, double *t_max);
size_t alp_limit_ncurves(const alp_limit *l); /* 0 for bins */

#endif
