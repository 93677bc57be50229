/* analysis.c -- signal side of the seed's Belle II B+ -> K+ a (invisible)
 * selection, with the tag side fully reconstructed (see analysis.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include "analysis.h"
#include "constants.h"
#include "errors.h"
#include "experiment.h"
#include "kinematics.h"

/* ---- the selection (4.1), seed Sec. 4.2, as printed --------------------- */

unsigned alp_sel41_mask(double pt, double mb2, double phi)
{
  unsigned m = 0;
  if (pt >= 1.75 && pt <= 2.75) m |= 1u << 0;            /* 1.75 <= pT <= 2.75 GeV */
  if (pt >= 3.2 - 0.01 * phi) m |= 1u << 1;              /* pT >= 3.2 GeV - 0.01 GeV/deg phi */
  if (pt >= 3.0 - 0.0165 * mb2) m |= 1u << 2;            /* pT >= 3.0 GeV - 0.0165 GeV^-1 M^2 */
  if (phi >= 130.0 && phi <= 160.0) m |= 1u << 3;        /* 130 <= phi <= 160 deg */
  if (mb2 >= 27.0 && mb2 <= 60.0) m |= 1u << 4;          /* 27 <= M^2 <= 60 GeV^2 */
  if (mb2 >= 105.0 - 0.55 * phi) m |= 1u << 5;           /* M^2 >= 105 GeV^2 - 0.55 GeV^2/deg phi */
  if (mb2 <= -100.0 + 0.992 * phi) m |= 1u << 6;         /* M^2 <= -100 GeV^2 + 0.992 GeV^2/deg phi */
  return m;
}

alp_signal_opts alp_signal_opts_default(void)
{
  alp_signal_opts o;
  memset(&o, 0, sizeof o);
  o.theta_min_deg = ALP_B2_THETA_MIN_DEG;
  o.theta_max_deg = ALP_B2_THETA_MAX_DEG;
  o.pt_min = ALP_B2_PT_MIN;
  o.kaon_id = ALP_B2_KAON_ID;
  o.tracking = ALP_B2_TRACKING;
  o.resolution = ALP_B2_RESOLUTION;
  o.mc.seed = 0;
  o.mc.threads = 1;
  o.mc.cancel = NULL;
  return o;
}

void alp_signal_free(alp_signal *r)
{
  if (!r) return;
  free(r->pt_k);
  free(r->accepted);
  free(r);
}

enum { NDOUBLE = 5, NBYTE = 3 };

static int signal_alloc(size_t n, alp_signal **out)
{
  alp_signal *r = calloc(1, sizeof *r);
  double *d = calloc(n * NDOUBLE, sizeof *d);
  unsigned char *b = calloc(n * NBYTE, 1);
  *out = NULL;
  if (!r || !d || !b) {
    free(r);
    free(d);
    free(b);
    return GSL_ENOMEM;
  }
  r->n = n;
  r->pt_k = d;
  r->p_k = d + n;
  r->theta_deg = d + 2 * n;
  r->mb2 = d + 3 * n;
  r->phi_deg = d + 4 * n;
  r->accepted = b;
  r->cuts = b + n;
  r->selected = b + 2 * n;
  *out = r;
  return 0;
}

static int check_opts(const alp_signal_opts *o)
{
  if (!(isfinite(o->theta_min_deg) && isfinite(o->theta_max_deg) &&
        o->theta_min_deg >= 0.0 && o->theta_max_deg <= 180.0 &&
        o->theta_min_deg < o->theta_max_deg))
    return GSL_EDOM;
  if (!(isfinite(o->pt_min) && o->pt_min >= 0.0)) return GSL_EDOM;
  if (!(o->kaon_id >= 0.0 && o->kaon_id <= 1.0)) return GSL_EDOM;
  if (!(o->tracking >= 0.0 && o->tracking <= 1.0)) return GSL_EDOM;
  if (!(o->resolution >= 0.0 && o->resolution <= 1.0)) return GSL_EDOM;
  return 0;
}

