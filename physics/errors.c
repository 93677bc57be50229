/* errors.c -- text of the ALP_E* status codes. */
#include "errors.h"

const char *alp_strerror(int status)
{
  switch (status) {
  case 0:              return "success";
  case ALP_ECANCELLED: return "interrupted";
  case ALP_ECHANNEL:   return "unknown decay channel";
  case ALP_EGEOMETRY:  return "invalid geometry";
  case ALP_ENOTFOUND:  return "not found";
  default:             return gsl_strerror(status);
  }
}
