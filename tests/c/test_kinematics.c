/* test_kinematics.c -- four-vectors, boosts, collider frames and the
 * B+ -> K+ a event generator (physics/kinematics.c, physics/sample.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "check.h"
#include "errors.h"
#include "experiment.h"
#include "kinematics.h"
#include "sample.h"

static void test_collider(void)
{
  alp_collider b2 = alp_experiment_find("belle2")->beams,
               bb = alp_experiment_find("babar")->beams;
  double P[4], n[3], M, p, bg;
  CHECK_STATUS(alp_collider_frame(&b2, P, n), 0, "belle2 frame");
  M = alp_kin_mass(P);
  p = sqrt(P[1] * P[1] + P[2] * P[2] + P[3] * P[3]);
  bg = p / M;
  /* REFERENCE §5.1 (belle2_kinematics.py): sqrt(s) = 10.5796, beta gamma
   * = 0.2868, boost 8.66 deg from z towards +x, e- 5.77 mrad from z*. */
  CHECK_REL(M, 10.5796, 1e-5, "Belle II sqrt(s) = 10.5796 GeV");
  CHECK_ABS(bg, 0.2868, 5e-5, "Belle II Y(4S) beta gamma = 0.2868");
  CHECK_ABS(atan2(P[1], P[3]) * 180 / M_PI, 8.66, 5e-3,
            "Belle II boost 8.66 deg from z");
  CHECK_ABS(P[2], 0.0, 0.0, "Belle II boost in the x-z plane");
  CHECK_ABS(1e3 * atan2(n[0], n[2]), 5.77, 5e-3,
            "e- beam 5.77 mrad from z in the Y(4S) frame");
  CHECK_ABS(n[0] * n[0] + n[1] * n[1] + n[2] * n[2], 1.0, 1e-15,
            "beam axis is a unit vector");
  /* BaBar (D13): 9.0 on 3.1 GeV head-on, beta gamma = 5.9/sqrt(4*9*3.1). */
  CHECK_STATUS(alp_collider_frame(&bb, P, n), 0, "babar frame");
  M = alp_kin_mass(P);
  p = sqrt(P[1] * P[1] + P[2] * P[2] + P[3] * P[3]);
  CHECK_REL(p / M, 5.9 / sqrt(4 * 9.0 * 3.1), 1e-13,
            "BaBar beta gamma = 0.5585 (D13: 0.56)");
  CHECK_REL(M, ALP_MUPS4S, 1e-13, "BaBar: e+e- system at m_Y(4S)");
  CHECK_ABS(n[2], 1.0, 0.0, "BaBar: head-on, beam axis = z");
  b2.e_plus = -1;
  CHECK_STATUS(alp_collider_frame(&b2, P, n), GSL_EDOM, "negative beam energy");
}

static void test_two_body(void)
{
  static const double ma[6] = { 0, 0.3, 1, 2, 3, 4 };
  static const double want[6] = { 2.617, 2.608, 2.520, 2.230, 1.742, 1.036 };
  double p, rs = 2.0 * cos(0.0415) * sqrt(7.004 * 4.002);
  /* REFERENCE §5.1: B momentum in the Y(4S) frame 0.3322 GeV (B+-). */
  CHECK_STATUS(alp_kin_two_body_p(rs, ALP_MBP, ALP_MBP, &p), 0, "Y -> BB");
  CHECK_ABS(p, 0.3322, 5e-5, "p*(B+) in the Y(4S) frame = 0.3322 GeV");
  for (int i = 0; i < 6; i++) {
    CHECK_STATUS(alp_kin_two_body_p(ALP_MBP, ALP_MKP, ma[i], &p), 0, "B->Ka");
    CHECK_ABS(p, want[i], 5e-4, "p_K in the B frame at m_a = %g: %g GeV (REF §5.1)",
              ma[i], want[i]);
  }
  CHECK_STATUS(alp_kin_two_body_p(ALP_MBP, ALP_MKP, 4.8, &p), GSL_EDOM,
               "m_a above m_B - m_K");
  CHECK_STATUS(alp_kin_two_body_p(ALP_MBP, ALP_MKP, NAN, &p), GSL_EDOM,
               "m_a NaN");
  CHECK_STATUS(alp_kin_two_body_p(ALP_MBP, ALP_MKP, ALP_MBP - ALP_MKP, &p), 0,
               "threshold");
  CHECK_ABS(p, 0.0, 0.0, "p = 0 at threshold");
}

