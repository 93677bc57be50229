/* limit.c -- families of limit curves and binned limits (limit.h). */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_errno.h>
#include "limit.h"

typedef struct {       /* one mass column of a binned limit */
  double u_lo, u_hi;
  size_t start, len;   /* its bins in the sorted arrays, by t_lo */
} column;

struct alp_limit {
  /* curves */
  size_t n, nfinite;
  double *t, *tt;      /* family values, and on the family scale */
  alp_curve **curves;
  alp_limit_opts o;
  /* bins */
  size_t nbins, ncols;
  double *b_tlo, *b_thi, *b_v;
  column *cols;
};

void alp_limit_free(alp_limit *l)
{
  if (!l) return;
  for (size_t k = 0; k < l->n; k++) alp_curve_free(l->curves[k]);
  free(l->curves);
  free(l->t);
  free(l->tt);
  free(l->b_tlo);
  free(l->b_thi);
  free(l->b_v);
  free(l->cols);
  free(l);
}

static int edge_ok(alp_edge e, int inverse_allowed)
{
  switch (e.rule) {
  case ALP_EDGE_NONE: case ALP_EDGE_HOLD: return 1;
  case ALP_EDGE_ACCEPTANCE: return e.ref > 0 && isfinite(e.ref);
  case ALP_EDGE_INVERSE: return inverse_allowed;
  }
  return 0;
}

int alp_limit_new(size_t n, const double *t, alp_curve **curves,
                  const alp_limit_opts *o, alp_limit **out)
{
  *out = NULL;
  int bad = n < 1 || !t || !curves || !o;
  for (size_t k = 0; !bad && k < n; k++) {
    if (!curves[k]) bad = 1;
    else if (isnan(t[k]) || t[k] == -INFINITY || (k > 0 && !(t[k] > t[k - 1]))) bad = 1;
    else if (isinf(t[k]) && (k != n - 1 || n < 2)) bad = 1;
    else if ((o->tscale == ALP_SCALE_LOG || o->scale_along) && !(t[k] > 0)) bad = 1;
  }
  int has_inf = !bad && isinf(t[n - 1]);
  if (!bad) {
    bad = !edge_ok(o->t_low, 0) || !edge_ok(o->t_high, has_inf) ||
          (o->u_low.rule != ALP_EDGE_NONE && o->u_low.rule != ALP_EDGE_HOLD) ||
          (o->u_high.rule != ALP_EDGE_NONE && o->u_high.rule != ALP_EDGE_HOLD) ||
          (has_inf && o->t_high.rule != ALP_EDGE_INVERSE);
  }
  for (size_t k = 0; !bad && o->vscale == ALP_SCALE_LOG && k < n; k++)
    for (size_t i = 0; i < alp_curve_size(curves[k]); i++) {
      double y = alp_curve_y(curves[k], i);
      if (!isnan(y) && !(y > 0)) bad = 1;
    }
  if (bad) {
    for (size_t k = 0; curves && k < n; k++) alp_curve_free(curves[k]);
    return GSL_EINVAL;
  }
  alp_limit *l = calloc(1, sizeof *l);
  if (l) {
    l->t = malloc(n * sizeof *l->t);
    l->tt = malloc(n * sizeof *l->tt);
    l->curves = malloc(n * sizeof *l->curves);
  }
  if (!l || !l->t || !l->tt || !l->curves) {
    for (size_t k = 0; k < n; k++) alp_curve_free(curves[k]);
    if (l) { free(l->t); free(l->tt); free(l->curves); free(l); }
    return GSL_ENOMEM;
  }
  l->n = n;
  l->nfinite = has_inf ? n - 1 : n;
  l->o = *o;
  for (size_t k = 0; k < n; k++) {
    l->t[k] = t[k];
    l->tt[k] = o->tscale == ALP_SCALE_LOG ? log(t[k]) : t[k];
    l->curves[k] = curves[k];
  }
  *out = l;
  return 0;
}

