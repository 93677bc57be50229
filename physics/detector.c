/* detector.c -- composable volumes, exact ray intervals, and the built-in
 * Belle II and BaBar geometries (see detector.h; the experiment table,
 * experiment.c, points to alp_detector_belle2 / alp_detector_babar). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "detector.h"
#include "errors.h"

enum { N_TUBE, N_SPHERE, N_BOX, N_POLAR, N_UNION, N_INTER, N_DIFF };

/* One node.  Primitives: parameters in q (see the constructors).  Operations:
 * children a, b (indices < own index: a node array is in postfix order and
 * its last node is the root). */
typedef struct {
  int type;
  int a, b;
  int axis;
  double q[8];
} vnode;

struct alp_volume {
  int n;
  vnode node[];
};

typedef struct {
  int n;
  double a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG];
} segs;

/* ---- construction -------------------------------------------------------- */

static int new_prim(const vnode *nd, alp_volume **out)
{
  alp_volume *v = malloc(sizeof *v + sizeof(vnode));
  *out = NULL;
  if (!v) return GSL_ENOMEM;
  v->n = 1;
  v->node[0] = *nd;
  *out = v;
  return 0;
}

static int not_nan(double x) { return x == x; }

int alp_volume_tube(double rmin, double rmax, double zmin, double zmax,
                    int axis, double c1, double c2, alp_volume **out)
{
  vnode nd;
  *out = NULL;
  if (!(rmin >= 0.0 && isfinite(rmin) && rmax > rmin && not_nan(rmax)) ||
      !(not_nan(zmin) && not_nan(zmax) && zmax > zmin) || axis < 0 ||
      axis > 2 || !isfinite(c1) || !isfinite(c2))
    return ALP_EGEOMETRY;
  memset(&nd, 0, sizeof nd);
  nd.type = N_TUBE;
  nd.axis = axis;
  nd.q[0] = rmin; nd.q[1] = rmax; nd.q[2] = zmin; nd.q[3] = zmax;
  nd.q[4] = c1;   nd.q[5] = c2;
  return new_prim(&nd, out);
}

int alp_volume_sphere(double rmin, double rmax, const double c[3],
                      alp_volume **out)
{
  vnode nd;
  *out = NULL;
  if (!(rmin >= 0.0 && isfinite(rmin) && rmax > rmin && not_nan(rmax)) ||
      !isfinite(c[0]) || !isfinite(c[1]) || !isfinite(c[2]))
    return ALP_EGEOMETRY;
  memset(&nd, 0, sizeof nd);
  nd.type = N_SPHERE;
  nd.q[0] = rmin; nd.q[1] = rmax;
  nd.q[2] = c[0]; nd.q[3] = c[1]; nd.q[4] = c[2];
  return new_prim(&nd, out);
}

int alp_volume_box(const double lo[3], const double hi[3], alp_volume **out)
{
  vnode nd;
  *out = NULL;
  for (int i = 0; i < 3; i++)
    if (!(not_nan(lo[i]) && not_nan(hi[i]) && hi[i] > lo[i]))
      return ALP_EGEOMETRY;
  memset(&nd, 0, sizeof nd);
  nd.type = N_BOX;
  for (int i = 0; i < 3; i++) { nd.q[i] = lo[i]; nd.q[3 + i] = hi[i]; }
  return new_prim(&nd, out);
}

int alp_volume_polar(double theta_min, double theta_max, alp_volume **out)
{
  vnode nd;
  *out = NULL;
  if (!(theta_min >= 0.0 && theta_max > theta_min && theta_max <= M_PI))
    return ALP_EGEOMETRY;
  memset(&nd, 0, sizeof nd);
  nd.type = N_POLAR;
  nd.q[0] = theta_min; nd.q[1] = theta_max;
  nd.q[2] = cos(theta_max); nd.q[3] = cos(theta_min);  /* cos range */
  nd.q[4] = sin(theta_min); nd.q[5] = cos(theta_min);
  nd.q[6] = sin(theta_max); nd.q[7] = cos(theta_max);
  return new_prim(&nd, out);
}

int alp_volume_combine(alp_csg_op op, const alp_volume *a,
                       const alp_volume *b, alp_volume **out)
{
  alp_volume *v;
  int n;
  *out = NULL;
  if (op != ALP_CSG_UNION && op != ALP_CSG_INTERSECTION &&
      op != ALP_CSG_DIFFERENCE)
    return GSL_EINVAL;
  n = a->n + b->n + 1;
  if (n > ALP_VOLUME_MAXNODES) return ALP_EGEOMETRY;
  v = malloc(sizeof *v + (size_t)n * sizeof(vnode));
  if (!v) return GSL_ENOMEM;
  v->n = n;
  memcpy(v->node, a->node, (size_t)a->n * sizeof(vnode));
  memcpy(v->node + a->n, b->node, (size_t)b->n * sizeof(vnode));
  for (int i = a->n; i < a->n + b->n; i++)
    if (v->node[i].type >= N_UNION) {
      v->node[i].a += a->n;
      v->node[i].b += a->n;
    }
  memset(&v->node[n - 1], 0, sizeof(vnode));
  v->node[n - 1].type = op == ALP_CSG_UNION ? N_UNION
                      : op == ALP_CSG_INTERSECTION ? N_INTER : N_DIFF;
  v->node[n - 1].a = a->n - 1;
  v->node[n - 1].b = a->n + b->n - 1;
  *out = v;
  return 0;
}

int alp_volume_copy(const alp_volume *v, alp_volume **out)
{
  size_t sz = sizeof *v + (size_t)v->n * sizeof(vnode);
  alp_volume *c = malloc(sz);
  *out = NULL;
  if (!c) return GSL_ENOMEM;
  memcpy(c, v, sz);
  *out = c;
  return 0;
}

void alp_volume_free(alp_volume *v) { free(v); }

