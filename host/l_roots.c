/* l_roots.c -- Lua bindings of alp.roots (placeholder until its issue lands). */
#include "lalp.h"

int luaopen_alp_roots(lua_State *L)
{
  lua_newtable(L);
  return 1;
}
