/* l_model.c -- Lua bindings of alp.model (placeholder until its issue lands). */
#include "lalp.h"

int luaopen_alp_model(lua_State *L)
{
  lua_newtable(L);
  return 1;
}
