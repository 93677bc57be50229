/* analysis.h -- the signal side of the seed's Belle II search for
 * B+ -> K+ a with an invisible ALP (arXiv:2201.06580 Sec. 4.1-4.2): kaon
 * acceptance, efficiencies and momentum resolution, the three lab-frame
 * variables pT(K), M^_B^2 and phi_Kpmiss, and the selection (4.1).
 *
 * Scope (issue #7).  The seed reconstructs p_miss from the beams minus ALL
 * detected particles, i.e. it needs the tag-side B decay (EvtGen generic
 * decays).  We have no generic B-decay generator and do not fake one: the
 * tag side is treated as FULLY RECONSTRUCTED, p_tag = p_beams - p_B+, so
 *   p_miss = p_beams - p_K(measured) - p_tag = p_B+ - p_K(measured)
 * is the ALP four-momentum up to the kaon's momentum smearing.  Two
 * consequences, both exact:
 *   - M^_B^2 = (E_miss + E_K)^2 - (p_miss + p_K)^2 = m_B+^2 = 27.87 GeV^2 for
 *     every event, whatever the kaon smearing (the seed's M^_B^2 spread and
 *     tail come from the tag side: Sec. 4.2, "dominated by the tag-side B");
 *   - there are no misreconstructed candidates (no tag-side kaons): the
 *     leading kaon is the signal kaon.
 * So the efficiency computed here is the signal-side part only, evaluated at
 * M^_B^2 = m_B+^2; it does not replace the seed's Table 1 (REFERENCE D9).
 *
 * Randomness: per event, in this order, a uniform for tracking, a uniform
 * for kaon identification and a unit Gaussian (gsl_ran_gaussian) for the
 * momentum smearing -- drawn for every event whatever the options, so the
 * decisions of one event do not depend on the options of another.  Events
 * are processed in chunks of ALP_SAMPLE_CHUNK, chunk c drawing from a
 * generator seeded from (seed ^ ALP_ANALYSIS_SEED_SALT, c) (rng.h): results
 * are bit-identical for the same seed whatever the thread count, and a run
 * with the same seed as the sample does not reuse the sample's random
 * numbers.
 */
#ifndef ALP_ANALYSIS_H
#define ALP_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>
#include "rng.h"
#include "sample.h"

/* ---- detector model of seed Sec. 4.1 (defaults) -------------------------- */
#define ALP_B2_THETA_MIN_DEG 17.0   /* CDC acceptance 17 deg < theta, seed Sec. 4.1 */
#define ALP_B2_THETA_MAX_DEG 150.0  /* ... theta < 150 deg, seed Sec. 4.1 */
#define ALP_B2_PT_MIN        0.2    /* GeV, charged pT > 0.2 GeV, seed Sec. 4.1 */
#define ALP_B2_KAON_ID       0.80   /* kaon identification efficiency, seed Sec. 4.1 [86] */
#define ALP_B2_TRACKING      0.99   /* track-finding efficiency per charged particle, seed Sec. 4.1 [87] */
#define ALP_B2_RESOLUTION    0.005  /* relative momentum resolution Delta p/p (Gaussian), seed Sec. 4.1 [88] */

/* Domain-separation constant xor-ed into the seed (ASCII "alpKsel" + 1):
 * keeps the analysis' random numbers apart from those of a sample made with
 * the same seed. */
#define ALP_ANALYSIS_SEED_SALT 0x616C704B73656C01ULL

/* Conditions of the selection (4.1), seed Sec. 4.2, in the printed order
 * (bit i-1 of a condition mask = condition i satisfied):
 *   1  1.75 GeV <= pT(K) <= 2.75 GeV
 *   2  pT(K) >= 3.2 GeV - 0.01 GeV/deg * phi
 *   3  pT(K) >= 3.0 GeV - 0.0165 GeV^-1 * M^2
 *   4  130 deg <= phi <= 160 deg
 *   5  27 GeV^2 <= M^2 <= 60 GeV^2
 *   6  M^2 >= 105 GeV^2 - 0.55 GeV^2/deg * phi
 *   7  M^2 <= -100 GeV^2 + 0.992 GeV^2/deg * phi
 * (phi = phi_Kpmiss in degrees, M^2 = M^_B^2 in GeV^2, pT in GeV). */
