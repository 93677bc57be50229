/* detector.h -- detector geometries as composable volumes, and the exact
 * path lengths of straight lines through them.
 *
 * alp_volume: an immutable region of space built from primitives
 *   tube    rmin <= rho <= rmax, zmin <= w <= zmax about an axis parallel to
 *           x, y or z through a point (c1, c2) of the transverse plane
 *           (rmin = 0: solid cylinder; infinite z ends allowed)
 *   sphere  rmin <= |x - c| <= rmax
 *   box     lo <= x <= hi componentwise (axis-aligned; infinite sides allowed)
 *   polar   theta_min <= theta(x) <= theta_max, theta the polar angle of the
 *           point x seen from the origin (a cone window, apex at the IP)
 * combined by union, intersection and difference.  Every volume owns its own
 * flat copy of its node tree (combining copies both operands: no sharing,
 * STYLE.md §3.2), free it with alp_volume_free.
 *
 * Lengths in metres, angles in radians.  A ray p + t u (|u| = 1, t >= 0)
 * crosses a volume in a sorted list of disjoint intervals [t_in, t_out];
 * t_out may be +inf.  The interval ends are exact (roots of the quadrics and
 * planes, classified by testing the midpoint of each piece).
 *
 * alp_detector: a name and named volumes (owned copies).
 */
#ifndef ALP_DETECTOR_H
#define ALP_DETECTOR_H

#include <stddef.h>

typedef struct alp_volume alp_volume;
typedef struct alp_detector alp_detector;

typedef enum { ALP_CSG_UNION = 0, ALP_CSG_INTERSECTION = 1,
               ALP_CSG_DIFFERENCE = 2 } alp_csg_op;

/* Largest number of intervals a ray may have in one volume. */
#define ALP_VOLUME_MAXSEG 32
/* Largest number of nodes (primitives + operations) in one volume. */
#define ALP_VOLUME_MAXNODES 256

/* Primitives.  ALP_EGEOMETRY for an empty or inverted shape (rmin >= rmax,
 * zmin >= zmax, lo >= hi, theta_min >= theta_max, negative radii, angles
 * outside [0, pi], NaN anywhere, non-finite centres); GSL_ENOMEM. */
int alp_volume_tube(double rmin, double rmax, double zmin, double zmax,
                    int axis /* 0 = x, 1 = y, 2 = z */, double c1, double c2,
                    alp_volume **out);
int alp_volume_sphere(double rmin, double rmax, const double c[3],
                      alp_volume **out);
int alp_volume_box(const double lo[3], const double hi[3], alp_volume **out);
int alp_volume_polar(double theta_min, double theta_max, alp_volume **out);

/* a op b as a new volume (both copied).  ALP_EGEOMETRY if the result would
 * exceed ALP_VOLUME_MAXNODES. */
int alp_volume_combine(alp_csg_op op, const alp_volume *a,
                       const alp_volume *b, alp_volume **out);
int alp_volume_copy(const alp_volume *v, alp_volume **out);
void alp_volume_free(alp_volume *v);

/* 1 if x is inside v (boundaries count as inside), else 0. */
int alp_volume_contains(const alp_volume *v, const double x[3]);

/* Intervals of the ray p + t u (t >= 0, u a unit vector) inside v:
 * t_in[i] < t_out[i] <= t_in[i+1], *n of them (at most cap).  Intervals
 * that touch are merged.  GSL_EDOM for a non-finite p or u, or |u| not 1
 * within 1e-6; ALP_EGEOMETRY if more than min(cap, ALP_VOLUME_MAXSEG)
 * intervals. */
int alp_volume_intervals(const alp_volume *v, const double p[3],
                         const double u[3], double *t_in, double *t_out,
                         size_t cap, size_t *n);

/* The same for n rays at once (structure of arrays P[0..2][k] = p_k,
 * U[0..2][k] = u_k): ray k's intervals at t_in/t_out[k * ALP_VOLUME_MAXSEG
 * ...], cnt[k] of them, status[k] = what alp_volume_intervals returns for
 * it (cap = ALP_VOLUME_MAXSEG); bit for bit the same intervals, computed in
 * blocks of ALP_RAY_BLOCK rays (issue #14).  Returns GSL_ENOMEM, else 0. */
#define ALP_RAY_BLOCK 64
int alp_volume_intervals_n(const alp_volume *v, size_t n, const double *const P[3],
                           const double *const U[3], double *t_in, double *t_out,
                           int *cnt, int *status);