/* ---- point classification ----------------------------------------------- */

static int prim_contains(const vnode *nd, const double x[3])
{
  switch (nd->type) {
  case N_TUBE: {
    static const int ti[3] = { 1, 2, 0 }, tj[3] = { 2, 0, 1 };
    int ax = nd->axis;
    double d1 = x[ti[ax]] - nd->q[4], d2 = x[tj[ax]] - nd->q[5];
    double r2 = d1 * d1 + d2 * d2, w = x[ax];
    return r2 >= nd->q[0] * nd->q[0] && r2 <= nd->q[1] * nd->q[1] &&
           w >= nd->q[2] && w <= nd->q[3];
  }
  case N_SPHERE: {
    double d0 = x[0] - nd->q[2], d1 = x[1] - nd->q[3], d2 = x[2] - nd->q[4];
    double r2 = d0 * d0 + d1 * d1 + d2 * d2;
    return r2 >= nd->q[0] * nd->q[0] && r2 <= nd->q[1] * nd->q[1];
  }
  case N_BOX:
    for (int i = 0; i < 3; i++)
      if (!(x[i] >= nd->q[i] && x[i] <= nd->q[3 + i])) return 0;
    return 1;
  case N_POLAR: {
    double r = sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]), c;
    if (r == 0.0) return 1; /* the apex: measure zero */
    c = x[2] / r;
    return c >= nd->q[2] && c <= nd->q[3];
  }
  default:
    return 0;
  }
}

static int node_contains(const alp_volume *v, int i, const double x[3])
{
  const vnode *nd = &v->node[i];
  switch (nd->type) {
  case N_UNION:
    return node_contains(v, nd->a, x) || node_contains(v, nd->b, x);
  case N_INTER:
    return node_contains(v, nd->a, x) && node_contains(v, nd->b, x);
  case N_DIFF:
    return node_contains(v, nd->a, x) && !node_contains(v, nd->b, x);
  default:
    return prim_contains(nd, x);
  }
}

int alp_volume_contains(const alp_volume *v, const double x[3])
{
  return node_contains(v, v->n - 1, x);
}

/* ---- ray intervals ------------------------------------------------------- */

/* Roots of A t^2 + 2 B t + C = 0 (numerically stable form, Press et al.,
 * Numerical Recipes 3rd ed. §5.6); keeps those > 0 and finite. */
static void quad_roots(double A, double B, double C, double *t, int *nt)
{
  double r[2];
  int n = 0;
  if (A == 0.0) {
    if (B != 0.0) r[n++] = -C / (2.0 * B);
  } else {
    double D = B * B - A * C;
    if (D >= 0.0) {
      double q = -(B + copysign(sqrt(D), B));
      if (q == 0.0) r[n++] = -B / A;
      else { r[n++] = q / A; r[n++] = C / q; }
    }
  }
  for (int i = 0; i < n; i++)
    if (r[i] > 0.0 && isfinite(r[i])) t[(*nt)++] = r[i];
}

static void plane_root(double p, double u, double w, double *t, int *nt)
{
  if (u != 0.0 && isfinite(w)) {
    double r = (w - p) / u;
    if (r > 0.0 && isfinite(r)) t[(*nt)++] = r;
  }
}

/* Candidate boundary crossings (a superset) of a primitive along p + t u. */
static int prim_candidates(const vnode *nd, const double p[3],
                           const double u[3], double *t)
{
  int nt = 0;
  switch (nd->type) {
  case N_TUBE: {
    static const int ti[3] = { 1, 2, 0 }, tj[3] = { 2, 0, 1 };
    int ax = nd->axis, i = ti[ax], j = tj[ax];
    double q1 = p[i] - nd->q[4], q2 = p[j] - nd->q[5];
    double A = u[i] * u[i] + u[j] * u[j], B = q1 * u[i] + q2 * u[j];
    double Q = q1 * q1 + q2 * q2;
    if (nd->q[0] > 0.0) quad_roots(A, B, Q - nd->q[0] * nd->q[0], t, &nt);
    if (isfinite(nd->q[1])) quad_roots(A, B, Q - nd->q[1] * nd->q[1], t, &nt);
    plane_root(p[ax], u[ax], nd->q[2], t, &nt);
    plane_root(p[ax], u[ax], nd->q[3], t, &nt);
    break;
  }
  case N_SPHERE: {
    double q[3] = { p[0] - nd->q[2], p[1] - nd->q[3], p[2] - nd->q[4] };
    double A = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
    double B = q[0] * u[0] + q[1] * u[1] + q[2] * u[2];
    double Q = q[0] * q[0] + q[1] * q[1] + q[2] * q[2];
    if (nd->q[0] > 0.0) quad_roots(A, B, Q - nd->q[0] * nd->q[0], t, &nt);
    if (isfinite(nd->q[1])) quad_roots(A, B, Q - nd->q[1] * nd->q[1], t, &nt);
    break;
  }
  case N_BOX:
    for (int i = 0; i < 3; i++) {
      plane_root(p[i], u[i], nd->q[i], t, &nt);
      plane_root(p[i], u[i], nd->q[3 + i], t, &nt);
    }
    break;
  case N_POLAR:
    /* Cone theta = theta_c:  z^2 sin^2 - rho^2 cos^2 = 0 (both nappes; the
     * midpoint test sorts them out).  theta_c = 0 or pi bound nothing. */
    for (int k = 0; k < 2; k++) {
      double s = nd->q[4 + 2 * k], c = nd->q[5 + 2 * k];
      double s2 = s * s, c2 = c * c, A, B, C;
      if (nd->q[k] == 0.0 || nd->q[k] == M_PI) continue;
      A = u[2] * u[2] * s2 - (u[0] * u[0] + u[1] * u[1]) * c2;
      B = p[2] * u[2] * s2 - (p[0] * u[0] + p[1] * u[1]) * c2;
      C = p[2] * p[2] * s2 - (p[0] * p[0] + p[1] * p[1]) * c2;
      quad_roots(A, B, C, t, &nt);
    }
    /* theta is continuous along a ray except at the apex, which is a root
     * of both quadratics; the z = 0 crossing is not needed but costs
     * nothing (a superset of candidates is always safe). */
    plane_root(p[2], u[2], 0.0, t, &nt);
    break;
  default:
    break;
  }
  return nt;
}

