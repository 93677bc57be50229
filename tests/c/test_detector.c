/* test_detector.c -- volumes, exact ray intervals, CSG and the built-in
 * Belle II / BaBar geometries (physics/detector.c). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "check.h"
#include "detector.h"
#include "errors.h"

#define DEG (M_PI / 180.0)

static size_t ray(const alp_volume *v, double px, double py, double pz,
                  double th, double ph, double *a, double *b)
{
  double p[3] = { px, py, pz };
  double u[3] = { sin(th) * cos(ph), sin(th) * sin(ph), cos(th) };
  size_t n = 99;
  int st = alp_volume_intervals(v, p, u, a, b, ALP_VOLUME_MAXSEG, &n);
  if (st) return 1000 + (size_t)st;
  return n;
}

static void test_primitives(void)
{
  alp_volume *t = NULL, *s = NULL, *bx = NULL, *w = NULL;
  double a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG];
  double c0[3] = { 0, 0, 0 }, lo[3] = { -0.5, -0.5, 10 }, hi[3] = { 0.5, 0.5, 60 };
  size_t n;
  /* tube 0.3 < rho < 0.8, -1 < z < 2 */
  CHECK_STATUS(alp_volume_tube(0.3, 0.8, -1.0, 2.0, 2, 0, 0, &t), 0, "tube");
  n = ray(t, 0, 0, 0, M_PI / 2, 0.3, a, b);
  CHECK_INT(n, 1, "tube, ray at 90 deg: one interval");
  CHECK_REL(a[0], 0.3, 1e-15, "enter at rmin");
  CHECK_REL(b[0], 0.8, 1e-15, "leave at rmax");
  n = ray(t, 0, 0, 0, 20 * DEG, 1.0, a, b);
  /* rho = L sin20: enters at 0.3/sin20 = 0.877; z = L cos20 reaches 2 at
   * 2/cos20 = 2.128 < 0.8/sin20 = 2.339 */
  CHECK_INT(n, 1, "tube, 20 deg: one interval");
  CHECK_REL(a[0], 0.3 / sin(20 * DEG), 1e-14, "enter at rmin/sin");
  CHECK_REL(b[0], 2.0 / cos(20 * DEG), 1e-14, "leave through z = 2");
  n = ray(t, 0.5, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "tube, from inside along +x");
  CHECK_ABS(a[0], 0.0, 0.0, "starts inside: t_in = 0");
  CHECK_REL(b[0], 0.3, 1e-14, "leaves at x = 0.8");
  n = ray(t, 0.5, 0, 0, M_PI / 2, M_PI, a, b);
  CHECK_INT(n, 2, "tube, from inside along -x: out, through the hole, in again");
  CHECK_REL(b[0], 0.2, 1e-14, "hole at x = 0.3");
  CHECK_REL(a[1], 0.8, 1e-14, "re-enter at x = -0.3");
  CHECK_REL(b[1], 1.3, 1e-14, "leave at x = -0.8");
  n = ray(t, 0, 0, 0, 0, 0, a, b);
  CHECK_INT(n, 0, "tube, ray along the axis: misses");
  /* offset axis along x */
  alp_volume_free(t);
  CHECK_STATUS(alp_volume_tube(0, 1.0, 5.0, 7.0, 0, 0.2, 0.0, &t), 0, "x tube");
  n = ray(t, 0, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "tube along x, off axis by 0.2 in y");
  CHECK_REL(a[0], 5.0, 1e-15, "enters at x = 5");
  CHECK_REL(b[0], 7.0, 1e-15, "leaves at x = 7");

  /* spherical shell seen from outside */
  CHECK_STATUS(alp_volume_sphere(1.0, 2.0, c0, &s), 0, "sphere");
  n = ray(s, -3, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 2, "shell, through the centre: two intervals");
  CHECK_REL(a[0], 1.0, 1e-14, "in at 1");
  CHECK_REL(b[0], 2.0, 1e-14, "out at 2");
  CHECK_REL(a[1], 4.0, 1e-14, "in at 4");
  CHECK_REL(b[1], 5.0, 1e-14, "out at 5");
  n = ray(s, -3, 1.5, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "shell, impact parameter 1.5: one chord");
  CHECK_REL(b[0] - a[0], 2 * sqrt(4 - 2.25), 1e-13, "chord 2 sqrt(R^2 - b^2)");

  /* box: a fixed-target decay volume 10-60 m downstream */
  CHECK_STATUS(alp_volume_box(lo, hi, &bx), 0, "box");
  n = ray(bx, 0, 0, 0, 0.004, 0.7, a, b);
  CHECK_INT(n, 1, "box, small angle");
  CHECK_REL(a[0], 10 / cos(0.004), 1e-14, "enter through z = 10");
  CHECK_REL(b[0], 60 / cos(0.004), 1e-14, "leave through z = 60");
  n = ray(bx, 0, 0, 0, 0.02, 0.0, a, b);
  CHECK_REL(b[0], 0.5 / sin(0.02), 1e-13, "leave through x = 0.5");

  /* polar window 17-150 deg */
  CHECK_STATUS(alp_volume_polar(17 * DEG, 150 * DEG, &w), 0, "polar");
  CHECK_INT(ray(w, 0, 0, 0, 10 * DEG, 0, a, b), 0, "10 deg: outside");
  CHECK_INT(ray(w, 0, 0, 0, 155 * DEG, 0, a, b), 0, "155 deg: outside");
  n = ray(w, 0, 0, 0, 30 * DEG, 0, a, b);
  CHECK_INT(n, 1, "30 deg: inside");
  CHECK_TRUE(a[0] == 0 && isinf(b[0]), "30 deg: [0, inf)");
  /* from (0, 0, 1) along +x: theta = 17 deg where x = tan(17 deg) */
  n = ray(w, 0, 0, 1, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "off-apex ray across the 17 deg cone");
  CHECK_REL(a[0], tan(17 * DEG), 1e-14, "enters the window at x = tan 17");
  CHECK_TRUE(isinf(b[0]), "and stays (theta -> 90 deg)");
  /* from (0, 0, -1) along +x: leaves at theta = 150 deg, x = tan(30 deg) */
  n = ray(w, 0, 0, -1, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "off-apex ray across the 150 deg cone");
  CHECK_REL(a[0], tan(30 * DEG), 1e-14, "enters at x = tan 30");
  /* a ray through the apex from below-left: (-1, 0, -1) along (1, 0, 1)/sqrt2:
   * theta = 135 deg (inside) until the apex, then 45 deg (inside) */
  {
    double p[3] = { -1, 0, -1 }, u[3] = { M_SQRT1_2, 0, M_SQRT1_2 };
    CHECK_STATUS(alp_volume_intervals(w, p, u, a, b, ALP_VOLUME_MAXSEG, &n), 0,
                 "through the apex");
    CHECK_INT(n, 1, "through the apex: one merged interval");
    CHECK_TRUE(a[0] == 0 && isinf(b[0]), "through the apex: [0, inf)");
  }
  alp_volume_free(t);
  alp_volume_free(s);
  alp_volume_free(bx);
  alp_volume_free(w);
}

