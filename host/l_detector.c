/* l_detector.c -- Lua bindings of alp.detector (placeholder until its issue lands). */
#include "lalp.h"

int luaopen_alp_detector(lua_State *L)
{
  lua_newtable(L);
  return 1;
}