static void sort_small(double *t, int n)
{
  for (int i = 1; i < n; i++) {
    double x = t[i];
    int j = i - 1;
    while (j >= 0 && t[j] > x) { t[j + 1] = t[j]; j--; }
    t[j + 1] = x;
  }
}

/* Append [a, b] to s, merging with the last interval if they touch. */
static int seg_push(segs *s, double a, double b)
{
  if (s->n > 0 && s->b[s->n - 1] >= a) {
    if (b > s->b[s->n - 1]) s->b[s->n - 1] = b;
    return 0;
  }
  if (s->n >= ALP_VOLUME_MAXSEG) return ALP_EGEOMETRY;
  s->a[s->n] = a;
  s->b[s->n] = b;
  s->n++;
  return 0;
}

/* A point inside the piece [t0, t1] (t1 may be +inf). */
static double piece_mid(double t0, double t1)
{
  return isfinite(t1) ? 0.5 * (t0 + t1) : 2.0 * t0 + 1.0;
}

/* The inside intervals of a primitive along p + t u from its candidate
 * crossings t[0..nt-1] (sorted here): each piece between candidates is in
 * or out as its midpoint. */
static int prim_classify(const vnode *nd, const double p[3], const double u[3],
                         double *t, int nt, segs *out)
{
  double t0 = 0.0;
  int status;
  sort_small(t, nt);
  out->n = 0;
  for (int i = 0; i <= nt; i++) {
    double t1 = i < nt ? t[i] : INFINITY, m, x[3];
    if (!(t1 > t0)) continue;
    m = piece_mid(t0, t1);
    x[0] = p[0] + m * u[0];
    x[1] = p[1] + m * u[1];
    x[2] = p[2] + m * u[2];
    if (prim_contains(nd, x) && (status = seg_push(out, t0, t1))) return status;
    t0 = t1;
  }
  return 0;
}

static int prim_segs(const vnode *nd, const double p[3], const double u[3],
                     segs *out)
{
  double t[16];
  int nt = prim_candidates(nd, p, u, t);
  return prim_classify(nd, p, u, t, nt, out);
}

/* out = A op B for sorted disjoint interval lists. */
static int seg_op(int type, const segs *A, const segs *B, segs *out)
{
  double T[4 * ALP_VOLUME_MAXSEG + 1];
  int nT = 0, ia = 0, ib = 0, i = 0, j = 0, status;
  /* merge the boundaries of both lists (each list is sorted) */
  while (i < 2 * A->n || j < 2 * B->n) {
    int take_a = j >= 2 * B->n;
    if (!take_a && i < 2 * A->n) {
      double ta = i % 2 ? A->b[i / 2] : A->a[i / 2];
      double tb = j % 2 ? B->b[j / 2] : B->a[j / 2];
      take_a = ta <= tb;
    }
    if (take_a) { T[nT++] = i % 2 ? A->b[i / 2] : A->a[i / 2]; i++; }
    else { T[nT++] = j % 2 ? B->b[j / 2] : B->a[j / 2]; j++; }
  }
  out->n = 0;
  for (int k = 0; k + 1 < nT; k++) {
    double t0 = T[k], t1 = T[k + 1], m;
    int in_a, in_b, in;
    if (!(t1 > t0)) continue;
    m = piece_mid(t0, t1);
    while (ia < A->n && A->b[ia] < m) ia++;
    while (ib < B->n && B->b[ib] < m) ib++;
    in_a = ia < A->n && A->a[ia] <= m;
    in_b = ib < B->n && B->a[ib] <= m;
    in = type == N_UNION ? (in_a || in_b)
       : type == N_INTER ? (in_a && in_b) : (in_a && !in_b);
    if (in && (status = seg_push(out, t0, t1))) return status;
  }
  return 0;
}

static int node_segs(const alp_volume *v, int idx, const double p[3],
                     const double u[3], segs *out)
{
  const vnode *nd = &v->node[idx];
  segs A, B;
  int status;
  if (nd->type < N_UNION) return prim_segs(nd, p, u, out);
  if ((status = node_segs(v, nd->a, p, u, &A))) return status;
  if (nd->type != N_UNION && A.n == 0) { out->n = 0; return 0; }
  if ((status = node_segs(v, nd->b, p, u, &B))) return status;
  return seg_op(nd->type, &A, &B, out);
}

int alp_volume_intervals(const alp_volume *v, const double p[3],
                         const double u[3], double *t_in, double *t_out,
                         size_t cap, size_t *n)
{
  segs s;
  double uu;
  int status;
  *n = 0;
  for (int i = 0; i < 3; i++)
    if (!isfinite(p[i]) || !isfinite(u[i])) return GSL_EDOM;
  uu = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
  if (!(fabs(uu - 1.0) <= 2e-6)) return GSL_EDOM;
  if ((status = node_segs(v, v->n - 1, p, u, &s))) return status;
  if ((size_t)s.n > cap) return ALP_EGEOMETRY;
  for (int i = 0; i < s.n; i++) { t_in[i] = s.a[i]; t_out[i] = s.b[i]; }
  *n = (size_t)s.n;
  return 0;
}

/* ---- blocks of rays (issue #14) ------------------------------------------ */

