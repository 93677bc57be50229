/* sample.c -- event samples: B+ -> K+ a at the B factories, and generic
 * two-body decays of caller-supplied parents (see sample.h). */
#define _DEFAULT_SOURCE /* madvise */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "errors.h"
#include "experiment.h"
#include "kinematics.h"
#include "sample.h"
#include "vecmath.h"

enum { NARRAYS = 11 };

/* ---- event memory ----------------------------------------------------------
 * One allocation of NARRAYS * n doubles per sample.  Large ones are aligned
 * to 2 MiB and offered to transparent huge pages (madvise; the kernel may
 * decline), so that a fresh 10^6-event sample (88 MB) takes ~45 page faults
 * instead of ~21,500.  The last freed large buffer is kept as a spare and
 * handed to the next sample that fits in it (the recasts make one sample
 * per mass of the same size): memory reused from mass to mass. */
#define HUGE_ALIGN ((size_t)2 << 20)
static pthread_mutex_t spare_lock = PTHREAD_MUTEX_INITIALIZER;
static double *spare_buf;
static size_t spare_cap; /* doubles */

static double *buf_get(size_t len)
{
  double *b = NULL;
  size_t bytes = len * sizeof *b;
  pthread_mutex_lock(&spare_lock);
  if (spare_buf && spare_cap >= len && spare_cap / 2 <= len) {
    b = spare_buf;
    spare_buf = NULL;
  }
  pthread_mutex_unlock(&spare_lock);
  if (b) return b;
  if (bytes < HUGE_ALIGN) return malloc(bytes);
  bytes = (bytes + HUGE_ALIGN - 1) / HUGE_ALIGN * HUGE_ALIGN;
  if (posix_memalign((void **)&b, HUGE_ALIGN, bytes)) return NULL;
#ifdef MADV_HUGEPAGE
  (void)madvise(b, bytes, MADV_HUGEPAGE);
#endif
  return b;
}

static void buf_put(double *b, size_t len)
{
  if (b && len * sizeof *b >= HUGE_ALIGN) {
    pthread_mutex_lock(&spare_lock);
    double *old = spare_buf;
    spare_buf = b;
    spare_cap = len;
    pthread_mutex_unlock(&spare_lock);
    b = old;
  }
  free(b);
}

/* A sample with arrays for n events, zeroed if `zero` (else unset: the
 * generator writes every element). */
static int sample_new(size_t n, double ma, int zero, alp_sample **out)
{
  alp_sample *s = NULL;
  double *buf = NULL;
  *out = NULL;
  if (n == 0 || n > ALP_SAMPLE_NMAX) return GSL_EDOM;
  s = calloc(1, sizeof *s);
  buf = buf_get(n * NARRAYS);
  if (!s || !buf) goto fail;
  if (zero) memset(buf, 0, n * NARRAYS * sizeof *buf);
  s->n = n;
  s->ma = ma;
  s->bg = buf;
  s->ux = buf + n;     s->uy = buf + 2 * n;  s->uz = buf + 3 * n;
  s->x = buf + 4 * n;  s->y = buf + 5 * n;   s->z = buf + 6 * n;
  s->ke = buf + 7 * n; s->kpx = buf + 8 * n; s->kpy = buf + 9 * n;
  s->kpz = buf + 10 * n;
  *out = s;
  return 0;
fail:
  buf_put(buf, n * NARRAYS);
  free(s);
  return GSL_ENOMEM;
}

int alp_sample_alloc(size_t n, double ma, alp_sample **out)
{
  return sample_new(n, ma, 1, out);
}

void alp_sample_free(alp_sample *s)
{
  if (!s) return;
  buf_put(s->bg, s->n * NARRAYS);
  free(s);
}

/* Store the lab ALP and recoil four-momenta of event k. */
static void store_event(alp_sample *s, size_t k, const double a[4],
                        const double rec[4])
{
  double p = sqrt(a[1] * a[1] + a[2] * a[2] + a[3] * a[3]);
  s->bg[k] = p / s->ma;  /* beta gamma = |p|/m (seed eq. 3.1) */
  s->ux[k] = a[1] / p;
  s->uy[k] = a[2] / p;
  s->uz[k] = a[3] / p;
  s->ke[k] = rec[0];
  s->kpx[k] = rec[1];
  s->kpy[k] = rec[2];
  s->kpz[k] = rec[3];
}

