/* sample.h -- Monte Carlo event samples of long-lived ALPs, stored as
 * structure-of-arrays.
 *
 * A sample holds, per event k (0 <= k < n):
 *   bg[k]                 the ALP's lab beta*gamma = |p_a|/m_a  (> 0, finite)
 *   ux[k], uy[k], uz[k]   the ALP's lab unit direction
 *   x[k], y[k], z[k]      the production point [m] (the IP unless the B
 *                         flight or the caller's vertices move it)
 *   ke[k], kpx[k], kpy[k], kpz[k]
 *                         the recoil's (the kaon's) lab four-momentum [GeV]
 * All eleven arrays are one allocation owned by the sample; alp_sample_free
 * releases it.  The struct fields are read-only for users.  A sample owns
 * nothing else and refers to nothing (no detector, no model) but the static
 * entry of the experiment table it was made for (experiment.h), if any.
 *
 * Generation is reproducible: events are made in chunks of ALP_SAMPLE_CHUNK,
 * chunk c seeded from (seed, c) (rng.h), so the arrays are bit-identical for
 * the same options whatever the thread count.
 */
#ifndef ALP_SAMPLE_H
#define ALP_SAMPLE_H

#include <stddef.h>
#include <stdint.h>
#include <gsl/gsl_rng.h>
#include "rng.h"

/* Largest sample (memory: 88 bytes per event, plus the path tables). */
#define ALP_SAMPLE_NMAX 10000000

typedef struct alp_sample {
  size_t n;             /* number of events */
  double ma;            /* ALP mass [GeV] */
  double m_recoil;      /* mass of the other daughter (K+) [GeV] */
  double *bg, *ux, *uy, *uz;
  double *x, *y, *z;
  double *ke, *kpx, *kpy, *kpz;
  uint64_t seed;        /* seed it was made with */
  char label[64];       /* e.g. "B+ -> K+ a at belle2" */
  const struct alp_experiment *experiment; /* the experiment whose beams made
                           it (alp_sample_b_to_ka), else NULL */
} alp_sample;

struct alp_experiment;

/* Options of alp_sample_b_to_ka. */
typedef struct {
  const struct alp_experiment *experiment; /* an entry of the experiment
                                 table (experiment.h): its beams */
  double ma;                  /* ALP mass, 0 < ma < m_B+ - m_K+ [GeV] */
  size_t n;                   /* events, 1..ALP_SAMPLE_NMAX */
  int b_flight;               /* 1: production point at the B decay vertex
                                 (B+ lifetime, REFERENCE §1); 0: at the IP
                                 (REFERENCE §5.1: ~130 um, negligible) */
  alp_mc_opts mc;             /* seed, threads, cancel */
} alp_b_to_ka_opts;

/* e+e- -> Y(4S) -> B+ B-, B+ -> K+ a (REFERENCE §5.1, D8, D13):
 * Y(4S) four-momentum from the beams (alp_collider_frame), B direction with
 * dN/dcos(theta*) ~ sin^2(theta*) about the e- beam axis in the Y(4S)
 * frame, B+ -> K+ a isotropic in the B frame, both boosted to the lab.
 * Five uniforms per event, in this order: B cos(theta*), B phi*, ALP cos,
 * ALP phi (B frame), B flight (drawn even when b_flight = 0).
 * The label is "B+ -> K+ a at <experiment name>", s->experiment the entry.
 * Errors: GSL_EDOM (ma outside (0, m_B+ - m_K+), n outside 1..NMAX, no
 * experiment or one whose generator is not ALP_GEN_Y4S_B_TO_KA),
 * GSL_ENOMEM, ALP_ECANCELLED.  *out is a new sample owned by the caller. */
int alp_sample_b_to_ka(const alp_b_to_ka_opts *o, alp_sample **out);

/* Caller-supplied parents for alp_sample_from_parents: fill the parent
 * four-momentum p4 = (E, px, py, pz) [GeV] and production point x [m] of
 * event i (x is preset to 0).  r is the generator of i's chunk: draw from it
 * only, so that the sample stays reproducible.  Called concurrently from
 * worker threads: it must be thread-safe and must not call Lua.  Return 0,
 * or a status that aborts the generation (returned by from_parents). */
typedef int (*alp_parent_fn)(void *ctx, size_t i, gsl_rng *r, double p4[4],
                             double x[3]);

/* Options of alp_sample_from_parents. */
typedef struct {
  double ma;          /* ALP mass > 0 [GeV] */
  double m_recoil;    /* other daughter's mass >= 0 [GeV] */
  size_t n;           /* events, 1..ALP_SAMPLE_NMAX */
  const char *label;  /* copied (truncated to 63 chars); may be NULL */
  alp_mc_opts mc;
} alp_parents_opts;

/* parent -> a + recoil, isotropic in the parent frame, for n parents given
 * by fn (generic fixed-target or hadron-collider samples).  Two uniforms per
 * event after fn's own draws.  Errors: GSL_EDOM (bad options, or a parent
 * with invariant mass <= ma + m_recoil or non-finite components), fn's
 * status, GSL_ENOMEM, ALP_ECANCELLED. */
int alp_sample_from_parents(const alp_parents_opts *o, alp_parent_fn fn,
                            void *ctx, alp_sample **out);

/* Parents given as arrays (SoA): parent i = (E[i], px[i], py[i], pz[i]) and
 * production point (x[i], y[i], z[i]) (x, y, z may all be NULL: origin).
 * Event k uses parent k % np, so n may exceed np (several decays of each
 * parent).  The arrays are only read during the call. */
typedef struct {
  const double *e, *px, *py, *pz;
  const double *x, *y, *z;
  size_t np;
} alp_parent_arrays;

/* alp_parent_fn reading an alp_parent_arrays (ctx). */
int alp_parent_from_arrays(void *ctx, size_t i, gsl_rng *r, double p4[4],
                           double x[3]);

/* An empty sample with arrays for n events (all zero), for callers who fill
 * their own events (tests, importers).  GSL_EDOM if n is 0 or > NMAX. */
int alp_sample_alloc(size_t n, double ma, alp_sample **out);

void alp_sample_free(alp_sample *s);

/* Smallest and largest ALP beta*gamma of the sample (n >= 1), e.g. to size a
 * c tau grid that covers given lab decay lengths for every event. */
void alp_sample_bg_range(const alp_sample *s, double *bg_min, double *bg_max);

#endif
