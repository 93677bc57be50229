-- tests/lua/test_recast_lhcb_kmumu_displaced.lua: recasts/lhcb_kmumu_displaced.lua
-- (LHCb B+ -> K+ chi(mu mu), arXiv:1612.07818 Fig. 4, 95 % CL).
-- One number checked by hand: the bin the recast uses at m = 0.6 GeV,
-- tau = 57.5 ps is the file's row
--   137,28,0.5989433,0.6022947,50.11872,63.09573,1.725637e-09
-- and, since every width and B(B+ -> K+ a) of a one-coupling benchmark scale
-- as c^2 (tau = tau_1/c^2, S = S_1 c^2), the excluded set at one mass is the
-- union over lifetime bins k of c in [max(sqrt(tau_1/thi_k), sqrt(UL_k/S_1)),
-- sqrt(tau_1/tlo_k)] -- computed here from the file and compared with the
-- scan's edges.
local lu = require "luaunit"
local h = require "helpers"

TestRecastLhcbKmumuDisplaced = {}

local PATH = "recasts/lhcb_kmumu_displaced.lua"
local FILE = "recasts/data/lhcb_kmumu_displaced_bins.csv"
local PS = alp.constants.c_light * 1e-12 -- m per ps (c * 1 ps)

local desc
local function load()
  if not desc then desc = alp.recast.load(PATH) end
  return desc, desc.limit
end

-- the recast's UL at (m [GeV], tau [ps])
local function ul(ma, tau) local _, lim = load(); return lim:at(ma, tau * PS) end

