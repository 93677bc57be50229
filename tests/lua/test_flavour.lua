-- tests/lua/test_flavour.lua: flavour-changing couplings set at Lambda
-- (alp.model{csb =, cds =}) and the translation of paper Sec. 3.4 (bounds on
-- |C_ds|, |C_sb| from invisible or prompt ALPs), checked by hand against the
-- recasts' BR limits read off their data files and paper eq. (2.6).
local lu = require "luaunit"
local h = require "helpers"
local flavour = require "alpcast.flavour"

TestFlavour = {}

local K = alp.constants
local LAMBDA = 4 * math.pi * 1000 -- GeV, f_a = 1 TeV (D1)

local function lam(a, b, c) return a * a + b * b + c * c - 2 * (a * b + a * c + b * c) end

-- Seed eq. (2.6): Gamma(P -> P' a) = (pi/4) C^2/Lambda^2 f0^2 m_P (1 - m_P'^2/m_P^2)^2 lambda^1/2
local function gamma_26(C, f0, mP, mD, ma)
  return math.pi / 4 * C * C / LAMBDA ^ 2 * f0 * f0 * mP * (1 - mD * mD / (mP * mP)) ^ 2
         * math.sqrt(lam(mP * mP, mD * mD, ma * ma))
end
-- The coupling at which B = Gamma/(Gamma_P + Gamma) (D16(a)) reaches ul, by hand.
local function c_at(ul, f0, mP, mD, tauP, ma)
  local gP = K.hbar / tauP
  return math.sqrt(gP * ul / (1 - ul) / gamma_26(1, f0, mP, mD, ma))
end

function TestFlavour:test_direct_couplings_enter_eq_2_6()
  -- K+ -> pi+ a with only C_ds (f0^K = 1, D6): eq. (2.6) by hand
  local C, ma = 1e-8, 0.1
  local g = gamma_26(C, 1, K["m_K+"], K["m_pi+"], ma)
  local br = g / (K.hbar / K["tau_K+"] + g)
  h.assert_rel(alp.model { cds = C }:br_k_to_pia(ma), br, 1e-9, "B(K+ -> pi+ a), C_ds only")
  -- B+ -> K+ a with only C_sb at m_a -> 0: f0(0) = 0.329 (seed below eq. 2.7)
  g = gamma_26(1e-7, 0.329, K["m_B+"], K["m_K+"], 1e-4)
  h.assert_rel(alp.model { csb = 1e-7 }:br_b_to_ka(1e-4), g / (K.hbar / K["tau_B+"] + g), 1e-6, "B(B+ -> K+ a), C_sb only")
  -- C_sb only: B -> K a and B -> K* a, no K -> pi a (and the other way round)
  lu.assertEquals(alp.model { csb = 1e-6 }:br_k_to_pia(0.1), 0)
  lu.assertEquals(alp.model { cds = 1e-6 }:br_b_to_ka(0.1), 0)
  lu.assertTrue(alp.model { csb = 1e-6 }:br_b0_to_kstar0a(1) > 0)
end

function TestFlavour:test_direct_couplings_add_to_the_loop_part()
  -- C = |V V| K + c_direct (model.h): the direct coupling that cancels the
  -- loop-induced C_sb of c_ff = 0.01 switches B -> K a off; C_ds is untouched
  local f = alp.model { cff = 0.01 }
  local c = f:couplings(1)
  h.assert_rel(c.csb, 0.041345 * 0.01817 * 0.01, 5e-3, "loop C_sb = |Vts Vtb| K_ff c_ff (D6)")
  local m = alp.model { cff = 0.01, csb = -c.csb }
  lu.assertTrue(m:br_b_to_ka(0.5) < 1e-20 * f:br_b_to_ka(0.5), "cancellation")
  h.assert_rel(m:br_k_to_pia(0.1), f:br_k_to_pia(0.1), 1e-12, "C_ds unchanged")
  -- rates go as |C|^2: doubling the total C_ds quadruples Gamma (B << 1 here)
  local m2 = alp.model { cff = 0.01, cds = c.cds }
  h.assert_rel(m2:couplings(1).cds, 2 * c.cds, 1e-12, "C_ds adds")
  h.assert_rel(m2:br_k_to_pia(0.1) / f:br_k_to_pia(0.1), 4, 1e-6, "|C|^2")
  -- parameters, printing, equality, the lifetime (no diagonal coupling: none)
  lu.assertEquals(m:params().csb, -c.csb)
  lu.assertEquals(m:params().cds, 0)
  lu.assertStrContains(tostring(alp.model { csb = 2e-9 }), "csb=2e-09")
  lu.assertTrue(alp.model { csb = 1e-9 } == alp.model { csb = 1e-9 })
  lu.assertFalse(alp.model { csb = 1e-9 } == alp.model { cds = 1e-9 })
  h.assert_rel(alp.model { cff = 1, csb = 1e-3 }:ctau(0.3), alp.model { cff = 1 }:ctau(0.3), 1e-12,
               "C_sb does not change the width")
end

function TestFlavour:test_bad_couplings_are_rejected()
  lu.assertErrorMsgContains("alp.model: csb must be a finite number in [-1e+09, 1e+09], got nan",
                            alp.model, { csb = 0 / 0 })
  lu.assertErrorMsgContains("alp.model: cds must be", alp.model, { cds = "x" })
  lu.assertErrorMsgContains("alp.model:with: csb must be", function() alp.model {}:with { csb = 1e10 } end)
end

