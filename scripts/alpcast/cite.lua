-- alpcast/cite.lua: BibTeX for what a run used (`alpcast cite`, and
-- out/citations.bib written by the suite): alpcast and the paper it
-- implements, the physics inputs (running, widths, form factors, PDG
-- inputs), and each recast's `cite` keys (its measurement first, then its
-- data source).  The entries live in one file, alpcast/refs.bib.
local alp = require "alp"
local recast = require "alpcast.recast"

local M = {}
local fmt, concat = string.format, table.concat

-- The physics inputs every model computation uses, with the REFERENCE.md
-- section that takes them (the entries are in refs.bib).
M.physics = {
  { what = "alpcast and the paper it implements", keys = { "alpcast", "arXiv:2201.06580" } },
  { what = "running and weak-scale matching of the couplings (REFERENCE.md sec. 2)", keys = { "arXiv:2012.12272" } },
  { what = "ALP decay widths, hadronic widths included (paper App. A, REFERENCE.md sec. 4)",
    keys = { "arXiv:1708.00443", "arXiv:2201.06580" } },
  { what = "B -> K and B -> K* form factors (REFERENCE.md sec. 3)", keys = { "arXiv:1811.00983", "arXiv:1503.05534" } },
  { what = "masses, widths, lifetimes (REFERENCE.md sec. 1)", keys = { "PDG:2020" } },
}