/* Angle between two 3-vectors in degrees, atan2(|a x b|, a.b) (accurate
 * near 0 and 180 deg); 0 if either vanishes. */
static double angle_deg(const double a[3], const double b[3])
{
  double c0 = a[1] * b[2] - a[2] * b[1];
  double c1 = a[2] * b[0] - a[0] * b[2];
  double c2 = a[0] * b[1] - a[1] * b[0];
  double cr = sqrt(c0 * c0 + c1 * c1 + c2 * c2);
  double dt = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return atan2(cr, dt) * (180.0 / M_PI);
}

typedef struct {
  const alp_sample *s;
  const alp_signal_opts *o;
  double P[4];       /* beams (Y(4S) system) in the lab */
  double mb2_tag;    /* m_B+^2 */
} sig_ctx;

/* Event k; draws exactly: uniform, uniform, Gaussian (see analysis.h). */
static int sig_event(const void *vctx, gsl_rng *r, size_t k, void *vres)
{
  const sig_ctx *c = vctx;
  alp_signal *res = vres;
  const alp_sample *s = c->s;
  const alp_signal_opts *o = c->o;
  const double u_track = gsl_rng_uniform(r);
  const double u_kid = gsl_rng_uniform(r);
  const double z = gsl_ran_gaussian(r, 1.0);
  double a[4], K[4], B[4], tag[4], km[4], miss[4], sum[4];
  double p, f, pm, pt, theta, mtag2, m2;

  /* ALP and kaon from the sample; the parent B+ is their sum. */
  p = s->ma * s->bg[k];
  a[0] = s->ma * sqrt(1.0 + s->bg[k] * s->bg[k]);
  a[1] = p * s->ux[k];
  a[2] = p * s->uy[k];
  a[3] = p * s->uz[k];
  K[0] = s->ke[k]; K[1] = s->kpx[k]; K[2] = s->kpy[k]; K[3] = s->kpz[k];
  for (int i = 0; i < 4; i++) B[i] = a[i] + K[i];

  /* Tag B: the other B of Y(4S) -> B+ B-, fully reconstructed. */
  for (int i = 0; i < 4; i++) tag[i] = c->P[i] - B[i];
  mtag2 = tag[0] * tag[0] - tag[1] * tag[1] - tag[2] * tag[2] - tag[3] * tag[3];
  if (!(fabs(mtag2 - c->mb2_tag) <= 1e-6 * c->mb2_tag)) return GSL_EDOM;

  /* Measured kaon: |p| smeared by a Gaussian of relative width `resolution`,
   * direction kept (a negative factor, |z| > 1/resolution, is clamped to 0). */
  f = 1.0 + o->resolution * z;
  if (f < 0.0) f = 0.0;
  km[1] = f * K[1]; km[2] = f * K[2]; km[3] = f * K[3];
  pm = sqrt(km[1] * km[1] + km[2] * km[2] + km[3] * km[3]);
  km[0] = sqrt(pm * pm + ALP_MKP * ALP_MKP);
  pt = hypot(km[1], km[2]);
  theta = atan2(hypot(K[1], K[2]), K[3]) * (180.0 / M_PI);

  /* p_miss = p_beams - p_K(measured) - p_tag (seed Sec. 4.2). */
  for (int i = 0; i < 4; i++) miss[i] = c->P[i] - km[i] - tag[i];
  for (int i = 0; i < 4; i++) sum[i] = miss[i] + km[i];
  m2 = sum[0] * sum[0] - sum[1] * sum[1] - sum[2] * sum[2] - sum[3] * sum[3];

  res->pt_k[k] = pt;
  res->p_k[k] = pm;
  res->theta_deg[k] = theta;
  res->mb2[k] = m2;
  res->phi_deg[k] = angle_deg(km + 1, miss + 1);

  /* Acceptance (seed Sec. 4.1): CDC polar angle, pT, tracking, kaon ID. */
  res->accepted[k] = (theta > o->theta_min_deg && theta < o->theta_max_deg &&
                      pt > o->pt_min && u_track < o->tracking &&
                      u_kid < o->kaon_id) ? 1 : 0;
  res->cuts[k] = (unsigned char)alp_sel41_mask(pt, m2, res->phi_deg[k]);
  res->selected[k] = (res->accepted[k] && res->cuts[k] == ALP_SEL41_ALL) ? 1 : 0;
  return 0;
}

