/* l_sample.c -- Lua bindings of alp.sample: Monte Carlo event samples
 * (physics/sample.h).
 *
 *   alp.sample.b_to_ka{ma=, n=, seed=, experiment="belle2" (a name of
 *                      alp.experiment.list()), b_flight=false, threads=}
 *                                                          -> alp.sample
 *   alp.sample.from_parents{parents=, ma=, m_recoil=0, n=#parents,
 *                           vertices=, seed=, label=, threads=} -> alp.sample
 *   s:len() / #s, s:get(name), s:kaon(), s:info(), s:close(), tostring(s)
 *
 * Userdata "alp.sample" is a box {alp_sample *s} owning the C arrays;
 * __gc = __close = free-and-NULL, so `local s <close> = ...` releases the
 * arrays at once; a method on a closed sample raises an error.
 * Thread count: option `threads`, else $ALPCAST_THREADS, else all cores.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <omp.h>
#include "errors.h"
#include "experiment.h"
#include "kinematics.h"
#include "lalp.h"
#include "sample.h"
#include "quarkonium.h"

#define SAMPLE_MT "alp.sample"

typedef struct { alp_sample *s; } sample_box;

alp_sample *alpL_testsample(lua_State *L, int idx, const char *fname)
{
  sample_box *b = luaL_testudata(L, idx, SAMPLE_MT);
  if (!b) return NULL;
  if (!b->s) luaL_error(L, "%s: sample is a closed alp.sample", fname);
  return b->s;
}

static alp_sample *check_sample(lua_State *L, int i)
{
  sample_box *b = luaL_checkudata(L, i, SAMPLE_MT);
  if (!b->s) luaL_error(L, "attempt to use a closed alp.sample");
  return b->s;
}

static sample_box *new_box(lua_State *L)
{
  sample_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->s = NULL;
  luaL_setmetatable(L, SAMPLE_MT);
  return b;
}

static uint64_t opt_seed(lua_State *L, int idx, const char *fname)
{
  return (uint64_t)alpL_opt_integer(L, idx, fname, "seed", 0, LUA_MAXINTEGER, 0, 1);
}

/* ---- constructors ---------------------------------------------------------- */

static int l_sample_b_to_ka(lua_State *L)
{
  static const char *const fname = "alp.sample.b_to_ka";
  static const char *const keys[] = { "ma", "n", "seed", "experiment",
                                      "b_flight", "threads", NULL };
  const double mamax = ALP_MBP - ALP_MKP;
  alp_b_to_ka_opts o;
  sample_box *b;
  int status;
  alpL_check_keys(L, 1, fname, keys);
  memset(&o, 0, sizeof o);
  lua_getfield(L, 1, "ma");
  {
    int isnum = 0;
    double ma = lua_tonumberx(L, -1, &isnum);
    if (lua_type(L, -1) != LUA_TNUMBER || !isnum || !isfinite(ma) ||
        !(ma > 0.0) || !(ma < mamax)) {
      char msg[160], got[64];
      if (lua_type(L, -1) == LUA_TNUMBER) snprintf(got, sizeof got, "%.6g", ma);
      else snprintf(got, sizeof got, "%s", luaL_typename(L, -1));
      snprintf(msg, sizeof msg, "ma must be a finite number in (0, %.6g) GeV "
               "(B+ -> K+ a), got %s", mamax, got);
      return luaL_error(L, "%s: %s", fname, msg);
    }
    o.ma = ma;
  }
  lua_pop(L, 1);
  o.n = (size_t)alpL_opt_integer(L, 1, fname, "n", 1, ALP_SAMPLE_NMAX, 0, 1);
  o.mc.seed = opt_seed(L, 1, fname);
  lua_getfield(L, 1, "experiment");
  o.experiment = lua_isnil(L, -1) ? alp_experiment_find("belle2")
                                  : alpL_check_experiment(L, -1, fname, "experiment");
  if (o.experiment->generator != ALP_GEN_Y4S_B_TO_KA)
    return luaL_error(L, "%s: experiment '%s' generates %s%s%s, not B+ -> K+ a "
                      "(see alp.experiment.info('%s').generator)", fname,
                      o.experiment->name, alp_generator_text(o.experiment->generator),
                      o.experiment->parent ? ", V = " : "",
                      o.experiment->parent ? o.experiment->parent : "", o.experiment->name);
  lua_pop(L, 1);
  lua_getfield(L, 1, "b_flight");
  if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
    return luaL_error(L, "%s: b_flight must be a boolean, got %s", fname,
                      luaL_typename(L, -1));
  o.b_flight = lua_toboolean(L, -1);
  lua_pop(L, 1);
  o.mc.threads = alpL_threads(L, 1, fname);
  o.mc.cancel = alpL_cancel_flag();

  b = new_box(L);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_sample_b_to_ka(&o, &b->s);
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

/* Read array field `key` of the table at idx into buf[0..n-1] (finite). */
static void read_column(lua_State *L, int idx, const char *fname,
                        const char *what, double *buf, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    int isnum = 0;
    lua_rawgeti(L, idx, (lua_Integer)(i + 1));
    buf[i] = lua_tonumberx(L, -1, &isnum);
    if (!isnum || lua_type(L, -1) != LUA_TNUMBER || !isfinite(buf[i]))
      luaL_error(L, "%s: %s[%d] must be a finite number, got %s", fname, what,
                 (int)(i + 1), luaL_typename(L, -1));
    lua_pop(L, 1);
  }
}

