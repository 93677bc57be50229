/* main.c -- the alpcast executable: command line, Lua state, script runner.
 *
 * As lua.c: main() only creates the state and calls pmain() in protected
 * mode; everything else (argument parsing included) runs inside it.  The only
 * exit() calls of the program are here.  Exit codes: 0 success, 1 a script
 * raised an error or a recast failed, 2 a usage error. */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_version.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "host.h"
#include "omp_wait.h"
#include "lalp.h"
#include "paths.h"
#include "version.h"

static const char *progname = "alpcast";
static lua_State *globalL = NULL;

static const char usage_text[] =
  "usage: alpcast [options] [FILE.lua [args...]]\n"
  "       alpcast suite [--out DIR] [--only NAME,...] [--list] [-j N] [--timeout S] ...\n"
  "       alpcast merge OUT SHARD_DIR...\n"
  "       alpcast check --model FILE.lua --ma M --c C [--json] ...\n"
  "       alpcast help [TOPIC]\n"
  "       alpcast new-recast NAME --data FILE.csv [--dir DIR]\n"
  "       alpcast import hepdata DIR --table NAME [--out FILE]\n"
  "       alpcast export hepdata OUTDIR [--to DIR]\n"
  "       alpcast cite [--recasts NAME,...] [--model cff|cWW] [--out FILE]\n"
  "       alpcast plot [RESULTS...] [--in DIR] [--model NAME] [--out FILE] ...\n"
  "\n"
  "Phenomenology of long-lived axion-like particles (ALPs) from B -> K a and\n"
  "K -> pi a: which searches exclude them, and can Belle II see them displaced\n"
  "or as missing energy?  The `alp` module is preloaded.\n"
  "\n"
  "  alpcast                 interactive REPL (stdin a terminal); otherwise\n"
  "                          runs the script read from stdin\n"
  "  alpcast FILE [args]     run a Lua script; `arg` holds its arguments\n"
  "  alpcast -               run the script read from stdin\n"
  "  -e CODE                 execute the string CODE (may be repeated)\n"
  "  -i                      enter the REPL after running FILE / -e\n"
  "  -E                      ignore ALPCAST_* environment variables\n"
  "  --kernel                the session of the Jupyter kernel: framed cells on\n"
  "                          stdin, framed replies on stdout (host/kernel.c)\n"
  "  -v, --version           print the alpcast, Lua and GSL versions\n"
  "  -h, --help              this text\n"
  "  --                      stop handling options\n"
  "\n"
  "  suite                   run the bundled recasts (recasts/*.lua), write\n"
  "                          the excluded regions and figures to out/;\n"
  "                          `alpcast suite --help` for its options\n"
  "  merge OUT SHARD_DIR...  join the folders of `alpcast suite --shard K/N`\n"
  "                          into OUT (`alpcast merge --help`)\n"
  "  check --model FILE --ma M --c C\n"
  "                          every recast's verdict on one point of a model\n"
  "                          family (`alpcast check --help`)\n"
  "  help [TOPIC]            the same text as help(TOPIC) in the REPL\n"
  "  new-recast NAME --data FILE.csv\n"
  "                          a starting recast folder NAME/ from the data\n"
  "                          file's header (`alpcast new-recast --help`)\n"
  "  import hepdata DIR --table NAME\n"
  "                          a HEPData record's table as our CSV (with its DOI)\n"
  "  export hepdata OUTDIR   a suite run's excluded regions as a HEPData\n"
  "                          submission (OUTDIR/hepdata/)\n"
  "  cite                    BibTeX for the recasts, data and physics inputs used\n"
  "  plot [RESULTS...]       any recasts' results as one Fig. 3-style figure\n"
  "                          (`alpcast plot --help`)\n"
  "\n"
  "Environment: ALPCAST_PATH (folder holding scripts/ and recasts/),\n"
  "ALPCAST_RECAST_PATH (colon-separated folders of your own recasts),\n"
  "ALPCAST_THREADS (Monte Carlo threads), ALPCAST_HISTORY (REPL history file,\n"
  "default ~/.alpcast_history).\n"
  "Units: masses and energies in GeV, lengths and c*tau in metres, couplings\n"
  "c(Lambda) with f_a in GeV (f_a = 1000 GeV, Lambda = 4 pi f_a by default).\n";

/* ---- Ctrl-C -------------------------------------------------------------- */

/* The hook raises the error at the next Lua instruction (as lua.c). */
static void lstop(lua_State *L, lua_Debug *ar)
{
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  luaL_error(L, "interrupted");
}

static void laction(int sig)
{
  int flag = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
  (void)sig;
  alpL_set_cancel(1); /* C loops in physics/ stop at their next chunk */
  if (globalL) lua_sethook(globalL, lstop, flag, 1);
}

static int msghandler(lua_State *L)
{
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)",
                          luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

int host_docall(lua_State *L, int nargs, int nres)
{
  int status, base = lua_gettop(L) - nargs;
  struct sigaction sa, old_int, old_term;
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  globalL = L;
  alpL_set_cancel(0);
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = laction;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);
  status = lua_pcall(L, nargs, nres, base);
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  lua_sethook(L, NULL, 0, 0);
  lua_remove(L, base);
  if (status != LUA_OK) lua_gc(L, LUA_GCCOLLECT); /* free abandoned objects */
  return status;
}

