/* test_analysis.c -- physics/analysis.c: the signal side of the seed's
 * Belle II B+ -> K+ a (invisible) selection with the tag side fully
 * reconstructed (arXiv:2201.06580 Sec. 4.1-4.2). */
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_math.h>
#include "analysis.h"
#include "check.h"
#include "constants.h"
#include "errors.h"
#include "experiment.h"
#include "kinematics.h"
#include "sample.h"

static alp_sample *make(double ma, size_t n, uint64_t seed,
                        const char *exp)
{
  alp_b_to_ka_opts o;
  alp_sample *s = NULL;
  memset(&o, 0, sizeof o);
  o.experiment = alp_experiment_find(exp);
  o.ma = ma;
  o.n = n;
  o.mc.seed = seed;
  o.mc.threads = 2;
  if (alp_sample_b_to_ka(&o, &s)) return NULL;
  return s;
}

static double deg_between(const double a[3], const double b[3])
{
  double c0 = a[1] * b[2] - a[2] * b[1], c1 = a[2] * b[0] - a[0] * b[2];
  double c2 = a[0] * b[1] - a[1] * b[0];
  return atan2(sqrt(c0 * c0 + c1 * c1 + c2 * c2),
               a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) * 180.0 / M_PI;
}

/* Largest lab kaon momentum in B+ -> K+ a at Belle II: the Y(4S) boost and
 * the B boost collinear (rapidities add), REFERENCE §5.1 numbers. */
static double pk_lab_max(double ma)
{
  alp_collider col = alp_experiment_find("belle2")->beams;
  double P[4], n[3], M, pP, pstar, pb, eb, pk, ek;
  alp_collider_frame(&col, P, n);
  M = alp_kin_mass(P);
  pP = sqrt(P[1] * P[1] + P[2] * P[2] + P[3] * P[3]);
  alp_kin_two_body_p(M, ALP_MBP, ALP_MBP, &pstar);
  pb = (P[0] / M) * pstar + (pP / M) * (0.5 * M);
  eb = sqrt(pb * pb + ALP_MBP * ALP_MBP);
  alp_kin_two_body_p(ALP_MBP, ALP_MKP, ma, &pk);
  ek = sqrt(pk * pk + ALP_MKP * ALP_MKP);
  return (eb / ALP_MBP) * pk + (pb / ALP_MBP) * ek;
}

static void test_selection_mask(void)
{
  /* A point inside all seven conditions of (4.1) (hand check:
   * 3.2-1.5 = 1.7 <= 2.6; 3.0-0.0165*27.87 = 2.54 <= 2.6; 105-82.5 = 22.5 <=
   * 27.87 <= -100+148.8 = 48.8). */
  CHECK_INT(alp_sel41_mask(2.6, 27.87, 150.0), ALP_SEL41_ALL, "(4.1): inside point passes all seven");
  /* Boundaries are inclusive as printed (<=, >=). */
  CHECK_TRUE(alp_sel41_mask(1.75, 40.0, 150.0) & 1u, "(4.1) cond 1: pT = 1.75 GeV included");
  CHECK_TRUE(alp_sel41_mask(2.75, 40.0, 150.0) & 1u, "(4.1) cond 1: pT = 2.75 GeV included");
  CHECK_TRUE(!(alp_sel41_mask(2.76, 40.0, 150.0) & 1u), "(4.1) cond 1: pT = 2.76 GeV fails");
  CHECK_TRUE(!(alp_sel41_mask(1.79, 40.0, 140.0) & 2u), "(4.1) cond 2: pT 1.79 < 3.2-1.4 = 1.8 fails");
  CHECK_TRUE(alp_sel41_mask(1.81, 40.0, 140.0) & 2u, "(4.1) cond 2: pT 1.81 >= 1.8 passes");
  CHECK_TRUE(!(alp_sel41_mask(2.53, 27.8714, 150.0) & 4u), "(4.1) cond 3: pT 2.53 < 3.0-0.0165 m_B^2 = 2.540 fails");
  CHECK_TRUE(alp_sel41_mask(2.0, 61.0, 150.0) & 4u, "(4.1) cond 3: pT 2.0 >= 3.0-0.0165*61 = 1.9935 passes");
  CHECK_TRUE(!(alp_sel41_mask(2.6, 40.0, 129.9) & 8u), "(4.1) cond 4: phi 129.9 deg fails");
  CHECK_TRUE(!(alp_sel41_mask(2.6, 40.0, 160.1) & 8u), "(4.1) cond 4: phi 160.1 deg fails");
  CHECK_TRUE(!(alp_sel41_mask(2.6, 26.9, 150.0) & 16u), "(4.1) cond 5: M^2 26.9 GeV^2 fails");
  CHECK_TRUE(!(alp_sel41_mask(2.6, 60.1, 150.0) & 16u), "(4.1) cond 5: M^2 60.1 GeV^2 fails");
  CHECK_TRUE(!(alp_sel41_mask(2.6, 27.87, 140.0) & 32u), "(4.1) cond 6: 27.87 < 105-77 = 28 fails");
  CHECK_TRUE(alp_sel41_mask(2.6, 27.87, 140.3) & 32u, "(4.1) cond 6: 27.87 >= 105-77.165 passes");
  CHECK_TRUE(!(alp_sel41_mask(2.6, 40.0, 140.0) & 64u), "(4.1) cond 7: 40 > -100+138.88 fails");
  CHECK_TRUE(alp_sel41_mask(2.6, 38.0, 140.0) & 64u, "(4.1) cond 7: 38 <= 38.88 passes");
  CHECK_INT(alp_sel41_mask(NAN, NAN, NAN), 0, "(4.1): NaN satisfies nothing");
}

