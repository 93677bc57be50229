/* omp_wait.h -- start alpcast with OpenMP's passive wait policy. */
#ifndef ALP_OMP_WAIT_H
#define ALP_OMP_WAIT_H

/* If $OMP_WAIT_POLICY is unset, set it to PASSIVE and re-execute the
 * program (/proc/self/exe, same argv): GCC's libgomp reads it once, when it
 * is loaded, before main.  Returns (without re-executing) if it is set, if
 * the program runs under valgrind, or if exec fails. */
void alp_omp_passive_wait(char **argv);

#endif