static void test_csg(void)
{
  alp_volume *s1 = NULL, *s2 = NULL, *u = NULL, *i = NULL, *d = NULL, *dd = NULL;
  double c1[3] = { 0, 0, 0 }, c2[3] = { 1.5, 0, 0 };
  double a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG], x[3] = { 1.9, 0, 0 };
  char desc[256];
  size_t n;
  alp_volume_sphere(0, 1, c1, &s1);
  alp_volume_sphere(0, 1, c2, &s2);
  CHECK_STATUS(alp_volume_combine(ALP_CSG_UNION, s1, s2, &u), 0, "union");
  CHECK_STATUS(alp_volume_combine(ALP_CSG_INTERSECTION, s1, s2, &i), 0, "inter");
  CHECK_STATUS(alp_volume_combine(ALP_CSG_DIFFERENCE, s1, s2, &d), 0, "diff");
  n = ray(u, -2, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "overlapping union: merged");
  CHECK_REL(a[0], 1.0, 1e-14, "union from x = -1");
  CHECK_REL(b[0], 4.5, 1e-14, "union to x = 2.5");
  n = ray(i, -2, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "intersection: the lens");
  CHECK_REL(a[0], 2.5, 1e-14, "lens from x = 0.5");
  CHECK_REL(b[0], 3.0, 1e-14, "lens to x = 1");
  n = ray(d, -2, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 1, "difference");
  CHECK_REL(b[0], 2.5, 1e-14, "s1 - s2 ends at x = 0.5");
  CHECK_TRUE(alp_volume_contains(u, x) && !alp_volume_contains(d, x),
             "contains: (1.9,0,0) in union, not in difference");
  /* nested: (s1 u s2) - (s1 n s2) */
  CHECK_STATUS(alp_volume_combine(ALP_CSG_DIFFERENCE, u, i, &dd), 0, "nested");
  n = ray(dd, -2, 0, 0, M_PI / 2, 0, a, b);
  CHECK_INT(n, 2, "symmetric difference: two pieces");
  CHECK_REL(b[0], 2.5, 1e-14, "first piece ends at 0.5");
  CHECK_REL(a[1], 3.0, 1e-14, "second piece starts at 1");
  alp_volume_describe(dd, desc, sizeof desc);
  CHECK_TRUE(strstr(desc, "difference(union(sphere") == desc, "describe: %s", desc);
  alp_volume_free(s1);
  alp_volume_free(s2);
  alp_volume_free(u);
  alp_volume_free(i);
  alp_volume_free(d);
  alp_volume_free(dd);
}

