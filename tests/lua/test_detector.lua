-- tests/lua/test_detector.lua: alp.detector (host/l_detector.c): volumes,
-- decay probabilities, closed forms, limits, determinism, errors.
local lu = require "luaunit"
local h = require "helpers"
local D = alp.detector

TestDetector = {}

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

-- A sample of monoenergetic ALPs from the IP: K+ at rest -> pi+ a gives
-- every ALP the same beta gamma = p/ma, isotropic directions.
local MK, MPI = 0.493677, 0.13957039
local function mono(ma, n, seed)
  local s = alp.sample.from_parents{parents = {{MK, 0, 0, 0}}, ma = ma,
                                    m_recoil = MPI, n = n, seed = seed}
  local bg = s:get("betagamma")[1]
  return s, bg
end

function TestDetector:test_belle2_volume_names_are_fixed()
  local d = D.belle2()
  lu.assertEquals(d:volumes(), {"veto", "displaced", "cdc", "ecl", "veto_ecl", "veto_gap"})
  lu.assertEquals(d:name(), "belle2")
  lu.assertEquals(D.babar():volumes(), {"emc_veto", "dch", "veto", "sphere"})
  lu.assertEquals(D.babar():name(), "babar")
  lu.assertStrContains(tostring(d), "alp.detector belle2 {veto, displaced")
  lu.assertStrContains(tostring(d:volume("veto")),
    "intersection(cylinder{rmin=0, rmax=1.62, zmin=-1.314, zmax=2.27}, polar{theta_min=17, theta_max=150})")
end

