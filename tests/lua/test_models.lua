-- tests/lua/test_models.lua: one point of each shipped model family computed
-- by hand -- signal from the model's BRs and lifetime against the recast's
-- own limit, the coupling edge where signal = limit found by bisection --
-- against the suite's scan (alp.recast.scan, as `alpcast suite --model`
-- runs it) and alp.recast.check on both sides of the edge.
local lu = require "luaunit"
local h = require "helpers"

TestModels = {}

local function fam(name) return alp.family.load(alp.root .. "/models/" .. name .. ".lua") end
local function rec(name) return h.recast(name .. ".lua") end

-- edge: the hand edge; the scan's interval at ma must start (or end) there,
-- and check must say excluded 5 % inside and allowed 5 % outside
local function compare(f, d, vname, ma, edge, side)
  local r = alp.recast.scan(d, f, vname, { masses = { ma } })
  lu.assertEquals(#r.intervals, 1, d.name .. ": one interval")
  local iv = r.intervals[1]
  h.assert_rel(side == "low" and iv.lo or iv.hi, edge, 2e-3, d.name .. " " .. f.name .. " edge vs the scan")
  local inside = side == "low" and 1.05 * edge or edge / 1.05
  local outside = side == "low" and edge / 1.05 or 1.05 * edge
  for c, want in pairs { [inside] = "excluded", [outside] = "allowed" } do
    local v
    for _, x in ipairs(alp.recast.check(f, ma, { c = c, recasts = { d }, variant = vname })) do
      if x.variant == vname then v = x end
    end
    lu.assertEquals(v.verdict, want, string.format("%s %s at c = %g", d.name, f.name, c))
    h.assert_rel(v.margin, edge / c, 3e-3, "margin = c_edge / c")
  end
end

function TestModels:test_leptophilic_lhcb_prompt_at_0p5_GeV()
  -- B(B0 -> K*0 a) arises through the running only; B(a -> mu mu) at tree level
  local f, d, ma = fam("leptophilic"), rec("lhcb_kmumu_prompt"), 0.5
  local lim = d.variant_settings.lhcb.limit
  local function ratio(c)
    local m = f.model(c)
    return m:br_b0_to_kstar0a(ma) * m:br(ma, "mumu") / lim:at(ma, m:ctau(ma)) - 1
  end
  local edge = h.bisect_log(ratio, 0.5, 5)
  lu.assertTrue(edge > 1.1 and edge < 1.4, "c_low ~ 1.23 TeV^-1, got " .. edge)
  compare(f, d, "lhcb", ma, edge, "low")
end

function TestModels:test_photophobic_na62_at_0p2_GeV()
  -- K+ -> pi+ a from c_WW (K_WW, D6); a long-lived: B(K -> pi a) vs UL(m, tau)
  local f, d, ma = fam("photophobic"), rec("na62_kpix"), 0.2
  local function ratio(c)
    local m = f.model(c)
    return m:br_k_to_pia(ma) / d.limit:at(ma, m:ctau(ma)) - 1
  end
  local edge = h.bisect_log(ratio, 0.05, 2)
  compare(f, d, nil, ma, edge, "low")
end

function TestModels:test_cff_cww_lhcb_displaced_at_1_GeV()
  -- both edges: below, too few B -> K a; above, the ALP decays before the displaced window
  local f, d, ma = fam("cff_cww"), rec("lhcb_kmumu_displaced"), 1.0
  local function ratio(c)
    local m = f.model(c)
    return m:br_b_to_ka(ma) * m:br(ma, "mumu") / d.limit:at(ma, m:ctau(ma)) - 1
  end
  local lo = h.bisect_log(ratio, 1e-4, 3e-3)
  local hi = h.bisect_log(function(c) return -ratio(c) end, 3e-3, 0.1)
  compare(f, d, nil, ma, lo, "low")
  compare(f, d, nil, ma, hi, "high")
end

function TestModels:test_cff_inv50_na62_at_50_MeV()
  -- paper eq. (3.4) for K -> pi a: B(K -> pi a)[B_vis/UL(tau) + B_inv/UL(inf)], B_inv = 1/2
  local f, d, ma = fam("cff_inv50"), rec("na62_kpix"), 0.05
  local function ratio(c)
    local m = f.model(c, ma)
    local b = m:br_k_to_pia(ma)
    return b * (0.5 / d.limit:at(ma, m:ctau(ma)) + 0.5 / d.limit:at(ma, math.huge)) - 1
  end
  local edge = h.bisect_log(ratio, 1e-4, 1e-2)
  compare(f, d, nil, ma, edge, "low")
  -- the invisible half alone already excludes: edge below sqrt(2) x the all-invisible edge
  local b1 = f.model(1, ma):br_k_to_pia(ma) -- B(K -> pi a) ~ c^2 at small c
  lu.assertTrue(edge < math.sqrt(d.limit:at(ma, math.huge) / (0.5 * b1)) * 1.001)
end
