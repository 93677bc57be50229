/* l_stats.c -- Lua bindings of alp.stats (placeholder until its issue lands). */
#include "lalp.h"

int luaopen_alp_stats(lua_State *L)
{
  lua_newtable(L);
  return 1;
}
