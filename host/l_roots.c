/* l_roots.c -- Lua bindings of alp.roots: one-dimensional root finding with
 * GSL's Brent solver (gsl_root_fsolver_brent) on a Lua function.
 *
 * The function is called from inside GSL (a gsl_function whose body does
 * lua_call).  If it raises, the error longjmps through GSL; this is safe
 * because the only C resource live during the call, the solver, is owned by
 * a userdata box created before it is allocated (STYLE.md §3.3 "box
 * first"): its __gc frees it whatever the way out. */
#include <math.h>
#include <stdio.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include "lalp.h"

#define SOLVER_MT "alp.roots.solver"

typedef struct { gsl_root_fsolver *s; } solver_box;

static int l_roots_solver_gc(lua_State *L)
{
  solver_box *b = (solver_box *)luaL_checkudata(L, 1, SOLVER_MT);
  if (b->s) { gsl_root_fsolver_free(b->s); b->s = NULL; }
  return 0;
}

/* State of one brent() call, on the C stack (holds no resource). */
struct callback {
  lua_State *L;
  int fidx;          /* stack index of the Lua function */
  int logspace;      /* the solver works in ln x */
  double xa, xb;     /* bracket ends in solver space */
  double fa, fb;     /* f there (known before GSL asks) */
  long nevals;
};

