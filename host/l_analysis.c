/* l_analysis.c -- Lua bindings of alp.analysis: the signal side of the
 * seed's Belle II B+ -> K+ a (invisible) analysis (physics/analysis.h).
 *
 *   alp.analysis.belle2_signal{sample=, seed=, resolution=0.005, kaon_id=0.80,
 *                              tracking=0.99, theta_min=17, theta_max=150,
 *                              pt_min=0.2, threads=}           -> table
 *   alp.analysis.selection(pt_k, mb2, phi_deg)         -> passed, {c1..c7}
 *   alp.analysis.histogram(values, {min=, max=, bins=, mask=}) -> table
 *   alp.analysis.defaults                              (table of the seed's numbers)
 *
 * The result of belle2_signal is a plain table (arrays copied out of C, the C
 * result freed before returning): nothing to close.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "errors.h"
#include "experiment.h"
#include "lalp.h"
#include "sample.h"

/* Box owning the C result while we copy it out (freed by __gc if a Lua error
 * interrupts the copy). */
typedef struct { alp_signal *r; } signal_box;
#define SIGNAL_MT "alp.analysis.signal_result"

static const char NOTE[] =
  "tag side treated as fully reconstructed (p_tag = p_beams - p_B+; no generic "
  "B-decay generator): p_miss is the ALP four-momentum up to the kaon smearing, "
  "M^_B^2 = m_B+^2 for every event, no misreconstructed (tag-side) kaons; the "
  "efficiency is the signal-side part only, not the seed's Table 1 (REFERENCE "
  "D9)";

static int signal_box_gc(lua_State *L)
{
  signal_box *b = luaL_checkudata(L, 1, SIGNAL_MT);
  alp_signal_free(b->r);
  b->r = NULL;
  return 0;
}

/* Push flags[0..n-1] as an array of booleans. */
static void push_flags(lua_State *L, const unsigned char *f, size_t n)
{
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushboolean(L, f[i]);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
}

