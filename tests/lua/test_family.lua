-- tests/lua/test_family.lua: alp.family -- the four shipped families of
-- models/ load with their couplings as documented, bad family files are
-- refused naming the field, and recasts' `assumes` refuse the families
-- that break them (with the reason) and accept the others.
local lu = require "luaunit"
local h = require "helpers"

TestFamily = {}

local MODELS = alp.root .. "/models/"
local function load(name) return alp.family.load(MODELS .. name .. ".lua") end

function TestFamily:test_shipped_families_and_their_couplings()
  local want = {
    leptophilic = { e = 1, mu = 1, tau = 1, u = 0, t = 0, cww = 0 },
    photophobic = { cww = 1, cbb = -1, e = 0, t = 0 },
    cff_cww = { e = 1, t = 1, b = 1, cww = 1, cbb = 0 },
    cff_inv50 = { e = 1, t = 1, cww = 0 },
  }
  for name, cs in pairs(want) do
    local f = load(name)
    lu.assertEquals(f.name, name)
    lu.assertTrue(#f.citations > 0, name .. ": citations")
    lu.assertTrue(#f.label > 0 and #f.notes > 0)
    -- c = the largest |c_i(Lambda)|/f_a: D16(b)'s bound applies to c itself
    lu.assertEquals(f.scale, 1, name)
    local got = alp.family.couplings_of(f.model(2.5, 0.3))
    for k, v in pairs(cs) do h.assert_rel(got[k] + 1e-300, 2.5 * v + 1e-300, 1e-12, name .. " c_" .. k) end
  end
end

function TestFamily:test_invisible_half_at_every_mass_and_coupling()
  -- Gamma_inv = Gamma_vis: B(a -> inv) = 1/2 and c tau half the cff benchmark's (paper eq. 2.12)
  local f = load("cff_inv50")
  lu.assertTrue(f.per_mass)
  for _, ma in ipairs { 0.01, 0.3, 2.0 } do
    for _, c in ipairs { 1e-4, 1 } do
      local m = f.model(c, ma)
      h.assert_rel(m:br(ma, "invisible"), 0.5, 1e-12, "B(inv)")
      h.assert_rel(m:ctau(ma), 0.5 * alp.model.benchmark("cff", c):ctau(ma), 1e-12, "c tau halved")
    end
  end
end

function TestFamily:test_a_bare_name_is_a_shipped_family()
  local f = alp.family.load("photophobic")
  lu.assertEquals(f.file, alp.root .. "/models/photophobic.lua")
end

function TestFamily:test_benchmarks_are_families()
  local f = alp.family.benchmark("cWW")
  lu.assertEquals(f.name, "cWW")
  lu.assertEquals(f.model(0.3):ctau(0.2), alp.model.benchmark("cWW", 0.3):ctau(0.2))
  lu.assertErrorMsgContains("name must be one of", alp.family.benchmark, "cww")
end

local function bad(spec, msg)
  local ok, err = pcall(alp.family.new, spec, "x.lua")
  lu.assertFalse(ok, msg)
  lu.assertStrContains(tostring(err), msg)
end

function TestFamily:test_bad_families_are_refused_naming_the_field()
  local good = function(c) return alp.model { cff = c } end
  local base = { name = "x", label = "c", notes = "n", citations = {}, model = good }
  local function with(k, v)
    local t = {}
    for a, b in pairs(base) do t[a] = b end
    t[k] = v
    return t
  end
  bad(with("name", "cff"), "reserved for the benchmark")
  bad(with("name", "a/b"), "field 'name' must be a file-safe word")
  bad(with("label", nil), "field 'label' must be a non-empty string")
  bad(with("citations", "arXiv:1"), "field 'citations' must be an array")
  bad(with("modle", good), "unknown field 'modle' (did you mean 'model'?)")
  bad(with("model", function() return 3 end), "must return an alp.model")
  bad(with("model", function(c) return alp.model { cff = c * c } end), "must be linear in c")
  bad(with("model", function(c) return alp.model { cff = c, fa = 1000 * c } end), "must keep f_a fixed")
  bad(with("model", function() return alp.model {} end), "no coupling at Lambda")
  local ok, err = pcall(alp.family.load, "/nonexistent/fam.lua")
  lu.assertFalse(ok)
  lu.assertStrContains(err, "cannot read '/nonexistent/fam.lua'")
end

function TestFamily:test_f_a_scales_the_validity_bound()
  -- c_ff(Lambda) = 2c: D16(b) bounds 2c/f_a, so c stops at c_max(B+)/2
  local f = alp.family.new { name = "two", label = "c", notes = "n", citations = {},
                             model = function(c) return alp.model { cff = 2 * c } end }
  lu.assertEquals(f.scale, 2)
  local d = alp.recast.load(alp.root .. "/recasts/lhcb_kmumu_displaced.lua")
  local r = alp.recast.scan(d, f, nil, { masses = { 1.0 } })
  h.assert_rel(r.c_max, alp.model.max_coupling("B+") / 2, 1e-12, "c_max / 2")
  lu.assertEquals(r.c_max_parent, "B+")
end

function TestFamily:test_assumptions_refuse_with_a_reason()
  local beam = alp.recast.load(alp.root .. "/recasts/beamdumps_gg.lua")
  local charm = alp.recast.load(alp.root .. "/recasts/charm_kmumu.lua")
  -- CHARM needs a tree-level muon coupling: leptophilic and cff_cww yes, photophobic and cWW no
  lu.assertTrue(alp.recast.applies(charm, load("leptophilic")))
  lu.assertTrue(alp.recast.applies(charm, load("cff_cww")))
  local ok, why = alp.recast.applies(charm, load("photophobic"))
  lu.assertFalse(ok)
  lu.assertStrContains(why, "no tree-level coupling c_mu(Lambda)")
  -- the beam-dump band needs B(a -> gamma gamma) >= 0.95: B = 1/2 with the invisible width
  ok, why = alp.recast.applies(beam, load("cff_inv50"))
  lu.assertFalse(ok)
  lu.assertStrContains(why, "B(a -> gammagamma)")
  lu.assertStrContains(why, "two photons only")
  -- a benchmark outside a recast's `benchmarks` list is refused by name
  local d = alp.recast { name = "b1", experiment = "E", process = "p", reference = "r", signature = "prompt",
                         cl = 0.9, benchmarks = { "cff" }, ratio = function() return 0 end }
  ok, why = alp.recast.applies(d, "cWW")
  lu.assertFalse(ok)
  lu.assertStrContains(why, "written for the benchmark cff only")
  lu.assertTrue(alp.recast.applies(d, load("leptophilic")), "benchmarks restrict only the benchmarks")
end

function TestFamily:test_bad_assumes_fields()
  local function mk(a)
    return pcall(alp.recast, { name = "b2", experiment = "E", process = "p", reference = "r",
                               signature = "prompt", cl = 0.9, assumes = a, ratio = function() return 0 end })
  end
  local ok, err = mk({ couplings = { "mu" } })
  lu.assertFalse(ok)
  lu.assertStrContains(err, "needs why =")
  ok, err = mk({ couplings = { "muon" }, why = "w" })
  lu.assertStrContains(err, "couplings[1] must be one of")
  ok, err = mk({ br_min = { photons = 0.9 }, why = "w" })
  lu.assertStrContains(err, "br_min key must be a channel")
  ok, err = mk({ br_mni = {}, why = "w" })
  lu.assertStrContains(err, "did you mean 'br_min'?")
  ok, err = mk({ invisible = false, why = "no invisible width" })
  lu.assertTrue(ok, err)
  local d = err
  lu.assertTrue(alp.recast.applies(d, "cff"))
  local no, why = alp.recast.applies(d, load("cff_inv50"))
  lu.assertFalse(no)
  lu.assertStrContains(why, "has an invisible width")
end