function TestFlavour:test_na62_cds_bound_by_hand()
  -- recasts/data/na62_kpix_ul.csv: m = 0.1 GeV, tau = inf: BR_UL = 1.04e-10
  local d = alp.recast.load(alp.root .. "/recasts/na62_kpix.lua")
  local rows, cols = flavour.bounds(d, {}, { 0.1 }, {}, alp.recast.variant(d))
  lu.assertEquals(cols, { "ma_GeV", "cds_max_invisible" })
  lu.assertStrContains(tostring(d), "flavour:    |C_ds| bound vs m_a (invisible ALP; paper Sec. 3.4) -> cds.csv")
  lu.assertStrContains(tostring(alp.recast.load(alp.root .. "/recasts/charm_kmumu.lua")),
                       "flavour:    none (production and decay correlated")
  h.assert_rel(rows[1][2], c_at(1.04e-10, 1, K["m_K+"], K["m_pi+"], K["tau_K+"], 0.1), 1e-6, "|C_ds| bound")
  -- the same as translating NA62's c_ff edge with eq. (2.4) where the ALP is
  -- long-lived enough for the tau = inf limit: at the bound, B = BR_UL(inf)
  local m = alp.model { cds = rows[1][2] }
  h.assert_rel(m:br_k_to_pia(0.1), 1.04e-10, 1e-9, "B at the bound")
  -- paper Sec. 3.4's own route: NA62's lower c_ff edge translated with eq.
  -- (2.4) (C_ds = |V_td V_ts| K_ff c_ff) gives the same bound, because there
  -- the ALP lives ~2 ms, far beyond 5 ns (the tau = inf limit applies)
  local r = alp.recast.scan(d, "cff", nil, { masses = { 0.1 } })
  local edge = alp.model.benchmark("cff", r.by_mass[1][1][1])
  lu.assertTrue(edge:tau(0.1) > 1e-3, "long-lived at the edge")
  h.assert_rel(edge:couplings(1).cds, rows[1][2], 1e-5, "c_ff edge via eq. (2.4)")
  -- above the kinematic endpoint or the table: no bound
  rows = flavour.bounds(d, {}, { 0.3 }, {}, alp.recast.variant(d))
  lu.assertEquals(rows[1][2], math.huge)
end

function TestFlavour:test_babar_csb_bounds_by_hand()
  -- BaBar K nu nu at 10 MeV: the total limit 3.7e-5 (babar_knunu_total_ul.csv;
  -- the two-body fit starts at 0.1 GeV), f0(m_a^2 = 1e-4) = f0(0) = 0.329 to 1e-5
  local d = alp.recast.load(alp.root .. "/recasts/babar_knunu.lua")
  local p_prompt = 0.1
  local prepared = { { p_at = function(ct) return ct == 0 and p_prompt or 1 end } }
  local rows, cols = flavour.bounds(d, {}, { 0.01 }, prepared, alp.recast.variant(d, "emc_veto"))
  lu.assertEquals(cols, { "ma_GeV", "csb_max_invisible", "csb_max_prompt" })
  local want = c_at(3.7e-5, 0.329, K["m_B+"], K["m_K+"], K["tau_B+"], 0.01)
  h.assert_rel(rows[1][2], want, 1e-4, "|C_sb| bound, invisible ALP")
  -- prompt: only the fraction <P_a>(0) escapes (paper eq. 3.4): UL / <P_a>(0)
  h.assert_rel(rows[1][3], c_at(3.7e-5 / p_prompt, 0.329, K["m_B+"], K["m_K+"], K["tau_B+"], 0.01), 1e-4,
               "|C_sb| bound, prompt ALP")
  -- BaBar K gamma gamma, prompt: the 1 mm curve (D15), babar_kgg_ul.csv at 0.184492 GeV: 1.79008e-07
  local g = alp.recast.load(alp.root .. "/recasts/babar_kgg.lua")
  rows = flavour.bounds(g, {}, { 0.184492 }, {}, alp.recast.variant(g))
  local m = alp.model { csb = rows[1][2] }
  h.assert_rel(m:br_b_to_ka(0.184492), 1.79008e-07, 1e-9, "B(B+ -> K+ a) at the bound = the 1 mm limit")
end

function TestFlavour:test_field_validation_and_suite_output()
  local bad = function(v, msg)
    local ok, err = pcall(flavour.validate, v, function(f, ...) error(string.format(f, ...), 0) end)
    lu.assertFalse(ok)
    lu.assertStrContains(err, msg)
  end
  bad({ coupling = "cbs", production = print, invisible = print }, "coupling must be \"csb\" or \"cds\"")
  bad({ coupling = "csb", invisible = print }, "production must be a function")
  bad({ coupling = "csb", production = print }, "give invisible, prompt or both")
  bad({ coupling = "csb", production = print, prompt = print }, "decay (the final state")
  bad({ coupling = "csb", production = print, invisible = print, extra = 1 }, "unknown key 'extra'")
  bad(42, "must be a table or a string")
  -- the suite writes csb.csv for BaBar K gamma gamma and says why CHARM has none
  local dir = h.tmpdir()
  local out, code = h.run(string.format("%s suite --out %s --only babar_kgg,charm_kmumu --no-figures -j 2",
                                        h.exe(), dir))
  lu.assertEquals(code, 0, out)
  local t = alp.data.csv(dir .. "/babar_kgg/csb.csv")
  lu.assertEquals(t.names, { "ma_GeV", "csb_max_prompt" })
  lu.assertEquals(t.n, 200)
  lu.assertStrContains(t.meta.model, "a -> gamma gamma with B = 1")
  local f = assert(io.open(dir .. "/summary.json"))
  local s = f:read("a")
  f:close()
  lu.assertStrContains(s, "babar_kgg/csb.csv")
  lu.assertStrContains(s, "production and decay are correlated")
  h.rmtree(dir)
end
