/* acceptance.c -- path tables and mean decay probabilities (acceptance.h).
 *
 * Built with -O3 -fno-math-errno -fopenmp-simd (Makefile XFLAGS): the
 * per-chunk loops below are `omp simd` loops over contiguous arrays whose
 * exp()/expm1() calls gcc turns into glibc libmvec calls (_ZGV*_exp).  glibc
 * declares those vector variants only under -ffast-math, so they are
 * declared here; the kernel is compiled for AVX-512, AVX2 and baseline
 * x86-64 and the best one is picked at load time (target_clones).  Results
 * are deterministic for a given machine: the work is split into fixed
 * chunks whose partial sums are combined in chunk order.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "acceptance.h"
#include "errors.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
/* The libmvec variants exist for x86_64 glibc >= 2.22 (exp) and >= 2.35
 * (expm1); see <bits/math-vector.h>. */
extern double exp(double) __attribute__((__simd__("notinbranch")));
extern double expm1(double) __attribute__((__simd__("notinbranch")));
#define ALP_KERNEL_CLONES \
  __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ALP_KERNEL_CLONES
#endif

/* One chunk of a path table: per event, the interval ends divided by
 * (beta gamma)_k, grouped as
 *   all   [0, inf)       C = 1: the whole ray is on this side (P = 1 for
 *                        every c tau > 0, no exp needed)
 *   head  [0, H]         the production point is on this side, H finite
 *   mid   [A, A + L]     (nmid columns; padded with A = inf, L = 0)
 *   tail  [T, inf)       (padded with T = inf)
 * with absent groups padded so that they contribute exactly 0; a column
 * exists only if some event of the chunk needs it. */
typedef struct {
  size_t n;
  int has_all, has_head, has_tail, nmid;
  double *C, *H, *A, *L, *T; /* A, L: nmid columns of n, column j at +j*n */
  double *mem;
  /* Column minima, for the groups whose value is exactly known at a given
   * 1/c tau (chunk_probs): h_min = the least H > 0; a_min[j], l_min[j] =
   * the least A (padding included) and the least L of real intervals of
   * mid column j; t_min = the least T.  inf where there is none. */
  double h_min, t_min, *a_min, *l_min;
} pchunk;

struct alp_paths {
  size_t n, nchunks;
  alp_side side;
  pchunk *ch;
};

void alp_paths_free(alp_paths *p)
{
  if (!p) return;
  if (p->ch)
    for (size_t c = 0; c < p->nchunks; c++) {
      free(p->ch[c].mem);
      free(p->ch[c].a_min);
    }
  free(p->ch);
  free(p);
}

size_t alp_paths_events(const alp_paths *p) { return p->n; }
alp_side alp_paths_side(const alp_paths *p) { return p->side; }

/* Growable per-thread list of the intervals of one chunk's events, and the
 * per-block output of alp_volume_intervals_n. */
typedef struct {
  double *a, *b;
  int *cnt;  /* intervals per event */
  size_t n, cap;
  double *ti, *to; /* ALP_RAY_BLOCK x ALP_VOLUME_MAXSEG */
  int *bcnt, *bst; /* ALP_RAY_BLOCK each */
} ivbuf;

static int ivbuf_init(ivbuf *v)
{
  memset(v, 0, sizeof *v);
  v->cnt = malloc(ALP_ACC_CHUNK * sizeof *v->cnt);
  v->ti = malloc(2 * ALP_RAY_BLOCK * ALP_VOLUME_MAXSEG * sizeof *v->ti);
  v->bcnt = malloc(2 * ALP_RAY_BLOCK * sizeof *v->bcnt);
  if (!v->cnt || !v->ti || !v->bcnt) return GSL_ENOMEM;
  v->to = v->ti + ALP_RAY_BLOCK * ALP_VOLUME_MAXSEG;
  v->bst = v->bcnt + ALP_RAY_BLOCK;
  return 0;
}

static void ivbuf_free(ivbuf *v)
{
  free(v->a);
  free(v->b);
  free(v->cnt);
  free(v->ti);
  free(v->bcnt);
}

