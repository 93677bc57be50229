/* test_running.c -- RG running and weak matching (physics/running.c, model.c)
 * against the implemented-inputs checkpoints of REFERENCE.md §2.1-2.5
 * (numbers of shared/physics/checks/decided_chain.py).  Tolerances: half a
 * unit of the last printed digit plus 0.05 % (table interpolation), unless
 * stated otherwise. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "check.h"
#include "constants.h"
#include "errors.h"
#include "model.h"

static void bench(const char *name, double c, alp_model *m)
{
  alp_model_params p;
  CHECK_STATUS(alp_model_benchmark(name, c, ALP_FA_DEFAULT, &p), 0, "benchmark %s", name);
  CHECK_STATUS(alp_model_init(m, &p), 0, "init %s", name);
}

int main(void)
{
  alp_model F, W, M, P;
  alp_model_params p;
  double sm[4], c[ALP_NC], cw[ALP_NC], c1[ALP_NC], cf[ALP_NF], cQsb, as, ae, vt[3];
  gsl_set_error_handler_off();

  /* CKM of D2: |V_ts V_tb| = 0.041345, |V_td V_ts| = 3.7539e-4, |V_td| = 0.00907 */
  CHECK_STATUS(alp_ckm_vt(vt), 0, "ckm");
  CHECK_REL(vt[1] * vt[2], 0.041345, 2e-5, "|Vts Vtb| (D2)");
  CHECK_REL(vt[0] * vt[1], 3.7539e-4, 2e-5, "|Vtd Vts| (D2)");
  CHECK_REL(vt[0], 0.00907, 1e-3, "|Vtd| (D2)");

  /* SM at Lambda = 4 pi TeV, two loops (REF §2.1 checkpoints) */
  CHECK_STATUS(alp_sm_high(4 * M_PI * 1000, sm), 0, "SM at Lambda");
  CHECK_REL(sm[0], 0.01076, 5e-4, "alpha_1(Lambda)");
  CHECK_REL(sm[1], 0.03126, 2e-4, "alpha_2(Lambda)");
  CHECK_REL(sm[2], 0.07093, 1e-4, "alpha_s(Lambda)");
  CHECK_REL(sm[3], 0.7856, 1e-4, "y_t(Lambda)");
  CHECK_STATUS(alp_sm_high(ALP_MZ, sm), 0, "SM at mZ");
  CHECK_REL(sm[3], 0.990488, 1e-6, "y_t(mZ) imposed (D2)");

  bench("cff", 1, &F);
  bench("cWW", 1, &W);

  /* D3 acceptance: K_ff = 0.01817 +- 0.5 %, K_WW/K_ff = -0.001585 */
  CHECK_REL(F.K, 0.01817, 5e-3, "K_ff (D3)");
  CHECK_REL(W.K, -2.880e-5, 1e-3, "K_WW (REF §2.5)");
  CHECK_REL(W.K / F.K, -0.001585, 1e-3, "K_WW/K_ff (D3)");

  /* couplings at mZ before matching (REF §2.2, implemented inputs) */
  CHECK_STATUS(alp_model_couplings_high(&F, ALP_MZ, cf, &cQsb), 0, "high at mZ");
  CHECK_REL(cf[ALP_F_T], 0.7825, 1e-3, "c_tt(mZ), c_ff=1");
  CHECK_REL(cf[ALP_F_U], 0.8465, 1e-3, "c_uu(mZ), c_ff=1");
  CHECK_REL(cf[ALP_F_D], 1.1025, 1e-3, "c_dd(mZ), c_ff=1");
  CHECK_REL(cf[ALP_F_B], 1.0812, 1e-3, "c_bb(mZ), c_ff=1");
  CHECK_REL(cf[ALP_F_E], 1.1268, 1e-3, "c_ll(mZ), c_ff=1");
  CHECK_REL(cQsb / (vt[1] * vt[2]), 0.02133, 1e-3, "c_Q3 - c_Q12 (mZ), c_ff=1");
  CHECK_STATUS(alp_model_couplings_high(&W, ALP_MZ, cf, &cQsb), 0, "high at mZ, cWW");
  CHECK_REL(cf[ALP_F_T], -2.61e-4, 3e-3, "c_tt(mZ), c_WW=1");
  CHECK_REL(cf[ALP_F_U], -2.72e-4, 3e-3, "c_uu(mZ), c_WW=1");
  CHECK_REL(cf[ALP_F_D], -3.13e-4, 3e-3, "c_dd(mZ), c_WW=1");
  CHECK_REL(cf[ALP_F_E], -3.17e-4, 3e-3, "c_ll(mZ), c_WW=1");
  CHECK_REL(cQsb / (vt[1] * vt[2]), -3.45e-6, 3e-3, "c_Q3 - c_Q12 (mZ), c_WW=1");
  /* at mu = Lambda the inputs come back (Psi(Lambda)^-1 Psi(Lambda) = 1) */
  CHECK_STATUS(alp_model_couplings_high(&F, F.Lambda, cf, NULL), 0, "high at Lambda");
  CHECK_REL(cf[ALP_F_B], 1.0, 1e-9, "c_bb(Lambda) = c_ff");

  /* after matching at mZ (REF §2.3) */
  CHECK_REL(F.cZ[ALP_C_E], 1.1082, 1e-3, "c_ll after matching, c_ff=1");
  CHECK_REL(F.cZ[ALP_C_U], 0.8652, 1e-3, "c_uu after matching, c_ff=1");
  CHECK_REL(F.cZ[ALP_C_D], 1.0839, 1e-3, "c_dd after matching, c_ff=1");
  CHECK_REL(F.cZ[ALP_C_B], 1.0658, 1e-3, "c_bb after matching, c_ff=1");
  CHECK_REL(W.cZ[ALP_C_E], -2.29e-4, 3e-3, "c_ll after matching, c_WW=1 (chi_F signs)");
  CHECK_REL(W.cZ[ALP_C_U], -1.89e-4, 3e-3, "c_uu after matching, c_WW=1");
  CHECK_REL(W.cZ[ALP_C_D], -2.13e-4, 3e-3, "c_dd after matching, c_WW=1");
  CHECK_REL(W.cZ[ALP_C_GAMGAM], 1.0, 1e-15, "c_gamgam = c_WW + c_BB");

  /* below mZ (REF §2.4, D5) */
  CHECK_STATUS(alp_model_couplings_low(&F, 4.18, c), 0, "low at 4.18");
  CHECK_REL(c[ALP_C_U], 0.8251, 1e-3, "c_uu(4.18 GeV)");
  CHECK_REL(c[ALP_C_D], 1.0439, 1e-3, "c_dd(4.18 GeV)");
  CHECK_REL(c[ALP_C_B], 1.0257, 1e-3, "c_bb(4.18 GeV)");
  CHECK_STATUS(alp_model_couplings_low(&F, 1.0, c), 0, "low at 1 GeV");
  CHECK_REL(c[ALP_C_U], 0.7769, 1e-3, "c_uu(1 GeV)");
  CHECK_REL(c[ALP_C_C], 0.7885, 1e-3, "c_cc(1 GeV)");
  CHECK_REL(c[ALP_C_D], 0.9957, 1e-3, "c_dd(1 GeV)");
  CHECK_REL(c[ALP_C_S], 0.9957, 1e-3, "c_ss(1 GeV)");
  CHECK_REL(c[ALP_C_E], 1.1080, 1e-3, "c_ll(1 GeV)");
  /* c_uu - c_dd is RG invariant under QCD below mZ (REF §2.4): up to QED */
  CHECK_REL(c[ALP_C_U] - c[ALP_C_D], F.cZ[ALP_C_U] - F.cZ[ALP_C_D], 5e-3, "c_uu - c_dd invariant");
  CHECK_STATUS(alp_couplings_sm_low(1.0, &as, &ae), 0, "alphas(1)");
  CHECK_REL(as, 0.4463, 2e-4, "alpha_s(1 GeV)");
  CHECK_REL(1 / ae, 134.05, 1e-4, "1/alpha(1 GeV)");
  CHECK_STATUS(alp_couplings_sm_low(2.0, &as, NULL), 0, "alphas(2)");
  CHECK_REL(as, 0.2972, 2e-4, "alpha_s(2 GeV)");
  CHECK_STATUS(alp_couplings_sm_low(4.18, &as, NULL), 0, "alphas(4.18)");
  CHECK_REL(as, 0.2240, 3e-4, "alpha_s(4.18 GeV)");
  CHECK_STATUS(alp_couplings_sm_low(ALP_MZ, &as, &ae), 0, "alphas(mZ)");
  CHECK_REL(as, ALP_ALPHAS_MZ, 1e-12, "alpha_s(mZ) = input");
  /* c_WW = 1: leptons keep running with QED below 1 GeV (D5) */
  CHECK_STATUS(alp_model_couplings_low(&W, 1.0, cw), 0, "low cWW 1");
  CHECK_REL(cw[ALP_C_E], -2.685e-4, 2e-3, "c_ll(1 GeV), c_WW=1");
  CHECK_REL(cw[ALP_C_U], -1.884e-4, 2e-3, "c_uu(1 GeV), c_WW=1");
  CHECK_REL(cw[ALP_C_D], -1.989e-4, 2e-3, "c_dd(1 GeV), c_WW=1");
  CHECK_STATUS(alp_model_couplings_low(&W, 0.3, cw), 0, "low cWW 0.3");
  CHECK_REL(cw[ALP_C_MU], -2.787e-4, 2e-3, "c_mumu(0.3 GeV), c_WW=1");
  CHECK_STATUS(alp_model_couplings_low(&W, 0.05, cw), 0, "low cWW 0.05");
  CHECK_REL(cw[ALP_C_E], -2.936e-4, 2e-3, "c_ee(50 MeV), c_WW=1");
  CHECK_REL(cw[ALP_C_MU], -2.874e-4, 2e-3, "c_mumu(50 MeV), c_WW=1 (mu frozen below m_mu)");

  /* linearity: (a c_ff, b c_WW) gives a F + b W at every scale (the RGEs
   * are linear; exact up to rounding) */
  alp_model_params_default(&p);
  for (int i = 0; i < ALP_NF; i++) p.cf[i] = 2.385;
  p.cWW = -0.731;
  CHECK_STATUS(alp_model_init(&M, &p), 0, "mixed model");
  CHECK_REL(M.K, 2.385 * F.K - 0.731 * W.K, 1e-12, "K linear");
  CHECK_STATUS(alp_model_couplings_low(&M, 0.2385, c), 0, "mixed low");
  alp_model_couplings_low(&F, 0.2385, c1);
  alp_model_couplings_low(&W, 0.2385, cw);
  CHECK_REL(c[ALP_C_MU], 2.385 * c1[ALP_C_MU] - 0.731 * cw[ALP_C_MU], 1e-12, "c_mumu linear");

  /* per-fermion couplings equal to a universal value = the benchmark */
  alp_model_params_default(&p);
  for (int i = 0; i < ALP_NF; i++) p.cf[i] = 1;
  CHECK_STATUS(alp_model_init(&P, &p), 0, "per-fermion universal");
  CHECK_REL(P.cZ[ALP_C_B], F.cZ[ALP_C_B], 1e-15, "per-fermion = cff benchmark");
  /* a lepton-only model: no FCNC at one loop beyond the gauge-trace terms */
  alp_model_params_default(&p);
  p.cf[ALP_F_E] = p.cf[ALP_F_MU] = p.cf[ALP_F_TAU] = 1;
  CHECK_STATUS(alp_model_init(&P, &p), 0, "leptophilic");
  CHECK_TRUE(fabs(P.K) < 1e-3 * F.K, "leptophilic K << K_ff (no c_tt)");
  CHECK_REL(P.cZ[ALP_C_MU], 1.0, 0.05, "leptophilic c_mumu(mZ) ~ 1");

  /* f_a dependence: Lambda between table nodes gives a smooth K (Hermite):
   * compare f_a = 1000 (a node) with the mean of its neighbours in ln Lambda */
  {
    alp_model a, b;
    alp_model_benchmark("cff", 1, 1000 * exp(0.01), &p);
    alp_model_init(&a, &p);
    alp_model_benchmark("cff", 1, 1000 * exp(-0.01), &p);
    alp_model_init(&b, &p);
    CHECK_REL(0.5 * (a.K + b.K), F.K, 1e-5, "K smooth in ln f_a across a node");
    CHECK_TRUE(a.K > F.K && F.K > b.K, "K grows with Lambda (longer running)");
  }

  /* bad input */
  alp_model_params_default(&p);
  p.fa = 1;
  CHECK_STATUS(alp_model_init(&M, &p), GSL_EDOM, "f_a below range");
  alp_model_params_default(&p);
  p.cWW = NAN;
  CHECK_STATUS(alp_model_init(&M, &p), GSL_EDOM, "NaN coupling");
  alp_model_params_default(&p);
  p.gamma_inv = -1;
  CHECK_STATUS(alp_model_init(&M, &p), GSL_EDOM, "negative invisible width");
  CHECK_STATUS(alp_model_benchmark("cgg", 1, 1000, &p), ALP_ENOTFOUND, "unknown benchmark");
  CHECK_STATUS(alp_model_couplings_low(&F, 1e-7, c), GSL_EDOM, "scale below table");
  CHECK_STATUS(alp_model_couplings_low(&F, 100, c), GSL_EDOM, "low scale above mZ");
  CHECK_STATUS(alp_model_couplings_high(&F, 50, cf, NULL), GSL_EDOM, "high scale below mZ");
  return check_exit();
}