/* alp_volume_intervals_n: the candidate crossings of every primitive are
 * computed for ALP_RAY_BLOCK rays at once, in loops over the rays that the
 * compiler vectorises (quadratic and plane roots: sqrt and divisions, the
 * latency-bound part of a ray); sorting the candidates, classifying the
 * pieces and combining the primitives stay per ray.  The arithmetic is
 * prim_candidates' and quad_roots' operation for operation (both branches
 * computed, the one taken selected; -std=c11 keeps gcc from contracting to
 * FMA), so every interval is the same double as alp_volume_intervals'. */
enum { CSLOTS = 8 }; /* candidate slots per primitive (tube, box: 6) */

/* prim_candidates_block for AVX-512, AVX2 and baseline x86-64, the best
 * picked at load time (as acceptance.c's kernel; sqrt and division are
 * correctly rounded at every width, so every clone gives the same bits) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
#define ALP_GEOM_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ALP_GEOM_CLONES
#endif

/* quad_roots on arrays: roots r1, r2 of A t^2 + 2 B t + C (NaN when absent;
 * the filter t > 0, finite is the caller's) */
static inline void quad_block(size_t m, const double *restrict A, const double *restrict B,
                       const double *restrict C, double *restrict r1, double *restrict r2)
{
#pragma omp simd
  for (size_t k = 0; k < m; k++) {
    double a = A[k], b = B[k], c = C[k];
    double D = b * b - a * c;
    double q = -(b + copysign(sqrt(D), b));
    double lin = b != 0.0 ? -c / (2.0 * b) : NAN;
    double x1 = q == 0.0 ? -b / a : q / a, x2 = q == 0.0 ? NAN : c / q;
    if (!(D >= 0.0)) { x1 = NAN; x2 = NAN; }
    r1[k] = a == 0.0 ? lin : x1;
    r2[k] = a == 0.0 ? NAN : x2;
  }
}

/* plane_root on arrays (NaN when absent) */
static inline void plane_block(size_t m, const double *restrict P, const double *restrict U,
                        double w, double *restrict r)
{
  if (!isfinite(w)) {
    for (size_t k = 0; k < m; k++) r[k] = NAN;
    return;
  }
#pragma omp simd
  for (size_t k = 0; k < m; k++) r[k] = U[k] != 0.0 ? (w - P[k]) / U[k] : NAN;
}

static inline void nan_block(size_t m, double *r)
{
  for (size_t k = 0; k < m; k++) r[k] = NAN;
}

/* prim_candidates for rays 0..m-1 of a block: slot j of ray k at
 * c[j * ALP_RAY_BLOCK + k], NaN where prim_candidates has no root. */
ALP_GEOM_CLONES
static void prim_candidates_block(const vnode *nd, size_t m, const double *const P[3],
                                  const double *const U[3], double *c)
{
  double A[ALP_RAY_BLOCK], B[ALP_RAY_BLOCK], Q[ALP_RAY_BLOCK], C[ALP_RAY_BLOCK];
  for (int j = 0; j < CSLOTS; j++) nan_block(m, c + (size_t)j * ALP_RAY_BLOCK);
  switch (nd->type) {
  case N_TUBE: {
    static const int ti[3] = { 1, 2, 0 }, tj[3] = { 2, 0, 1 };
    int ax = nd->axis, i = ti[ax], j = tj[ax];
    const double *pi = P[i], *pj = P[j], *ui = U[i], *uj = U[j];
    const double q4 = nd->q[4], q5 = nd->q[5];
#pragma omp simd
    for (size_t k = 0; k < m; k++) {
      double q1 = pi[k] - q4, q2 = pj[k] - q5;
      A[k] = ui[k] * ui[k] + uj[k] * uj[k];
      B[k] = q1 * ui[k] + q2 * uj[k];
      Q[k] = q1 * q1 + q2 * q2;
    }
    if (nd->q[0] > 0.0) {
      const double r0 = nd->q[0] * nd->q[0];
#pragma omp simd
      for (size_t k = 0; k < m; k++) C[k] = Q[k] - r0;
      quad_block(m, A, B, C, c, c + ALP_RAY_BLOCK);
    }
    if (isfinite(nd->q[1])) {
      const double r1 = nd->q[1] * nd->q[1];
#pragma omp simd
      for (size_t k = 0; k < m; k++) C[k] = Q[k] - r1;
      quad_block(m, A, B, C, c + 2 * ALP_RAY_BLOCK, c + 3 * ALP_RAY_BLOCK);
    }
    plane_block(m, P[ax], U[ax], nd->q[2], c + 4 * ALP_RAY_BLOCK);
    plane_block(m, P[ax], U[ax], nd->q[3], c + 5 * ALP_RAY_BLOCK);
    break;
  }
  case N_SPHERE: {
    const double c0 = nd->q[2], c1 = nd->q[3], c2 = nd->q[4];
#pragma omp simd
    for (size_t k = 0; k < m; k++) {
      double q0 = P[0][k] - c0, q1 = P[1][k] - c1, q2 = P[2][k] - c2;
      A[k] = U[0][k] * U[0][k] + U[1][k] * U[1][k] + U[2][k] * U[2][k];
      B[k] = q0 * U[0][k] + q1 * U[1][k] + q2 * U[2][k];
      Q[k] = q0 * q0 + q1 * q1 + q2 * q2;
    }
    if (nd->q[0] > 0.0) {
      const double r0 = nd->q[0] * nd->q[0];
#pragma omp simd
      for (size_t k = 0; k < m; k++) C[k] = Q[k] - r0;
      quad_block(m, A, B, C, c, c + ALP_RAY_BLOCK);
    }
    if (isfinite(nd->q[1])) {
      const double r1 = nd->q[1] * nd->q[1];
#pragma omp simd
      for (size_t k = 0; k < m; k++) C[k] = Q[k] - r1;
      quad_block(m, A, B, C, c + 2 * ALP_RAY_BLOCK, c + 3 * ALP_RAY_BLOCK);
    }
    break;
  }
  case N_BOX:
    for (int i = 0; i < 3; i++) {
      plane_block(m, P[i], U[i], nd->q[i], c + (size_t)(2 * i) * ALP_RAY_BLOCK);
      plane_block(m, P[i], U[i], nd->q[3 + i], c + (size_t)(2 * i + 1) * ALP_RAY_BLOCK);
    }
    break;
  case N_POLAR:
    for (int kk = 0; kk < 2; kk++) {
      const double sn = nd->q[4 + 2 * kk], cs = nd->q[5 + 2 * kk];
      const double s2 = sn * sn, c2 = cs * cs;
      if (nd->q[kk] == 0.0 || nd->q[kk] == M_PI) continue;
#pragma omp simd
      for (size_t k = 0; k < m; k++) {
        const double *p0 = P[0], *p1 = P[1], *p2 = P[2], *u0 = U[0], *u1 = U[1], *u2 = U[2];
        A[k] = u2[k] * u2[k] * s2 - (u0[k] * u0[k] + u1[k] * u1[k]) * c2;
        B[k] = p2[k] * u2[k] * s2 - (p0[k] * u0[k] + p1[k] * u1[k]) * c2;
        C[k] = p2[k] * p2[k] * s2 - (p0[k] * p0[k] + p1[k] * p1[k]) * c2;
      }
      quad_block(m, A, B, C, c + (size_t)(2 * kk) * ALP_RAY_BLOCK,
                 c + (size_t)(2 * kk + 1) * ALP_RAY_BLOCK);
    }
    plane_block(m, P[2], U[2], 0.0, c + 4 * ALP_RAY_BLOCK);
    break;
  default:
    break;
  }
}

