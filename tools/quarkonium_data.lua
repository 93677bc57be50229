-- tools/quarkonium_data.lua: regenerate the data files of the radiative
-- quarkonium recasts (recasts/{besiii_jpsi_*,babar_y3s_*,belle_y1s_*}/) from
-- the collected inputs in ../shared/data (PROVENANCE.md §9).
--
--   lua5.4 tools/quarkonium_data.lua ../shared/data recasts
--
-- Point files: rows copied as the same strings.  Binned files (m_lo, m_hi):
-- each row becomes a point at (m_lo + m_hi)/2, as ALPaca reads them (the
-- shared headers say so); the midpoint is the only number computed.  nan
-- stays nan.  Row counts are checked against the shared headers.  Each
-- output is written to <name>.tmp and renamed.
local SRC, DST = arg[1], arg[2]
if not SRC or not DST then
  io.stderr:write("usage: lua5.4 tools/quarkonium_data.lua SHARED_DATA_DIR RECASTS_DIR\n")
  os.exit(2)
end
local ALPACA = "alp-aca/alp-aca @ 3f9827369da5e0320579c5018c0b86935b00ce85"

local function fail(fmt, ...) error("quarkonium_data: " .. string.format(fmt, ...), 0) end

local function rows_of(path)
  local f = io.open(path, "r") or fail("cannot read %s", path)
  local out, header = {}, nil
  for line in f:lines() do
    if not line:match("^#") and line ~= "" then
      if not header then header = line else out[#out + 1] = line end
    end
  end
  f:close()
  return header, out
end

local function write(path, head, cols, rows)
  local tmp = path .. ".tmp"
  local f = io.open(tmp, "w") or fail("cannot write %s", tmp)
  for _, h in ipairs(head) do f:write("# ", h, "\n") end
  f:write(cols, "\n")
  for _, r in ipairs(rows) do f:write(r, "\n") end
  f:close()
  assert(os.rename(tmp, path))
end

local files = {
  { out = "besiii_jpsi_invisible/besiii_jpsi_invisible.csv", n = 488,
    src = "besiii_jpsi_radiative/besiii2020_Jpsi_gamma_X_invisible_UL_alpaca.csv",
    quantity = "upper limit on B(J/psi -> gamma X) B(X -> invisible) vs m_X",
    cl = "0.90 -- the abstract of arXiv:2003.05594 quotes 90% CL (7.0e-7 at m_X = 0, the first row)",
    source = "BESIII, 'Search for the decay J/psi -> gamma + invisible', PRD 101 (2020) 112005, arXiv:2003.05594 (INSPIRE BESIII:2020sdo)",
    file = "invisible/BESIII_BR_Jpsi_inv_binned.txt", confidence = "B (digitisation of the official curve; figure not named)" },
  { out = "besiii_jpsi_gg/besiii_jpsi_gg.csv", n = 485,
    src = "besiii_jpsi_radiative/besiii2024_Jpsi_gamma_a_gg_UL_alpaca.csv",
    quantity = "upper limit on B(J/psi -> gamma a) B(a -> gamma gamma) vs m_a (nan: the eta and eta' windows)",
    cl = "0.90 -- ALPaca's default; NOT verified (the earlier BESIII result arXiv:2211.12699 quotes 95%)",
    source = "BESIII, J/psi -> gamma a, a -> gamma gamma (INSPIRE BESIII:2024hdv, probably arXiv:2404.04640: an inference)",
    file = "visible/BESIII_Jpsi3photon.txt", confidence = "C (attribution inferred, CL not verified)" },
  { out = "babar_y3s_invisible/babar_y3s_invisible.csv", n = 465, binned = true,
    src = "babar_y3s_radiative/babar2008_Y3S_gamma_A0_invisible_UL_alpaca.csv",
    quantity = "upper limit on B(Upsilon(3S) -> gamma A0) B(A0 -> invisible) vs m_A0",
    cl = "0.90 -- ALPaca's default (BaBar's convention); not verified against the paper",
    source = "BaBar, Upsilon(3S) -> gamma A0, A0 -> invisible, arXiv:0808.0017 (INSPIRE BaBar:2008aby)",
    file = "invisible/Babar_BR_Y3S_binned.txt", confidence = "B/C (digitised step curve; 19 rows with m_hi < m_lo, digitisation jitter of <= 7 MeV, kept)" },
  { out = "babar_y3s_mumu/babar_y3s_mumu.csv", n = 1119,
    src = "babar_y3s_radiative/babar2009_Y3S_gamma_A0_mumu_UL_alpaca.csv",
    quantity = "upper limit on B(Upsilon(3S) -> gamma A0) B(A0 -> mu+ mu-) vs m_A0",
    cl = "0.90 -- the abstract of the companion paper arXiv:0902.2176 quotes 90% CL",
    source = "BaBar, Upsilon(3S) -> gamma A0, A0 -> mu+ mu- (INSPIRE BaBar:2009lbr, probably PRL 103 (2009) 081803, arXiv:0905.4539: an inference)",
    file = "visible/babar_Y3S_mumu.txt", confidence = "B/C (digitisation; exact paper inferred)" },
  { out = "babar_y3s_tautau/babar_y3s_tautau.csv", n = 170,
    src = "babar_y3s_radiative/babar2009_Y3S_gamma_A0_tautau_UL_alpaca.csv",
    quantity = "upper limit on B(Upsilon(3S) -> gamma A0) B(A0 -> tau+ tau-) vs m_A0",
    cl = "0.90 -- as set in ALPaca (conf_level=0.9); not verified",
    source = "BaBar, Upsilon(3S) -> gamma A0, A0 -> tau+ tau- (INSPIRE BaBar:2009oxm, probably PRL 103 (2009) 181801, arXiv:0906.2219: an inference)",
    file = "visible/babar_Y3S_tautau.txt", confidence = "B/C (digitisation; masses not monotonic in 3 places, kept in source order: alp.limit sorts)" },
  { out = "belle_y1s_invisible/belle_y1s_invisible.csv", n = 333, binned = true,
    src = "belle_y1s_radiative/belle2018_Y1S_gamma_A0_invisible_UL_alpaca.csv",
    quantity = "upper limit on B(Upsilon(1S) -> gamma A0) B(A0 -> invisible) vs m_A0",
    cl = "0.90 -- ALPaca's default; not verified",
    source = "Belle, 'Search for a light CP-odd Higgs boson and low-mass dark matter at the Belle experiment', PRL 122 (2019) 011801, arXiv:1809.05222 (INSPIRE Belle:2018pzt); Upsilon(1S) tagged in Upsilon(2S) -> pi+ pi- Upsilon(1S)",
    file = "invisible/Belle_BR_Y1S_binned.txt", confidence = "B/C (digitised curve; 6 rows with m_hi < m_lo kept; the last row's m_hi = 7.8 < m_lo = 8.99 is a source artefact: that row is DROPPED)",
    drop_last = true },
}

for _, d in ipairs(files) do
  local cols, rows = rows_of(SRC .. "/" .. d.src)
  if #rows ~= d.n then fail("%s: %d rows, the header says %d", d.src, #rows, d.n) end
  local out, conv = {}, "rows copied as strings, same order"
  if d.binned then
    if cols ~= "ma_lo_GeV,ma_hi_GeV,br_ul" then fail("%s: columns %s", d.src, cols) end
    if d.drop_last then rows[#rows] = nil end
    for i, r in ipairs(rows) do
      local lo, hi, v = r:match("^([^,]+),([^,]+),([^,]+)$")
      if not v then fail("%s: row %d: %s", d.src, i, r) end
      out[i] = string.format("%.10g,%s", (tonumber(lo) + tonumber(hi)) / 2, v)
    end
    conv = "each (m_lo, m_hi) row -> a point at (m_lo + m_hi)/2 (ALPaca's reading), %.10g; br_ul copied as a string"
      .. (d.drop_last and "; the last row (m_hi < m_lo by 1.2 GeV) dropped" or "")
  else
    if cols ~= "ma_GeV,br_ul" then fail("%s: columns %s", d.src, cols) end
    -- a mass given twice (a vertical step of the digitised curve): keep the
    -- larger (weaker) limit, the conservative reading
    local at, dropped = {}, 0
    for _, r in ipairs(rows) do
      local m, v = r:match("^([^,]+),([^,]+)$")
      local j = at[m]
      if not j then out[#out + 1] = r; at[m] = #out
      else
        dropped = dropped + 1
        if tonumber(v) > tonumber(out[j]:match(",(.+)$")) then out[j] = r end
      end
    end
    if dropped > 0 then
      conv = conv .. string.format("; %d mass(es) given twice (a vertical step): only the row with the larger br_ul kept", dropped)
    end
  end
  write(DST .. "/" .. d.out, {
    "quantity: " .. d.quantity,
    "units: ma_GeV: ALP mass [GeV]; br_ul: [dimensionless]",
    "cl: " .. d.cl,
    "source: " .. d.source .. ", as digitised by ALPaca",
    "via: ../shared/data/" .. d.src .. " (" .. ALPACA .. " alpaca/experimental_data/" .. d.file .. ")",
    "converted: tools/quarkonium_data.lua: header replaced by this one; " .. conv,
    "confidence: " .. d.confidence,
  }, "ma_GeV,br_ul", out)
end
