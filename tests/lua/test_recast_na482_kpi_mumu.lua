-- tests/lua/test_recast_na482_kpi_mumu.lua: NA48/2 K+ -> pi+ a(mu mu)
-- (arXiv:1612.04723, ALPaca's grid).  Hand values: rows of
-- na482_kpi_mumu.csv at m_a = 0.250101 GeV, tau = 10 ... 1e5 ps:
-- 2.569227e-10, 4.242107e-10, 2.569227e-09, 2.288445e-08, 2.261444e-07.
local lu = require "luaunit"
local h = require "helpers"

TestNa482 = {}

local PS = 1e-12 * alp.constants.c_light
local MA = 0.250101
local TAU = { 10, 100, 1000, 1e4, 1e5 }
local UL = { 2.569227e-10, 4.242107e-10, 2.569227e-09, 2.288445e-08, 2.261444e-07 }
local d
local function load()
  d = d or alp.recast.load(alp.root .. "/recasts/na482_kpi_mumu/na482_kpi_mumu.lua")
  return d
end

-- ln UL linear in ln tau; the 10 ps value held below; none beyond 1e5 ps
local function ul_hand(tau)
  if tau <= TAU[1] then return UL[1] end
  for k = 1, #TAU - 1 do
    if tau <= TAU[k + 1] then
      local u = math.log(tau / TAU[k]) / math.log(TAU[k + 1] / TAU[k])
      return math.exp(math.log(UL[k]) + u * math.log(UL[k + 1] / UL[k]))
    end
  end
  return math.huge
end

function TestNa482:test_limit_read_off_the_grid()
  local lim = load().limit
  for k = 1, 4 do h.assert_rel(lim:at(MA, TAU[k] * PS), UL[k], 1e-9, "tau = " .. TAU[k] .. " ps") end
  -- just inside the last row (at the row itself the rounding of tau x c decides)
  h.assert_rel(lim:at(MA, TAU[5] * (1 - 1e-9) * PS), UL[5], 1e-8, "tau = 1e5 ps")
  h.assert_rel(lim:at(MA, 3000 * PS), ul_hand(3000), 1e-9, "tau = 3000 ps")
  h.assert_rel(lim:at(MA, 0.1 * PS), UL[1], 1e-12, "below 10 ps: held")
  lu.assertEquals(lim:at(MA, 2e5 * PS), math.huge, "beyond 1e5 ps: no limit")
  lu.assertEquals(lim:at(0.205, 10 * PS), math.huge, "below 2 m_mu (nan): no limit")
end

-- cff benchmark at 0.25 GeV: S = B(K -> pi a) B(mu mu) ~ c^2, tau ~ 1/c^2
function TestNa482:test_lower_edge_by_hand()
  local dd = load()
  lu.assertEquals(dd.parent, "K+")
  local m1 = alp.model.benchmark("cff", 1)
  local S1, tau1 = m1:br_k_to_pia(MA) * m1:br(MA, "mumu"), m1:ctau(MA) / PS
  h.assert_rel(dd.signal(m1, MA), S1, 1e-12)
  -- S1 by hand: 4.08e-4 (D3) x the phase space at 0.25 GeV, 0.6504; B(mu mu) = 1
  h.assert_rel(S1, 4.08e-4 * 0.6504, 5e-3, "S1")
  local lo = h.bisect_log(function(c) return S1 * c * c / ul_hand(tau1 / (c * c)) - 1 end, 1e-4, 1)
  local r = alp.recast.scan(dd, "cff", nil, { masses = { MA } })
  lu.assertEquals(#r.intervals, 1)
  h.assert_rel(r.intervals[1].lo, lo, 2e-3, "cff lower edge at 0.25 GeV")
  lu.assertEquals(r.intervals[1].hi, math.huge, "open up to the D16(b) bound")
  -- the edge lies just below the 1000 ps row: c ~ sqrt(2.5e-9 / 2.653e-4)
  -- = 3.07e-3 TeV^-1
  local tau = tau1 / lo ^ 2
  lu.assertTrue(tau > 900 and tau < 1000, "tau at the edge = " .. tau .. " ps")
  h.assert_rel(lo, 3.07e-3, 0.01, "cff lower edge")
end