static int ivbuf_push(ivbuf *v, double a, double b)
{
  if (v->n == v->cap) {
    size_t cap = v->cap ? 2 * v->cap : 4096;
    double *na = realloc(v->a, cap * sizeof *na), *nb;
    if (!na) return GSL_ENOMEM;
    v->a = na;
    nb = realloc(v->b, cap * sizeof *nb);
    if (!nb) return GSL_ENOMEM;
    v->b = nb;
    v->cap = cap;
  }
  v->a[v->n] = a;
  v->b[v->n] = b;
  v->n++;
  return 0;
}

/* Intervals of event k on the requested side (the complement of the
 * inside intervals ti/to[0..m-1] within [0, inf) for ALP_OUTSIDE). */
static int event_intervals(const double *ti, const double *to, size_t m,
                           alp_side side, ivbuf *buf, int *count)
{
  int status;
  size_t n0 = buf->n;
  if (side == ALP_INSIDE) {
    for (size_t i = 0; i < m; i++)
      if ((status = ivbuf_push(buf, ti[i], to[i]))) return status;
  } else {
    double c = 0.0;
    for (size_t i = 0; i < m; i++) {
      if (ti[i] > c && (status = ivbuf_push(buf, c, ti[i]))) return status;
      c = to[i];
    }
    if (c < INFINITY && (status = ivbuf_push(buf, c, INFINITY))) return status;
  }
  *count = (int)(buf->n - n0);
  return 0;
}

/* Build chunk ch from events k0..k0+n-1. */
static int build_chunk(const alp_volume *v, const alp_sample *s, size_t k0,
                       size_t n, alp_side side, ivbuf *buf, pchunk *ch)
{
  int status, nmid = 0, all = 0, head = 0, tail = 0, ncol;
  size_t pos = 0;
  double *col;
  buf->n = 0;
  for (size_t k = 0; k < n; k++) {
    int cnt = 0, mid = 0;
    size_t b = k % ALP_RAY_BLOCK;
    if (b == 0) { /* the next block of rays, all at once */
      size_t m = n - k < ALP_RAY_BLOCK ? n - k : ALP_RAY_BLOCK;
      const double *P[3] = { s->x + k0 + k, s->y + k0 + k, s->z + k0 + k };
      const double *U[3] = { s->ux + k0 + k, s->uy + k0 + k, s->uz + k0 + k };
      if ((status = alp_volume_intervals_n(v, m, P, U, buf->ti, buf->to, buf->bcnt, buf->bst)))
        return status;
    }
    /* event order: its beta gamma first, then its geometry (as before) */
    if (!(isfinite(s->bg[k0 + k]) && s->bg[k0 + k] > 0.0)) return GSL_EDOM;
    if (buf->bst[b]) return buf->bst[b];
    if ((status = event_intervals(buf->ti + b * ALP_VOLUME_MAXSEG, buf->to + b * ALP_VOLUME_MAXSEG,
                                  (size_t)buf->bcnt[b], side, buf, &cnt)))
      return status;
    buf->cnt[k] = cnt;
    for (size_t i = buf->n - (size_t)cnt; i < buf->n; i++) {
      if (buf->a[i] == 0.0 && buf->b[i] == INFINITY) all = 1;
      else if (buf->a[i] == 0.0) head = 1;
      else if (buf->b[i] == INFINITY) tail = 1;
      else mid++;
    }
    if (mid > nmid) nmid = mid;
  }
  ncol = all + head + 2 * nmid + tail;
  ch->n = n;
  ch->has_all = all;
  ch->has_head = head;
  ch->has_tail = tail;
  ch->nmid = nmid;
  ch->mem = malloc((size_t)(ncol ? ncol : 1) * n * sizeof(double));
  if (!ch->mem) return GSL_ENOMEM;
  col = ch->mem;
  ch->C = all ? col : NULL;   col += all ? n : 0;
  ch->H = head ? col : NULL;  col += head ? n : 0;
  ch->A = nmid ? col : NULL;  col += (size_t)nmid * n;
  ch->L = nmid ? col : NULL;  col += (size_t)nmid * n;
  ch->T = tail ? col : NULL;
  for (size_t k = 0; k < n; k++) {
    double ibg = 1.0 / s->bg[k0 + k];
    int j = 0;
    if (all) ch->C[k] = 0.0;
    if (head) ch->H[k] = 0.0;
    for (int c = 0; c < nmid; c++) {
      ch->A[(size_t)c * n + k] = INFINITY;
      ch->L[(size_t)c * n + k] = 0.0;
    }
    if (tail) ch->T[k] = INFINITY;
    for (int i = 0; i < buf->cnt[k]; i++, pos++) {
      double a = buf->a[pos], b = buf->b[pos];
      /* lengths in units of (beta gamma)_k: x/(beta gamma c tau) = (x/bg)/ctau
       * (seed eq. 3.1) */
      if (a == 0.0 && b == INFINITY) ch->C[k] = 1.0;
      else if (a == 0.0) ch->H[k] = b * ibg;
      else if (b == INFINITY) ch->T[k] = a * ibg;
      else {
        ch->A[(size_t)j * n + k] = a * ibg;
        ch->L[(size_t)j * n + k] = (b - a) * ibg;
        j++;
      }
    }
  }
  /* the column minima (see pchunk) */
  ch->h_min = ch->t_min = INFINITY;
  ch->a_min = ch->l_min = NULL;
  if (nmid) {
    ch->a_min = malloc(2 * (size_t)nmid * sizeof *ch->a_min);
    if (!ch->a_min) return GSL_ENOMEM;
    ch->l_min = ch->a_min + nmid;
  }
  for (size_t k = 0; k < n; k++) {
    if (head && ch->H[k] > 0.0 && ch->H[k] < ch->h_min) ch->h_min = ch->H[k];
    if (tail && ch->T[k] < ch->t_min) ch->t_min = ch->T[k];
  }
  for (int c = 0; c < nmid; c++) {
    const double *A = ch->A + (size_t)c * n, *L = ch->L + (size_t)c * n;
    double am = INFINITY, lm = INFINITY;
    for (size_t k = 0; k < n; k++) {
      if (A[k] < am) am = A[k];
      if (A[k] < INFINITY && L[k] < lm) lm = L[k];
    }
    ch->a_min[c] = am;
    ch->l_min[c] = lm;
  }
  return 0;
}

