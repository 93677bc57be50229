/* rng.c -- per-chunk seeding of GSL generators (see rng.h). */
#include "errors.h"
#include "rng.h"

/* splitmix64 finaliser: Steele, Lea, Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014 (the constants are theirs). */
static uint64_t splitmix64(uint64_t x)
{
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

unsigned long alp_rng_chunk_seed(uint64_t seed, uint64_t chunk)
{
  uint64_t h = splitmix64(splitmix64(seed) ^ (chunk * 0xD1B54A32D192ED03ULL));
  return (unsigned long)((h >> 32) ^ (h & 0xFFFFFFFFULL));
}

gsl_rng *alp_rng_new(void)
{
  return gsl_rng_alloc(gsl_rng_mt19937);
}

void alp_rng_seed_chunk(gsl_rng *r, uint64_t seed, uint64_t chunk)
{
  gsl_rng_set(r, alp_rng_chunk_seed(seed, chunk));
}

int alp_mc_threads(const alp_mc_opts *o)
{
  return (o && o->threads > 1) ? o->threads : 1;
}

int alp_mc_threads_for(const alp_mc_opts *o, double work)
{
  return work < ALP_MC_PARALLEL_MIN ? 1 : alp_mc_threads(o);
}

/* Events of chunk c (r re-seeded for it); the first failing status. */
static int run_chunk(gsl_rng *r, size_t n, uint64_t seed, long c,
                     alp_mc_event_fn fn, const void *ctx, void *out)
{
  size_t k0 = (size_t)c * ALP_SAMPLE_CHUNK, k1 = k0 + ALP_SAMPLE_CHUNK;
  if (k1 > n) k1 = n;
  alp_rng_seed_chunk(r, seed, (uint64_t)c);
  for (size_t k = k0; k < k1; k++) {
    int st = fn(ctx, r, k, out);
    if (st) return st;
  }
  return 0;
}

int alp_mc_run_chunks(size_t n, const alp_mc_opts *mc, uint64_t seed,
                      alp_mc_event_fn fn, const void *ctx, void *out)
{
  const long nc = (long)((n + ALP_SAMPLE_CHUNK - 1) / ALP_SAMPLE_CHUNK);
  const int nt = alp_mc_threads_for(mc, (double)n);
  const volatile sig_atomic_t *cancel = mc ? mc->cancel : NULL;
  int status = 0;
  long bad_chunk = nc;

  if (nt == 1) { /* no parallel region: even a team of one costs a futex
                   * call in libgomp (issue #14) */
    gsl_rng *r = alp_rng_new();
    if (!r) return GSL_ENOMEM;
    for (long c = 0; c < nc && !status; c++) {
      if (cancel && *cancel) { status = ALP_ECANCELLED; break; }
      status = run_chunk(r, n, seed, c, fn, ctx, out);
    }
    gsl_rng_free(r);
    return status;
  }
#pragma omp parallel num_threads(nt)
  {
    gsl_rng *r = alp_rng_new();
    int my = r ? 0 : GSL_ENOMEM;
    long my_chunk = r ? nc : -1;
#pragma omp for schedule(dynamic, 1)
    for (long c = 0; c < nc; c++) {
      if (my) continue;
      if (cancel && *cancel) { my = ALP_ECANCELLED; my_chunk = c; continue; }
      my = run_chunk(r, n, seed, c, fn, ctx, out);
      if (my) my_chunk = c;
    }
    if (my) {
#pragma omp critical(alp_mc_status)
      if (my_chunk < bad_chunk) { bad_chunk = my_chunk; status = my; }
    }
    gsl_rng_free(r);
  }
  return status;
}
