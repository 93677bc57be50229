/* l_detector.c -- Lua bindings of alp.detector: volumes, detectors, decay
 * probabilities (physics/detector.h, physics/acceptance.h).
 *
 * Userdata types (immutable after construction):
 *   "alp.detector"         box {alp_detector *d}: a name and named volumes;
 *   "alp.detector.volume"  box {alp_volume *v}: a region of space
 *                          (primitives and their unions / intersections /
 *                          differences);
 *   "alp.detector.paths"   box {alp_paths *p}: the path table of one
 *                          (sample, volume, side), for repeated decay_prob.
 * The volume and path types are named under alp.detector so that their help
 * lives in help/detector.lua.
 * Each box owns its C object (__gc frees it); none refers to another Lua
 * object (volumes are copied when combined or put in a detector; a path
 * table copies what it needs from the sample).
 *
 * Lengths in metres, angles in degrees, c tau in metres.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <omp.h>
#include "acceptance.h"
#include "detector.h"
#include <gsl/gsl_math.h>
#include "errors.h"
#include "experiment.h"
#include "lalp.h"
#include "sample.h"

#define DET_MT "alp.detector"
#define VOL_MT "alp.detector.volume"
#define PATHS_MT "alp.detector.paths"

typedef struct { alp_detector *d; } det_box;
typedef struct { alp_volume *v; } vol_box;
typedef struct { alp_paths *p; } paths_box;

/* ---- helpers ---------------------------------------------------------------- */

/* luaL_error with a message formatted by snprintf (lua_pushfstring knows
 * neither %g nor field widths). */
static int errorf(lua_State *L, const char *fname, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

static int errorf(lua_State *L, const char *fname, const char *fmt, ...)
{
  char msg[320];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return luaL_error(L, "%s: %s", fname, msg);
}

/* Options table at idx (may be none/nil): {threads = 1..256}. */
static void read_mc_opts(lua_State *L, int idx, const char *fname,
                         alp_mc_opts *o)
{
  static const char *const keys[] = { "threads", NULL };
  memset(o, 0, sizeof *o);
  o->cancel = alpL_cancel_flag();
  if (!lua_isnoneornil(L, idx)) alpL_check_keys(L, idx, fname, keys);
  o->threads = alpL_threads(L, idx, fname);
}

/* opts[key] as a length in metres: a number, not NaN; +-inf only when
 * allow_inf; nil gives def. */
static double opt_len(lua_State *L, int idx, const char *fname,
                      const char *key, double def, int allow_inf)
{
  double x;
  int isnum = 0;
  char g[64];
  lua_getfield(L, idx, key);
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return def; }
  x = lua_tonumberx(L, -1, &isnum);
  if (lua_type(L, -1) != LUA_TNUMBER || !isnum || isnan(x) ||
      (!allow_inf && !isfinite(x)))
    errorf(L, fname, "%s must be a %snumber (m), got %s", key,
           allow_inf ? "" : "finite ", alpL_got_text(L, -1, g, sizeof g));
  lua_pop(L, 1);
  return x;
}