/* node_segs for ray k of a block whose primitive candidates are in cand
 * (node i's slots at cand + i * CSLOTS * ALP_RAY_BLOCK).  (Classifying the
 * pieces for the whole block in SIMD too was slower: every ray then pays
 * for CSLOTS + 1 pieces of every primitive, where most have two or three,
 * and intersections lose their early exit.) */
static int node_segs_block(const alp_volume *v, int idx, const double p[3],
                           const double u[3], const double *cand, size_t k,
                           segs *out)
{
  const vnode *nd = &v->node[idx];
  segs A, B;
  int status;
  if (nd->type < N_UNION) {
    const double *c = cand + (size_t)idx * CSLOTS * ALP_RAY_BLOCK + k;
    double t[16];
    int nt = 0;
    for (int j = 0; j < CSLOTS; j++) {
      double r = c[(size_t)j * ALP_RAY_BLOCK];
      if (r > 0.0 && isfinite(r)) t[nt++] = r; /* quad_roots' / plane_root's filter */
    }
    return prim_classify(nd, p, u, t, nt, out);
  }
  if ((status = node_segs_block(v, nd->a, p, u, cand, k, &A))) return status;
  if (nd->type != N_UNION && A.n == 0) { out->n = 0; return 0; }
  if ((status = node_segs_block(v, nd->b, p, u, cand, k, &B))) return status;
  return seg_op(nd->type, &A, &B, out);
}

int alp_volume_intervals_n(const alp_volume *v, size_t n, const double *const P[3],
                           const double *const U[3], double *t_in, double *t_out,
                           int *cnt, int *status)
{
  const size_t per = (size_t)CSLOTS * ALP_RAY_BLOCK;
  double *cand = malloc((size_t)v->n * per * sizeof *cand);
  if (!cand) return GSL_ENOMEM;
  for (size_t b0 = 0; b0 < n; b0 += ALP_RAY_BLOCK) {
    size_t m = n - b0 < ALP_RAY_BLOCK ? n - b0 : ALP_RAY_BLOCK;
    const double *Pb[3] = { P[0] + b0, P[1] + b0, P[2] + b0 };
    const double *Ub[3] = { U[0] + b0, U[1] + b0, U[2] + b0 };
    for (int i = 0; i < v->n; i++)
      if (v->node[i].type < N_UNION)
        prim_candidates_block(&v->node[i], m, Pb, Ub, cand + (size_t)i * per);
    for (size_t k = 0; k < m; k++) {
      size_t r = b0 + k;
      double p[3] = { Pb[0][k], Pb[1][k], Pb[2][k] }, u[3] = { Ub[0][k], Ub[1][k], Ub[2][k] };
      double uu;
      segs sg;
      int st = 0;
      cnt[r] = 0;
      for (int i = 0; i < 3; i++)
        if (!isfinite(p[i]) || !isfinite(u[i])) st = GSL_EDOM;
      uu = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
      if (!st && !(fabs(uu - 1.0) <= 2e-6)) st = GSL_EDOM;
      if (!st) st = node_segs_block(v, v->n - 1, p, u, cand, k, &sg);
      if (!st) {
        for (int i = 0; i < sg.n; i++) {
          t_in[r * ALP_VOLUME_MAXSEG + (size_t)i] = sg.a[i];
          t_out[r * ALP_VOLUME_MAXSEG + (size_t)i] = sg.b[i];
        }
        cnt[r] = sg.n;
      }
      status[r] = st;
    }
  }
  free(cand);
  return 0;
}

/* ---- description ------------------------------------------------------------ */

typedef struct { char *buf; size_t size, len; } sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));

static void sb_printf(sbuf *b, const char *fmt, ...)
{
  va_list ap;
  size_t room = b->len < b->size ? b->size - b->len : 0;
  int k;
  va_start(ap, fmt);
  k = vsnprintf(room ? b->buf + b->len : NULL, room, fmt, ap);
  va_end(ap);
  if (k > 0) b->len += (size_t)k;
}

