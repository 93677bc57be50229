-- tests/validate/test_mc_belle2.lua: high-statistics checks of the event
-- Monte Carlo and the decay probabilities against REFERENCE.md §5.1-5.2
-- (numbers from physics/checks/belle2_kinematics.py and acceptance_mc.py).
-- Slow (~10 s): run by `make validate`, not by `make test`.
local lu = require "luaunit"
local h = require "helpers"

TestMcBelle2 = {}

local N = 1000000

-- REFERENCE §5.2 (acceptance_mc.py, 2e5 events per mass, seed 1): fraction
-- of ALPs with theta_lab outside 17-150 deg 7.6 %, outside 12.4-155.1 deg
-- 4.6 %, "nearly m_a independent".  The reference's own MC error is
-- sqrt(f(1-f)/2e5) = 0.06 % (0.05 %) and it is rounded to 0.05 %; the script
-- run here at m_a = 0.3 GeV gives 7.73 % and 4.72 %.
function TestMcBelle2:test_prompt_fractions_outside_acceptance()
  local d = alp.detector.belle2()
  for i, ma in ipairs{0.005, 0.3, 1.0} do
    local s <close> = alp.sample.b_to_ka{ma = ma, n = N, seed = 1000 + i}
    for _, c in ipairs{{"veto", 0.076}, {"veto_ecl", 0.046}} do
      local f, e = d:volume(c[1]):decay_prob(s, 0, "outside")
      local ref = math.sqrt(c[2] * (1 - c[2]) / 2e5)
      local tol = 3 * math.sqrt(e * e + ref * ref) + 0.0005
      lu.assertTrue(math.abs(f - c[2]) <= tol,
        string.format("%s at ma = %g: %.4f +- %.4f, REFERENCE %.3f", c[1], ma, f, e, c[2]))
    end
  end
end

-- REFERENCE §5.1: lab (beta gamma)_a median 546 (m_a = 5 MeV), 9.1 (0.3),
-- 2.64 (1), 1.2 (2 GeV), quoted to 2-3 digits.
function TestMcBelle2:test_median_betagamma()
  for _, c in ipairs{{0.005, 546, 0.5}, {0.3, 9.1, 0.05}, {1.0, 2.64, 0.005}, {2.0, 1.2, 0.05}} do
    local s <close> = alp.sample.b_to_ka{ma = c[1], n = 200001, seed = 77}
    local bg = s:get("betagamma")
    table.sort(bg)
    local med = bg[100001]
    lu.assertTrue(math.abs(med - c[2]) <= c[3] + 0.002 * c[2],
      string.format("median beta gamma at ma = %g: %.4g, REFERENCE %g", c[1], med, c[2]))
  end
end

-- Two independent samples agree within the computed errors over a whole
-- c tau grid (chi^2 of 50 correlated points: a loose 5 sigma per point).
function TestMcBelle2:test_seeds_agree_over_the_grid()
  local ct = {}
  for i = 1, 50 do ct[i] = 10 ^ (-4 + 7 * (i - 1) / 49) end
  local d = alp.detector.belle2()
  for _, name in ipairs{"veto", "displaced", "veto_gap"} do
    local side = name == "displaced" and "inside" or "outside"
    local v = d:volume(name)
    local s1 <close> = alp.sample.b_to_ka{ma = 0.777, n = 300000, seed = 1}
    local s2 <close> = alp.sample.b_to_ka{ma = 0.777, n = 300000, seed = 2}
    local a, ea = v:decay_prob(s1, ct, side)
    local b, eb = v:decay_prob(s2, ct, side)
    for i = 1, #ct do
      local sig = math.sqrt(ea[i]^2 + eb[i]^2)
      lu.assertTrue(math.abs(a[i] - b[i]) <= 5 * sig + 1e-300,
        string.format("%s at ctau %.3g: %.6g vs %.6g (sigma %.2g)", name, ct[i], a[i], b[i], sig))
    end
  end
end

-- Bit-identical for 1 and 2 threads at high statistics (many chunks).
function TestMcBelle2:test_threads_bit_identical_large()
  local a = alp.sample.b_to_ka{ma = 1.5, n = N, seed = 5, threads = 1}
  local b = alp.sample.b_to_ka{ma = 1.5, n = N, seed = 5, threads = 2}
  local v = alp.detector.belle2():volume("veto_gap")
  local ct = {1e-3, 0.1, 10}
  local p1, e1 = v:decay_prob(a, ct, "outside", {threads = 1})
  local p2, e2 = v:decay_prob(b, ct, "outside", {threads = 2})
  lu.assertEquals(p1, p2)
  lu.assertEquals(e1, e2)
  local x, y = a:get("uz"), b:get("uz")
  for k = 1, #x, 997 do lu.assertEquals(x[k], y[k]) end
end

-- BaBar (D13): sphere of 0.5 m; for c tau -> 0 nothing escapes, and the
-- mean escape probability at c tau = 1 m equals the per-event closed form.
function TestMcBelle2:test_babar_sphere_closed_form()
  local s <close> = alp.sample.b_to_ka{ma = 0.3, n = 200000, seed = 9, experiment = "babar"}
  local bg = s:get("betagamma")
  local want = 0
  for k = 1, #bg do want = want + math.exp(-0.5 / bg[k]) end
  local P = alp.detector.babar():volume("veto"):decay_prob(s, {0, 1}, "outside")
  lu.assertEquals(P[1], 0)
  h.assert_rel(P[2], want / #bg, 1e-12, "BaBar <exp(-0.5 m/(bg ctau))>")
end
