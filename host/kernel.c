/* kernel.c -- `alpcast --kernel`: one persistent session driven by the
 * Jupyter wrapper kernel (python/alpcast_kernel.py) through framed messages.
 *
 * Requests, on stdin: a line "<verb> <nbytes>\n" followed by exactly nbytes
 * bytes.  Verbs: "exec" (a cell of Lua), "complete" (a dotted name to
 * complete).  End of input ends the session (exit 0).
 *
 * Replies: the cell's own output goes to stdout and stderr as it is written
 * (stdout line-buffered); when the request is done the kernel writes the
 * byte 0x1E to stderr, then on stdout the byte 0x1E, the line
 * "ALPCAST-REPLY\n" and fields "<key> <nbytes>\n<bytes>\n", closed by
 * "end 0\n\n".  Keys: status (ok, error or interrupted), value (the echoed
 * values, as the REPL prints them), error (message and traceback), figure
 * (an SVG file the cell wrote or returned; repeated), match (a completion;
 * repeated).
 *
 * A cell runs like a REPL line (scripts/alpcast/kernel.lua decides how it
 * is compiled and what is echoed) under host_docall, so SIGINT stops it at
 * the next Lua instruction or the next chunk of a C loop; between requests
 * SIGINT is ignored, so a late interrupt never ends the session. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "host.h"
#include "lalp.h"

#define MAX_REQUEST (64u << 20)   /* a cell larger than 64 MiB is refused */

static void field(const char *key, const char *s, size_t n)
{
  fprintf(stdout, "%s %zu\n", key, n);
  fwrite(s, 1, n, stdout);
  fputc('\n', stdout);
}

static void field_str(const char *key, const char *s)
{
  field(key, s, strlen(s));
}

static void begin_reply(void)
{
  fflush(stdout);
  fputc(0x1e, stderr);
  fflush(stderr);
  fputs("\x1e" "ALPCAST-REPLY\n", stdout);
}

static void end_reply(void)
{
  fputs("end 0\n\n", stdout);
  fflush(stdout);
}

/* Call kernel.<name> (the module is at stack index `mod`) with nargs
 * arguments already pushed; returns the lua_pcall status. */
static int call_module(lua_State *L, int mod, const char *name, int nargs, int nres)
{
  lua_getfield(L, mod, name);
  lua_insert(L, -nargs - 1);
  return lua_pcall(L, nargs, nres, 0);
}

static void reply_error(const char *status, const char *msg)
{
  begin_reply();
  field_str("status", status);
  field_str("error", msg ? msg : "(error object is not a string)");
  end_reply();
}

static void do_exec(lua_State *L, int mod, const char *cell, size_t len)
{
  int base = lua_gettop(L), status, nres;
  lua_pushlstring(L, cell, len);
  if (call_module(L, mod, "compile", 1, 2) != LUA_OK) {
    reply_error("error", lua_tostring(L, -1));
    lua_settop(L, base);
    return;
  }
  if (lua_isnil(L, -2)) {              /* a syntax error */
    reply_error("error", lua_tostring(L, -1));
    lua_settop(L, base);
    return;
  }
  lua_pop(L, 1);
  if (call_module(L, mod, "begin", 0, 0) != LUA_OK) {
    reply_error("error", lua_tostring(L, -1));
    lua_settop(L, base);
    return;
  }
  status = host_docall(L, 0, LUA_MULTRET);
  if (status != LUA_OK) {
    int stopped = *alpL_cancel_flag() != 0;
    const char *msg = lua_tostring(L, -1);
    fflush(stdout);
    reply_error(stopped ? "interrupted" : "error", msg);
    lua_settop(L, base);
    return;
  }
  /* kernel.finish(results...) -> echoed text | nil, {svg files} */
  nres = lua_gettop(L) - base;
  if (call_module(L, mod, "finish", nres, 2) != LUA_OK) {
    reply_error("error", lua_tostring(L, -1));
    lua_settop(L, base);
    return;
  }
  begin_reply();
  field_str("status", "ok");
  if (lua_type(L, -2) == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, -2, &n);
    field("value", s, n);
  }
  if (lua_istable(L, -1)) {
    lua_Integer nf = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= nf; i++) {
      if (lua_rawgeti(L, -1, i) == LUA_TSTRING) field_str("figure", lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  end_reply();
  lua_settop(L, base);
}

static void do_complete(lua_State *L, const char *text)
{
  char **list = host_completions(L, text);
  begin_reply();
  field_str("status", "ok");
  for (size_t i = 0; list && list[i]; i++) {
    field_str("match", list[i]);
    free(list[i]);
  }
  free(list);
  end_reply();
}

int host_kernel(lua_State *L)
{
  char header[128], verb[16];
  unsigned long n;
  int mod;
  struct sigaction ign;
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  sigaction(SIGINT, &ign, NULL);
  setvbuf(stdout, NULL, _IOLBF, 0);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "alpcast.kernel");
  lua_call(L, 1, 1);
  mod = lua_gettop(L);
  while (fgets(header, sizeof header, stdin)) {
    char *buf;
    if (sscanf(header, "%15s %lu", verb, &n) != 2 || n > MAX_REQUEST) {
      fprintf(stderr, "alpcast --kernel: bad request header '%.60s' (expected "
              "\"exec|complete NBYTES\", NBYTES <= %u)\n", header, MAX_REQUEST);
      return 2;
    }
    buf = malloc(n + 1);
    if (!buf) { fprintf(stderr, "alpcast --kernel: out of memory\n"); return 1; }
    if (fread(buf, 1, n, stdin) != n) {
      free(buf);
      fprintf(stderr, "alpcast --kernel: input ended inside a %lu-byte request\n", n);
      return 2;
    }
    buf[n] = '\0';
    if (strcmp(verb, "exec") == 0) do_exec(L, mod, buf, n);
    else if (strcmp(verb, "complete") == 0) do_complete(L, buf);
    else {
      char msg[96];
      snprintf(msg, sizeof msg, "alpcast --kernel: unknown request '%s' (allowed: exec, complete)", verb);
      reply_error("error", msg);
    }
    free(buf);
  }
  lua_settop(L, mod - 1);
  return 0;
}