static void describe(const alp_volume *v, int i, sbuf *b)
{
  const vnode *nd = &v->node[i];
  static const char axes[] = "xyz";
  switch (nd->type) {
  case N_TUBE:
    sb_printf(b, "cylinder{rmin=%g, rmax=%g, zmin=%g, zmax=%g", nd->q[0],
              nd->q[1], nd->q[2], nd->q[3]);
    if (nd->axis != 2) sb_printf(b, ", axis=%c", axes[nd->axis]);
    if (nd->q[4] != 0.0 || nd->q[5] != 0.0)
      sb_printf(b, ", center={%g, %g}", nd->q[4], nd->q[5]);
    sb_printf(b, "}");
    break;
  case N_SPHERE:
    sb_printf(b, "sphere{rmin=%g, rmax=%g", nd->q[0], nd->q[1]);
    if (nd->q[2] != 0.0 || nd->q[3] != 0.0 || nd->q[4] != 0.0)
      sb_printf(b, ", center={%g, %g, %g}", nd->q[2], nd->q[3], nd->q[4]);
    sb_printf(b, "}");
    break;
  case N_BOX:
    sb_printf(b, "box{x={%g, %g}, y={%g, %g}, z={%g, %g}}", nd->q[0],
              nd->q[3], nd->q[1], nd->q[4], nd->q[2], nd->q[5]);
    break;
  case N_POLAR:
    sb_printf(b, "polar{theta_min=%g, theta_max=%g}", nd->q[0] * 180 / M_PI,
              nd->q[1] * 180 / M_PI);
    break;
  default:
    sb_printf(b, "%s(", nd->type == N_UNION ? "union"
                        : nd->type == N_INTER ? "intersection" : "difference");
    describe(v, nd->a, b);
    sb_printf(b, ", ");
    describe(v, nd->b, b);
    sb_printf(b, ")");
  }
}

int alp_volume_describe(const alp_volume *v, char *buf, size_t size)
{
  sbuf b = { buf, size, 0 };
  if (size) buf[0] = '\0';
  describe(v, v->n - 1, &b);
  if (size) buf[b.len < size ? b.len : size - 1] = '\0';
  return (int)b.len;
}

/* ---- detectors ------------------------------------------------------------ */

struct alp_detector {
  char *name;
  size_t n, cap;
  char **names;
  alp_volume **vols;
};

static char *dupstr(const char *s)
{
  size_t k = strlen(s) + 1;
  char *c = malloc(k);
  if (c) memcpy(c, s, k);
  return c;
}

int alp_detector_new(const char *name, alp_detector **out)
{
  alp_detector *d = calloc(1, sizeof *d);
  *out = NULL;
  if (!d) return GSL_ENOMEM;
  d->name = dupstr(name ? name : "detector");
  if (!d->name) { free(d); return GSL_ENOMEM; }
  *out = d;
  return 0;
}

void alp_detector_free(alp_detector *d)
{
  if (!d) return;
  for (size_t i = 0; i < d->n; i++) {
    free(d->names[i]);
    alp_volume_free(d->vols[i]);
  }
  free(d->names);
  free(d->vols);
  free(d->name);
  free(d);
}

int alp_detector_add(alp_detector *d, const char *vname, const alp_volume *v)
{
  char *nm = NULL;
  alp_volume *c = NULL;
  int status;
  if (alp_detector_volume(d, vname)) return ALP_EGEOMETRY;
  if (d->n == d->cap) {
    size_t cap = d->cap ? 2 * d->cap : 8;
    char **nn = realloc(d->names, cap * sizeof *nn);
    alp_volume **vv;
    if (!nn) return GSL_ENOMEM;
    d->names = nn;
    vv = realloc(d->vols, cap * sizeof *vv);
    if (!vv) return GSL_ENOMEM;
    d->vols = vv;
    d->cap = cap;
  }
  nm = dupstr(vname);
  if (!nm) { status = GSL_ENOMEM; goto fail; }
  if ((status = alp_volume_copy(v, &c))) goto fail;
  d->names[d->n] = nm;
  d->vols[d->n] = c;
  d->n++;
  return 0;
fail:
  free(nm);
  return status;
}

const char *alp_detector_name(const alp_detector *d) { return d->name; }
size_t alp_detector_count(const alp_detector *d) { return d->n; }

const char *alp_detector_volume_name(const alp_detector *d, size_t i)
{
  return i < d->n ? d->names[i] : NULL;
}

const alp_volume *alp_detector_volume_at(const alp_detector *d, size_t i)
{
  return i < d->n ? d->vols[i] : NULL;
}

const alp_volume *alp_detector_volume(const alp_detector *d,
                                      const char *vname)
{
  for (size_t i = 0; i < d->n; i++)
    if (strcmp(d->names[i], vname) == 0) return d->vols[i];
  return NULL;
}

/* ---- built-in geometries ------------------------------------------------ */

#define DEG (M_PI / 180.0)

/* *acc = *acc op b, consuming b (freed in every case). */
static int fold(alp_csg_op op, alp_volume **acc, alp_volume *b)
{
  alp_volume *r = NULL;
  int status = alp_volume_combine(op, *acc, b, &r);
  alp_volume_free(b);
  if (status) return status;
  alp_volume_free(*acc);
  *acc = r;
  return 0;
}

/* tube(rmin, rmax, zmin, zmax) about z  op  polar(t0, t1 deg). */
static int tube_window(double rmin, double rmax, double zmin, double zmax,
                       double t0, double t1, alp_volume **out)
{
  alp_volume *w = NULL;
  int status = alp_volume_tube(rmin, rmax, zmin, zmax, 2, 0, 0, out);
  if (status) return status;
  if ((status = alp_volume_polar(t0 * DEG, t1 * DEG, &w)) ||
      (status = fold(ALP_CSG_INTERSECTION, out, w))) {
    alp_volume_free(*out);
    *out = NULL;
  }
  return status;
}