/* Chunk c of table p (events c * ALP_ACC_CHUNK on). */
static int paths_chunk(const alp_volume *v, const alp_sample *s, alp_side side,
                       long c, ivbuf *buf, alp_paths *p)
{
  size_t k0 = (size_t)c * ALP_ACC_CHUNK, n = ALP_ACC_CHUNK;
  if (k0 + n > s->n) n = s->n - k0;
  return build_chunk(v, s, k0, n, side, buf, &p->ch[c]);
}

int alp_paths_new(const alp_volume *v, const alp_sample *s, alp_side side,
                  const alp_mc_opts *o, alp_paths **out)
{
  alp_paths *p = NULL;
  /* an event's intervals cost some 20 exp's worth */
  const int nt = alp_mc_threads_for(o, 20.0 * (double)s->n);
  const volatile sig_atomic_t *cancel = o ? o->cancel : NULL;
  int status = 0;
  long nc, bad = 0;
  *out = NULL;
  if (side != ALP_INSIDE && side != ALP_OUTSIDE) return GSL_EINVAL;
  if (s->n == 0) return GSL_EDOM;
  p = calloc(1, sizeof *p);
  if (!p) return GSL_ENOMEM;
  p->n = s->n;
  p->side = side;
  p->nchunks = (s->n + ALP_ACC_CHUNK - 1) / ALP_ACC_CHUNK;
  p->ch = calloc(p->nchunks, sizeof *p->ch);
  if (!p->ch) { status = GSL_ENOMEM; goto fail; }
  nc = (long)p->nchunks;
  bad = nc;

  if (nt == 1) { /* no parallel region at all: even a team of one costs a
                   * futex call in libgomp (issue #14: many small tables) */
    ivbuf buf;
    status = ivbuf_init(&buf);
    for (long c = 0; c < nc && !status; c++) {
      if (cancel && *cancel) { status = ALP_ECANCELLED; break; }
      status = paths_chunk(v, s, side, c, &buf, p);
    }
    ivbuf_free(&buf);
  } else {
#pragma omp parallel num_threads(nt)
  {
    ivbuf buf;
    int my = ivbuf_init(&buf);
    long my_chunk = my ? -1 : nc;
#pragma omp for schedule(dynamic, 1)
    for (long c = 0; c < nc; c++) {
      if (my) continue;
      if (cancel && *cancel) { my = ALP_ECANCELLED; my_chunk = c; continue; }
      my = paths_chunk(v, s, side, c, &buf, p);
      if (my) my_chunk = c;
    }
    if (my) {
#pragma omp critical(alp_paths_status)
      if (my_chunk < bad) { bad = my_chunk; status = my; }
    }
    ivbuf_free(&buf);
  }
  }
  if (status) goto fail;
  *out = p;
  return 0;
fail:
  alp_paths_free(p);
  return status;
}

