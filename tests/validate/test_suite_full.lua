-- tests/validate/test_suite_full.lua: the whole `alpcast suite` end to end
-- (slow, ~15 s: run by `make validate`).  Checks the layout that DESIGN.md
-- "Outputs" and issues #5-#7 fix, and the paper's headline numbers.
local lu = require "luaunit"
local h = require "helpers"

TestSuiteFull = {}

local dir, out, code

function TestSuiteFull:setUp()
  if not dir then
    dir = h.tmpdir()
    out, code = h.run(h.exe() .. " suite --out " .. h.q(dir))
  end
end

-- Every recast of issues #6 and #7, the benchmarks it applies to and the
-- variants it writes (issue texts; DESIGN.md "Outputs").
local EXPECTED = {
  babar_knunu = { "cff", "cWW" }, na62_kpix = { "cff", "cWW" },
  lhcb_kmumu_displaced = { "cff", "cWW" }, lhcb_kmumu_prompt = { "cff", "cWW" },
  charm_kmumu = { "cff" }, babar_kgg = { "cff", "cWW" }, beamdumps_gg = { "cWW" },
  belle2_kinv = { "cff_0p5ab", "cff_50ab", "cff_50ab_0bg", "cWW_0p5ab", "cWW_50ab", "cWW_50ab_0bg" },
  belle2_displaced = { "cff_ee", "cff_mumu", "cWW_ee", "cWW_mumu" },
  e949_kpix = { "cff", "cWW" },
  na62_2025_kpi_visible = { "cff_gg", "cff_mumu", "cWW_gg", "cWW_mumu" },
  belle2_2023_displaced = { "cff_kp_ee", "cff_kp_mumu", "cff_kst_ee", "cff_kst_mumu", "cWW_kp_mumu" },
  na62_2025_kpix = { "cff", "cWW" }, e787_kpi_gg = { "cff", "cWW" }, na482_kpi_mumu = { "cff", "cWW" },
  koto_klpi0x = { "cff", "cWW" },
  -- issue 18 items 6 and 7 (preferred regions; projections)
  belle2_knunu_fit = { "cff", "cWW" }, babar_belle2_knunu_fit = { "cff", "cWW" },
  na62_dump_kmumu = { "cff", "cff_alpaca_grid" }, -- cWW: nothing in reach (loop-induced mu coupling)
  ship_kmumu = { "cff", "cff_alpaca_grid", "cWW", "cWW_alpaca_grid" },
  lhcb_downstream = {}, -- filled below: {cff, cWW} x {kp, kst} x {mumu, ee} x {D, T}
  -- radiative quarkonium (D17): c_WW excludes nothing except at BESIII (gamma gamma)
  besiii_jpsi_invisible = { "cff" }, besiii_jpsi_gg = { "cff", "cWW" },
  babar_y3s_invisible = { "cff", "cff_emc" }, babar_y3s_mumu = { "cff" }, babar_y3s_tautau = { "cff" },
  belle_y1s_invisible = { "cff", "cff_long_lifetime" },
}

for _, b in ipairs { "cff", "cWW" } do
  for _, m in ipairs { "kp", "kst" } do
    for _, l in ipairs { "mumu_D", "mumu_T", "ee_D", "ee_T" } do
      table.insert(EXPECTED.lhcb_downstream, b .. "_" .. m .. "_" .. l)
    end
  end
end

