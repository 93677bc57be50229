/* l_alp.c -- luaopen_alp: assembles the `alp` table from the topic modules
 * (one host/l_<topic>.c each) and the version information.  The Lua library
 * scripts/alpcast/init.lua then completes the same table. */
#include <gsl/gsl_version.h>
#include "lalp.h"
#include "version.h"
#include "constants.h"

static const struct { const char *name; lua_CFunction open; } topics[] = {
  { "model",    luaopen_alp_model },
  { "sample",   luaopen_alp_sample },
  { "detector", luaopen_alp_detector },
  { "stats",    luaopen_alp_stats },
  { "roots",    luaopen_alp_roots },
  { "fs",       luaopen_alp_fs },
  { "analysis", luaopen_alp_analysis },
  { "interp",   luaopen_alp_interp },
  { "experiment", luaopen_alp_experiment },
  { "_csv",     luaopen_alp_csv },
};

/* alp._physics_calls() -> number of calls into physics/ so far (for the
 * test that `suite --list` computes nothing). */
static int l_alp_physics_calls(lua_State *L)
{
  lua_pushinteger(L, alpL_physics_calls());
  return 1;
}

/* alp.constants: the physical constants a recast or script may need, from
 * physics/constants.h (one place for each number; REF §1). */
static void push_constants(lua_State *L)
{
  static const struct { const char *name; double v; } k[] = {
    { "c_light", ALP_C_LIGHT },    /* m/s */
    { "hbar", ALP_HBAR },          /* GeV s */
    { "hbarc", ALP_HBARC },        /* GeV m */
    { "alpha0", ALP_ALPHA0 },
    { "m_B+", ALP_MBP }, { "m_B0", ALP_MB0 }, { "m_K+", ALP_MKP }, { "m_K0", ALP_MK0 },
    { "m_pi+", ALP_MPIP }, { "m_pi0", ALP_MPI0 }, { "m_K*0", ALP_MKST0 },
    { "BR(K*0->K+pi-)", ALP_BR_KST0_KPI },
    { "m_mu", ALP_MMU }, { "m_e", ALP_ME }, { "m_tau", ALP_MTAU }, { "m_Y4S", ALP_MUPS4S },
    { "m_J/psi", ALP_MJPSI }, { "m_Y1S", ALP_MUPS1S }, { "m_Y3S", ALP_MUPS3S }, /* D17 */
    { "tau_B+", ALP_TAU_BP }, { "tau_B0", ALP_TAU_B0 }, { "tau_K+", ALP_TAU_KP },
    { "m_K_L", ALP_MKL }, { "tau_K_L", ALP_TAU_KL },   /* REF D18 */
  };
  lua_createtable(L, 0, (int)(sizeof k / sizeof k[0]));
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
    lua_pushnumber(L, k[i].v);
    lua_setfield(L, -2, k[i].name);
  }
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
  push_constants(L);
  lua_setfield(L, -2, "constants");
  lua_pushcfunction(L, l_alp_physics_calls);
  lua_setfield(L, -2, "_physics_calls");
  return 1;
}
