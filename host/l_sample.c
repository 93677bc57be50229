/* l_sample.c -- Lua bindings of alp.sample (placeholder until its issue lands). */
#include "lalp.h"

int luaopen_alp_sample(lua_State *L)
{
  lua_newtable(L);
  return 1;
}