static void test_boost(void)
{
  double P[4] = { 0, 1.3, -0.7, 2.9 }, M = 5.27934, a[4] = { 0, 0.2, 0.5, -1.1 };
  double b[4], back[4], Q[4], ma = 0.2385, r[4] = { 0.2385, 0, 0, 0 };
  P[0] = sqrt(M * M + P[1] * P[1] + P[2] * P[2] + P[3] * P[3]);
  a[0] = sqrt(ma * ma + a[1] * a[1] + a[2] * a[2] + a[3] * a[3]);
  alp_kin_boost(P, M, a, b);
  CHECK_REL(alp_kin_mass(b), ma, 1e-12, "boost keeps the invariant mass");
  Q[0] = P[0]; Q[1] = -P[1]; Q[2] = -P[2]; Q[3] = -P[3];
  alp_kin_boost(Q, M, b, back);
  for (int i = 0; i < 4; i++)
    CHECK_ABS(back[i], a[i], 1e-13, "boost then inverse boost, component %d", i);
  /* a particle at rest in the parent frame moves with the parent */
  alp_kin_boost(P, M, r, b);
  for (int i = 0; i < 4; i++)
    CHECK_REL(b[i], P[i] * ma / M, 1e-13, "rest particle gets p = P m/M (%d)", i);
}

static void test_cos_sin2(void)
{
  /* Inverse of F(c) = (2 + 3c - c^3)/4 (the CDF of (3/4)(1 - c^2)). */
  static const double u[5] = { 0.0, 0.1234, 0.5, 0.8765, 1.0 };
  for (int i = 0; i < 5; i++) {
    double c = alp_kin_cos_sin2(u[i]);
    CHECK_ABS((2 + 3 * c - c * c * c) / 4, u[i], 1e-14, "F(F^-1(%g))", u[i]);
  }
}

static int same_arrays(const alp_sample *a, const alp_sample *b)
{
  return a->n == b->n && memcmp(a->bg, b->bg, 11 * a->n * sizeof(double)) == 0;
}