/* Zero resolution, everything accepted: the exact kinematic identities. */
static void test_identities(void)
{
  const double ma = 0.2385;
  alp_sample *s = make(ma, 20000, 17, "belle2");
  alp_signal_opts o = alp_signal_opts_default();
  alp_signal *r = NULL;
  double worst_m = 0.0, worst_phi = 0.0;
  size_t bad_pt = 0;
  CHECK_TRUE(s != NULL, "sample at ma = %g", ma);
  if (!s) return;
  o.resolution = 0.0;
  o.mc.seed = 5;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), 0, "analysis runs");
  if (!r) { alp_sample_free(s); return; }
  for (size_t k = 0; k < s->n; k++) {
    double u[3] = { s->ux[k], s->uy[k], s->uz[k] };
    double kk[3] = { s->kpx[k], s->kpy[k], s->kpz[k] };
    double pk = sqrt(kk[0] * kk[0] + kk[1] * kk[1] + kk[2] * kk[2]);
    double dm = fabs(r->mb2[k] / (ALP_MBP * ALP_MBP) - 1.0);
    double dphi = fabs(r->phi_deg[k] - deg_between(kk, u));
    if (dm > worst_m) worst_m = dm;
    if (dphi > worst_phi) worst_phi = dphi;
    if (!(r->pt_k[k] <= r->p_k[k]) || fabs(r->p_k[k] - pk) > 1e-12 * pk) bad_pt++;
  }
  CHECK_TRUE(worst_m < 1e-12, "resolution 0: M^_B^2 = m_B+^2 for all events (worst rel. dev. %.2g)", worst_m);
  CHECK_TRUE(worst_phi < 1e-9, "resolution 0: phi_Kpmiss = lab angle(K, a) for all events (worst %.2g deg)", worst_phi);
  CHECK_INT(bad_pt, 0, "resolution 0: p_K unsmeared and pT(K) <= p_K for all events");
  alp_signal_free(r);

  /* With smearing M^_B^2 is still m_B+^2: p_miss + p_K = p_beams - p_tag. */
  o.resolution = 0.005;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), 0, "analysis with 0.5 %% resolution");
  if (r) {
    double sum = 0.0, sum2 = 0.0;
    worst_m = 0.0;
    for (size_t k = 0; k < s->n; k++) {
      double pk = sqrt(s->kpx[k] * s->kpx[k] + s->kpy[k] * s->kpy[k] +
                       s->kpz[k] * s->kpz[k]);
      double d = r->p_k[k] / pk - 1.0;
      double dm = fabs(r->mb2[k] / (ALP_MBP * ALP_MBP) - 1.0);
      if (dm > worst_m) worst_m = dm;
      sum += d;
      sum2 += d * d;
    }
    CHECK_TRUE(worst_m < 1e-12, "resolution 0.005: M^_B^2 = m_B+^2 still (worst %.2g): tag fully reconstructed", worst_m);
    /* Mean and rms of Delta p / p: 0 +- 0.005/sqrt(n) = 3.5e-5, and
     * 0.005 +- 0.005/sqrt(2n) = 2.5e-5 (5 sigma). */
    sum /= (double)s->n;
    CHECK_ABS(sum, 0.0, 5 * 0.005 / sqrt((double)s->n), "mean Delta p/p = 0");
    CHECK_ABS(sqrt(sum2 / (double)s->n - sum * sum), 0.005,
              5 * 0.005 / sqrt(2.0 * (double)s->n), "rms Delta p/p = 0.005 (seed Sec. 4.1)");
    alp_signal_free(r);
  }
  alp_sample_free(s);
}

