-- tests/lua/test_recast_charm_kmumu.lua: recasts/charm_kmumu.lua (CHARM
-- B -> K a(mu mu) as reinterpreted by Doebrich et al., arXiv:1810.11336).
-- Numbers checked by hand, rows of recasts/data/charm_kmumu_ul.csv (m = 0.6 GeV):
--   0.6,4151.28,7.51357e-09 ... the whole 0.6 GeV curve is read here with
-- plain io; the UL at a tabulated mass is log-log in tau, e.g. at 45000 ps
-- between the rows 0.6,43287.6,3.72483e-09 and 0.6,45138.3,4.28602e-09.
-- The coupling edges at 0.6 GeV come from bisection on the physics API with
-- that curve and are compared with the scan; between masses the UL is the
-- geometric interpolation in m at fixed tau/m, checked at 0.85 GeV.
local lu = require "luaunit"
local h = require "helpers"

TestRecastCharmKmumu = {}

local PATH = "recasts/charm_kmumu.lua"
local FILE = "recasts/data/charm_kmumu_ul.csv"
local PS = 1e-12 * alp.constants.c_light -- c tau [m] of tau = 1 ps
local exp, log, sqrt = math.exp, math.log, math.sqrt

local desc
local function load()
  desc = desc or alp.recast.load(PATH)
  return desc
end
-- the limit the recast applies at mass ma and proper lifetime tau [ps]
local function ul(ma, tau) return load().limit:at(ma, tau * PS) end

-- the curve at mass ma from the file: sorted {tau}, {ul}
local function curve(ma)
  local ts, us = {}, {}
  for line in io.lines(FILE) do
    local m, t, u = line:match("^([%d.]+),([^,]+),([^,]+)$")
    if m and tonumber(m) == ma then ts[#ts + 1], us[#us + 1] = tonumber(t), tonumber(u) end
  end
  return ts, us
end

local function loglog(ts, us, tau)
  if tau < ts[1] or tau > ts[#ts] then return nil end
  for i = 1, #ts - 1 do
    if tau >= ts[i] and tau <= ts[i + 1] then
      if ts[i + 1] == ts[i] then return us[i] end
      return exp(log(us[i]) + (log(us[i + 1]) - log(us[i])) * (log(tau) - log(ts[i]))
                 / (log(ts[i + 1]) - log(ts[i])))
    end
  end
end

function TestRecastCharmKmumu:test_declaration()
  local d = load()
  lu.assertEquals(d.name, "charm_kmumu")
  lu.assertEquals(d.cl, 0.95)
  lu.assertTrue(alp.recast.applies(d, "cff"))
  lu.assertFalse(alp.recast.applies(d, "cWW"), "cff benchmark only")
  lu.assertStrContains(d.notes, "1810.11336")
  lu.assertStrContains(d.notes, "0.95")
end

-- The UL used at the tabulated mass 0.6 GeV, 45000 ps: the two rows quoted above.
function TestRecastCharmKmumu:test_limit_used_at_tabulated_mass()
  local d = load()
  local tau = 45000
  local want = exp(log(3.72483e-09) + (log(4.28602e-09) - log(3.72483e-09))
                   * (log(tau) - log(43287.6)) / (log(45138.3) - log(43287.6)))
  h.assert_rel(ul(0.6, tau), want, 1e-9, "UL at (0.6 GeV, 45000 ps)")
  -- and through the model: signal / limit at the model's c tau
  local m1 = alp.model.benchmark("cff", 1)
  local m = alp.model.benchmark("cff", sqrt(m1:ctau(0.6) / PS / tau))
  h.assert_rel(d.signal(m, 0.6), m:br_b_to_ka(0.6) * m:br(0.6, "mumu"), 1e-12, "signal")
  h.assert_rel(d.limit:at(0.6, m:ctau(0.6)), want, 1e-6, "at the model's c tau")
end

-- Coupling edges at 0.6 GeV: bisection with the file's curve vs the scan.
function TestRecastCharmKmumu:test_edges_hand_vs_scan()
  local d = load()
  local ts, us = curve(0.6)
  lu.assertEquals(#ts, 180)
  local m1 = alp.model.benchmark("cff", 1)
  local tau1 = m1:ctau(0.6) / PS
  local function f(c)
    local ul = loglog(ts, us, tau1 / (c * c))
    local m = alp.model.benchmark("cff", c) -- B(B -> K a) is not ~ c^2 at large c (D16(a))
    return ul and m:br_b_to_ka(0.6) * m:br(0.6, "mumu") / ul - 1 or -1
  end
  -- the minimum of the curve (~2.9e-9 near 15850 ps) is excluded; bracket around it
  local cmid = sqrt(tau1 / 15848.9)
  lu.assertTrue(f(cmid) > 0)
  local lo = h.bisect_log(f, sqrt(tau1 / ts[#ts]), cmid)
  local hi = h.bisect_log(f, cmid, sqrt(tau1 / ts[1]))
  local r = alp.recast.scan(d, "cff", nil, { masses = { 0.6, 0.6001 } })
  local iv = r.by_mass[1]
  lu.assertEquals(#iv, 1)
  h.assert_rel(iv[1][1], lo, 3e-3, "c_low at 0.6 GeV")
  h.assert_rel(iv[1][2], hi, 3e-3, "c_high at 0.6 GeV")
  lu.assertFalse(iv[1][3] or iv[1][4], "closed inside the coupling range")
  h.assert_rel(lo, 2.0295e-4, 2e-3, "c_low value (recorded)")
  h.assert_rel(hi, 1.2550e-3, 2e-3, "c_high value (recorded)")
end

-- Between masses: ln UL linear in ln m, both curves at the same tau/m.
function TestRecastCharmKmumu:test_mass_interpolation()
  local ma, tau = 0.85, 20000
  local t6, u6 = curve(0.6)
  local t12, u12 = curve(1.2)
  local w = log(ma / 0.6) / log(2)
  local want = exp((1 - w) * log(loglog(t6, u6, tau * 0.6 / ma))
                   + w * log(loglog(t12, u12, tau * 1.2 / ma)))
  h.assert_rel(ul(ma, tau), want, 1e-9, "UL at (0.85 GeV, 20000 ps)")
end

-- No limit outside 0.3-2.4 GeV nor outside a curve's lifetime range.
function TestRecastCharmKmumu:test_no_limit_outside_data()
  local d = load()
  local r = alp.recast.scan(d, "cff", nil, { masses = { 0.25, 0.29, 2.45, 3.0 }, couplings = { n = 60 } })
  lu.assertEquals(#r.intervals, 0)
  lu.assertEquals(ul(0.29, 20000), math.huge)
  lu.assertEquals(ul(2.41, 20000), math.huge)
  lu.assertTrue(ul(2.4, 20000) < 1)
  for _, tau in ipairs { 250, 1.1e6 } do -- the 0.3 GeV curve spans 251.189-1e6 ps
    lu.assertEquals(ul(0.3, tau), math.huge, "no limit at " .. tau .. " ps")
  end
  -- at 0.45 GeV the 0.6 GeV curve starts at 490.805 ps * 0.45/0.6 = 368 ps
  lu.assertEquals(ul(0.45, 360), math.huge, "no limit below the 0.6 curve's tau/m range")
  lu.assertTrue(ul(0.45, 380) < 1, "both curves have a value at 380 ps")
end
