-- alpcast/styles.lua: one style per bound, for every figure (Figs. 3, 11, 12,
-- `alpcast plot`): the key text, a colour and a hatching pattern per recast
-- (and per variant where variants are different measurements).  A figure
-- asks styles.of(recast, variant); a bound not listed here (a user's recast)
-- gets a colour and pattern derived from its name, the same in every figure
-- and every run.  Colours follow the paper's Fig. 3 where it has the bound
-- (BaBar nu nubar yellow, NA62 orange, BaBar gamma gamma and beam dumps
-- blue, LHCb green); CHARM, drawn green in the paper like LHCb, is brown
-- here so that the two never share a swatch.
local M = {}

-- pattern: gnuplot fill pattern (hatching drawn over the light fill): 1, 2,
-- 4, 5, 6 or 7 (3 is gnuplot's solid fill, never used: it hides what is under);
-- dash: gnuplot dash type for curves (projections are drawn as lines).
M.bounds = {
  beamdumps_gg = { title = "NuCal, CHARM, E137", color = "#1F5FB4", pattern = 4 },
  babar_kgg = { title = "BaBar B^+→K^+γγ", color = "#6AAEE8", pattern = 5 },
  lhcb_kmumu_prompt = { title = "LHCb B^0→K^{*0}μμ", color = "#8CCB6E", pattern = 6 },
  ["lhcb_kmumu_prompt/paper"] = { title = "LHCb B^0→K^{*0}μμ (τ ≤ 0.2 ps, paper)",
                                  color = "#B8DCA4", pattern = 6 },
  lhcb_kmumu_displaced = { title = "LHCb B^+→K^+μμ displaced", color = "#2E9945", pattern = 7 },
  charm_kmumu = { title = "CHARM B→Kμμ", color = "#8C5A1E", pattern = 1 },
  na62_kpix = { title = "NA62 K^+→π^+X", color = "#F28E00", pattern = 2 },
  e949_kpix = { title = "E949 K^+→π^+X", color = "#E377C2", pattern = 5 },
  babar_knunu = { title = "BaBar B^+→K^+νν̄", color = "#F2D200", pattern = 4 },
  ["babar_knunu/dch"] = { title = "BaBar B^+→K^+νν̄ (escapes the DCH)", color = "#E6C300", pattern = 2 },
  ["babar_knunu/sphere"] = { title = "BaBar B^+→K^+νν̄ (escapes a sphere)", color = "#FFE766", pattern = 1 },
  ["na62_2025_kpi_visible/gg"] = { title = "NA62 K^+→π^+γγ", color = "#C0504D", pattern = 4 },
  ["na62_2025_kpi_visible/mumu"] = { title = "NA62 K^+→π^+μμ", color = "#8B2E2B", pattern = 5 },
  ["belle2_2023_displaced/kp_mumu"] = { title = "Belle II 2023 K^+μμ", color = "#7B3FA0", pattern = 6 },
  ["belle2_2023_displaced/kst_mumu"] = { title = "Belle II 2023 K^{*0}μμ", color = "#A87BC8", pattern = 7 },
  ["belle2_2023_displaced/kp_ee"] = { title = "Belle II 2023 K^+ee", color = "#5B2C83", pattern = 1 },
  ["belle2_2023_displaced/kst_ee"] = { title = "Belle II 2023 K^{*0}ee", color = "#C9A8E0", pattern = 2 },
  -- searches bundled after the paper (issue #18)
  na62_2025_kpix = { title = "NA62 K^+→π^+X (2016-22)", color = "#1F77B4", pattern = 5 },
  e787_kpi_gg = { title = "E787 K^+→π^+γγ", color = "#17BECF", pattern = 1 },
  na482_kpi_mumu = { title = "NA48/2 K^+→π^+μμ", color = "#BCBD22", pattern = 2 },
  koto_klpi0x = { title = "KOTO K_L→π^0X", color = "#9EDAE5", pattern = 4 },
  besiii_jpsi_invisible = { title = "BESIII J/ψ→γ+inv.", color = "#637939", pattern = 6 },
  besiii_jpsi_gg = { title = "BESIII J/ψ→γa(γγ)", color = "#8C6D31", pattern = 7 },
  babar_y3s_invisible = { title = "BaBar Υ(3S)→γ+inv.", color = "#843C39", pattern = 1 },
  babar_y3s_mumu = { title = "BaBar Υ(3S)→γa(μμ)", color = "#7B4173", pattern = 2 },
  babar_y3s_tautau = { title = "BaBar Υ(3S)→γa(ττ)", color = "#AD494A", pattern = 4 },
  belle_y1s_invisible = { title = "Belle Υ(1S)→γ+inv.", color = "#393B79", pattern = 5 },
  belle2_knunu_fit = { title = "Belle II B^+→K^+νν̄ fit", color = "#D62728", pattern = 6 },
  babar_belle2_knunu_fit = { title = "BaBar + Belle II B^+→K^+νν̄ fit", color = "#FF9896", pattern = 7 },
  ship_kmumu = { title = "SHiP B→Kμμ", color = "#2CA02C", dash = 4 },
  na62_dump_kmumu = { title = "NA62 dump B→Kμμ", color = "#E6550D", dash = 5 },
  lhcb_downstream = { title = "LHCb downstream", color = "#31A354", dash = 2 },
  -- the paper's Belle II projections (curves)
  -- (the paper's Fig. 11 dashes: 0.5 ab^-1 dashed, 50 ab^-1 solid, no background dotted)
  ["belle2_displaced/ee"] = { title = "Belle II 50 ab^{-1} a→ee", color = "#0033CC", dash = 1 },
  ["belle2_displaced/mumu"] = { title = "Belle II 50 ab^{-1} a→μμ", color = "#009E73", dash = 1 },
  ["belle2_kinv/50ab_0bg"] = { title = "Belle II 50 ab^{-1} invisible (no background)",
                               color = "#D55E00", dash = 3 },
  ["belle2_kinv/50ab"] = { title = "Belle II 50 ab^{-1} invisible", color = "#D55E00", dash = 1 },
  ["belle2_kinv/0p5ab"] = { title = "Belle II 0.5 ab^{-1} invisible", color = "#D55E00", dash = 2 },
}

-- The validity bound (REFERENCE D16(b)) and the scan's edges, in every figure.
M.validity = { title = "EFT not valid (f_a/c < m_B, D16(b))", color = "#BBBBBB", alpha = 0.35 }
M.scan_edge = { title = "edge of the scan", color = "#777777", dash = 3, width = 1 }

-- Colours for bounds not listed (distinct from each other; the hash of the
-- name picks one, and a pattern).
local EXTRA = { "#17BECF", "#BCBD22", "#FF9896", "#AEC7E8", "#98DF8A", "#C5B0D5", "#C49C94",
                "#F7B6D2", "#DBDB8D", "#9EDAE5", "#393B79", "#637939", "#8C6D31", "#843C39",
                "#7B4173", "#3182BD" }

local PATTERNS = { 1, 2, 4, 5, 6, 7 }

local function hash(s)
  local h = 5381
  for i = 1, #s do h = (h * 33 + s:byte(i)) % 4294967296 end
  return h
end

-- styles.of(recast, variant [, default_title]) -> {title, color, pattern, dash}
-- (a copy: the caller may change it).  The key text of a listed bound is
-- its own; an unlisted one uses default_title, else "recast variant".
function M.of(recast, variant, default_title)
  local s = (variant and M.bounds[recast .. "/" .. variant]) or M.bounds[recast]
  local t = {}
  if s then
    for k, v in pairs(s) do t[k] = v end
    if variant and not M.bounds[recast .. "/" .. variant] then
      t.title = t.title .. " (" .. variant .. ")"
    end
    return t
  end
  local key = recast .. (variant and ("/" .. variant) or "")
  local h = hash(key)
  t.title = default_title or (recast .. (variant and (" " .. variant) or ""))
  t.color = EXTRA[h % #EXTRA + 1]
  t.pattern = PATTERNS[(h // #EXTRA) % #PATTERNS + 1]
  return t
end

return M