static void set_number(lua_State *L, const char *k, double v)
{
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static void set_integer(lua_State *L, const char *k, size_t v)
{
  lua_pushinteger(L, (lua_Integer)v);
  lua_setfield(L, -2, k);
}

/* ---- alp.analysis.belle2_signal ------------------------------------------- */

static int l_analysis_belle2_signal(lua_State *L)
{
  static const char *const fname = "alp.analysis.belle2_signal";
  static const char *const keys[] = { "sample", "seed", "resolution", "kaon_id",
                                      "tracking", "theta_min", "theta_max",
                                      "pt_min", "threads", NULL };
  alp_signal_opts o = alp_signal_opts_default();
  const alp_sample *s;
  signal_box *b;
  alp_signal *r;
  int status;

  alpL_check_keys(L, 1, fname, keys);
  lua_getfield(L, 1, "sample");
  s = alpL_testsample(L, -1, fname);
  if (!s)
    return luaL_error(L, "%s: option sample is required (an alp.sample from "
                      "alp.sample.b_to_ka{experiment = \"belle2\", ...}), got %s",
                      fname, luaL_typename(L, -1));
  lua_pop(L, 1);  /* the options table keeps the sample alive */
  if (s->experiment != alp_experiment_find("belle2"))
    return luaL_error(L, "%s: sample must be a Belle II B+ -> K+ a sample "
                      "(alp.sample.b_to_ka{experiment = \"belle2\", ...}), got '%s'",
                      fname, s->label);
  o.mc.seed = (uint64_t)alpL_opt_integer(L, 1, fname, "seed", 0, LUA_MAXINTEGER, 0, 1);
  o.resolution = alpL_opt_number(L, 1, fname, "resolution", 0.0, 0.2,
                                 ALP_B2_RESOLUTION, "(relative, sigma_p/p)");
  o.kaon_id = alpL_opt_number(L, 1, fname, "kaon_id", 0.0, 1.0, ALP_B2_KAON_ID,
                              "");
  o.tracking = alpL_opt_number(L, 1, fname, "tracking", 0.0, 1.0,
                               ALP_B2_TRACKING, "");
  o.theta_min_deg = alpL_opt_number(L, 1, fname, "theta_min", 0.0, 180.0,
                                    ALP_B2_THETA_MIN_DEG, "deg");
  o.theta_max_deg = alpL_opt_number(L, 1, fname, "theta_max", 0.0, 180.0,
                                    ALP_B2_THETA_MAX_DEG, "deg");
  if (!(o.theta_min_deg < o.theta_max_deg))
    return luaL_error(L, "%s: theta_min must be below theta_max, got %f >= %f deg",
                      fname, o.theta_min_deg, o.theta_max_deg);
  o.pt_min = alpL_opt_number(L, 1, fname, "pt_min", 0.0, 100.0, ALP_B2_PT_MIN,
                             "GeV");
  o.mc.threads = alpL_threads(L, 1, fname);
  o.mc.cancel = alpL_cancel_flag();

  b = lua_newuserdatauv(L, sizeof *b, 0);
  b->r = NULL;
  luaL_setmetatable(L, SIGNAL_MT);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_analysis_belle2_signal(s, &o, &b->r);
  if (status) return alpL_status_error(L, fname, status);
  r = b->r;
  alpL_checkfinite(L, fname, "efficiency", r->efficiency);

  lua_createtable(L, 0, 24);
  alpL_pushnumbers(L, r->pt_k, r->n);
  lua_setfield(L, -2, "pt_k");
  alpL_pushnumbers(L, r->mb2, r->n);
  lua_setfield(L, -2, "mb2");
  alpL_pushnumbers(L, r->phi_deg, r->n);
  lua_setfield(L, -2, "phi_deg");
  alpL_pushnumbers(L, r->p_k, r->n);
  lua_setfield(L, -2, "p_k");
  alpL_pushnumbers(L, r->theta_deg, r->n);
  lua_setfield(L, -2, "theta_deg");
  push_flags(L, r->accepted, r->n);
  lua_setfield(L, -2, "accepted");
  push_flags(L, r->selected, r->n);
  lua_setfield(L, -2, "selected");
  lua_createtable(L, ALP_SEL41_NCOND, 0);
  for (int i = 0; i < ALP_SEL41_NCOND; i++) {
    lua_pushinteger(L, (lua_Integer)r->n_cond[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "cutflow");
  set_number(L, "efficiency", r->efficiency);
  set_number(L, "efficiency_err", r->efficiency_err);
  set_integer(L, "n", r->n);
  set_integer(L, "n_accepted", r->n_accepted);
  set_integer(L, "n_selected", r->n_selected);
  set_number(L, "ma", r->ma);
  lua_pushinteger(L, (lua_Integer)o.mc.seed);
  lua_setfield(L, -2, "seed");
  set_number(L, "resolution", o.resolution);
  set_number(L, "kaon_id", o.kaon_id);
  set_number(L, "tracking", o.tracking);
  set_number(L, "theta_min", o.theta_min_deg);
  set_number(L, "theta_max", o.theta_max_deg);
  set_number(L, "pt_min", o.pt_min);
  lua_pushstring(L, NOTE);
  lua_setfield(L, -2, "note");

  alp_signal_free(b->r);  /* copied out: release now rather than at GC */
  b->r = NULL;
  return 1;
}

/* ---- alp.analysis.selection ----------------------------------------------- */

static int l_analysis_selection(lua_State *L)
{
  static const char *const fname = "alp.analysis.selection";
  double pt = alpL_checkrange(L, 1, fname, "pt_k", -HUGE_VAL, HUGE_VAL, "GeV");
  double mb2 = alpL_checkrange(L, 2, fname, "mb2", -HUGE_VAL, HUGE_VAL, "GeV^2");
  double phi = alpL_checkrange(L, 3, fname, "phi_deg", -HUGE_VAL, HUGE_VAL, "deg");
  unsigned m = alp_sel41_mask(pt, mb2, phi);
  lua_pushboolean(L, m == ALP_SEL41_ALL);
  lua_createtable(L, ALP_SEL41_NCOND, 0);
  for (int i = 0; i < ALP_SEL41_NCOND; i++) {
    lua_pushboolean(L, (m >> i) & 1u);
    lua_rawseti(L, -2, i + 1);
  }
  return 2;
}

/* ---- alp.analysis.histogram ------------------------------------------------ */

static int l_analysis_histogram(lua_State *L)
{
  static const char *const fname = "alp.analysis.histogram";
  static const char *const keys[] = { "min", "max", "bins", "mask", NULL };
  size_t n, bins, under = 0, over = 0;
  double *x, *counts, lo, hi, w;
  unsigned char *mask = NULL;
  int status;
  if (!lua_istable(L, 1))
    return luaL_error(L, "%s: values must be an array of finite numbers, got %s",
                      fname, luaL_typename(L, 1));
  x = alpL_checknumbers(L, 1, fname, "values", -HUGE_VAL, HUGE_VAL, "", &n,
                        NULL);
  luaL_checktype(L, 2, LUA_TTABLE);
  alpL_check_keys(L, 2, fname, keys);
  lo = alpL_opt_number(L, 2, fname, "min", -1e300, 1e300, ALPL_REQUIRED, "");
  hi = alpL_opt_number(L, 2, fname, "max", -1e300, 1e300, ALPL_REQUIRED, "");
  if (!(lo < hi))
    return luaL_error(L, "%s: min must be below max, got min = %f, max = %f",
                      fname, lo, hi);
  bins = (size_t)alpL_opt_integer(L, 2, fname, "bins", 1, 1000000, 0, 1);
  lua_getfield(L, 2, "mask");
  if (!lua_isnil(L, -1)) {
    int t = lua_gettop(L);
    if (!lua_istable(L, t) || lua_rawlen(L, t) != n)
      return luaL_error(L, "%s: mask must be an array of %d booleans (or 0/1), "
                        "one per value", fname, (int)n);
    mask = lua_newuserdatauv(L, n, 0);
    for (size_t i = 0; i < n; i++) {
      int ty = lua_rawgeti(L, t, (lua_Integer)(i + 1));
      if (ty == LUA_TBOOLEAN) mask[i] = (unsigned char)lua_toboolean(L, -1);
      else if (ty == LUA_TNUMBER && (lua_tonumber(L, -1) == 0.0 ||
                                     lua_tonumber(L, -1) == 1.0))
        mask[i] = lua_tonumber(L, -1) != 0.0;
      else
        return luaL_error(L, "%s: mask[%d] must be a boolean or 0/1, got %s",
                          fname, (int)(i + 1), luaL_typename(L, -1));
      lua_pop(L, 1);
    }
  }
  counts = alpL_newbuffer(L, bins);
  alpL_clear_reason();
  status = alp_histogram_fill(x, mask, n, lo, hi, bins, counts, &under, &over);
  if (status) return alpL_status_error(L, fname, status);

  w = (hi - lo) / (double)bins;
  lua_createtable(L, 0, 8);
  lua_createtable(L, (int)bins + 1, 0);
  for (size_t i = 0; i <= bins; i++) {
    lua_pushnumber(L, i == bins ? hi : lo + (double)i * w);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  lua_setfield(L, -2, "edges");
  lua_createtable(L, (int)bins, 0);
  for (size_t i = 0; i < bins; i++) {
    lua_pushnumber(L, lo + ((double)i + 0.5) * w);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  lua_setfield(L, -2, "centers");
  lua_createtable(L, (int)bins, 0);
  for (size_t i = 0; i < bins; i++) {
    lua_pushinteger(L, (lua_Integer)counts[i]);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  lua_setfield(L, -2, "counts");
  set_integer(L, "underflow", under);
  set_integer(L, "overflow", over);
  {
    size_t tot = under + over;
    for (size_t i = 0; i < bins; i++) tot += (size_t)counts[i];
    set_integer(L, "entries", tot);
  }
  set_number(L, "width", w);
  return 1;
}

/* ---- module ---------------------------------------------------------------- */

static const luaL_Reg analysis_funcs[] = {
  { "belle2_signal", l_analysis_belle2_signal },
  { "selection", l_analysis_selection },
  { "histogram", l_analysis_histogram },
  { NULL, NULL }
};

static const luaL_Reg signal_meta[] = {
  { "__gc", signal_box_gc },
  { NULL, NULL }
};

int luaopen_alp_analysis(lua_State *L)
{
  luaL_newmetatable(L, SIGNAL_MT);
  luaL_setfuncs(L, signal_meta, 0);
  lua_pop(L, 1);
  luaL_newlib(L, analysis_funcs);
  /* The seed's detector numbers (Sec. 4.1), read-only by convention. */
  lua_createtable(L, 0, 6);
  set_number(L, "theta_min", ALP_B2_THETA_MIN_DEG);
  set_number(L, "theta_max", ALP_B2_THETA_MAX_DEG);
  set_number(L, "pt_min", ALP_B2_PT_MIN);
  set_number(L, "kaon_id", ALP_B2_KAON_ID);
  set_number(L, "tracking", ALP_B2_TRACKING);
  set_number(L, "resolution", ALP_B2_RESOLUTION);
  lua_setfield(L, -2, "defaults");
  return 1;
}