/* Belle II numbers (REFERENCE §5.2 table; basf2 CDC.xml and ECL.xml via
 * data/belle2_geometry/belle2_geometry_summary.csv), in metres:
 *   ECL outer surfaces: barrel rho = 1.62 (REFERENCE §5.2 "outer ~162 cm"),
 *     forward endcap far face z = +2.27, backward endcap far face z = -1.314;
 *   ECL barrel inner radius 1.25, polar coverage 32.2-128.7 deg (TDR);
 *   ECL forward endcap z = 1.96..2.27 at 12.4-31.4 deg; backward endcap
 *     z = -1.02..-1.314 at 130.7-155.1 deg (ECL.xml z, TDR angles);
 *   CDC gas volume rho = 0.16..1.13 (CDC.xml inner wall 160 mm, outer wall
 *     ~1.12-1.13 m), z = -1.00..+1.655 (CDC.xml mother volume ZBound);
 *   tracking polar acceptance 17-150 deg (seed Sec. 4.2, TDR);
 *   displaced-vertex window 0.9 cm < rho < 60 cm (seed code, D10). */
static const double B2_RHO_ECL_OUT = 1.62, B2_Z_FWD_OUT = 2.27,
                    B2_Z_BWD_OUT = -1.314;
static const double B2_RHO_ECL_IN = 1.25, B2_Z_FWD_IN = 1.96,
                    B2_Z_BWD_IN = -1.02;
static const double B2_RHO_CDC_IN = 0.16, B2_RHO_CDC_OUT = 1.13,
                    B2_Z_CDC_BWD = -1.00, B2_Z_CDC_FWD = 1.655;
static const double B2_TH_MIN = 17.0, B2_TH_MAX = 150.0;
static const double B2_RHO_DV_MIN = 0.009, B2_RHO_DV_MAX = 0.60;

static int belle2_ecl(alp_volume **out)
{
  alp_volume *f = NULL, *b = NULL;
  int status;
  *out = NULL;
  if ((status = tube_window(B2_RHO_ECL_IN, B2_RHO_ECL_OUT, -INFINITY,
                            INFINITY, 32.2, 128.7, out)))
    return status;
  if ((status = tube_window(0.0, B2_RHO_ECL_OUT, B2_Z_FWD_IN, B2_Z_FWD_OUT,
                            12.4, 31.4, &f)) ||
      (status = fold(ALP_CSG_UNION, out, f)))
    goto fail;
  if ((status = tube_window(0.0, B2_RHO_ECL_OUT, B2_Z_BWD_OUT, B2_Z_BWD_IN,
                            130.7, 155.1, &b)) ||
      (status = fold(ALP_CSG_UNION, out, b)))
    goto fail;
  return 0;
fail:
  alp_volume_free(*out);
  *out = NULL;
  return status;
}

int alp_detector_belle2(alp_detector **out)
{
  alp_detector *d = NULL;
  alp_volume *veto = NULL, *disp = NULL, *cdc = NULL, *ecl = NULL,
             *vecl = NULL, *vgap = NULL, *w = NULL, *t = NULL;
  int status;
  *out = NULL;
  if ((status = alp_detector_new("belle2", &d))) return status;
  /* veto (D9): ECL envelope within 17-150 deg. */
  if ((status = tube_window(0.0, B2_RHO_ECL_OUT, B2_Z_BWD_OUT, B2_Z_FWD_OUT,
                            B2_TH_MIN, B2_TH_MAX, &veto)))
    goto fail;
  /* displaced (D10): 0.9 < rho < 60 cm, 17-150 deg, no z cut. */
  if ((status = tube_window(B2_RHO_DV_MIN, B2_RHO_DV_MAX, -INFINITY, INFINITY,
                            B2_TH_MIN, B2_TH_MAX, &disp)))
    goto fail;
  if ((status = alp_volume_tube(B2_RHO_CDC_IN, B2_RHO_CDC_OUT, B2_Z_CDC_BWD,
                                B2_Z_CDC_FWD, 2, 0, 0, &cdc)))
    goto fail;
  if ((status = belle2_ecl(&ecl))) goto fail;
  /* variant (a): ECL polar coverage 12.4-155.1 deg. */
  if ((status = tube_window(0.0, B2_RHO_ECL_OUT, B2_Z_BWD_OUT, B2_Z_FWD_OUT,
                            12.4, 155.1, &vecl)))
    goto fail;
  /* variant (b): (CDC envelope incl. the VXD inside it) U ECL, in 17-150. */
  if ((status = alp_volume_tube(0.0, B2_RHO_CDC_OUT, B2_Z_CDC_BWD,
                                B2_Z_CDC_FWD, 2, 0, 0, &vgap)) ||
      (status = alp_volume_copy(ecl, &t)))
    goto fail;
  status = fold(ALP_CSG_UNION, &vgap, t);
  t = NULL;
  if (status) goto fail;
  if ((status = alp_volume_polar(B2_TH_MIN * DEG, B2_TH_MAX * DEG, &w)))
    goto fail;
  status = fold(ALP_CSG_INTERSECTION, &vgap, w);
  w = NULL;
  if (status) goto fail;

  if ((status = alp_detector_add(d, "veto", veto)) ||
      (status = alp_detector_add(d, "displaced", disp)) ||
      (status = alp_detector_add(d, "cdc", cdc)) ||
      (status = alp_detector_add(d, "ecl", ecl)) ||
      (status = alp_detector_add(d, "veto_ecl", vecl)) ||
      (status = alp_detector_add(d, "veto_gap", vgap)))
    goto fail;
  status = 0;
  *out = d;
  d = NULL;
fail:
  alp_volume_free(veto);
  alp_volume_free(disp);
  alp_volume_free(cdc);
  alp_volume_free(ecl);
  alp_volume_free(vecl);
  alp_volume_free(vgap);
  alp_volume_free(w);
  alp_volume_free(t);
  alp_detector_free(d);
  return status;
}

