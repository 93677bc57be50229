/* check.h -- a tiny gsl_test-style harness for the C tests of physics/.
 *
 * Each check prints one line "PASS: ..." or "FAIL: ..."; tests/run.lua counts
 * them.  A test program ends with `return check_exit();`, which is 1 if any
 * check failed.
 *
 *   CHECK_REL(got, want, rtol, "fmt", ...)   |got-want| <= rtol*|want|
 *   CHECK_ABS(got, want, atol, "fmt", ...)   |got-want| <= atol
 *   CHECK_INT(got, want, "fmt", ...)
 *   CHECK_TRUE(cond, "fmt", ...)
 *   CHECK_STATUS(call, want_status, "fmt", ...)
 */
#ifndef ALP_CHECK_H
#define ALP_CHECK_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

static int check_failures = 0;

static void check_report(int ok, const char *detail, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

static void check_report(int ok, const char *detail, const char *fmt, ...)
{
  va_list ap;
  printf("%s: ", ok ? "PASS" : "FAIL");
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  if (!ok && detail && *detail) printf(" [%s]", detail);
  printf("\n");
  fflush(stdout);
  if (!ok) check_failures++;
}

#define CHECK_REL(got, want, rtol, ...) do {                                 \
    double g_ = (got), w_ = (want), t_ = (rtol); char d_[160];              \
    int ok_ = isfinite(g_) && fabs(g_ - w_) <= t_ * fabs(w_);               \
    snprintf(d_, sizeof d_, "got %.10g, want %.10g, rtol %.3g", g_, w_, t_);\
    check_report(ok_, d_, __VA_ARGS__); } while (0)

#define CHECK_ABS(got, want, atol, ...) do {                                 \
    double g_ = (got), w_ = (want), t_ = (atol); char d_[160];              \
    int ok_ = isfinite(g_) && fabs(g_ - w_) <= t_;                          \
    snprintf(d_, sizeof d_, "got %.10g, want %.10g, atol %.3g", g_, w_, t_);\
    check_report(ok_, d_, __VA_ARGS__); } while (0)

#define CHECK_INT(got, want, ...) do {                                       \
    long g_ = (long)(got), w_ = (long)(want); char d_[96];                  \
    snprintf(d_, sizeof d_, "got %ld, want %ld", g_, w_);                   \
    check_report(g_ == w_, d_, __VA_ARGS__); } while (0)

#define CHECK_TRUE(cond, ...) check_report((cond) ? 1 : 0, #cond, __VA_ARGS__)

#define CHECK_STATUS(call, want, ...) do {                                   \
    int s_ = (call), w_ = (want); char d_[96];                              \
    snprintf(d_, sizeof d_, "status %d, want %d", s_, w_);                  \
    check_report(s_ == w_, d_, __VA_ARGS__); } while (0)

static int check_exit(void) { return check_failures ? 1 : 0; }

#endif
