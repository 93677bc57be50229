/* widths.h -- ALP decay widths, branching ratios and lifetime
 * (SEED eqs. 2.8-2.12, App. A eqs. A.1-A.8; REFERENCE.md §4, D5, D7, D8).
 *
 * Couplings enter at mu = m_a for leptons and mu = max(m_a, 1 GeV) for quarks
 * (D5).  Hard switch at 1 GeV (D7): a -> 3 pi and the chiral C_gamgam^eff
 * below, a -> gg + light qq and u, d, s loops in C_gamgam^eff at and above.
 * Channels that are kinematically closed have width 0.  Valid masses:
 * ALP_MA_MIN <= ma <= ALP_MA_MAX, otherwise GSL_EDOM (the couplings are run
 * down to 1e-6 GeV; above mZ the W loops of C_gamgam^eff are missing).
 */
#ifndef ALP_WIDTHS_H
#define ALP_WIDTHS_H

#include "constants.h"
#include "model.h"

enum {
  ALP_CH_GAMGAM,   /* "gammagamma" */
  ALP_CH_EE,       /* "ee" */
  ALP_CH_MUMU,     /* "mumu" */
  ALP_CH_TAUTAU,   /* "tautau" */
  ALP_CH_HADRONS,  /* "hadrons": 3 pi below 1 GeV, gg + light qq above */
  ALP_CH_CC,       /* "cc" */
  ALP_CH_BB,       /* "bb" */
  ALP_CH_INV,      /* "invisible" */
  ALP_NCH
};

#define ALP_MA_MIN ALP_MU_LOW_MIN   /* GeV */
#define ALP_MA_MAX ALP_MZ           /* GeV */

/* Name of channel ch ("gammagamma", ...), NULL if out of range. */
const char *alp_channel_name(int ch);
/* Index of a channel name, or -1 (ALP_ECHANNEL is the status to report). */
int alp_channel_index(const char *name);

/* All partial widths w[ALP_NCH] in GeV at mass ma. */
int alp_widths(const alp_model *m, double ma, double w[ALP_NCH]);
/* Total width (the sum of the partial widths, SEED eq. 2.12), GeV. */
int alp_width_total(const alp_model *m, double ma, double *gamma);
/* Partial width of one channel (ALP_ECHANNEL if ch is not a channel). */
int alp_width(const alp_model *m, double ma, int ch, double *gamma);
/* Branching ratio of channel ch. */
int alp_br(const alp_model *m, double ma, int ch, double *br);
/* Proper decay length c tau = hbar c / Gamma in metres (D8). */
int alp_ctau(const alp_model *m, double ma, double *ctau);

/* The same three from partial widths w of alp_widths (the functions above
 * are these applied to alp_widths; a caller that keeps w for one mass, as
 * the Lua binding does, gets the same bits). */
double alp_total_of_widths(const double w[ALP_NCH]);
int alp_br_of_widths(const double w[ALP_NCH], int ch, double *br);
int alp_ctau_of_widths(const double w[ALP_NCH], double *ctau);

/* ---- building blocks (exposed for tests) ---- */

/* B_1(tau) = 1 - tau f^2(tau) of (A.8), real and imaginary parts. */
void alp_b1(double tau, double *re, double *im);
/* g_00 and g_+- of (A.5) by direct numerical integration, with
 * r = m_pi0^2/m_a^2 and rc = m_pi+^2/m_a^2 (D7 amendment: g_+- integrates
 * the pi+ pi- pair of mass m_pi+; the matrix element and (1 - r)^-2 keep
 * m_pi0).  rc = r gives (A.5) as printed.  Each is 0 below its threshold
 * (3 m_pi0, resp. m_pi0 + 2 m_pi+). */
int alp_g3pi_direct(double r, double rc, double *g00, double *gpm);
/* The same from the tables used by the widths (physical pion masses), for
 * ma <= 1 GeV; each 0 below its threshold. */
int alp_g3pi(double ma, double *g00, double *gpm);

#endif
