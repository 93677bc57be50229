/* interp.c -- tabulated curves with gaps on linear or log scales (interp.h).
 * The interpolation itself is GSL's (gsl_interp_linear, gsl_interp_steffen),
 * one gsl_interp per run of consecutive finite knots. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include "interp.h"

typedef struct {
  size_t start, len;   /* knots start .. start+len-1, all finite */
  gsl_interp *interp;  /* NULL for a run of one knot (value at the knot only) */
} run;

struct alp_curve {
  size_t n, nruns;
  double *x, *y;       /* the knots as given */
  double *tx, *ty;     /* on the interpolation scales */
  size_t *run_of;      /* run index of knot i (only for finite y) */
  run *runs;
  alp_scale xscale, yscale;
  alp_interp_method method;
};

void alp_curve_free(alp_curve *c)
{
  if (!c) return;
  for (size_t r = 0; r < c->nruns; r++) gsl_interp_free(c->runs[r].interp);
  free(c->runs);
  free(c->run_of);
  free(c->x);
  free(c->y);
  free(c->tx);
  free(c->ty);
  free(c);
}

int alp_curve_new(const double *x, const double *y, size_t n, alp_scale xscale,
                  alp_scale yscale, alp_interp_method method, alp_curve **out)
{
  *out = NULL;
  if (n < 1 || !x || !y) return GSL_EINVAL;
  if (method != ALP_INTERP_LINEAR && method != ALP_INTERP_STEFFEN &&
      method != ALP_INTERP_NEAREST) return GSL_EINVAL;
  for (size_t i = 0; i < n; i++) {
    if (!isfinite(x[i]) || (i > 0 && !(x[i] > x[i - 1]))) return GSL_EINVAL;
    if (xscale == ALP_SCALE_LOG && !(x[i] > 0)) return GSL_EINVAL;
    if (isinf(y[i])) return GSL_EINVAL;
    if (yscale == ALP_SCALE_LOG && !isnan(y[i]) && !(y[i] >= 0)) return GSL_EINVAL;
  }
  alp_curve *c = calloc(1, sizeof *c);
  if (!c) return GSL_ENOMEM;
  c->n = n;
  c->xscale = xscale;
  c->yscale = yscale;
  c->method = method;
  c->x = malloc(n * sizeof *c->x);
  c->y = malloc(n * sizeof *c->y);
  c->tx = malloc(n * sizeof *c->tx);
  c->ty = malloc(n * sizeof *c->ty);
  c->run_of = calloc(n, sizeof *c->run_of);
  c->runs = calloc(n, sizeof *c->runs);
  if (!c->x || !c->y || !c->tx || !c->ty || !c->run_of || !c->runs) {
    alp_curve_free(c);
    return GSL_ENOMEM;
  }
  memcpy(c->x, x, n * sizeof *x);
  memcpy(c->y, y, n * sizeof *y);
  for (size_t i = 0; i < n; i++) {
    c->tx[i] = xscale == ALP_SCALE_LOG ? log(x[i]) : x[i];
    c->ty[i] = isnan(y[i]) ? NAN : (yscale == ALP_SCALE_LOG ? (y[i] > 0 ? log(y[i]) : NAN) : y[i]);
  }
  /* maximal runs of finite values (positive ones on a log y scale: a zero
   * knot ends a run, and an interval next to it is linear in y) */
  for (size_t i = 0; i < n;) {
    if (isnan(c->ty[i])) { i++; continue; }
    size_t j = i;
    while (j < n && !isnan(c->ty[j])) { c->run_of[j] = c->nruns; j++; }
    run *r = &c->runs[c->nruns++];
    r->start = i;
    r->len = j - i;
    if (method != ALP_INTERP_NEAREST && r->len >= 2) {
      const gsl_interp_type *t = (method == ALP_INTERP_STEFFEN && r->len >= 3)
                                 ? gsl_interp_steffen : gsl_interp_linear;
      r->interp = gsl_interp_alloc(t, r->len);
      if (!r->interp) { alp_curve_free(c); return GSL_ENOMEM; }
      int status = gsl_interp_init(r->interp, c->tx + i, c->ty + i, r->len);
      if (status) { alp_curve_free(c); return status; }
    }
    i = j;
  }
  *out = c;
  return 0;
}

/* Index i with x[i] <= v < x[i+1] (i = n-1 when v == x[n-1]); v in range. */
static size_t locate(const double *x, size_t n, double v)
{
  size_t a = 0, b = n - 1;
  if (v >= x[b]) return b;
  while (b - a > 1) {
    size_t mid = a + (b - a) / 2;
    if (x[mid] <= v) a = mid; else b = mid;
  }
  return a;
}

static double untransform(const alp_curve *c, double t)
{
  return c->yscale == ALP_SCALE_LOG ? exp(t) : t;
}

double alp_curve_eval(const alp_curve *c, double v)
{
  size_t n = c->n;
  if (!(v >= c->x[0] && v <= c->x[n - 1])) return NAN;
  size_t i = locate(c->x, n, v);
  if (v == c->x[i]) return c->y[i];
  /* here x[i] < v < x[i+1] */
  if (c->method == ALP_INTERP_NEAREST) {
    double tv = c->xscale == ALP_SCALE_LOG ? log(v) : v;
    return (tv - c->tx[i] <= c->tx[i + 1] - tv) ? c->y[i] : c->y[i + 1];
  }
  if (isnan(c->y[i]) || isnan(c->y[i + 1])) return NAN;
  double tv = c->xscale == ALP_SCALE_LOG ? log(v) : v;
  if (c->yscale == ALP_SCALE_LOG && (c->y[i] == 0 || c->y[i + 1] == 0)) {
    double w = (tv - c->tx[i]) / (c->tx[i + 1] - c->tx[i]); /* linear in y next to a zero */
    return c->y[i] + w * (c->y[i + 1] - c->y[i]);
  }
  const run *r = &c->runs[c->run_of[i]];
  const double *rx = c->tx + r->start, *ry = c->ty + r->start;
  /* keep ln v inside the run's knots despite rounding */
  if (tv < rx[0]) tv = rx[0];
  if (tv > rx[r->len - 1]) tv = rx[r->len - 1];
  double t;
  if (gsl_interp_eval_e(r->interp, rx, ry, tv, NULL, &t)) return NAN;
  return untransform(c, t);
}

size_t alp_curve_size(const alp_curve *c) { return c->n; }
double alp_curve_xmin(const alp_curve *c) { return c->x[0]; }
double alp_curve_xmax(const alp_curve *c) { return c->x[c->n - 1]; }
double alp_curve_x(const alp_curve *c, size_t i) { return c->x[i]; }
double alp_curve_y(const alp_curve *c, size_t i) { return c->y[i]; }
