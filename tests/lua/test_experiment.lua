-- tests/lua/test_experiment.lua: alp.experiment (host/l_experiment.c, the
-- table of physics/experiment.c): the names seen from Lua are the table's
-- everywhere, the beams are the documented ones, and an unknown experiment
-- is an error wherever a name is accepted.
local lu = require "luaunit"
local h = require "helpers"

TestExperiment = {}

local function errmsg(f, ...)
  local ok, msg = pcall(f, ...)
  lu.assertFalse(ok)
  return msg
end

function TestExperiment:test_list_is_the_table()
  local names = alp.experiment.list()
  lu.assertEquals(names, { "belle2", "babar", "besiii", "babar_y3s", "belle" })
  names[1] = "changed"  -- a new array at each call
  lu.assertEquals(alp.experiment.list()[1], "belle2")
end

function TestExperiment:test_every_name_has_a_detector_and_a_sample()
  for _, name in ipairs(alp.experiment.list()) do
    local info = alp.experiment.info(name)
    lu.assertEquals(info.name, name)
    lu.assertTrue(#info.description > 20, name .. " has a description")
    lu.assertEquals(type(alp.detector[name]), "function", "alp.detector." .. name)
    local d = alp.detector[name]()
    lu.assertEquals(d:name(), name)
    lu.assertEquals(info.volumes, d:volumes())
    if info.generator == "b_to_ka" then
      lu.assertNil(info.parent)
      local s = alp.sample.b_to_ka { ma = 0.5, n = 10, seed = 1, experiment = name }
      lu.assertEquals(s:info().experiment, name)
      lu.assertEquals(s:info().label, "B+ -> K+ a at " .. name)
    else
      -- V -> gamma a (D17): a V of alp.model's quarkonia, its boost usable by
      -- alp.sample.v_to_gamma_a; the B -> K a sampler refuses the experiment
      lu.assertEquals(info.generator, "v_to_gamma_a", name)
      lu.assertEquals(info.generator_text, "e+e- -> V, V -> gamma a")
      local s <close> = alp.sample.v_to_gamma_a { parent = info.parent, ma = 0.5,
                                                  boost = info.boost, n_theta = 10, n_phi = 1 }
      local m = errmsg(alp.sample.b_to_ka, { ma = 0.5, n = 10, seed = 1, experiment = name })
      lu.assertStrContains(m, "alp.sample.b_to_ka: experiment '" .. name ..
                              "' generates e+e- -> V, V -> gamma a, V = " .. info.parent ..
                              ", not B+ -> K+ a")
    end
  end
  -- a sample not made for an experiment has none
  local p = alp.sample.from_parents { parents = { { 10, 0, 0, 8 } }, ma = 0.5, seed = 1 }
  lu.assertNil(p:info().experiment)
end

function TestExperiment:test_beams()
  -- Belle II, REFERENCE §5.1: sqrt(s) = 10.5796 GeV, Y(4S) beta gamma = 0.2868
  local b2 = alp.experiment.info("belle2").beams
  lu.assertEquals({ b2.e_minus, b2.e_plus, b2.half_angle }, { 7.004, 4.002, 0.0415 })
  h.assert_rel(b2.sqrt_s, 10.5796, 1e-5, "Belle II sqrt(s)")
  h.assert_rel(b2.mass, b2.sqrt_s, 1e-14, "Belle II: the e+e- system at sqrt(s)")
  lu.assertAlmostEquals(b2.betagamma, 0.2868, 5e-5)
  -- BaBar, REFERENCE D13: 9.0 on 3.1 GeV head-on, beta gamma = 5.9/sqrt(s)
  -- = 0.5585 ("0.56"), the e+e- system given m_Y(4S) = 10.5794 GeV
  local bb = alp.experiment.info("babar").beams
  lu.assertEquals({ bb.e_minus, bb.e_plus, bb.half_angle }, { 9.0, 3.1, 0 })
  h.assert_rel(bb.sqrt_s, math.sqrt(4 * 9.0 * 3.1), 1e-14, "BaBar sqrt(s)")
  h.assert_rel(bb.betagamma, 5.9 / math.sqrt(4 * 9.0 * 3.1), 1e-12, "BaBar beta gamma")
  h.assert_rel(bb.mass, 10.5794, 1e-14, "BaBar: m_Y(4S)")
end

function TestExperiment:test_unknown_experiment_is_an_error_everywhere()
  local list = '"belle2", "babar", "besiii", "babar_y3s", "belle"'
  local m = errmsg(alp.experiment.info, "belle3")
  lu.assertStrContains(m, "alp.experiment.info: name must be one of " .. list ..
                          ", got 'belle3' (did you mean 'belle2'?)")
  lu.assertStrContains(errmsg(alp.experiment.info, nil), "got nil")
  m = errmsg(alp.sample.b_to_ka, { ma = 0.5, n = 10, seed = 1, experiment = "lhcb" })
  lu.assertStrContains(m, "alp.sample.b_to_ka: experiment must be one of " .. list ..
                          ", got 'lhcb'")
  lu.assertNotStrContains(m, "did you mean")
  m = errmsg(alp.sample.b_to_ka, { ma = 0.5, n = 10, seed = 1, experiment = "BaBar" })
  lu.assertStrContains(m, "(did you mean 'babar'?)")
  m = errmsg(alp.sample.b_to_ka, { ma = 0.5, n = 10, seed = 1, experiment = 3 })
  lu.assertStrContains(m, "experiment must be one of " .. list .. ", got 3")
  m = errmsg(alp.acceptance.table, { experiment = "babr", ma = 0.3, n = 10, seed = 1,
                                     volume = "veto", side = "outside" })
  lu.assertStrContains(m, "alp.acceptance.table: experiment must be one of " .. list)
  lu.assertStrContains(m, "(did you mean 'babar'?)")
  lu.assertNil(alp.detector.lhcb)
end

function TestExperiment:test_belle2_analysis_takes_only_belle2_samples()
  local bb = alp.sample.b_to_ka { ma = 0.3, n = 10, seed = 1, experiment = "babar" }
  lu.assertStrContains(errmsg(alp.analysis.belle2_signal, { sample = bb, seed = 1 }),
                       "sample must be a Belle II B+ -> K+ a sample")
  -- the label alone does not make a Belle II sample
  local fake = alp.sample.from_parents { parents = { { 10, 0, 0, 8 } }, ma = 0.5, seed = 1,
                                         m_recoil = 0.493677, label = "B+ -> K+ a at belle2" }
  lu.assertStrContains(errmsg(alp.analysis.belle2_signal, { sample = fake, seed = 1 }),
                       "sample must be a Belle II B+ -> K+ a sample")
end

-- The V -> gamma a entries (REFERENCE D17): beams, boost and volumes against
-- the numbers of /work/shared/data/detector_geometry/*_geometry.csv.
local function inside(det, vname, x)
  return alp.detector[det]():volume(vname):contains(x)
end

function TestExperiment:test_besiii()
  local e = alp.experiment.info("besiii")
  -- besiii_geometry.csv: crossing angle 22 mrad full (B); E = m_J/psi / 2 (C)
  lu.assertEquals(e.beams.half_angle, 0.011)
  h.assert_rel(e.beams.e_minus, 3.0969 / 2, 1e-12, "E = m_J/psi / 2")
  lu.assertEquals(e.beams.e_minus, e.beams.e_plus)  -- symmetric
  lu.assertEquals(e.parent, "J/psi")
  h.assert_rel(e.beams.mass, 3.0969, 1e-12, "J/psi mass")
  -- csv: beta gamma = p / m = sin(11 mrad) = 0.011 (derived, C)
  lu.assertEquals(e.boost, 0.011)
  h.assert_rel(e.beams.p / e.beams.mass, math.sin(0.011), 1e-12, "p / m = sin(11 mrad)")
  -- no dimension read (GAPs): D18's long-lifetime sphere of 100 m only
  lu.assertEquals(e.volumes, { "long_lifetime" })
  lu.assertTrue(inside("besiii", "long_lifetime", { 0, 99.9, 0 }))
  lu.assertFalse(inside("besiii", "long_lifetime", { 0, 0, 100.1 }))
end

function TestExperiment:test_babar_y3s()
  local e = alp.experiment.info("babar_y3s")
  -- 8.6 / 3.1 GeV (babar_geometry.csv: GAP, ALPaca's comment, C), head-on
  lu.assertEquals({ e.beams.e_minus, e.beams.e_plus, e.beams.half_angle }, { 8.6, 3.1, 0 })
  lu.assertEquals(e.parent, "Upsilon(3S)")
  h.assert_rel(e.beams.p, 5.5, 1e-14, "p = E- - E+")
  h.assert_rel(e.boost, 5.5 / 10.3551, 1e-12, "(8.6 - 3.1) / m_Y(3S)")
  -- the same volumes as babar (DCH grade B: rho < 0.809 m, -1.015 < z < 1.749 m)
  lu.assertEquals(e.volumes, alp.experiment.info("babar").volumes)
  lu.assertTrue(inside("babar_y3s", "dch", { 0.80, 0, 0.1 }))
  lu.assertFalse(inside("babar_y3s", "dch", { 0.82, 0, 0.1 }))
end

function TestExperiment:test_belle()
  local e = alp.experiment.info("belle")
  -- belle_geometry.csv: 8 / 3.5 GeV (B), +-11 mrad crossing (A), beta gamma 0.425 (B)
  lu.assertEquals({ e.beams.e_minus, e.beams.e_plus, e.beams.half_angle }, { 8.0, 3.5, 0.011 })
  lu.assertEquals(e.parent, "Upsilon(1S)")
  lu.assertEquals(e.boost, 0.425)
  -- the quoted boost is the beams' (the Y(1S) moves with the Y(2S) system)
  h.assert_rel(e.beams.betagamma, e.boost, 1e-3, "KEKB beta gamma from the beams")
  -- ECL envelope (NIM Table 1, A): barrel outer radius 1.62 m, endcaps at
  -- z = -1.02 and +1.96 m
  lu.assertEquals(e.volumes, { "ecl", "long_lifetime" })
  lu.assertTrue(inside("belle", "ecl", { 1.61, 0, 0 }))
  lu.assertFalse(inside("belle", "ecl", { 0, 1.63, 0 }))
  lu.assertTrue(inside("belle", "ecl", { 0, 0, 1.95 }))
  lu.assertFalse(inside("belle", "ecl", { 0, 0, 1.97 }))
  lu.assertTrue(inside("belle", "ecl", { 0, 0, -1.01 }))
  lu.assertFalse(inside("belle", "ecl", { 0, 0, -1.03 }))
end