void host_report(lua_State *L, int status)
{
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "%s: %s\n", progname, msg ? msg : "(error object)");
    fflush(stderr);
    lua_pop(L, 1);
  }
}

/* ---- state ----------------------------------------------------------------- */

/* package.path: the data root's scripts/ first, then Lua's defaults (which
 * include /usr/share/lua/5.4/, where Debian's lua-unit lives).  package.cpath
 * stays Lua's default, which on Debian includes /usr/lib/<triplet>/lua/5.4/,
 * where lua-cjson's cjson.so (the suite's report reader) lives. */
static void set_paths(lua_State *L, const char *root)
{
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "path");
  lua_pushfstring(L, "%s/scripts/?.lua;%s/scripts/?/init.lua;%s", root, root,
                  lua_tostring(L, -1));
  lua_setfield(L, -3, "path");
  lua_pop(L, 2);
}

/* Preload `alp`: the C topics, then scripts/alpcast/init.lua completes it. */
static void open_alp(lua_State *L, const char *root, int root_found)
{
  luaL_requiref(L, "alp", luaopen_alp, 1);
  lua_pushstring(L, root);
  lua_setfield(L, -2, "root");
  luaopen_alp_proc(L); /* internal: the suite's process runner */
  lua_setfield(L, -2, "_proc");
  lua_pop(L, 1);
  if (!root_found)
    luaL_error(L, "cannot find scripts/alpcast/init.lua (looked in "
               "$ALPCAST_PATH, next to the executable and in %s); set "
               "ALPCAST_PATH to the folder holding scripts/ and recasts/",
               root);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "alpcast");
  lua_call(L, 1, 0);
}

/* ---- running things ----------------------------------------------------- */

static int dochunk(lua_State *L, int status)
{
  if (status == LUA_OK) status = host_docall(L, 0, 0);
  host_report(L, status);
  return status;
}

/* Build `arg` as lua.c does: arg[0] = script, arg[1..] = its arguments,
 * negative indices for the interpreter and its options. */
static void create_arg_table(lua_State *L, char **argv, int argc, int script)
{
  int narg = argc - (script + 1);
  lua_createtable(L, narg, script + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - script);
  }
  lua_setglobal(L, "arg");
}

static int push_script_args(lua_State *L)
{
  int n;
  if (lua_getglobal(L, "arg") != LUA_TTABLE) luaL_error(L, "'arg' is not a table");
  n = (int)luaL_len(L, -1);
  luaL_checkstack(L, n + 3, "too many arguments to script");
  for (int i = 1; i <= n; i++) lua_rawgeti(L, -i, i);
  lua_remove(L, -n - 1);
  return n;
}

static int handle_script(lua_State *L, const char *fname)
{
  int status;
  if (fname && strcmp(fname, "-") == 0) fname = NULL; /* stdin */
  status = luaL_loadfile(L, fname);
  if (status == LUA_OK) {
    int n = push_script_args(L);
    status = host_docall(L, n, 0);
  }
  host_report(L, status);
  return status;
}

/* `alpcast suite ...` and `alpcast help ...`: a Lua function of the library
 * gets the remaining arguments and returns the exit code. */
static int run_lua_command(lua_State *L, const char *module, const char *fn,
                           char **argv, int argc, int first)
{
  int status, code = 0;
  lua_getglobal(L, "require");
  lua_pushstring(L, module);
  status = host_docall(L, 1, 1);
  if (status == LUA_OK) {
    lua_getfield(L, -1, fn);
    lua_remove(L, -2);
    lua_createtable(L, argc - first, 0);
    for (int i = first; i < argc; i++) {
      lua_pushstring(L, argv[i]);
      lua_rawseti(L, -2, i - first + 1);
    }
    status = host_docall(L, 1, 1);
  }
  if (status != LUA_OK) { host_report(L, status); return 1; }
  code = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 0;
  lua_pop(L, 1);
  return code;
}

static void print_version(lua_State *L, const char *root, int verbose)
{
  (void)L;
  printf("alpcast %s (%s, GSL %s)\n", ALPCAST_VERSION, LUA_RELEASE, GSL_VERSION);
  if (verbose) printf("data root: %s\n", root);
}

/* ---- pmain ------------------------------------------------------------------- */

struct opts { int interactive, version, help, ignore_env, script, nexec, kernel; };

/* Parse interpreter options; returns the index of the script (or argc), or
 * -1 on a usage error (message already printed). */
static int parse_args(char **argv, int argc, struct opts *o)
{
  int i;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-') return i;
    if (strcmp(a, "-") == 0) return i;
    if (strcmp(a, "--") == 0) return i + 1;
    if (strcmp(a, "-e") == 0) {
      if (++i >= argc) { fprintf(stderr, "%s: '-e' needs an argument\n", progname); return -1; }
      o->nexec++;
    } else if (strcmp(a, "-i") == 0) o->interactive = 1;
    else if (strcmp(a, "-E") == 0) o->ignore_env = 1;
    else if (strcmp(a, "--kernel") == 0) o->kernel = 1;
    else if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) o->version = 1;
    else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) o->help = 1;
    else {
      fprintf(stderr, "%s: unrecognized option '%s'\n%s", progname, a,
              "try 'alpcast --help'\n");
      return -1;
    }
  }
  return i;
}

