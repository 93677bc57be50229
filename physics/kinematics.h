/* kinematics.h -- four-vectors, Lorentz boosts, two-body decays and the
 * beam kinematics of the B factories.
 *
 * Four-vectors are double[4] = (E, px, py, pz) in GeV.  Pure functions: no
 * state, no allocation; the ones that can fail return a status.
 */
#ifndef ALP_KINEMATICS_H
#define ALP_KINEMATICS_H

#include <gsl/gsl_rng.h>

/* ---- inputs -------------------------------------------------------------
 * m_B+, m_K+, m_Y(4S), tau_B+ and hbar c / hbar come from constants.h. */
#include "constants.h"
/* c [m/s] = (hbar c)/hbar (REFERENCE §0). */
#define ALP_KIN_C_LIGHT (ALP_HBARC / ALP_HBAR)

/* Källén function lambda(a,b,c) = a^2+b^2+c^2-2ab-2ac-2bc (REFERENCE §0). */
double alp_kallen(double a, double b, double c);

/* Momentum of the daughters of M -> m1 m2 in the M rest frame,
 * p = lambda^{1/2}(M^2, m1^2, m2^2)/(2M) (REFERENCE §5.1).
 * GSL_EDOM unless M > 0, m1, m2 >= 0 and M >= m1 + m2 (all finite). */
int alp_kin_two_body_p(double M, double m1, double m2, double *p);

/* Invariant mass sqrt(E^2 - p^2) of p4; negative if p4 is space-like. */
double alp_kin_mass(const double p4[4]);

/* Boost p (given in the rest frame of a parent with four-momentum P and mass
 * M > 0, axes parallel to the lab's) to the lab:
 *   E = (E_P E' + P.p')/M,  p = p' + P [ (P.p')/(M (E_P + M)) + E'/M ].
 * out may alias p. */
void alp_kin_boost(const double P[4], double M, const double p[4],
                   double out[4]);

/* Unit vector from cos(theta) and phi. */
void alp_kin_direction(double cos_theta, double phi, double u[3]);

/* Isotropic unit vector from two uniforms in [0,1) (cos = 2u1 - 1,
 * phi = 2 pi u2). */
void alp_kin_isotropic(double u1, double u2, double u[3]);

/* cos(theta*) distributed as (3/4)(1 - c^2) (a vector decaying to two
 * pseudoscalars, REFERENCE §5.1 / D8) by inverting its CDF
 * F(c) = (2 + 3c - c^3)/4 at F = u:  c = 2 cos[(acos(1 - 2u) + 4 pi)/3]. */
double alp_kin_cos_sin2(double u);

/* Two orthonormal vectors e1, e2 completing the unit vector n to a
 * right-handed frame (e1 x e2 = n). */
void alp_kin_frame(const double n[3], double e1[3], double e2[3]);

/* ---- e+e- colliders ------------------------------------------------------
 * Lab frame of seed Sec. 4.1: z along the bisector of the e- direction and
 * the reversed e+ direction, each beam at angle alpha to z in the x-z plane:
 *   p(e-) = E- (sin a, 0, cos a),  p(e+) = E+ (sin a, 0, -cos a)
 * (REFERENCE §5.1; beams massless: m_e^2/E^2 ~ 1e-8).  */
typedef struct {
  double e_minus;     /* e- beam energy [GeV] */
  double e_plus;      /* e+ beam energy [GeV] */
  double half_angle;  /* angle of each beam to z [rad] (0: head-on) */
  double mass;        /* if > 0: rest mass given to the e+e- system (the
                         velocity stays the beams'); 0: sqrt(s) of beams */
} alp_collider;

/* The colliders of the experiments (Belle II / SuperKEKB, BaBar / PEP-II)
 * are in the experiment table, experiment.c (alp_experiment_find(name)->
 * beams). */

/* Four-momentum P of the e+e- system in the lab (mass sqrt(s), or c->mass),
 * and the e- beam direction n in its rest frame (the axis of the
 * sin^2 theta* distribution; 5.77 mrad from z at Belle II).
 * GSL_EDOM for non-positive energies or |half_angle| >= pi/2. */
int alp_collider_frame(const alp_collider *c, double P[4], double n[3]);

#endif