static void test_errors(void)
{
  alp_volume *v = (alp_volume *)1;
  double c[3] = { 0, 0, 0 }, lo[3] = { 0, 0, 0 }, hi[3] = { 1, -1, 1 };
  double a[4], b[4], p[3] = { 0, 0, 0 }, u[3] = { 1, 1, 0 };
  size_t n;
  CHECK_STATUS(alp_volume_tube(0.5, 0.2, -1, 1, 2, 0, 0, &v), ALP_EGEOMETRY,
               "tube rmin > rmax");
  CHECK_TRUE(v == NULL, "no volume on error");
  CHECK_STATUS(alp_volume_tube(0.2, 0.2, -1, 1, 2, 0, 0, &v), ALP_EGEOMETRY,
               "tube rmin = rmax (empty)");
  CHECK_STATUS(alp_volume_tube(0, 1, 1, -1, 2, 0, 0, &v), ALP_EGEOMETRY,
               "tube zmin > zmax");
  CHECK_STATUS(alp_volume_tube(-1, 1, -1, 1, 2, 0, 0, &v), ALP_EGEOMETRY,
               "tube rmin < 0");
  CHECK_STATUS(alp_volume_tube(0, NAN, -1, 1, 2, 0, 0, &v), ALP_EGEOMETRY,
               "tube rmax NaN");
  CHECK_STATUS(alp_volume_sphere(0, 0, c, &v), ALP_EGEOMETRY, "sphere r = 0");
  CHECK_STATUS(alp_volume_box(lo, hi, &v), ALP_EGEOMETRY, "box inverted y");
  CHECK_STATUS(alp_volume_polar(1.0, 0.5, &v), ALP_EGEOMETRY, "polar inverted");
  CHECK_STATUS(alp_volume_polar(0.0, 4.0, &v), ALP_EGEOMETRY, "polar > pi");
  CHECK_STATUS(alp_volume_sphere(0, 1, c, &v), 0, "sphere");
  CHECK_STATUS(alp_volume_intervals(v, p, u, a, b, 4, &n), GSL_EDOM,
               "direction not a unit vector");
  alp_volume_free(v);
}

static void test_babar(void);

