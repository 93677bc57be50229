/* lalp.h -- shared helpers of the Lua bindings (prefix alpL_, like luaL_).
 *
 * Conventions for every binding file host/l_<topic>.c:
 *  - one luaopen_alp_<topic>(L) that returns the topic's table; l_alp.c puts
 *    it at alp.<topic>;
 *  - userdata metatables are named "alp.<type>" (luaL_newmetatable), methods
 *    in __index, __tostring shows what is inside;
 *  - order inside a binding: check all arguments, create the box userdata,
 *    call physics/, check the status, check results are finite, push;
 *  - every error message starts with the Lua-visible function name, then the
 *    argument and the allowed range:
 *      "alp.sample.b_to_ka: ma must be in [0, 4.785] GeV, got 5.2".
 */
#ifndef ALP_LALP_H
#define ALP_LALP_H

#include <math.h>
#include <signal.h>
#include <stddef.h>
#include "lua.h"
#include "lauxlib.h"

/* Sentinel for "option is required" in the alpL_opt_* readers. */
#define ALPL_REQUIRED NAN

/* ---- status and error translation ------------------------------------ */

/* Install the recording GSL error handler (once, at start-up). */
void alpL_install_gsl_handler(void);
/* Forget the last recorded GSL reason; call before each call into physics/. */
void alpL_clear_reason(void);
/* Raise "fname: <text of status> (<gsl reason>)".  Never returns. */
int alpL_status_error(lua_State *L, const char *fname, int status);
/* Raise "fname: produced a non-finite value (what)" unless x is finite. */
void alpL_checkfinite(lua_State *L, const char *fname, const char *what,
                      double x);

/* ---- the cancel flag (Ctrl-C) ------------------------------------------ */

/* Pointer to give physics/ loops as their cancel flag; they return
 * ALP_ECANCELLED when it becomes non-zero.  The host resets it before each
 * top-level chunk. */
const volatile sig_atomic_t *alpL_cancel_flag(void);
void alpL_set_cancel(int on);

/* ---- argument readers -------------------------------------------------- */

/* Short printable form of the value at idx ("2.5", "'abc'", "nil") for
 * "got ..." parts of error messages; writes into buf and returns it. */
const char *alpL_got_text(lua_State *L, int idx, char *buf, size_t sz);

/* Positional number in [lo, hi] (finite).  units may be "" or NULL. */
double alpL_checkrange(lua_State *L, int arg, const char *fname,
                       const char *name, double lo, double hi,
                       const char *units);

/* Reject any string key of table idx that is not in the NULL-terminated list
 * `allowed`:  "fname: unknown option 'mass' (allowed: ma, n, seed)". */
void alpL_check_keys(lua_State *L, int idx, const char *fname,
                     const char *const allowed[]);

/* opts[key] as a finite number in [lo, hi]; nil gives def, and raises if def
 * is ALPL_REQUIRED.  "fname: key must be a finite number in [lo, hi] units,
 * got <value>" */
double alpL_opt_number(lua_State *L, int idx, const char *fname,
                       const char *key, double lo, double hi, double def,
                       const char *units);

/* opts[key] as an integer in [lo, hi] (1e4 accepted, 1.5 rejected). */
lua_Integer alpL_opt_integer(lua_State *L, int idx, const char *fname,
                             const char *key, lua_Integer lo, lua_Integer hi,
                             lua_Integer def, int required);

/* Thread count for Monte Carlo loops: opts.threads of the table at idx (an
 * integer in [1, 256]; idx may be none/nil), else $ALPCAST_THREADS, else the
 * number of cores. */
int alpL_threads(lua_State *L, int idx, const char *fname);
/* The thread count used when neither opts.threads nor $ALPCAST_THREADS
 * says (n <= 0: the number of cores); the suite gives each of its -j N
 * children cores / N so that they do not oversubscribe the machine. */
void alpL_set_default_threads(int n);

/* opts[key] as one of the strings in `choices` (NULL-terminated); returns
 * its index.  nil gives def (or raises if def < 0). */
int alpL_opt_option(lua_State *L, int idx, const char *fname,
                    const char *key, const char *const choices[], int def);

/* A number or a Lua array of numbers at arg, each finite and in [lo, hi].
 * Returns a buffer of *n doubles owned by a userdata left on the stack (so it
 * is freed by the GC even if a later check raises).  *is_array tells which
 * form was given, so the caller can return the same form. */
double *alpL_checknumbers(lua_State *L, int arg, const char *fname,
                          const char *name, double lo, double hi,
                          const char *units, size_t *n, int *is_array);

/* The userdata of type tname at idx, else "tname: method: self must be an
 * tname, got <type>" (idx 1) or "... argument idx must be ..." . */
void *alpL_checkself(lua_State *L, int idx, const char *tname);

/* Push x[0..n-1] as a new Lua array (1-based). */
void alpL_pushnumbers(lua_State *L, const double *x, size_t n);

/* A GC-owned scratch buffer of n doubles, pushed on the stack. */
double *alpL_newbuffer(lua_State *L, size_t n);

/* ---- objects shared between binding files ---------------------------- */

struct alp_sample;
/* The C sample behind the alp.sample userdata at idx, or NULL if the value
 * is not an alp.sample; raises "fname: sample is a closed alp.sample" if it
 * was closed.  (l_sample.c) */
struct alp_sample *alpL_testsample(lua_State *L, int idx, const char *fname);

struct alp_experiment;
/* The experiment (physics/experiment.h) named by the string at idx; raises
 * "fname: what must be one of "belle2", "babar", got 'x' (did you mean
 * 'y'?)" for anything else, the list taken from the table.
 * (l_experiment.c) */
const struct alp_experiment *alpL_check_experiment(lua_State *L, int idx,
                                                   const char *fname,
                                                   const char *what);

/* ---- module openers (one per host/l_<topic>.c) ------------------------- */
int luaopen_alp(lua_State *L);
int luaopen_alp_model(lua_State *L);
int luaopen_alp_sample(lua_State *L);
int luaopen_alp_detector(lua_State *L);
int luaopen_alp_stats(lua_State *L);
int luaopen_alp_roots(lua_State *L);
int luaopen_alp_fs(lua_State *L);
int luaopen_alp_analysis(lua_State *L);
int luaopen_alp_interp(lua_State *L);
int luaopen_alp_csv(lua_State *L);
/* alp._proc (l_proc.c): processes for the suite runner; internal, put at
 * alp._proc by the host (main.c). */
int luaopen_alp_proc(lua_State *L);
int luaopen_alp_experiment(lua_State *L);

/* Counter of calls into physics/ (tests check that `suite --list` runs no
 * physics).  Bindings that compute call alpL_count_physics(). */
void alpL_count_physics(void);
long alpL_physics_calls(void);

#endif
