/* l_csv.c -- alp._csv.read: the row loop of alp.data.csv (scripts/alpcast/
 * data.lua) in C.  Splitting 82 800-row tables cell by cell in Lua was most
 * of a cached suite run (issue #14); the rules stay those of data.lua, which
 * does everything else (the header's metadata, units, ranges, keys):
 *   - lines end at "\n", one trailing "\r" is dropped;
 *   - a line whose first non-blank character is '#' is a comment;
 *   - a blank line is skipped; the first other line is the column row;
 *   - cells are split at the separator (any string); a cell starting with
 *     '"' runs to the closing quote ("" is a quote) and what follows it up
 *     to the next separator is dropped;
 *   - cells are trimmed of blanks (Lua's %s: space, \t, \n, \v, \f, \r);
 *   - a numeric cell is what Lua's tonumber reads (so "5" is the integer 5,
 *     as before), or inf, +inf, -inf, infinity, -infinity, nan, -nan in any
 *     case. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lalp.h"

typedef struct {
  char *arena;           /* every cell, unescaped and trimmed, NUL-terminated */
  size_t len, cap;
  size_t *off;           /* cell offsets into arena, row-major */
  size_t ncells, capcells;
} cells;

static int blank(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

static int arena_put(cells *c, const char *s, size_t n)
{
  if (c->len + n + 1 > c->cap) {
    size_t cap = c->cap ? c->cap : 1 << 16;
    while (cap < c->len + n + 1) cap *= 2;
    char *a = realloc(c->arena, cap);
    if (!a) return -1;
    c->arena = a;
    c->cap = cap;
  }
  memcpy(c->arena + c->len, s, n);
  c->len += n;
  return 0;
}

/* Close the cell begun at arena offset start: trim it and record it. */
static int cell_end(cells *c, size_t start)
{
  size_t a = start, b = c->len;
  while (a < b && blank((unsigned char)c->arena[a])) a++;
  while (b > a && blank((unsigned char)c->arena[b - 1])) b--;
  memmove(c->arena + start, c->arena + a, b - a);
  c->len = start + (b - a);
  if (arena_put(c, "", 0) < 0) return -1;
  c->arena[c->len++] = '\0';
  if (c->ncells == c->capcells) {
    size_t cap = c->capcells ? 2 * c->capcells : 4096;
    size_t *o = realloc(c->off, cap * sizeof *o);
    if (!o) return -1;
    c->off = o;
    c->capcells = cap;
  }
  c->off[c->ncells++] = start;
  return 0;
}

static const char *find_sep(const char *s, const char *end, const char *sep, size_t ns)
{
  for (; s + ns <= end; s++)
    if (*s == sep[0] && memcmp(s, sep, ns) == 0) return s;
  return NULL;
}

/* Split line [s, end) into cells (data.lua's split_csv); returns the number
 * of cells, or -1 on an unterminated quote, -2 when out of memory. */
static long split_line(cells *c, const char *s, const char *end, const char *sep, size_t ns)
{
  long n = 0;
  const char *i = s;
  while (i <= end) {
    size_t start = c->len;
    if (i < end && *i == '"') {
      const char *j = i + 1, *nx;
      for (;;) {
        const char *q = memchr(j, '"', (size_t)(end - j));
        if (!q) return -1;
        if (arena_put(c, j, (size_t)(q - j)) < 0) return -2;
        if (q + 1 < end && q[1] == '"') {
          if (arena_put(c, "\"", 1) < 0) return -2;
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      if (cell_end(c, start) < 0) return -2;
      n++;
      nx = find_sep(j, end, sep, ns);
      if (!nx) break;
      i = nx + ns;
      if (i >= end) {
        if (cell_end(c, c->len) < 0) return -2;
        n++;
        break;
      }
    } else {
      const char *nx = find_sep(i, end, sep, ns);
      if (!nx) {
        if (arena_put(c, i, (size_t)(end - i)) < 0 || cell_end(c, start) < 0) return -2;
        n++;
        break;
      }
      if (arena_put(c, i, (size_t)(nx - i)) < 0 || cell_end(c, start) < 0) return -2;
      n++;
      i = nx + ns;
      if (i >= end) {
        if (cell_end(c, c->len) < 0) return -2;
        n++;
        break;
      }
    }
  }
  return n;
}

/* Push the number cell s reads as (Lua's tonumber, or a special); 0 if none. */
static int push_number(lua_State *L, const char *s)
{
  static const char *const inf[] = { "inf", "+inf", "infinity", NULL };
  static const char *const minf[] = { "-inf", "-infinity", NULL };
  char low[12];
  size_t n = strlen(s);
  if (lua_stringtonumber(L, s) != 0) return 1;
  if (n >= sizeof low) return 0;
  for (size_t i = 0; i <= n; i++) low[i] = (char)tolower((unsigned char)s[i]);
  for (int i = 0; inf[i]; i++)
    if (strcmp(low, inf[i]) == 0) { lua_pushnumber(L, HUGE_VAL); return 1; }
  for (int i = 0; minf[i]; i++)
    if (strcmp(low, minf[i]) == 0) { lua_pushnumber(L, -HUGE_VAL); return 1; }
  if (strcmp(low, "nan") == 0 || strcmp(low, "-nan") == 0) {
    volatile double z = 0.0; /* Lua's 0/0, computed at run time (same bits) */
    lua_pushnumber(L, z / z);
    return 1;
  }
  return 0;
}

static int in_set(lua_State *L, int set, const char *name)
{
  int r;
  if (lua_isnoneornil(L, set)) return 0;
  lua_getfield(L, set, name);
  r = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return r;
}

/* alp._csv.read(path, sep, header_only, text, strict) ->
 *   {comments = {line, ...}, ncomments_before = k, names = {raw cell, ...},
 *    n = rows, lines = {line number per row}, columns = {column values}}
 * or nil, line number (0: the file), message.
 * text/strict: sets of column names (declared text; declared with a unit).
 * A text column keeps its strings; any other column holds numbers where the
 * cell is numeric and the trimmed string otherwise ("" for empty); an
 * undeclared column with a non-numeric, non-empty cell is all strings. */
static int l_csv_read(lua_State *L)
{
  const char *path = luaL_checkstring(L, 1);
  size_t ns;
  const char *sep = luaL_optlstring(L, 2, ",", &ns);
  int header_only = lua_toboolean(L, 3);
  FILE *f;
  char *buf = NULL;
  size_t size = 0, cap = 0, nread;
  cells c = { 0 };
  long ncols = -1, nrows = 0, ncom = 0, nbefore = -1;
  int res, tcom, tlines;
  const char *fail = NULL;
  long fail_line = 0;
  char msg[128];
  if (ns == 0) return luaL_argerror(L, 2, "the separator is empty");
  if (!lua_isnoneornil(L, 4)) luaL_checktype(L, 4, LUA_TTABLE);
  if (!lua_isnoneornil(L, 5)) luaL_checktype(L, 5, LUA_TTABLE);
  lua_settop(L, 5);
  f = fopen(path, "rb");
  if (!f) {
    luaL_pushfail(L);
    lua_pushinteger(L, 0);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 3;
  }
  do {
    if (size == cap) {
      char *nb = realloc(buf, cap = cap ? 2 * cap : 1 << 16);
      if (!nb) { free(buf); fclose(f); return luaL_error(L, "alp.data.csv: out of memory reading %s", path); }
      buf = nb;
    }
    nread = fread(buf + size, 1, cap - size, f);
    size += nread;
  } while (nread > 0);
  fclose(f);

  lua_createtable(L, 0, 6);
  res = lua_gettop(L);
  lua_newtable(L);
  tcom = lua_gettop(L);
  lua_newtable(L);
  tlines = lua_gettop(L);
  {
    const char *p = buf, *end = buf + size;
    long lineno = 0;
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      const char *le = nl ? nl : end, *q = p;
      lineno++;
      if (le > p && le[-1] == '\r') le--;
      while (q < le && blank((unsigned char)*q)) q++;
      if (q < le && *q == '#') {
        lua_pushlstring(L, p, (size_t)(le - p));
        lua_rawseti(L, tcom, ++ncom);
      } else if (q < le) {
        size_t before = c.ncells;
        long k = split_line(&c, p, le, sep, ns);
        if (k == -2) { fail = "out of memory"; fail_line = lineno; break; }
        if (k == -1) { fail = "unterminated quote"; fail_line = lineno; break; }
        if (ncols < 0) {
          ncols = k;
          nbefore = ncom;
          lua_createtable(L, (int)k, 0);
          for (long i = 0; i < k; i++) {
            lua_pushstring(L, c.arena + c.off[before + (size_t)i]);
            lua_rawseti(L, -2, i + 1);
          }
          lua_setfield(L, res, "names");
          lua_pushinteger(L, lineno);
          lua_setfield(L, res, "names_line");
          c.ncells = before;
          c.len = 0;
          if (header_only) break;
        } else {
          if (k != ncols) {
            snprintf(msg, sizeof msg, "%ld values, the column row has %ld", k, ncols);
            fail = msg;
            fail_line = lineno;
            break;
          }
          lua_pushinteger(L, lineno);
          lua_rawseti(L, tlines, ++nrows);
        }
      }
      if (!nl) break;
      p = nl + 1;
    }
  }
  free(buf);
  if (fail) {
    free(c.arena);
    free(c.off);
    luaL_pushfail(L);
    lua_pushinteger(L, fail_line);
    lua_pushstring(L, fail);
    return 3;
  }
  lua_pushvalue(L, tcom);
  lua_setfield(L, res, "comments");
  lua_pushinteger(L, nbefore < 0 ? ncom : nbefore);
  lua_setfield(L, res, "ncomments_before");
  lua_pushinteger(L, nrows);
  lua_setfield(L, res, "n");
  lua_pushvalue(L, tlines);
  lua_setfield(L, res, "lines");
  if (ncols > 0 && !header_only) {
    lua_createtable(L, (int)ncols, 0);
    int tcols = lua_gettop(L);
    lua_getfield(L, res, "names");
    int tnames = lua_gettop(L);
    for (long j = 0; j < ncols; j++) {
      const char *name;
      char trimmed[256];
      int text, strict, fallback = 0;
      lua_rawgeti(L, tnames, j + 1);
      name = lua_tostring(L, -1);
      snprintf(trimmed, sizeof trimmed, "%s", name ? name : "");
      lua_pop(L, 1);
      text = in_set(L, 4, trimmed);
      strict = in_set(L, 5, trimmed);
      lua_createtable(L, (int)nrows, 0);
      for (long r = 0; r < nrows; r++) {
        const char *s = c.arena + c.off[(size_t)r * (size_t)ncols + (size_t)j];
        if (text || *s == '\0' || !push_number(L, s)) {
          if (!text && *s != '\0') fallback = 1;
          lua_pushstring(L, s);
        }
        lua_rawseti(L, -2, r + 1);
      }
      if (fallback && !strict) { /* not numeric after all: its strings */
        for (long r = 0; r < nrows; r++) {
          lua_pushstring(L, c.arena + c.off[(size_t)r * (size_t)ncols + (size_t)j]);
          lua_rawseti(L, -2, r + 1);
        }
      }
      lua_rawseti(L, tcols, j + 1);
    }
    lua_pop(L, 1);
    lua_setfield(L, res, "columns");
  }
  free(c.arena);
  free(c.off);
  lua_pushvalue(L, res);
  return 1;
}

static const luaL_Reg csv_funcs[] = { { "read", l_csv_read }, { NULL, NULL } };

int luaopen_alp_csv(lua_State *L)
{
  luaL_newlib(L, csv_funcs);
  return 1;
}
