-- tests/lua/test_invisible_width.lua: an invisible width reaches every
-- signature through paper eqs. (3.3)-(3.4) -- displaced and prompt searches
-- see B(a -> X) with Gamma_inv in the total width and the shorter lifetime,
-- invisible searches gain B(a -> inv) -- one recast per signature, the ratio
-- of alp.recast.check against the formula by hand.
local lu = require "luaunit"
local h = require "helpers"

TestInvisibleWidth = {}

local function rec(path) return h.recast(path) end
local function ratio_of(model, ma, d, vname)
  for _, v in ipairs(alp.recast.check(model, ma, { recasts = { d } })) do
    if v.variant == vname then return v.ratio, v end
  end
end

-- the cff benchmark at c, with Gamma_inv = k Gamma_vis at ma: B(inv) = k/(1+k)
local function with_inv(c, ma, k)
  local m = alp.model { cff = c }
  return m:with { gamma_inv = k * m:width(ma) }, m
end

function TestInvisibleWidth:test_displaced_lhcb_sees_B_mumu_and_c_tau_with_the_invisible_width()
  local d, ma = rec("lhcb_kmumu_displaced.lua"), 1.0
  local m, m0 = with_inv(3e-3, ma, 1) -- B(inv) = 1/2
  h.assert_rel(m:br(ma, "mumu"), 0.5 * m0:br(ma, "mumu"), 1e-12, "B(a -> mu mu) halved (seed 2.12)")
  h.assert_rel(m:ctau(ma), 0.5 * m0:ctau(ma), 1e-12, "c tau halved")
  -- seed (3.3): N ~ B(B -> K a) B(a -> X)(1 - <P>); (1 - <P>) is in LHCb's UL(m, tau)
  local want = m:br_b_to_ka(ma) * m:br(ma, "mumu") / d.limit:at(ma, m:ctau(ma))
  h.assert_rel(ratio_of(m, ma, d), want, 1e-12, "ratio with Gamma_inv")
  lu.assertTrue(math.abs(want / ratio_of(m0, ma, d) - 1) > 0.05, "and it moved")
end

function TestInvisibleWidth:test_prompt_lhcb_sees_B_mumu_with_the_invisible_width()
  local d, ma = rec("lhcb_kmumu_prompt.lua"), 1.0
  local m = with_inv(0.01, ma, 3) -- B(inv) = 3/4
  h.assert_rel(m:br(ma, "invisible"), 0.75, 1e-12, "B(inv)")
  local lim = d.variant_settings.lhcb.limit
  local want = m:br_b0_to_kstar0a(ma) * m:br(ma, "mumu") / lim:at(ma, m:ctau(ma))
  h.assert_rel(ratio_of(m, ma, d, "lhcb"), want, 1e-12, "ratio with Gamma_inv")
end

function TestInvisibleWidth:test_invisible_belle2_gains_B_inv()
  -- seed (3.4): N ~ B(B -> K a)[B(a -> X)<P> + B(a -> inv)], <P> from the veto Monte Carlo
  local d, ma = rec("belle2_kinv.lua"), 1.0
  local data, v = alp.recast.data(d), alp.recast.variant(d, "50ab")
  local p = d.prepare(ma, data, v)
  local lim = d.limit(ma, data, p, v)
  local c = 1e-3 -- c tau ~ cm: most ALPs decay inside the veto, <P> small
  local m, m0 = with_inv(c, ma, 1)
  local want = m:br_b_to_ka(ma) * (0.5 * p.p_at(m:ctau(ma)) + 0.5) / lim
  local got = ratio_of(m, ma, d, "50ab")
  h.assert_rel(got, want, 1e-9, "ratio with B(inv) = 1/2")
  -- without the invisible width: B(B -> K a)<P>/limit, <P> small
  local p0 = p.p_at(m0:ctau(ma))
  lu.assertTrue(p0 < 0.2, "visible ALPs mostly decay inside, <P> = " .. p0)
  lu.assertTrue(got > 2 * m0:br_b_to_ka(ma) * p0 / lim, "the invisible half dominates")
end

function TestInvisibleWidth:test_invisible_na62_visible_part_against_UL_tau_invisible_against_UL_inf()
  local d, ma = rec("na62_kpix.lua"), 0.1
  local m = with_inv(2e-3, ma, 1)
  local b = m:br_k_to_pia(ma)
  local want = b * (0.5 / d.limit:at(ma, m:ctau(ma)) + 0.5 / d.limit:at(ma, math.huge))
  h.assert_rel(ratio_of(m, ma, d), want, 1e-12, "ratio with B(inv) = 1/2")
  -- without an invisible width the signal is B(K -> pi a) itself (unchanged benchmarks)
  local m0 = alp.model.benchmark("cff", 2e-3)
  lu.assertEquals(d.signal(m0, ma), m0:br_k_to_pia(ma))
end
