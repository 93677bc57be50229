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
 * Event samples of B+ -> K+ a (sample.c) use a counter-based generator
 * instead: Philox4x32-10 of Random123 (Salmon, Moraes, Dror, Shaw, "Parallel
 * random numbers: as easy as 1, 2, 3", SC11; Debian librandom123-dev), whose
 * output is a pure function of (key, counter).  Event k of a stream with
 * seed s draws from key (s mod 2^32, s >> 32) and the counters (k mod 2^32,
 * k >> 32, j, stream), j = 0, 1: eight 32-bit uniforms per event that depend
 * on nothing but (seed, stream, k), so blocks can be made in any order, by
 * any thread, for any sample size n (event k is the same for every n > k).
 * This stream replaced the per-chunk MT19937 of the B samples (issue #14):
 * the same seed now gives other (statistically equivalent) events.
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

/* Counter-based uniforms (see above). */
#include <Random123/philox.h>

/* Events per generation block (any value gives the same events). */
#define ALP_GEN_BLOCK 256
/* Uniforms per event of a counter-based stream. */
#define ALP_RNG_PER_EVENT 8
/* Stream numbers (the fourth counter word) of the physics/ generators. */
enum { ALP_RNG_STREAM_SAMPLE = 1 };

/* u[j][i], j < ALP_RNG_PER_EVENT, = uniform j of event k0 + i (i < n <=
 * ALP_GEN_BLOCK) of stream `stream` with seed `seed`, in (0, 1): (r + 1/2)
 * 2^-32 for the 32-bit word r (never 0 or 1, 32-bit resolution as MT19937's
 * gsl_rng_uniform).  Inline so that the event loops calling it vectorise. */
static inline void alp_rng_block(uint64_t seed, uint32_t stream, uint64_t k0,
                                 size_t n,
                                 double u[ALP_RNG_PER_EVENT][ALP_GEN_BLOCK])
{
  const double scale = 0x1p-32, half = 0x1p-33;
  philox4x32_key_t key = { { (uint32_t)seed, (uint32_t)(seed >> 32) } };
  for (uint32_t j = 0; j < ALP_RNG_PER_EVENT / 4; j++) {
    double *u0 = u[4 * j], *u1 = u[4 * j + 1], *u2 = u[4 * j + 2];
    double *u3 = u[4 * j + 3];
#pragma omp simd
    for (size_t i = 0; i < n; i++) {
      uint64_t k = k0 + i;
      philox4x32_ctr_t ctr = { { (uint32_t)k, (uint32_t)(k >> 32), j, stream } };
      philox4x32_ctr_t r = philox4x32_R(10, ctr, key);
      u0[i] = r.v[0] * scale + half;
      u1[i] = r.v[1] * scale + half;
      u2[i] = r.v[2] * scale + half;
      u3[i] = r.v[3] * scale + half;
    }
  }
}

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

/* Threads for a loop of `work` elementary steps (about a nanosecond each:
 * one exp, one event of a small sample): 1 below ALP_MC_PARALLEL_MIN, where
 * waking a sleeping OpenMP worker (a futex call: tens of microseconds with
 * OMP_WAIT_POLICY=PASSIVE) costs more than the loop; else alp_mc_threads.
 * Results never depend on it (fixed chunks, combined in order; issue #14). */
#define ALP_MC_PARALLEL_MIN 65536.0
int alp_mc_threads_for(const alp_mc_opts *o, double work);

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
