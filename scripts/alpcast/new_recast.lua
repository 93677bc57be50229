-- alpcast/new_recast.lua: `alpcast new-recast NAME --data FILE.csv`: a
-- starting recast folder DIR/NAME/ (NAME.lua + a copy of the data file) from
-- the data file's header.  The columns are given roles by their declared
-- units (help("alp.limit")): the mass column (GeV/MeV/keV), the lifetime
-- column (s/ns/ps or m/cm/mm/um, optional) and the limit (dimensionless or
-- events).  The written recast loads and runs as it is; its signal is a
-- placeholder to replace.
local alp = require "alp"
local units = require "alpcast.units"

local M = {}
local fmt = string.format

M.usage = [[
usage: alpcast new-recast NAME --data FILE.csv [--dir DIR] [--force]

Writes DIR/NAME/NAME.lua, a starting recast for the limit in FILE.csv, and
copies FILE.csv into DIR/NAME/.  The header of FILE.csv must declare a unit
per column ("# units: ma_GeV: ALP mass [GeV]; ctau: [cm]; br_ul: [dimensionless]")
and should give "# cl:" and "# source:".  Run it with
  alpcast suite --recasts DIR --only NAME
and edit its signal, process, reference and notes (help("recast")).

  NAME        letters, digits and _ (the recast's name and file stem)
  --data F    the CSV with the published limit
  --dir DIR   where the folder is made (default: the current folder)
  --force     replace an existing DIR/NAME/NAME.lua
]]

local function roles(path, head)
  local mass, life, value
  for _, c in ipairs(head.names) do
    local kind = units.kind(head.units[c])
    if kind == "mass" and not mass then mass = c
    elseif (kind == "time" or kind == "length") and not life then life = c
    elseif (kind == "dimensionless" or kind == "events") and not value then value = c end
  end
  if not mass or not value then
    error(fmt("%s: needs a mass column (unit GeV, MeV or keV) and a limit column (unit "
              .. "dimensionless or events) in its '# units:' header; found %s", path,
              table.concat(head.names, ", ")), 0)
  end
  return mass, life, value
end

-- M.text(name, file, head) -> the recast's source text
function M.text(name, file, head, path)
  local mass, life, value = roles(path, head)
  local cl = require("alpcast.limit")._header_cl(head.meta)
  local kind = units.kind(head.units[value])
  local src = (head.meta.source or "not stated in the data file"):match("^[^\n]*")
  local L = {}
  local function w(s, ...) L[#L + 1] = fmt(s, ...) end
  w("-- %s: written by `alpcast new-recast` from %s; edit the signal, process,", name, file)
  w("-- reference and notes (help(\"recast\")).")
  w("local limit = alp.limit.csv(%q, {", file)
  w("  value = %q, mass = %q,%s", value, mass, life and fmt(" lifetime = %q,", life) or "")
  if kind == "events" then w("  bounds = \"events\",") end
  w("  cl = %s,%s", cl and fmt("%g", cl) or "0.90", cl and "" or "  -- the header gives no CL: state it from the source")
  w("  interpolate = { mass = \"linear\",%s value = \"log\" },", life and " lifetime = \"log\"," or "")
  w("  outside = { mass = \"none\"%s },", life and ", short = \"none\", long = \"none\"" or "")
  w("})")
  w("")
  w("return alp.recast {")
  w("  name       = %q,", name)
  w("  experiment = \"TODO experiment\",")
  w("  process    = \"B+ -> K+ a, a -> mu+ mu- (TODO: the process)\",")
  w("  reference  = %q,", src)
  w("  signature  = %q,", life and "displaced" or "invisible")
  w("  cl         = %s,", cl and fmt("%g", cl) or "0.90")
  w("  parent     = \"B+\", -- the decaying meson: scans stop at c/f_a = 1/m_P (D16(b)); edit with the process")
  w("  limit      = limit,")
  w("  -- the quantity the limit bounds, for this model and mass (here a placeholder:")
  w("  -- B(B+ -> K+ a) B(a -> mu mu)); see help(\"alp.model\")")
  w("  signal     = function(model, ma, prepared, variant)")
  w("    return model:br_b_to_ka(ma) * model:br(ma, \"mumu\")")
  w("  end,")
  w("  notes      = [[Started from %s (%s).]],", file, src:gsub("%]%]", "] ]"))
  w("}")
  return table.concat(L, "\n") .. "\n"
end

function M.main(args)
  local name, data, dir, force
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--help" or a == "-h" then io.write(M.usage) return 0
    elseif a == "--data" then data = args[i + 1]; i = i + 1
    elseif a == "--dir" then dir = args[i + 1]; i = i + 1
    elseif a == "--force" then force = true
    elseif a:sub(1, 1) == "-" then
      io.stderr:write("alpcast new-recast: unknown option " .. a .. "\n" .. M.usage) return 2
    elseif not name then name = a
    else io.stderr:write("alpcast new-recast: one NAME only, got " .. a .. "\n") return 2 end
    i = i + 1
  end
  if not name or not data then io.stderr:write(M.usage) return 2 end
  if not name:match("^[%a][%w_]*$") then
    io.stderr:write("alpcast new-recast: NAME must be letters, digits and _, got '" .. name .. "'\n")
    return 2
  end
  dir = dir or "."
  local ok, err = pcall(function()
    local head = alp.data.csv(data, { header_only = true })
    if not head.meta.units then
      error(fmt("%s: the header has no '# units:' line (units per column, e.g. '# units: "
                .. "ma_GeV: ALP mass [GeV]; br_ul: [dimensionless]')", data), 0)
    end
    local file = data:match("([^/]+)$")
    local text = M.text(name, file, head, data)
    local folder = dir .. "/" .. name
    local target = folder .. "/" .. name .. ".lua"
    if alp.fs.exists(target) and not force then
      error(target .. " exists (--force replaces it)", 0)
    end
    alp.fs.mkdir(folder)
    local f = assert(io.open(data, "rb"))
    local bytes = f:read("a")
    f:close()
    if data ~= folder .. "/" .. file then alp.output.text(folder .. "/" .. file, bytes) end
    alp.output.text(target, text)
    print("wrote " .. target .. " and " .. folder .. "/" .. file)
    print("run it: alpcast suite --recasts " .. dir .. " --only " .. name)
  end)
  if not ok then
    local msg = tostring(err):gsub("^[^\n]-%.lua:%d+: ", ""):gsub("^alp%.data%.csv: ", "")
    io.stderr:write("alpcast new-recast: " .. msg .. "\n")
    return 1
  end
  return 0
end

return M