/* Curve k at u, with the u edge rules. */
static double curve_at(const alp_limit *l, size_t k, double u)
{
  const alp_curve *c = l->curves[k];
  double v = alp_curve_eval(c, u);
  if (!isnan(v) || isnan(u)) return v;
  if (u < alp_curve_xmin(c))
    return l->o.u_low.rule == ALP_EDGE_HOLD ? alp_curve_y(c, 0) : NAN;
  if (u > alp_curve_xmax(c))
    return l->o.u_high.rule == ALP_EDGE_HOLD ? alp_curve_y(c, alp_curve_size(c) - 1) : NAN;
  return NAN; /* a gap */
}

/* Curve k at the point (u, t): along value scaled if asked. */
static double member(const alp_limit *l, size_t k, double u, double t)
{
  return curve_at(l, k, l->o.scale_along ? u * l->t[k] / t : u);
}

static double acceptance(double ref, double t) { return -expm1(-ref / t); }

static double edge(const alp_limit *l, alp_edge e, size_t k, double u, double t)
{
  switch (e.rule) {
  case ALP_EDGE_HOLD:
    return member(l, k, u, t);
  case ALP_EDGE_ACCEPTANCE: {
    double v = member(l, k, u, t);
    return v * acceptance(e.ref, l->t[k]) / acceptance(e.ref, t);
  }
  case ALP_EDGE_INVERSE: {
    size_t last = l->nfinite - 1;
    double a = member(l, last, u, t), b = curve_at(l, l->n - 1, u);
    if (isnan(a) || isnan(b)) return NAN;
    if (isinf(t)) return b;
    return b + (a - b) * (l->t[last] / t);
  }
  case ALP_EDGE_NONE: default:
    return NAN;
  }
}

static double eval_curves(const alp_limit *l, double u, double t)
{
  if (l->n == 1) return curve_at(l, 0, u);
  if (isnan(t) || isnan(u)) return NAN;
  size_t nf = l->nfinite;
  if (t < l->t[0]) return edge(l, l->o.t_low, 0, u, t);
  if (t > l->t[nf - 1]) return edge(l, l->o.t_high, nf - 1, u, t);
  size_t a = 0, b = nf - 1;
  while (b - a > 1) {
    size_t mid = a + (b - a) / 2;
    if (l->t[mid] <= t) a = mid; else b = mid;
  }
  if (t == l->t[a]) return member(l, a, u, t);
  if (t == l->t[b]) return member(l, b, u, t);
  double va = member(l, a, u, t), vb = member(l, b, u, t);
  if (isnan(va) || isnan(vb)) return NAN;
  double tt = l->o.tscale == ALP_SCALE_LOG ? log(t) : t;
  double w = (tt - l->tt[a]) / (l->tt[b] - l->tt[a]);
  if (l->o.vscale == ALP_SCALE_LOG) return exp(log(va) + w * (log(vb) - log(va)));
  return va + w * (vb - va);
}

/* ---- bins ------------------------------------------------------------- */

typedef struct { double ulo, uhi, tlo, thi, v; } bin;

static int bin_cmp(const void *pa, const void *pb)
{
  const bin *a = pa, *b = pb;
  if (a->ulo != b->ulo) return a->ulo < b->ulo ? -1 : 1;
  if (a->uhi != b->uhi) return a->uhi < b->uhi ? -1 : 1;
  if (a->tlo != b->tlo) return a->tlo < b->tlo ? -1 : 1;
  return 0;
}

