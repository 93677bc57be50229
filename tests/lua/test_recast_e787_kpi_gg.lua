-- tests/lua/test_recast_e787_kpi_gg.lua: E787 K+ -> pi+ a(gamma gamma)
-- (hep-ex/9708011, ALPaca's grid).  Hand values: rows of e787_kpi_gg.csv at
-- m_a = 0.05025126 GeV, tau = 10, 100, 1000, 10000 ps:
-- 2.529211e-08, 3.144216e-08, 1.814289e-07, 1.943378e-06.
local lu = require "luaunit"
local h = require "helpers"

TestE787 = {}

local PS = 1e-12 * alp.constants.c_light
local MA = 0.05025126
local TAU = { 10, 100, 1000, 10000 }
local UL = { 2.529211e-08, 3.144216e-08, 1.814289e-07, 1.943378e-06 }
local d
local function load()
  d = d or alp.recast.load(alp.root .. "/recasts/e787_kpi_gg/e787_kpi_gg.lua")
  return d
end

-- the hand interpolation: ln UL linear in ln tau; held below 10 ps; none beyond 1e4 ps
local function ul_hand(tau)
  if tau <= TAU[1] then return UL[1] end
  for k = 1, 3 do
    if tau <= TAU[k + 1] then
      local u = math.log(tau / TAU[k]) / math.log(TAU[k + 1] / TAU[k])
      return math.exp(math.log(UL[k]) + u * math.log(UL[k + 1] / UL[k]))
    end
  end
  return math.huge
end

function TestE787:test_limit_read_off_the_grid()
  local lim = load().limit
  for k, tau in ipairs(TAU) do h.assert_rel(lim:at(MA, tau * PS), UL[k], 1e-9, "tau = " .. tau .. " ps") end
  h.assert_rel(lim:at(MA, 300 * PS), ul_hand(300), 1e-9, "tau = 300 ps")
  h.assert_rel(lim:at(MA, 1 * PS), UL[1], 1e-12, "below 10 ps: the 10 ps limit held")
  lu.assertEquals(lim:at(MA, 2e4 * PS), math.huge, "beyond 1e4 ps: no limit")
  lu.assertEquals(lim:at(0.002, 10 * PS), math.huge, "nan below 5.5 MeV: no limit")
  lu.assertEquals(lim:at(0.11, 10 * PS), math.huge, "above 0.1 GeV: no limit")
end

-- cWW benchmark at 50 MeV: B(K -> pi a) B(gamma gamma) ~ c^2 and tau ~ 1/c^2;
-- the lower edge solves S1 c^2 = UL(tau1 / c^2); open up to c/f_a = 1/m_K+
function TestE787:test_lower_edge_by_hand()
  local dd = load()
  lu.assertEquals(dd.parent, "K+")
  local m1 = alp.model.benchmark("cWW", 1)
  local S1, tau1 = m1:br_k_to_pia(MA) * m1:br(MA, "gammagamma"), m1:ctau(MA) / PS
  h.assert_rel(dd.signal(m1, MA), S1, 1e-12)
  local lo = h.bisect_log(function(c) return S1 * c * c / ul_hand(tau1 / (c * c)) - 1 end, 1e-2, 1e3)
  local r = alp.recast.scan(dd, "cWW", nil, { masses = { MA } })
  lu.assertEquals(#r.intervals, 1)
  h.assert_rel(r.intervals[1].lo, lo, 2e-3, "cWW lower edge at 50 MeV")
  lu.assertEquals(r.intervals[1].hi, math.huge, "prompt decays stay excluded up to the D16(b) bound")
  h.assert_rel(r.c_max, alp.model.max_coupling("K+"), 1e-12)
  -- by hand: S1 = 4.08e-4 (K_WW/K_ff)^2 x phase space = 4.08e-4 x 0.001585^2 x
  -- 0.9864 = 1.011e-9 (D3, B(gamma gamma) = 1 here); the edge lies just above
  -- the 1000 ps row, so c ~ sqrt(1.87e-7 / 1.011e-9) = 13.6 TeV^-1
  h.assert_rel(S1, 4.08e-4 * 0.001585 ^ 2 * 0.9864, 5e-3, "S1 from the D3 prefactors")
  local tau = tau1 / lo ^ 2
  lu.assertTrue(tau > 1000 and tau < 1100, "tau at the edge = " .. tau .. " ps")
  h.assert_rel(lo, 13.6, 0.01, "cWW lower edge ~ 13.6 TeV^-1")
end