/* ---- evaluation ----------------------------------------------------------- */

/* p[k] = decay probability of event k of chunk c on the table's side for
 * 0 < ctau < inf with inv = 1/ctau finite (seed eq. 3.1 summed over the
 * intervals). */
/* glibc's vector exp and expm1 leave their fast paths (calling the scalar
 * function lane by lane) for large negative arguments, which are most of
 * them at small c tau.  Arguments are therefore clamped:
 *   exp:   to >= -650, and the result is replaced by 0 below -650 (the
 *          true value is < 5.1e-283: an absolute error < 1e-282 per interval
 *          end, and exactly 0 where exp underflows anyway);
 *   expm1: to >= -40: expm1(x) = -1 exactly in double precision for
 *          x < -37.5, so this changes nothing. */
#define XMIN_EXP (-650.0)
#define XMIN_EXPM1 (-40.0)

/* max(x, lo) for x <= 0 (including -inf) and lo < 0, done on the bit
 * patterns: for non-negative doubles the unsigned order of the bits is the
 * numeric order.  (gcc rewrites exp(x > lo ? x : lo) into exp(x) followed by
 * a select, which brings the slow path back; fmax() does not vectorise.) */
static inline double clamp_neg(double x, double lo)
{
  union { double d; uint64_t u; } a, b;
  a.d = fabs(x);
  b.d = -lo;
  a.u = a.u < b.u ? a.u : b.u;
  return -a.d;
}

/* exp(x) for x <= 0 through the fast path; 0 for x < XMIN_EXP. */
static inline double exp_neg(double x)
{
  double e = exp(clamp_neg(x, XMIN_EXP));
  return x >= XMIN_EXP ? e : 0.0;
}

/* One group loop of chunk_probs: term V(k) added to p[k]; the first group
 * writes p[k] = B[k] + V (B = C, or zeros: the same sums as adding to a
 * zeroed p), the last one also sums p[k] for the mean (one pass fewer
 * each: issue #14). */
#define GROUP_LOOP(V)                                                        \
  do {                                                                      \
    const int first_ = (g == 0), last_ = (g == ng - 1);                     \
    if (first_ && last_) {                                                  \
      _Pragma("omp simd reduction(+ : s)")                                  \
      for (size_t k = 0; k < n; k++) { p[k] = B[k] + (V); s += p[k]; } \
    } else if (first_) {                                                    \
      _Pragma("omp simd")                                                   \
      for (size_t k = 0; k < n; k++) p[k] = B[k] + (V);         \
    } else if (last_) {                                                     \
      _Pragma("omp simd reduction(+ : s)")                                  \
      for (size_t k = 0; k < n; k++) { p[k] += (V); s += p[k]; }            \
    } else {                                                                \
      _Pragma("omp simd")                                                   \
      for (size_t k = 0; k < n; k++) p[k] += (V);                           \
    }                                                                       \
    g++;                                                                    \
  } while (0)

/* p[k] = decay probability of event k of chunk c on the table's side for
 * 0 < ctau < inf with inv = 1/ctau finite (seed eq. 3.1 summed over the
 * intervals); *mean and *m2 = sum of squared deviations of the p[k]. */
