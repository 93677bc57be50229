-- tests/lua/test_stats.lua: alp.stats bindings (values from REFERENCE.md §6
-- and §7, error messages naming function, argument and range).
local lu = require "luaunit"
local h = require "helpers"

TestStats = {}

function TestStats:test_poisson_upper_zero_background()
  h.assert_rel(alp.stats.poisson_upper(0, 0), 2.302585093, 1e-9, "n=0 b=0 at 90 %")
  h.assert_rel(alp.stats.poisson_upper(0, 0, 0.95), 2.995732274, 1e-9, "n=0 b=0 at 95 %")
  h.assert_rel(alp.stats.zero_background(0.90), 2.302585093, 1e-9, "zero background 90 %")
  h.assert_rel(alp.stats.poisson_upper(0, 1.2385, 0.90, "cls"), 2.302585093, 1e-9,
               "CLs n=0 is independent of b")
end

function TestStats:test_expected_upper_reference_checkpoints()
  -- REFERENCE.md §6/§7: 0.5 ab^-1 and 50 ab^-1 Belle II backgrounds
  local s, n = alp.stats.expected_upper(1767)
  h.assert_rel(s, 55.10, 2e-4, "N_B = 1767")
  lu.assertEquals(n, 1767)
  h.assert_rel(alp.stats.expected_upper(176700), 539.92, 2e-5, "N_B = 176700")
  s, n = alp.stats.expected_upper(4.5)
  h.assert_rel(s, 3.4936, 3e-5, "N_B = 4.5")
  lu.assertEquals(n, 4)
  -- BR_UL = N_S / (2 N(B+B-) eps) = 1.00e-7 at 50 ab^-1, eps = 0.10 (§7)
  h.assert_rel(alp.stats.expected_upper(176700) / (5.4e10 * 0.10), 1.00e-7, 0.01, "BR_UL")
end

function TestStats:test_classical_vs_cls()
  local c = alp.stats.poisson_upper(3, 4.2385, 0.90, "classical")
  local cls = alp.stats.poisson_upper(3, 4.2385, 0.90, "cls")
  lu.assertTrue(cls > c, "CLs is more conservative for n < b")
  lu.assertEquals(alp.stats.poisson_upper(0, 5), 0.0)
end

function TestStats:test_gaussian_criterion_seed_3_6()
  -- (1 + 1.64 sigma) dB_obs - dB_nunu with sigma relative (paper eq. 3.6)
  local s = alp.stats.gaussian_upper { observed = 2.385e-6, sigma = 0.31, relative = true,
                                       background = 7.3e-7 }
  h.assert_rel(s, 2.385e-6 * (1 + 1.64 * 0.31) - 7.3e-7, 1e-12, "relative sigma")
  s = alp.stats.gaussian_upper { observed = 2.385e-6, sigma = 0.5e-6, nsigma = 1.2816 }
  h.assert_rel(s, 2.385e-6 + 1.2816 * 0.5e-6, 1e-12, "absolute sigma, one-sided 90 %")
  h.assert_rel(alp.stats.nsigma(0.90, "two-sided"), 1.6448536, 1e-7, "two-sided 90 %")
  h.assert_rel(alp.stats.nsigma(0.90), 1.2815516, 1e-7, "one-sided 90 %")
end

function TestStats:test_punzi()
  h.assert_rel(alp.stats.punzi(0.1022, 1767), 0.1022 / (2.5 + math.sqrt(1767)), 1e-14, "a = 5")
  h.assert_rel(alp.stats.punzi(0.1022, 1767, 3), 0.1022 / (1.5 + math.sqrt(1767)), 1e-14, "a = 3")
end

function TestStats:test_error_messages()
  lu.assertErrorMsgContains("alp.stats.poisson_upper: cl must be a finite number in (0, 1), got 90",
                            alp.stats.poisson_upper, 0, 0, 90)
  lu.assertErrorMsgContains("alp.stats.poisson_upper: n must be an integer in [0, 100000000], got 1.5",
                            alp.stats.poisson_upper, 1.5, 0)
  lu.assertErrorMsgContains("alp.stats.poisson_upper: b must be a finite number in [0, 1e+08] events, got -1",
                            alp.stats.poisson_upper, 1, -1)
  lu.assertErrorMsgContains('method must be one of "classical", "cls", got CLS',
                            alp.stats.poisson_upper, 1, 1, 0.9, "CLS")
  lu.assertErrorMsgContains("alp.stats.poisson_upper: output range error",
                            alp.stats.poisson_upper, 3, 1e6, 0.9, "cls")
  lu.assertErrorMsgContains("alp.stats.gaussian_upper: unknown option 'sigmas'",
                            alp.stats.gaussian_upper, { observed = 1, sigmas = 1 })
  lu.assertErrorMsgContains("alp.stats.gaussian_upper: option sigma is required",
                            alp.stats.gaussian_upper, { observed = 1 })
  lu.assertErrorMsgContains("alp.stats.nsigma: sides must be one of",
                            alp.stats.nsigma, 0.9, "both")
  lu.assertErrorMsgContains("alp.stats.punzi: b must be a finite number in [0, inf] events",
                            alp.stats.punzi, 0.1, -3)
end

function TestStats:test_counts_physics_calls()
  local n0 = alp._physics_calls()
  alp.stats.expected_upper(10)
  lu.assertEquals(alp._physics_calls(), n0 + 1)
end