function TestSuiteFull:test_runs_without_failure()
  lu.assertEquals(code, 0, out)
  local n = #require("alpcast.suite").discover({ alp.root .. "/recasts" })
  lu.assertStrContains(out, n .. " recasts, 8 figure scripts, 0 failed")
  local names = {}
  for k in pairs(EXPECTED) do names[#names + 1] = k end
  lu.assertEquals(#names, n, "every bundled recast has its expected outputs listed")
end

function TestSuiteFull:test_interval_files_for_every_recast()
  for name, files in pairs(EXPECTED) do
    for _, f in ipairs(files) do
      local path = dir .. "/" .. name .. "/" .. f .. ".csv"
      lu.assertTrue(alp.fs.exists(path), "missing " .. path)
      local d = alp.data.csv(path)
      lu.assertEquals(d.names, { "ma_GeV", "c_low", "c_high" }, path)
      lu.assertTrue(d.n > 0, path .. " has no excluded interval")
      for i = 1, d.n do
        local lo, hi = d.columns.c_low[i], d.columns.c_high[i]
        lu.assertTrue(lo > 0 and hi > lo, path .. ": interval " .. i .. " not ordered")
      end
    end
  end
  -- not-applicable benchmarks write no file (issue #5)
  lu.assertFalse(alp.fs.exists(dir .. "/charm_kmumu/cWW.csv"))
  lu.assertFalse(alp.fs.exists(dir .. "/beamdumps_gg/cff.csv"))
end

function TestSuiteFull:test_figures_with_data()
  for _, stem in ipairs { "fig1_br_cff", "fig1_br_cWW", "fig2_ctau", "fig3_cff", "fig3_cWW",
                          "fig10_br_vs_ctau", "fig11_cff", "fig11_cWW", "fig12_cff", "fig12_cWW",
                          "current_bounds_cff", "current_bounds_cWW", "future_reach_cff", "future_reach_cWW" } do
    lu.assertTrue(alp.fs.exists(dir .. "/" .. stem .. ".csv"), stem .. ".csv")
    lu.assertTrue(alp.fs.exists(dir .. "/" .. stem .. ".svg"), stem .. ".svg")
    lu.assertTrue(alp.fs.exists(dir .. "/" .. stem .. ".pdf"), stem .. ".pdf")
  end
  local f10 = alp.data.csv(dir .. "/fig10_br_vs_ctau.csv")
  lu.assertEquals(f10.names, { "ma_GeV", "ctau_m", "br_ul_0p5ab", "br_ul_50ab" })
end

-- Seed abstract / Sec. 4.3: B(B+ -> K+ a) >~ 1e-7 reachable at 50 ab^-1 for
-- long-lived ALPs, >~ 1e-6 for short-lived ones (REFERENCE §7: 1.0e-7 at
-- eps = 10 %, ~13x weaker for prompt ALPs): read off Fig. 10's data at
-- m_a = 0.3 GeV.
function TestSuiteFull:test_fig10_reach_matches_seed()
  local d = alp.data.csv(dir .. "/fig10_br_vs_ctau.csv")
  local short, long
  for i = 1, d.n do
    if math.abs(d.columns.ma_GeV[i] - 0.3) < 1e-9 then
      if d.columns.ctau_m[i] <= 1.0001e-4 then short = d.columns.br_ul_50ab[i] end
      if d.columns.ctau_m[i] >= 0.9999e3 then long = d.columns.br_ul_50ab[i] end
    end
  end
  lu.assertNotNil(short) lu.assertNotNil(long)
  lu.assertTrue(long > 0.8e-7 and long < 1.3e-7, "long-lived reach " .. long)
  lu.assertTrue(short > 0.8e-6 and short < 2e-6, "short-lived reach " .. short)
end

-- Seed eq. (5.1): displaced and invisible together reach c_ff/f_a <~ 1e-4
-- and c_WW/f_a <~ 1e-1 TeV^-1 (with zero background, as in Fig. 12).
function TestSuiteFull:test_eq51_reach_in_summary()
  lu.assertStrContains(out, "eq. (5.1) reach")
  local d = alp.data.csv(dir .. "/fig12_reach.csv")
  local best = {}
  for i = 1, d.n do
    local b, c = d.columns.benchmark[i], d.columns.c_min_TeVinv[i]
    if c == c and (not best[b] or c < best[b]) then best[b] = c end
  end
  lu.assertTrue(best.cff < 1e-4, "c_ff reach " .. tostring(best.cff))
  lu.assertTrue(best.cWW < 1e-1, "c_WW reach " .. tostring(best.cWW))
  local f = io.open(dir .. "/summary.json") local s = f:read("a") f:close()
  lu.assertStrContains(s, "eq51_reach")
end

function TestSuiteFull:test_zz_cleanup()
  h.rmtree(dir)
  lu.assertFalse(alp.fs.isdir(dir))
end