/* opts[key] as a table of k finite numbers (def if nil). */
static void opt_point(lua_State *L, int idx, const char *fname,
                      const char *key, int k, double *x)
{
  lua_getfield(L, idx, key);
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return; }
  if (!lua_istable(L, -1) || lua_rawlen(L, -1) != (lua_Unsigned)k)
    errorf(L, fname, "%s must be a table of %d numbers (m)", key, k);
  for (int i = 0; i < k; i++) {
    int isnum = 0;
    lua_rawgeti(L, -1, i + 1);
    x[i] = lua_tonumberx(L, -1, &isnum);
    if (!isnum || !isfinite(x[i]))
      errorf(L, fname, "%s[%d] must be a finite number (m)", key, i + 1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Positional {x, y, z} at arg. */
static void check_vec3(lua_State *L, int arg, const char *fname,
                       const char *name, double v[3])
{
  if (!lua_istable(L, arg) || lua_rawlen(L, arg) != 3)
    errorf(L, fname, "%s must be a table {x, y, z} of 3 numbers", name);
  for (int i = 0; i < 3; i++) {
    int isnum = 0;
    lua_rawgeti(L, arg, i + 1);
    v[i] = lua_tonumberx(L, -1, &isnum);
    if (!isnum || !isfinite(v[i]))
      errorf(L, fname, "%s[%d] must be a finite number", name, i + 1);
    lua_pop(L, 1);
  }
}

static alp_volume *check_volume(lua_State *L, int i)
{
  vol_box *b = luaL_checkudata(L, i, VOL_MT);
  if (!b->v) luaL_error(L, "attempt to use an empty alp.detector.volume");
  return b->v;
}

static alp_detector *check_detector(lua_State *L, int i)
{
  det_box *b = luaL_checkudata(L, i, DET_MT);
  if (!b->d) luaL_error(L, "attempt to use an empty alp.detector");
  return b->d;
}

static alp_sample *check_sample(lua_State *L, int i, const char *fname)
{
  alp_sample *s = alpL_testsample(L, i, fname);
  if (!s) luaL_typeerror(L, i, "alp.sample");
  return s;
}

/* A closed box for a new volume (the constructor fills b->v next), and a
 * clean GSL reason for the physics call that follows. */
static vol_box *new_vol(lua_State *L)
{
  vol_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  alpL_clear_reason();
  b->v = NULL;
  luaL_setmetatable(L, VOL_MT);
  return b;
}

static det_box *new_det(lua_State *L)
{
  det_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->d = NULL;
  luaL_setmetatable(L, DET_MT);
  return b;
}

/* ctau at arg: a number or a non-empty array of numbers >= 0 (math.huge
 * allowed: stable).  Returns a GC-owned buffer left on the stack. */
static double *check_ctau(lua_State *L, int arg, const char *fname, size_t *n,
                          int *is_array)
{
  double *x;
  char g[64];
  arg = lua_absindex(L, arg);
  if (lua_type(L, arg) == LUA_TTABLE) {
    size_t len = (size_t)lua_rawlen(L, arg);
    if (len == 0) errorf(L, fname, "ctau must be a number or a non-empty array");
    x = alpL_newbuffer(L, len);
    for (size_t i = 0; i < len; i++) {
      int isnum = 0;
      lua_rawgeti(L, arg, (lua_Integer)(i + 1));
      x[i] = lua_tonumberx(L, -1, &isnum);
      if (lua_type(L, -1) != LUA_TNUMBER || !isnum || !(x[i] >= 0.0))
        errorf(L, fname, "ctau[%d] must be a number >= 0 (m; math.huge = "
               "stable), got %s", (int)(i + 1), alpL_got_text(L, -1, g, sizeof g));
      lua_pop(L, 1);
    }
    *n = len;
    *is_array = 1;
  } else {
    int isnum = 0;
    double v = lua_tonumberx(L, arg, &isnum);
    if (lua_type(L, arg) != LUA_TNUMBER || !isnum || !(v >= 0.0))
      errorf(L, fname, "ctau must be a number >= 0 (m; math.huge = stable) or "
             "an array of them, got %s", alpL_got_text(L, arg, g, sizeof g));
    x = alpL_newbuffer(L, 1);
    x[0] = v;
    *n = 1;
    *is_array = 0;
  }
  return x;
}

static alp_side check_side(lua_State *L, int arg, const char *fname)
{
  const char *s = lua_type(L, arg) == LUA_TSTRING ? lua_tostring(L, arg) : NULL;
  if (s && strcmp(s, "inside") == 0) return ALP_INSIDE;
  if (s && strcmp(s, "outside") == 0) return ALP_OUTSIDE;
  char g[64];
  errorf(L, fname, "which must be \"inside\" or \"outside\", got %s",
         alpL_got_text(L, arg, g, sizeof g));
  return ALP_INSIDE;
}

/* Push prob, err (numbers, or arrays when the c tau were an array). */
static int push_probs(lua_State *L, const char *fname, const double *p,
                      const double *e, size_t n, int is_array)
{
  for (size_t i = 0; i < n; i++) {
    alpL_checkfinite(L, fname, "probability", p[i]);
    alpL_checkfinite(L, fname, "error", e[i]);
  }
  if (is_array) {
    alpL_pushnumbers(L, p, n);
    alpL_pushnumbers(L, e, n);
  } else {
    lua_pushnumber(L, p[0]);
    lua_pushnumber(L, e[0]);
  }
  return 2;
}

/* ---- volume constructors ------------------------------------------------------ */

/* The box made by new_vol is on the stack; status is the constructor's. */
static int finish_volume(lua_State *L, const char *fname, int status)
{
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

static int l_detector_cylinder(lua_State *L)
{
  static const char *const fname = "alp.detector.cylinder";
  static const char *const keys[] = { "rmin", "rmax", "zmin", "zmax", "axis",
                                      "center", NULL };
  static const char *const axes[] = { "x", "y", "z", NULL };
  double rmin, rmax, zmin, zmax, c[2] = { 0, 0 };
  int axis;
  vol_box *b;
  alpL_check_keys(L, 1, fname, keys);
  rmin = opt_len(L, 1, fname, "rmin", 0.0, 0);
  lua_getfield(L, 1, "rmax");
  if (lua_isnil(L, -1))
    errorf(L, fname, "option rmax is required (outer radius, m)");
  lua_pop(L, 1);
  rmax = opt_len(L, 1, fname, "rmax", 0.0, 1);
  zmin = opt_len(L, 1, fname, "zmin", -INFINITY, 1);
  zmax = opt_len(L, 1, fname, "zmax", INFINITY, 1);
  axis = alpL_opt_option(L, 1, fname, "axis", axes, 2);
  opt_point(L, 1, fname, "center", 2, c);
  if (rmin < 0.0) errorf(L, fname, "rmin must be >= 0 (m), got %g", rmin);
  if (!(rmax > rmin))
    errorf(L, fname, "rmax must be > rmin (empty or inverted volume), got "
           "rmin = %g, rmax = %g m", rmin, rmax);
  if (!(zmax > zmin))
    errorf(L, fname, "zmax must be > zmin (empty or inverted volume), got "
           "zmin = %g, zmax = %g m", zmin, zmax);
  b = new_vol(L);
  return finish_volume(L, fname, alp_volume_tube(rmin, rmax, zmin, zmax, axis, c[0], c[1],
                                       &b->v));
}

static int l_detector_sphere(lua_State *L)
{
  static const char *const fname = "alp.detector.sphere";
  static const char *const keys[] = { "rmin", "rmax", "center", NULL };
  double rmin, rmax, c[3] = { 0, 0, 0 };
  vol_box *b;
  alpL_check_keys(L, 1, fname, keys);
  rmin = opt_len(L, 1, fname, "rmin", 0.0, 0);
  lua_getfield(L, 1, "rmax");
  if (lua_isnil(L, -1)) errorf(L, fname, "option rmax is required (radius, m)");
  lua_pop(L, 1);
  rmax = opt_len(L, 1, fname, "rmax", 0.0, 1);
  opt_point(L, 1, fname, "center", 3, c);
  if (rmin < 0.0) errorf(L, fname, "rmin must be >= 0 (m), got %g", rmin);
  if (!(rmax > rmin))
    errorf(L, fname, "rmax must be > rmin (empty or inverted volume), got "
           "rmin = %g, rmax = %g m", rmin, rmax);
  b = new_vol(L);
  return finish_volume(L, fname, alp_volume_sphere(rmin, rmax, c, &b->v));
}

static int l_detector_box(lua_State *L)
{
  static const char *const fname = "alp.detector.box";
  static const char *const keys[] = { "xmin", "xmax", "ymin", "ymax", "zmin",
                                      "zmax", NULL };
  double lo[3], hi[3];
  vol_box *b;
  alpL_check_keys(L, 1, fname, keys);
  for (int i = 0; i < 3; i++) {
    lo[i] = opt_len(L, 1, fname, keys[2 * i], -INFINITY, 1);
    hi[i] = opt_len(L, 1, fname, keys[2 * i + 1], INFINITY, 1);
    if (!(hi[i] > lo[i]))
      errorf(L, fname, "%s must be > %s (empty or inverted volume), got %g, %g m",
             keys[2 * i + 1], keys[2 * i], lo[i], hi[i]);
  }
  b = new_vol(L);
  return finish_volume(L, fname, alp_volume_box(lo, hi, &b->v));
}

static int l_detector_polar(lua_State *L)
{
  static const char *const fname = "alp.detector.polar";
  static const char *const keys[] = { "theta_min", "theta_max", NULL };
  double t0, t1;
  vol_box *b;
  alpL_check_keys(L, 1, fname, keys);
  t0 = alpL_opt_number(L, 1, fname, "theta_min", 0.0, 180.0, 0.0, "deg");
  t1 = alpL_opt_number(L, 1, fname, "theta_max", 0.0, 180.0, 180.0, "deg");
  if (!(t1 > t0))
    errorf(L, fname, "theta_max must be > theta_min (empty or inverted "
           "volume), got theta_min = %g, theta_max = %g deg", t0, t1);
  b = new_vol(L);
  return finish_volume(L, fname, alp_volume_polar(t0 * M_PI / 180.0, t1 * M_PI / 180.0,
                                        &b->v));
}

/* fold op over the volumes at args first..last into a new volume */
static int combine(lua_State *L, const char *fname, alp_csg_op op, int first,
                   int last)
{
  vol_box *b;
  int status;
  if (last - first < 1)
    errorf(L, fname, "needs at least two alp.detector.volume arguments");
  for (int i = first; i <= last; i++) check_volume(L, i);
  b = new_vol(L);
  status = alp_volume_copy(check_volume(L, first), &b->v);
  for (int i = first + 1; !status && i <= last; i++) {
    alp_volume *r = NULL;
    status = alp_volume_combine(op, b->v, check_volume(L, i), &r);
    if (!status) {
      alp_volume_free(b->v);
      b->v = r;
    }
  }
  if (status == ALP_EGEOMETRY)
    errorf(L, fname, "the result would have more than %d nodes",
           ALP_VOLUME_MAXNODES);
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

static int l_detector_union(lua_State *L)
{
  return combine(L, "alp.detector.union", ALP_CSG_UNION, 1, lua_gettop(L));
}

static int l_detector_intersection(lua_State *L)
{
  return combine(L, "alp.detector.intersection", ALP_CSG_INTERSECTION, 1,
                 lua_gettop(L));
}

static int l_detector_difference(lua_State *L)
{
  if (lua_gettop(L) != 2)
    errorf(L, "alp.detector.difference", "takes exactly two alp.detector.volume "
           "arguments (a, b): the part of a outside b");
  return combine(L, "alp.detector.difference", ALP_CSG_DIFFERENCE, 1, 2);
}

static int l_volume_add(lua_State *L)
{
  lua_settop(L, 2);
  return combine(L, "alp.detector.volume + (union)", ALP_CSG_UNION, 1, 2);
}

static int l_volume_sub(lua_State *L)
{
  lua_settop(L, 2);
  return combine(L, "alp.detector.volume - (difference)", ALP_CSG_DIFFERENCE, 1, 2);
}

static int l_volume_mul(lua_State *L)
{
  lua_settop(L, 2);
  return combine(L, "alp.detector.volume * (intersection)", ALP_CSG_INTERSECTION, 1, 2);
}

/* ---- detectors --------------------------------------------------------------- */

/* alp.detector.<experiment>(): the built-in detector of an entry of the
 * experiment table (upvalue 1: the entry, a light userdata). */
static int l_detector_builtin(lua_State *L)
{
  const alp_experiment *e = lua_touserdata(L, lua_upvalueindex(1));
  det_box *b = new_det(L);
  int status = e->detector(&b->d);
  if (status) {
    char fname[96];
    snprintf(fname, sizeof fname, "alp.detector.%s", e->name);
    return alpL_status_error(L, fname, status);
  }
  return 1;
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* alp.detector.new(name, {vname = volume, ...}): volumes in name order. */
static int l_detector_new(lua_State *L)
{
  static const char *const fname = "alp.detector.new";
  const char *name = luaL_checkstring(L, 1);
  const char **names;
  size_t nv = 0, k = 0;
  det_box *b;
  int status;
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    if (lua_type(L, -2) != LUA_TSTRING)
      errorf(L, fname, "volumes must be keyed by name (strings)");
    check_volume(L, -1);
    lua_pop(L, 1);
    nv++;
  }
  if (nv == 0) errorf(L, fname, "needs at least one named alp.detector.volume");
  names = lua_newuserdatauv(L, nv * sizeof *names, 0); /* GC-owned */
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    lua_pop(L, 1);
    names[k++] = lua_tostring(L, -1); /* anchored by the table */
  }
  qsort(names, nv, sizeof *names, cmp_str);
  b = new_det(L);
  status = alp_detector_new(name, &b->d);
  for (size_t i = 0; !status && i < nv; i++) {
    lua_getfield(L, 2, names[i]);
    status = alp_detector_add(b->d, names[i], check_volume(L, -1));
    lua_pop(L, 1);
  }
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

static int l_det_volume(lua_State *L)
{
  alp_detector *d = check_detector(L, 1);
  const char *name = luaL_checkstring(L, 2);
  const alp_volume *v = alp_detector_volume(d, name);
  vol_box *b;
  int status;
  if (!v) {
    luaL_Buffer lb;
    luaL_buffinit(L, &lb);
    for (size_t i = 0; i < alp_detector_count(d); i++) {
      if (i) luaL_addstring(&lb, ", ");
      luaL_addstring(&lb, alp_detector_volume_name(d, i));
    }
    luaL_pushresult(&lb);
    return luaL_error(L, "alp.detector:volume: %s has no volume '%s' (it has: %s)",
                      alp_detector_name(d), name, lua_tostring(L, -1));
  }
  b = new_vol(L);
  status = alp_volume_copy(v, &b->v);
  if (status) return alpL_status_error(L, "alp.detector:volume", status);
  return 1;
}

static int l_det_volumes(lua_State *L)
{
  alp_detector *d = check_detector(L, 1);
  lua_createtable(L, (int)alp_detector_count(d), 0);
  for (size_t i = 0; i < alp_detector_count(d); i++) {
    lua_pushstring(L, alp_detector_volume_name(d, i));
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  return 1;
}

static int l_det_name(lua_State *L)
{
  lua_pushstring(L, alp_detector_name(check_detector(L, 1)));
  return 1;
}

/* shared body of volume:decay_prob and detector:decay_prob */
static int decay_prob(lua_State *L, const char *fname, const alp_volume *v)
{
  alp_sample *s;
  size_t n;
  int is_array, status;
  double *ct, *p, *e;
  alp_side side;
  alp_mc_opts o;
  lua_settop(L, 5); /* self, sample, ctau, which, opts */
  s = check_sample(L, 2, fname);
  ct = check_ctau(L, 3, fname, &n, &is_array);
  side = check_side(L, 4, fname);
  read_mc_opts(L, 5, fname, &o);
  p = alpL_newbuffer(L, n);
  e = alpL_newbuffer(L, n);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_decay_prob(v, s, side, ct, n, &o, p, e);
  if (status) return alpL_status_error(L, fname, status);
  return push_probs(L, fname, p, e, n, is_array);
}

static int l_det_decay_prob(lua_State *L)
{
  static const char *const fname = "alp.detector:decay_prob";
  alp_detector *d = check_detector(L, 1);
  if (alp_detector_count(d) != 1)
    return luaL_error(L, "%s: %s has %d volumes: choose one with "
                      "det:volume(name), see det:volumes()", fname,
                      alp_detector_name(d), (int)alp_detector_count(d));
  return decay_prob(L, fname, alp_detector_volume_at(d, 0));
}

static int l_det_gc(lua_State *L)
{
  det_box *b = luaL_checkudata(L, 1, DET_MT);
  alp_detector_free(b->d);
  b->d = NULL;
  return 0;
}

static int l_det_tostring(lua_State *L)
{
  det_box *b = luaL_checkudata(L, 1, DET_MT);
  luaL_Buffer lb;
  if (!b->d) { lua_pushliteral(L, "alp.detector (empty)"); return 1; }
  luaL_buffinit(L, &lb);
  luaL_addstring(&lb, "alp.detector ");
  luaL_addstring(&lb, alp_detector_name(b->d));
  luaL_addstring(&lb, " {");
  for (size_t i = 0; i < alp_detector_count(b->d); i++) {
    if (i) luaL_addstring(&lb, ", ");
    luaL_addstring(&lb, alp_detector_volume_name(b->d, i));
  }
  luaL_addstring(&lb, "}");
  luaL_pushresult(&lb);
  return 1;
}

/* ---- volume methods ------------------------------------------------------------ */

static int l_vol_decay_prob(lua_State *L)
{
  return decay_prob(L, "alp.detector.volume:decay_prob", check_volume(L, 1));
}

static int l_vol_paths(lua_State *L)
{
  static const char *const fname = "alp.detector.volume:paths";
  alp_volume *v = (lua_settop(L, 4), check_volume(L, 1));
  alp_sample *s = check_sample(L, 2, fname);
  alp_side side = check_side(L, 3, fname);
  alp_mc_opts o;
  paths_box *b;
  int status;
  read_mc_opts(L, 4, fname, &o);
  b = lua_newuserdatauv(L, sizeof *b, 0);
  b->p = NULL;
  luaL_setmetatable(L, PATHS_MT);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_paths_new(v, s, side, &o, &b->p);
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

static int l_vol_contains(lua_State *L)
{
  alp_volume *v = check_volume(L, 1);
  double x[3];
  check_vec3(L, 2, "alp.detector.volume:contains", "point", x);
  lua_pushboolean(L, alp_volume_contains(v, x));
  return 1;
}

static int l_vol_intervals(lua_State *L)
{
  static const char *const fname = "alp.detector.volume:intervals";
  alp_volume *v = check_volume(L, 1);
  double p[3], u[3], a[ALP_VOLUME_MAXSEG], b[ALP_VOLUME_MAXSEG], norm;
  size_t n;
  int status;
  check_vec3(L, 2, fname, "point", p);
  check_vec3(L, 3, fname, "direction", u);
  norm = sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
  if (!(norm > 0.0)) errorf(L, fname, "direction must not be zero");
  for (int i = 0; i < 3; i++) u[i] /= norm;
  status = alp_volume_intervals(v, p, u, a, b, ALP_VOLUME_MAXSEG, &n);
  if (status) return alpL_status_error(L, fname, status);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 2, 0);
    lua_pushnumber(L, a[i]);
    lua_rawseti(L, -2, 1);
    lua_pushnumber(L, b[i]);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  return 1;
}

static int l_vol_gc(lua_State *L)
{
  vol_box *b = luaL_checkudata(L, 1, VOL_MT);
  alp_volume_free(b->v);
  b->v = NULL;
  return 0;
}

static int l_vol_tostring(lua_State *L)
{
  vol_box *b = luaL_checkudata(L, 1, VOL_MT);
  char buf[512];
  int k;
  if (!b->v) { lua_pushliteral(L, "alp.detector.volume (empty)"); return 1; }
  k = alp_volume_describe(b->v, buf, sizeof buf);
  lua_pushfstring(L, "alp.detector.volume %s%s", buf, k >= (int)sizeof buf ? "..." : "");
  return 1;
}

/* ---- path tables ----------------------------------------------------------------- */

static alp_paths *check_paths(lua_State *L, int i)
{
  paths_box *b = luaL_checkudata(L, i, PATHS_MT);
  if (!b->p) luaL_error(L, "attempt to use an empty alp.detector.paths");
  return b->p;
}

static int l_paths_decay_prob(lua_State *L)
{
  static const char *const fname = "alp.detector.paths:decay_prob";
  alp_paths *pt;
  size_t n;
  int is_array, status;
  double *ct, *p, *e;
  alp_mc_opts o;
  lua_settop(L, 3); /* self, ctau, opts */
  pt = check_paths(L, 1);
  ct = check_ctau(L, 2, fname, &n, &is_array);
  read_mc_opts(L, 3, fname, &o);
  p = alpL_newbuffer(L, n);
  e = alpL_newbuffer(L, n);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_paths_decay_prob(pt, ct, n, &o, p, e);
  if (status) return alpL_status_error(L, fname, status);
  return push_probs(L, fname, p, e, n, is_array);
}

/* Thread CPU time [s] (unaffected by other processes on the machine). */
static double thread_cpu(void)
{
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* pt:_bench(ctau_array, reps) -> kernel_s, floor_s, nexp: thread CPU seconds
 * per call of decay_prob (1 thread) and of the plain vector-exp floor over
 * the same table (alp_paths_exp_floor), and the exps of one floor call
 * (make bench; not a physics result). */
static int l_paths_bench(lua_State *L)
{
  static const char *const fname = "alp.detector.paths:_bench";
  alp_paths *pt = check_paths(L, 1);
  size_t n, nexp = 0;
  int is_array, status = 0;
  double *ct = check_ctau(L, 2, fname, &n, &is_array), *p, *e, t0, tk, tf;
  double sink = 0.0;
  lua_Integer reps = luaL_checkinteger(L, 3);
  alp_mc_opts o = { 0, 1, NULL };
  for (size_t i = 0; i < n; i++)
    if (!(ct[i] > 0.0 && ct[i] < INFINITY))
      return luaL_error(L, "%s: ctau must be in (0, inf) m", fname);
  if (reps < 1 || reps > 1000) return luaL_error(L, "%s: reps must be in [1, 1000]", fname);
  p = alpL_newbuffer(L, n);
  e = alpL_newbuffer(L, n);
  t0 = thread_cpu();
  for (lua_Integer r = 0; r < reps && !status; r++)
    status = alp_paths_decay_prob(pt, ct, n, &o, p, e);
  tk = (thread_cpu() - t0) / (double)reps;
  if (status) return alpL_status_error(L, fname, status);
  t0 = thread_cpu();
  for (lua_Integer r = 0; r < reps; r++) sink += alp_paths_exp_floor(pt, ct, n, &nexp);
  tf = (thread_cpu() - t0) / (double)reps;
  lua_pushnumber(L, tk);
  (void)sink;
  lua_pushnumber(L, tf);
  lua_pushinteger(L, (lua_Integer)nexp);
  return 3;
}

static int l_paths_len(lua_State *L)
{
  lua_pushinteger(L, (lua_Integer)alp_paths_events(check_paths(L, 1)));
  return 1;
}

static int l_paths_gc(lua_State *L)
{
  paths_box *b = luaL_checkudata(L, 1, PATHS_MT);
  alp_paths_free(b->p);
  b->p = NULL;
  return 0;
}

static int l_paths_tostring(lua_State *L)
{
  paths_box *b = luaL_checkudata(L, 1, PATHS_MT);
  if (!b->p) lua_pushliteral(L, "alp.detector.paths (empty)");
  else
    lua_pushfstring(L, "alp.detector.paths{n=%I, side=%s}",
                    (lua_Integer)alp_paths_events(b->p),
                    alp_paths_side(b->p) == ALP_INSIDE ? "inside" : "outside");
  return 1;
}

/* ---- registration -------------------------------------------------------------- */

static const luaL_Reg detector_funcs[] = {
  { "new", l_detector_new },
  { "cylinder", l_detector_cylinder },
  { "sphere", l_detector_sphere },
  { "box", l_detector_box },
  { "polar", l_detector_polar },
  { "union", l_detector_union },
  { "intersection", l_detector_intersection },
  { "difference", l_detector_difference },
  { NULL, NULL }
};

static const luaL_Reg det_methods[] = {
  { "volume", l_det_volume },
  { "volumes", l_det_volumes },
  { "name", l_det_name },
  { "decay_prob", l_det_decay_prob },
  { NULL, NULL }
};

static const luaL_Reg det_meta[] = {
  { "__gc", l_det_gc },
  { "__tostring", l_det_tostring },
  { NULL, NULL }
};

static const luaL_Reg vol_methods[] = {
  { "decay_prob", l_vol_decay_prob },
  { "paths", l_vol_paths },
  { "contains", l_vol_contains },
  { "intervals", l_vol_intervals },
  { NULL, NULL }
};

static const luaL_Reg vol_meta[] = {
  { "__gc", l_vol_gc },
  { "__tostring", l_vol_tostring },
  { "__add", l_volume_add },
  { "__sub", l_volume_sub },
  { "__mul", l_volume_mul },
  { NULL, NULL }
};

static const luaL_Reg paths_methods[] = {
  { "decay_prob", l_paths_decay_prob },
  { "_bench", l_paths_bench },
  { "len", l_paths_len },
  { NULL, NULL }
};

static const luaL_Reg paths_meta[] = {
  { "__gc", l_paths_gc },
  { "__close", l_paths_gc }, /* `local pt <close> = vol:paths(...)`: freed at once */
  { "__len", l_paths_len },
  { "__tostring", l_paths_tostring },
  { NULL, NULL }
};

static void new_type(lua_State *L, const char *name, const luaL_Reg *meta,
                     const luaL_Reg *methods)
{
  luaL_newmetatable(L, name);
  luaL_setfuncs(L, meta, 0);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

int luaopen_alp_detector(lua_State *L)
{
  new_type(L, DET_MT, det_meta, det_methods);
  new_type(L, VOL_MT, vol_meta, vol_methods);
  new_type(L, PATHS_MT, paths_meta, paths_methods);
  luaL_newlib(L, detector_funcs);
  /* one constructor per experiment of the table: alp.detector.belle2, ... */
  for (size_t i = 0; i < alp_experiment_count(); i++) {
    const alp_experiment *e = alp_experiment_at(i);
    lua_pushlightuserdata(L, (void *)e);
    lua_pushcclosure(L, l_detector_builtin, 1);
    lua_setfield(L, -2, e->name);
  }
  return 1;
}
