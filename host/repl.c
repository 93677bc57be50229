/* repl.c -- the interactive loop, following lua.c's rules: a line is first
 * tried as `return <line>` so expressions echo their values, then as a
 * statement; a syntax error ending at <eof> asks for a continuation line
 * (prompt ">>").  Adds GNU readline editing, a history file, tab completion
 * of dotted names, and Ctrl-C that interrupts a computation (Lua or C) but
 * never the REPL. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lua.h"
#include "lauxlib.h"
#include "host.h"
#include "lalp.h"

#ifndef ALPCAST_READLINE
#define ALPCAST_READLINE 1
#endif

#if ALPCAST_READLINE
#include <readline/readline.h>
#include <readline/history.h>
#endif

#define PROMPT  "alp> "
#define PROMPT2 "  >> "
#define HISTORY_MAX 1000
#define EOFMARK "<eof>"

static lua_State *replL = NULL;
static int interactive_tty = 0;

/* ---- reading lines ---------------------------------------------------------- */

#if ALPCAST_READLINE
static sigjmp_buf prompt_jmp;
static volatile sig_atomic_t at_prompt = 0;

/* Ctrl-C at the prompt: drop the line being edited and prompt again. */
static void prompt_sigint(int sig)
{
  (void)sig;
  if (at_prompt) siglongjmp(prompt_jmp, 1);
}
#endif

/* Returns a malloc'ed line without its newline, or NULL at end of input. */
static char *read_line(const char *prompt)
{
#if ALPCAST_READLINE
  if (interactive_tty) {
    struct sigaction sa, old;
    char *line;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = prompt_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    if (sigsetjmp(prompt_jmp, 1)) {
      rl_free_line_state();
      rl_cleanup_after_signal();
      fputs("\n", stdout);
    }
    at_prompt = 1;
    line = readline(prompt);
    at_prompt = 0;
    sigaction(SIGINT, &old, NULL);
    return line;
  }
#endif
  {
    char buf[8192];
    size_t len;
    fputs(prompt, stdout);
    fflush(stdout);
    if (fgets(buf, sizeof buf, stdin) == NULL) return NULL;
    len = strlen(buf);
    if (len > 0 && buf[len - 1] == '\n') buf[--len] = '\0';
    return strdup(buf);
  }
}

/* ---- completion -------------------------------------------------------------- */

#if ALPCAST_READLINE
static char **completion_list = NULL;

static char *complete_next(const char *text, int state)
{
  static int idx;
  (void)text;
  if (state == 0) idx = 0;
  if (completion_list && completion_list[idx]) return completion_list[idx++];
  return NULL;
}

static char **complete(const char *text, int start, int end)
{
  lua_State *L = replL;
  (void)start; (void)end;
  rl_attempted_completion_over = 1;
  free(completion_list);
  completion_list = NULL;
  if (!L) return NULL;
  completion_list = host_completions(L, text);
  if (!completion_list) return NULL;
  rl_completion_append_character = '\0';
  return rl_completion_matches(text, complete_next);
}
#endif

/* ---- evaluation ---------------------------------------------------------------- */

static int incomplete(lua_State *L, int status)
{
  if (status == LUA_ERRSYNTAX) {
    size_t lmsg;
    const char *msg = lua_tolstring(L, -1, &lmsg);
    size_t lmark = sizeof(EOFMARK) - 1;
    if (lmsg >= lmark && strcmp(msg + lmsg - lmark, EOFMARK) == 0) {
      lua_pop(L, 1);
      return 1;
    }
  }
  return 0;
}

/* Print the values on the stack above `base` through alp.inspect (falling
 * back to tostring), tab separated, and set `_` to the first. */
static void print_results(lua_State *L, int base)
{
  int n = lua_gettop(L) - base;
  if (n <= 0) return;
  lua_pushvalue(L, base + 1);
  lua_setglobal(L, "_");
  for (int i = 1; i <= n; i++) {
    const char *s;
    lua_getglobal(L, "alp");
    if (lua_istable(L, -1) && lua_getfield(L, -1, "inspect") == LUA_TFUNCTION) {
      lua_remove(L, -2);
      lua_pushvalue(L, base + i);
      if (host_docall(L, 1, 1) != LUA_OK) { host_report(L, LUA_ERRRUN); continue; }
    } else {
      lua_pop(L, 2);
      luaL_tolstring(L, base + i, NULL);
    }
    s = lua_tostring(L, -1);
    printf("%s%s", i > 1 ? "\t" : "", s ? s : "?");
    lua_pop(L, 1);
  }
  printf("\n");
  fflush(stdout);
  lua_settop(L, base);
}

static void add_history_entry(const char *chunk, int use_history)
{
#if ALPCAST_READLINE
  HIST_ENTRY *last;
  char *one;
  if (!use_history || !chunk[0]) return;
  one = strdup(chunk);
  if (!one) return;
  for (char *p = one; *p; p++) if (*p == '\n') *p = ' ';
  last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
  if (!last || strcmp(last->line, one) != 0) add_history(one);
  free(one);
#else
  (void)chunk; (void)use_history;
#endif
}

static const char *history_file(void)
{
  static char path[4096];
  const char *env = getenv("ALPCAST_HISTORY"), *home = getenv("HOME");
  if (env && *env) return env;
  if (!home) return NULL;
  snprintf(path, sizeof path, "%s/.alpcast_history", home);
  return path;
}

void host_repl(lua_State *L, int use_history)
{
  const char *hist = NULL;
  replL = L;
  interactive_tty = isatty(0);
#if ALPCAST_READLINE
  if (interactive_tty) {
    rl_readline_name = "alpcast";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,+-*/%^~#[]";
  }
  if (use_history && interactive_tty) {
    hist = history_file();
    using_history();
    stifle_history(HISTORY_MAX);
    if (hist) read_history(hist);
  }
#else
  (void)use_history;
#endif
  for (;;) {
    int status, base = lua_gettop(L);
    char *line = read_line(PROMPT);
    const char *chunk;
    size_t len;
    if (line == NULL) break;
    lua_pushstring(L, line[0] == '=' ? line + 1 : line);   /* source, base+1 */
    free(line);
    /* 1. as an expression, so that its values echo */
    chunk = lua_pushfstring(L, "return %s;", lua_tostring(L, base + 1));
    status = luaL_loadbuffer(L, chunk, strlen(chunk), "=stdin");
    if (status == LUA_OK) {
      lua_remove(L, base + 2);
    } else {
      /* 2. as a statement, reading continuation lines while incomplete */
      lua_settop(L, base + 1);
      for (;;) {
        chunk = lua_tolstring(L, base + 1, &len);
        status = luaL_loadbuffer(L, chunk, len, "=stdin");
        if (!incomplete(L, status)) break;
        line = read_line(PROMPT2);
        if (line == NULL) { status = -1; break; }
        lua_pushfstring(L, "%s\n%s", lua_tostring(L, base + 1), line);
        free(line);
        lua_replace(L, base + 1);
      }
      if (status == -1) { lua_settop(L, base); break; }
    }
    add_history_entry(lua_tostring(L, base + 1), hist != NULL);
    lua_remove(L, base + 1);               /* function or error message */
    if (status == LUA_OK) status = host_docall(L, 0, LUA_MULTRET);
    if (status == LUA_OK) print_results(L, base);
    else host_report(L, status);
    lua_settop(L, base);
  }
  if (interactive_tty) printf("\n");
  fflush(stdout);
#if ALPCAST_READLINE
  if (hist) {
    write_history(hist);
    history_truncate_file(hist, HISTORY_MAX);
  }
#endif
  replL = NULL;
}