static void test_b_to_ka(void)
{
  alp_b_to_ka_opts o;
  alp_sample *s = NULL, *s2 = NULL;
  alp_collider col = alp_experiment_find("belle2")->beams;
  double P[4], n[3], M, sum_e = 0, sum_e2 = 0, sum_c2 = 0, maxdev = 0;
  memset(&o, 0, sizeof o);
  o.experiment = alp_experiment_find("belle2");
  o.ma = 0.2385;
  o.n = 20000;
  o.mc.seed = 12345;
  o.mc.threads = 1;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), 0, "b_to_ka belle2");
  if (!s) return;
  alp_collider_frame(&col, P, n);
  M = alp_kin_mass(P);
  for (size_t k = 0; k < s->n; k++) {
    double pa = s->ma * s->bg[k];
    double a[4] = { sqrt(pa * pa + s->ma * s->ma), pa * s->ux[k], pa * s->uy[k],
                    pa * s->uz[k] };
    double B[4] = { a[0] + s->ke[k], a[1] + s->kpx[k], a[2] + s->kpy[k],
                    a[3] + s->kpz[k] };
    double Q[4] = { P[0], -P[1], -P[2], -P[3] }, Bc[4], pb, c;
    double dev = fabs(alp_kin_mass(B) - ALP_MBP);
    if (dev > maxdev) maxdev = dev;
    /* back to the Y(4S) frame: cos(theta*) about the beam axis */
    alp_kin_boost(Q, M, B, Bc);
    pb = sqrt(Bc[1] * Bc[1] + Bc[2] * Bc[2] + Bc[3] * Bc[3]);
    c = (Bc[1] * n[0] + Bc[2] * n[1] + Bc[3] * n[2]) / pb;
    sum_c2 += c * c;
    sum_e += B[0];
    sum_e2 += B[0] * B[0];
  }
  CHECK_ABS(maxdev, 0.0, 1e-9, "every event: m(a + K) = m_B+");
  {
    double N = (double)s->n, mc2 = sum_c2 / N;
    /* sin^2 theta*: <c^2> = 1/5, var(c^2) = <c^4> - 1/25 = 3/35 - 1/25 */
    double err = sqrt((3.0 / 35 - 1.0 / 25) / N);
    CHECK_ABS(mc2, 0.2, 4 * err, "<cos^2 theta*> = 1/5 (sin^2 theta*, D8)");
    /* <E_B,lab> = gamma M/2 (the CM distribution is symmetric) */
    double me = sum_e / N, se = sqrt((sum_e2 / N - me * me) / N);
    CHECK_ABS(me, 0.5 * P[0], 4 * se, "<E_B(lab)> = gamma sqrt(s)/2");
  }
  /* reproducibility */
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s2), 0, "same seed again");
  CHECK_TRUE(s2 && same_arrays(s, s2), "same seed, 1 thread -> bit-identical");
  alp_sample_free(s2);
  s2 = NULL;
  o.mc.threads = 2;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s2), 0, "2 threads");
  CHECK_TRUE(s2 && same_arrays(s, s2), "1 vs 2 threads -> bit-identical");
  alp_sample_free(s2);
  s2 = NULL;
  o.mc.seed = 12346;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s2), 0, "other seed");
  CHECK_TRUE(s2 && !same_arrays(s, s2), "other seed -> other events");
  alp_sample_free(s2);
  s2 = NULL;
  /* production point: IP by default, B flight when asked */
  CHECK_TRUE(s->x[7] == 0 && s->y[7] == 0 && s->z[7] == 0, "production at IP");
  o.b_flight = 1;
  o.mc.seed = 12345;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s2), 0, "b_flight");
  if (s2) {
    /* flight length = (|p_B|/m_B) c tau_B x Exp(1): its mean over the sample
     * is sum_k bg_B,k c tau_B / n, error sqrt(sum_k (bg_B,k c tau_B)^2)/n
     * (REFERENCE §5.1: ~130 um). */
    double sl = 0, want = 0, var = 0, ctb = ALP_KIN_C_LIGHT * ALP_TAU_BP;
    for (size_t k = 0; k < s2->n; k++) {
      double pa = s2->ma * s2->bg[k];
      double px = pa * s2->ux[k] + s2->kpx[k], py = pa * s2->uy[k] + s2->kpy[k];
      double pz = pa * s2->uz[k] + s2->kpz[k];
      double l = sqrt(px * px + py * py + pz * pz) / ALP_MBP * ctb;
      sl += sqrt(s2->x[k] * s2->x[k] + s2->y[k] * s2->y[k] + s2->z[k] * s2->z[k]);
      want += l;
      var += l * l;
    }
    CHECK_ABS(sl / (double)s2->n, want / (double)s2->n,
              4 * sqrt(var) / (double)s2->n, "mean B flight (%.0f um)",
              1e6 * sl / (double)s2->n);
    CHECK_TRUE(memcmp(s->bg, s2->bg, 4 * s->n * sizeof(double)) == 0,
               "b_flight changes only the production points");
  }
  alp_sample_free(s2);
  alp_sample_free(s);
  /* bad input */
  o.ma = 4.79;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), GSL_EDOM, "ma above m_B - m_K");
  o.ma = 0.0;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), GSL_EDOM, "ma = 0");
  o.ma = 1.0;
  o.n = 0;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), GSL_EDOM, "n = 0");
  o.n = ALP_SAMPLE_NMAX + 1;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), GSL_EDOM, "n > NMAX");
  o.n = 10;
  o.experiment = NULL;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), GSL_EDOM, "no experiment");
  CHECK_TRUE(s == NULL, "no sample on error");
}

static void test_babar(void)
{
  alp_b_to_ka_opts o;
  alp_sample *s = NULL;
  double sum = 0;
  memset(&o, 0, sizeof o);
  o.experiment = alp_experiment_find("babar");
  o.ma = 1.0;
  o.n = 5000;
  o.mc.seed = 7;
  CHECK_STATUS(alp_sample_b_to_ka(&o, &s), 0, "b_to_ka babar");
  if (!s) return;
  for (size_t k = 0; k < s->n; k++) sum += s->uz[k];
  /* the stronger BaBar boost (0.56 vs 0.29) pushes ALPs forward */
  CHECK_TRUE(sum / (double)s->n > 0.2, "BaBar ALPs go forward: <cos> = %.3f",
             sum / (double)s->n);
  alp_sample_free(s);
}

/* The experiment table: names unique and found by name, each entry's
 * detector carries its name, each entry's sample its entry and label. */