-- The file's bins of the mass column containing ma, read with plain io:
-- {iy, tau_lo, tau_hi, ul}, sorted by iy.
local function bins_at(ma)
  local out = {}
  local f = assert(io.open(FILE, "r"))
  local header = true
  for line in f:lines() do
    if line:sub(1, 1) ~= "#" then
      if header then
        lu.assertEquals(line, "ix,iy,ma_lo_GeV,ma_hi_GeV,tau_lo_ps,tau_hi_ps,br_ul")
        header = false
      else
        local _, iy, mlo, mhi, tlo, thi, ul = line:match("^([^,]+),([^,]+),([^,]+),([^,]+),([^,]+),([^,]+),([^,]+)$")
        mlo, mhi = tonumber(mlo), tonumber(mhi)
        if mlo <= ma and ma < mhi then
          out[#out + 1] = { tonumber(iy), tonumber(tlo), tonumber(thi), tonumber(ul) }
        end
      end
    end
  end
  f:close()
  table.sort(out, function(a, b) return a[1] < b[1] end)
  return out
end

-- Excluded intervals at one mass, by hand (published range 0.1-1000 ps).
local function expected_intervals(bench, ma)
  local m = alp.model.benchmark(bench, 1)
  local tau1 = m:ctau(ma) / PS
  local S1 = m:br_b_to_ka(ma) * m:br(ma, "mumu")
  local ivs = {}
  for _, b in ipairs(bins_at(ma)) do
    local tlo, thi = math.max(b[2], 0.1), math.min(b[3], 1000)
    if tlo < thi then
      local lo = math.max(math.sqrt(tau1 / thi), math.sqrt(b[4] / S1))
      local hi = math.sqrt(tau1 / tlo)
      if lo < hi then ivs[#ivs + 1] = { lo, hi, b } end
    end
  end
  table.sort(ivs, function(a, b) return a[1] < b[1] end)
  -- merge touching intervals (neighbouring bins)
  local merged = {}
  for _, iv in ipairs(ivs) do
    local last = merged[#merged]
    if last and iv[1] <= last[2] * (1 + 1e-9) then
      last[2] = math.max(last[2], iv[2])
    else
      merged[#merged + 1] = { iv[1], iv[2], iv[3] }
    end
  end
  return merged, tau1, S1
end

function TestRecastLhcbKmumuDisplaced:test_declaration()
  local d = load()
  lu.assertEquals(d.name, "lhcb_kmumu_displaced")
  lu.assertEquals(d.cl, 0.95)
  lu.assertTrue(alp.recast.applies(d, "cff") and alp.recast.applies(d, "cWW"))
  lu.assertStrContains(d.notes, "1612.07818")
  lu.assertStrContains(d.notes, "95% CL")
end

-- One benchmark's couplings scale as c^2 (what the hand calculation uses).
function TestRecastLhcbKmumuDisplaced:test_c_squared_scaling()
  for _, b in ipairs { "cff", "cWW" } do
    local m1, m2 = alp.model.benchmark(b, 1), alp.model.benchmark(b, 0.01)
    -- Gamma(B -> K a)/Gamma_B = BR/(1 - BR) (D16(a)) scales as c^2
    local function x(m) local br = m:br_b_to_ka(0.6); return br / (1 - br) end
    h.assert_rel(x(m2), 1e-4 * x(m1), 1e-9, b .. " Gamma(B->Ka)")
    h.assert_rel(m2:ctau(0.6), 1e4 * m1:ctau(0.6), 1e-9, b .. " ctau")
    h.assert_rel(m2:br(0.6, "mumu"), m1:br(0.6, "mumu"), 1e-9, b .. " BR(mumu)")
  end
end

-- The BR limit used at (0.6 GeV, 57.5 ps): the file's bin (ix 137, iy 28).
function TestRecastLhcbKmumuDisplaced:test_limit_used_is_the_bin_content()
  local d = load()
  local ma, tau = 0.6, 57.5
  local b28
  for _, b in ipairs(bins_at(ma)) do if b[1] == 28 then b28 = b end end
  lu.assertNotNil(b28)
  lu.assertEquals(b28[4], 1.725637e-09) -- the row quoted above
  h.assert_rel(ul(ma, tau), 1.725637e-09, 1e-12, "UL used at (0.6 GeV, 57.5 ps)")
  -- anywhere inside the bin the same value (no interpolation), lo <= x < hi
  for _, x in ipairs { { 0.5989433, 50.11872 }, { 0.6022, 63.09 }, { 0.5990, 50.2 } } do
    h.assert_rel(ul(x[1], x[2]), 1.725637e-09, 1e-12, "UL at " .. x[1] .. " GeV, " .. x[2] .. " ps")
  end
  lu.assertNotEquals(ul(0.6022947, 57.5), 1.725637e-09, "upper mass edge: the next bin")
  lu.assertNotEquals(ul(ma, 63.09573 * (1 + 1e-9)), 1.725637e-09, "upper lifetime edge: the next bin")
  -- the signal is B(B+ -> K+ a) B(a -> mu mu)
  local m = alp.model.benchmark("cWW", 0.7)
  h.assert_rel(d.signal(m, ma), m:br_b_to_ka(ma) * m:br(ma, "mumu"), 1e-12, "signal")
end

-- The coupling edges at 0.6 GeV (cWW) and 2.0 GeV (cff): hand vs scan.
function TestRecastLhcbKmumuDisplaced:test_edges_hand_vs_scan()
  local d = load()
  for _, case in ipairs { { "cWW", 0.6 }, { "cff", 2.0 }, { "cff", 0.3 } } do
    local bench, ma = case[1], case[2]
    local want, tau1, S1 = expected_intervals(bench, ma)
    lu.assertTrue(#want >= 1, bench .. " expected an excluded interval")
    local r = alp.recast.scan(d, bench, nil, { masses = { ma, ma * 1.0001 } })
    local got = r.by_mass[1]
    lu.assertEquals(#got, #want, bench .. " number of intervals at " .. ma)
    for i, iv in ipairs(want) do
      h.assert_rel(got[i][1], iv[1], 3e-3, bench .. " c_low at " .. ma)
      h.assert_rel(got[i][2], iv[2], 3e-3, bench .. " c_high at " .. ma)
      lu.assertFalse(got[i][3] or got[i][4], "interval closed inside the coupling range")
    end
    if bench == "cWW" then
      -- the lower edge is the BR limit of bin 28: c = sqrt(UL/S1)
      h.assert_rel(got[1][1], math.sqrt(1.725637e-09 / S1), 3e-3, "cWW edge = sqrt(UL/S1)")
      h.assert_rel(tau1 / got[1][1] ^ 2, 57.49, 1e-2, "cWW edge lifetime [ps]")
    elseif ma == 0.3 then
      -- cff, 0.3 GeV: the lower edge is the tau = 1000 ps end of the published range
      h.assert_rel(got[1][1], math.sqrt(tau1 / 1000), 3e-3, "cff 0.3 GeV edge at 1000 ps")
      h.assert_rel(got[1][2], math.sqrt(tau1 / 0.1), 3e-3, "cff 0.3 GeV edge at 0.1 ps")
    end
  end
end

-- No limit outside the data: below 0.25 GeV, the vetoed mass windows,
-- above 4.7 GeV, and outside the published 0.1-1000 ps (the histogram's last
-- bin, 1000-1258.9 ps, is not used).
function TestRecastLhcbKmumuDisplaced:test_no_limit_outside_data()
  local d, lim = load()
  local masses = { 0.2, 0.45, 3.05, 3.7, 4.75 }
  for _, b in ipairs { "cff", "cWW" } do
    local r = alp.recast.scan(d, b, nil, { masses = masses, couplings = { n = 60 } })
    lu.assertEquals(#r.intervals, 0, b .. ": no interval at vetoed / outside masses")
  end
  for _, ma in ipairs(masses) do
    for _, tau in ipairs { 0.2, 10, 500 } do
      lu.assertEquals(ul(ma, tau), math.huge, "no limit at " .. ma .. " GeV, " .. tau .. " ps")
    end
  end
  local last = bins_at(0.3)
  last = last[#last]
  lu.assertEquals({ last[1], last[2] }, { 41, 1000 }, "the file has a 1000-1258.9 ps bin at 0.3 GeV")
  lu.assertTrue(last[4] > 0, "with a limit the recast does not use")
  for _, tau in ipairs { 0.09, 1000, 1100, 1258, 1e5 } do
    lu.assertEquals(ul(0.3, tau), math.huge, "no limit at tau = " .. tau .. " ps")
  end
  lu.assertTrue(ul(0.3, 999) < 1e-7 and ul(0.3, 0.1) < 1e-8, "limits inside 0.1-1000 ps")
  h.assert_rel(lim:info().ctau[2], 1000 * PS, 1e-12, "last lifetime edge used: 1000 ps")
  h.assert_rel(lim:info().ctau[1], 0.1 * PS, 1e-12, "first lifetime edge: 0.1 ps")
  -- 0.3 GeV, cff: a signal excluded at 900 ps is not at 1100 ps
  local tau1 = alp.model.benchmark("cff", 1):ctau(0.3) / PS
  local m = alp.model.benchmark("cff", math.sqrt(tau1 / 900))
  lu.assertTrue(d.signal(m, 0.3) / lim:at(0.3, m:ctau(0.3)) > 1, "excluded at 900 ps")
end
