-- tests/lua/test_model.lua: alp.model bindings (host/l_model.c).  Values from
-- REFERENCE.md §2.5, §4.6 (decided chain, shared/physics/checks/
-- decided_chain.py) and paper eqs. (2.7), (3.7); error messages must name the
-- function, the argument and the allowed range.
local lu = require "luaunit"
local h = require "helpers"

local HBARC = 1.973269804e-16 -- GeV m, REFERENCE.md D8

TestModel = {}

function TestModel:test_done_when_command()
  -- issue #3 "Done when": ctau(0.3) = 1.700e-6 m (REF §4.6, 2 %) and
  -- BR(B+ -> K+ a) at 0.3 GeV: Gamma/Gamma_B = 0.10854 (decided_chain.py, 0.1 %),
  -- BR = 0.10854/1.10854 with the B's own width (D16(a))
  local out, code = h.run(h.exe() .. [[ -e 'm=alp.model.benchmark("cff",1) print(m:ctau(0.3), m:br_b_to_ka(0.3))']])
  lu.assertEquals(code, 0, out)
  local ct, br = out:match("^(%S+)%s+(%S+)")
  h.assert_rel(tonumber(ct), 1.700e-6, 0.02, "ctau(0.3 GeV), c_ff = 1")
  h.assert_rel(tonumber(br), 0.10854 / 1.10854, 1e-3, "BR(B+ -> K+ a) at 0.3 GeV")
end