static void test_experiments(void)
{
  size_t n = alp_experiment_count();
  CHECK_TRUE(n >= 2, "at least belle2 and babar (%zu)", n);
  CHECK_TRUE(alp_experiment_at(n) == NULL, "at(count) is NULL");
  CHECK_TRUE(alp_experiment_find("nope") == NULL, "unknown name -> NULL");
  CHECK_TRUE(alp_experiment_find(NULL) == NULL, "NULL name -> NULL");
  CHECK_TRUE(alp_experiment_find("Belle2") == NULL, "names are exact");
  for (size_t i = 0; i < n; i++) {
    const alp_experiment *e = alp_experiment_at(i);
    alp_detector *d = NULL;
    alp_b_to_ka_opts o;
    alp_sample *s = NULL;
    char label[64];
    double P[4], u[3];
    CHECK_TRUE(alp_experiment_find(e->name) == e, "find(%s)", e->name);
    for (size_t j = 0; j < i; j++)
      CHECK_TRUE(strcmp(alp_experiment_at(j)->name, e->name) != 0,
                 "%s listed once", e->name);
    CHECK_TRUE(e->description && strlen(e->description) > 20,
               "%s has a description", e->name);
    CHECK_STATUS(alp_collider_frame(&e->beams, P, u), 0, "%s beams", e->name);
    CHECK_STATUS(e->detector(&d), 0, "%s detector", e->name);
    if (d) {
      CHECK_TRUE(strcmp(alp_detector_name(d), e->name) == 0,
                 "detector of %s is called %s", e->name, alp_detector_name(d));
      CHECK_TRUE(alp_detector_count(d) >= 1, "%s has volumes", e->name);
      alp_detector_free(d);
    }
    memset(&o, 0, sizeof o);
    o.experiment = e;
    o.ma = 0.5;
    o.n = 10;
    if (e->generator != ALP_GEN_Y4S_B_TO_KA) {
      /* a V -> gamma a experiment: the B -> K a sampler refuses it */
      CHECK_TRUE(e->parent != NULL && e->v_boost > 0.0, "%s names its V and boost", e->name);
      CHECK_STATUS(alp_sample_b_to_ka(&o, &s), GSL_EDOM, "%s refused", e->name);
      CHECK_TRUE(s == NULL, "%s: no sample", e->name);
      continue;
    }
    CHECK_STATUS(alp_sample_b_to_ka(&o, &s), 0, "%s sample", e->name);
    if (!s) continue;
    snprintf(label, sizeof label, "B+ -> K+ a at %s", e->name);
    CHECK_TRUE(s->experiment == e, "%s sample knows its experiment", e->name);
    CHECK_TRUE(strcmp(s->label, label) == 0, "label '%s'", s->label);
    alp_sample_free(s);
  }
}

static int parents_cb(void *ctx, size_t i, gsl_rng *r, double p4[4],
                      double x[3])
{
  (void)ctx; (void)r;
  /* a B+ moving along +z with |p| = 10 GeV, produced at z = i mm */
  p4[1] = 0; p4[2] = 0; p4[3] = 10.0;
  p4[0] = sqrt(100.0 + ALP_MBP * ALP_MBP);
  x[2] = 1e-3 * (double)i;
  return 0;
}

static void test_from_parents(void)
{
  alp_parents_opts o;
  alp_sample *s = NULL;
  double maxdev = 0;
  memset(&o, 0, sizeof o);
  o.ma = 1.0;
  o.m_recoil = ALP_MKP;
  o.n = 3000;
  o.mc.seed = 3;
  CHECK_STATUS(alp_sample_from_parents(&o, parents_cb, NULL, &s), 0, "parents");
  if (!s) return;
  CHECK_TRUE(s->experiment == NULL, "a parents sample has no experiment");
  for (size_t k = 0; k < s->n; k++) {
    double pa = s->ma * s->bg[k];
    double B[4] = { sqrt(pa * pa + 1.0) + s->ke[k], pa * s->ux[k] + s->kpx[k],
                    pa * s->uy[k] + s->kpy[k], pa * s->uz[k] + s->kpz[k] };
    double dev = fabs(B[3] - 10.0) + fabs(alp_kin_mass(B) - ALP_MBP);
    if (dev > maxdev) maxdev = dev;
  }
  CHECK_ABS(maxdev, 0.0, 1e-9, "a + recoil = the parent, every event");
  CHECK_ABS(s->z[1234], 1.234, 1e-15, "production point from the callback");
  alp_sample_free(s);
  o.ma = 5.0;
  CHECK_STATUS(alp_sample_from_parents(&o, parents_cb, NULL, &s), GSL_EDOM,
               "parent lighter than ma + m_recoil");
}

int main(void)
{
  gsl_set_error_handler_off();
  test_collider();
  test_two_body();
  test_boost();
  test_cos_sin2();
  test_b_to_ka();
  test_babar();
  test_experiments();
  test_from_parents();
  return check_exit();
}