#define ALP_SEL41_NCOND 7
#define ALP_SEL41_ALL   0x7Fu

/* Mask of the conditions of (4.1) that (pt [GeV], mb2 [GeV^2], phi [deg])
 * satisfies; the selection is passed iff the mask is ALP_SEL41_ALL.  Pure;
 * a NaN input satisfies nothing it enters. */
unsigned alp_sel41_mask(double pt, double mb2, double phi_deg);

/* Options of alp_analysis_belle2_signal; alp_signal_opts_default() gives the
 * seed's values (macros above), seed 0, one thread, no cancel flag. */
typedef struct {
  double theta_min_deg, theta_max_deg;  /* kaon polar-angle acceptance (open) */
  double pt_min;                        /* kaon pT > pt_min [GeV] */
  double kaon_id;                       /* in [0, 1] */
  double tracking;                      /* in [0, 1] */
  double resolution;                    /* sigma_p/p >= 0 */
  alp_mc_opts mc;                       /* seed, threads, cancel */
} alp_signal_opts;

alp_signal_opts alp_signal_opts_default(void);

/* Per-event results (arrays of n, one allocation each kind, owned by the
 * result; alp_signal_free releases them).  Read-only for users.  The three
 * variables are computed for every event (with the measured kaon), accepted
 * or not; `selected` implies `accepted`. */
typedef struct {
  size_t n;
  double ma;                 /* ALP mass of the sample [GeV] */
  double *pt_k;              /* pT(K) of the measured kaon [GeV] */
  double *p_k;               /* |p_K| measured [GeV] */
  double *theta_deg;         /* kaon lab polar angle [deg] */
  double *mb2;               /* M^_B^2 [GeV^2] */
  double *phi_deg;           /* phi_Kpmiss [deg] */
  unsigned char *accepted;   /* 1: in acceptance, tracked and identified */
  unsigned char *cuts;       /* mask of (4.1) conditions satisfied */
  unsigned char *selected;   /* 1: accepted and all of (4.1) */
  size_t n_accepted, n_selected;
  size_t n_cond[ALP_SEL41_NCOND]; /* accepted events satisfying condition i+1 */
  double efficiency;         /* n_selected / n */
  double efficiency_err;     /* binomial sqrt(eff (1 - eff) / n) */
} alp_signal;

/* Run the signal-side analysis on a Belle II B+ -> K+ a sample (made by
 * alp_sample_b_to_ka for alp_experiment_find("belle2"); read only).  The
 * parent B+ is p_a + p_K of each event, the beams are that entry's.
 * Errors: GSL_EDOM (options outside their ranges: theta_min < theta_max in
 * [0, 180], pt_min >= 0, kaon_id and tracking in [0, 1], resolution in
 * [0, 1], all finite; a sample that is not B+ -> K+ a at belle2, i.e. whose
 * experiment entry or recoil mass differ, or an event whose tag B =
 * p_beams - p_B+ does not have the mass m_B+ to 1e-6), GSL_ENOMEM,
 * ALP_ECANCELLED.
 * *out is a new result owned by the caller (NULL on error). */
int alp_analysis_belle2_signal(const alp_sample *s, const alp_signal_opts *o,
                               alp_signal **out);

void alp_signal_free(alp_signal *r);

/* Histogram of x[0..n-1] (events with mask[k] != 0 only, or all if mask is
 * NULL) in `bins` equal bins on [lo, hi): bin i holds lo + i w <= x <
 * lo + (i+1) w, w = (hi - lo)/bins (the edges as computed by that formula).
 * counts[0..bins-1] are set (not accumulated); *under / *over count x < lo
 * and x >= hi (either pointer may be NULL).  NaN entries are GSL_EDOM.
 * Errors: GSL_EDOM (bins == 0, lo >= hi, non-finite lo or hi). */
int alp_histogram_fill(const double *x, const unsigned char *mask, size_t n,
                       double lo, double hi, size_t bins, double *counts,
                       size_t *under, size_t *over);

#endif