int alp_limit_bins_new(size_t n, const double *u_lo, const double *u_hi,
                       const double *t_lo, const double *t_hi, const double *v,
                       alp_limit **out)
{
  *out = NULL;
  if (n < 1) return GSL_EINVAL;
  for (size_t i = 0; i < n; i++)
    if (!isfinite(u_lo[i]) || !isfinite(u_hi[i]) || !isfinite(t_lo[i]) ||
        !isfinite(t_hi[i]) || !(u_lo[i] < u_hi[i]) || !(t_lo[i] < t_hi[i]) || isnan(v[i]))
      return GSL_EINVAL;
  bin *b = malloc(n * sizeof *b);
  alp_limit *l = calloc(1, sizeof *l);
  if (!b || !l) { free(b); free(l); return GSL_ENOMEM; }
  for (size_t i = 0; i < n; i++) b[i] = (bin){ u_lo[i], u_hi[i], t_lo[i], t_hi[i], v[i] };
  qsort(b, n, sizeof *b, bin_cmp);
  l->nbins = n;
  l->b_tlo = malloc(n * sizeof *l->b_tlo);
  l->b_thi = malloc(n * sizeof *l->b_thi);
  l->b_v = malloc(n * sizeof *l->b_v);
  l->cols = malloc(n * sizeof *l->cols);
  if (!l->b_tlo || !l->b_thi || !l->b_v || !l->cols) { free(b); alp_limit_free(l); return GSL_ENOMEM; }
  int status = 0;
  for (size_t i = 0; i < n; i++) {
    l->b_tlo[i] = b[i].tlo;
    l->b_thi[i] = b[i].thi;
    l->b_v[i] = b[i].v;
    column *c = l->ncols ? &l->cols[l->ncols - 1] : NULL;
    if (c && b[i].ulo == c->u_lo && b[i].uhi == c->u_hi) {
      if (b[i].tlo < l->b_thi[i - 1]) status = GSL_EINVAL; /* overlap in t */
      c->len++;
    } else {
      if (c && b[i].ulo < c->u_hi) status = GSL_EINVAL;     /* overlap in u */
      l->cols[l->ncols++] = (column){ b[i].ulo, b[i].uhi, i, 1 };
    }
  }
  free(b);
  if (status) { alp_limit_free(l); return status; }
  *out = l;
  return 0;
}

static double eval_bins(const alp_limit *l, double u, double t)
{
  if (!(u >= l->cols[0].u_lo)) return NAN;
  size_t a = 0, z = l->ncols;
  while (z - a > 1) {
    size_t mid = a + (z - a) / 2;
    if (l->cols[mid].u_lo <= u) a = mid; else z = mid;
  }
  const column *c = &l->cols[a];
  if (!(u < c->u_hi)) return NAN;
  const double *tlo = l->b_tlo + c->start;
  if (!(t >= tlo[0])) return NAN;
  size_t i = 0, j = c->len;
  while (j - i > 1) {
    size_t mid = i + (j - i) / 2;
    if (tlo[mid] <= t) i = mid; else j = mid;
  }
  return t < l->b_thi[c->start + i] ? l->b_v[c->start + i] : NAN;
}

double alp_limit_eval(const alp_limit *l, double u, double t)
{
  return l->nbins ? eval_bins(l, u, t) : eval_curves(l, u, t);
}

void alp_limit_range(const alp_limit *l, double *u_min, double *u_max,
                     double *t_min, double *t_max)
{
  double a = INFINITY, b = -INFINITY, c = INFINITY, d = -INFINITY;
  if (l->nbins) {
    a = l->cols[0].u_lo;
    for (size_t k = 0; k < l->ncols; k++) if (l->cols[k].u_hi > b) b = l->cols[k].u_hi;
    for (size_t i = 0; i < l->nbins; i++) {
      if (l->b_tlo[i] < c) c = l->b_tlo[i];
      if (l->b_thi[i] > d) d = l->b_thi[i];
    }
  } else {
    for (size_t k = 0; k < l->n; k++) {
      if (alp_curve_xmin(l->curves[k]) < a) a = alp_curve_xmin(l->curves[k]);
      if (alp_curve_xmax(l->curves[k]) > b) b = alp_curve_xmax(l->curves[k]);
    }
    c = l->t[0];
    d = l->t[l->nfinite - 1];
  }
  *u_min = a; *u_max = b; *t_min = c; *t_max = d;
}

size_t alp_limit_ncurves(const alp_limit *l) { return l->nbins ? 0 : l->n; }
