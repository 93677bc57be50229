-- tests/lua/test_sample.lua: alp.sample (host/l_sample.c).
local lu = require "luaunit"
local h = require "helpers"

TestSample = {}

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

function TestSample:test_b_to_ka_makes_n_events()
  local s = alp.sample.b_to_ka{ma = 0.2385, n = 5000, seed = 11}
  lu.assertEquals(#s, 5000)
  lu.assertEquals(s:len(), 5000)
  local info = s:info()
  lu.assertEquals(info.label, "B+ -> K+ a at belle2")
  lu.assertEquals(info.seed, 11)
  lu.assertStrContains(tostring(s), "ma=0.2385 GeV, n=5000, seed=11")
  -- the beta*gamma range is the extremes of the per-event array
  local bg, lo, hi = s:get("betagamma"), math.huge, 0
  for i = 1, #bg do lo, hi = math.min(lo, bg[i]), math.max(hi, bg[i]) end
  lu.assertEquals(info.betagamma_min, lo)
  lu.assertEquals(info.betagamma_max, hi)
end

function TestSample:test_b_to_ka_four_momentum_conservation()
  -- every event: (E_a + E_K)^2 - |p_a + p_K|^2 = m_B+^2 (PDG 2020: 5.27934 GeV)
  local ma = 0.2385
  local s = alp.sample.b_to_ka{ma = ma, n = 200, seed = 3, experiment = "babar"}
  local bg, ux, uy, uz = s:get("betagamma"), s:get("ux"), s:get("uy"), s:get("uz")
  local E, px, py, pz = s:kaon()
  for k = 1, #s do
    local p = ma * bg[k]
    local e = math.sqrt(p * p + ma * ma) + E[k]
    local x, y, z = p * ux[k] + px[k], p * uy[k] + py[k], p * uz[k] + pz[k]
    h.assert_rel(math.sqrt(e * e - x * x - y * y - z * z), 5.27934, 1e-9, "m(a K)")
  end
end

function TestSample:test_median_betagamma_matches_reference()
  -- REFERENCE §5.1: lab (beta gamma)_a median 2.64 at m_a = 1 GeV; the
  -- median of n = 2e4 events has a relative MC error of ~0.5 %.
  local bg = alp.sample.b_to_ka{ma = 1, n = 20000, seed = 5}:get("betagamma")
  table.sort(bg)
  h.assert_rel(bg[10000], 2.64, 0.01, "median beta gamma at 1 GeV")
end

function TestSample:test_same_seed_bit_identical_any_thread_count()
  local a = alp.sample.b_to_ka{ma = 0.7, n = 9000, seed = 42, threads = 1}
  local b = alp.sample.b_to_ka{ma = 0.7, n = 9000, seed = 42, threads = 2}
  local c = alp.sample.b_to_ka{ma = 0.7, n = 9000, seed = 43, threads = 2}
  lu.assertTrue(same(a:get("betagamma"), b:get("betagamma")))
  lu.assertTrue(same(a:get("uz"), b:get("uz")))
  lu.assertTrue(same(select(4, a:kaon()), select(4, b:kaon())))
  lu.assertFalse(same(a:get("betagamma"), c:get("betagamma")))
end

function TestSample:test_event_k_depends_only_on_seed_and_k()
  -- counter-based stream (physics/rng.h: Philox4x32-10, counters (k, j,
  -- stream)): the first 300 events of a 1000-event sample are the 300 events
  -- of a 300-event sample, across generation blocks (256) and threads
  local a = alp.sample.b_to_ka{ma = 1.3, n = 1000, seed = 7, threads = 2, b_flight = true}
  local b = alp.sample.b_to_ka{ma = 1.3, n = 300, seed = 7, threads = 1, b_flight = true}
  for _, name in ipairs{"betagamma", "ux", "uz", "z"} do
    local x, y = a:get(name), b:get(name)
    for k = 1, 300 do lu.assertEquals(x[k], y[k], name .. "[" .. k .. "]") end
  end
end

function TestSample:test_b_direction_follows_sin2_in_the_y4s_frame()
  -- REFERENCE §5.1, D8: dN/dcos(theta*) = (3/4)(1 - cos^2) about the beam
  -- axis in the Y(4S) frame (drawn as the median of three uniforms), so
  -- <cos^2 theta*> = 1/5 (isotropic: 1/3); sd of cos^2 = sqrt(3/35 - 1/25)
  -- = 0.214, n = 20000: sigma of the mean 0.0015.  BaBar's beams are
  -- head-on: p_B = p_a + p_K boosted back by (beta gamma) along z gives
  -- |p*| = sqrt(M^2/4 - m_B+^2) for every event (M = m_Y(4S)).
  local ma, n = 0.5, 20000
  local beams = alp.experiment.info("babar").beams
  local bgz = beams.betagamma
  local g = math.sqrt(1 + bgz * bgz)
  local s = alp.sample.b_to_ka{ma = ma, n = n, seed = 4, experiment = "babar"}
  local bg, ux, uy, uz = s:get("betagamma"), s:get("ux"), s:get("uy"), s:get("uz")
  local E, px, py, pz = s:kaon()
  local pstar = math.sqrt(beams.mass ^ 2 / 4 - 5.27934 ^ 2)
  local sum = 0
  for k = 1, n do
    local p = ma * bg[k]
    local e = math.sqrt(p * p + ma * ma) + E[k]
    local x, y, z = p * ux[k] + px[k], p * uy[k] + py[k], p * uz[k] + pz[k]
    local zs = g * z - bgz * e
    local ps = math.sqrt(x * x + y * y + zs * zs)
    if k <= 100 then h.assert_rel(ps, pstar, 1e-6, "|p*| of the B") end
    sum = sum + (zs / ps) ^ 2
  end
  lu.assertAlmostEquals(sum / n, 0.2, 5 * 0.0015)
end

function TestSample:test_b_flight_moves_production_points()
  local a = alp.sample.b_to_ka{ma = 0.7, n = 100, seed = 1}
  local b = alp.sample.b_to_ka{ma = 0.7, n = 100, seed = 1, b_flight = true}
  lu.assertEquals(a:get("z")[17], 0)
  lu.assertNotEquals(b:get("z")[17], 0)
  lu.assertTrue(same(a:get("betagamma"), b:get("betagamma")))
end

function TestSample:test_derived_quantities()
  local s = alp.sample.b_to_ka{ma = 2, n = 10, seed = 1}
  local bg, p, th, uz = s:get("betagamma"), s:get("p"), s:get("theta"), s:get("uz")
  h.assert_rel(p[4], 2 * bg[4], 1e-15, "p = ma beta gamma")
  h.assert_rel(math.cos(th[4]), uz[4], 1e-12, "cos theta = uz")
end

function TestSample:test_from_parents_array_and_columns()
  -- K+ (p = 75 GeV along z, NA62-like) -> pi+ a, m_a = 0.1234 GeV
  local mk, mpi, ma = 0.493677, 0.13957039, 0.1234
  local E = math.sqrt(75^2 + mk^2)
  local s1 = alp.sample.from_parents{parents = {{E, 0, 0, 75}}, ma = ma,
                                     m_recoil = mpi, n = 2000, seed = 9}
  local s2 = alp.sample.from_parents{parents = {E = {E}, px = {0}, py = {0}, pz = {75}},
                                     ma = ma, m_recoil = mpi, n = 2000, seed = 9,
                                     vertices = {{0, 0, 102.4}}, label = "K+ -> pi+ a"}
  lu.assertTrue(same(s1:get("betagamma"), s2:get("betagamma")))
  lu.assertEquals(s2:get("z")[1], 102.4)
  lu.assertEquals(s2:info().label, "K+ -> pi+ a")
  -- sum of the two daughters' pz is the parent's
  local bg, uz = s1:get("betagamma"), s1:get("uz")
  local _, _, _, kz = s1:kaon()
  h.assert_rel(ma * bg[77] * uz[77] + kz[77], 75, 1e-12, "pz conservation")
end

function TestSample:test_close_releases_and_later_use_raises()
  local s = alp.sample.b_to_ka{ma = 0.3, n = 10, seed = 1}
  s:close()
  lu.assertStrContains(tostring(s), "closed")
  lu.assertErrorMsgContains("attempt to use a closed alp.sample", s.len, s)
  do local t <close> = alp.sample.b_to_ka{ma = 0.3, n = 10, seed = 1} end
end

function TestSample:test_bad_input_names_the_argument()
  local f = alp.sample.b_to_ka
  lu.assertErrorMsgContains("alp.sample.b_to_ka: ma must be a finite number in (0, 4.78566) GeV",
                            f, {ma = 5.2, n = 10, seed = 1})
  lu.assertErrorMsgContains("ma must be", f, {ma = 0, n = 10, seed = 1})
  lu.assertErrorMsgContains("ma must be", f, {ma = 0 / 0, n = 10, seed = 1})
  lu.assertErrorMsgContains("n must be an integer in [1, 10000000], got 0", f,
                            {ma = 1, n = 0, seed = 1})
  lu.assertErrorMsgContains("n must be an integer in [1, 10000000], got 1000000000", f,
                            {ma = 1, n = 1e9, seed = 1})
  lu.assertErrorMsgContains("n must be an integer", f, {ma = 1, n = 1.5, seed = 1})
  lu.assertErrorMsgContains("option seed is required", f, {ma = 1, n = 10})
  lu.assertErrorMsgContains("experiment must be one of", f,
                            {ma = 1, n = 10, seed = 1, experiment = "lhcb"})
  lu.assertErrorMsgContains("unknown option 'mass'", f, {mass = 1, n = 10, seed = 1})
  lu.assertErrorMsgContains("threads must be an integer in [1, 256]", f,
                            {ma = 1, n = 10, seed = 1, threads = 0})
  local g = alp.sample.from_parents
  lu.assertErrorMsgContains("parents[2] has invariant mass", g,
                            {parents = {{10, 0, 0, 9}, {1, 0, 0, 0.99}}, ma = 0.3, seed = 1})
  lu.assertErrorMsgContains("option parents is required", g, {ma = 0.3, seed = 1})
  lu.assertErrorMsgContains("vertices must be an array of 1", g,
                            {parents = {{10, 0, 0, 9}}, vertices = {}, ma = 0.3, seed = 1})
  lu.assertErrorMsgContains("bad argument #1 to 'get'",
                            function() alp.sample.b_to_ka{ma = 1, n = 5, seed = 1}:get("mass") end)
end

function TestSample:test_alpcast_threads_environment()
  -- ALPCAST_THREADS sets the default thread count; results do not depend on
  -- it; a bad value is an error naming the variable.
  local code = "local s = alp.sample.b_to_ka{ma = 0.9, n = 10000, seed = 3}; " ..
               "local P = alp.detector.belle2():volume('veto'):decay_prob(s, 0.1, 'outside'); " ..
               "print(string.format('%.17g %.17g', s:get('betagamma')[9999], P))"
  local out1, c1 = h.run("ALPCAST_THREADS=1 " .. h.exe() .. " -e " .. h.q(code))
  local out2, c2 = h.run("ALPCAST_THREADS=2 " .. h.exe() .. " -e " .. h.q(code))
  lu.assertEquals(c1, 0, out1)
  lu.assertEquals(out1, out2)
  local out3, c3 = h.run("ALPCAST_THREADS=zero " .. h.exe() .. " -e " .. h.q(code))
  lu.assertNotEquals(c3, 0)
  lu.assertStrContains(out3, "ALPCAST_THREADS must be an integer in [1, 256], got 'zero'")
end
