/* l_experiment.c -- Lua bindings of alp.experiment: the experiment table
 * (physics/experiment.h), and the reader of experiment names that every
 * binding accepting one uses (alpL_check_experiment).
 *
 *   alp.experiment.list()      -> {"belle2", "babar", ...} (table order)
 *   alp.experiment.info(name)  -> {name=, description=, beams={...},
 *                                  generator=, generator_text=, volumes={...}}
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "experiment.h"
#include "lalp.h"

/* Levenshtein distance of a and b, case-insensitive (as check.lua's
 * suggest); names longer than 63 characters count as far. */
static size_t distance(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b), prev[64], cur[64];
  if (la > 63 || lb > 63) return (size_t)-1;
  for (size_t j = 0; j <= lb; j++) prev[j] = j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t cost = tolower((unsigned char)a[i - 1]) ==
                    tolower((unsigned char)b[j - 1]) ? 0 : 1;
      size_t d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      if (prev[j - 1] + cost < d) d = prev[j - 1] + cost;
      cur[j] = d;
    }
    memcpy(prev, cur, (lb + 1) * sizeof prev[0]);
  }
  return prev[lb];
}

/* The experiment name closest to word, or NULL when none is close (within
 * max(2, #word / 3) edits, the rule of check.lua's suggest). */
static const char *suggest(const char *word)
{
  const char *best = NULL;
  size_t bestd = (size_t)-1, len = strlen(word), tol = len / 3 > 2 ? len / 3 : 2;
  for (size_t i = 0; i < alp_experiment_count(); i++) {
    const char *n = alp_experiment_at(i)->name;
    size_t d = distance(word, n);
    if (d < bestd) { best = n; bestd = d; }
  }
  return bestd <= tol ? best : NULL;
}

const struct alp_experiment *alpL_check_experiment(lua_State *L, int idx,
                                                   const char *fname,
                                                   const char *what)
{
  const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
  const alp_experiment *e = alp_experiment_find(s);
  luaL_Buffer b;
  char got[64];
  const char *hint;
  if (e) return e;
  alpL_got_text(L, idx, got, sizeof got);
  hint = s ? suggest(s) : NULL;
  luaL_buffinit(L, &b);
  for (size_t i = 0; i < alp_experiment_count(); i++) {
    if (i) luaL_addstring(&b, ", ");
    luaL_addchar(&b, '"');
    luaL_addstring(&b, alp_experiment_at(i)->name);
    luaL_addchar(&b, '"');
  }
  luaL_pushresult(&b);
  if (hint)
    luaL_error(L, "%s: %s must be one of %s, got %s (did you mean '%s'?)", fname,
               what, lua_tostring(L, -1), got, hint);
  luaL_error(L, "%s: %s must be one of %s, got %s", fname, what,
             lua_tostring(L, -1), got);
  return NULL;
}