M.usage = [[
usage: alpcast cite [--recasts NAME,...] [--model cff|cWW] [--dir DIR] [--out FILE]

BibTeX for everything a run uses: alpcast and the paper it implements
(arXiv:2201.06580), the physics inputs (running, decay widths, form factors,
PDG inputs) and, for each recast, its measurement and data source (the
recast's `cite` field).  Keys are INSPIRE texkeys where a source states them,
else arXiv:NNNN.NNNNN (see the comments in scripts/alpcast/refs.bib).

  --recasts N,...  only these recasts (default: every recast found)
  --model M        only the recasts that apply to the benchmark M (cff, cWW)
  --dir DIR        your own recasts (also $ALPCAST_RECAST_PATH), before the
                   bundled ones
  --out FILE       write there (default: standard output)
The suite writes the same for the recasts it ran to OUTDIR/citations.bib.
]]

-- M.bib([path]) -> {key = entry text}, {keys in file order}
function M.bib(path)
  path = path or (alp.root .. "/scripts/alpcast/refs.bib")
  local f, err = io.open(path, "rb")
  if not f then error(fmt("alpcast cite: cannot read %s: %s", path, err), 0) end
  local text = f:read("a")
  f:close()
  local entries, order = {}, {}
  local pos = 1
  while true do
    local s, e, key = text:find("\n@%a+%s*{%s*([^,%s]+)%s*,", pos)
    if not s then break end
    local depth, i = 1, text:find("{", s, true) + 1
    while depth > 0 and i <= #text do
      local c = text:sub(i, i)
      if c == "{" then depth = depth + 1 elseif c == "}" then depth = depth - 1 end
      i = i + 1
    end
    if depth > 0 then error(fmt("%s: entry '%s' is not closed", path, key), 0) end
    if entries[key] then error(fmt("%s: key '%s' appears twice", path, key), 0) end
    entries[key] = text:sub(s + 1, i - 1)
    order[#order + 1] = key
    pos = e
  end
  return entries, order
end

-- M.collect(descs) -> {{what =, keys =}...}: the physics inputs, then one
-- item per recast (in the order given)
function M.collect(descs)
  local items = {}
  for _, p in ipairs(M.physics) do items[#items + 1] = p end
  for _, d in ipairs(descs) do
    items[#items + 1] = { what = fmt("recast %s (%s)", d.name, d.experiment), keys = d.cite or {},
                          recast = d.name }
  end
  return items
end

-- M.text(items [, entries]) -> BibTeX text, {missing = {"recast x: no cite", "key k (recast x)"}}
function M.text(items, entries)
  entries = entries or M.bib()
  local used, order, missing = {}, {}, {}
  local L = { "% BibTeX for an alpcast run (alpcast cite; entries from scripts/alpcast/refs.bib).",
              "% What each key is cited for:" }
  for _, it in ipairs(items) do
    if #it.keys == 0 then missing[#missing + 1] = fmt("%s declares no cite keys", it.what) end
    L[#L + 1] = fmt("%%   %s: %s", it.what, #it.keys > 0 and concat(it.keys, ", ") or "(no cite field)")
    for _, k in ipairs(it.keys) do
      if not entries[k] then missing[#missing + 1] = fmt("%s cites '%s', which refs.bib lacks", it.what, k)
      elseif not used[k] then used[k] = true; order[#order + 1] = k end
    end
  end
  for _, m in ipairs(missing) do L[#L + 1] = "% MISSING: " .. m end
  L[#L + 1] = ""
  for _, k in ipairs(order) do L[#L + 1] = entries[k]; L[#L + 1] = "" end
  return concat(L, "\n"), missing
end

-- For the suite: OUTDIR/citations.bib for the recasts that ran.  Never
-- fails the run: a file that cannot be written is reported on stderr.
function M.write_for_run(out, summary, paths)
  local ok, err = pcall(function()
    local descs = {}
    for _, r in ipairs(summary.recasts or {}) do
      local file = paths and paths[r.name] or r.file
      if r.status == "ok" and file then descs[#descs + 1] = recast.load(file) end
    end
    -- what is missing is listed in the file ("% MISSING:"), not printed
    alp.output.text(out .. "/citations.bib", (M.text(M.collect(descs))))
  end)
  if not ok then io.stderr:write("alpcast suite: citations.bib not written: " .. tostring(err) .. "\n") end
end

function M.main(args)
  local only, model, out, dirs = nil, nil, nil, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--help" or a == "-h" then io.write(M.usage) return 0
    elseif a == "--recasts" or a == "--model" or a == "--out" or a == "--dir" then
      local v = args[i + 1]
      if not v then io.stderr:write("alpcast cite: " .. a .. " needs a value\n") return 2 end
      if a == "--recasts" then only = {} for n in v:gmatch("[^,]+") do only[#only + 1] = n end
      elseif a == "--model" then model = v
      elseif a == "--out" then out = v
      else dirs[#dirs + 1] = v end
      i = i + 1
    else io.stderr:write("alpcast cite: unknown argument " .. a .. "\n" .. M.usage) return 2 end
    i = i + 1
  end
  if model and model ~= "cff" and model ~= "cWW" then
    io.stderr:write(fmt("alpcast cite: --model must be cff or cWW, got '%s'\n", model))
    return 2
  end
  local env = os.getenv("ALPCAST_RECAST_PATH")
  if env then for d in env:gmatch("[^:]+") do dirs[#dirs + 1] = d end end
  dirs[#dirs + 1] = alp.root .. "/recasts"
  local found = require("alpcast.suite").discover(dirs)
  local by = {}
  for _, e in ipairs(found) do by[e.name] = e end
  local list = {}
  if only then
    for _, n in ipairs(only) do
      if not by[n] then
        local names = {}
        for _, e in ipairs(found) do names[#names + 1] = e.name end
        local s = require("alpcast.check").suggest(n, names)
        io.stderr:write(fmt("alpcast cite: no recast '%s'%s\n", n, s and fmt(" (did you mean '%s'?)", s) or ""))
        return 2
      end
      list[#list + 1] = by[n]
    end
  else list = found end
  local ok, err = pcall(function()
    local descs = {}
    for _, e in ipairs(list) do
      local d = recast.load(e.path)
      if not model or recast.applies(d, model) then descs[#descs + 1] = d end
    end
    local text, missing = M.text(M.collect(descs))
    if out then alp.output.text(out, text) else io.write(text) end
    for _, m in ipairs(missing) do io.stderr:write("alpcast cite: " .. m .. "\n") end
  end)
  if not ok then io.stderr:write("alpcast cite: " .. tostring(err) .. "\n") return 1 end
  return 0
end

return M
