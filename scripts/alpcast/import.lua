-- alpcast/import.lua: `alpcast import hepdata DIR --table NAME`: one table of
-- a HEPData record as one of our CSV files (a commented header with the
-- quantity, a unit per column, the CL from the qualifiers, the record's DOI),
-- numbers copied exactly (the shortest text that reads back to the same
-- double).  alp.limit.hepdata reads the same tables directly.
local hepdata = require "alpcast.hepdata"
local units = require "alpcast.units"

local M = {}
local fmt, concat = string.format, table.concat

M.usage = [[
usage: alpcast import hepdata DIR --table NAME [--out FILE] [--dependent N,...]
       alpcast import hepdata DIR --list

Reads DIR/submission.yaml and the table NAME's YAML file (HEPData's
submission format, as hepdata.net downloads and hepdata_lib write it) and
writes it as one of our CSV files: the independent variables, then the
dependent ones, a column each; "# units:" from the headers' units (masses,
lifetimes and lengths get the unit in the column name: ma_GeV, tau_ps);
"# cl:" from the CL qualifier; "# source:" and "# doi:" from the record.
'-' (no value) becomes nan.

  --table NAME      the table (its `name:` in submission.yaml)
  --out FILE        where to write (default: standard output)
  --dependent N,..  only these dependent variables (1-based, or header names)
  --list            list the record's tables and their variables
]]

local function word(s)
  s = tostring(s):gsub("%$", ""):gsub("\\", ""):gsub("[^%w]+", "_"):gsub("^_+", ""):gsub("_+$", "")
  return s == "" and "x" or s
end

-- A column name for a variable: its header name as a word, with the unit
-- appended for masses, times and lengths (ma + GeV -> ma_GeV).
local function column_name(v)
  local u = hepdata.unit(v.units)
  local base = word(v.name)
  local kind = u and units.kind(u)
  if (kind == "mass" or kind == "time" or kind == "length") and not base:match("_" .. u .. "$") then
    base = base .. "_" .. u
  end
  return base
end

local function cell(x)
  if type(x) ~= "number" then return tostring(x) end
  if x ~= x then return "nan" end
  if x == math.huge then return "inf" end
  if x == -math.huge then return "-inf" end
  return require("alpcast.hepdata_write").num(x)
end

