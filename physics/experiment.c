/* experiment.c -- the table of experiments (see experiment.h). */
#include <string.h>
#include "constants.h"
#include "experiment.h"

static const alp_experiment table[] = {
  {
    "belle2",
    "Belle II at SuperKEKB: 7.004 GeV e- on 4.002 GeV e+, 41.5 mrad half "
    "crossing angle (seed Sec. 4.1, REFERENCE §5.1); volumes from basf2 "
    "CDC.xml/ECL.xml and the TDR (REFERENCE §5.2, D9, D10)",
    /* SuperKEKB design energies and half crossing angle: seed Sec. 4.1,
     * REFERENCE §5.1.  sqrt(s) = 10.5796 GeV from the beams. */
    { 7.004, 4.002, 0.0415, 0.0 },
    alp_detector_belle2,
    ALP_GEN_Y4S_B_TO_KA, NULL, 0.0,
    /* sigma(B+B-) = 0.54 nb, sigma(B0 B0bar) = 0.51 nb at sqrt(s) = 10.58
     * GeV: seed Sec. 4.1 (Belle II physics book), REFERENCE §5 */
    0.54, 0.51,
  },
  {
    "babar",
    "BaBar at PEP-II: 9.0 GeV e- on 3.1 GeV e+, head-on, the e+e- system "
    "given m_Y(4S) (REFERENCE D13); volumes from the DCH (grade B) and the "
    "EMC (grade C) numbers of data/detector_geometry/babar_geometry.csv",
    /* PEP-II 9.0 GeV e- on 3.1 GeV e+ (babar_geometry.csv, grade B: BaBar
     * group proceeding SLAC-PUB-7748), head-on (REFERENCE D13; the csv:
     * recalled, grade C).  These rounded energies give sqrt(s) =
     * 2 sqrt(9.0 * 3.1) = 10.5641 GeV, 15 MeV below m_Y(4S) and only 5.4 MeV
     * above 2 m_B+ (B momentum 0.169 instead of 0.33 GeV); the machine ran
     * on the Y(4S) peak.  Our choice: the velocity of the beams (beta gamma
     * = 5.9/10.5641 = 0.5585, D13: 0.56) and the PDG Y(4S) mass. */
    { 9.0, 3.1, 0.0, ALP_MUPS4S },
    alp_detector_babar,
    ALP_GEN_Y4S_B_TO_KA, NULL, 0.0,
    /* BaBar quotes numbers of BB pairs per data set, not cross sections */
    0.0, 0.0,
  },
  {
    "besiii",
    "BESIII at BEPCII: symmetric beams at the J/psi, E = m_J/psi / 2 each, "
    "11 mrad half crossing angle (22 mrad full: hep-ex/0701010, "
    "besiii_geometry.csv grade B; J/psi beta gamma = sin(11 mrad) = 0.011, "
    "derived, grade C); no detector dimension could be read (GAPs), so only "
    "D18's long-lifetime volume (decay beyond 100 m)",
    /* E_beam = m_J/psi / 2 (besiii_geometry.csv: derived, C), half angle
     * 11 mrad (22 mrad full, grade B).  The J/psi carries the beams'
     * momentum p = 2 E sin(11 mrad) = m_J/psi sin(11 mrad): beta gamma =
     * p / m_J/psi = 0.0109998 (the csv's 0.011); the e+e- system is given
     * m_J/psi (sqrt(s) of the beams is m_J/psi cos(11 mrad), 0.19 MeV
     * lower). */
    { 0.5 * ALP_MJPSI, 0.5 * ALP_MJPSI, 0.011, ALP_MJPSI },
    alp_detector_besiii,
    ALP_GEN_V_TO_GAMMA_A, "J/psi",
    0.011, /* besiii_geometry.csv 'J/psi lab beta*gamma from crossing' (C) */
    0.0, 0.0,
  },
  {
    "babar_y3s",
    "BaBar at PEP-II at the Y(3S): 8.6 GeV e- on 3.1 GeV e+, head-on "
    "(run energies a GAP in babar_geometry.csv: ALPaca's comment, grade C); "
    "Y(3S) beta gamma = (8.6 - 3.1) / m_Y(3S) = 0.531; the babar volumes "
    "(DCH grade B, EMC grade C)",
    /* 8.6 / 3.1 GeV: ALPaca's measurements_exp.py comment (third party,
     * babar_geometry.csv row 'beam energies (Upsilon(3S) run 2008)': GAP,
     * grade C); head-on (grade C, as babar).  These rounded energies give
     * sqrt(s) = 10.3265 GeV, 29 MeV below m_Y(3S); the recasts take the
     * Y(3S) to carry the beams' momentum p = 5.5 GeV: beta gamma =
     * p / m_Y(3S) = 0.5311 (beams.p / m_V in Lua). */
    { 8.6, 3.1, 0.0, 0.0 },
    alp_detector_babar_y3s,
    ALP_GEN_V_TO_GAMMA_A, "Upsilon(3S)",
    (8.6 - 3.1) / ALP_MUPS3S, /* p / m_Y(3S) = 0.5311 (see above) */
    0.0, 0.0,
  },
  {
    "belle",
    "Belle at KEKB: 8.0 GeV e- on 3.5 GeV e+, 11 mrad half crossing angle "
    "(hep-ex/0011028 grade B; NIM A479 117 grade A), beta gamma 0.425; "
    "Y(1S) from Y(2S) -> pi+ pi- Y(1S) (the Y(2S)-run energies are a GAP: "
    "the Y(4S) beams are used); volumes: the ECL envelope of NIM Table 1 "
    "(grade A) and D18's long-lifetime sphere",
    /* KEKB HER 8.0 / LER 3.5 GeV (belle_geometry.csv, grade B), +-11 mrad
     * (NIM A479 117 Sec. 1, grade A): beta gamma of the e+e- system =
     * 0.4252 (the csv's 0.425, grade B).  The Y(1S) from a Y(2S) at rest
     * in that system moves with it (its recoil, beta gamma < 0.05, is
     * neglected, as the recast does). */
    { 8.0, 3.5, 0.011, 0.0 },
    alp_detector_belle,
    ALP_GEN_V_TO_GAMMA_A, "Upsilon(1S)",
    0.425, /* belle_geometry.csv 'boost beta*gamma (Upsilon(4S))' (B) */
    0.0, 0.0,
  },
};

#define N_EXPERIMENTS (sizeof table / sizeof table[0])

size_t alp_experiment_count(void) { return N_EXPERIMENTS; }

const alp_experiment *alp_experiment_at(size_t i)
{
  return i < N_EXPERIMENTS ? &table[i] : NULL;
}

const alp_experiment *alp_experiment_find(const char *name)
{
  if (!name) return NULL;
  for (size_t i = 0; i < N_EXPERIMENTS; i++)
    if (strcmp(table[i].name, name) == 0) return &table[i];
  return NULL;
}

const char *alp_generator_text(alp_generator g)
{
  switch (g) {
  case ALP_GEN_Y4S_B_TO_KA: return "e+e- -> Y(4S) -> B+ B-, B+ -> K+ a";
  case ALP_GEN_V_TO_GAMMA_A: return "e+e- -> V, V -> gamma a";
  }
  return "?";
}