static double call_f(struct callback *c, double x)
{
  lua_State *L = c->L;
  int isnum = 0;
  double v;
  lua_pushvalue(L, c->fidx);
  lua_pushnumber(L, x);
  lua_call(L, 1, 1);
  v = lua_tonumberx(L, -1, &isnum);
  if (!isnum || !isfinite(v)) {
    char msg[160];
    if (isnum)
      snprintf(msg, sizeof msg, "alp.roots.brent: f returned %s at x = %.10g "
               "(must be a finite number)", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf", x);
    else
      snprintf(msg, sizeof msg, "alp.roots.brent: f returned a %s at x = %.10g "
               "(must be a finite number)", luaL_typename(L, -1), x);
    luaL_error(L, "%s", msg);
  }
  lua_pop(L, 1);
  c->nevals++;
  return v;
}

/* The gsl_function: t is x, or ln x in log space.  The bracket ends are
 * answered from the values already known. */
static double eval_gsl(double t, void *p)
{
  struct callback *c = (struct callback *)p;
  if (t == c->xa) return c->fa;
  if (t == c->xb) return c->fb;
  return call_f(c, c->logspace ? exp(t) : t);
}

static const char *const brent_keys[] = { "rtol", "atol", "log", "max_iter",
                                          "fa", "fb", NULL };

/* alp.roots.brent(f, a, b [, {rtol=, atol=, log=, max_iter=, fa=, fb=}])
 *   -> root, number of calls of f */
static int l_roots_brent(lua_State *L)
{
  const char *fname = "alp.roots.brent";
  struct callback c;
  double a, b, rtol = 1e-10, atol = 0.0, epsabs, epsrel;
  lua_Integer max_iter = 100;
  int logspace = 0, status, have_fa = 0, have_fb = 0;
  solver_box *box;
  gsl_function F;

  /* 1. arguments */
  luaL_checktype(L, 1, LUA_TFUNCTION);
  a = alpL_checkrange(L, 2, fname, "a", -HUGE_VAL, HUGE_VAL, "");
  b = alpL_checkrange(L, 3, fname, "b", -HUGE_VAL, HUGE_VAL, "");
  c.fa = c.fb = 0.0;
  if (!lua_isnoneornil(L, 4)) {
    luaL_checktype(L, 4, LUA_TTABLE);
    alpL_check_keys(L, 4, fname, brent_keys);
    rtol = alpL_opt_number(L, 4, fname, "rtol", 0.0, 0.5, rtol, "");
    atol = alpL_opt_number(L, 4, fname, "atol", 0.0, HUGE_VAL, atol, "");
    max_iter = alpL_opt_integer(L, 4, fname, "max_iter", 1, 100000, max_iter, 0);
    lua_getfield(L, 4, "log");
    if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
      return luaL_error(L, "%s: log must be true or false, got %s", fname,
                        luaL_typename(L, -1));
    logspace = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, 4, "fa");
    have_fa = !lua_isnil(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, 4, "fb");
    have_fb = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (have_fa) c.fa = alpL_opt_number(L, 4, fname, "fa", -HUGE_VAL, HUGE_VAL, 0.0, "");
    if (have_fb) c.fb = alpL_opt_number(L, 4, fname, "fb", -HUGE_VAL, HUGE_VAL, 0.0, "");
  }
  if (!(a < b)) return luaL_error(L, "%s: need a < b, got a = %f, b = %f", fname, a, b);
  if (logspace && !(a > 0.0))
    return luaL_error(L, "%s: with log = true, a must be > 0, got %f", fname, a);
  if (rtol == 0.0 && atol == 0.0)
    return luaL_error(L, "%s: rtol and atol cannot both be 0", fname);
  lua_settop(L, 3);
  alpL_count_physics();

  /* 2. box first (closed state), then the solver */
  box = (solver_box *)lua_newuserdatauv(L, sizeof *box, 0);
  box->s = NULL;
  luaL_setmetatable(L, SOLVER_MT);
  box->s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
  if (!box->s) return luaL_error(L, "%s: out of memory", fname);

  /* 3. the bracket */
  c.L = L;
  c.fidx = 1;
  c.logspace = logspace;
  c.nevals = 0;
  c.xa = logspace ? log(a) : a;
  c.xb = logspace ? log(b) : b;
  if (!have_fa) c.fa = call_f(&c, a);
  if (!have_fb) c.fb = call_f(&c, b);
  if (c.fa == 0.0 || c.fb == 0.0) {
    lua_pushnumber(L, c.fa == 0.0 ? a : b);
    lua_pushinteger(L, c.nevals);
    return 2;
  }
  if ((c.fa < 0.0) == (c.fb < 0.0)) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s: f(a) and f(b) must have opposite signs, got "
             "f(%g) = %g, f(%g) = %g", fname, a, c.fa, b, c.fb);
    return luaL_error(L, "%s", msg);
  }
  if (logspace) { epsabs = log1p(rtol); epsrel = 0.0; }
  else { epsabs = atol; epsrel = rtol; }

  /* 4. iterate (the Lua function may raise in any of these calls) */
  F.function = eval_gsl;
  F.params = &c;
  alpL_clear_reason();
  status = gsl_root_fsolver_set(box->s, &F, c.xa, c.xb);
  for (lua_Integer it = 0; status == GSL_SUCCESS; it++) {
    if (it >= max_iter) { status = GSL_EMAXITER; break; }
    status = gsl_root_fsolver_iterate(box->s);
    if (status != GSL_SUCCESS) break;
    status = gsl_root_test_interval(gsl_root_fsolver_x_lower(box->s),
                                    gsl_root_fsolver_x_upper(box->s), epsabs, epsrel);
    if (status == GSL_SUCCESS) break;
    if (status == GSL_CONTINUE) status = GSL_SUCCESS;
  }
  if (status != GSL_SUCCESS) return alpL_status_error(L, fname, status);
  {
    double t = gsl_root_fsolver_root(box->s);
    double root = logspace ? exp(t) : t;
    alpL_checkfinite(L, fname, "root", root);
    lua_pushnumber(L, root);
    lua_pushinteger(L, c.nevals);
  }
  return 2;
}

static const luaL_Reg roots_funcs[] = {
  { "brent", l_roots_brent },
  { NULL, NULL }
};

static const luaL_Reg solver_meta[] = {
  { "__gc",    l_roots_solver_gc },
  { "__close", l_roots_solver_gc },
  { NULL, NULL }
};

int luaopen_alp_roots(lua_State *L)
{
  luaL_newmetatable(L, SOLVER_MT);
  luaL_setfuncs(L, solver_meta, 0);
  lua_pop(L, 1);
  luaL_newlib(L, roots_funcs);
  return 1;
}
