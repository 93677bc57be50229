/* rng.h -- reproducible, thread-count-independent random numbers for the
 * Monte Carlo of physics/ (sample.c, analysis.c), and the chunked loop that
 * runs it (alp_mc_run_chunks).
 *
 * Work is split into chunks of a FIXED number of events (ALP_SAMPLE_CHUNK);
 * chunk c draws from its own GSL generator (gsl_rng_mt19937) seeded from
 * (seed, c) through alp_rng_chunk_seed().  Whatever thread runs a chunk, it
 * sees the same numbers, so results are bit-identical for any thread count.
 * Changing ALP_SAMPLE_CHUNK or the hash changes every sample: it is part of
 * the reproducibility contract (tests pin it).
 *
 * physics/ never calls gsl_rng_env_setup() (GSL_RNG_SEED would be a hidden
 * input, DESIGN.md) and never reads the environment: the host passes the
 * thread count in alp_mc_opts.
 */
#ifndef ALP_RNG_H
#define ALP_RNG_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <gsl/gsl_rng.h>

/* Events per generation chunk (fixed: see above). */
#define ALP_SAMPLE_CHUNK 4096

/* Options shared by every Monte Carlo / parallel loop of physics/. */
typedef struct {
  uint64_t seed;                        /* explicit seed (ignored by
                                           deterministic loops) */
  int threads;                          /* OpenMP threads; <= 0 means 1 */
  const volatile sig_atomic_t *cancel;  /* may be NULL; tested once per
                                           chunk -> ALP_ECANCELLED */
} alp_mc_opts;

/* The 32-bit GSL seed of chunk `chunk` of a run with seed `seed`:
 * splitmix64 of both (Steele, Lea, Flood 2014), folded to 32 bits because
 * gsl_rng_mt19937 keeps only the low 32 bits of its seed. */
unsigned long alp_rng_chunk_seed(uint64_t seed, uint64_t chunk);

/* Allocate a generator for chunk work (gsl_rng_mt19937).  Returns NULL on
 * allocation failure (GSL's handler is called, as for gsl_rng_alloc).  Free
 * with gsl_rng_free. */
gsl_rng *alp_rng_new(void);

/* Re-seed r for chunk `chunk` of a run with seed `seed`. */
void alp_rng_seed_chunk(gsl_rng *r, uint64_t seed, uint64_t chunk);

/* Number of threads to use from opts (>= 1). */
int alp_mc_threads(const alp_mc_opts *o);

/* Event k of a chunked Monte Carlo: reads ctx, draws from r (seeded for k's
 * chunk), writes event k of out; returns a status. */
typedef int (*alp_mc_event_fn)(const void *ctx, gsl_rng *r, size_t k,
                               void *out);

/* Run fn for the events k = 0..n-1 in chunks of ALP_SAMPLE_CHUNK: chunk c
 * draws from a generator seeded from (seed, c), threads (mc->threads) share
 * the chunks dynamically, mc->cancel is tested once per chunk.  The status
 * returned is that of the first failing chunk in chunk order
 * (deterministic): fn's status, ALP_ECANCELLED, or GSL_ENOMEM. */
int alp_mc_run_chunks(size_t n, const alp_mc_opts *mc, uint64_t seed,
                      alp_mc_event_fn fn, const void *ctx, void *out);

#endif