function TestDetector:test_veto_exit_distance_D9()
  -- REFERENCE D9: r_k = min(1.62/sin, 2.27/cos) forward, 1.314/|cos| backward
  local v = D.belle2():volume("veto")
  local function exit(th)
    local t = math.rad(th)
    return v:intervals({0, 0, 0}, {math.sin(t), 0, math.cos(t)})
  end
  h.assert_rel(exit(90)[1][2], 1.62, 1e-14, "90 deg")
  h.assert_rel(exit(25)[1][2], 2.27 / math.cos(math.rad(25)), 1e-14, "25 deg")
  h.assert_rel(exit(140)[1][2], 1.314 / -math.cos(math.rad(140)), 1e-14, "140 deg")
  lu.assertEquals(#exit(16), 0)
  lu.assertEquals(#exit(151), 0)
end

function TestDetector:test_sphere_reproduces_exp_closed_form()
  -- paper eq. 3.1: P(outside r) = exp(-r/(beta gamma c tau)) for every ALP
  local s, bg = mono(0.2385, 2000, 1)
  local r, ct = 0.5, {0.001, 0.0372, 0.5, 20}
  local P, err = D.sphere{rmax = r}:decay_prob(s, ct, "outside")
  for i, c in ipairs(ct) do
    h.assert_rel(P[i], math.exp(-r / (bg * c)), 1e-12, "sphere, ctau = " .. c)
    lu.assertTrue(err[i] <= 1e-12 * P[i], "no spread for monoenergetic ALPs")
  end
end

function TestDetector:test_cylinder_shell_closed_form()
  -- an infinite cylindrical shell r1 < rho < r2 about z: each monoenergetic
  -- ALP from the IP crosses it over L = rho/sin(theta), so the mean is
  -- <exp(-r1/(sin d)) - exp(-r2/(sin d))> (paper eq. 3.1, REFERENCE §5.3)
  local s, bg = mono(0.3, 3000, 2)
  local r1, r2, c = 0.3, 0.8, 0.4123
  local ux, uy = s:get("ux"), s:get("uy")
  local want = 0
  for k = 1, #s do
    local st = math.sqrt(ux[k]^2 + uy[k]^2)
    local d = bg * c
    want = want + math.exp(-r1 / st / d) - math.exp(-r2 / st / d)
  end
  want = want / #s
  local P = D.cylinder{rmin = r1, rmax = r2}:decay_prob(s, c, "inside")
  h.assert_rel(P, want, 1e-12, "cylindrical shell, L = rho/sin(theta)")
end

function TestDetector:test_limits_exact()
  local s = alp.sample.b_to_ka{ma = 0.5, n = 20000, seed = 4}
  local d = D.belle2()
  local veto, disp = d:volume("veto"), d:volume("displaced")
  local th = s:get("theta")
  local out = 0
  for k = 1, #th do
    local deg = math.deg(th[k])
    if deg <= 17 or deg >= 150 then out = out + 1 end
  end
  local P = veto:decay_prob(s, {0, math.huge}, "outside")
  h.assert_rel(P[1], out / #s, 1e-14, "ctau -> 0: only ALPs outside 17-150 escape")
  lu.assertEquals(P[2], 1)          -- ctau -> inf: every ALP escapes
  local F = disp:decay_prob(s, {0, math.huge}, "inside")
  lu.assertEquals(F, {0, 0})
  local W = D.polar{theta_min = 17, theta_max = 150}:decay_prob(s, math.huge, "inside")
  h.assert_rel(W, 1 - out / #s, 1e-14, "an unbounded window keeps stable ALPs")
end

function TestDetector:test_veto_and_displaced_match_D9_D10_formulas()
  -- An independent per-event evaluation of REFERENCE D9 and D10 on the same
  -- events: P_inv = exp(-r_k/d) in 17-150 deg (r_k = min(1.62/sin,
  -- 2.27/cos | 1.314/|cos|)), 1 outside; P_disp = exp(-0.009/(sin d)) -
  -- exp(-0.60/(sin d)) in 17-150 deg, 0 outside.
  local s = alp.sample.b_to_ka{ma = 0.4321, n = 10000, seed = 31}
  local bg, uz = s:get("betagamma"), s:get("uz")
  local d = D.belle2()
  local ct = {0.002, 0.05, 1.7}
  local Pinv = d:volume("veto"):decay_prob(s, ct, "outside")
  local Pdis = d:volume("displaced"):decay_prob(s, ct, "inside")
  local c17, c150 = math.cos(math.rad(17)), math.cos(math.rad(150))
  for i, c in ipairs(ct) do
    local inv, dis = 0, 0
    for k = 1, #s do
      local cz = uz[k]
      local st = math.sqrt(1 - cz * cz)
      local l = bg[k] * c
      if cz < c17 and cz > c150 then
        local r = 1.62 / st
        if cz > 0 then r = math.min(r, 2.27 / cz) elseif cz < 0 then r = math.min(r, 1.314 / -cz) end
        inv = inv + math.exp(-r / l)
        dis = dis + math.exp(-0.009 / st / l) - math.exp(-0.60 / st / l)
      else
        inv = inv + 1
      end
    end
    h.assert_rel(Pinv[i], inv / #s, 1e-11, "veto (D9) at ctau = " .. c)
    h.assert_rel(Pdis[i], dis / #s, 1e-11, "displaced (D10) at ctau = " .. c)
  end
end

function TestDetector:test_prompt_fraction_outside_acceptance()
  -- REFERENCE §5.2: 7.6 % of the ALPs have theta_lab outside 17-150 deg
  -- (acceptance_mc.py, 2e5 events per mass: MC error 0.06 %, rounded).
  local s = alp.sample.b_to_ka{ma = 0.005, n = 100000, seed = 2022}
  local P, err = D.belle2():volume("veto"):decay_prob(s, 0, "outside")
  local tol = 3 * math.sqrt(err^2 + 0.0006^2) + 0.0005
  lu.assertTrue(math.abs(P - 0.076) <= tol,
    string.format("fraction outside 17-150 deg %.4f +- %.4f, want 0.076", P, err))
end

function TestDetector:test_babar_emc_veto_prompt_fraction_and_limits()
  -- REFERENCE D13 (b): a promptly decaying ALP emitted outside the EMC
  -- window 15.8-141.8 deg is invisible.  At m_a = 5 MeV the ALP is light-like
  -- and the B nearly at rest in the Y(4S) frame (p_B = 0.33 vs p_a = 2.6
  -- GeV), so the ALP is isotropic there and cos theta* = (c - beta)/(1 -
  -- beta c) with beta = bg/sqrt(1 + bg^2), bg = 0.5585 (D13): the fraction
  -- outside is (1 - cos*(15.8))/2 + (1 + cos*(141.8))/2 = 0.0926.  Tolerance:
  -- 3 sigma of the Monte Carlo plus 0.002 for the B motion (second order in
  -- p_B/p_a ~ 0.13: ~2 % of the fraction).
  local s = alp.sample.b_to_ka{ma = 0.005, n = 100000, seed = 2022, experiment = "babar"}
  local v = D.babar():volume("emc_veto")
  local P0, err = v:decay_prob(s, 0, "outside")
  local bg = alp.experiment.info("babar").beams.betagamma
  local beta = bg / math.sqrt(1 + bg * bg)
  local c1, c2 = math.cos(math.rad(15.8)), math.cos(math.rad(141.8))
  local function cstar(c) return (c - beta) / (1 - beta * c) end
  local closed = (1 - cstar(c1)) / 2 + (1 + cstar(c2)) / 2
  lu.assertAlmostEquals(closed, 0.0926, 5e-5)
  lu.assertTrue(math.abs(P0 - closed) <= 3 * err + 0.002,
    string.format("prompt P(outside emc_veto) %.4f +- %.4f, closed form %.4f", P0, err, closed))
  -- exactly the fraction of ALP directions outside the window
  local uz, out = s:get("uz"), 0
  for k = 1, #uz do if uz[k] > c1 or uz[k] < c2 then out = out + 1 end end
  h.assert_rel(P0, out / #uz, 1e-12, "P(ctau -> 0) = fraction outside 15.8-141.8 deg")
  -- ctau -> 0 limit, monotone in between, -> 1 as ctau -> inf
  local cts = { 1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 1e3, 1e6, math.huge }
  local P = v:decay_prob(s, cts, "outside")
  h.assert_rel(P[1], P0, 1e-6, "P(1e-9 m) -> P(0)")
  for k = 2, #P do
    lu.assertTrue(P[k] >= P[k - 1], string.format("monotone at ctau = %g", cts[k]))
  end
  lu.assertTrue(P[#P - 1] > 1 - 1e-6, "P(1e6 m) -> 1")
  lu.assertEquals(P[#P], 1)
  -- the sphere has no polar gap: a prompt ALP is never invisible there
  lu.assertEquals(D.babar():volume("sphere"):decay_prob(s, 0, "outside"), 0)
end

function TestDetector:test_inside_plus_outside_is_one_and_monotonic()
  local s = alp.sample.b_to_ka{ma = 1.1, n = 8000, seed = 8}
  local v = D.belle2():volume("veto_gap")
  local ct = {1e-4, 1e-3, 0.01, 0.1, 1, 10, 100}
  local Pin = v:decay_prob(s, ct, "inside")
  local Pout = v:decay_prob(s, ct, "outside")
  for i = 1, #ct do
    h.assert_rel(Pin[i] + Pout[i], 1, 1e-13, "P_in + P_out at " .. ct[i])
  end
  -- for a volume around the IP, P_out = <exp(-r/d)> grows with ctau (the
  -- gap variant need not: decays in the ECL come and go)
  local Pv = D.belle2():volume("veto"):decay_prob(s, ct, "outside")
  for i = 2, #ct do lu.assertTrue(Pv[i] >= Pv[i - 1], "P_out never decreases with ctau") end
  lu.assertTrue(Pv[#ct] > Pv[4] and Pv[4] > Pv[1], "and grows")
end

function TestDetector:test_threads_and_seeds()
  local v = D.belle2():volume("displaced")
  local s = alp.sample.b_to_ka{ma = 0.8, n = 30000, seed = 100}
  local ct = {0.003, 0.03, 0.3}
  local a, ea = v:decay_prob(s, ct, "inside", {threads = 1})
  local b, eb = v:decay_prob(s, ct, "inside", {threads = 2})
  lu.assertTrue(same(a, b) and same(ea, eb), "1 vs 2 threads: bit-identical")
  local s2 = alp.sample.b_to_ka{ma = 0.8, n = 30000, seed = 101}
  local c, ec = v:decay_prob(s2, ct, "inside")
  for i = 1, #ct do
    local tol = 4 * math.sqrt(ea[i]^2 + ec[i]^2)
    lu.assertTrue(math.abs(a[i] - c[i]) <= tol,
      string.format("seeds 100 and 101 at ctau %g: %.5f vs %.5f (4 sigma = %.5f)",
                    ct[i], a[i], c[i], tol))
  end
end

function TestDetector:test_paths_table_matches_one_shot()
  local s = alp.sample.b_to_ka{ma = 0.3, n = 4000, seed = 6}
  local v = D.belle2():volume("veto")
  local pt = v:paths(s, "outside")
  lu.assertEquals(#pt, 4000)
  s:close()   -- the table copied what it needs
  local s2 = alp.sample.b_to_ka{ma = 0.3, n = 4000, seed = 6}
  local a = pt:decay_prob({0.1, 1})
  local b = v:decay_prob(s2, {0.1, 1}, "outside")
  lu.assertTrue(same(a, b))
  lu.assertStrContains(tostring(pt), "alp.detector.paths{n=4000, side=outside}")
  -- <close> frees it at once (acceptance.table relies on it); later use is an error
  local kept
  do local t <close> = v:paths(s2, "outside"); kept = t end
  lu.assertEquals(tostring(kept), "alp.detector.paths (empty)")
  lu.assertErrorMsgContains("attempt to use an empty alp.detector.paths", kept.decay_prob, kept, 1)
end

function TestDetector:test_csg_and_custom_detector()
  local a, b = D.sphere{rmax = 1}, D.sphere{rmax = 1, center = {1.5, 0, 0}}
  local ray = function(v) return v:intervals({-2, 0, 0}, {3, 0, 0}) end
  lu.assertEquals(ray(a + b), {{1, 4.5}})
  lu.assertEquals(ray(a * b), {{2.5, 3}})
  lu.assertEquals(ray(a - b), {{1, 2.5}})
  lu.assertEquals(ray(D.union(a, b)), ray(a + b))
  lu.assertTrue(D.intersection(a, b):contains{0.75, 0, 0})
  lu.assertFalse(D.difference(a, b):contains{0.75, 0, 0})
  -- fixed-target decay volume 10-60 m downstream, box and cylinder
  local fv = D.box{xmin = -1, xmax = 1, ymin = -1, ymax = 1, zmin = 10, zmax = 60}
  lu.assertEquals(fv:intervals({0, 0, 0}, {0, 0, 1}), {{10, 60}})
  local pipe = D.cylinder{rmax = 1, zmin = 10, zmax = 60, axis = "z"}
  lu.assertEquals(pipe:intervals({0, 0.5, 0}, {0, 0, 1}), {{10, 60}})
  local det = D.new("toy", {fv = fv, pipe = pipe})
  lu.assertEquals(det:volumes(), {"fv", "pipe"})
  lu.assertErrorMsgContains("toy has 2 volumes", det.decay_prob, det,
    alp.sample.b_to_ka{ma = 1, n = 10, seed = 1}, 1, "inside")
end

function TestDetector:test_bad_input_names_the_argument()
  local s = alp.sample.b_to_ka{ma = 1, n = 100, seed = 1}
  local v = D.belle2():volume("veto")
  lu.assertErrorMsgContains("ctau[2] must be a number >= 0", v.decay_prob, v, s, {1, -1}, "inside")
  lu.assertErrorMsgContains("ctau must be a number >= 0", v.decay_prob, v, s, 0 / 0, "inside")
  lu.assertErrorMsgContains("ctau must be a number or a non-empty array", v.decay_prob, v, s, {}, "inside")
  lu.assertErrorMsgContains('which must be "inside" or "outside"', v.decay_prob, v, s, 1, "in")
  lu.assertErrorMsgContains("alp.sample expected", v.decay_prob, v, {}, 1, "inside")
  lu.assertErrorMsgContains("unknown option 'thread'", v.decay_prob, v, s, 1, "inside", {thread = 1})
  lu.assertErrorMsgContains("alp.detector.cylinder: rmax must be > rmin (empty or inverted volume)",
                            D.cylinder, {rmin = 0.5, rmax = 0.2})
  lu.assertErrorMsgContains("zmax must be > zmin", D.cylinder, {rmax = 1, zmin = 2, zmax = 1})
  lu.assertErrorMsgContains("option rmax is required", D.cylinder, {rmin = 0.1})
  lu.assertErrorMsgContains("rmin must be a finite number", D.sphere, {rmin = 0 / 0, rmax = 1})
  lu.assertErrorMsgContains("rmax must be > rmin", D.sphere, {rmax = 0})
  lu.assertErrorMsgContains("ymax must be > ymin", D.box, {ymin = 1, ymax = 1})
  lu.assertErrorMsgContains("theta_max must be > theta_min", D.polar, {theta_min = 50, theta_max = 20})
  lu.assertErrorMsgContains("theta_max must be a finite number in [0, 180] deg", D.polar, {theta_max = 200})
  lu.assertErrorMsgContains("axis must be one of", D.cylinder, {rmax = 1, axis = "w"})
  lu.assertErrorMsgContains("has no volume 'vto' (it has: veto,", function() D.belle2():volume("vto") end)
  lu.assertErrorMsgContains("needs at least two", D.union, v)
  lu.assertErrorMsgContains("decay_prob: sample is a closed alp.sample",
    function() s:close(); v:decay_prob(s, 1, "inside") end)
end
