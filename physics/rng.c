/* rng.c -- per-chunk seeding of GSL generators (see rng.h). */
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
