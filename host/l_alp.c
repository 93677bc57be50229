/* l_alp.c -- luaopen_alp: assembles the `alp` table from the topic modules
 * (one host/l_<topic>.c each) and the version information.  The Lua library
 * scripts/alpcast/init.lua then completes the same table. */
#include <gsl/gsl_version.h>
#include "lalp.h"
#include "version.h"

static const struct { const char *name; lua_CFunction open; } topics[] = {
  { "model",    luaopen_alp_model },
  { "sample",   luaopen_alp_sample },
  { "detector", luaopen_alp_detector },
  { "stats",    luaopen_alp_stats },
  { "roots",    luaopen_alp_roots },
  { "fs",       luaopen_alp_fs },
  { "analysis", luaopen_alp_analysis },
  { "experiment", luaopen_alp_experiment },
};

/* alp._physics_calls() -> number of calls into physics/ so far (for the
 * test that `suite --list` computes nothing). */
static int l_alp_physics_calls(lua_State *L)
{
  lua_pushinteger(L, alpL_physics_calls());
  return 1;
}

int luaopen_alp(lua_State *L)
{
  lua_newtable(L);
  for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++) {
    lua_pushcfunction(L, topics[i].open);
    lua_call(L, 0, 1);
    lua_setfield(L, -2, topics[i].name);
  }
  lua_pushliteral(L, ALPCAST_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, GSL_VERSION);
  lua_setfield(L, -2, "gsl_version");
  lua_pushstring(L, LUA_RELEASE);
  lua_setfield(L, -2, "lua_version");
  lua_pushcfunction(L, l_alp_physics_calls);
  lua_setfield(L, -2, "_physics_calls");
  return 1;
}
