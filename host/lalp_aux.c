/* lalp_aux.c -- shared helpers of the Lua bindings: argument readers,
 * GSL status -> Lua error translation, the cancel flag. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "errors.h"
#include "lalp.h"

/* GSL's default handler prints and abort()s.  Ours only records the reason
 * and returns: it runs inside GSL before GSL has cleaned up, so it must not
 * longjmp (luaL_error).  The status is turned into a Lua error after it has
 * come back (alpL_status_error).  The buffer is per thread because physics/
 * may call GSL from worker threads. */
static _Thread_local char gsl_reason[256];

static void record_gsl_reason(const char *reason, const char *file, int line,
                              int code)
{
  (void)file; (void)line; (void)code;
  snprintf(gsl_reason, sizeof gsl_reason, "%s", reason ? reason : "");
}

void alpL_install_gsl_handler(void) { gsl_set_error_handler(record_gsl_reason); }

void alpL_clear_reason(void) { gsl_reason[0] = '\0'; }

int alpL_status_error(lua_State *L, const char *fname, int status)
{
  const char *text = alp_strerror(status);
  if (gsl_reason[0] && strcmp(gsl_reason, text) != 0)
    return luaL_error(L, "%s: %s (%s)", fname, text, gsl_reason);
  return luaL_error(L, "%s: %s", fname, text);
}

void alpL_checkfinite(lua_State *L, const char *fname, const char *what,
                      double x)
{
  if (!isfinite(x))
    luaL_error(L, "%s: produced a non-finite value (%s = %f)", fname, what, x);
}

/* ---- cancel flag -------------------------------------------------------- */

static volatile sig_atomic_t cancel_flag = 0;

const volatile sig_atomic_t *alpL_cancel_flag(void) { return &cancel_flag; }
void alpL_set_cancel(int on) { cancel_flag = on ? 1 : 0; }

/* ---- physics call counter ---------------------------------------------- */

static long physics_calls = 0;
void alpL_count_physics(void) { physics_calls++; }
long alpL_physics_calls(void) { return physics_calls; }

/* ---- argument readers ---------------------------------------------------- */

/* "[lo, hi] units" for messages; infinite ends print as "inf". */
static const char *range_text(char *buf, size_t sz, double lo, double hi,
                              const char *units)
{
  snprintf(buf, sz, "[%.6g, %.6g]%s%s", lo, hi, units && *units ? " " : "",
           units ? units : "");
  return buf;
}

/* Short printable form of the value at idx for "got ..." messages. */
const char *alpL_got_text(lua_State *L, int idx, char *buf, size_t sz)
{
  int t = lua_type(L, idx);
  if (t == LUA_TNUMBER && isnan(lua_tonumber(L, idx))) snprintf(buf, sz, "nan");
  else if (t == LUA_TNUMBER) snprintf(buf, sz, "%.14g", lua_tonumber(L, idx)); /* as Lua prints */
  else if (t == LUA_TSTRING) snprintf(buf, sz, "'%.40s'", lua_tostring(L, idx));
  else snprintf(buf, sz, "%s", luaL_typename(L, idx));
  return buf;
}

static double check_number_at(lua_State *L, int idx, const char *fname,
                              const char *name, double lo, double hi,
                              const char *units)
{
  char r[96], g[64];
  int isnum = 0;
  double x = lua_tonumberx(L, idx, &isnum);
  if (lua_type(L, idx) != LUA_TNUMBER || !isnum || !isfinite(x) || x < lo ||
      x > hi)
    luaL_error(L, "%s: %s must be a finite number in %s, got %s", fname, name,
               range_text(r, sizeof r, lo, hi, units),
               alpL_got_text(L, idx, g, sizeof g));
  return x;
}

double alpL_checkrange(lua_State *L, int arg, const char *fname,
                       const char *name, double lo, double hi,
                       const char *units)
{
  return check_number_at(L, arg, fname, name, lo, hi, units);
}

void alpL_check_keys(lua_State *L, int idx, const char *fname,
                     const char *const allowed[])
{
  idx = lua_absindex(L, idx);
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1); /* value */
    if (lua_type(L, -1) == LUA_TSTRING) {
      const char *k = lua_tostring(L, -1);
      int ok = 0;
      for (int i = 0; allowed[i]; i++)
        if (strcmp(k, allowed[i]) == 0) { ok = 1; break; }
      if (!ok) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (int i = 0; allowed[i]; i++) {
          if (i) luaL_addstring(&b, ", ");
          luaL_addstring(&b, allowed[i]);
        }
        luaL_pushresult(&b);
        luaL_error(L, "%s: unknown option '%s' (allowed: %s)", fname, k,
                   lua_tostring(L, -1));
      }
    } else {
      luaL_error(L, "%s: options must have string keys, got a %s key", fname,
                 luaL_typename(L, -1));
    }
  }
}

double alpL_opt_number(lua_State *L, int idx, const char *fname,
                       const char *key, double lo, double hi, double def,
                       const char *units)
{
  double x;
  idx = lua_absindex(L, idx);
  lua_getfield(L, idx, key);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    if (isnan(def)) {
      char r[96];
      luaL_error(L, "%s: option %s is required (a finite number in %s)", fname,
                 key, range_text(r, sizeof r, lo, hi, units));
    }
    return def;
  }
  x = check_number_at(L, -1, fname, key, lo, hi, units);
  lua_pop(L, 1);
  return x;
}

