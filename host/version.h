/* version.h -- the alpcast version, one place. */
#ifndef ALP_VERSION_H
#define ALP_VERSION_H
#define ALPCAST_VERSION "0.1.0"
#endif
