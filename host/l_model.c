/* l_model.c -- Lua bindings of alp.model (physics/model.h, widths.h,
 * production.h).
 *
 *   alp.model{cff=, cww=, cbb=, cgg=, csb=, cds=, fa=, cf={u=,...,tau=}, gamma_inv=}
 *   alp.model.benchmark("cff"|"cWW", c [, fa])
 *   alp.model.thresholds          kinematic endpoints and mass range (GeV)
 *   alp.model.max_coupling(parent) EFT validity bound of D16(b), TeV^-1
 *
 * A model is an immutable userdata (metatable "alp.model") holding the
 * alp_model struct inline: no heap, no __gc.  m:with{...} returns a new one.
 * Methods taking masses accept a number or an array of numbers and return
 * the same form: a whole curve is one call into C.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "constants.h"
#include "errors.h"
#include "lalp.h"
#include "model.h"
#include "production.h"
#include "quarkonium.h"
#include "widths.h"

#define MODEL_MT "alp.model"

static const char *const model_keys[] = { "cff", "cww", "cbb", "cgg", "csb", "cds", "fa",
                                          "cf", "gamma_inv", NULL };
static const char *const fermion_keys[ALP_NF + 1] = { "u", "c", "t", "d", "s", "b",
                                                      "e", "mu", "tau", NULL };

/* The userdata: the model and the partial widths at the last mass asked
 * (a recast asks for c tau and branching ratios at one mass in a row: one
 * alp_widths call instead of several; the same bits, issue #14). */
typedef struct {
  alp_model m;        /* first: check_model returns it */
  int have_w;
  double w_ma, w[ALP_NCH];
} lmodel;

static alp_model *check_model(lua_State *L, int i)
{
  return (alp_model *)alpL_checkself(L, i, MODEL_MT);
}

/* Partial widths of u at ma (kept for the next call at the same ma). */
static int widths_at(lmodel *u, double ma, double w[ALP_NCH])
{
  if (!(u->have_w && u->w_ma == ma)) {
    int status = alp_widths(&u->m, ma, u->w);
    u->have_w = status == 0;
    if (status) return status;
    u->w_ma = ma;
  }
  memcpy(w, u->w, sizeof u->w);
  return GSL_SUCCESS;
}

/* ---- model parameters from an option table -------------------------------- */

/* Read the options at idx on top of *p (the defaults, or the model being
 * changed by :with).  cff sets all nine fermion couplings; cf = {...}
 * then overrides single fermions. */