lua_Integer alpL_opt_integer(lua_State *L, int idx, const char *fname,
                             const char *key, lua_Integer lo, lua_Integer hi,
                             lua_Integer def, int required)
{
  int isint = 0;
  lua_Integer v;
  char g[64], range[64];
  /* lua_pushfstring knows no %lld: the range is formatted here */
  snprintf(range, sizeof range, "[%lld, %lld]", (long long)lo, (long long)hi);
  idx = lua_absindex(L, idx);
  lua_getfield(L, idx, key);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    if (required)
      luaL_error(L, "%s: option %s is required (an integer in %s)", fname, key,
                 range);
    return def;
  }
  v = lua_tointegerx(L, -1, &isint);
  if (lua_type(L, -1) != LUA_TNUMBER || !isint || v < lo || v > hi)
    luaL_error(L, "%s: %s must be an integer in %s, got %s", fname, key, range,
               alpL_got_text(L, -1, g, sizeof g));
  lua_pop(L, 1);
  return v;
}

static int default_threads = 0; /* 0: the number of cores */

void alpL_set_default_threads(int n) { default_threads = n > 0 ? n : 0; }

int alpL_threads(lua_State *L, int idx, const char *fname)
{
  lua_Integer t = 0;
  const char *e;
  if (!lua_isnoneornil(L, idx))
    t = alpL_opt_integer(L, idx, fname, "threads", 1, 256, 0, 0);
  if (t > 0) return (int)t;
  e = getenv("ALPCAST_THREADS");
  if (e && *e) {
    char *end = NULL;
    long v = strtol(e, &end, 10);
    if (*end != '\0' || v < 1 || v > 256)
      luaL_error(L, "%s: ALPCAST_THREADS must be an integer in [1, 256], got '%s'",
                 fname, e);
    return (int)v;
  }
  return default_threads > 0 ? default_threads : omp_get_num_procs();
}

int alpL_opt_option(lua_State *L, int idx, const char *fname, const char *key,
                    const char *const choices[], int def)
{
  char g[64];
  const char *s;
  idx = lua_absindex(L, idx);
  lua_getfield(L, idx, key);
  if (lua_isnil(L, -1) && def >= 0) { lua_pop(L, 1); return def; }
  s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  for (int i = 0; s && choices[i]; i++)
    if (strcmp(s, choices[i]) == 0) { lua_pop(L, 1); return i; }
  {
    luaL_Buffer b;
    alpL_got_text(L, -1, g, sizeof g);
    luaL_buffinit(L, &b);
    for (int i = 0; choices[i]; i++) {
      if (i) luaL_addstring(&b, ", ");
      luaL_addchar(&b, '"');
      luaL_addstring(&b, choices[i]);
      luaL_addchar(&b, '"');
    }
    luaL_pushresult(&b);
    return luaL_error(L, "%s: %s must be one of %s, got %s", fname, key,
                      lua_tostring(L, -1), g);
  }
}

double *alpL_newbuffer(lua_State *L, size_t n)
{
  return (double *)lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
}

double *alpL_checknumbers(lua_State *L, int arg, const char *fname,
                          const char *name, double lo, double hi,
                          const char *units, size_t *n, int *is_array)
{
  double *x;
  arg = lua_absindex(L, arg);
  if (lua_type(L, arg) == LUA_TTABLE) {
    lua_Unsigned len = lua_rawlen(L, arg);
    char elem[96];
    if (len == 0)
      luaL_error(L, "%s: %s must be a number or a non-empty array of numbers",
                 fname, name);
    x = alpL_newbuffer(L, (size_t)len);
    for (lua_Unsigned i = 1; i <= len; i++) {
      lua_rawgeti(L, arg, (lua_Integer)i);
      snprintf(elem, sizeof elem, "%s[%llu]", name, (unsigned long long)i);
      x[i - 1] = check_number_at(L, -1, fname, elem, lo, hi, units);
      lua_pop(L, 1);
    }
    *n = (size_t)len;
    if (is_array) *is_array = 1;
  } else {
    double v = check_number_at(L, arg, fname, name, lo, hi, units);
    x = alpL_newbuffer(L, 1);
    x[0] = v;
    *n = 1;
    if (is_array) *is_array = 0;
  }
  return x;
}

void alpL_pushnumbers(lua_State *L, const double *x, size_t n)
{
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushnumber(L, x[i]);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
}

/* The userdata of type tname at idx ("alp.model"), or an error naming the
 * type, the method and what was given: "alp.model: ctau: self must be an
 * alp.model, got number (call it as obj:ctau(...))". */
void *alpL_checkself(lua_State *L, int idx, const char *tname)
{
  void *p = luaL_testudata(L, idx, tname);
  if (p == NULL) {
    lua_Debug ar;
    const char *fn = NULL;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "n", &ar)) fn = ar.name;
    if (fn == NULL) /* called through pcall etc.: the method name is unknown */
      luaL_error(L, "%s: argument %d must be an %s, got %s (call methods as obj:name(...))",
                 tname, idx, tname, luaL_typename(L, idx));
    if (idx == 1)
      luaL_error(L, "%s: %s: self must be an %s, got %s (call it as obj:%s(...))", tname, fn,
                 tname, luaL_typename(L, idx), fn);
    luaL_error(L, "%s: %s: argument %d must be an %s, got %s", tname, fn, idx, tname,
               luaL_typename(L, idx));
  }
  return p;
}