/* ---- B+ -> K+ a at an e+e- B factory ------------------------------------ */

typedef struct {
  double P[4], M;           /* Y(4S) four-momentum in the lab, its mass */
  double n[3], e1[3], e2[3];/* beam axis in the Y(4S) frame + frame */
  double eb, pb, mb;        /* B energy, momentum in Y(4S) frame; m_B+ */
  double ea, ek, pa;        /* ALP, K energies and momentum in B frame */
  double ctau_b;            /* c tau_B+ [m] */
  int flight;
} bka_ctx;

/* Boost of (e, px, py, pz) by a frame of four-momentum (PE, Px, Py, Pz) and
 * mass M (the formula of alp_kin_boost, exact for beta -> 0), written on
 * scalars so that the event loops below vectorise. */
#define BOOST(PE, Px, Py, Pz, M, e, px, py, pz)                          \
  do {                                                                  \
    double pdot_ = (Px) * (px) + (Py) * (py) + (Pz) * (pz);             \
    double f_ = pdot_ / ((M) * ((PE) + (M))) + (e) / (M);               \
    (e) = ((PE) * (e) + pdot_) / (M);                                   \
    (px) += f_ * (Px); (py) += f_ * (Py); (pz) += f_ * (Pz);            \
  } while (0)

static inline double dmin(double a, double b) { return a < b ? a : b; }
static inline double dmax(double a, double b) { return a > b ? a : b; }

/* Events k0..k0+n-1 (n <= ALP_GEN_BLOCK) into s: the uniforms of the block
 * first (rng.h: seven of the eight per event, in the order of
 * alp_sample_b_to_ka), then
 * the kinematics as vector loops over the block. */
ALP_VEC_CLONES
static void bka_block(const bka_ctx *c, uint64_t seed, size_t k0, size_t n,
                      alp_sample *s)
{
  double u[ALP_RNG_PER_EVENT][ALP_GEN_BLOCK];
  const double tau = 2.0 * M_PI, flight = c->flight ? c->ctau_b / c->mb : 0.0;
  double *restrict bg = s->bg, *restrict ux = s->ux, *restrict uy = s->uy;
  double *restrict uz = s->uz, *restrict x = s->x, *restrict y = s->y;
  double *restrict z = s->z, *restrict ke_ = s->ke, *restrict kpx = s->kpx;
  double *restrict kpy = s->kpy, *restrict kpz = s->kpz;
  const double ma = s->ma;
  const double *u0 = u[0], *u1 = u[1], *u2 = u[2], *u3 = u[3], *u4 = u[4];
  const double *u5 = u[5], *u6 = u[6];
  alp_rng_block(seed, ALP_RNG_STREAM_SAMPLE, k0, n, u);
  /* B direction: dN/dcos(theta*) ~ sin^2(theta*) = 1 - cos^2 about the e-
   * axis in the Y(4S) frame (REFERENCE §5.1, D8): the median of three
   * uniforms on (-1, 1) has exactly the density (3/4)(1 - x^2) (order
   * statistics: 3! f F (1 - F) with F = (1 + x)/2), so no acos.  Its own
   * loop (no calls: gcc if-converts the min/max only there); cos theta*
   * overwrites u0. */
  double *restrict cbv = u[0];
#pragma omp simd
  for (size_t i = 0; i < n; i++) {
    double x1 = 2.0 * u0[i] - 1.0, x2 = 2.0 * u1[i] - 1.0;
    double x3 = 2.0 * u2[i] - 1.0;
    cbv[i] = dmax(dmin(x1, x2), dmin(dmax(x1, x2), x3));
  }
#pragma omp simd
  for (size_t i = 0; i < n; i++) {
    const size_t k = k0 + i;
    double cb = cbv[i], sb = sqrt((1.0 - cb) * (1.0 + cb));
    double phi = tau * u3[i], cp = cos(phi), sp = sin(phi);
    double dx = cb * c->n[0] + sb * (cp * c->e1[0] + sp * c->e2[0]);
    double dy = cb * c->n[1] + sb * (cp * c->e1[1] + sp * c->e2[1]);
    double dz = cb * c->n[2] + sb * (cp * c->e1[2] + sp * c->e2[2]);
    double BE = c->eb, Bx = c->pb * dx, By = c->pb * dy, Bz = c->pb * dz;
    BOOST(c->P[0], c->P[1], c->P[2], c->P[3], c->M, BE, Bx, By, Bz);

    /* B+ -> K+ a, isotropic in the B frame (spin 0): cos theta uniform on
     * (-1, 1), phi uniform (alp_kin_isotropic). */
    double ca = 2.0 * u4[i] - 1.0, sa = sqrt((1.0 - ca) * (1.0 + ca));
    double pha = tau * u5[i];
    double ax = c->pa * sa * cos(pha), ay = c->pa * sa * sin(pha);
    double az = c->pa * ca, ae = c->ea;
    double kx = -ax, ky = -ay, kz = -az, ke = c->ek;
    BOOST(BE, Bx, By, Bz, c->mb, ae, ax, ay, az);
    BOOST(BE, Bx, By, Bz, c->mb, ke, kx, ky, kz);
    double p = sqrt(ax * ax + ay * ay + az * az);
    bg[k] = p / ma;  /* beta gamma = |p|/m (seed eq. 3.1) */
    ux[k] = ax / p; uy[k] = ay / p; uz[k] = az / p;
    ke_[k] = ke; kpx[k] = kx; kpy[k] = ky; kpz[k] = kz;

    /* Production point: the B decay vertex, exponential in proper length
     * c tau_B+ along p_B/m_B (or the IP). */
    double t = -log(u6[i]) * flight;
    x[k] = t * Bx; y[k] = t * By; z[k] = t * Bz;
  }
}

