/* l_interp.c -- alp.interp: tabulated curves (physics/interp.h) and the
 * numeric core of published limits (physics/limit.h).
 *
 *   alp.interp.curve(x, y [, {x = "linear"|"log", y = "linear"|"log",
 *                    method = "linear"|"steffen"|"nearest"}]) -> alp.curve
 *   c:at(x) -> y, or nil where the curve has no value; c:range() -> xmin, xmax
 *   alp.interp._limit_curves{t =, x = {{...}}, y = {{...}}, along = "log",
 *                    value = "log", method =, family = "log",
 *                    scale_along = false, t_low = {rule [, ref]}, t_high =,
 *                    u_low =, u_high =}   -> alp.limit_table
 *   alp.interp._limit_bins{u_lo =, u_hi =, t_lo =, t_hi =, v =} -> alp.limit_table
 *   lt:at(u, t) -> limit, or math.huge where there is none
 *   lt:range() -> u_min, u_max, t_min, t_max
 * The _limit_* constructors are the back end of scripts/alpcast/limit.lua
 * (which converts units and checks the tables first); their errors still
 * name the field. */
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "lalp.h"
#include "interp.h"
#include "limit.h"

#define CURVE_MT "alp.curve"
#define LIMIT_MT "alp.limit_table"

typedef struct { alp_curve *c; } curve_box;
typedef struct { alp_limit *l; } limit_box;

static const char *const SCALES[] = { "linear", "log", NULL };
static const char *const METHODS[] = { "linear", "steffen", "nearest", NULL };
static const char *const RULES[] = { "none", "hold", "acceptance", "inverse", NULL };

/* The array field `key` of the table at idx (or the value at idx itself when
 * key is NULL) as doubles; nan allowed only if allow_nan.  Buffer on the
 * stack (GC-owned). */
static double *read_array(lua_State *L, int idx, const char *fname, const char *what,
                          int allow_nan, size_t *n)
{
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx))
    luaL_error(L, "%s: %s must be an array of numbers, got %s", fname, what, luaL_typename(L, idx));
  size_t len = lua_rawlen(L, idx);
  if (len == 0) luaL_error(L, "%s: %s must not be empty", fname, what);
  double *x = alpL_newbuffer(L, len);
  for (size_t i = 0; i < len; i++) {
    lua_rawgeti(L, idx, (lua_Integer)i + 1);
    int ok;
    double v = lua_tonumberx(L, -1, &ok);
    if (!ok || (isnan(v) && !allow_nan)) {
      char buf[64];
      luaL_error(L, "%s: %s[%d] must be a number%s, got %s", fname, what, (int)i + 1,
                 allow_nan ? "" : " (not nan)", alpL_got_text(L, -1, buf, sizeof buf));
    }
    x[i] = v;
    lua_pop(L, 1);
  }
  *n = len;
  return x;
}

static const char *curve_error(int status)
{
  return status == GSL_ENOMEM ? "out of memory"
    : "knots must be finite and strictly increasing, values finite or nan, and > 0 on a log scale";
}

/* ---- alp.curve ----------------------------------------------------------- */

static int l_curve(lua_State *L)
{
  static const char *const fname = "alp.interp.curve";
  static const char *const keys[] = { "x", "y", "method", NULL };
  size_t nx, ny;
  lua_settop(L, 3); /* read_array pushes scratch buffers above the arguments */
  double *x = read_array(L, 1, fname, "x", 0, &nx);
  double *y = read_array(L, 2, fname, "y", 1, &ny);
  if (nx != ny) return luaL_error(L, "%s: x and y must have the same length, got %d and %d",
                                  fname, (int)nx, (int)ny);
  int xs = 0, ys = 0, m = 0;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    alpL_check_keys(L, 3, fname, keys);
    xs = alpL_opt_option(L, 3, fname, "x", SCALES, 0);
    ys = alpL_opt_option(L, 3, fname, "y", SCALES, 0);
    m = alpL_opt_option(L, 3, fname, "method", METHODS, 0);
  }
  curve_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->c = NULL;
  luaL_setmetatable(L, CURVE_MT);
  alpL_clear_reason();
  int status = alp_curve_new(x, y, nx, (alp_scale)xs, (alp_scale)ys, (alp_interp_method)m, &b->c);
  if (status) return luaL_error(L, "%s: %s", fname, curve_error(status));
  return 1;
}

static alp_curve *check_curve(lua_State *L, const char *fname)
{
  curve_box *b = luaL_testudata(L, 1, CURVE_MT);
  if (!b) {
    char buf[64];
    luaL_error(L, "%s: self must be an alp.curve, got %s", fname, alpL_got_text(L, 1, buf, sizeof buf));
  }
  return b->c;
}

static int l_curve_at(lua_State *L)
{
  alp_curve *c = check_curve(L, "alp.curve:at");
  double x = luaL_checknumber(L, 2);
  double y = alp_curve_eval(c, x);
  if (isnan(y)) lua_pushnil(L); else lua_pushnumber(L, y);
  return 1;
}