/* Human-readable description, e.g. "intersection(tube{...}, polar{...})",
 * truncated to size (always NUL-terminated).  Returns the length it would
 * have had (as snprintf). */
int alp_volume_describe(const alp_volume *v, char *buf, size_t size);

/* ---- detectors ---------------------------------------------------------- */

/* An empty detector called name (copied). */
int alp_detector_new(const char *name, alp_detector **out);
/* Add a copy of v as volume vname (copied); ALP_EGEOMETRY if vname exists. */
int alp_detector_add(alp_detector *d, const char *vname, const alp_volume *v);
void alp_detector_free(alp_detector *d);

const char *alp_detector_name(const alp_detector *d);
size_t alp_detector_count(const alp_detector *d);
/* Name and volume of the i-th volume (in the order added); NULL if i is out
 * of range.  The pointers stay valid while d lives. */
const char *alp_detector_volume_name(const alp_detector *d, size_t i);
const alp_volume *alp_detector_volume_at(const alp_detector *d, size_t i);
/* The volume named vname, or NULL. */
const alp_volume *alp_detector_volume(const alp_detector *d,
                                      const char *vname);

/* Built-in detectors; the volume names are fixed (recasts use them).
 *
 * belle2 (REFERENCE §5.2, D9, D10; choices documented in detector.c):
 *   "veto"      invisible-search veto (D9): ALPs with 17 < theta < 150 deg
 *               are seen if they decay inside the envelope of the outer ECL
 *               surfaces (rho < 1.62 m, -1.314 < z < 2.27 m); ALPs outside
 *               17-150 deg are never seen.  <P_a> = P(outside "veto").
 *   "displaced" displaced-vertex fiducial volume (D10):
 *               0.009 < rho < 0.60 m, 17 < theta < 150 deg, no z cut.
 *   "cdc"       the CDC gas volume, 0.16 < rho < 1.13 m, -1.00 < z < 1.655 m.
 *   "ecl"       the ECL crystals: barrel 1.25 < rho < 1.62 m at
 *               32.2-128.7 deg, forward endcap 1.96 < z < 2.27 m at
 *               12.4-31.4 deg, backward endcap -1.314 < z < -1.02 m at
 *               130.7-155.1 deg.
 *   "veto_ecl"  REFERENCE §5.2 variant (a): the veto with the ECL polar
 *               coverage 12.4-155.1 deg instead of 17-150 deg.
 *   "veto_gap"  variant (b): 17-150 deg and inside the CDC envelope
 *               (rho < 1.13 m, -1.00 < z < 1.655 m) or inside "ecl": the
 *               CDC-ECL gap is invisible.
 * babar (REFERENCE D13 revised; data/detector_geometry/babar_geometry.csv;
 * grade B = read in a BaBar proceeding/web page/Physics Book, grade C =
 * recalled, not verified):
 *   "emc_veto"  the default invisible-search veto, built like Belle II's
 *               "veto": ALPs with 15.8 < theta < 141.8 deg (EMC lab polar
 *               coverage, grade C) are seen if they decay inside the EMC
 *               inner surface rho < 0.92 m (grade C); no z plane (the
 *               endcap position was not found: see detector.c); ALPs
 *               outside 15.8-141.8 deg are never seen.
 *   "dch"       "inside tracking": the DCH cylinder rho < 0.809 m,
 *               -1.015 < z < 1.749 m (grade B), within its polar corners
 *               atan2(0.809, 1.749) = 24.8 deg to atan2(0.809, -1.015) =
 *               141.4 deg.
 *   "veto"      sphere of radius 0.50 m about the IP (the first version of
 *               D13, ALPaca's choice), also under the name "sphere". */
int alp_detector_belle2(alp_detector **out);
int alp_detector_babar(alp_detector **out);
/* babar_y3s: the babar volumes above under the name "babar_y3s" (BaBar's
 * Y(3S) run).
 * belle (Belle NIM A479 117 Table 1, belle_geometry.csv grade A):
 *   "ecl"           the ECL envelope rho < 1.62 m, -1.02 < z < 1.96 m
 *   "long_lifetime" sphere r < 100 m (D18's long-lifetime length)
 * besiii: "long_lifetime" only, sphere r < 100 m (D18): no BESIII dimension
 *   could be read (besiii_geometry.csv GAPs). */
int alp_detector_babar_y3s(alp_detector **out);
int alp_detector_belle(alp_detector **out);
int alp_detector_besiii(alp_detector **out);

#endif