/* BaBar numbers (REFERENCE D13 revised; data/detector_geometry/
 * babar_geometry.csv), in metres.  Grades as in the csv:
 *   grade C (recalled in REFERENCE D13, NOT read in a source):
 *     EMC lab polar coverage 15.8-141.8 deg, EMC barrel inner radius 0.92;
 *   grade B (BaBar web pages / Physics Book SLAC-R-504, design values):
 *     DCH outer radius 0.809 (DchSimGeom page), DCH forward extent +1.749
 *     and backward extent -1.015 from the IP (SLAC-R-504 p.58);
 *   the 0.50 m sphere: ALPaca's modelling choice (the first version of D13).
 * The EMC endcap z plane was not found (csv: GAP).  No z plane is imposed:
 * in the forward cone the visible region reaches rho = 0.92 m (z = 0.92 /
 * tan 15.8 deg = 3.25 m at the window's edge), beyond the real endcap face,
 * so the volume is, if anything, too large and <P_a> = P(outside) too small
 * (a conservative limit).  Any plane beyond the DCH end (z > 1.749 m) would
 * be a guess; "dch" is the bounded variant. */
static const double BB_RHO_EMC_IN = 0.92;
static const double BB_TH_EMC_MIN = 15.8, BB_TH_EMC_MAX = 141.8;
static const double BB_RHO_DCH_OUT = 0.809, BB_Z_DCH_FWD = 1.749,
                    BB_Z_DCH_BWD = -1.015;
static const double BB_R_SPHERE = 0.50;

/* The BaBar volumes under the detector name name ("babar" at the Y(4S),
 * "babar_y3s" at the Y(3S): the same detector). */
static int babar_volumes(const char *name, alp_detector **out)
{
  static const double origin[3] = { 0.0, 0.0, 0.0 };
  /* Polar corners of the DCH cylinder seen from the IP: the window in which
   * a line from the IP crosses the chamber's full radius. */
  const double th_dch_min = atan2(BB_RHO_DCH_OUT, BB_Z_DCH_FWD) / DEG;
  const double th_dch_max = atan2(BB_RHO_DCH_OUT, BB_Z_DCH_BWD) / DEG;
  alp_detector *d = NULL;
  alp_volume *emc = NULL, *dch = NULL, *s = NULL;
  int status;
  *out = NULL;
  if ((status = alp_detector_new(name, &d))) return status;
  /* emc_veto (D13 (b), default): seen if emitted in the EMC polar window and
   * decaying inside the EMC inner surface rho < 0.92 m; built like Belle
   * II's veto (D9). */
  if ((status = tube_window(0.0, BB_RHO_EMC_IN, -INFINITY, INFINITY,
                            BB_TH_EMC_MIN, BB_TH_EMC_MAX, &emc)))
    goto fail;
  /* dch (D13 variant): inside the DCH cylinder, within its polar corners. */
  if ((status = tube_window(0.0, BB_RHO_DCH_OUT, BB_Z_DCH_BWD, BB_Z_DCH_FWD,
                            th_dch_min, th_dch_max, &dch)))
    goto fail;
  /* veto = sphere (D13 first version, ALPaca's choice): no decay within
   * 0.50 m of the collision point. */
  if ((status = alp_volume_sphere(0.0, BB_R_SPHERE, origin, &s)))
    goto fail;
  if ((status = alp_detector_add(d, "emc_veto", emc)) ||
      (status = alp_detector_add(d, "dch", dch)) ||
      (status = alp_detector_add(d, "veto", s)) ||
      (status = alp_detector_add(d, "sphere", s)))
    goto fail;
  *out = d;
  d = NULL;
fail:
  alp_volume_free(emc);
  alp_volume_free(dch);
  alp_volume_free(s);
  alp_detector_free(d);
  return status;
}

int alp_detector_babar(alp_detector **out) { return babar_volumes("babar", out); }
int alp_detector_babar_y3s(alp_detector **out) { return babar_volumes("babar_y3s", out); }

/* D18's long-lifetime length: an ALP decaying beyond 100 m is certainly
 * outside any of these detectors. */
static const double LONG_LIFETIME_R = 100.0;

/* One detector of named volumes (taken over: freed here). */
static int detector_of(const char *name, size_t n, const char *const *vnames,
                       alp_volume **vols, alp_detector **out)
{
  alp_detector *d = NULL;
  int status = alp_detector_new(name, &d);
  for (size_t i = 0; i < n && !status; i++)
    status = vols[i] ? alp_detector_add(d, vnames[i], vols[i]) : GSL_ENOMEM;
  for (size_t i = 0; i < n; i++) alp_volume_free(vols[i]);
  if (status) { alp_detector_free(d); d = NULL; }
  *out = d;
  return status;
}

int alp_detector_belle(alp_detector **out)
{
  static const double origin[3] = { 0.0, 0.0, 0.0 };
  static const char *const names[] = { "ecl", "long_lifetime" };
  alp_volume *v[2] = { NULL, NULL };
  *out = NULL;
  /* ECL envelope: barrel outer radius 1.62 m, endcaps at z = -1.02 and
   * +1.96 m (Belle NIM A479 117, Table 1; belle_geometry.csv, grade A). */
  alp_volume_tube(0.0, 1.62, -1.02, 1.96, 2, 0.0, 0.0, &v[0]);
  alp_volume_sphere(0.0, LONG_LIFETIME_R, origin, &v[1]);
  return detector_of("belle", 2, names, v, out);
}

int alp_detector_besiii(alp_detector **out)
{
  static const double origin[3] = { 0.0, 0.0, 0.0 };
  static const char *const names[] = { "long_lifetime" };
  alp_volume *v[1] = { NULL };
  *out = NULL;
  /* No BESIII dimension could be read (besiii_geometry.csv: GAPs), so only
   * D18's long-lifetime sphere. */
  alp_volume_sphere(0.0, LONG_LIFETIME_R, origin, &v[0]);
  return detector_of("besiii", 1, names, v, out);
}