static void test_efficiencies(void)
{
  alp_sample *s = make(0.7311, 40000, 23, "belle2");
  alp_signal_opts o = alp_signal_opts_default();
  alp_signal *r = NULL;
  if (!s) { CHECK_TRUE(0, "sample"); return; }
  /* Geometry off: the accepted fraction is kaon ID x tracking = 0.792. */
  o.theta_min_deg = 0.0;
  o.theta_max_deg = 180.0;
  o.pt_min = 0.0;
  o.mc.seed = 99;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), 0, "analysis without geometric cuts");
  if (r) {
    double want = ALP_B2_KAON_ID * ALP_B2_TRACKING;
    double err = sqrt(want * (1 - want) / (double)r->n);
    CHECK_ABS((double)r->n_accepted / (double)r->n, want, 3 * err,
              "accepted fraction = 0.80 x 0.99 within 3 binomial sigma (%.4f)", err);
    CHECK_REL(r->efficiency_err,
              sqrt(r->efficiency * (1 - r->efficiency) / (double)r->n), 1e-14,
              "efficiency error is binomial");
    alp_signal_free(r);
  }
  /* Options are coupled event by event: the same random numbers decide. */
  {
    alp_signal *a = NULL, *b = NULL;
    alp_signal_opts o1 = alp_signal_opts_default(), o2 = o1;
    size_t viol = 0;
    o1.mc.seed = o2.mc.seed = 4;
    o2.kaon_id = 0.5;
    alp_analysis_belle2_signal(s, &o1, &a);
    alp_analysis_belle2_signal(s, &o2, &b);
    if (a && b)
      for (size_t k = 0; k < s->n; k++)
        if (b->accepted[k] && !a->accepted[k]) viol++;
    CHECK_TRUE(a && b && viol == 0, "kaon_id 0.5 accepts a subset of kaon_id 0.8 (same seed)");
    alp_signal_free(a);
    alp_signal_free(b);
  }
  alp_sample_free(s);
}

/* m_a = 3 GeV: seed Table 1 has 0 events after (4.1).  REFERENCE §5.1:
 * p_K = 1.742 GeV in the B frame, < 1.75 GeV; in the LAB the boosts raise
 * it (up to 2.486 GeV), so condition 1 alone is passed by some events.  What
 * kills the signal is condition 3 at M^_B^2 = m_B+^2: pT >= 3.0 -
 * 0.0165 m_B+^2 = 2.540 GeV > max lab p_K. */
static void test_three_gev(void)
{
  alp_sample *s = make(3.0, 20000, 31, "belle2");
  alp_signal_opts o = alp_signal_opts_default();
  alp_signal *r = NULL;
  double pmax = pk_lab_max(3.0), seen = 0.0, ptseen = 0.0;
  if (!s) { CHECK_TRUE(0, "sample"); return; }
  CHECK_ABS(pmax, 2.4857, 1e-3, "max lab p_K at 3 GeV (collinear boosts)");
  CHECK_TRUE(pmax < 3.0 - 0.0165 * ALP_MBP * ALP_MBP, "max lab p_K %.4f < 2.540 GeV (condition 3)", pmax);
  o.resolution = 0.0;
  o.mc.seed = 8;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), 0, "analysis at 3 GeV");
  if (r) {
    for (size_t k = 0; k < r->n; k++) {
      if (r->p_k[k] > seen) seen = r->p_k[k];
      if (r->pt_k[k] > ptseen) ptseen = r->pt_k[k];
    }
    CHECK_TRUE(seen <= pmax * (1 + 1e-12), "every lab p_K <= %.4f GeV (max seen %.4f)", pmax, seen);
    CHECK_INT(r->n_selected, 0, "3 GeV, resolution 0: no event passes (4.1)");
    CHECK_INT(r->n_cond[2], 0, "3 GeV: condition 3 is passed by no accepted event");
    CHECK_TRUE(r->n_cond[0] > 0, "3 GeV: lab pT(K) >= 1.75 GeV happens (%zu accepted events; max lab pT %.3f GeV)",
               r->n_cond[0], ptseen);
    alp_signal_free(r);
  }
  o.resolution = ALP_B2_RESOLUTION;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), 0, "analysis at 3 GeV, 0.5 %% resolution");
  if (r) {
    CHECK_INT(r->n_selected, 0, "3 GeV, resolution 0.005: efficiency 0 (seed Table 1)");
    CHECK_ABS(r->efficiency, 0.0, 0.0, "3 GeV efficiency");
    alp_signal_free(r);
  }
  alp_sample_free(s);
}

