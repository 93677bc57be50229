/* l_stats.c -- Lua bindings of alp.stats (physics/stats.h): Poisson and CLs
 * upper limits, the expected limit of seed Sec. 4.3, zero-background counts,
 * the Gaussian criterion of seed eq. (3.6) and the Punzi figure of merit. */
#include <string.h>
#include "lalp.h"
#include "stats.h"

static const char *const methods[] = { "classical", "cls", NULL };

/* cl at arg (default 0.90): a finite number in (0, 1). */
static double check_cl(lua_State *L, int arg, const char *fname)
{
  double cl;
  char g[64];
  if (lua_isnoneornil(L, arg)) return 0.90;
  cl = lua_tonumber(L, arg);
  if (lua_type(L, arg) != LUA_TNUMBER || !(cl > 0.0 && cl < 1.0))
    luaL_error(L, "%s: cl must be a finite number in (0, 1), got %s", fname,
               alpL_got_text(L, arg, g, sizeof g));
  return cl;
}

static alp_stats_method check_method(lua_State *L, int arg, const char *fname)
{
  const char *s;
  if (lua_isnoneornil(L, arg)) return ALP_STATS_CLASSICAL;
  s = lua_tostring(L, arg);
  for (int i = 0; s && lua_type(L, arg) == LUA_TSTRING && methods[i]; i++)
    if (strcmp(s, methods[i]) == 0) return (alp_stats_method)i;
  luaL_error(L, "%s: method must be one of \"classical\", \"cls\", got %s",
             fname, s && lua_type(L, arg) == LUA_TSTRING ? s : luaL_typename(L, arg));
  return ALP_STATS_CLASSICAL;
}

static int push_result(lua_State *L, const char *fname, int status, double x)
{
  if (status) return alpL_status_error(L, fname, status);
  alpL_checkfinite(L, fname, "result", x);
  lua_pushnumber(L, x);
  return 1;
}

/* alp.stats.poisson_upper(n, b [, cl [, method]]) -> s_up */
static int l_stats_poisson_upper(lua_State *L)
{
  const char *fname = "alp.stats.poisson_upper";
  int isint = 0;
  lua_Integer n = lua_tointegerx(L, 1, &isint);
  double b, cl, s = 0.0;
  alp_stats_method m;
  char g[64];
  if (lua_type(L, 1) != LUA_TNUMBER || !isint || n < 0 || n > 100000000)
    return luaL_error(L, "%s: n must be an integer in [0, 100000000], got %s",
                      fname, alpL_got_text(L, 1, g, sizeof g));
  b = alpL_checkrange(L, 2, fname, "b", 0.0, 1e8, "events");
  cl = check_cl(L, 3, fname);
  m = check_method(L, 4, fname);
  alpL_count_physics();
  alpL_clear_reason();
  int status = alp_stats_poisson_upper((long)n, b, cl, m, &s);
  return push_result(L, fname, status, s);
}

/* alp.stats.expected_upper(b [, cl [, method]]) -> s_up, n */
static int l_stats_expected_upper(lua_State *L)
{
  const char *fname = "alp.stats.expected_upper";
  double b = alpL_checkrange(L, 1, fname, "b", 0.0, 1e8, "events");
  double cl = check_cl(L, 2, fname), s = 0.0;
  alp_stats_method m = check_method(L, 3, fname);
  alpL_count_physics();
  alpL_clear_reason();
  int status = alp_stats_expected_upper(b, cl, m, &s);
  push_result(L, fname, status, s);
  lua_pushinteger(L, alp_stats_nearest_count(b));
  return 2;
}

/* alp.stats.zero_background([cl]) -> -ln(1 - cl) */
static int l_stats_zero_background(lua_State *L)
{
  const char *fname = "alp.stats.zero_background";
  double cl = check_cl(L, 1, fname), s = 0.0;
  alpL_count_physics();
  alpL_clear_reason();
  int status = alp_stats_zero_background(cl, &s);
  return push_result(L, fname, status, s);
}