static void test_belle2(void)
{
  alp_detector *d = NULL;
  const alp_volume *veto, *disp, *ecl, *gap;
  double a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG];
  static const char *names[] = { "veto", "displaced", "cdc", "ecl",
                                 "veto_ecl", "veto_gap" };
  CHECK_STATUS(alp_detector_belle2(&d), 0, "belle2");
  if (!d) return;
  CHECK_INT(alp_detector_count(d), 6, "belle2 has 6 volumes");
  for (int i = 0; i < 6; i++)
    CHECK_TRUE(alp_detector_volume(d, names[i]) != NULL, "volume %s", names[i]);
  CHECK_TRUE(alp_detector_volume(d, "nope") == NULL, "unknown volume -> NULL");
  veto = alp_detector_volume(d, "veto");
  disp = alp_detector_volume(d, "displaced");
  ecl = alp_detector_volume(d, "ecl");
  gap = alp_detector_volume(d, "veto_gap");
  /* D9: r_k = min(1.62/sin, 2.27/cos (fwd), 1.314/|cos| (bwd)) in 17-150 */
  {
    static const double th[6] = { 17.5, 20, 45, 90, 120, 149.5 };
    for (int i = 0; i < 6; i++) {
      double t = th[i] * DEG, want = 1.62 / sin(t);
      if (cos(t) > 0 && 2.27 / cos(t) < want) want = 2.27 / cos(t);
      if (cos(t) < 0 && 1.314 / -cos(t) < want) want = 1.314 / -cos(t);
      CHECK_INT(ray(veto, 0, 0, 0, t, 0.4, a, b), 1, "veto at %g deg", th[i]);
      CHECK_ABS(a[0], 0.0, 0.0, "veto starts at the IP (%g deg)", th[i]);
      CHECK_REL(b[0], want, 1e-14, "veto r_k at %g deg (D9)", th[i]);
    }
    CHECK_INT(ray(veto, 0, 0, 0, 16.5 * DEG, 0, a, b), 0, "veto: 16.5 deg unseen");
    CHECK_INT(ray(veto, 0, 0, 0, 150.5 * DEG, 0, a, b), 0, "veto: 150.5 deg unseen");
  }
  /* D10: 0.9 cm/sin < L < 60 cm/sin in 17-150 deg, no z cut */
  CHECK_INT(ray(disp, 0, 0, 0, 25 * DEG, 2.0, a, b), 1, "displaced at 25 deg");
  CHECK_REL(a[0], 0.009 / sin(25 * DEG), 1e-14, "displaced L_min (D10)");
  CHECK_REL(b[0], 0.60 / sin(25 * DEG), 1e-14, "displaced L_max (D10)");
  CHECK_INT(ray(disp, 0, 0, 0, 160 * DEG, 2.0, a, b), 0, "displaced: 160 deg out");
  /* ECL barrel at 90 deg: 1.25 -> 1.62; forward endcap at 20 deg: z 1.96-2.27 */
  CHECK_INT(ray(ecl, 0, 0, 0, 90 * DEG, 0, a, b), 1, "ecl at 90 deg");
  CHECK_REL(a[0], 1.25, 1e-14, "ecl barrel inner");
  CHECK_REL(b[0], 1.62, 1e-14, "ecl barrel outer");
  CHECK_INT(ray(ecl, 0, 0, 0, 20 * DEG, 0, a, b), 1, "ecl at 20 deg");
  CHECK_REL(a[0], 1.96 / cos(20 * DEG), 1e-14, "fwd endcap near face");
  CHECK_REL(b[0], 2.27 / cos(20 * DEG), 1e-14, "fwd endcap far face");
  /* variant (b) at 90 deg: seen inside rho < 1.13 and 1.25-1.62: gap invisible */
  CHECK_INT(ray(gap, 0, 0, 0, 90 * DEG, 0, a, b), 2, "veto_gap: two pieces");
  CHECK_REL(b[0], 1.13, 1e-14, "veto_gap: CDC exit");
  CHECK_REL(a[1], 1.25, 1e-14, "veto_gap: ECL entry");
  alp_detector_free(d);
  d = NULL;
  test_babar();
}

/* BaBar (REFERENCE D13 revised, babar_geometry.csv): exit distances of rays
 * from the IP computed by hand. */
