/* test_quarkonium.c -- V -> gamma a (physics/quarkonium.c) against the
 * checkpoints of REFERENCE.md D17 and the decay law of D8; error statuses.
 * The D17 numbers are Gamma(V -> gamma a)/Gamma_V: compared with
 * x = BR/(1 - BR) (D16(a)). */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "check.h"
#include "constants.h"
#include "quarkonium.h"

static alp_model bench(const char *name, double c)
{
  alp_model_params p;
  alp_model m;
  alp_model_benchmark(name, c, ALP_FA_DEFAULT, &p);
  alp_model_init(&m, &p);
  return m;
}

static double partial(double br) { return br / (1 - br); }

int main(void)
{
  alp_model F, W;
  double br, p, q;
  gsl_set_error_handler_off();
  F = bench("cff", 1);
  W = bench("cWW", 1);

  /* D17 checkpoint 1: m_V^2/(8 pi alpha f_a^2) = 5.8466e-4 (Y(3S)); with
   * B_ee, (1 - x) and c_bb(4.18) = 1.02574 this gives checkpoint 2 */
  CHECK_REL(ALP_MUPS3S * ALP_MUPS3S / (8 * M_PI * ALP_ALPHA0 * 1e6), 5.8466e-4, 1e-4, "D17 unit ratio, Y(3S)");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_UPS3S, 1.0, 0, &br), 0, "Y(3S) at 1 GeV");
  CHECK_REL(partial(br), 1.3285e-5, 1e-4, "D17 checkpoint 2: B(Y(3S) -> gamma a) at 1 GeV");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_UPS1S, 3.0, 0, &br), 0, "Y(1S) at 3 GeV");
  CHECK_REL(partial(br), 1.1037e-5, 1e-4, "D17 checkpoint 3: B(Y(1S) -> gamma a) at 3 GeV");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_JPSI, 2.0, 0, &br), 0, "J/psi at 2 GeV");
  CHECK_REL(partial(br), 7.751e-7, 2e-3, "D17 checkpoint 4: lattice B(J/psi -> gamma a) at 2 GeV");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_JPSI, 1.0, 1, &br), 0, "J/psi LO at 1 GeV");
  CHECK_REL(partial(br), 1.7390e-6, 3e-4, "D17 checkpoint 4: NR B(J/psi -> gamma a) at 1 GeV");
  CHECK_STATUS(alp_br_v_to_gamma_a(&W, ALP_V_UPS3S, 1.0, 0, &br), 0, "cWW Y(3S)");
  CHECK_REL(partial(br), 2.233e-11, 1e-3, "D17 checkpoint 5 (c_WW, sign of D17 (v))");
  /* lo is ignored for Upsilon */
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_UPS1S, 1.0, 1, &p), 0, "Y(1S) lo flag");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_UPS1S, 1.0, 0, &q), 0, "Y(1S)");
  CHECK_REL(p, q, 1e-15, "the lo flag does not change Upsilon");
  /* endpoint and errors */
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_JPSI, ALP_MJPSI, 0, &br), 0, "J/psi at m_V");
  CHECK_ABS(br, 0, 1e-300, "no phase space at m_a = m_V");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_JPSI, 3.2, 0, &br), GSL_EDOM, "m_a > m_J/psi");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, ALP_V_JPSI, -0.1, 0, &br), GSL_EDOM, "m_a < 0");
  CHECK_STATUS(alp_br_v_to_gamma_a(&F, (alp_vector)7, 1.0, 0, &br), GSL_EINVAL, "unknown vector");
  CHECK_INT(alp_vector_find("Upsilon(3S)"), ALP_V_UPS3S, "find Upsilon(3S)");
  CHECK_INT(alp_vector_find("psi(2S)"), -1, "unknown name");
  CHECK_TRUE(alp_vector_name(ALP_NV) == NULL, "no name past the last");

  /* decay beyond r: at rest exp(-r ma/(p* ctau)); boosted, a light ALP
   * has <1/|p|> = <1/(gamma + bg u)>/p* over (3/8)(1 + u^2), < 1/p*: the
   * boost lengthens the mean decay length (time dilation wins) */
  {
    double ma = 0.5, ps = (ALP_MJPSI * ALP_MJPSI - ma * ma) / (2 * ALP_MJPSI);
    CHECK_STATUS(alp_v_decay_beyond(ALP_MJPSI, ma, 0, 2, 0.3, &p), 0, "at rest");
    CHECK_REL(p, exp(-2 * ma / (ps * 0.3)), 1e-12, "at rest: exp(-r ma/(p* c tau))");
  }
  {
    double bg = 0.5, g = sqrt(1.25), t = g / bg, ma = 1e-3, ctau = 1e3;
    double avg = 0.375 / bg * ((1 + t * t) * log((t + 1) / (t - 1)) - 2 * t);
    CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS3S, ma, bg, 1, ctau, &p), 0, "boosted");
    CHECK_REL(1 - p, ma / (ALP_MUPS3S / 2 * ctau) * avg, 1e-3, "boosted, long-lived: 1 - P = r ma <1/p>/c tau");
    CHECK_REL(avg, 0.97680, 1e-4, "<1/(gamma + bg u)> at bg = 0.5");
  }
  CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS1S, 1, 0.4, 0, 1, &p), 0, "r = 0");
  CHECK_REL(p, 1, 0, "r = 0: always beyond");
  CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS1S, 1, 0.4, 1, INFINITY, &p), 0, "stable");
  CHECK_REL(p, 1, 0, "c tau = inf: always beyond");
  CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS1S, 1, -0.1, 1, 1, &p), GSL_EDOM, "negative boost");
  CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS1S, 1, 0.4, 1, 0, &p), GSL_EDOM, "c tau = 0");
  CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS1S, 10, 0.4, 1, 1, &p), GSL_EDOM, "m_a > m_V");
  CHECK_STATUS(alp_v_decay_beyond(ALP_MUPS1S, NAN, 0.4, 1, 1, &p), GSL_EDOM, "NaN m_a");
  return check_exit();
}