ALP_KERNEL_CLONES
static void chunk_probs(const pchunk *c, double inv, double *restrict p,
                        double *mean, double *m2)
{
  const size_t n = c->n;
  static const double zeros[ALP_ACC_CHUNK];
  const double *restrict B = c->has_all ? c->C : zeros;
  const int ng = c->has_head + c->nmid + c->has_tail;
  int g = 0;
  double s = 0.0, q = 0.0, m;
  if (ng == 0) { /* only whole rays: p = C */
#pragma omp simd reduction(+ : s)
    for (size_t k = 0; k < n; k++) { p[k] = B[k]; s += p[k]; }
  }
  /* Groups whose every term is exactly known skip the exp (the same bits:
   * see clamp_neg/exp_neg): -H inv <= -40 for every H > 0 gives
   * -expm1 = 1 exactly (and 0 where H = 0); -A inv < -650 everywhere gives
   * exp_neg = 0, so the group adds +0; -L inv <= -40 everywhere makes the
   * expm1 factor 1 exactly; -T inv < -650 everywhere gives 0.  At short
   * c tau this is most of the Belle II veto's tail (issue #14). */
  if (c->has_head) {
    const double *restrict H = c->H;
    if (c->h_min * inv >= -XMIN_EXPM1) GROUP_LOOP(H[k] > 0.0 ? 1.0 : 0.0);
    else GROUP_LOOP(-expm1(clamp_neg(-H[k] * inv, XMIN_EXPM1)));
  }
  for (int j = 0; j < c->nmid; j++) {
    const double *restrict A = c->A + (size_t)j * n;
    const double *restrict L = c->L + (size_t)j * n;
    if (c->a_min[j] * inv > -XMIN_EXP) GROUP_LOOP(0.0);
    else if (c->l_min[j] * inv >= -XMIN_EXPM1) GROUP_LOOP(exp_neg(-A[k] * inv));
    else GROUP_LOOP(exp_neg(-A[k] * inv) * -expm1(clamp_neg(-L[k] * inv, XMIN_EXPM1)));
  }
  if (c->has_tail) {
    const double *restrict T = c->T;
    if (c->t_min * inv > -XMIN_EXP) GROUP_LOOP(0.0);
    else GROUP_LOOP(exp_neg(-T[k] * inv));
  }
  /* squared deviations (second pass, L1-resident: a few % of the exp's
   * cost; fusing it into the loop above was slower, the accumulators being
   * spilled around each vector exp call) */
  m = s / (double)n;
#pragma omp simd reduction(+ : q)
  for (size_t k = 0; k < n; k++) q += (p[k] - m) * (p[k] - m);
  *mean = m;
  *m2 = q;
}

/* The exact limits c tau -> 0 (decay at the production point: on this
 * side iff an interval starts at 0) and c tau -> inf (iff an interval
 * reaches infinity). */
static void chunk_limit(const pchunk *c, int at_infinity, double *p)
{
  for (size_t k = 0; k < c->n; k++) {
    double all = c->has_all ? c->C[k] : 0.0;
    double h = c->has_head ? c->H[k] : 0.0;
    double t = c->has_tail ? c->T[k] : INFINITY;
    p[k] = all > 0.0 ? 1.0
         : at_infinity ? (t < INFINITY ? 1.0 : 0.0) : (h > 0.0 ? 1.0 : 0.0);
  }
}

/* Mean and sum of squared deviations of p[0..n-1] (two passes). */
static void chunk_stats(const double *restrict p, size_t n, double *mean,
                        double *m2)
{
  double s = 0.0, q = 0.0, m;
  for (size_t k = 0; k < n; k++) s += p[k];
  m = s / (double)n;
  for (size_t k = 0; k < n; k++) q += (p[k] - m) * (p[k] - m);
  *mean = m;
  *m2 = q;
}

/* Work item it of alp_paths_decay_prob: chunk it / nctau at c tau number
 * it % nctau (consecutive items share a chunk, kept in cache across c tau);
 * its mean and squared deviations go to part. */
static void prob_item(const alp_paths *p, const double *ctau, size_t nctau,
                      long it, double *buf, double *part)
{
  size_t i = (size_t)it % nctau, c = (size_t)it / nctau;
  const pchunk *ch = &p->ch[c];
  double t = ctau[i], inv = 1.0 / t;
  double *q = &part[2 * (i * p->nchunks + c)];
  if (t == INFINITY || !isfinite(inv)) { /* inf, or 0 / subnormal */
    chunk_limit(ch, t == INFINITY, buf);
    chunk_stats(buf, ch->n, &q[0], &q[1]);
  } else {
    chunk_probs(ch, inv, buf, &q[0], &q[1]);
  }
}