/* alp.stats.nsigma(cl [, "one-sided"|"two-sided"]) -> n */
static int l_stats_nsigma(lua_State *L)
{
  const char *fname = "alp.stats.nsigma";
  static const char *const sides[] = { "one-sided", "two-sided", NULL };
  double cl, x = 0.0;
  int two = 0;
  if (lua_isnoneornil(L, 1))
    return luaL_error(L, "%s: cl must be a finite number in (0, 1), got nil", fname);
  cl = check_cl(L, 1, fname);
  if (!lua_isnoneornil(L, 2)) {
    const char *s = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    two = -1;
    for (int i = 0; s && sides[i]; i++) if (strcmp(s, sides[i]) == 0) two = i;
    if (two < 0)
      return luaL_error(L, "%s: sides must be one of \"one-sided\", \"two-sided\", got %s",
                        fname, s ? s : luaL_typename(L, 2));
  }
  alpL_count_physics();
  alpL_clear_reason();
  int status = alp_stats_nsigma(cl, two, &x);
  return push_result(L, fname, status, x);
}

/* alp.stats.gaussian_upper{observed=, sigma=, background=0, nsigma=1.64,
 *                          relative=false} -> s_up */
static int l_stats_gaussian_upper(lua_State *L)
{
  const char *fname = "alp.stats.gaussian_upper";
  static const char *const keys[] = { "observed", "sigma", "background",
                                      "nsigma", "relative", NULL };
  double obs, sigma, bkg, ns, s = 0.0;
  int relative;
  luaL_checktype(L, 1, LUA_TTABLE);
  alpL_check_keys(L, 1, fname, keys);
  obs = alpL_opt_number(L, 1, fname, "observed", -HUGE_VAL, HUGE_VAL, ALPL_REQUIRED, "");
  sigma = alpL_opt_number(L, 1, fname, "sigma", 0.0, HUGE_VAL, ALPL_REQUIRED, "");
  /* a background is a number of events (REFERENCE.md D-list: counts >= 0) */
  bkg = alpL_opt_number(L, 1, fname, "background", 0.0, HUGE_VAL, 0.0, "");
  ns = alpL_opt_number(L, 1, fname, "nsigma", 0.0, 100.0, 1.64, "");
  lua_getfield(L, 1, "relative");
  if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
    return luaL_error(L, "%s: relative must be true or false, got %s", fname,
                      luaL_typename(L, -1));
  relative = lua_toboolean(L, -1);
  lua_pop(L, 1);
  /* seed eq. (3.6) writes (1 + 1.64 sigma) Delta B_obs: sigma relative */
  if (relative) sigma *= fabs(obs);
  alpL_count_physics();
  alpL_clear_reason();
  int status = alp_stats_gauss_upper(obs, sigma, bkg, ns, &s);
  return push_result(L, fname, status, s);
}

/* alp.stats.punzi(eff, b [, a]) -> eff / (a/2 + sqrt(b)) */
static int l_stats_punzi(lua_State *L)
{
  const char *fname = "alp.stats.punzi";
  double eff = alpL_checkrange(L, 1, fname, "eff", 0.0, HUGE_VAL, "");
  double b = alpL_checkrange(L, 2, fname, "b", 0.0, HUGE_VAL, "events");
  double a = lua_isnoneornil(L, 3) ? 5.0
             : alpL_checkrange(L, 3, fname, "a", 1e-6, 100.0, "sigma");
  double x = 0.0;
  alpL_count_physics();
  alpL_clear_reason();
  int status = alp_stats_punzi(eff, b, a, &x);
  return push_result(L, fname, status, x);
}

static const luaL_Reg stats_funcs[] = {
  { "poisson_upper",   l_stats_poisson_upper },
  { "expected_upper",  l_stats_expected_upper },
  { "zero_background", l_stats_zero_background },
  { "nsigma",          l_stats_nsigma },
  { "gaussian_upper",  l_stats_gaussian_upper },
  { "punzi",           l_stats_punzi },
  { NULL, NULL }
};

int luaopen_alp_stats(lua_State *L)
{
  luaL_newlib(L, stats_funcs);
  return 1;
}
