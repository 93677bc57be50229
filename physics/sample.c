/* sample.c -- event samples: B+ -> K+ a at the B factories, and generic
 * two-body decays of caller-supplied parents (see sample.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "errors.h"
#include "experiment.h"
#include "kinematics.h"
#include "sample.h"

enum { NARRAYS = 11 };

int alp_sample_alloc(size_t n, double ma, alp_sample **out)
{
  alp_sample *s = NULL;
  double *buf = NULL;
  *out = NULL;
  if (n == 0 || n > ALP_SAMPLE_NMAX) return GSL_EDOM;
  s = calloc(1, sizeof *s);
  buf = calloc(n * NARRAYS, sizeof *buf);
  if (!s || !buf) goto fail;
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
  free(buf);
  free(s);
  return GSL_ENOMEM;
}

void alp_sample_free(alp_sample *s)
{
  if (!s) return;
  free(s->bg);
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

static int bka_event(const void *vctx, gsl_rng *r, size_t k, void *vs)
{
  const bka_ctx *c = vctx;
  alp_sample *s = vs;
  double u1 = gsl_rng_uniform(r), u2 = gsl_rng_uniform(r);
  double u3 = gsl_rng_uniform(r), u4 = gsl_rng_uniform(r);
  double u5 = gsl_rng_uniform(r);
  double cb, sb, phi, d[3], B[4], a[4], kk[4], u[3];

  /* B direction: dN/dcos(theta*) ~ sin^2(theta*) about the e- axis in the
   * Y(4S) frame (REFERENCE §5.1, D8). */
  cb = alp_kin_cos_sin2(u1);
  sb = sqrt((1.0 - cb) * (1.0 + cb));
  phi = 2.0 * M_PI * u2;
  for (int i = 0; i < 3; i++)
    d[i] = cb * c->n[i] + sb * (cos(phi) * c->e1[i] + sin(phi) * c->e2[i]);
  B[0] = c->eb;
  B[1] = c->pb * d[0]; B[2] = c->pb * d[1]; B[3] = c->pb * d[2];
  alp_kin_boost(c->P, c->M, B, B);

  /* B+ -> K+ a, isotropic in the B frame (spin 0). */
  alp_kin_isotropic(u3, u4, u);
  a[0] = c->ea;  a[1] = c->pa * u[0];  a[2] = c->pa * u[1];  a[3] = c->pa * u[2];
  kk[0] = c->ek; kk[1] = -a[1];        kk[2] = -a[2];        kk[3] = -a[3];
  alp_kin_boost(B, c->mb, a, a);
  alp_kin_boost(B, c->mb, kk, kk);
  store_event(s, k, a, kk);

  /* Production point: the B decay vertex, exponential in proper length
   * c tau_B+ along p_B/m_B (or the IP). */
  if (c->flight) {
    double t = -log1p(-u5) * c->ctau_b / c->mb;
    s->x[k] = t * B[1];
    s->y[k] = t * B[2];
    s->z[k] = t * B[3];
  } else {
    s->x[k] = s->y[k] = s->z[k] = 0.0;
  }
  return 0;
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

  status = alp_sample_alloc(o->n, o->ma, &s);
  if (status) return status;
  s->m_recoil = mk;
  s->seed = o->mc.seed;
  s->experiment = o->experiment;
  snprintf(s->label, sizeof s->label, "B+ -> K+ a at %s",
           o->experiment->name);
  status = alp_mc_run_chunks(s->n, &o->mc, o->mc.seed, bka_event, &c, s);
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
