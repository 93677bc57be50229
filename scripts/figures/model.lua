-- scripts/figures/model.lua: data and pictures of the paper's Fig. 1 (ALP
-- branching ratios) and Fig. 2 (proper decay length) for the benchmarks
-- "cff" and "cWW" of paper eq. (2.13) with c = 1, f_a = 1 TeV, Lambda = 4 pi TeV.
--   alpcast scripts/figures/model.lua [--out DIR]     (default DIR = out)
-- Writes DIR/fig1_br_cff.csv, DIR/fig1_br_cWW.csv, DIR/fig2_ctau.csv and the
-- figures DIR/fig1_br_cff.svg, DIR/fig1_br_cWW.svg, DIR/fig2_ctau.svg (with
-- their .gp scripts).  Run by `alpcast suite` with --out DIR.
local out = alp.output.out_dir({ ... }, "scripts/figures/model.lua")
if not out then return end

-- 400 log-spaced masses from 1 MeV to m_B+ - m_K+ (issue #3)
local N, LO, HI = 400, 1e-3, alp.model.thresholds.b_to_ka
local ma = {}
for k = 0, N - 1 do ma[k + 1] = math.exp(math.log(LO) + k / (N - 1) * (math.log(HI) - math.log(LO))) end
ma[N] = HI -- exact endpoint (rounding of exp/log)

local CHANNELS = { "gammagamma", "ee", "mumu", "tautau", "hadrons", "cc", "bb" }
local TITLES = { gammagamma = "{/Symbol g}{/Symbol g}", ee = "e^+e^-", mumu = "{/Symbol m}^+{/Symbol m}^-",
                 tautau = "{/Symbol t}^+{/Symbol t}^-", hadrons = "hadrons", cc = "c c̄",
                 bb = "b b̄" }
local MODEL_TEXT = {
  cff = "benchmark cff (paper eq. 2.13): c_ff(Lambda) = 1 for all fermions, c_WW = c_BB = c_GG = 0, f_a = 1000 GeV, Lambda = 4 pi f_a",
  cWW = "benchmark cWW (paper eq. 2.13): c_WW(Lambda) = 1, c_ff = c_BB = c_GG = 0, f_a = 1000 GeV, Lambda = 4 pi f_a",
}
local SOURCE = "alpcast alp.model: widths of paper App. A (A.1)-(A.8) with REFERENCE.md D5, D7; "
  .. "running and matching REFERENCE.md §2 (D2-D4); lifetime D8"
local written = {}

-- Fig. 1: branching ratios, one file per benchmark
local models = {}
for _, b in ipairs { "cff", "cWW" } do
  local m = alp.model.benchmark(b, 1)
  models[b] = m
  local cols, br = { "ma_GeV" }, {}
  for c, ch in ipairs(CHANNELS) do
    cols[c + 1] = ch
    br[c] = m:br(ma, ch) -- one call per channel for the whole curve
  end
  local rows = {}
  for k = 1, N do
    local row = { ma[k] }
    for c = 1, #CHANNELS do row[c + 1] = br[c][k] end
    rows[k] = row
  end
  local path = out .. "/fig1_br_" .. b .. ".csv"
  alp.output.csv(path, {
    columns = cols,
    rows = rows,
    header = {
      quantity = "branching ratios B(a -> X) of the ALP (paper Fig. 1); hadrons = 3 pi below 1 GeV, gg + light quarks above (D7)",
      units = "ma_GeV: GeV; branching ratios: dimensionless",
      model = MODEL_TEXT[b],
      benchmark = b,
      source = SOURCE,
      reference = "arXiv:2201.06580 Fig. 1",
    },
  })
  written[#written + 1] = path
end

-- Fig. 2: proper decay length
do
  local ccff, ccww = models.cff:ctau(ma), models.cWW:ctau(ma)
  local rows = {}
  for k = 1, N do rows[k] = { ma[k], ccff[k], ccww[k] } end
  local path = out .. "/fig2_ctau.csv"
  alp.output.csv(path, {
    columns = { "ma_GeV", "ctau_cff_m", "ctau_cWW_m" },
    rows = rows,
    header = {
      quantity = "proper decay length c tau_a of the ALP (paper Fig. 2)",
      units = "ma_GeV: GeV; ctau_cff_m, ctau_cWW_m: m",
      model = MODEL_TEXT.cff .. "; " .. MODEL_TEXT.cWW,
      source = SOURCE,
      reference = "arXiv:2201.06580 Fig. 2",
    },
  })
  written[#written + 1] = path
end

-- Figures (gnuplot through alp.plot; without gnuplot only the .gp scripts)
local function figure(opts)
  local files, why = alp.plot.figure(opts)
  if files then
    for _, f in ipairs(files) do written[#written + 1] = f end
  else
    written[#written + 1] = opts.output .. ".gp"
    print("scripts/figures/model.lua: no picture for " .. opts.output .. ": " .. tostring(why))
  end
end

-- the largest branching ratio of a channel over the plotted masses
local function peak(b, ch)
  local best = 0
  for _, v in ipairs(models[b]:br(ma, ch)) do if v > best then best = v end end
  return best
end

local BR_MIN = 1e-4 -- the bottom of Fig. 1's axis
for _, b in ipairs { "cff", "cWW" } do
  local series = {}
  for _, ch in ipairs(CHANNELS) do
    -- a channel that never reaches the axis (b b-bar: closed below 2 m_b)
    -- gets no key entry without a curve; it stays in the CSV
    if peak(b, ch) >= BR_MIN then
      series[#series + 1] = { file = out .. "/fig1_br_" .. b .. ".csv", x = "ma_GeV", y = ch,
                              title = TITLES[ch] }
    end
  end
  figure {
    output = out .. "/fig1_br_" .. b,
    title = (b == "cff" and "c_{ff}(Λ) = 1" or "c_{WW}(Λ) = 1") .. ", Λ = 4π TeV",
    xlabel = "m_a [GeV]",
    ylabel = "B(a → X)",
    logx = true,
    logy = true,
    xrange = { LO, HI },
    yrange = { BR_MIN, 1.5 },
    key = "outside right top vertical",
    size = { 860, 540 },
    series = series,
  }
end
figure {
  output = out .. "/fig2_ctau",
  title = "c_{ff}(Λ) = 1 or c_{WW}(Λ) = 1, Λ = 4π TeV",
  xlabel = "m_a [GeV]",
  ylabel = "c τ_a [m]",
  logx = true,
  logy = true,
  xrange = { LO, HI },
  key = "outside right top vertical", -- never over the curves
  size = { 860, 540 },
  series = {
    { file = out .. "/fig2_ctau.csv", x = "ma_GeV", y = "ctau_cff_m", title = "c_{ff}" },
    { file = out .. "/fig2_ctau.csv", x = "ma_GeV", y = "ctau_cWW_m", title = "c_{WW}" },
  },
}

for _, f in ipairs(written) do print("wrote " .. f) end
return written