static int pmain(lua_State *L)
{
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  struct opts o = { 0, 0, 0, 0, 0, 0, 0 };
  char root[4096];
  int found, script, code = 0, tty = isatty(0);

  script = parse_args(argv, argc, &o);
  if (script < 0) { lua_pushinteger(L, 2); return 1; }
  if (o.help) { fputs(usage_text, stdout); lua_pushinteger(L, 0); return 1; }

  found = alp_find_root(root, sizeof root, o.ignore_env) == 0;
  if (o.version) { print_version(L, root, 0); lua_pushinteger(L, 0); return 1; }

  luaL_openlibs(L);
  alpL_install_gsl_handler();
  set_paths(L, root);
  open_alp(L, root, found);
  lua_pushboolean(L, o.ignore_env);
  lua_setfield(L, LUA_REGISTRYINDEX, "alpcast.ignore_env");

  create_arg_table(L, argv, argc, script < argc ? script : 0);

  if (o.kernel) { lua_pushinteger(L, host_kernel(L)); return 1; }

  /* subcommands */
  if (script < argc && o.nexec == 0 && !o.interactive) {
    if (strcmp(argv[script], "suite") == 0) {
      lua_pushinteger(L, run_lua_command(L, "alpcast.suite", "main", argv, argc, script + 1));
      return 1;
    }
    if (strcmp(argv[script], "merge") == 0) {
      lua_pushinteger(L, run_lua_command(L, "alpcast.merge", "main", argv, argc, script + 1));
      return 1;
    }
    if (strcmp(argv[script], "help") == 0) {
      lua_pushinteger(L, run_lua_command(L, "alpcast.help", "main", argv, argc, script + 1));
      return 1;
    }
    if (strcmp(argv[script], "import") == 0 || strcmp(argv[script], "export") == 0
        || strcmp(argv[script], "cite") == 0) {
      lua_pushinteger(L, run_lua_command(L, strcmp(argv[script], "import") == 0 ? "alpcast.import"
                      : strcmp(argv[script], "export") == 0 ? "alpcast.export" : "alpcast.cite",
                      "main", argv, argc, script + 1));
      return 1;
    }
    if (strcmp(argv[script], "plot") == 0) {
      lua_pushinteger(L, run_lua_command(L, "alpcast.results_figure", "main", argv, argc, script + 1));
      return 1;
    }
    if (strcmp(argv[script], "check") == 0) {
      lua_pushinteger(L, run_lua_command(L, "alpcast.verdict", "main", argv, argc, script + 1));
      return 1;
    }
    if (strcmp(argv[script], "new-recast") == 0) {
      lua_pushinteger(L, run_lua_command(L, "alpcast.new_recast", "main", argv, argc, script + 1));
      return 1;
    }
  }

  /* -e chunks, in order */
  for (int i = 1; i < script; i++) {
    if (strcmp(argv[i], "-e") == 0) {
      const char *chunk = argv[++i];
      if (dochunk(L, luaL_loadbuffer(L, chunk, strlen(chunk), "=(command line)")) != LUA_OK) {
        lua_pushinteger(L, 1);
        return 1;
      }
    }
  }

  if (script < argc) {
    if (handle_script(L, argv[script]) != LUA_OK) code = 1;
  }
  if (code == 0) {
    if (o.interactive) host_repl(L, tty && !o.ignore_env);
    else if (script == argc && o.nexec == 0) {
      if (tty) {
        print_version(L, root, 0);
        printf("help() for help, Ctrl-D to exit\n");
        host_repl(L, !o.ignore_env);
      } else if (handle_script(L, NULL) != LUA_OK) code = 1;
    }
  }
  lua_pushinteger(L, code);
  return 1;
}

int main(int argc, char **argv)
{
  int status, code;
  lua_State *L;
  alp_omp_passive_wait(argv); /* may re-execute this program (omp_wait.c) */
  /* Keep freed heap memory rather than returning it to the kernel: a path
   * table (some 1.5 MB per mass, freed before the next is built) would
   * otherwise be trimmed and faulted back in page by page, a third of its
   * build time on this VM (issue #14: 9.8 -> 6.3 ms per 10^5-event BaBar
   * table; make bench prints the "paths" lines).  glibc only: the peak
   * resident size is unchanged. */
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  L = luaL_newstate();
  if (L == NULL) {
    fprintf(stderr, "%s: cannot create state: not enough memory\n", progname);
    return 1;
  }
  lua_pushcfunction(L, pmain);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  status = lua_pcall(L, 2, 1, 0);
  if (status != LUA_OK) {
    host_report(L, status);
    code = 1;
  } else {
    code = (int)lua_tointeger(L, -1);
  }
  lua_close(L);
  fflush(stdout);
  return code;
}
