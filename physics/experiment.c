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
    ALP_GEN_Y4S_B_TO_KA,
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
    ALP_GEN_Y4S_B_TO_KA,
    /* BaBar quotes numbers of BB pairs per data set, not cross sections */
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
  }
  return "?";
}
