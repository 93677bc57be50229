-- tests/lua/test_recast_belle2_2023_displaced.lua: the Belle II 2023 displaced
-- search (arXiv:2306.02830) as a folder recast on alp.limit.  Hand values
-- from the rows of its CSVs (quoted below), the 2 m curve used, the CL check,
-- the K*0 -> K+ pi- factor, and a region that closes at large coupling.
local lu = require "luaunit"
local h = require "helpers"

local DIR = alp.root .. "/recasts/belle2_2023_displaced"
local desc
local function load()
  desc = desc or alp.recast.load(DIR .. "/belle2_2023_displaced.lua")
  return desc
end
local function lim(v) return load().variants[v].limit end

TestBelle2_2023 = {}

function TestBelle2_2023:test_declaration()
  local d = load()
  lu.assertEquals(d.variant_names, { "kp_ee", "kp_mumu", "kst_ee", "kst_mumu" })
  lu.assertEquals(d.cl, 0.95)
  lu.assertEquals(d.variants.kst_mumu.parent, "B0")
  lu.assertStrContains(tostring(d), "belle2_2023_displaced")
end

-- BpKp_mumu.csv: "1,1.0013,5.3997e-08", "1,1.0029,5.5142e-08",
-- "2.5,1.0013,6.1054e-08", "2.5,1.0029,6.2865e-08" (c tau in cm)
function TestBelle2_2023:test_values_by_hand()
  local l = lim("kp_mumu")
  h.assert_rel(l:at(1.0013, 0.01), 5.3997e-08, 1e-12, "a tabulated point (1 cm = 0.01 m)")
  -- ln UL linear in m between 1.0013 and 1.0029 GeV at 1 cm
  local w = (1.0021 - 1.0013) / (1.0029 - 1.0013)
  local at1 = math.exp(math.log(5.3997e-08) + w * (math.log(5.5142e-08) - math.log(5.3997e-08)))
  local at25 = math.exp(math.log(6.1054e-08) + w * (math.log(6.2865e-08) - math.log(6.1054e-08)))
  -- and linear in ln c tau between 1 and 2.5 cm
  local ct = 0.01 * math.sqrt(2.5)
  local u = math.log(ct / 0.01) / math.log(2.5)
  h.assert_rel(l:at(1.0021, ct), math.exp(math.log(at1) + u * (math.log(at25) - math.log(at1))), 1e-9)
  lu.assertEquals(l:at(1.0013, 1e-6), math.huge, "below 0.001 cm: no limit")
  lu.assertEquals(l:at(1.0013, 2.0), math.huge, "the 200 cm curve stops at 0.30 GeV (mumu)")
end

-- BpKp_ee.csv: "100,0.10032,1.0447e-05", "200,0.10032,1.1649e-05": the
-- coarser 2 m curve is used (non-rectangular table)
function TestBelle2_2023:test_two_metre_curve_is_used()
  local l = lim("kp_ee")
  h.assert_rel(l:at(0.10032, 2.0), 1.1649e-05, 1e-12)
  local u = math.log(1.5 / 1.0) / math.log(2)
  h.assert_rel(l:at(0.10032, 1.5), math.exp(math.log(1.0447e-05) + u * (math.log(1.1649e-05) - math.log(1.0447e-05))), 1e-9)
end

function TestBelle2_2023:test_cl_mismatch_names_both()
  local ok, err = pcall(alp.limit.csv, DIR .. "/BpKp_ee.csv",
                        { value = "BR_UL_obs", mass = "m_S_GeV", lifetime = "ctau_cm", cl = 0.90 })
  lu.assertFalse(ok)
  lu.assertStrContains(err, "0.9"); lu.assertStrContains(err, "0.95"); lu.assertStrContains(err, "BpKp_ee.csv")
end

function TestBelle2_2023:test_kstar_signal_has_the_k_pi_factor()
  local d, m = load(), alp.model.benchmark("cff", 1e-2)
  local v = alp.recast.variant(d, "kst_mumu")
  h.assert_rel(d.signal(m, 1.0, nil, v), m:br_b0_to_kstar0a(1.0) * (2 / 3) * m:br(1.0, "mumu"), 1e-12,
               "B(B0 -> K*0 a) B(K*0 -> K+ pi-) B(a -> mu mu)")
end

-- at 1 GeV the K+ mu mu region is bounded: the ALP decays promptly (c tau <
-- 0.001 cm) at large coupling, so the displaced search closes below the bound
function TestBelle2_2023:test_region_closes_at_large_coupling()
  local d = load()
  local r = alp.recast.scan(d, "cff", "kp_mumu", { masses = { 1.0, 1.01 }, couplings = { n = 60 } })
  lu.assertTrue(#r.intervals >= 2)
  for _, iv in ipairs(r.intervals) do
    lu.assertTrue(iv.hi < r.c_max, "closes below 1/m_B+")
    local m = alp.model.benchmark("cff", iv.hi * 1.05)
    lu.assertTrue(m:ctau(iv.ma) < 0.05, "above the region the ALP is short-lived")
  end
end