static void read_params(lua_State *L, int idx, const char *fname,
                        alp_model_params *p)
{
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) != LUA_TTABLE) {
    char g[64];
    luaL_error(L, "%s: expected a table of options {cff=, cww=, cbb=, cgg=, csb=, cds=, "
                  "fa=, cf=, gamma_inv=}, got %s", fname, alpL_got_text(L, idx, g, sizeof g));
  }
  alpL_check_keys(L, idx, fname, model_keys);
  lua_getfield(L, idx, "cff");
  if (!lua_isnil(L, -1)) {
    double c = alpL_opt_number(L, idx, fname, "cff", -ALP_C_MAX, ALP_C_MAX, 0, "");
    for (int i = 0; i < ALP_NF; i++) p->cf[i] = c;
  }
  lua_pop(L, 1);
  p->cWW = alpL_opt_number(L, idx, fname, "cww", -ALP_C_MAX, ALP_C_MAX, p->cWW, "");
  p->cBB = alpL_opt_number(L, idx, fname, "cbb", -ALP_C_MAX, ALP_C_MAX, p->cBB, "");
  p->cGG = alpL_opt_number(L, idx, fname, "cgg", -ALP_C_MAX, ALP_C_MAX, p->cGG, "");
  /* flavour-changing couplings at Lambda (model.h: real, left-handed) */
  p->csb = alpL_opt_number(L, idx, fname, "csb", -ALP_C_MAX, ALP_C_MAX, p->csb, "");
  p->cds = alpL_opt_number(L, idx, fname, "cds", -ALP_C_MAX, ALP_C_MAX, p->cds, "");
  p->fa = alpL_opt_number(L, idx, fname, "fa", ALP_FA_MIN, ALP_FA_MAX, p->fa, "GeV");
  p->gamma_inv = alpL_opt_number(L, idx, fname, "gamma_inv", 0, 1e6, p->gamma_inv, "GeV");
  lua_getfield(L, idx, "cf");
  if (!lua_isnil(L, -1)) {
    int t = lua_gettop(L);
    char ctx[96];
    snprintf(ctx, sizeof ctx, "%s (option cf)", fname);
    if (lua_type(L, t) != LUA_TTABLE) {
      char g[64];
      luaL_error(L, "%s: cf must be a table of per-fermion couplings {u=, c=, t=, d=, "
                    "s=, b=, e=, mu=, tau=}, got %s", fname, alpL_got_text(L, t, g, sizeof g));
    }
    alpL_check_keys(L, t, ctx, fermion_keys);
    for (int i = 0; i < ALP_NF; i++) {
      lua_getfield(L, t, fermion_keys[i]);
      if (!lua_isnil(L, -1)) {
        char name[16];
        snprintf(name, sizeof name, "cf.%s", fermion_keys[i]);
        p->cf[i] = alpL_checkrange(L, -1, fname, name, -ALP_C_MAX, ALP_C_MAX, "");
      }
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

/* Create the userdata (box first), then initialise it through physics/. */
static int push_model(lua_State *L, const alp_model_params *p, const char *fname)
{
  lmodel *u = (lmodel *)lua_newuserdatauv(L, sizeof *u, 0);
  alp_model *m = &u->m;
  int status;
  memset(u, 0, sizeof *u);
  luaL_setmetatable(L, MODEL_MT);
  alpL_clear_reason();
  alpL_count_physics();
  status = alp_model_init(m, p);
  if (status) return alpL_status_error(L, fname, status);
  return 1;
}

/* alp.model{...} (the __call of the alp.model table) */
static int l_model_call(lua_State *L)
{
  alp_model_params p;
  alp_model_params_default(&p);
  read_params(L, 2, "alp.model", &p);
  return push_model(L, &p, "alp.model");
}

/* alp.model.benchmark(name, c [, fa]) */
static int l_model_benchmark(lua_State *L)
{
  const char *fname = "alp.model.benchmark";
  const char *name = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  alp_model_params p;
  double c, fa = ALP_FA_DEFAULT;
  if (!name || (strcmp(name, "cff") != 0 && strcmp(name, "cWW") != 0)) {
    char g[64];
    return luaL_error(L, "%s: name must be one of \"cff\", \"cWW\", got %s", fname,
                      alpL_got_text(L, 1, g, sizeof g));
  }
  c = alpL_checkrange(L, 2, fname, "c", -ALP_C_MAX, ALP_C_MAX, "");
  if (!lua_isnoneornil(L, 3)) fa = alpL_checkrange(L, 3, fname, "fa", ALP_FA_MIN, ALP_FA_MAX, "GeV");
  if (alp_model_benchmark(name, c, fa, &p)) return luaL_error(L, "%s: unknown benchmark", fname);
  return push_model(L, &p, fname);
}

/* alp.model.max_coupling(parent) -> c_max [TeV^-1], m_P [GeV] (D16(b)) */
static int l_model_max_coupling(lua_State *L)
{
  const char *fname = "alp.model.max_coupling";
  const char *name = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  double cmax, mP;
  if (alp_validity_max_coupling(name, &cmax, &mP)) {
    luaL_Buffer b;
    char g[64];
    alpL_got_text(L, 1, g, sizeof g);
    luaL_buffinit(L, &b);
    for (int i = 0; alp_parent_name(i); i++) {
      if (i) luaL_addstring(&b, ", ");
      luaL_addchar(&b, '"');
      luaL_addstring(&b, alp_parent_name(i));
      luaL_addchar(&b, '"');
    }
    luaL_pushresult(&b);
    return luaL_error(L, "%s: parent must be one of %s, got %s", fname, lua_tostring(L, -1), g);
  }
  lua_pushnumber(L, cmax);
  lua_pushnumber(L, mP);
  return 2;
}

/* m:with{...} */
static int l_model_with(lua_State *L)
{
  alp_model *m = check_model(L, 1);
  alp_model_params p = m->p;
  read_params(L, 2, "alp.model:with", &p);
  return push_model(L, &p, "alp.model:with");
}

/* ---- methods of masses ---------------------------------------------------------- */

enum what { W_WIDTH, W_BR, W_CTAU, W_TAU, W_B_KA, W_B0_K0A, W_K_PIA, W_B0_KST0A, W_KL_PI0A };

/* Channel name at arg (required unless `optional`; -1 = total). */
static int check_channel(lua_State *L, int arg, const char *fname, int optional)
{
  const char *s = lua_type(L, arg) == LUA_TSTRING ? lua_tostring(L, arg) : NULL;
  int ch;
  if (optional && lua_isnoneornil(L, arg)) return -1;
  ch = s ? alp_channel_index(s) : -1;
  if (ch < 0) {
    luaL_Buffer b;
    char g[64];
    alpL_got_text(L, arg, g, sizeof g);
    luaL_buffinit(L, &b);
    for (int i = 0; i < ALP_NCH; i++) {
      if (i) luaL_addstring(&b, ", ");
      luaL_addchar(&b, '"');
      luaL_addstring(&b, alp_channel_name(i));
      luaL_addchar(&b, '"');
    }
    luaL_pushresult(&b);
    return luaL_error(L, "%s: channel must be one of %s, got %s", fname, lua_tostring(L, -1), g);
  }
  return ch;
}

static int compute(alp_model *m, enum what w, int ch, double ma, double *out)
{
  double pw[ALP_NCH];
  int st;
  switch (w) {
  case W_WIDTH: case W_BR: case W_CTAU: case W_TAU: /* alp_width_total, alp_width, alp_br, alp_ctau */
    if ((st = widths_at((lmodel *)m, ma, pw))) return st;
    if (w == W_WIDTH) { *out = ch < 0 ? alp_total_of_widths(pw) : pw[ch]; return GSL_SUCCESS; }
    if (w == W_BR) return alp_br_of_widths(pw, ch, out);
    st = alp_ctau_of_widths(pw, out);
    if (!st && w == W_TAU) *out /= ALP_C_LIGHT; /* tau = c tau / c [s] */
    return st;
  case W_B_KA: return alp_br_b_to_ka(m, ma, out);
  case W_B0_K0A: return alp_br_b0_to_k0a(m, ma, out);
  case W_K_PIA: return alp_br_k_to_pia(m, ma, out);
  case W_B0_KST0A: return alp_br_b0_to_kstar0a(m, ma, out);
  case W_KL_PI0A: return alp_br_kl_to_pi0a(m, ma, out);
  }
  return GSL_EINVAL;
}

static int eval_masses(lua_State *L, const char *fname, enum what w, double hi)
{
  alp_model *m = check_model(L, 1);
  size_t n;
  int is_array, ch = -1;
  double *x, *y, scalar;
  if (w == W_WIDTH) ch = check_channel(L, 3, fname, 1);
  if (w == W_BR) ch = check_channel(L, 3, fname, 0);
  x = alpL_checknumbers(L, 2, fname, "ma", ALP_MA_MIN, hi, "GeV", &n, &is_array);
  y = is_array ? alpL_newbuffer(L, n) : &scalar;
  alpL_clear_reason();
  alpL_count_physics();
  for (size_t i = 0; i < n; i++) {
    int status = compute(m, w, ch, x[i], &y[i]);
    if (status) return alpL_status_error(L, fname, status);
    alpL_checkfinite(L, fname, "result", y[i]);
  }
  if (is_array) alpL_pushnumbers(L, y, n);
  else lua_pushnumber(L, scalar);
  return 1;
}

static int l_model_width(lua_State *L) { return eval_masses(L, "alp.model:width", W_WIDTH, ALP_MA_MAX); }
static int l_model_br(lua_State *L) { return eval_masses(L, "alp.model:br", W_BR, ALP_MA_MAX); }
static int l_model_ctau(lua_State *L) { return eval_masses(L, "alp.model:ctau", W_CTAU, ALP_MA_MAX); }
static int l_model_tau(lua_State *L) { return eval_masses(L, "alp.model:tau", W_TAU, ALP_MA_MAX); }
static int l_model_br_b_to_ka(lua_State *L)
{
  return eval_masses(L, "alp.model:br_b_to_ka", W_B_KA, alp_ma_max_b_to_ka());
}
static int l_model_br_b0_to_k0a(lua_State *L)
{
  return eval_masses(L, "alp.model:br_b0_to_k0a", W_B0_K0A, alp_ma_max_b0_to_k0a());
}
static int l_model_br_k_to_pia(lua_State *L)
{
  return eval_masses(L, "alp.model:br_k_to_pia", W_K_PIA, alp_ma_max_k_to_pia());
}
static int l_model_br_b0_to_kstar0a(lua_State *L)
{
  return eval_masses(L, "alp.model:br_b0_to_kstar0a", W_B0_KST0A, alp_ma_max_b0_to_kstar0a());
}

/* ---- radiative quarkonium decays V -> gamma a (REF D17) -------------------- */

static const char *const vector_names[] = { "J/psi", "Upsilon(1S)", "Upsilon(3S)", NULL };

/* Positional string argument among choices, else "fname: what must be one of ..." */
static int check_choice(lua_State *L, int idx, const char *fname, const char *what,
                        const char *const choices[], int def)
{
  const char *s = lua_isnoneornil(L, idx) && def >= 0 ? choices[def] : lua_tostring(L, idx);
  for (int i = 0; s && lua_type(L, idx) != LUA_TNUMBER && choices[i]; i++)
    if (strcmp(s, choices[i]) == 0) return i;
  {
    char buf[64];
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; choices[i]; i++) {
      if (i) luaL_addstring(&b, ", ");
      luaL_addchar(&b, '"');
      luaL_addstring(&b, choices[i]);
      luaL_addchar(&b, '"');
    }
    luaL_pushresult(&b);
    return luaL_error(L, "%s: %s must be one of %s, got %s", fname, what, lua_tostring(L, -1),
                      alpL_got_text(L, idx, buf, sizeof buf));
  }
}

/* m:br_v_to_gamma_a(parent, ma [, form]) */
static int l_model_br_v_to_gamma_a(lua_State *L)
{
  static const char *const fname = "alp.model:br_v_to_gamma_a";
  static const char *const forms[] = { "lattice", "lo", NULL };
  alp_model *m = check_model(L, 1);
  int v = check_choice(L, 2, fname, "parent", vector_names, -1), lo, is_array;
  size_t n;
  double *x, *y, scalar;
  lo = check_choice(L, 4, fname, "form", forms, 0);
  x = alpL_checknumbers(L, 3, fname, "ma", 0.0, alp_vector_mass(v), "GeV", &n, &is_array);
  y = is_array ? alpL_newbuffer(L, n) : &scalar;
  alpL_clear_reason();
  alpL_count_physics();
  for (size_t i = 0; i < n; i++) {
    int status = alp_br_v_to_gamma_a(m, v, x[i], lo, &y[i]);
    if (status) return alpL_status_error(L, fname, status);
    alpL_checkfinite(L, fname, "result", y[i]);
  }
  if (is_array) alpL_pushnumbers(L, y, n);
  else lua_pushnumber(L, scalar);
  return 1;
}

/* alp.model.v_decay_beyond{parent=, ma=, boost=, r=, ctau=} */
static int l_model_v_decay_beyond(lua_State *L)
{
  static const char *const fname = "alp.model.v_decay_beyond";
  static const char *const keys[] = { "parent", "ma", "boost", "r", "ctau", NULL };
  int v;
  double mV, ma, bg, r, ctau, p;
  luaL_checktype(L, 1, LUA_TTABLE);
  alpL_check_keys(L, 1, fname, keys);
  v = alpL_opt_option(L, 1, fname, "parent", vector_names, -1);
  mV = alp_vector_mass(v);
  ma = alpL_opt_number(L, 1, fname, "ma", 0.0, mV, ALPL_REQUIRED, "GeV");
  bg = alpL_opt_number(L, 1, fname, "boost", 0.0, 10.0, ALPL_REQUIRED, "");
  r = alpL_opt_number(L, 1, fname, "r", 0.0, 1e6, ALPL_REQUIRED, "m");
  lua_getfield(L, 1, "ctau");
  if (!(lua_type(L, -1) == LUA_TNUMBER && lua_tonumber(L, -1) > 0))
    return luaL_error(L, "%s: ctau must be a number > 0 (m; math.huge allowed), got %s", fname,
                      luaL_tolstring(L, -1, NULL));
  ctau = lua_tonumber(L, -1);
  alpL_count_physics();
  if (alp_v_decay_beyond(mV, ma, bg, r, ctau, &p)) return alpL_status_error(L, fname, GSL_EDOM);
  lua_pushnumber(L, p);
  return 1;
}

static int l_model_br_kl_to_pi0a(lua_State *L)
{
  return eval_masses(L, "alp.model:br_kl_to_pi0a", W_KL_PI0A, alp_ma_max_kl_to_pi0a());
}

/* m:channels() */
static int l_model_channels(lua_State *L)
{
  check_model(L, 1);
  lua_createtable(L, ALP_NCH, 0);
  for (int i = 0; i < ALP_NCH; i++) {
    lua_pushstring(L, alp_channel_name(i));
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* ---- couplings and parameters ------------------------------------------------ */

/* t[k] = v for the table on top; no NaN crosses into Lua silently. */
static void setnum(lua_State *L, const char *k, double v)
{
  alpL_checkfinite(L, "alp.model", k, v);
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

/* Push the table of couplings at scale mu (see help "alp.model:couplings"). */
static void push_couplings(lua_State *L, const char *fname, const alp_model *m, double mu)
{
  int status;
  lua_createtable(L, 0, 12);
  setnum(L, "mu", mu);
  if (mu <= ALP_MZ) {
    double c[ALP_NC], as, ae;
    static const int idx[8] = { ALP_C_U, ALP_C_C, ALP_C_D, ALP_C_S, ALP_C_B,
                                ALP_C_E, ALP_C_MU, ALP_C_TAU };
    static const char *const names[8] = { "u", "c", "d", "s", "b", "e", "mu", "tau" };
    status = alp_model_couplings_low(m, mu, c);
    if (!status) status = alp_couplings_sm_low(mu, &as, &ae);
    if (status) { alpL_status_error(L, fname, status); return; }
    lua_createtable(L, 0, 8);
    for (int i = 0; i < 8; i++) setnum(L, names[i], c[idx[i]]);
    lua_setfield(L, -2, "cf");
    setnum(L, "cgg", c[ALP_C_GG]);
    setnum(L, "cgammagamma", c[ALP_C_GAMGAM]);
    setnum(L, "csb", alp_model_csb(m));
    setnum(L, "cds", alp_model_cds(m));
    setnum(L, "alpha_s", as);
    setnum(L, "alpha", ae);
  } else {
    double cf[ALP_NF], cQsb, sm[4];
    status = alp_model_couplings_high(m, mu, cf, &cQsb);
    if (!status) status = alp_sm_high(mu, sm);
    if (status) { alpL_status_error(L, fname, status); return; }
    lua_createtable(L, 0, ALP_NF);
    for (int i = 0; i < ALP_NF; i++) setnum(L, fermion_keys[i], cf[i]);
    lua_setfield(L, -2, "cf");
    setnum(L, "cgg", m->p.cGG);
    setnum(L, "cww", m->p.cWW);
    setnum(L, "cbb", m->p.cBB);
    setnum(L, "cgammagamma", m->p.cWW + m->p.cBB);
    setnum(L, "csb", cQsb);
    setnum(L, "alpha_s", sm[2]);
    setnum(L, "alpha", 1 / (1 / sm[0] + 1 / sm[1]));
    setnum(L, "yt", sm[3]);
  }
}

/* m:couplings(mu) */
static int l_model_couplings(lua_State *L)
{
  const char *fname = "alp.model:couplings";
  alp_model *m = check_model(L, 1);
  size_t n;
  int is_array;
  double *mu = alpL_checknumbers(L, 2, fname, "mu", ALP_MU_LOW_MIN, m->Lambda, "GeV", &n,
                                 &is_array);
  alpL_clear_reason();
  alpL_count_physics();
  if (!is_array) {
    push_couplings(L, fname, m, mu[0]);
    return 1;
  }
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_couplings(L, fname, m, mu[i]);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  return 1;
}

static int is_universal(const alp_model *m)
{
  for (int i = 1; i < ALP_NF; i++)
    if (m->p.cf[i] != m->p.cf[0]) return 0;
  return 1;
}

/* m:params() */
static int l_model_params(lua_State *L)
{
  alp_model *m = check_model(L, 1);
  lua_createtable(L, 0, 9);
  if (is_universal(m)) setnum(L, "cff", m->p.cf[0]);
  lua_createtable(L, 0, ALP_NF);
  for (int i = 0; i < ALP_NF; i++) setnum(L, fermion_keys[i], m->p.cf[i]);
  lua_setfield(L, -2, "cf");
  setnum(L, "cww", m->p.cWW);
  setnum(L, "cbb", m->p.cBB);
  setnum(L, "cgg", m->p.cGG);
  setnum(L, "csb", m->p.csb);
  setnum(L, "cds", m->p.cds);
  setnum(L, "fa", m->p.fa);
  setnum(L, "Lambda", m->Lambda);
  setnum(L, "gamma_inv", m->p.gamma_inv);
  return 1;
}

/* ---- metamethods ---------------------------------------------------------------- */

static int l_model_tostring(lua_State *L)
{
  alp_model *m = check_model(L, 1);
  luaL_Buffer b;
  char s[160];
  luaL_buffinit(L, &b);
  luaL_addstring(&b, "alp.model{");
  if (is_universal(m)) {
    snprintf(s, sizeof s, "cff=%.6g", m->p.cf[0]);
    luaL_addstring(&b, s);
  } else {
    luaL_addstring(&b, "cf={");
    for (int i = 0; i < ALP_NF; i++) {
      snprintf(s, sizeof s, "%s%s=%.6g", i ? ", " : "", fermion_keys[i], m->p.cf[i]);
      luaL_addstring(&b, s);
    }
    luaL_addstring(&b, "}");
  }
  snprintf(s, sizeof s, ", cww=%.6g, cbb=%.6g, cgg=%.6g, fa=%.6g GeV, Lambda=%.6g GeV",
           m->p.cWW, m->p.cBB, m->p.cGG, m->p.fa, m->Lambda);
  luaL_addstring(&b, s);
  if (m->p.csb != 0 || m->p.cds != 0) {
    snprintf(s, sizeof s, ", csb=%.6g, cds=%.6g", m->p.csb, m->p.cds);
    luaL_addstring(&b, s);
  }
  if (m->p.gamma_inv > 0) {
    snprintf(s, sizeof s, ", gamma_inv=%.6g GeV", m->p.gamma_inv);
    luaL_addstring(&b, s);
  }
  luaL_addstring(&b, "}");
  luaL_pushresult(&b);
  return 1;
}

static int l_model_eq(lua_State *L)
{
  alp_model *a = check_model(L, 1), *b = check_model(L, 2);
  int eq = a->p.cGG == b->p.cGG && a->p.cWW == b->p.cWW && a->p.cBB == b->p.cBB
        && a->p.fa == b->p.fa && a->p.gamma_inv == b->p.gamma_inv
        && a->p.csb == b->p.csb && a->p.cds == b->p.cds;
  for (int i = 0; eq && i < ALP_NF; i++) eq = a->p.cf[i] == b->p.cf[i];
  lua_pushboolean(L, eq);
  return 1;
}

static const luaL_Reg model_methods[] = {
  { "width", l_model_width },
  { "br", l_model_br },
  { "channels", l_model_channels },
  { "ctau", l_model_ctau },
  { "tau", l_model_tau },
  { "couplings", l_model_couplings },
  { "params", l_model_params },
  { "br_b_to_ka", l_model_br_b_to_ka },
  { "br_b0_to_k0a", l_model_br_b0_to_k0a },
  { "br_k_to_pia", l_model_br_k_to_pia },
  { "br_b0_to_kstar0a", l_model_br_b0_to_kstar0a },
  { "br_v_to_gamma_a", l_model_br_v_to_gamma_a }, /* REF D17 */
  { "br_kl_to_pi0a", l_model_br_kl_to_pi0a },
  { "with", l_model_with },
  { NULL, NULL }
};

static const luaL_Reg model_meta[] = {
  { "__tostring", l_model_tostring },
  { "__eq", l_model_eq },
  { NULL, NULL }
};

static const luaL_Reg module_funcs[] = {
  { "benchmark", l_model_benchmark },
  { "max_coupling", l_model_max_coupling },
  { "v_decay_beyond", l_model_v_decay_beyond }, /* REF D17 */
  { NULL, NULL }
};

int luaopen_alp_model(lua_State *L)
{
  /* metatable of model userdata */
  if (luaL_newmetatable(L, MODEL_MT)) {
    luaL_setfuncs(L, model_meta, 0);
    luaL_newlib(L, model_methods);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);

  /* the alp.model table: functions, thresholds, and __call = constructor */
  luaL_newlib(L, module_funcs);
  lua_createtable(L, 0, 6);
  setnum(L, "ma_min", ALP_MA_MIN);
  setnum(L, "ma_max", ALP_MA_MAX);
  setnum(L, "b_to_ka", alp_ma_max_b_to_ka());
  setnum(L, "b0_to_k0a", alp_ma_max_b0_to_k0a());
  setnum(L, "k_to_pia", alp_ma_max_k_to_pia());
  setnum(L, "b0_to_kstar0a", alp_ma_max_b0_to_kstar0a());
  setnum(L, "kl_to_pi0a", alp_ma_max_kl_to_pi0a());
  lua_setfield(L, -2, "thresholds");
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, l_model_call);
  lua_setfield(L, -2, "__call");
  lua_setmetatable(L, -2);
  return 1;
}
