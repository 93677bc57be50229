-- alpcast/export.lua: `alpcast export hepdata OUTDIR`: a suite run's excluded
-- regions (OUTDIR/<recast>/<benchmark>[_<variant>].csv, listed in
-- OUTDIR/summary.json) as a HEPData submission in OUTDIR/hepdata/: one table
-- per recast x model with the ALP mass (independent) and c_low, c_high
-- (dependent, c = c(Lambda)/f_a in TeV^-1) qualified by CL, model, f_a,
-- recast and experiment.  Checked against HEPData's format before writing
-- (hepdata_schema.lua).  The numbers are the interval files' own.
local alp = require "alp"
local hw = require "alpcast.hepdata_write"

local M = {}
local fmt, concat = string.format, table.concat

M.usage = [[
usage: alpcast export hepdata OUTDIR [--to DIR]

Writes the excluded intervals of the suite run in OUTDIR (its summary.json
and interval files) as a HEPData submission: DIR/submission.yaml and one
YAML table per recast and model (default DIR = OUTDIR/hepdata).  Each table:
m_a [GeV]; c_low, c_high [TeV^-1] (c(Lambda)/f_a, Lambda = 4 pi f_a), one
row per interval per mass, c_high = .inf where the region is still excluded
at the validity bound; qualifiers CL, model, f_a, recast, experiment.
Read back with `alpcast import hepdata DIR --table NAME`.
]]

local function read_summary(dir)
  local path = dir .. "/summary.json"
  local f, err = io.open(path, "rb")
  if not f then error(fmt("%s: cannot read (is %s a suite output?): %s", path, dir, err), 0) end
  local text = f:read("a")
  f:close()
  local s, jerr = require("cjson.safe").decode(text)
  if type(s) ~= "table" or type(s.recasts) ~= "table" then
    error(fmt("%s: not a suite summary (%s)", path, tostring(jerr or "no recasts")), 0)
  end
  return s
end

-- f_a [GeV] of a benchmark model (alp.model.benchmark's default)
local function fa_of(bench)
  local ok, p = pcall(function() return alp.model.benchmark(bench, 1):params() end)
  return ok and p.fa or nil
end

-- One table per interval file of the run, in summary order.
function M.tables(dir)
  local s = read_summary(dir)
  local tables = {}
  for _, r in ipairs(s.recasts) do
    local label_bench = {}
    for bench, labels in pairs(type(r.benchmarks) == "table" and r.benchmarks or {}) do
      for _, l in ipairs(labels) do label_bench[l] = bench end
    end
    for _, out in ipairs(type(r.outputs) == "table" and r.outputs or {}) do
      local label = out:match("^[^/]+/([^/]+)%.csv$")
      -- interval files only: the labels of the run's benchmarks (other
      -- tables at that level, e.g. bounds on a flavour coupling, are not
      -- (m_a, c_low, c_high) regions)
      local d = label and label_bench[label] and alp.data.csv(dir .. "/" .. out)
      if d and table.concat(d.names, ",") ~= "ma_GeV,c_low,c_high" then
        error(fmt("%s/%s: an interval file needs the columns ma_GeV, c_low, c_high", dir, out), 0)
      end
      if d then
        local bench = label_bench[label]
        local cl = tonumber(d.meta.cl)
        if not cl then error(fmt("%s/%s: the header has no numeric '# cl:'", dir, out), 0) end
        local fa = fa_of(bench)
        local q = {
          { name = "CL", value = fmt("%g%%", cl * 100) },
          { name = "model", value = d.meta.model or bench },
          { name = "f_a", value = fa and fmt("%g GeV", fa) or "not known" },
          { name = "recast", value = r.name },
          { name = "experiment", value = r.experiment or "not stated" },
        }
        local desc = { (d.meta.quantity or "excluded couplings") .. ".",
                       "c = c(Lambda)/f_a in TeV^-1, Lambda = 4 pi f_a; c_high = .inf: still excluded at the "
                       .. "validity bound (" .. tostring(d.meta.open_ends or "see the interval file") .. ")." }
        if d.meta.reference then desc[#desc + 1] = "Recast of: " .. d.meta.reference .. "." end
        tables[#tables + 1] = {
          name = fmt("%s %s", r.name, label):sub(1, 64),
          description = concat(desc, " "),
          data_file = fmt("%s_%s.yaml", r.name, label),
          keywords = { { name = "observables", values = { "c/f_a" } },
                       { name = "phrases", values = { "Axion-like particle", "Exclusion limit",
                                                      r.experiment or "alpcast" } } },
          independent = { { name = "ma", units = "GeV", values = d.columns.ma_GeV } },
          dependent = { { name = "c_low", units = "TeV^-1", qualifiers = q, values = d.columns.c_low },
                        { name = "c_high", units = "TeV^-1", qualifiers = q, values = d.columns.c_high } },
        }
      end
    end
  end
  return tables, s
end

function M.main(args)
  if args[1] == "--help" or args[1] == "-h" or #args == 0 then
    io.write(M.usage)
    return #args == 0 and 2 or 0
  end
  if args[1] ~= "hepdata" then
    io.stderr:write(fmt("alpcast export: unknown format '%s' (known: hepdata)\n%s", args[1], M.usage))
    return 2
  end
  local dir, to
  local i = 2
  while i <= #args do
    local a = args[i]
    if a == "--help" or a == "-h" then io.write(M.usage) return 0
    elseif a == "--to" then
      if not args[i + 1] then io.stderr:write("alpcast export: --to needs a folder\n") return 2 end
      to = args[i + 1]; i = i + 1
    elseif a:sub(1, 1) == "-" then io.stderr:write("alpcast export: unknown option " .. a .. "\n" .. M.usage) return 2
    elseif not dir then dir = a
    else io.stderr:write("alpcast export: one OUTDIR only, got " .. a .. "\n") return 2 end
    i = i + 1
  end
  if not dir then io.stderr:write(M.usage) return 2 end
  local ok, err = pcall(function()
    local tables, s = M.tables(dir)
    if #tables == 0 then error(fmt("%s: the run has no interval files", dir), 0) end
    to = to or (dir .. "/hepdata")
    alp.fs.mkdir(to)
    local info = { comment = fmt("Excluded regions of axion-like particles computed by %s "
                                 .. "(arXiv:2201.06580 and the recasts' own references); run of %s.",
                                 "alpcast " .. tostring(s.alpcast and s.alpcast.version or "?"),
                                 tostring(s.started_utc or "?")) }
    hw.record(to, { info = info, tables = tables })
    io.stderr:write(fmt("alpcast export: wrote %s/submission.yaml and %d tables\n", to, #tables))
  end)
  if not ok then
    io.stderr:write("alpcast export: " .. tostring(err):gsub("^alp%.hepdata: ", "") .. "\n")
    return 1
  end
  return 0
end

return M