int alp_analysis_belle2_signal(const alp_sample *s, const alp_signal_opts *o,
                               alp_signal **out)
{
  const alp_experiment *belle2 = alp_experiment_find("belle2");
  sig_ctx c;
  double nvec[3];
  alp_signal *res = NULL;
  int status = 0;

  *out = NULL;
  if (!s || !o) return GSL_EDOM;
  status = check_opts(o);
  if (status) return status;
  /* Only Belle II B+ -> K+ a samples (made by alp_sample_b_to_ka for the
   * belle2 entry of the experiment table, kaon recoil). */
  if (!belle2 || s->experiment != belle2 || s->m_recoil != ALP_MKP ||
      s->n == 0 || !(s->ma > 0.0))
    return GSL_EDOM;

  memset(&c, 0, sizeof c);
  c.s = s;
  c.o = o;
  status = alp_collider_frame(&belle2->beams, c.P, nvec);
  if (status) return status;
  c.mb2_tag = ALP_MBP * ALP_MBP;

  status = signal_alloc(s->n, &res);
  if (status) return status;
  res->ma = s->ma;

  status = alp_mc_run_chunks(s->n, &o->mc, o->mc.seed ^ ALP_ANALYSIS_SEED_SALT,
                             sig_event, &c, res);
  if (status) goto fail;

  /* Counts in event order (independent of the threads). */
  for (size_t k = 0; k < s->n; k++) {
    if (!res->accepted[k]) continue;
    res->n_accepted++;
    res->n_selected += res->selected[k];
    for (int i = 0; i < ALP_SEL41_NCOND; i++)
      if (res->cuts[k] & (1u << i)) res->n_cond[i]++;
  }
  res->efficiency = (double)res->n_selected / (double)s->n;
  res->efficiency_err =
      sqrt(res->efficiency * (1.0 - res->efficiency) / (double)s->n);
  *out = res;
  return 0;
fail:
  alp_signal_free(res);
  return status;
}

int alp_histogram_fill(const double *x, const unsigned char *mask, size_t n,
                       double lo, double hi, size_t bins, double *counts,
                       size_t *under, size_t *over)
{
  const double w = (hi - lo) / (double)bins;
  size_t nu = 0, no = 0;
  if (bins == 0 || !(isfinite(lo) && isfinite(hi)) || !(lo < hi) ||
      !isfinite(w) || !(w > 0.0))
    return GSL_EDOM;
  for (size_t i = 0; i < bins; i++) counts[i] = 0.0;
  for (size_t k = 0; k < n; k++) {
    double v = x[k];
    double t;
    size_t i;
    if (mask && !mask[k]) continue;
    if (isnan(v)) return GSL_EDOM;
    if (v < lo) { nu++; continue; }
    if (v >= hi) { no++; continue; }
    t = floor((v - lo) / w);
    i = t < 0.0 ? 0 : (t >= (double)bins ? bins - 1 : (size_t)t);
    /* Make the bin agree with the edges lo + i w (rounding of the division). */
    if (i > 0 && v < lo + (double)i * w) i--;
    else if (i + 1 < bins && v >= lo + (double)(i + 1) * w) i++;
    counts[i] += 1.0;
  }
  if (under) *under = nu;
  if (over) *over = no;
  return 0;
}