static int l_curve_range(lua_State *L)
{
  alp_curve *c = check_curve(L, "alp.curve:range");
  lua_pushnumber(L, alp_curve_xmin(c));
  lua_pushnumber(L, alp_curve_xmax(c));
  return 2;
}

static int l_curve_gc(lua_State *L)
{
  curve_box *b = luaL_checkudata(L, 1, CURVE_MT);
  alp_curve_free(b->c);
  b->c = NULL;
  return 0;
}

static int l_curve_tostring(lua_State *L)
{
  alp_curve *c = check_curve(L, "alp.curve:__tostring");
  lua_pushfstring(L, "alp.curve{%d knots, %f .. %f}", (int)alp_curve_size(c),
                  alp_curve_xmin(c), alp_curve_xmax(c));
  return 1;
}

/* ---- alp.limit_table ---------------------------------------------------- */

static alp_edge read_edge(lua_State *L, int idx, const char *fname, const char *key)
{
  alp_edge e = { ALP_EDGE_NONE, 0 };
  lua_getfield(L, idx, key);
  if (!lua_isnil(L, -1)) {
    int t = lua_gettop(L);
    if (!lua_istable(L, t)) luaL_error(L, "%s: %s must be {rule [, ref]}", fname, key);
    lua_rawgeti(L, t, 1);
    const char *r = lua_tostring(L, -1);
    int k = -1;
    for (int i = 0; r && RULES[i]; i++) if (strcmp(r, RULES[i]) == 0) k = i;
    if (k < 0) luaL_error(L, "%s: %s: unknown rule '%s' (none, hold, acceptance, inverse)",
                          fname, key, r ? r : "?");
    e.rule = (alp_edge_rule)k;
    lua_rawgeti(L, t, 2);
    e.ref = lua_isnil(L, -1) ? 0 : lua_tonumber(L, -1);
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  return e;
}

static int push_limit(lua_State *L, const char *fname, limit_box *b, int status)
{
  if (status == GSL_ENOMEM) return luaL_error(L, "%s: out of memory", fname);
  if (status) return luaL_error(L, "%s: the table is not valid (%s)", fname, gsl_strerror(status));
  (void)b;
  return 1;
}

static int l_limit_curves(lua_State *L)
{
  static const char *const fname = "alp.interp._limit_curves";
  static const char *const keys[] = { "t", "x", "y", "along", "value", "method", "family",
                                      "scale_along", "t_low", "t_high", "u_low", "u_high", NULL };
  luaL_checktype(L, 1, LUA_TTABLE);
  alpL_check_keys(L, 1, fname, keys);
  size_t n;
  lua_getfield(L, 1, "t");
  double *t = read_array(L, -1, fname, "t", 0, &n);
  int xs = alpL_opt_option(L, 1, fname, "along", SCALES, 0);
  int vs = alpL_opt_option(L, 1, fname, "value", SCALES, 0);
  int m = alpL_opt_option(L, 1, fname, "method", METHODS, 0);
  int fs = alpL_opt_option(L, 1, fname, "family", SCALES, 0);
  lua_getfield(L, 1, "scale_along");
  int along = lua_toboolean(L, -1);
  lua_pop(L, 1);
  alp_limit_opts o = { (alp_scale)fs, (alp_scale)vs, along,
                       read_edge(L, 1, fname, "t_low"), read_edge(L, 1, fname, "t_high"),
                       read_edge(L, 1, fname, "u_low"), read_edge(L, 1, fname, "u_high") };
  limit_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->l = NULL;
  luaL_setmetatable(L, LIMIT_MT);
  int box = lua_gettop(L);
  lua_getfield(L, 1, "x");
  lua_getfield(L, 1, "y");
  int ix = lua_gettop(L) - 1, iy = lua_gettop(L);
  if (!lua_istable(L, ix) || !lua_istable(L, iy) || lua_rawlen(L, ix) != n || lua_rawlen(L, iy) != n)
    return luaL_error(L, "%s: x and y must be arrays of %d arrays (one per t)", fname, (int)n);
  /* read and check every array first (errors raise before anything is
   * allocated in C), keeping the buffers on the stack */
  luaL_checkstack(L, (int)(4 * n + 8), fname);
  double **xs_ = lua_newuserdatauv(L, 2 * n * sizeof *xs_, 0);
  size_t *len = lua_newuserdatauv(L, n * sizeof *len, 0);
  alp_curve **cs = lua_newuserdatauv(L, n * sizeof *cs, 0);
  for (size_t k = 0; k < n; k++) {
    size_t nx, ny;
    char what[32];
    lua_rawgeti(L, ix, (lua_Integer)k + 1);
    snprintf(what, sizeof what, "x[%d]", (int)k + 1);
    xs_[2 * k] = read_array(L, -1, fname, what, 0, &nx);
    lua_rawgeti(L, iy, (lua_Integer)k + 1);
    snprintf(what, sizeof what, "y[%d]", (int)k + 1);
    xs_[2 * k + 1] = read_array(L, -1, fname, what, 1, &ny);
    if (nx != ny)
      return luaL_error(L, "%s: x[%d] and y[%d] differ in length", fname, (int)k + 1, (int)k + 1);
    len[k] = nx;
  }
  int status = 0;
  for (size_t k = 0; k < n; k++) {
    status = alp_curve_new(xs_[2 * k], xs_[2 * k + 1], len[k], (alp_scale)xs, (alp_scale)vs,
                           (alp_interp_method)m, &cs[k]);
    if (status) {
      for (size_t j = 0; j < k; j++) alp_curve_free(cs[j]);
      return luaL_error(L, "%s: curve %d: %s", fname, (int)k + 1, curve_error(status));
    }
  }
  status = alp_limit_new(n, t, cs, &o, &b->l);
  lua_settop(L, box);
  return push_limit(L, fname, b, status);
}

static int l_limit_bins(lua_State *L)
{
  static const char *const fname = "alp.interp._limit_bins";
  static const char *const keys[] = { "u_lo", "u_hi", "t_lo", "t_hi", "v", NULL };
  luaL_checktype(L, 1, LUA_TTABLE);
  alpL_check_keys(L, 1, fname, keys);
  double *a[5];
  size_t n[5];
  for (int i = 0; i < 5; i++) {
    lua_getfield(L, 1, keys[i]);
    a[i] = read_array(L, -1, fname, keys[i], 0, &n[i]);
    if (n[i] != n[0]) return luaL_error(L, "%s: %s has %d entries, u_lo %d", fname, keys[i],
                                        (int)n[i], (int)n[0]);
  }
  limit_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->l = NULL;
  luaL_setmetatable(L, LIMIT_MT);
  int status = alp_limit_bins_new(n[0], a[0], a[1], a[2], a[3], a[4], &b->l);
  if (status == GSL_EINVAL)
    return luaL_error(L, "%s: bins must have lo < hi, finite edges, numeric values and must not overlap", fname);
  return push_limit(L, fname, b, status);
}

static alp_limit *check_limit(lua_State *L, const char *fname)
{
  limit_box *b = luaL_testudata(L, 1, LIMIT_MT);
  if (!b) {
    char buf[64];
    luaL_error(L, "%s: self must be an alp.limit_table, got %s", fname, alpL_got_text(L, 1, buf, sizeof buf));
  }
  return b->l;
}

static int l_limit_at(lua_State *L)
{
  alp_limit *l = check_limit(L, "alp.limit_table:at");
  double u = luaL_checknumber(L, 2), t = luaL_optnumber(L, 3, 0);
  double v = alp_limit_eval(l, u, t);
  lua_pushnumber(L, isnan(v) ? HUGE_VAL : v);
  return 1;
}

static int l_limit_range(lua_State *L)
{
  alp_limit *l = check_limit(L, "alp.limit_table:range");
  double r[4];
  alp_limit_range(l, &r[0], &r[1], &r[2], &r[3]);
  for (int i = 0; i < 4; i++) lua_pushnumber(L, r[i]);
  return 4;
}

static int l_limit_gc(lua_State *L)
{
  limit_box *b = luaL_checkudata(L, 1, LIMIT_MT);
  alp_limit_free(b->l);
  b->l = NULL;
  return 0;
}

static int l_limit_tostring(lua_State *L)
{
  alp_limit *l = check_limit(L, "alp.limit_table:__tostring");
  size_t k = alp_limit_ncurves(l);
  if (k) lua_pushfstring(L, "alp.limit_table{%d curves}", (int)k);
  else lua_pushliteral(L, "alp.limit_table{bins}");
  return 1;
}

static const luaL_Reg curve_methods[] = {
  { "at", l_curve_at }, { "range", l_curve_range }, { NULL, NULL } };
static const luaL_Reg limit_methods[] = {
  { "at", l_limit_at }, { "range", l_limit_range }, { NULL, NULL } };
static const luaL_Reg funcs[] = {
  { "curve", l_curve },
  { "_limit_curves", l_limit_curves },
  { "_limit_bins", l_limit_bins },
  { NULL, NULL } };

static void new_type(lua_State *L, const char *name, const luaL_Reg *methods,
                     lua_CFunction gc, lua_CFunction tostring)
{
  luaL_newmetatable(L, name);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
}

int luaopen_alp_interp(lua_State *L)
{
  new_type(L, CURVE_MT, curve_methods, l_curve_gc, l_curve_tostring);
  new_type(L, LIMIT_MT, limit_methods, l_limit_gc, l_limit_tostring);
  luaL_newlib(L, funcs);
  return 1;
}