static void test_babar(void)
{
  alp_detector *d = NULL;
  const alp_volume *emc, *dch;
  double a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG];
  static const char *names[] = { "emc_veto", "dch", "veto", "sphere" };
  /* DCH polar corners seen from the IP: atan(80.9/174.9), 180 -
   * atan(80.9/101.5) = 24.82, 141.44 deg. */
  const double c_fwd = atan(0.809 / 1.749) / DEG,
               c_bwd = 180.0 - atan(0.809 / 1.015) / DEG;
  CHECK_STATUS(alp_detector_babar(&d), 0, "babar");
  if (!d) return;
  CHECK_INT(alp_detector_count(d), 4, "babar has 4 volumes");
  for (int i = 0; i < 4; i++)
    CHECK_TRUE(alp_detector_volume(d, names[i]) != NULL, "volume %s", names[i]);
  CHECK_INT(ray(alp_detector_volume(d, "veto"), 0, 0, 0, 0.3, 0.1, a, b), 1,
            "babar veto");
  CHECK_REL(b[0], 0.50, 1e-15, "babar veto: sphere r = 0.50 m (D13)");
  CHECK_INT(ray(alp_detector_volume(d, "sphere"), 0, 0, 0, 2.5, 0.1, a, b), 1,
            "babar sphere");
  CHECK_REL(b[0], 0.50, 1e-15, "babar sphere = veto");
  emc = alp_detector_volume(d, "emc_veto");
  dch = alp_detector_volume(d, "dch");
  /* emc_veto: r_k = 0.92 / sin(theta) in 15.8-141.8 deg, nothing outside */
  {
    static const double th[5] = { 16.0, 30.0, 90.0, 120.0, 141.5 };
    for (int i = 0; i < 5; i++) {
      double t = th[i] * DEG;
      CHECK_INT(ray(emc, 0, 0, 0, t, 1.1, a, b), 1, "emc_veto at %g deg", th[i]);
      CHECK_ABS(a[0], 0.0, 0.0, "emc_veto starts at the IP (%g deg)", th[i]);
      CHECK_REL(b[0], 0.92 / sin(t), 1e-14, "emc_veto r_k at %g deg", th[i]);
    }
    CHECK_INT(ray(emc, 0, 0, 0, 15.7 * DEG, 0, a, b), 0, "emc_veto: 15.7 deg unseen");
    CHECK_INT(ray(emc, 0, 0, 0, 141.9 * DEG, 0, a, b), 0, "emc_veto: 141.9 deg unseen");
    CHECK_INT(ray(emc, 0, 0, 0, 5.0 * DEG, 0, a, b), 0, "emc_veto: 5 deg unseen");
  }
  /* dch: r_k = min(0.809/sin, 1.749/cos (fwd), 1.015/|cos| (bwd)) within
   * the corners; the corners are where the two bounds meet */
  {
    const double th[5] = { c_fwd + 0.1, 40.0, 90.0, 130.0, c_bwd - 0.1 };
    for (int i = 0; i < 5; i++) {
      double t = th[i] * DEG, want = 0.809 / sin(t);
      if (cos(t) > 0 && 1.749 / cos(t) < want) want = 1.749 / cos(t);
      if (cos(t) < 0 && 1.015 / -cos(t) < want) want = 1.015 / -cos(t);
      CHECK_INT(ray(dch, 0, 0, 0, t, 0.2, a, b), 1, "dch at %g deg", th[i]);
      CHECK_REL(b[0], want, 1e-14, "dch r_k at %g deg", th[i]);
    }
    CHECK_REL(0.809 / sin(c_fwd * DEG), 1.749 / cos(c_fwd * DEG), 1e-14,
              "forward corner: barrel and end meet");
    CHECK_INT(ray(dch, 0, 0, 0, (c_fwd - 0.1) * DEG, 0, a, b), 0,
              "dch: below the forward corner unseen");
    CHECK_INT(ray(dch, 0, 0, 0, (c_bwd + 0.1) * DEG, 0, a, b), 0,
              "dch: beyond the backward corner unseen");
    CHECK_ABS(c_fwd, 24.82, 5e-3, "forward corner 24.82 deg");
    CHECK_ABS(c_bwd, 141.44, 5e-3, "backward corner 141.44 deg");
  }
  alp_detector_free(d);
}

/* alp_volume_intervals_n (blocks of rays, SIMD candidate roots) against the
 * one-ray alp_volume_intervals: the same status, count and bits of every
 * interval end, for random rays (from the origin, from displaced points,
 * along axes and cone edges, unnormalised and non-finite) through every
 * volume of every built-in detector and a composite of all primitives. */
static uint64_t rng_state = 88172645463325252ULL;
static double uniform(void) /* xorshift64: reproducible, no library */
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (double)(rng_state >> 11) * 0x1.0p-53;
}