static int same_result(const alp_signal *a, const alp_signal *b)
{
  size_t n = a->n;
  return a->n == b->n && a->n_selected == b->n_selected &&
         memcmp(a->pt_k, b->pt_k, n * sizeof(double)) == 0 &&
         memcmp(a->phi_deg, b->phi_deg, n * sizeof(double)) == 0 &&
         memcmp(a->mb2, b->mb2, n * sizeof(double)) == 0 &&
         memcmp(a->accepted, b->accepted, n) == 0 &&
         memcmp(a->selected, b->selected, n) == 0;
}

static void test_reproducible(void)
{
  alp_sample *s = make(0.0517, 10000, 3, "belle2");  /* 3 chunks */
  alp_signal_opts o = alp_signal_opts_default();
  alp_signal *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  if (!s) { CHECK_TRUE(0, "sample"); return; }
  o.mc.seed = 12345;
  o.mc.threads = 1;
  alp_analysis_belle2_signal(s, &o, &a);
  alp_analysis_belle2_signal(s, &o, &b);
  o.mc.threads = 2;
  alp_analysis_belle2_signal(s, &o, &c);
  o.mc.seed = 12346;
  alp_analysis_belle2_signal(s, &o, &d);
  CHECK_TRUE(a && b && c && d, "four runs");
  if (a && b && c && d) {
    CHECK_TRUE(same_result(a, b), "same seed: bit-identical");
    CHECK_TRUE(same_result(a, c), "1 vs 2 threads: bit-identical");
    CHECK_TRUE(!same_result(a, d), "another seed: different");
    /* Different seeds agree within the binomial errors (5 sigma of the
     * difference). */
    CHECK_ABS(a->efficiency, d->efficiency,
              5 * sqrt(2.0) * (a->efficiency_err > 0 ? a->efficiency_err : 1e-3),
              "efficiency, seed 12345 vs 12346");
  }
  alp_signal_free(a);
  alp_signal_free(b);
  alp_signal_free(c);
  alp_signal_free(d);
  alp_sample_free(s);
}

static void test_errors(void)
{
  alp_sample *s = make(0.3, 100, 1, "belle2");
  alp_sample *bb = make(0.3, 100, 1, "babar");
  alp_signal_opts o = alp_signal_opts_default();
  alp_signal *r = (alp_signal *)&o;  /* must be reset to NULL on error */
  volatile sig_atomic_t cancel = 1;
  double x[3] = { 0.5, 1.5, 2.5 }, cnt[2];
  unsigned char m[3] = { 1, 0, 1 };
  size_t under = 9, over = 9;
  if (!s || !bb) { CHECK_TRUE(0, "samples"); return; }
  CHECK_STATUS(alp_analysis_belle2_signal(bb, &o, &r), GSL_EDOM, "BaBar sample rejected");
  CHECK_TRUE(r == NULL, "*out is NULL on error");
  o.kaon_id = 1.5;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), GSL_EDOM, "kaon_id 1.5 rejected");
  o = alp_signal_opts_default();
  o.tracking = NAN;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), GSL_EDOM, "tracking NaN rejected");
  o = alp_signal_opts_default();
  o.resolution = -0.01;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), GSL_EDOM, "negative resolution rejected");
  o = alp_signal_opts_default();
  o.theta_min_deg = 150.0;
  o.theta_max_deg = 17.0;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), GSL_EDOM, "inverted theta range rejected");
  o = alp_signal_opts_default();
  o.mc.cancel = &cancel;
  CHECK_STATUS(alp_analysis_belle2_signal(s, &o, &r), ALP_ECANCELLED, "cancel flag -> ALP_ECANCELLED");

  /* Histogram: edges [0,1), [1,2); 2.5 overflows; mask drops 1.5. */
  CHECK_STATUS(alp_histogram_fill(x, NULL, 3, 0.0, 2.0, 2, cnt, &under, &over), 0, "histogram");
  CHECK_TRUE(cnt[0] == 1 && cnt[1] == 1 && under == 0 && over == 1, "histogram counts 1, 1, overflow 1");
  CHECK_STATUS(alp_histogram_fill(x, m, 3, 0.0, 2.0, 2, cnt, &under, &over), 0, "masked histogram");
  CHECK_TRUE(cnt[0] == 1 && cnt[1] == 0 && over == 1, "masked histogram drops the masked value");
  CHECK_STATUS(alp_histogram_fill(x, NULL, 3, 2.0, 2.0, 2, cnt, NULL, NULL), GSL_EDOM, "histogram lo = hi rejected");
  CHECK_STATUS(alp_histogram_fill(x, NULL, 3, 0.0, 2.0, 0, cnt, NULL, NULL), GSL_EDOM, "histogram 0 bins rejected");
  alp_sample_free(s);
  alp_sample_free(bb);
}

int main(void)
{
  test_selection_mask();
  test_identities();
  test_efficiencies();
  test_three_gev();
  test_reproducible();
  test_errors();
  return check_exit();
}