int alp_paths_decay_prob(const alp_paths *p, const double *ctau, size_t nctau,
                         const alp_mc_opts *o, double *prob, double *err)
{
  const int nt = alp_mc_threads_for(o, (double)nctau * (double)p->n);
  const volatile sig_atomic_t *cancel = o ? o->cancel : NULL;
  const size_t nch = p->nchunks;
  double *part = NULL;
  long nitems;
  int status = 0;
  for (size_t i = 0; i < nctau; i++)
    if (!(ctau[i] >= 0.0)) return GSL_EDOM; /* negative or NaN */
  if (nctau == 0) return 0;
  part = malloc(2 * nctau * nch * sizeof *part);
  if (!part) return GSL_ENOMEM;
  nitems = (long)(nctau * nch);

  if (nt == 1) { /* no parallel region (see alp_paths_new) */
    double buf[ALP_ACC_CHUNK];
    for (long it = 0; it < nitems; it++) {
      if (cancel && *cancel) { status = ALP_ECANCELLED; break; }
      prob_item(p, ctau, nctau, it, buf, part);
    }
  } else {
#pragma omp parallel num_threads(nt)
  {
    double buf[ALP_ACC_CHUNK];
    int my = 0;
#pragma omp for schedule(dynamic, 4)
    for (long it = 0; it < nitems; it++) {
      if (my) continue;
      if (cancel && *cancel) { my = ALP_ECANCELLED; continue; }
      prob_item(p, ctau, nctau, it, buf, part);
    }
    if (my) {
#pragma omp critical(alp_prob_status)
      status = my;
    }
  }
  }
  if (status) goto done;

  /* Combine the chunks in chunk order (Chan, Golub, LeVeque 1979). */
  for (size_t i = 0; i < nctau; i++) {
    double n = 0.0, mean = 0.0, m2 = 0.0;
    for (size_t c = 0; c < nch; c++) {
      const double *q = &part[2 * (i * nch + c)];
      double nb = (double)p->ch[c].n, ntot = n + nb, d = q[0] - mean;
      mean += d * nb / ntot;
      m2 += q[1] + d * d * n * nb / ntot;
      n = ntot;
    }
    prob[i] = mean;
    if (err) err[i] = n > 1.0 ? sqrt(m2 / (n - 1.0) / n) : 0.0;
  }
done:
  free(part);
  return status;
}

int alp_decay_prob(const alp_volume *v, const alp_sample *s, alp_side side,
                   const double *ctau, size_t nctau, const alp_mc_opts *o,
                   double *prob, double *err)
{
  alp_paths *p = NULL;
  int status;
  for (size_t i = 0; i < nctau; i++)
    if (!(ctau[i] >= 0.0)) return GSL_EDOM;
  status = alp_paths_new(v, s, side, o, &p);
  if (status) return status;
  status = alp_paths_decay_prob(p, ctau, nctau, o, prob, err);
  alp_paths_free(p);
  return status;
}

/* ---- benchmark floor ---------------------------------------------------- */

/* One plain vector exp loop per column (H, A_j, L_j, T) of every chunk and
 * c tau, over the same arrays, arguments clamped as in chunk_probs so that
 * every call takes libmvec's fast path: the least work any evaluation of
 * the table can do (one exp per interval end).  Returns the sum of the
 * exps (to keep the loops). */
ALP_KERNEL_CLONES
static double column_exp_sum(const double *restrict x, size_t n, double inv)
{
  double s = 0.0;
#pragma omp simd reduction(+ : s)
  for (size_t k = 0; k < n; k++) s += exp(clamp_neg(-x[k] * inv, XMIN_EXP));
  return s;
}

double alp_paths_exp_floor(const alp_paths *p, const double *ctau,
                           size_t nctau, size_t *nexp)
{
  double s = 0.0;
  size_t count = 0;
  for (size_t c = 0; c < p->nchunks; c++) {
    const pchunk *ch = &p->ch[c];
    for (size_t i = 0; i < nctau; i++) {
      double inv = 1.0 / ctau[i];
      if (ch->has_head) { s += column_exp_sum(ch->H, ch->n, inv); count += ch->n; }
      for (int j = 0; j < ch->nmid; j++) {
        s += column_exp_sum(ch->A + (size_t)j * ch->n, ch->n, inv);
        s += column_exp_sum(ch->L + (size_t)j * ch->n, ch->n, inv);
        count += 2 * ch->n;
      }
      if (ch->has_tail) { s += column_exp_sum(ch->T, ch->n, inv); count += ch->n; }
    }
  }
  if (nexp) *nexp = count;
  return s;
}
