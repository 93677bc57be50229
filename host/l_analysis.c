/* l_analysis.c -- Lua bindings of alp.analysis (placeholder until the Belle II
 * signal-side analysis of issue #7 lands). */
#include "lalp.h"

int luaopen_alp_analysis(lua_State *L)
{
  lua_newtable(L);
  return 1;
}
