-- tests/lua/test_recast_koto_klpi0x.lua: KOTO K_L -> pi0 X, X invisible
-- (arXiv:1810.09655, ALPaca's digitisation), with B(K_L -> pi0 a) of
-- REFERENCE D18.  Hand values: rows "0.2,2.9335352039788735e-09" and
-- "0.22015945330296133,3.2914806352087758e-09" of koto_klpi0x.csv.
local lu = require "luaunit"
local h = require "helpers"

TestKoto = {}

local UL2 = 2.9335352039788735e-09
local d
local function load()
  d = d or alp.recast.load(alp.root .. "/recasts/koto_klpi0x/koto_klpi0x.lua")
  return d
end

function TestKoto:test_limit_read_off_the_table()
  local lim = load().limit
  h.assert_rel(lim:at(0.2, 1e3), UL2, 1e-12, "row at 0.2 GeV")
  -- linear in m (as ALPaca) between 0.2 and 0.2202 GeV
  local u = (0.21 - 0.2) / (0.22015945330296133 - 0.2)
  h.assert_rel(lim:at(0.21, 1e3), UL2 + u * (3.2914806352087758e-09 - UL2), 1e-9, "0.21 GeV")
  lu.assertEquals(lim:at(0.27, 1e3), math.huge, "above 0.260 GeV: no limit")
end

-- the D18 rate in the recast: checkpoint 3, B(K_L)/B(K+) = 0.6588 at 0.2 GeV
function TestKoto:test_signal_is_d18()
  local dd = load()
  lu.assertEquals(dd.parent, "K_L")
  local m = alp.model.benchmark("cff", 1e-3)
  h.assert_rel(dd.signal(m, 0.2), m:br_kl_to_pi0a(0.2), 1e-12)
  h.assert_rel(m:br_kl_to_pi0a(0.2) / m:br_k_to_pia(0.2), 0.6588, 1e-3, "D18 checkpoint 3")
  -- a short-lived ALP (c = 1: c tau of mm) decays inside KOTO: no limit
  lu.assertEquals(dd.signal(alp.model.benchmark("cff", 1), 0.2), 0)
end

-- the excluded interval at 0.2 GeV by hand (cff): B = B1 c^2 reaches UL at the
-- lower edge; the upper edge is D18's 100 m rule, beta gamma* c tau1 / c^2 = 100 m
function TestKoto:test_edges_by_hand()
  local m1 = alp.model.benchmark("cff", 1)
  local B1, ct1 = m1:br_kl_to_pi0a(0.2), m1:ctau(0.2)
  -- D18 checkpoint 2: 2.1040e-4 at K_ff = 0.01817 (ours within D3's 0.5 %)
  h.assert_rel(B1, 2.1040e-4, 5e-3, "B(K_L -> pi0 a) at 0.2 GeV, c_ff = 1")
  -- p* = lambda^{1/2}(m_KL^2, m_pi0^2, m_a^2) / (2 m_KL) = 0.18241 GeV at 0.2 GeV
  local p = 0.18241
  local lo, hi = math.sqrt(UL2 / B1), math.sqrt(p / 0.2 * ct1 / 100)
  h.assert_rel(lo, 3.734e-3, 2e-3, "c_low = sqrt(2.934e-9 / 2.104e-4)")
  local r = alp.recast.scan(load(), "cff", nil, { masses = { 0.2 } })
  lu.assertEquals(#r.intervals, 1)
  h.assert_rel(r.intervals[1].lo, lo, 2e-3, "lower edge")
  h.assert_rel(r.intervals[1].hi, hi, 2e-3, "upper edge (100 m rule)")
end
