/* experiment.h -- the one table of the experiments alpcast knows: per
 * experiment its name, a description with citations, its beams (the
 * collider), its detector (the built-in volumes) and its event generator.
 *
 * Every list of experiment names -- in C, in the Lua bindings
 * (alp.experiment, alp.sample.b_to_ka{experiment=}, alp.detector.<name>)
 * and in the Lua library (alp.acceptance) -- is derived from this table, so
 * a new experiment is added here and nowhere else (plus its help entries:
 * the help coverage test asks for them).
 *
 * The entries are static and immutable; the pointers stay valid for the
 * life of the program.
 */
#ifndef ALP_EXPERIMENT_H
#define ALP_EXPERIMENT_H

#include <stddef.h>
#include "detector.h"
#include "kinematics.h"

/* Event generators an experiment can use. */
typedef enum {
  /* e+e- -> Y(4S) -> B+ B-, B+ -> K+ a: alp_sample_b_to_ka (REFERENCE §5.1,
   * D8, D13); alp.sample.b_to_ka in Lua. */
  ALP_GEN_Y4S_B_TO_KA = 0,
  /* e+e- -> V, V -> gamma a (REFERENCE D17), V = the entry's parent:
   * alp.sample.v_to_gamma_a in Lua; refused by alp_sample_b_to_ka. */
  ALP_GEN_V_TO_GAMMA_A = 1
} alp_generator;

typedef struct alp_experiment {
  const char *name;         /* "belle2": the name in Lua, labels, detector */
  const char *description;  /* one line, with the sources of the numbers */
  alp_collider beams;       /* the collider (kinematics.h) */
  int (*detector)(alp_detector **out); /* its built-in volumes (detector.h) */
  alp_generator generator;  /* how its events are made */
  const char *parent;       /* ALP_GEN_V_TO_GAMMA_A: the V ("J/psi",
                               "Upsilon(3S)", ...); NULL otherwise */
  double v_boost;           /* ALP_GEN_V_TO_GAMMA_A: the V's lab beta gamma
                               as its source quotes it (consistent with
                               the beams to 0.1%); 0 otherwise */
  /* e+e- -> B+B- and B0 anti-B0 cross sections at its beam energy [nb];
   * 0 = not declared (the recast then gives its number of B mesons). */
  double sigma_bpbm_nb, sigma_b0b0_nb;
} alp_experiment;

/* Number of experiments, and the i-th (0 <= i < count, in table order;
 * NULL out of range). */
size_t alp_experiment_count(void);
const alp_experiment *alp_experiment_at(size_t i);
/* The experiment called name (exact match), or NULL (also for NULL). */
const alp_experiment *alp_experiment_find(const char *name);

/* Short text of a generator ("Y(4S) -> B+ B-, B+ -> K+ a"); "?" if
 * unknown. */
const char *alp_generator_text(alp_generator g);

#endif
