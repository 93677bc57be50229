-- tests/lua/test_recast_data.lua: the recasts' input tables recasts/data/*.csv.
-- Format of every file (header keys, one column-name row, same number of
-- fields per row, numbers / nan / inf or declared text columns), and spot
-- checks of a few values per file against the sources in ../shared/data (and
-- the paper text) read directly here, so that a drifting converter
-- (tools/recast_data.lua) or a hand edit fails.  The converter is also rerun
-- into a temporary folder and must reproduce every file byte for byte.
local lu = require "luaunit"

local DATA = "recasts/data"
local SHARED = os.getenv("ALPCAST_SHARED_DATA") or "../shared/data"
local SEEDTXT = SHARED .. "/../seed/000_2a0b61c1f8454ab0.txt"

-- Which files the converter writes is read from the files themselves: a file
-- whose header says "generated-by: tools/recast_data.lua" must be reproduced
-- by it byte for byte; any other CSV (a recast folder's own, hand-made file)
-- must say where its numbers come from (source:) and pass the format checks.
local GENERATED = "tools/recast_data.lua"

---------------------------------------------------------------------------
-- helpers

local function read_text(path)
  local f = io.open(path, "r")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function have_shared()
  local f = io.open(SHARED .. "/PROVENANCE.md", "r")
  if f then f:close() end
  return f ~= nil
end

local function need_shared()
  lu.skipIf(not have_shared(), "no " .. SHARED .. " (set ALPCAST_SHARED_DATA)")
end

local function split(line)
  local out, i, n = {}, 1, #line
  while i <= n + 1 do
    if line:sub(i, i) == '"' then
      local j = assert(line:find('"', i + 1, true), "unterminated quote")
      out[#out + 1] = line:sub(i + 1, j - 1)
      i = j + 2
    else
      local j = line:find(",", i, true) or (n + 1)
      out[#out + 1] = line:sub(i, j - 1)
      i = j + 1
    end
  end
  return out
end

local function is_num(s)
  if s == "nan" or s == "inf" then return true end
  return (s:match("^[+-]?%d+%.?%d*$") or s:match("^[+-]?%d*%.%d+$")
    or s:match("^[+-]?%d+%.?%d*[eE][+-]?%d+$") or s:match("^[+-]?%d*%.%d+[eE][+-]?%d+$")) ~= nil
end

local function tonum(s)
  if s == "nan" then return 0 / 0 end
  if s == "inf" then return math.huge end
  return tonumber(s)
end

-- Our file: header table, column names, rows, and a list of format problems.
local cache = {}
local function ours(name)
  if cache[name] then return cache[name] end
  local path = name:find("/", 1, true) and name or (DATA .. "/" .. name)
  local text = assert(read_text(path), "cannot read " .. path)
  local t = { meta = {}, cols = nil, rows = {}, problems = {}, text = text }
  local n = 0
  for line in text:gmatch("([^\n]*)\n") do
    n = n + 1
    if line:sub(1, 1) == "#" then
      if t.cols then
        t.problems[#t.problems + 1] = "line " .. n .. ": comment after the column-name row"
      else
        local k, v = line:match("^# ([%a][%w%-]*): (%S.*)$")
        if not k then t.problems[#t.problems + 1] = "line " .. n .. ": header line not '# key: value'"
        elseif t.meta[k] then t.problems[#t.problems + 1] = "line " .. n .. ": repeated key " .. k
        else t.meta[k] = v end
      end
    elseif line == "" then
      t.problems[#t.problems + 1] = "line " .. n .. ": empty line"
    elseif not t.cols then
      t.cols = split(line)
    else
      t.rows[#t.rows + 1] = split(line)
    end
  end
  if text:sub(-1) ~= "\n" then t.problems[#t.problems + 1] = "no final newline" end
  t.col = {}
  for i, c in ipairs(t.cols or {}) do t.col[c] = i end
  cache[name] = t
  return t
end

-- A source CSV in ../shared/data: comment lines, header row, data rows.
local scache = {}
local function source(rel)
  if scache[rel] then return scache[rel] end
  local text = assert(read_text(SHARED .. "/" .. rel), "cannot read " .. SHARED .. "/" .. rel)
  local t = { cols = nil, rows = {} }
  for line in text:gmatch("[^\n]+") do
    if line:sub(1, 1) ~= "#" then
      if not t.cols then t.cols = split(line) else t.rows[#t.rows + 1] = split(line) end
    end
  end
  scache[rel] = t
  return t
end

-- x and y equal up to rounding (inf only equals inf).
local function close(x, y)
  if x == y then return true end
  if x == math.huge or x == -math.huge or y == math.huge or y == -math.huge then return false end
  return math.abs(x - y) <= 1e-12 * math.max(math.abs(x), math.abs(y))
end

-- Numbers equal up to rounding (nan equals nan, inf equals inf).
local function same(a, b, why)
  local x, y = tonum(a), tonum(b)
  lu.assertNotNil(x, why .. ": not a number: " .. tostring(a))
  lu.assertNotNil(y, why .. ": not a number: " .. tostring(b))
  if x ~= x or y ~= y then
    lu.assertTrue(x ~= x and y ~= y, why .. ": " .. tostring(a) .. " vs " .. tostring(b))
  else
    lu.assertTrue(close(x, y), why .. ": " .. tostring(a) .. " vs " .. tostring(b))
  end
end

-- The row of `t` whose columns `keys` (name -> value) match numerically.
local function find_row(t, keys)
  for _, r in ipairs(t.rows) do
    local ok = true
    for c, v in pairs(keys) do
      local x = r[t.col[c]]
      if not x then ok = false; break end
      local a, b = tonum(x), tonum(v)
      if type(v) == "string" and not tonumber(v) and v ~= "nan" and v ~= "inf" then
        ok = x == v
      else
        ok = a ~= nil and b ~= nil and close(a, b)
      end
      if not ok then break end
    end
    if ok then return r end
  end
  lu.fail("no row with the given keys")
end

local function get(t, r, c) return r[assert(t.col[c], "no column " .. c)] end

-- Every data CSV of the bundled recasts: recasts/data/*.csv and the CSV files
-- of folder recasts (recasts/NAME/*.csv), as paths from the repository root.
local function all_files()
  local out = {}
  for _, f in ipairs(alp.fs.listdir(DATA) or {}) do
    if f:match("%.csv$") then out[#out + 1] = DATA .. "/" .. f end
  end
  for _, d in ipairs(alp.fs.listdir("recasts") or {}) do
    local dir = "recasts/" .. d
    if d ~= "data" and alp.fs.isdir(dir) then
      for _, f in ipairs(alp.fs.listdir(dir) or {}) do
        if f:match("%.csv$") then out[#out + 1] = dir .. "/" .. f end
      end
    end
  end
  table.sort(out)
  return out
end

local function is_generated(t)
  return (t.meta["generated-by"] or ""):find(GENERATED, 1, true) ~= nil
end

TestRecastData = {}

---------------------------------------------------------------------------
-- format of every file

function TestRecastData:test_no_leftovers_and_every_file_has_a_source()
  for _, f in ipairs(alp.fs.listdir(DATA) or {}) do
    lu.assertFalse(f:match("%.tmp$") ~= nil, "leftover temporary file " .. f)
  end
  local n_gen = 0
  for _, f in ipairs(all_files()) do
    local t = ours(f)
    if is_generated(t) then n_gen = n_gen + 1 end
    lu.assertNotNil(t.meta.source, f .. ": header has no 'source:' line")
  end
  lu.assertTrue(n_gen >= 14, "the converter's files are marked generated-by: " .. n_gen)
end

function TestRecastData:test_headers()
  for _, f in ipairs(all_files()) do
    do
      local t = ours(f)
      lu.assertEquals(t.problems, {}, f)
      local keys = is_generated(t) and { "quantity", "units", "cl", "source", "converted", "notes" }
                   or { "quantity", "units", "cl", "source" }
      for _, k in ipairs(keys) do
        lu.assertNotNil(t.meta[k], f .. ": header has no '" .. k .. ":' line")
      end
      if is_generated(t) then
        lu.assertTrue(t.meta.via ~= nil or t.meta["digitised-by"] ~= nil,
          f .. ": header names neither 'via:' nor 'digitised-by:'")
      end
      lu.assertNotNil(t.cols, f .. ": no column-name row")
      local seen = {}
      for _, c in ipairs(t.cols) do
        lu.assertNotNil(c:match("^[%a][%w_]*$"), f .. ": bad column name '" .. c .. "'")
        lu.assertNil(seen[c], f .. ": repeated column " .. c)
        seen[c] = true
        -- every column is described in units:
        lu.assertStrContains(t.meta.units, c, false, f .. ": units: does not mention column " .. c)
      end
      for c in (t.meta["text-columns"] or ""):gmatch("[^,]+") do
        lu.assertTrue(seen[c], f .. ": text-columns names unknown column " .. c)
      end
    end
  end
end

function TestRecastData:test_fields()
  for _, f in ipairs(all_files()) do
    do
      local t = ours(f)
      lu.assertTrue(#t.rows > 0, f .. ": no data rows")
      local text = {}
      for c in (t.meta["text-columns"] or ""):gmatch("[^,]+") do text[c] = true end
      for i, r in ipairs(t.rows) do
        if #r ~= #t.cols then
          lu.fail(string.format("%s: data row %d has %d fields, %d columns", f, i, #r, #t.cols))
        end
        for j, v in ipairs(r) do
          if text[t.cols[j]] then
            if v == "" then lu.fail(string.format("%s: row %d: empty %s", f, i, t.cols[j])) end
          elseif not is_num(v) then
            lu.fail(string.format("%s: row %d column %s: '%s' is not a number, nan or inf", f, i, t.cols[j], v))
          end
        end
      end
    end
  end
end

-- The converter, rerun in-process into a temporary folder, reproduces every
-- committed file byte for byte.
function TestRecastData:test_converter_reproduces_the_files()
  need_shared()
  local p = io.popen("mktemp -d")
  local tmp = p:read("l")
  p:close()
  local env = setmetatable({ arg = { SHARED, tmp }, print = function() end }, { __index = _G })
  local chunk = assert(loadfile("tools/recast_data.lua", "t", env))
  local ok, err = pcall(chunk)
  if ok then
    -- what the converter wrote = the files that say it wrote them
    local wrote, marked = {}, {}
    for _, f in ipairs(alp.fs.listdir(tmp) or {}) do
      if f:match("%.csv$") then wrote[#wrote + 1] = f end
    end
    for _, f in ipairs(all_files()) do
      if is_generated(ours(f)) then marked[#marked + 1] = f:match("[^/]+$") end
    end
    table.sort(wrote); table.sort(marked)
    if table.concat(wrote, " ") ~= table.concat(marked, " ") then
      ok, err = false, "the converter writes {" .. table.concat(wrote, ", ") .. "} but the files marked "
        .. "generated-by: " .. GENERATED .. " are {" .. table.concat(marked, ", ") .. "}"
    end
    for _, f in ipairs(ok and wrote or {}) do
      local a, b = read_text(tmp .. "/" .. f), read_text(DATA .. "/" .. f)
      if a ~= b then ok, err = false, f .. " differs from a fresh conversion (rerun tools/recast_data.lua)"; break end
    end
  end
  if tmp:match("^/tmp/") then os.execute("rm -rf '" .. tmp .. "'") end
  lu.assertTrue(ok, tostring(err))
end

---------------------------------------------------------------------------
-- spot checks against the sources

function TestRecastData:test_babar_knunu_fit()
  need_shared()
  local s = source("babar_bknunu/altmannshofer2023_babar_BpKpX_invisible_fit.csv")
  local t = ours("babar_knunu_fit.csv")
  lu.assertEquals(#t.rows, #s.rows)
  lu.assertEquals(#t.rows, 282)
  for _, i in ipairs({ 1, 141, 282 }) do
    for j, c in ipairs({ "ma_GeV", "br_central", "br_low", "br_high" }) do
      same(get(t, t.rows[i], c), s.rows[i][j], "babar_knunu_fit row " .. i .. " " .. c)
    end
  end
  -- read by hand from the source file
  local r = find_row(t, { ma_GeV = "0.100334" })
  same(get(t, r, "br_central"), "3.07026e-06", "central at 0.100334")
  same(get(t, r, "br_high"), "1.0277e-05", "high at 0.100334")
  same(get(t, t.rows[282], "br_high"), "4.00352e-06", "high at 2.91973")
end

function TestRecastData:test_babar_knunu_total_ul()
  need_shared()
  local s = source("babar_bknunu/babar2013_total_BR_upper_limits.csv")
  local t = ours("babar_knunu_total_ul.csv")
  lu.assertEquals(#t.rows, #s.rows)
  for i, r in ipairs(s.rows) do
    lu.assertEquals(get(t, t.rows[i], "channel"), r[1])
    same(get(t, t.rows[i], "br_ul"), r[2], r[1])
  end
  same(get(t, find_row(t, { channel = "B+ -> K+ nu nubar" }), "br_ul"), "3.7e-5", "B+ -> K+ nu nubar")
  lu.assertStrContains(t.meta.cl, "0.90")
end

function TestRecastData:test_na62_kpix_ul()
  need_shared()
  local s = source("na62_kpix/na62_KpiX_UL_table_seedrepo.csv")
  local t = ours("na62_kpix_ul.csv")
  lu.assertEquals(#t.rows, #s.rows * 7)
  -- (mass [MeV], source column, tau in our file [ps])
  for _, c in ipairs({ { "60", "UL_tau_inf", "inf" }, { "10", "UL_tau_5ns", "5000" },
                       { "154", "UL_tau_100ps", "100" }, { "260", "UL_tau_100ps", "100" },
                       { "0", "UL_tau_1ns", "1000" } }) do
    local j
    for k, name in ipairs(s.cols) do if name == c[2] then j = k end end
    local src
    for _, r in ipairs(s.rows) do if r[1] == c[1] then src = r[j] end end
    lu.assertNotNil(src, "source row " .. c[1])
    local r = find_row(t, { ma_GeV = tonumber(c[1]) / 1000, tau_ps = c[3] })
    same(get(t, r, "br_ul"), src, "na62 " .. c[1] .. " MeV " .. c[3] .. " ps")
  end
  -- by hand: the stable-X limit at 60 MeV, and the out-of-trend 1.61
  same(get(t, find_row(t, { ma_GeV = 0.06, tau_ps = "inf" }), "br_ul"), "6.96E-11", "60 MeV inf")
  same(get(t, find_row(t, { ma_GeV = 0.26, tau_ps = 100 }), "br_ul"), "1.61", "260 MeV 100 ps")
end

function TestRecastData:test_na62_kpix_pi0()
  need_shared()
  local s = source("na62_kpix/alpaca_na62_kpipi0_long.csv")
  local t = ours("na62_kpix_pi0.csv")
  lu.assertEquals(#t.rows, #s.rows)
  for _, i in ipairs({ 1, 700, #s.rows }) do
    local r = s.rows[i]
    local tau = r[2] == "10000" and "inf" or r[2]
    same(get(t, find_row(t, { ma_GeV = r[1], tau_ps = tau }), "br_ul"), r[3], "pi0 row " .. i)
  end
  same(get(t, find_row(t, { ma_GeV = "0.155", tau_ps = "inf" }), "br_ul"), "6.9783e-07", "0.155 inf")
  same(get(t, find_row(t, { ma_GeV = "0.1084", tau_ps = "100" }), "br_ul"), "nan", "0.1084 100 ps")
end

function TestRecastData:test_lhcb_kmumu_displaced()
  need_shared()
  local s = source("lhcb_displaced/lhcb2016_BpKpchi_mumu_UL95_official_bins.csv")
  local t = ours("lhcb_kmumu_displaced_bins.csv")
  lu.assertEquals(#t.rows, #s.rows)
  lu.assertEquals(#t.rows, 45131)
  for _, i in ipairs({ 1, 20000, #s.rows }) do
    local a, b = s.rows[i], t.rows[i]
    lu.assertEquals({ b[1], b[2] }, { a[1], a[2] }, "bin indices row " .. i)
    same(b[3], tostring(tonumber(a[3]) / 1000), "m_lo row " .. i)
    same(b[4], tostring(tonumber(a[4]) / 1000), "m_hi row " .. i)
    same(b[5], a[5], "tau_lo row " .. i)
    same(b[6], a[6], "tau_hi row " .. i)
    same(b[7], a[7], "br_ul row " .. i)
  end
  same(get(t, find_row(t, { ix = 1, iy = 1 }), "br_ul"), "6.366321e-10", "bin (1,1)")
  same(get(t, find_row(t, { ix = 1283, iy = 41 }), "br_ul"), "8.430522e-09", "bin (1283,41)")
  -- a lookup by (m, tau) finds the same bin in both files
  local function lookup(rows, m, tau, mcol, scale)
    for _, r in ipairs(rows) do
      if tonumber(r[mcol]) * scale <= m and m < tonumber(r[mcol + 1]) * scale
        and tonumber(r[5]) <= tau and tau < tonumber(r[6]) then return r[7] end
    end
  end
  local a = lookup(t.rows, 1.0, 10.0, 3, 1)
  lu.assertNotNil(a)
  same(a, lookup(s.rows, 1.0, 10.0, 3, 1e-3), "lookup m = 1 GeV, tau = 10 ps")
end

function TestRecastData:test_lhcb_kmumu_prompt()
  need_shared()
  local s = source("lhcb_displaced/lhcb2015_B0Kst0chi_mumu_UL95_grid.csv")
  local t = ours("lhcb_kmumu_prompt_ul.csv")
  lu.assertEquals(#t.rows, (#s.cols - 1) * #s.rows)
  lu.assertEquals(#t.rows, 82800)
  local function src(m, tau)
    local j
    for k, c in ipairs(s.cols) do if c == m then j = k end end
    for _, r in ipairs(s.rows) do if r[1] == tau then return r[j] end end
  end
  for _, c in ipairs({ { "0.214", "0.1" }, { "0.219", "912.011" }, { "3.234", "3.01995" },
                       { "1.504", "10" }, { "3.234", "2.75423" } }) do
    local want = src(c[1], c[2])
    lu.assertNotNil(want, "source (" .. c[1] .. ", " .. c[2] .. ")")
    same(get(t, find_row(t, { ma_GeV = c[1], tau_ps = c[2] }), "br_ul"), want, "prompt " .. c[1] .. "/" .. c[2])
  end
  same(get(t, find_row(t, { ma_GeV = "0.214", tau_ps = "0.1" }), "br_ul"), "4.7812e-09", "0.214/0.1")
  same(get(t, find_row(t, { ma_GeV = "3.234", tau_ps = "3.01995" }), "br_ul"), "nan", "3.234/3.01995")
end

function TestRecastData:test_charm_kmumu()
  need_shared()
  local s = source("charm_bkmumu/dobrich2018_CHARM_BKa_mumu.csv")
  local t = ours("charm_kmumu_ul.csv")
  lu.assertEquals(#t.rows, #s.rows)
  for _, i in ipairs({ 1, 400, #s.rows }) do
    for j = 1, 3 do same(t.rows[i][j], s.rows[i][j], "charm row " .. i .. " col " .. j) end
  end
  same(get(t, find_row(t, { ma_GeV = "0.3", tau_ps = "251.189" }), "br_ul"), "7.20755e-05", "0.3 GeV first")
end

function TestRecastData:test_babar_kgg()
  need_shared()
  local t = ours("babar_kgg_ul.csv")
  local n = 0
  for _, c in ipairs({ "1", "10", "100" }) do
    local s = source("babar_bkgammagamma/babar2021_BpKpa_gg_ctau" .. c .. "mm.csv")
    n = n + #s.rows
    for _, i in ipairs({ 1, #s.rows }) do
      local r = s.rows[i]
      same(get(t, find_row(t, { ctau_mm = c, ma_GeV = r[1] }), "br_ul"), r[2], c .. " mm row " .. i)
    end
    same(get(t, find_row(t, { ctau_mm = c, ma_GeV = "0.469496" }), "br_ul"), "nan", c .. " mm veto")
  end
  lu.assertEquals(#t.rows, n)
  same(get(t, find_row(t, { ctau_mm = "1", ma_GeV = "0.184492" }), "br_ul"), "1.79008e-07", "1 mm first")
end

function TestRecastData:test_beamdumps_gg()
  need_shared()
  for _, b in ipairs({ "upper", "lower" }) do
    local s = source("beamdump_alp_photon/seedrepo_NuCal-CHARM-E137_" .. b .. ".csv")
    local t = ours("beamdumps_gg_seed_" .. b .. ".csv")
    lu.assertEquals(#t.rows, #s.rows)
    for _, i in ipairs({ 1, #s.rows }) do
      same(t.rows[i][1], s.rows[i][1], b .. " m row " .. i)
      same(t.rows[i][2], s.rows[i][2], b .. " g row " .. i)
    end
  end
  same(ours("beamdumps_gg_seed_upper.csv").rows[1][2], "0.0009291", "upper first g")
  local t = ours("beamdumps_gg_foresee_contours.csv")
  local n = 0
  for _, e in ipairs({ "NuCal", "CHARM", "E137" }) do
    local s = source("beamdump_alp_photon/foresee_" .. e .. "_gagg_contour.csv")
    n = n + #s.rows
    for _, i in ipairs({ 1, #s.rows }) do
      local r = find_row(t, { experiment = e, vertex = i })
      same(get(t, r, "ma_GeV"), s.rows[i][1], e .. " vertex " .. i)
      same(get(t, r, "g_agg_GeVinv"), s.rows[i][2], e .. " vertex " .. i)
    end
  end
  lu.assertEquals(#t.rows, n)
  same(get(t, find_row(t, { experiment = "E137", vertex = 32 }), "ma_GeV"), "2.5651457e-05", "E137 last")
end

function TestRecastData:test_belle2_kinv_signal_table1()
  need_shared()
  local seed = assert(read_text(SEEDTXT), "cannot read " .. SEEDTXT)
  local t = ours("belle2_kinv_signal_table1.csv")
  lu.assertEquals(#t.rows, 4)
  for _, r in ipairs(t.rows) do
    lu.assertEquals(get(t, r, "n_generated"), "10000")
    local line = table.concat({ get(t, r, "ma_GeV"), get(t, r, "n_signal_before"), get(t, r, "n_misrec_before"),
      get(t, r, "n_signal_after"), get(t, r, "n_misrec_after") }, " ")
    lu.assertNotNil(seed:find("\n" .. line .. "\n", 1, true), "paper Table 1 has no line '" .. line .. "'")
  end
  local after = {}
  for _, r in ipairs(t.rows) do after[#after + 1] = get(t, r, "n_signal_after") end
  lu.assertEquals(after, { "1091", "1022", "770", "0" })
end

function TestRecastData:test_belle2_kinv_background()
  need_shared()
  local seed = assert(read_text(SEEDTXT), "cannot read " .. SEEDTXT):gsub("%s+", " ")
  local t = ours("belle2_kinv_background.csv")
  lu.assertEquals(#t.rows, 7)
  local bp, b0 = find_row(t, { process = "BpBm" }), find_row(t, { process = "B0B0bar" })
  lu.assertEquals({ get(t, bp, "n_after_selection"), get(t, b0, "n_after_selection") }, { "39", "28" })
  lu.assertEquals({ get(t, bp, "sigma_nb"), get(t, b0, "sigma_nb") }, { "0.54", "0.51" })
  lu.assertNotNil(seed:find("we have 39 B+B\u{2212} and 28 B0B\u{0304}0 background events left", 1, true))
  lu.assertNotNil(seed:find("0.54 nb (B+B\u{2212}), and 0.51 nb (B0B\u{0304}0)", 1, true))
  lu.assertNotNil(seed:find("we generate 10 million events", 1, true))
  for _, r in ipairs(t.rows) do
    lu.assertEquals(get(t, r, "n_generated"), "10000000")
    local sig = get(t, r, "sigma_nb")
    lu.assertNotNil(seed:find(sig .. " nb (", 1, true), "cross section " .. sig .. " not in the paper text")
  end
end

function TestRecastData:test_belle2_displaced_selection()
  need_shared()
  local s = source("belle2_geometry/seed_displaced_vertex_selection.csv")
  local code = {}
  for _, r in ipairs(s.rows) do code[r[1]] = r[2] end
  local t = ours("belle2_displaced_selection.csv")
  for _, c in ipairs({ { "rho_max", "RCDC" }, { "rho_min", "dres" }, { "theta_min", "thetaCDCMin" },
                       { "n_events_contour", "N_sig at 95% CL" } }) do
    same(get(t, find_row(t, { parameter = c[1] }), "seed_code"), code[c[2]], c[1])
  end
  same(get(t, find_row(t, { parameter = "n_events_contour" }), "seed_text"), "2.3", "N = 2.3")
  same(get(t, find_row(t, { parameter = "rho_min" }), "seed_text"), "0.9", "d > 0.9 cm")
  same(get(t, find_row(t, { parameter = "rho_max" }), "seed_text"), "nan", "rho_max not in text")
end