function TestModel:test_seed_prefactors()
  -- the prefactors are Gamma(P -> P' a)/Gamma_P at unit coupling: read at
  -- c = 1e-4, where BR = Gamma/(Gamma_P + Gamma) (D16(a)) is Gamma/Gamma_P
  -- to 1e-9, and scaled by 1e8
  local s = 1e-4
  local f = alp.model.benchmark("cff", s)
  local w = alp.model.benchmark("cWW", 1)
  local ma = 1e-6 -- "small m_a": shape factor 1 to 1e-12
  -- SEED (2.7) prefactor 0.108 (D3; paper "0.1"), 1 %
  h.assert_rel(f:br_b_to_ka(ma) / s ^ 2, 0.108, 0.01, "(2.7) prefactor")
  -- c_WW coefficient -0.00159 (D3; paper -0.0016), 1 %; sign from csb
  local coef = math.sqrt(w:br_b_to_ka(ma) / f:br_b_to_ka(ma)) * s
  if w:couplings(1).csb * f:couplings(1).csb < 0 then coef = -coef end
  h.assert_rel(coef, -0.00159, 0.01, "(2.7) c_WW coefficient")
  -- SEED (3.7): 4.08e-4 (D3; paper 4.12e-4), 1 %
  h.assert_rel(f:br_k_to_pia(ma) / s ^ 2, 4.08e-4, 0.01, "(3.7) prefactor")
  -- (2.6): BR ~ |C_sb|^2/Lambda^2; doubling f_a divides by 4 and the longer
  -- running increases C_sb (by about 12 %)
  local f2 = alp.model.benchmark("cff", s, 2000)
  local r = f2:br_b_to_ka(ma) / f:br_b_to_ka(ma)
  local k = f2:couplings(1).csb / f:couplings(1).csb
  h.assert_rel(r, 0.25 * k * k, 1e-8, "1/Lambda^2 scaling at fixed C_sb")
  lu.assertTrue(k > 1.05 and k < 1.2, "C_sb grows with ln Lambda: " .. k)
end

function TestModel:test_validation_table_and_relations()
  -- REFERENCE.md §4.6, within 2 %; at 1.01 GeV the D7 amendment moves
  -- §4.6's 2.395e-8 m by +2.9 % (decided_chain.py with the amendment: 2.4644e-8)
  local f = alp.model.benchmark("cff", 1)
  local w = alp.model.benchmark("cWW", 1)
  local ct = f:ctau { 0.005, 0.2, 1.01, 2.6 }
  local want = { 3.162, 0.07730, 2.4644e-8, 2.234e-9 }
  for i = 1, #want do h.assert_rel(ct[i], want[i], 0.02, "REF 4.6 ctau cff #" .. i) end
  h.assert_rel(w:ctau(0.05), 58.86, 0.02, "REF 4.6 ctau cWW 50 MeV")
  h.assert_rel(w:br(0.3, "mumu"), 0.0100, 0.02, "REF 4.6 BR(mumu) cWW 0.3 GeV")
  h.assert_rel(f:br(2.6, "cc"), 0.8028, 0.02, "REF 4.6 BR(cc) cff 2.6 GeV")
  -- partial widths add up to the total; BRs to 1; ctau * Gamma = hbar c
  for _, ma in ipairs { 0.0123, 0.2385, 0.731, 1.234, 3.71 } do
    local sum, sbr = 0, 0
    for _, ch in ipairs(f:channels()) do
      sum = sum + f:width(ma, ch)
      sbr = sbr + f:br(ma, ch)
    end
    h.assert_rel(sum, f:width(ma), 1e-13, "sum of partial widths at " .. ma)
    h.assert_rel(sbr, 1, 1e-13, "sum of BRs at " .. ma)
    h.assert_rel(f:ctau(ma) * f:width(ma), HBARC, 1e-13, "ctau Gamma = hbar c at " .. ma)
  end
  -- width proportional to c^2 in both benchmarks
  for _, b in ipairs { "cff", "cWW" } do
    local g1 = alp.model.benchmark(b, 1):width(0.4321)
    local g2 = alp.model.benchmark(b, 2.385):width(0.4321)
    h.assert_rel(g2, 2.385 ^ 2 * g1, 1e-12, "Gamma ~ c^2, " .. b)
  end
end

function TestModel:test_thresholds()
  local f = alp.model.benchmark("cff", 1)
  local mmu = 0.1056583745 -- PDG 2020, physics/constants.h
  lu.assertEquals(f:width(2 * mmu * 0.9999, "mumu"), 0)
  lu.assertTrue(f:width(2 * mmu * 1.0001, "mumu") > 0)
  local t = alp.model.thresholds
  h.assert_rel(t.b_to_ka, 5.27934 - 0.493677, 1e-12, "m_B+ - m_K+")
  lu.assertEquals(f:br_b_to_ka(t.b_to_ka), 0)
  lu.assertErrorMsgContains("alp.model:br_b_to_ka: ma must be a finite number in [1e-06, 4.78566] GeV, got 4.8",
                            f.br_b_to_ka, f, 4.8)
  lu.assertErrorMsgContains("alp.model:br_k_to_pia: ma must be", f.br_k_to_pia, f, 0.36)
  lu.assertErrorMsgContains("alp.model:br_b0_to_k0a: ma must be", f.br_b0_to_k0a, f, 4.79)
  lu.assertErrorMsgContains("alp.model:br_b0_to_kstar0a: ma must be", f.br_b0_to_kstar0a, f, 4.4)
  -- K_L -> pi0 a ends at m_KL - m_pi0 = 0.497611 - 0.1349768 GeV (REF D18)
  h.assert_rel(t.kl_to_pi0a, 0.497611 - 0.1349768, 1e-12, "m_KL - m_pi0")
  lu.assertErrorMsgContains("alp.model:br_kl_to_pi0a: ma must be a finite number in [1e-06, 0.362634] GeV, got 0.37",
                            f.br_kl_to_pi0a, f, 0.37)
end

function TestModel:test_arrays_match_scalars()
  local f = alp.model.benchmark("cWW", 0.731)
  local ms = { 0.0123, 0.2385, 1.5 }
  local methods = { "ctau", "width", "br_b_to_ka", "br_b0_to_k0a", "br_b0_to_kstar0a" }
  for _, meth in ipairs(methods) do
    local arr = f[meth](f, ms)
    lu.assertEquals(#arr, #ms, meth)
    for i, ma in ipairs(ms) do lu.assertEquals(arr[i], f[meth](f, ma), meth .. " at " .. ma) end
  end
  local b = f:br(ms, "gammagamma")
  for i, ma in ipairs(ms) do lu.assertEquals(b[i], f:br(ma, "gammagamma")) end
  local c = f:couplings { 0.5, 500 }
  lu.assertEquals(c[1].cf.mu, f:couplings(0.5).cf.mu)
  lu.assertEquals(c[2].cww, 0.731)
end

function TestModel:test_constructor_forms()
  local a = alp.model { cff = 1 }
  local b = alp.model.benchmark("cff", 1)
  lu.assertTrue(a == b, "alp.model{cff=1} == benchmark cff 1")
  lu.assertEquals(a:ctau(0.3), b:ctau(0.3))
  -- per-fermion couplings all equal to 1 = universal
  local c = alp.model { cf = { u = 1, c = 1, t = 1, d = 1, s = 1, b = 1, e = 1, mu = 1, tau = 1 } }
  lu.assertTrue(c == b)
  -- cf overrides cff for the named fermions only
  local d = alp.model { cff = 1, cf = { mu = 3 } }
  lu.assertEquals(d:params().cf.mu, 3)
  lu.assertEquals(d:params().cf.e, 1)
  lu.assertNil(d:params().cff)
  lu.assertStrContains(tostring(d), "mu=3")
  -- default f_a = 1 TeV, Lambda = 4 pi f_a (D1)
  h.assert_rel(b:params().Lambda, 4 * math.pi * 1000, 1e-15, "Lambda")
  lu.assertStrContains(tostring(b), "alp.model{cff=1, cww=0, cbb=0, cgg=0, fa=1000 GeV, Lambda=12566.4 GeV}")
  -- c_gamgam = c_WW + c_BB (REF §0)
  local e = alp.model { cww = 0.3, cbb = 0.2385 }
  h.assert_rel(e:couplings(1).cgammagamma, 0.5385, 1e-14, "c_gamgam")
  -- c_GG alone: a -> gg dominates above 1 GeV (A.2)
  lu.assertTrue(alp.model { cgg = 1 }:br(2, "hadrons") > 0.9)
end

function TestModel:test_with_is_a_new_model()
  local m = alp.model.benchmark("cff", 1)
  local m2 = m:with { cww = 0.5, fa = 2000 }
  lu.assertEquals(m:params().cww, 0)
  lu.assertEquals(m2:params().cww, 0.5)
  lu.assertEquals(m2:params().fa, 2000)
  lu.assertEquals(m2:params().cff, 1)
  lu.assertFalse(m == m2)
  -- immutable: no field can be set
  lu.assertError(function() m.cff = 2 end)
  lu.assertEquals(m:with { cf = { tau = 0 } }:params().cf.tau, 0)
end

function TestModel:test_invisible_width()
  local g = 2.385e-14
  local m = alp.model { cff = 1, gamma_inv = g }
  h.assert_rel(m:width(0.3, "invisible"), g, 1e-15, "gamma_inv")
  h.assert_rel(m:br(0.3, "invisible"), g / (g + alp.model { cff = 1 }:width(0.3)), 1e-12, "BR(inv)")
end

function TestModel:test_couplings_checkpoints()
  -- REFERENCE.md §2.3/2.4 implemented inputs (4 digits -> 1e-3)
  local f = alp.model.benchmark("cff", 1)
  local c = f:couplings(91.1876)
  h.assert_rel(c.cf.e, 1.1082, 1e-3, "c_ll(mZ) after matching")
  h.assert_rel(c.cf.b, 1.0658, 1e-3, "c_bb(mZ) after matching")
  c = f:couplings(1)
  h.assert_rel(c.cf.u, 0.7769, 1e-3, "c_uu(1 GeV)")
  h.assert_rel(c.alpha_s, 0.4463, 1e-3, "alpha_s(1 GeV)")
  h.assert_rel(c.csb, 0.041345 * 0.01817, 5e-3, "C_sb = |Vts Vtb| K_ff")
  h.assert_rel(c.cds / c.csb, 3.7539e-4 / 0.041345, 1e-4, "C_ds/C_sb = |Vtd/Vtb|")
  c = f:couplings(1000)
  -- y_t running (REF §2.2): c_tt falls fastest, up-type falls, down-type rises
  lu.assertTrue(c.cf.t < c.cf.u and c.cf.u < 1 and c.cf.d > 1, "pattern of the running above mZ")
  h.assert_rel(f:couplings(f:params().Lambda).cf.t, 1, 1e-9, "inputs at Lambda")
  local w = alp.model.benchmark("cWW", 1)
  h.assert_rel(w:couplings(0.05).cf.e, -2.936e-4, 2e-3, "c_ee(50 MeV), c_WW = 1 (D5)")
end

function TestModel:test_bad_input_messages()
  lu.assertErrorMsgContains("alp.model.benchmark: c must be a finite number in [-1e+09, 1e+09], got nil",
                            alp.model.benchmark, "cff", nil)
  lu.assertErrorMsgContains("alp.model.benchmark: c must be a finite number", alp.model.benchmark, "cff", "x")
  lu.assertErrorMsgContains([[alp.model.benchmark: name must be one of "cff", "cWW", got 'cGG']],
                            alp.model.benchmark, "cGG", 1)
  lu.assertErrorMsgContains("alp.model.benchmark: fa must be a finite number in [10, 1e+09] GeV, got 1",
                            alp.model.benchmark, "cff", 1, 1)
  local m = alp.model.benchmark("cff", 1)
  local range = "ma must be a finite number in [1e-06, 91.1876] GeV, got "
  lu.assertErrorMsgContains("alp.model:ctau: " .. range .. "0", m.ctau, m, 0)
  lu.assertErrorMsgContains("alp.model:ctau: " .. range .. "-0.3", m.ctau, m, -0.3)
  lu.assertErrorMsgContains("alp.model:width: " .. range, m.width, m, 0 / 0)
  lu.assertErrorMsgContains("alp.model:width: " .. range .. "inf", m.width, m, math.huge)
  lu.assertErrorMsgContains("alp.model:br: ma[2] must be a finite number", m.br, m, { 0.3, -1 }, "ee")
  lu.assertErrorMsgContains([[alp.model:br: channel must be one of "gammagamma", "ee", "mumu", "tautau", "hadrons", "cc", "bb", "invisible", got 'photons']],
                            m.br, m, 0.3, "photons")
  lu.assertErrorMsgContains("alp.model:br: channel must be one of", m.br, m, 0.3)
  lu.assertErrorMsgContains("alp.model:width: channel must be one of", m.width, m, 0.3, 5)
  lu.assertErrorMsgContains("alp.model: cww must be a finite number in [-1e+09, 1e+09], got 'x'",
                            alp.model, { cww = "x" })
  lu.assertErrorMsgContains("alp.model: cff must be a finite number", alp.model, { cff = 0 / 0 })
  lu.assertErrorMsgContains("alp.model: cf.mu must be a finite number in [-1e+09, 1e+09], got table",
                            alp.model, { cf = { mu = {} } })
  lu.assertErrorMsgContains("alp.model: unknown option 'mass'", alp.model, { mass = 1 })
  lu.assertErrorMsgContains("unknown option 'top'", alp.model, { cf = { top = 1 } })
  lu.assertErrorMsgContains("alp.model: gamma_inv must be a finite number in [0, 1e+06] GeV, got -1",
                            alp.model, { gamma_inv = -1 })
  lu.assertErrorMsgContains("alp.model: expected a table of options", alp.model, 3)
  lu.assertErrorMsgContains("alp.model:with: fa must be a finite number", m.with, m, { fa = 1e12 })
  lu.assertErrorMsgContains("alp.model:couplings: mu must be a finite number in [1e-06, 12566.4] GeV",
                            m.couplings, m, 2e4)
  -- a model without couplings has no decays: an error, not inf/NaN
  lu.assertErrorMsgContains("alp.model:ctau:", alp.model {}.ctau, alp.model {}, 0.3)
end

function TestModel:test_counts_physics_calls()
  local n0 = alp._physics_calls()
  alp.model.benchmark("cff", 1):ctau { 0.1, 0.2 }
  lu.assertEquals(alp._physics_calls() - n0, 2, "one count per binding call, not per mass")
end

function TestModel:test_figure_script()
  -- scripts/figures/model.lua --out DIR: paper Figs. 1-2 tables (issue #3)
  local dir = h.tmpdir()
  local out, code = h.run(h.exe() .. " scripts/figures/model.lua --out " .. h.q(dir))
  lu.assertEquals(code, 0, out)
  local function read(name)
    local f = assert(io.open(dir .. "/" .. name))
    local header, cols, rows = {}, nil, {}
    for line in f:lines() do
      local k, v = line:match("^# ([%w_]+): (.*)$")
      if k then header[k] = v
      elseif not cols then cols = line
      else
        local row = {}
        for x in line:gmatch("[^,]+") do row[#row + 1] = tonumber(x) end
        rows[#rows + 1] = row
      end
    end
    f:close()
    return header, cols, rows
  end
  for _, b in ipairs { "cff", "cWW" } do
    local hd, cols, rows = read("fig1_br_" .. b .. ".csv")
    lu.assertEquals(cols, "ma_GeV,gammagamma,ee,mumu,tautau,hadrons,cc,bb")
    for _, k in ipairs { "quantity", "units", "model", "source" } do lu.assertNotNil(hd[k], k) end
    lu.assertEquals(#rows, 400)
    h.assert_rel(rows[1][1], 1e-3, 1e-12, "first mass 1 MeV")
    h.assert_rel(rows[400][1], alp.model.thresholds.b_to_ka, 1e-7, "last mass m_B - m_K")
    -- the seven visible channels exhaust the width (Gamma_inv = 0); values
    -- are written with 8 significant digits
    for _, r in ipairs { rows[1], rows[137], rows[400] } do
      local s = 0
      for c = 2, 8 do s = s + r[c] end
      h.assert_rel(s, 1, 1e-6, "BRs sum to 1 at " .. r[1])
    end
  end
  local _, cols, rows = read("fig2_ctau.csv")
  lu.assertEquals(cols, "ma_GeV,ctau_cff_m,ctau_cWW_m")
  -- REFERENCE.md §4.6 at m_a = 1 MeV: 6.778e6 m (cff), 7.349e6 m (cWW), 2 %
  h.assert_rel(rows[1][2], 6.778e6, 0.02, "ctau cff at 1 MeV")
  h.assert_rel(rows[1][3], 7.349e6, 0.02, "ctau cWW at 1 MeV")
  if alp.plot.gnuplot() then
    for _, f in ipairs { "fig1_br_cff.svg", "fig1_br_cWW.svg", "fig2_ctau.svg" } do
      local fh = io.open(dir .. "/" .. f)
      lu.assertNotNil(fh, f)
      lu.assertStrContains(fh:read("a"), "<svg")
      fh:close()
    end
  end
  h.rmtree(dir)
end

-- REFERENCE.md D16(b): f_a/|c| > m_P, i.e. c/f_a < 1000/m_P[GeV] TeV^-1
function TestModel:test_validity_bound()
  local c, m = alp.model.max_coupling("B+")
  h.assert_rel(m, 5.27934, 1e-12, "m_B+ (PDG 2020)")
  h.assert_rel(c * m, 1000, 1e-12, "c_max m_P = 1000 GeV TeV^-1")
  -- D16(b) prints B: 189, K: 2025 TeV^-1
  h.assert_rel(c, 189, 3e-3, "B+ bound")
  h.assert_rel(alp.model.max_coupling("K+"), 2025, 1e-3, "K+ bound")
  h.assert_rel(alp.model.max_coupling("B0"), 1000 / 5.27965, 1e-12, "B0 bound")
  -- radiative quarkonium decays: m_P = m_V (D16(b), D17 table)
  for _, t in ipairs { { "J/psi", 3.096900 }, { "Upsilon(1S)", 9.46040 }, { "Upsilon(3S)", 10.3551 },
                       { "K_L", 0.497611 } } do
    local cv, mv = alp.model.max_coupling(t[1])
    h.assert_rel(mv, t[2], 1e-12, t[1] .. " mass")
    h.assert_rel(cv, 1000 / t[2], 1e-12, t[1] .. " bound")
  end
  -- the bound is where f_a/c = m_P: with f_a = 1 TeV, c = 1000 GeV/m_P
  lu.assertTrue(alp.model.max_coupling("Upsilon(3S)") < alp.model.max_coupling("B+"))
  lu.assertErrorMsgContains('alp.model.max_coupling: parent must be one of "B+", "B0", "K+", "K_L", '
    .. '"J/psi", "Upsilon(1S)", "Upsilon(3S)", got \'B\'', alp.model.max_coupling, "B")
  lu.assertErrorMsgContains("alp.model.max_coupling: parent must be one of", alp.model.max_coupling)
end

-- The model keeps the partial widths of the last mass (host/l_model.c):
-- answers must not depend on what was asked before, at any mass.
function TestModel:test_widths_kept_per_mass_give_fresh_answers()
  local masses = { 0.3, 1.2, 0.3, 0.3, 2.5, 1.2 }
  local m = alp.model.benchmark("cff", 1)
  for _, ma in ipairs(masses) do
    local fresh = alp.model.benchmark("cff", 1) -- nothing asked before
    lu.assertEquals(m:br(ma, "gammagamma"), fresh:br(ma, "gammagamma"), "br at " .. ma)
    lu.assertEquals(m:ctau(ma), alp.model.benchmark("cff", 1):ctau(ma), "ctau at " .. ma)
    lu.assertEquals(m:width(ma), alp.model.benchmark("cff", 1):width(ma), "width at " .. ma)
    lu.assertEquals(m:width(ma, "mumu"), alp.model.benchmark("cff", 1):width(ma, "mumu"))
    lu.assertEquals(m:tau(ma), alp.model.benchmark("cff", 1):tau(ma))
  end
  -- two models at one mass do not share their widths
  local a, b = alp.model.benchmark("cff", 1), alp.model.benchmark("cff", 2)
  local ca = a:ctau(0.5)
  h.assert_rel(b:ctau(0.5), ca / 4, 1e-12, "c tau ~ 1/c^2")
  lu.assertEquals(a:ctau(0.5), ca)
end