/* The array of np k-tuples of finite numbers at stack index t (named `what`,
 * each element of the form `shape`) into k columns col[0..k-1]: GC-owned
 * buffers pushed on the stack. */
static void read_tuples(lua_State *L, int t, const char *fname,
                        const char *what, const char *shape, int k, size_t np,
                        double **col)
{
  for (int c = 0; c < k; c++) col[c] = alpL_newbuffer(L, np);
  for (size_t i = 0; i < np; i++) {
    lua_rawgeti(L, t, (lua_Integer)(i + 1));
    if (!lua_istable(L, -1) || lua_rawlen(L, -1) != (lua_Unsigned)k)
      luaL_error(L, "%s: %s[%d] must be %s", fname, what, (int)(i + 1), shape);
    for (int c = 0; c < k; c++) {
      int isnum = 0;
      lua_rawgeti(L, -1, c + 1);
      col[c][i] = lua_tonumberx(L, -1, &isnum);
      if (!isnum || !isfinite(col[c][i]))
        luaL_error(L, "%s: %s[%d][%d] must be a finite number", fname, what,
                   (int)(i + 1), c + 1);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

/* parents = { {E, px, py, pz}, ... }  or  { E = {...}, px = {...}, ... } */
static size_t read_parents(lua_State *L, int opts, const char *fname,
                           alp_parent_arrays *pa)
{
  static const char *const comp[4] = { "E", "px", "py", "pz" };
  double *col[4];
  size_t np;
  int t;
  lua_getfield(L, opts, "parents");
  t = lua_gettop(L);
  if (!lua_istable(L, t))
    luaL_error(L, "%s: option parents is required (an array of {E, px, py, pz} "
               "in GeV, or a table {E=, px=, py=, pz=} of arrays)", fname);
  lua_getfield(L, t, "E");
  if (lua_istable(L, -1)) { /* columns */
    np = lua_rawlen(L, -1);
    lua_pop(L, 1);
    if (np == 0) luaL_error(L, "%s: parents.E must be a non-empty array", fname);
    for (int c = 0; c < 4; c++) {
      char what[32];
      lua_getfield(L, t, comp[c]);
      if (!lua_istable(L, -1) || lua_rawlen(L, -1) != np)
        luaL_error(L, "%s: parents.%s must be an array of %d numbers", fname,
                   comp[c], (int)np);
      col[c] = alpL_newbuffer(L, np);  /* GC-owned, kept on the stack */
      snprintf(what, sizeof what, "parents.%s", comp[c]);
      read_column(L, lua_gettop(L) - 1, fname, what, col[c], np);
      lua_remove(L, -2);
    }
  } else {
    lua_pop(L, 1);
    np = lua_rawlen(L, t);
    if (np == 0)
      luaL_error(L, "%s: parents must be a non-empty array of {E, px, py, pz}",
                 fname);
    read_tuples(L, t, fname, "parents", "{E, px, py, pz} (GeV)", 4, np, col);
  }
  pa->e = col[0]; pa->px = col[1]; pa->py = col[2]; pa->pz = col[3];
  pa->np = np;
  return np;
}

static void read_vertices(lua_State *L, int opts, const char *fname,
                          alp_parent_arrays *pa)
{
  double *col[3];
  int t;
  lua_getfield(L, opts, "vertices");
  t = lua_gettop(L);
  pa->x = pa->y = pa->z = NULL;
  if (lua_isnil(L, t)) return;
  if (!lua_istable(L, t) || lua_rawlen(L, t) != pa->np)
    luaL_error(L, "%s: vertices must be an array of %d {x, y, z} (m), one per "
               "parent", fname, (int)pa->np);
  read_tuples(L, t, fname, "vertices", "{x, y, z} (m)", 3, pa->np, col);
  pa->x = col[0]; pa->y = col[1]; pa->z = col[2];
}

static int l_sample_from_parents(lua_State *L)
{
  static const char *const fname = "alp.sample.from_parents";
  static const char *const keys[] = { "parents", "ma", "m_recoil", "n",
                                      "vertices", "seed", "label", "threads",
                                      NULL };
  alp_parents_opts o;
  alp_parent_arrays pa;
  sample_box *b;
  size_t np;
  int status;
  alpL_check_keys(L, 1, fname, keys);
  memset(&o, 0, sizeof o);
  memset(&pa, 0, sizeof pa);
  o.ma = alpL_opt_number(L, 1, fname, "ma", 1e-9, 1e4, ALPL_REQUIRED, "GeV");
  o.m_recoil = alpL_opt_number(L, 1, fname, "m_recoil", 0.0, 1e4, 0.0, "GeV");
  o.mc.seed = opt_seed(L, 1, fname);
  np = read_parents(L, 1, fname, &pa);
  read_vertices(L, 1, fname, &pa);
  o.n = (size_t)alpL_opt_integer(L, 1, fname, "n", 1, ALP_SAMPLE_NMAX,
                                 (lua_Integer)(np < ALP_SAMPLE_NMAX ? np : ALP_SAMPLE_NMAX),
                                 0);
  lua_getfield(L, 1, "label");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
    return luaL_error(L, "%s: label must be a string", fname);
  o.label = lua_isnil(L, -1) ? "parents" : lua_tostring(L, -1);  /* kept on the stack */
  o.mc.threads = alpL_threads(L, 1, fname);
  o.mc.cancel = alpL_cancel_flag();
  for (size_t i = 0; i < np; i++) {
    double P[4] = { pa.e[i], pa.px[i], pa.py[i], pa.pz[i] };
    double M = alp_kin_mass(P);
    if (!(P[0] > 0.0) || !(M > o.ma + o.m_recoil))
      return luaL_error(L, "%s: parents[%d] has invariant mass %f GeV, not above "
                        "ma + m_recoil = %f GeV", fname, (int)(i + 1), M,
                        o.ma + o.m_recoil);
  }
  b = new_box(L);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_sample_from_parents(&o, alp_parent_from_arrays, &pa, &b->s);
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

/* alp.sample.v_to_gamma_a{parent=, ma=, boost=, n_theta=1000, n_phi=16} (REF D17) */
static int l_sample_v_to_gamma_a(lua_State *L)
{
  static const char *const fname = "alp.sample.v_to_gamma_a";
  static const char *const keys[] = { "parent", "ma", "boost", "n_theta", "n_phi", NULL };
  static const char *const parents[] = { "J/psi", "Upsilon(1S)", "Upsilon(3S)", NULL };
  double mV, ma, bg;
  size_t nt, np;
  sample_box *b;
  int v, status;
  luaL_checktype(L, 1, LUA_TTABLE);
  alpL_check_keys(L, 1, fname, keys);
  v = alpL_opt_option(L, 1, fname, "parent", parents, -1);
  mV = alp_vector_mass(v);
  ma = alpL_opt_number(L, 1, fname, "ma", 1e-9, mV * (1 - 1e-12), ALPL_REQUIRED, "GeV");
  bg = alpL_opt_number(L, 1, fname, "boost", 0.0, 10.0, ALPL_REQUIRED, "");
  nt = (size_t)alpL_opt_integer(L, 1, fname, "n_theta", 1, 100000, 1000, 0);
  np = (size_t)alpL_opt_integer(L, 1, fname, "n_phi", 1, 1000, 16, 0);
  if (nt * np > ALP_SAMPLE_NMAX)
    return luaL_error(L, "%s: n_theta * n_phi must be <= %d, got %d", fname, ALP_SAMPLE_NMAX, (int)(nt * np));
  b = new_box(L);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_sample_v_to_gamma_a(mV, ma, bg, nt, np, &b->s);
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

/* ---- methods --------------------------------------------------------------- */

static int l_sample_len(lua_State *L)
{
  lua_pushinteger(L, (lua_Integer)check_sample(L, 1)->n);
  return 1;
}

static const char *const get_names[] = {
  "betagamma", "ux", "uy", "uz", "x", "y", "z",
  "kaon_e", "kaon_px", "kaon_py", "kaon_pz", "p", "theta", NULL
};

static int l_sample_get(lua_State *L)
{
  alp_sample *s = check_sample(L, 1);
  int which = luaL_checkoption(L, 2, NULL, get_names);
  const double *cols[11] = { s->bg, s->ux, s->uy, s->uz, s->x, s->y, s->z,
                             s->ke, s->kpx, s->kpy, s->kpz };
  if (which < 11) {
    alpL_pushnumbers(L, cols[which], s->n);
    return 1;
  }
  lua_createtable(L, (int)s->n, 0);
  for (size_t k = 0; k < s->n; k++) {
    /* p = m beta gamma; theta = polar angle of the direction [rad] */
    lua_pushnumber(L, which == 11 ? s->ma * s->bg[k] : acos(s->uz[k]));
    lua_rawseti(L, -2, (lua_Integer)(k + 1));
  }
  return 1;
}

static int l_sample_kaon(lua_State *L)
{
  alp_sample *s = check_sample(L, 1);
  alpL_pushnumbers(L, s->ke, s->n);
  alpL_pushnumbers(L, s->kpx, s->n);
  alpL_pushnumbers(L, s->kpy, s->n);
  alpL_pushnumbers(L, s->kpz, s->n);
  return 4;
}

static int l_sample_info(lua_State *L)
{
  alp_sample *s = check_sample(L, 1);
  double bg_min, bg_max;
  alp_sample_bg_range(s, &bg_min, &bg_max);
  lua_createtable(L, 0, 8);
  /* the experiment whose beams made it (nil for from_parents samples) */
  if (s->experiment) lua_pushstring(L, s->experiment->name);
  else lua_pushnil(L);
  lua_setfield(L, -2, "experiment");
  lua_pushnumber(L, bg_min);
  lua_setfield(L, -2, "betagamma_min");
  lua_pushnumber(L, bg_max);
  lua_setfield(L, -2, "betagamma_max");
  lua_pushstring(L, s->label);
  lua_setfield(L, -2, "label");
  lua_pushnumber(L, s->ma);
  lua_setfield(L, -2, "ma");
  lua_pushnumber(L, s->m_recoil);
  lua_setfield(L, -2, "m_recoil");
  lua_pushinteger(L, (lua_Integer)s->n);
  lua_setfield(L, -2, "n");
  lua_pushinteger(L, (lua_Integer)s->seed);
  lua_setfield(L, -2, "seed");
  return 1;
}

static int l_sample_gc(lua_State *L)
{
  sample_box *b = luaL_checkudata(L, 1, SAMPLE_MT);
  alp_sample_free(b->s);
  b->s = NULL;
  return 0;
}

static int l_sample_tostring(lua_State *L)
{
  sample_box *b = luaL_checkudata(L, 1, SAMPLE_MT);
  if (!b->s) lua_pushliteral(L, "alp.sample (closed)");
  else
    lua_pushfstring(L, "alp.sample{%s, ma=%f GeV, n=%I, seed=%I}", b->s->label,
                    b->s->ma, (lua_Integer)b->s->n, (lua_Integer)b->s->seed);
  return 1;
}

static const luaL_Reg sample_funcs[] = {
  { "b_to_ka", l_sample_b_to_ka },
  { "from_parents", l_sample_from_parents },
  { "v_to_gamma_a", l_sample_v_to_gamma_a }, /* REF D17 */
  { NULL, NULL }
};

static const luaL_Reg sample_methods[] = {
  { "len", l_sample_len },
  { "get", l_sample_get },
  { "kaon", l_sample_kaon },
  { "info", l_sample_info },
  { "close", l_sample_gc },
  { NULL, NULL }
};

static const luaL_Reg sample_meta[] = {
  { "__gc", l_sample_gc },
  { "__close", l_sample_gc },
  { "__len", l_sample_len },
  { "__tostring", l_sample_tostring },
  { NULL, NULL }
};

int luaopen_alp_sample(lua_State *L)
{
  luaL_newmetatable(L, SAMPLE_MT);
  luaL_setfuncs(L, sample_meta, 0);
  luaL_newlib(L, sample_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_newlib(L, sample_funcs);
  return 1;
}