/* Generate all events of s in blocks, threads sharing the blocks (each
 * event's numbers depend only on (seed, k): any schedule gives the same
 * bytes).  Cancel is tested once per block. */
static int bka_run(const bka_ctx *c, const alp_mc_opts *mc, alp_sample *s)
{
  const long nb = (long)((s->n + ALP_GEN_BLOCK - 1) / ALP_GEN_BLOCK);
  const volatile sig_atomic_t *cancel = mc->cancel;
  int cancelled = 0;
  const int nt = alp_mc_threads_for(mc, (double)s->n);
  if (nt == 1) { /* no parallel region (see rng.c alp_mc_run_chunks) */
    for (long b = 0; b < nb; b++) {
      size_t k0 = (size_t)b * ALP_GEN_BLOCK, n = ALP_GEN_BLOCK;
      if (cancel && *cancel) return ALP_ECANCELLED;
      if (k0 + n > s->n) n = s->n - k0;
      bka_block(c, mc->seed, k0, n, s);
    }
    return 0;
  }
#pragma omp parallel for schedule(static) num_threads(nt) \
  reduction(| : cancelled)
  for (long b = 0; b < nb; b++) {
    size_t k0 = (size_t)b * ALP_GEN_BLOCK, n = ALP_GEN_BLOCK;
    if (cancelled || (cancel && *cancel)) { cancelled = 1; continue; }
    if (k0 + n > s->n) n = s->n - k0;
    bka_block(c, mc->seed, k0, n, s);
  }
  return cancelled ? ALP_ECANCELLED : 0;
}

int alp_sample_b_to_ka(const alp_b_to_ka_opts *o, alp_sample **out)
{
  const double mb = ALP_MBP, mk = ALP_MKP;
  alp_collider col;
  bka_ctx c;
  alp_sample *s = NULL;
  int status;
  *out = NULL;
  if (!(isfinite(o->ma) && o->ma > 0.0 && o->ma < mb - mk)) return GSL_EDOM;
  if (o->n == 0 || o->n > ALP_SAMPLE_NMAX) return GSL_EDOM;
  if (!o->experiment || o->experiment->generator != ALP_GEN_Y4S_B_TO_KA)
    return GSL_EDOM;
  col = o->experiment->beams;

  memset(&c, 0, sizeof c);
  status = alp_collider_frame(&col, c.P, c.n);
  if (status) return status;
  c.M = alp_kin_mass(c.P);
  alp_kin_frame(c.n, c.e1, c.e2);
  c.mb = mb;
  /* Y(4S) -> B+ B-: each B has E* = M/2 (REFERENCE §5.1: p* = 0.3322 GeV at
   * Belle II). */
  status = alp_kin_two_body_p(c.M, mb, mb, &c.pb);
  if (status) return status;
  c.eb = 0.5 * c.M;
  status = alp_kin_two_body_p(mb, mk, o->ma, &c.pa);
  if (status) return status;
  c.ea = sqrt(c.pa * c.pa + o->ma * o->ma);
  c.ek = sqrt(c.pa * c.pa + mk * mk);
  c.ctau_b = ALP_KIN_C_LIGHT * ALP_TAU_BP;
  c.flight = o->b_flight ? 1 : 0;

  status = sample_new(o->n, o->ma, 0, &s);
  if (status) return status;
  s->m_recoil = mk;
  s->seed = o->mc.seed;
  s->experiment = o->experiment;
  snprintf(s->label, sizeof s->label, "B+ -> K+ a at %s",
           o->experiment->name);
  status = bka_run(&c, &o->mc, s);
  if (status) goto fail;
  *out = s;
  return 0;
fail:
  alp_sample_free(s);
  return status;
}

