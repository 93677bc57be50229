/* paths.h -- where alpcast finds scripts/ and recasts/. */
#ifndef ALP_PATHS_H
#define ALP_PATHS_H
#include <stddef.h>

/* Find the data root (the folder holding scripts/alpcast/init.lua), in order:
 * $ALPCAST_PATH (unless ignore_env), <exe dir>/../share/alpcast (installed),
 * <exe dir>/.. (a build tree: ./build/alpcast in a checkout), the compiled-in
 * ALPCAST_DATADIR.  Writes it to buf; returns 0, or -1 if none has it (buf
 * then holds the compiled-in path). */
int alp_find_root(char *buf, size_t size, int ignore_env);

#endif