static int l_experiment_list(lua_State *L)
{
  lua_createtable(L, (int)alp_experiment_count(), 0);
  for (size_t i = 0; i < alp_experiment_count(); i++) {
    lua_pushstring(L, alp_experiment_at(i)->name);
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  return 1;
}

static void set_number(lua_State *L, const char *k, double v)
{
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static int l_experiment_info(lua_State *L)
{
  static const char *const fname = "alp.experiment.info";
  const alp_experiment *e = alpL_check_experiment(L, 1, fname, "name");
  alp_detector *d = NULL;
  double P[4], n[3];
  int status;
  alpL_clear_reason();
  status = alp_collider_frame(&e->beams, P, n);
  if (status) return alpL_status_error(L, fname, status);
  lua_newtable(L);
  lua_pushstring(L, e->name);
  lua_setfield(L, -2, "name");
  lua_pushstring(L, e->description);
  lua_setfield(L, -2, "description");
  /* beams: the collider (kinematics.h) and the e+e- system it makes. */
  lua_newtable(L);
  set_number(L, "e_minus", e->beams.e_minus);
  set_number(L, "e_plus", e->beams.e_plus);
  set_number(L, "half_angle", e->beams.half_angle);
  set_number(L, "mass", alp_kin_mass(P));
  set_number(L, "sqrt_s", 2.0 * cos(e->beams.half_angle) *
                          sqrt(e->beams.e_minus * e->beams.e_plus));
  set_number(L, "betagamma", sqrt(P[1] * P[1] + P[2] * P[2] + P[3] * P[3]) /
                             alp_kin_mass(P));
  /* |p| of the two beams (REFERENCE §5.1: ((E- + E+) sin a, 0,
   * (E- - E+) cos a)), not scaled to mass */
  set_number(L, "p", hypot((e->beams.e_minus + e->beams.e_plus) * sin(e->beams.half_angle),
                           (e->beams.e_minus - e->beams.e_plus) * cos(e->beams.half_angle)));
  lua_setfield(L, -2, "beams");
  /* the alp.sample constructor of the generator */
  lua_pushstring(L, e->generator == ALP_GEN_Y4S_B_TO_KA ? "b_to_ka" :
                  e->generator == ALP_GEN_V_TO_GAMMA_A ? "v_to_gamma_a" : "?");
  lua_setfield(L, -2, "generator");
  if (e->parent) {
    lua_pushstring(L, e->parent);
    lua_setfield(L, -2, "parent");
    set_number(L, "boost", e->v_boost);
  }
  lua_pushstring(L, alp_generator_text(e->generator));
  lua_setfield(L, -2, "generator_text");
  status = e->detector(&d);
  if (status) return alpL_status_error(L, fname, status);
  lua_createtable(L, (int)alp_detector_count(d), 0);
  for (size_t i = 0; i < alp_detector_count(d); i++) {
    lua_pushstring(L, alp_detector_volume_name(d, i));
    lua_rawseti(L, -2, (lua_Integer)(i + 1));
  }
  alp_detector_free(d);
  lua_setfield(L, -2, "volumes");
  lua_newtable(L);
  if (e->sigma_bpbm_nb > 0) set_number(L, "B+B-", e->sigma_bpbm_nb);
  if (e->sigma_b0b0_nb > 0) set_number(L, "B0B0bar", e->sigma_b0b0_nb);
  lua_setfield(L, -2, "sigma_nb");
  return 1;
}

/* alp.experiment.mesons(name, pair, lumi_nb_inv) -> N = 2 sigma L: the
 * number of B mesons and antimesons (each pair gives one B and one anti-B,
 * both decay to K a: seed Sec. 4.1, REFERENCE D9/D10 N_B = 2 sigma(B+B-) L).
 * lumi in nb^-1 (the Lua wrapper converts {50, "ab^-1"}). */
static int l_experiment_mesons(lua_State *L)
{
  static const char *const fname = "alp.experiment.mesons";
  static const char *const pairs[] = { "B+B-", "B0B0bar", NULL };
  const alp_experiment *e = alpL_check_experiment(L, 1, fname, "name");
  const char *pair = luaL_checkstring(L, 2);
  int k = strcmp(pair, pairs[0]) == 0 ? 0 : strcmp(pair, pairs[1]) == 0 ? 1 : -1;
  if (k < 0)
    return luaL_error(L, "%s: pair must be \"B+B-\" or \"B0B0bar\", got '%s'", fname, pair);
  double lumi = alpL_checkrange(L, 3, fname, "lumi", 0.0, 1e15, "nb^-1");
  double sigma = k == 0 ? e->sigma_bpbm_nb : e->sigma_b0b0_nb;
  if (!(sigma > 0))
    return luaL_error(L, "%s: %s declares no %s cross section (give the number of "
                      "B mesons in the recast, with its source)", fname, e->name, pairs[k]);
  lua_pushnumber(L, 2.0 * sigma * lumi);
  lua_pushnumber(L, sigma);
  return 2;
}

static const luaL_Reg experiment_funcs[] = {
  { "list", l_experiment_list },
  { "info", l_experiment_info },
  { "mesons", l_experiment_mesons },
  { NULL, NULL }
};

int luaopen_alp_experiment(lua_State *L)
{
  luaL_newlib(L, experiment_funcs);
  return 1;
}
