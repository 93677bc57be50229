/* interp.h -- one-dimensional interpolation of tabulated data: the one
 * interpolation code of alpcast (published limits, efficiency tables,
 * acceptance tables all go through it).
 *
 * A curve y(x) is given on knots x[0] < x[1] < ... < x[n-1] (finite); the
 * values y may be NAN, which marks a gap: no value is given between a NAN
 * knot and its neighbours.  Each axis is interpolated on a linear or a
 * logarithmic scale (log: in ln x, or of ln y; x knots must then be > 0,
 * y knots >= 0: an interval next to a y = 0 knot is linear in y, as for an
 * acceptance that vanishes at one end of its table), with
 *   ALP_INTERP_LINEAR   piecewise linear (gsl_interp_linear),
 *   ALP_INTERP_STEFFEN  monotone cubic (gsl_interp_steffen, M. Steffen,
 *                       Astron. Astrophys. 239 (1990) 443): no overshoot,
 *                       flat stretches stay flat; a run of two finite
 *                       knots between gaps falls back to linear,
 *   ALP_INTERP_NEAREST  the value of the nearest knot (ties: the lower).
 * Outside [x[0], x[n-1]] and in gaps the curve has no value: alp_curve_eval
 * returns NAN and the caller decides (no limit, hold the edge, ...). */
#ifndef ALP_INTERP_H
#define ALP_INTERP_H

#include <stddef.h>

typedef enum { ALP_SCALE_LINEAR = 0, ALP_SCALE_LOG = 1 } alp_scale;
typedef enum {
  ALP_INTERP_LINEAR = 0,
  ALP_INTERP_STEFFEN = 1,
  ALP_INTERP_NEAREST = 2
} alp_interp_method;

typedef struct alp_curve alp_curve;

/* Copies x and y.  Fails with GSL_EINVAL (and sets *out = NULL) unless
 * n >= 1, the x are finite and strictly increasing, the y are finite or NAN,
 * and on a log scale the x (or the finite y) are > 0; GSL_ENOMEM. */
int alp_curve_new(const double *x, const double *y, size_t n, alp_scale xscale,
                  alp_scale yscale, alp_interp_method method, alp_curve **out);
void alp_curve_free(alp_curve *c);

/* y(x), or NAN where the curve has no value (outside, in a gap, x NAN). */
double alp_curve_eval(const alp_curve *c, double x);

size_t alp_curve_size(const alp_curve *c);
double alp_curve_xmin(const alp_curve *c);
double alp_curve_xmax(const alp_curve *c);
/* The i-th knot (no check on i). */
double alp_curve_x(const alp_curve *c, size_t i);
double alp_curve_y(const alp_curve *c, size_t i);

#endif