local function qualifiers(v)
  local q = {}
  for _, x in ipairs(v.qualifier_list) do
    q[#q + 1] = fmt("%s = %s%s", x.name, tostring(x.value), x.units and (" " .. x.units) or "")
  end
  return concat(q, ", ")
end

-- M.text(rec, t, deps) -> the CSV text
function M.text(rec, t, deps)
  local vars = {}
  for _, v in ipairs(t.independent) do vars[#vars + 1] = v end
  for _, v in ipairs(deps) do vars[#vars + 1] = v end
  local names, ulines, seen = {}, {}, {}
  for i, v in ipairs(vars) do
    local n = column_name(v)
    if seen[n] then n = n .. "_" .. i end
    seen[n] = true
    names[i] = n
    local u = hepdata.unit(v.units) or "dimensionless"
    ulines[i] = fmt("%s: %s [%s]", n, tostring(v.name):gsub("[%[%];]", ""), u)
  end
  local cls, qual = {}, {}
  for _, v in ipairs(deps) do
    local cl = hepdata.cl_of(v)
    if cl then cls[fmt("%.10g", cl)] = true end
    local q = qualifiers(v)
    if q ~= "" then qual[#qual + 1] = fmt("%s: %s", column_name(v), q) end
  end
  local cl_list = {}
  for k in pairs(cls) do cl_list[#cl_list + 1] = k end
  table.sort(cl_list)
  local cl_line
  if #cl_list == 1 then cl_line = cl_list[1] .. " (the CL qualifier of the record)"
  elseif #cl_list == 0 then cl_line = "not stated in the record (no CL qualifier)"
  else cl_line = "the columns differ (" .. concat(cl_list, ", ") .. "): see qualifiers" end
  local L = {
    "# quantity: " .. tostring(t.description):gsub("\n", " "),
    "# units: " .. concat(ulines, "; "),
    "# cl: " .. cl_line,
    "# source: " .. hepdata.source_line(rec, t),
    "# doi: " .. (rec.doi or "none given in the record (no hepdata_doi or record_ids doi)"),
  }
  if t.doi then L[#L + 1] = "# table_doi: " .. t.doi end
  if #qual > 0 then L[#L + 1] = "# qualifiers: " .. concat(qual, "; ") end
  L[#L + 1] = fmt("# via: alpcast import hepdata %s --table '%s' (numbers copied exactly)", rec.dir, t.name)
  L[#L + 1] = concat(names, ",")
  for r = 1, t.n do
    local row = {}
    for i, v in ipairs(vars) do row[i] = cell(v.values[r]) end
    L[#L + 1] = concat(row, ",")
  end
  return concat(L, "\n") .. "\n"
end

local function list(rec)
  for _, name in ipairs(hepdata.names(rec)) do
    local t = hepdata.table(rec, name)
    local iv, dv = {}, {}
    for _, v in ipairs(t.independent) do iv[#iv + 1] = fmt("%s [%s]", v.name, tostring(v.units)) end
    for j, v in ipairs(t.dependent) do
      dv[#dv + 1] = fmt("[%d] %s [%s] (%s)", j, v.name, tostring(v.units), qualifiers(v))
    end
    print(fmt("%s: %d rows; independent: %s; dependent: %s", name, t.n, concat(iv, ", "), concat(dv, "; ")))
  end
end

function M.main(args)
  if args[1] == "--help" or args[1] == "-h" or #args == 0 then
    io.write(M.usage)
    return #args == 0 and 2 or 0
  end
  if args[1] ~= "hepdata" then
    io.stderr:write(fmt("alpcast import: unknown format '%s' (known: hepdata)\n%s", args[1], M.usage))
    return 2
  end
  local dir, tname, out, deps, do_list
  local i = 2
  while i <= #args do
    local a = args[i]
    if a == "--help" or a == "-h" then io.write(M.usage) return 0
    elseif a == "--table" or a == "--out" or a == "--dependent" then
      if args[i + 1] == nil then io.stderr:write("alpcast import: " .. a .. " needs a value\n") return 2 end
      if a == "--table" then tname = args[i + 1] elseif a == "--out" then out = args[i + 1]
      else deps = args[i + 1] end
      i = i + 1
    elseif a == "--list" then do_list = true
    elseif a:sub(1, 1) == "-" then
      io.stderr:write("alpcast import: unknown option " .. a .. "\n" .. M.usage) return 2
    elseif not dir then dir = a
    else io.stderr:write("alpcast import: one DIR only, got " .. a .. "\n") return 2 end
    i = i + 1
  end
  if not dir or (not tname and not do_list) then io.stderr:write(M.usage) return 2 end
  local ok, err = pcall(function()
    local rec = hepdata.read(dir)
    if do_list then return list(rec) end
    local t = hepdata.table(rec, tname)
    local chosen = {}
    if deps then
      for d in deps:gmatch("[^,]+") do
        local n = math.tointeger(tonumber(d))
        local hit = n and t.dependent[n]
        for _, v in ipairs(t.dependent) do if not hit and v.name == d then hit = v end end
        if not hit then
          local have = {}
          for j, v in ipairs(t.dependent) do have[j] = fmt("%d = %s", j, v.name) end
          error(fmt("alp.hepdata: --dependent %s: table '%s' has dependent variables %s", d,
                    tname, concat(have, ", ")), 0)
        end
        chosen[#chosen + 1] = hit
      end
    else chosen = t.dependent end
    local text = M.text(rec, t, chosen)
    if out then
      require("alpcast.hepdata_write").write_file(out, text)
      io.stderr:write(fmt("alpcast import: wrote %s (%d rows of table '%s')\n", out, t.n, tname))
    else io.write(text) end
  end)
  if not ok then
    io.stderr:write("alpcast import: " .. tostring(err):gsub("^alp%.hepdata: ", "") .. "\n")
    return 1
  end
  return 0
end

return M
