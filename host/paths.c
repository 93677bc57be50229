/* paths.c -- locate the data root (scripts/ and recasts/), in the order of
 * Nmap's nmap_fetchfile: environment, relative to the executable, then the
 * compiled-in install prefix. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "paths.h"

#ifndef ALPCAST_DATADIR
#define ALPCAST_DATADIR "/usr/local/share/alpcast"
#endif

static int has_init(const char *root)
{
  char p[PATH_MAX + 64];
  snprintf(p, sizeof p, "%s/scripts/alpcast/init.lua", root);
  return access(p, R_OK) == 0;
}

static int try_root(char *buf, size_t size, const char *root)
{
  char real[PATH_MAX];
  if (!root || !*root || !has_init(root)) return 0;
  if (realpath(root, real)) root = real;
  snprintf(buf, size, "%s", root);
  return 1;
}

int alp_find_root(char *buf, size_t size, int ignore_env)
{
  char exe[PATH_MAX], cand[PATH_MAX + 32];
  ssize_t n;
  if (!ignore_env && try_root(buf, size, getenv("ALPCAST_PATH"))) return 0;
  n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    char *slash;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(cand, sizeof cand, "%s/../share/alpcast", exe);
      if (try_root(buf, size, cand)) return 0;
      snprintf(cand, sizeof cand, "%s/..", exe);
      if (try_root(buf, size, cand)) return 0;
    }
  }
  if (try_root(buf, size, ALPCAST_DATADIR)) return 0;
  snprintf(buf, size, "%s", ALPCAST_DATADIR);
  return -1;
}