/* ---- generic parents ---------------------------------------------------- */

typedef struct {
  double ma, mr;
  alp_parent_fn fn;
  void *ctx;
} par_ctx;

static int par_event(const void *vctx, gsl_rng *r, size_t k, void *vs)
{
  const par_ctx *c = vctx;
  alp_sample *s = vs;
  double P[4] = { 0, 0, 0, 0 }, x[3] = { 0, 0, 0 }, M, p, u[3], a[4], q[4];
  int status = c->fn(c->ctx, k, r, P, x);
  if (status) return status;
  for (int i = 0; i < 4; i++) if (!isfinite(P[i])) return GSL_EDOM;
  for (int i = 0; i < 3; i++) if (!isfinite(x[i])) return GSL_EDOM;
  M = alp_kin_mass(P);
  if (!(P[0] > 0.0) || !(M > c->ma + c->mr)) return GSL_EDOM;
  status = alp_kin_two_body_p(M, c->ma, c->mr, &p);
  if (status) return status;
  alp_kin_isotropic(gsl_rng_uniform(r), gsl_rng_uniform(r), u);
  a[0] = sqrt(p * p + c->ma * c->ma);
  q[0] = sqrt(p * p + c->mr * c->mr);
  for (int i = 0; i < 3; i++) { a[i + 1] = p * u[i]; q[i + 1] = -p * u[i]; }
  alp_kin_boost(P, M, a, a);
  alp_kin_boost(P, M, q, q);
  store_event(s, k, a, q);
  s->x[k] = x[0];
  s->y[k] = x[1];
  s->z[k] = x[2];
  return 0;
}

int alp_parent_from_arrays(void *ctx, size_t i, gsl_rng *r, double p4[4],
                           double x[3])
{
  const alp_parent_arrays *pa = ctx;
  size_t j;
  (void)r;
  if (pa->np == 0) return GSL_EDOM;
  j = i % pa->np;
  p4[0] = pa->e[j]; p4[1] = pa->px[j]; p4[2] = pa->py[j]; p4[3] = pa->pz[j];
  if (pa->x) x[0] = pa->x[j];
  if (pa->y) x[1] = pa->y[j];
  if (pa->z) x[2] = pa->z[j];
  return 0;
}

int alp_sample_from_parents(const alp_parents_opts *o, alp_parent_fn fn,
                            void *ctx, alp_sample **out)
{
  par_ctx c;
  alp_sample *s = NULL;
  int status;
  *out = NULL;
  if (!fn || !(isfinite(o->ma) && o->ma > 0.0) ||
      !(isfinite(o->m_recoil) && o->m_recoil >= 0.0))
    return GSL_EDOM;
  status = alp_sample_alloc(o->n, o->ma, &s);
  if (status) return status;
  s->m_recoil = o->m_recoil;
  s->seed = o->mc.seed;
  snprintf(s->label, sizeof s->label, "%s", o->label ? o->label : "parents");
  c.ma = o->ma;
  c.mr = o->m_recoil;
  c.fn = fn;
  c.ctx = ctx;
  status = alp_mc_run_chunks(s->n, &o->mc, o->mc.seed, par_event, &c, s);
  if (status) goto fail;
  *out = s;
  return 0;
fail:
  alp_sample_free(s);
  return status;
}

void alp_sample_bg_range(const alp_sample *s, double *bg_min, double *bg_max)
{
  double lo = s->bg[0], hi = s->bg[0];
  for (size_t i = 1; i < s->n; i++) {
    if (s->bg[i] < lo) lo = s->bg[i];
    if (s->bg[i] > hi) hi = s->bg[i];
  }
  *bg_min = lo;
  *bg_max = hi;
}
