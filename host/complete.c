/* complete.c -- completion of dotted names, shared by the REPL (readline's
 * Tab) and the Jupyter kernel (complete_request): "alp.sa" -> "alp.sample",
 * "m:ct" -> "m:ctau" (methods through a userdata's metatable __index). */
#include <stdlib.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "host.h"

/* Push the table in which names after `path` (e.g. "alp.sample") live: a
 * table itself, or the __index table of a userdata's metatable.  Returns 0
 * (pushing nothing) if the path does not lead to one. */
static int push_scope(lua_State *L, const char *path, size_t len)
{
  size_t start = 0;
  lua_pushglobaltable(L);
  while (start < len) {
    size_t end = start;
    while (end < len && path[end] != '.' && path[end] != ':') end++;
    if (!lua_istable(L, -1)) { lua_pop(L, 1); return 0; }
    lua_pushlstring(L, path + start, end - start);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    start = end + 1;
  }
  if (lua_istable(L, -1)) return 1;
  if (lua_isuserdata(L, -1) && lua_getmetatable(L, -1)) {
    lua_getfield(L, -1, "__index");
    lua_remove(L, -2);
    lua_remove(L, -2);
    if (lua_istable(L, -1)) return 1;
  }
  lua_pop(L, 1);
  return 0;
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char **host_completions(lua_State *L, const char *text)
{
  const char *sep = NULL, *partial;
  size_t plen, pl, n = 0, cap = 16;
  char **list;
  for (const char *p = text; *p; p++)
    if (*p == '.' || *p == ':') sep = p;
  plen = sep ? (size_t)(sep - text) : 0;
  if (!push_scope(L, text, plen)) return NULL;
  list = calloc(cap, sizeof *list);
  partial = sep ? sep + 1 : text;
  pl = strlen(partial);
  lua_pushnil(L);
  while (list && lua_next(L, -2)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) {
      const char *k = lua_tostring(L, -1);
      if (strncmp(k, partial, pl) == 0 && k[0] != '_') {
        size_t kl = strlen(k);
        char *s = malloc(plen + 1 + kl + 1);
        if (!s) continue;
        if (sep) { memcpy(s, text, plen + 1); memcpy(s + plen + 1, k, kl + 1); }
        else memcpy(s, k, kl + 1);
        if (n + 2 > cap) {
          char **bigger = realloc(list, 2 * cap * sizeof *bigger);
          if (!bigger) { free(s); continue; }
          list = bigger;
          cap *= 2;
        }
        list[n++] = s;
        list[n] = NULL;
      }
    }
  }
  lua_pop(L, 1);
  if (list) qsort(list, n, sizeof *list, by_name);
  return list;
}