static int same_block_as_one(const alp_volume *v, size_t n, const char *what)
{
  double *P[3], *U[3], *ti = malloc(n * ALP_VOLUME_MAXSEG * sizeof *ti),
         *to = malloc(n * ALP_VOLUME_MAXSEG * sizeof *to);
  int *cnt = malloc(n * sizeof *cnt), *st = malloc(n * sizeof *st), bad = 0;
  for (int i = 0; i < 3; i++) { P[i] = malloc(n * sizeof(double)); U[i] = malloc(n * sizeof(double)); }
  for (size_t k = 0; k < n; k++) {
    int kind = (int)(k % 7);
    double th = acos(2 * uniform() - 1), ph = 2 * M_PI * uniform(), r = kind == 0 ? 0.0 : 2.0 * uniform();
    double u[3] = { sin(th) * cos(ph), sin(th) * sin(ph), cos(th) };
    if (kind == 3) { u[0] = 0; u[1] = 0; u[2] = uniform() < 0.5 ? 1 : -1; }     /* along z */
    if (kind == 4) { u[0] = sin(17 * DEG); u[1] = 0; u[2] = cos(17 * DEG); }      /* a cone edge */
    for (int i = 0; i < 3; i++) {
      P[i][k] = kind == 2 ? 1e-4 * (2 * uniform() - 1) : r * (2 * uniform() - 1);
      U[i][k] = u[i];
    }
    if (kind == 5 && k % 5 == 0) U[0][k] *= 1.1;   /* not normalised: GSL_EDOM */
    if (kind == 6 && k % 11 == 0) P[1][k] = NAN;   /* not finite: GSL_EDOM */
  }
  {
    const double *cP[3] = { P[0], P[1], P[2] }, *cU[3] = { U[0], U[1], U[2] };
    CHECK_STATUS(alp_volume_intervals_n(v, n, cP, cU, ti, to, cnt, st), 0, "%s: block call", what);
  }
  for (size_t k = 0; k < n && bad < 3; k++) {
    double p[3] = { P[0][k], P[1][k], P[2][k] }, u[3] = { U[0][k], U[1][k], U[2][k] };
    double a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG];
    size_t m = 0;
    int s1 = alp_volume_intervals(v, p, u, a, b, ALP_VOLUME_MAXSEG, &m);
    if (s1 != st[k] || (!s1 && (size_t)cnt[k] != m) ||
        (!s1 && (memcmp(a, ti + k * ALP_VOLUME_MAXSEG, m * sizeof *a) != 0 ||
                 memcmp(b, to + k * ALP_VOLUME_MAXSEG, m * sizeof *b) != 0))) {
      bad++;
      printf("  %s: ray %zu differs (status %d vs %d, %zu vs %d intervals)\n", what, k, s1, st[k], m, cnt[k]);
    }
  }
  CHECK_INT(bad, 0, "%s: %zu rays in blocks, bit for bit as one by one", what, n);
  for (int i = 0; i < 3; i++) { free(P[i]); free(U[i]); }
  free(ti); free(to); free(cnt); free(st);
  return bad;
}

static void test_block_rays(void)
{
  int (*const make[])(alp_detector **) = { alp_detector_belle2, alp_detector_babar,
                                            alp_detector_babar_y3s, alp_detector_belle,
                                            alp_detector_besiii };
  alp_volume *t, *sp, *bx, *pl, *u1, *d1, *all;
  const double c[3] = { 0.1, -0.2, 0.3 }, lo[3] = { -0.5, -0.4, -1.0 }, hi[3] = { 0.6, 0.5, 0.2 };
  for (size_t i = 0; i < sizeof make / sizeof make[0]; i++) {
    alp_detector *d = NULL;
    char what[96];
    CHECK_STATUS(make[i](&d), 0, "built-in detector %zu", i);
    for (size_t j = 0; d && j < alp_detector_count(d); j++) {
      snprintf(what, sizeof what, "%s/%s", alp_detector_name(d), alp_detector_volume_name(d, j));
      same_block_as_one(alp_detector_volume_at(d, j), 3000, what); /* 47 blocks of 64 */
    }
    alp_detector_free(d);
  }
  /* every primitive, every operation, a tube along x */
  alp_volume_tube(0.2, 0.9, -0.7, 1.1, 0, 0.05, -0.1, &t);
  alp_volume_sphere(0.3, 1.2, c, &sp);
  alp_volume_box(lo, hi, &bx);
  alp_volume_polar(30 * DEG, 120 * DEG, &pl);
  alp_volume_combine(ALP_CSG_UNION, t, bx, &u1);
  alp_volume_combine(ALP_CSG_DIFFERENCE, sp, pl, &d1);
  alp_volume_combine(ALP_CSG_INTERSECTION, u1, d1, &all);
  same_block_as_one(all, 5000, "(tube u box) n (sphere - polar)");
  same_block_as_one(u1, 1000, "tube u box");
  same_block_as_one(pl, 130, "polar (a partial block)");
  alp_volume_free(t); alp_volume_free(sp); alp_volume_free(bx); alp_volume_free(pl);
  alp_volume_free(u1); alp_volume_free(d1); alp_volume_free(all);
}

int main(void)
{
  gsl_set_error_handler_off();
  test_primitives();
  test_csg();
  test_errors();
  test_belle2();
  test_block_rays();
  return check_exit();
}
