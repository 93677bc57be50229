/* errors.h -- status codes of libalpcast.
 *
 * Every function of physics/ that can fail returns an int status: 0 on
 * success, a GSL code (gsl_errno.h, 1..32) or one of the ALP_E* codes below
 * (>= 1000, disjoint from GSL's).  physics/ never prints, exits or aborts.
 * Domain errors (a mass outside the kinematic range, ...) are GSL_EDOM,
 * never NaN.
 */
#ifndef ALP_ERRORS_H
#define ALP_ERRORS_H

#include <gsl/gsl_errno.h>

enum {
  ALP_ECANCELLED = 1000, /* a long loop saw the cancel flag (Ctrl-C) */
  ALP_ECHANNEL   = 1001, /* unknown decay channel */
  ALP_EGEOMETRY  = 1002, /* empty, inverted or inconsistent volume */
  ALP_ENOTFOUND  = 1003  /* named object (benchmark, volume) not found */
};

/* Text of a status code; falls back to gsl_strerror() below 1000. */
const char *alp_strerror(int status);

#endif
