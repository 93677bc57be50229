/* vecmath.h -- glibc's vector math (libmvec) for the `omp simd` event loops
 * of sample.c.  glibc declares the vector variants of sin, cos and log only
 * under -ffast-math, so they are declared here (x86_64 glibc >= 2.22, see
 * <bits/math-vector.h>); with -fno-math-errno (Makefile XFLAGS) gcc calls
 * _ZGV*_sin etc. from the vectorised loops.  ALP_VEC_CLONES compiles a
 * kernel for AVX-512, AVX2 and baseline x86-64, the best picked at load
 * time.  libmvec's results differ from the scalar functions by < 4 ulp and
 * are the same for every thread count on one machine (the clone is chosen
 * per machine, not per thread). */
#ifndef ALP_VECMATH_H
#define ALP_VECMATH_H

#include <math.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
extern double sin(double) __attribute__((__simd__("notinbranch")));
extern double cos(double) __attribute__((__simd__("notinbranch")));
extern double log(double) __attribute__((__simd__("notinbranch")));
#define ALP_VEC_CLONES \
  __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ALP_VEC_CLONES
#endif

#endif
