/* test_widths.c -- ALP decay widths and lifetime (physics/widths.c) against
 * the validation table of REFERENCE.md §4.6 (decided chain, within 2 %),
 * the B_1 and g_ij checkpoints of REF §4.2-4.3, and exact relations. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include "check.h"
#include "constants.h"
#include "errors.h"
#include "widths.h"

static alp_model bench(const char *name, double c)
{
  alp_model_params p;
  alp_model m;
  alp_model_benchmark(name, c, ALP_FA_DEFAULT, &p);
  alp_model_init(&m, &p);
  return m;
}

static double br(const alp_model *m, double ma, int ch)
{
  double b = NAN;
  alp_br(m, ma, ch, &b);
  return b;
}

static double ctau(const alp_model *m, double ma)
{
  double c = NAN;
  alp_ctau(m, ma, &c);
  return c;
}

int main(void)
{
  alp_model F, W, F2, W2, I1;
  alp_model_params p;
  double re, im, g00, gpm, w[ALP_NCH], tot, x;
  gsl_set_error_handler_off();
  F = bench("cff", 1);
  W = bench("cWW", 1);

  /* B_1 checkpoints (REF §4.2, 4 digits; sign of Im is convention) */
  alp_b1(0.01, &re, &im);
  CHECK_REL(re, 1.0649, 1e-4, "Re B1(0.01)");
  CHECK_REL(fabs(im), 0.0940, 1e-3, "|Im B1(0.01)|");
  alp_b1(0.1, &re, &im);
  CHECK_REL(re, 1.0839, 1e-4, "Re B1(0.1)");
  CHECK_REL(fabs(im), 0.5713, 2e-4, "|Im B1(0.1)|");
  alp_b1(0.5, &re, &im);
  CHECK_REL(re, 0.1547, 5e-4, "Re B1(0.5)");
  CHECK_REL(fabs(im), 1.3845, 1e-4, "|Im B1(0.5)|");
  alp_b1(1.0, &re, &im);
  CHECK_REL(re, 1 - M_PI * M_PI / 4, 1e-12, "B1(1) = 1 - pi^2/4");
  alp_b1(2.0, &re, &im);
  CHECK_REL(re, -0.2337, 3e-4, "B1(2)");
  alp_b1(10.0, &re, &im);
  CHECK_REL(re, -0.03523, 2e-4, "B1(10)");
  alp_b1(999.0, &re, &im);
  x = re;
  alp_b1(1001.0, &re, &im);
  CHECK_REL(0.5 * (x + re), -1 / (3 * 1000.0), 1e-3, "B1 -> -1/(3 tau) across the series switch");

  /* g_00, g_+- (REF §4.3 checkpoints, m_pi = m_pi0 for all three pions,
   * 4 digits): the direct integration with rc = r */
  {
    const double ma[4] = { 0.5, 0.6, 0.8, 1.0 };
    const double w00[4] = { 0.0918, 0.2356, 0.4606, 0.6031 };
    const double wpm[4] = { 0.0632, 0.1711, 0.3645, 0.5048 };
    for (int i = 0; i < 4; i++) {
      double r = ALP_MPI0 * ALP_MPI0 / (ma[i] * ma[i]);
      CHECK_STATUS(alp_g3pi_direct(r, r, &g00, &gpm), 0, "g3pi direct at %g", ma[i]);
      CHECK_REL(g00, w00[i], 1e-3, "g_00 at ma = %g GeV", ma[i]);
      CHECK_REL(gpm, wpm[i], 1e-3, "g_+- (m_pi0 only) at ma = %g GeV", ma[i]);
      /* the table has the physical masses (D7 amendment): g_00 unchanged,
       * g_+- smaller (the pi+ pi- pair is heavier) */
      CHECK_STATUS(alp_g3pi(ma[i], &re, &im), 0, "g3pi table at %g", ma[i]);
      CHECK_REL(re, w00[i], 1e-3, "g_00 table at ma = %g GeV", ma[i]);
      CHECK_TRUE(im < gpm * (1 - 1e-3), "g_+- table %g < %g (m_pi0 only) at ma = %g GeV", im, gpm, ma[i]);
    }
    /* the table against direct integration between nodes */
    {
      double mt = 0.4321, r = ALP_MPI0 * ALP_MPI0 / (mt * mt), rc = ALP_MPIP * ALP_MPIP / (mt * mt);
      CHECK_STATUS(alp_g3pi_direct(r, rc, &re, &im), 0, "direct");
      alp_g3pi(mt, &g00, &gpm);
      CHECK_REL(g00, re, 2e-3, "g_00 table vs direct at 0.4321 GeV");
      CHECK_REL(gpm, im, 2e-3, "g_+- table vs direct at 0.4321 GeV");
    }
    CHECK_STATUS(alp_g3pi_direct(1e-8, 1.07e-8, &g00, &gpm), 0, "direct r -> 0");
    CHECK_REL(g00, 1, 1e-3, "g_00 -> 1 for r -> 0 (REF §4.3)");
    CHECK_REL(gpm, 1, 1e-3, "g_+- -> 1 for r -> 0 (REF §4.3)");
    CHECK_STATUS(alp_g3pi_direct(0.2, 0.2, &g00, &gpm), 0, "direct above threshold");
    CHECK_TRUE(g00 == 0 && gpm == 0, "g_ij = 0 for r > 1/9");
    CHECK_STATUS(alp_g3pi_direct(0.1, 0, &g00, &gpm), GSL_EDOM, "rc = 0 rejected");
  }

  /* D7 amendment, pi0 pi+ pi- threshold at m_pi0 + 2 m_pi+ (0.414 GeV), not
   * 3 m_pi0 (0.405 GeV): g_+- = 0 just below it (with m_pi0 for all three it
   * is not), and rises from 0 above it (three-body phase space ~ (m_a - thr)^2) */
  {
    double thr = ALP_MPI0 + 2 * ALP_MPIP, ma = thr * (1 - 1e-6);
    double r = ALP_MPI0 * ALP_MPI0 / (ma * ma), rc = ALP_MPIP * ALP_MPIP / (ma * ma);
    double g1, g2, ref;
    CHECK_STATUS(alp_g3pi_direct(r, rc, &g00, &gpm), 0, "direct below the charged threshold");
    CHECK_TRUE(gpm == 0 && g00 > 0, "g_+- = 0, g_00 > 0 just below m_pi0 + 2 m_pi+");
    alp_g3pi_direct(r, r, &g00, &ref);
    CHECK_TRUE(ref > 1e-4, "with m_pi0 for all pions g_+- = %g there", ref);
    alp_g3pi(thr * (1 - 1e-6), &g00, &gpm);
    CHECK_TRUE(gpm == 0, "table g_+- = 0 below m_pi0 + 2 m_pi+");
    alp_g3pi(thr + 1e-3, &g00, &g1);
    CHECK_TRUE(g1 > 0 && g1 < 1e-4, "table g_+- small just above threshold: %g", g1);
    for (int k = 1; k <= 2; k++) {
      ma = thr + k * 1e-5;
      r = ALP_MPI0 * ALP_MPI0 / (ma * ma);
      rc = ALP_MPIP * ALP_MPIP / (ma * ma);
      alp_g3pi_direct(r, rc, &g00, k == 1 ? &g1 : &g2);
    }
    CHECK_REL(g2 / g1, 4, 1e-3, "g_+- ~ (m_a - thr)^2 near threshold");
  }

  /* validation table, REF §4.6 (within 2 %) */
  {
    static const struct { double ma, ct_ff, ct_ww, br_ww_gg; } t[] = {
      { 0.001, 6.778e6, 7.349e6, 1 },   { 0.005, 3.162, 5.878e4, 0.9985 },
      { 0.05, 0.3076, 58.86, 1.000 },   { 0.1, 0.1506, 7.357, 1.000 },
      { 0.2, 0.07730, 0.9193, 1.000 },  { 0.3, 1.700e-6, 0.2698, 0.9900 },
      { 0.5, 7.986e-7, 0.05862, 0.9955 }, { 0.99, 3.741e-7, 7.578e-3, 0.9988 },
      /* 1.01 GeV, c_ff: REF 4.6 has 2.395e-8; the D7 amendment (charm and
       * b loops of C_GG^eff below their thresholds) moves it by +2.9 %:
       * decided_chain.py with the amendment gives 2.4644e-8 */
      { 1.01, 2.4644e-8, 7.056e-3, 0.9868 }, { 2.0, 1.086e-8, 9.173e-4, 0.9963 },
      { 2.6, 2.234e-9, 4.147e-4, 0.9902 }, { 3.0, 8.041e-10, 2.678e-4, 0.9821 },
      { 4.0, 2.484e-10, 1.123e-4, 0.9759 },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
      CHECK_REL(ctau(&F, t[i].ma), t[i].ct_ff, 0.02, "REF 4.6: ctau(c_ff=1) at %g GeV", t[i].ma);
      CHECK_REL(ctau(&W, t[i].ma), t[i].ct_ww, 0.02, "REF 4.6: ctau(c_WW=1) at %g GeV", t[i].ma);
      CHECK_REL(br(&W, t[i].ma, ALP_CH_GAMGAM), t[i].br_ww_gg, 0.02,
                "REF 4.6: BR(gg, c_WW=1) at %g GeV", t[i].ma);
    }
    /* c_ff BRs (REF §4.6 columns) */
    CHECK_REL(br(&F, 0.005, ALP_CH_GAMGAM), 8.74e-5, 0.02, "REF 4.6: BR(gg) cff 5 MeV");
    CHECK_REL(br(&F, 0.05, ALP_CH_EE), 0.9935, 0.02, "REF 4.6: BR(ee) cff 50 MeV");
    CHECK_REL(br(&F, 0.1, ALP_CH_GAMGAM), 2.70e-2, 0.02, "REF 4.6: BR(gg) cff 0.1 GeV (pi0 pole region)");
    CHECK_REL(br(&F, 0.2, ALP_CH_GAMGAM), 9.16e-4, 0.02, "REF 4.6: BR(gg) cff 0.2 GeV");
    CHECK_REL(br(&F, 0.3, ALP_CH_GAMGAM), 2.29e-5, 0.02, "REF 4.6: BR(gg) cff 0.3 GeV");
    CHECK_REL(br(&F, 0.5, ALP_CH_HADRONS), 1.5e-6, 0.05, "REF 4.6: BR(3pi) cff 0.5 GeV (2 digits)");
    CHECK_REL(br(&F, 0.99, ALP_CH_HADRONS), 1.0e-5, 0.05, "REF 4.6: BR(3pi) cff 0.99 GeV (2 digits)");
    CHECK_REL(br(&F, 0.99, ALP_CH_GAMGAM), 2.32e-4, 0.02, "REF 4.6: BR(gg) cff 0.99 GeV");
    /* 1.01 GeV and 3 GeV, c_ff: REF 4.6 has BR(mumu) 0.0654, BR(gg) 5.39e-5,
     * BR(had, 3 GeV) 0.1553; the D7 amendment moves them by +2.9 %, +2.9 %
     * and -2.4 % (decided_chain.py with the amendment: 0.067256, 5.5477e-5,
     * 0.15153) */
    CHECK_REL(br(&F, 1.01, ALP_CH_MUMU), 0.067256, 0.02, "REF 4.6 + D7 amendment: BR(mumu) cff 1.01 GeV");
    CHECK_REL(br(&F, 1.01, ALP_CH_HADRONS), 0.9346, 0.02, "REF 4.6: BR(had) cff 1.01 GeV");
    CHECK_REL(br(&F, 1.01, ALP_CH_GAMGAM), 5.5477e-5, 0.02, "REF 4.6 + D7 amendment: BR(gg) cff 1.01 GeV (u,d,s loops, D7)");
    CHECK_REL(br(&F, 2.0, ALP_CH_MUMU), 0.0597, 0.02, "REF 4.6: BR(mumu) cff 2 GeV");
    CHECK_REL(br(&F, 2.6, ALP_CH_CC), 0.8028, 0.02, "REF 4.6: BR(cc) cff 2.6 GeV");
    CHECK_REL(br(&F, 2.6, ALP_CH_MUMU), 0.0160, 0.02, "REF 4.6: BR(mumu) cff 2.6 GeV");
    CHECK_REL(br(&F, 3.0, ALP_CH_HADRONS), 0.15153, 0.02, "REF 4.6 + D7 amendment: BR(had) cff 3 GeV");
    CHECK_REL(br(&F, 4.0, ALP_CH_TAUTAU), 0.3565, 0.02, "REF 4.6: BR(tautau) cff 4 GeV");
    CHECK_REL(br(&F, 4.0, ALP_CH_CC), 0.5088, 0.02, "REF 4.6: BR(cc) cff 4 GeV");
    CHECK_REL(br(&W, 0.3, ALP_CH_MUMU), 0.0100, 0.02, "REF 4.6: BR(mumu) cWW 0.3 GeV");
    CHECK_REL(br(&W, 0.5, ALP_CH_MUMU), 0.0045, 0.03, "REF 4.6: BR(mumu) cWW 0.5 GeV (2 digits)");
    CHECK_REL(br(&W, 0.005, ALP_CH_EE), 1.5e-3, 0.05, "REF 4.6: BR(ee) cWW 5 MeV (2 digits)");
  }

  /* D7 amendment: heavy quarks in C_GG^eff through B_1, no step at m_q.
   * B_1(4) = 1 - 4 asin^2(1/2) = 1 - pi^2/9 is the size of the old step. */
  alp_b1(4.0, &re, &im);
  CHECK_REL(re, 1 - M_PI * M_PI / 9, 1e-14, "B1(4) = 1 - pi^2/9 (the value at m_q = m_a)");
  {
    const double mq[2] = { ALP_MC_Q, ALP_MB_Q };
    for (int k = 0; k < 2; k++) {
      double lo, hi;
      alp_width(&F, mq[k] * (1 - 1e-9), ALP_CH_HADRONS, &lo);
      alp_width(&F, mq[k] * (1 + 1e-9), ALP_CH_HADRONS, &hi);
      CHECK_REL(hi, lo, 1e-6, "Gamma_had continuous across m_q = %g GeV (c_ff; the step was 4.7 %% at m_c)", mq[k]);
    }
    /* the amended decided chain (decided_chain.py with the D7 amendment)
     * just below m_c: Gamma_had = 9.3770e-9 GeV, c tau = 1.9614e-8 m
     * (before the amendment 9.8644e-9 GeV, 1.8707e-8 m) */
    alp_width(&F, 1.2699, ALP_CH_HADRONS, &x);
    CHECK_REL(x, 9.3770e-9, 1e-3, "Gamma_had(c_ff = 1) at 1.2699 GeV");
    CHECK_REL(ctau(&F, 1.2699), 1.9614e-8, 1e-3, "ctau(c_ff = 1) at 1.2699 GeV");
  }
  /* (A.2) by hand at 1.2 GeV, below m_c: every quark (u, d, s, c, b, t)
   * enters C_GG^eff with B_1(4 m_q^2/m_a^2) (REF §4.4) */
  {
    const double ma = 1.2, L2 = F.Lambda * F.Lambda;
    const double mq[5] = { ALP_MU_Q, ALP_MD_Q, ALP_MS_Q, ALP_MC_Q, ALP_MB_Q };
    const int iq[5] = { ALP_C_U, ALP_C_D, ALP_C_S, ALP_C_C, ALP_C_B };
    double c[ALP_NC], as, cr, ci, want;
    alp_model_couplings_low(&F, ma, c);
    alp_couplings_sm_low(ma, &as, NULL);
    alp_b1(4 * ALP_MT * ALP_MT / (ma * ma), &re, &im);
    cr = F.ctZ / 2 * re;
    ci = F.ctZ / 2 * im;
    want = 0;
    for (int q = 0; q < 5; q++) {
      alp_b1(4 * mq[q] * mq[q] / (ma * ma), &re, &im);
      cr += c[iq[q]] / 2 * re;
      ci += c[iq[q]] / 2 * im;
      if (q < 3)   /* a -> u u, d d, s s of (A.2) */
        want += 2 * M_PI * ma * 3 * c[iq[q]] * c[iq[q]] * mq[q] * mq[q] / L2
              * sqrt(1 - 4 * mq[q] * mq[q] / (ma * ma));
    }
    want += 2 * as * as * ma * ma * ma / M_PI * (cr * cr + ci * ci) / L2
          * (1 + (97.0 / 4 - 7.0 * 3 / 6) * as / M_PI);
    alp_width(&F, ma, ALP_CH_HADRONS, &x);
    CHECK_REL(x, want, 1e-12, "(A.2) by hand at 1.2 GeV, charm loop below m_c included");
  }

  /* sum of partial widths = total; c tau Gamma = hbar c (D8) */
  {
    const double ma[5] = { 0.0123, 0.2385, 0.731, 1.234, 3.71 };
    for (int k = 0; k < 5; k++) {
      double s = 0, sb = 0, b;
      alp_widths(&F, ma[k], w);
      alp_width_total(&F, ma[k], &tot);
      for (int i = 0; i < ALP_NCH; i++) {
        s += w[i];
        alp_br(&F, ma[k], i, &b);
        sb += b;
      }
      CHECK_REL(s, tot, 1e-14, "sum of partial widths = total at %g GeV", ma[k]);
      CHECK_REL(sb, 1, 1e-14, "sum of BRs = 1 at %g GeV", ma[k]);
      CHECK_REL(ctau(&F, ma[k]) * tot, ALP_HBARC, 1e-14, "ctau Gamma = hbar c at %g GeV", ma[k]);
      alp_width(&F, ma[k], ALP_CH_MUMU, &x);
      CHECK_REL(x, w[ALP_CH_MUMU], 1e-15, "alp_width(mumu) = alp_widths[mumu] at %g", ma[k]);
    }
  }

  /* width proportional to c^2 in each benchmark (RGEs linear, all widths
   * quadratic in the couplings) */
  F2 = bench("cff", 2.385);
  W2 = bench("cWW", 2.385);
  {
    double g1, g2;
    const double ma[4] = { 0.0007, 0.0617, 0.43, 2.71 };
    for (int k = 0; k < 4; k++) {
      alp_width_total(&F, ma[k], &g1);
      alp_width_total(&F2, ma[k], &g2);
      CHECK_REL(g2, 2.385 * 2.385 * g1, 1e-12, "Gamma ~ c^2, cff, %g GeV", ma[k]);
      alp_width_total(&W, ma[k], &g1);
      alp_width_total(&W2, ma[k], &g2);
      CHECK_REL(g2, 2.385 * 2.385 * g1, 1e-12, "Gamma ~ c^2, cWW, %g GeV", ma[k]);
    }
  }

  /* thresholds */
  alp_widths(&F, 2 * ALP_MMU * 0.9999, w);
  CHECK_TRUE(w[ALP_CH_MUMU] == 0, "no a -> mumu below 2 m_mu");
  CHECK_TRUE(w[ALP_CH_EE] > 0, "a -> ee open below 2 m_mu");
  alp_widths(&F, 2 * ALP_MMU * 1.0001, w);
  CHECK_TRUE(w[ALP_CH_MUMU] > 0, "a -> mumu open above 2 m_mu");
  alp_widths(&F, 2 * ALP_ME * 0.999, w);
  CHECK_TRUE(w[ALP_CH_EE] == 0 && w[ALP_CH_GAMGAM] > 0, "only gamma gamma below 2 m_e");
  alp_widths(&F, 3 * ALP_MPI0 * 0.999, w);
  CHECK_TRUE(w[ALP_CH_HADRONS] == 0, "no 3 pi below 3 m_pi0");
  alp_widths(&F, 2 * ALP_MC_Q * 0.999, w);
  CHECK_TRUE(w[ALP_CH_CC] == 0, "no a -> cc below 2 m_c = 2.54 GeV (D7)");
  alp_widths(&F, 2 * ALP_MTAU * 1.001, w);
  CHECK_TRUE(w[ALP_CH_TAUTAU] > 0 && w[ALP_CH_BB] == 0, "tautau open, bb closed at 3.56 GeV");
  alp_widths(&F, 2 * ALP_MB_Q * 1.001, w);
  CHECK_TRUE(w[ALP_CH_BB] > 0, "a -> bb open above 2 m_b");
  /* tree-level lepton width (A.1) directly: c_mumu at mu = ma */
  {
    double c[ALP_NC], ma = 0.2385, L = F.Lambda;
    alp_model_couplings_low(&F, ma, c);
    alp_widths(&F, ma, w);
    CHECK_REL(w[ALP_CH_MUMU],
              2 * M_PI * ma * c[ALP_C_MU] * c[ALP_C_MU] * ALP_MMU * ALP_MMU / (L * L)
                * sqrt(1 - 4 * ALP_MMU * ALP_MMU / (ma * ma)), 1e-14, "(A.1) for mumu");
  }
  /* c_WW benchmark below 2 m_e: Gamma = alpha0^2 ma^3 c_WW^2/(4 pi Lambda^2) (2.8)
   * up to the tiny lepton loops */
  alp_widths(&W, 1e-4, w);
  CHECK_REL(w[ALP_CH_GAMGAM], ALP_ALPHA0 * ALP_ALPHA0 * 1e-12 / (4 * M_PI * W.Lambda * W.Lambda),
            1e-3, "(2.8) with C_gg = c_WW at 0.1 MeV");

  /* invisible width */
  alp_model_params_default(&p);
  for (int i = 0; i < ALP_NF; i++) p.cf[i] = 1;
  p.gamma_inv = 1e-15;
  alp_model_init(&I1, &p);
  alp_width_total(&F, 0.2385, &x);
  alp_widths(&I1, 0.2385, w);
  CHECK_REL(w[ALP_CH_INV], 1e-15, 1e-15, "invisible width as given");
  CHECK_REL(br(&I1, 0.2385, ALP_CH_INV), 1e-15 / (1e-15 + x), 1e-12, "BR(invisible)");

  /* errors */
  CHECK_STATUS(alp_widths(&F, 0, w), GSL_EDOM, "ma = 0");
  CHECK_STATUS(alp_widths(&F, -0.1, w), GSL_EDOM, "ma < 0");
  CHECK_STATUS(alp_widths(&F, NAN, w), GSL_EDOM, "ma = NaN");
  CHECK_STATUS(alp_widths(&F, 100, w), GSL_EDOM, "ma > mZ");
  CHECK_STATUS(alp_br(&F, 0.3, ALP_NCH, &x), ALP_ECHANNEL, "unknown channel");
  CHECK_INT(alp_channel_index("mumu"), ALP_CH_MUMU, "channel index of mumu");
  CHECK_INT(alp_channel_index("gamma"), -1, "unknown channel name");
  {
    alp_model Z;
    alp_model_params_default(&p);
    alp_model_init(&Z, &p);
    CHECK_STATUS(alp_ctau(&Z, 0.3, &x), GSL_EDOM, "ctau of a model with no couplings");
  }
  return check_exit();
}
