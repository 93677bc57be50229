/* omp_wait.c -- OpenMP threads that sleep instead of spinning (omp_wait.h).
 *
 * By default libgomp lets an idle worker spin for ~300,000 iterations at
 * every barrier and between parallel regions.  The Monte Carlo makes many
 * short parallel regions (one per sample, path table and decay_prob call);
 * on a loaded machine the spinning worker steals the core from the one that
 * has the work: measured on the 2-core machine under load, belle2_displaced
 * alone with 2 threads took 18.9 s of CPU with the default policy and 8.6 s
 * with OMP_WAIT_POLICY=PASSIVE (127 s -> 59 s wall).  Results do not
 * depend on it.  The user's own $OMP_WAIT_POLICY is respected.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "omp_wait.h"

void alp_omp_passive_wait(char **argv)
{
  const char *pre = getenv("LD_PRELOAD");
  const char *set = getenv("OMP_WAIT_POLICY");
  if (set && *set) return;
  if (pre && strstr(pre, "vgpreload")) return; /* valgrind: stay under it */
  if (setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) return;
  execv("/proc/self/exe", argv);
  /* exec failed: go on with the default policy */
}
