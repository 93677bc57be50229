-- alpcast/suite.lua: `alpcast suite` -- discover the recasts, run each in
-- isolation, write the excluded regions, run the figure scripts, write
-- summary.json.  The host calls M.main(args) and exits with its result
-- (0 all ok, 1 a recast or figure failed, 2 a usage error).
--
-- Output (DESIGN.md "Outputs"):
--   DIR/<recast>/<benchmark>[_<variant>].csv   ma_GeV,c_low,c_high
--   DIR/<recast>/extra/<benchmark>[_<variant>]_polygons.csv, and the
--       tables the recast's `extra` returns
--   DIR/fig<N>_*.{csv,svg,pdf}                 written by scripts/figures/*.lua
--   DIR/summary.json
-- Each recast writes into DIR/.<recast>.partial/, renamed onto DIR/<recast>/
-- when it succeeds; a failed or interrupted recast leaves nothing (and its
-- previous results are removed, so DIR never mixes runs for one recast).
local alp = require "alp"
local recast = require "alpcast.recast"
local output = require "alpcast.output"

local M = {}

local fmt, concat, clock = string.format, table.concat, os.clock

M.usage = [[
usage: alpcast suite [--out DIR] [--only NAME,...] [--list] [--recasts DIR]
                     [--figures DIR | --no-figures] [--seed N] [-v] [--help]

Runs every recast (recasts/*.lua) for the benchmarks "cff" and "cWW", writes
the excluded couplings to DIR/<recast>/<benchmark>[_<variant>].csv (columns
ma_GeV,c_low,c_high; c = c(Lambda)/f_a in TeV^-1, c_high = inf when open
upwards), then runs the figure scripts (scripts/figures/*.lua, each as
`alpcast FILE --out DIR`), and writes DIR/summary.json.

  --out DIR        output folder (default out/)
  --only NAME,...  run only these recasts and figure scripts (file stems;
                   * and ? are wildcards)
  --list           print name, experiment, signature, status and reference of
                   each recast; runs no physics
  --recasts DIR    also take recasts from DIR (may be repeated); these, then
                   the folders of $ALPCAST_RECAST_PATH (colon-separated), come
                   before the bundled recasts/; on a name clash the first wins
  --figures DIR    take the figure scripts from DIR instead of scripts/figures
  --no-figures     run no figure script
  --seed N         seed for every recast (default: each recast's own seed)
  -v               full tracebacks of failures, one line per output file
  --help           this text

A failing recast prints one FAIL line and the others go on; the exit code is
then 1.  help("recast") describes how to write a recast.]]

-- ---- small file-system helpers ---------------------------------------------

local function isdir(p) return alp.fs.isdir(p) end

local function rmtree(p)
  if isdir(p) then
    for _, e in ipairs(alp.fs.listdir(p) or {}) do rmtree(p .. "/" .. e) end
  end
  os.remove(p)
end

local function is_interrupt(err)
  return type(err) == "string" and (err:match("interrupted$") or err:match("interrupted\n")
    or err:match("^[^\n]*: interrupted"))
end

-- xpcall message handler of a recast or figure run: an interruption passes
-- through as it is (the suite stops), any other error gets a traceback.
local function failure_handler(msg)
  if is_interrupt(msg) then return msg end
  return debug.traceback(tostring(msg), 2)
end

-- ---- arguments -------------------------------------------------------------

local function glob_to_pattern(g)
  return "^" .. g:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
end

local function parse(args)
  local o = { out = "out", recasts = {}, only = nil, list = false, verbose = false,
              figures = nil, no_figures = false, seed = nil }
  local i = 1
  local function value(name)
    local v = args[i + 1]
    if v == nil then return nil, fmt("option %s needs a value", name) end
    i = i + 1
    return v
  end
  while i <= #args do
    local a = args[i]
    local k, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if k then a = k; table.insert(args, i + 1, inline) end
    local err
    if a == "--out" then o.out, err = value(a)
    elseif a == "--only" then
      local v
      v, err = value(a)
      if v then
        o.only = o.only or {}
        for name in v:gmatch("[^,%s]+") do o.only[#o.only + 1] = glob_to_pattern(name) end
      end
    elseif a == "--list" then o.list = true
    elseif a == "--recasts" then
      local v
      v, err = value(a)
      if v then o.recasts[#o.recasts + 1] = v end
    elseif a == "--figures" then o.figures, err = value(a)
    elseif a == "--no-figures" then o.no_figures = true
    elseif a == "--seed" then
      local v
      v, err = value(a)
      if v then
        o.seed = math.tointeger(tonumber(v))
        if not o.seed or o.seed < 0 then err = "--seed needs a non-negative integer, got " .. v end
      end
    elseif a == "-v" or a == "--verbose" then o.verbose = true
    elseif a == "-h" or a == "--help" then o.help = true
    else err = fmt("unknown option '%s'", a) end
    if err then return nil, err end
    i = i + 1
  end
  if o.out == "" then return nil, "--out needs a folder" end
  return o
end

local function selected(o, name)
  if not o.only then return true end
  for _, p in ipairs(o.only) do if name:match(p) then return true end end
  return false
end

-- ---- discovery ---------------------------------------------------------------

local function ignore_env()
  return debug.getregistry()["alpcast.ignore_env"] == true
end

-- Sorted recast files from the folders, first folder wins a name.
function M.discover(dirs, say)
  local found, by_name = {}, {}
  for _, d in ipairs(dirs) do
    local files = alp.fs.listdir(d)
    if files then
      for _, f in ipairs(files) do
        local name = f:match("^(.+)%.lua$")
        if name and not isdir(d .. "/" .. f) then
          if by_name[name] then
            if say then say(fmt("note: %s/%s ignored: %s has the same name", d, f, by_name[name].path)) end
          else
            local e = { name = name, path = d .. "/" .. f }
            by_name[name] = e
            found[#found + 1] = e
          end
        end
      end
    end
  end
  table.sort(found, function(a, b) return a.name < b.name end)
  return found
end

local function recast_dirs(o, hooks)
  local dirs = {}
  for _, d in ipairs(o.recasts) do dirs[#dirs + 1] = d end
  local env = not ignore_env() and os.getenv("ALPCAST_RECAST_PATH")
  if env then for d in env:gmatch("[^:]+") do dirs[#dirs + 1] = d end end
  if hooks.bundled ~= false then dirs[#dirs + 1] = alp.root .. "/recasts" end
  return dirs
end

-- ---- one recast ------------------------------------------------------------------

local function ref_text(ref)
  if type(ref) == "string" then return ref end
  local parts = {}
  for _, k in ipairs { "journal", "arxiv", "inspire", "doi", "url" } do
    if ref[k] then parts[#parts + 1] = (k == "arxiv" and "arXiv:" or "") .. ref[k] end
  end
  local keys = {}
  for k in pairs(ref) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    if not ({ journal = 1, arxiv = 1, inspire = 1, doi = 1, url = 1 })[k] then
      parts[#parts + 1] = k .. ": " .. ref[k]
    end
  end
  return concat(parts, ", ")
end

local function interval_header(desc, bench, vname, res, seed)
  return {
    quantity = fmt("couplings excluded at %g%% CL by %s (%s): one row per interval per mass",
                   desc.cl * 100, desc.name, desc.experiment),
    units = "ma_GeV in GeV; c_low, c_high = c(Lambda)/f_a in TeV^-1 (Lambda = 4 pi f_a)",
    model = bench .. (bench == "cff" and " benchmark: c_ff(Lambda) = c, other couplings 0"
                      or " benchmark: c_WW(Lambda) = c, other couplings 0"),
    variant = vname,
    recast = desc.name,
    experiment = desc.experiment,
    reference = ref_text(desc.reference),
    cl = desc.cl,
    seed = seed,
    status = desc.status,
    signature = desc.signature,
    scan = fmt("%d masses %.6g-%.6g GeV; c on a log grid of %d points %.3g-%.3g, edges by "
               .. "Brent to rtol %.3g", #res.masses, res.masses[1], res.masses[#res.masses],
               res.couplings.n, res.couplings.min, res.couplings.max, res.rtol),
    open_ends = fmt("c_high = inf: excluded up to the top of the scan and beyond; c_low = %.3g "
                    .. "(the bottom of the scan): excluded down to there", res.couplings.min),
  }
end

-- Runs one recast into its staging folder; returns the summary entry.
local function run_recast(e, o, hooks, say)
  local t0 = clock()
  local entry = { name = e.name, file = e.path, status = "failed", outputs = {},
                  benchmarks = {} }
  local final = o.out .. "/" .. e.name
  local stage = o.out .. "/." .. e.name .. ".partial"
  rmtree(stage)
  local ok, err = xpcall(function()
    local desc = recast.load(e.path)
    entry.experiment, entry.signature, entry.publication = desc.experiment, desc.signature, desc.status
    entry.reference = ref_text(desc.reference)
    entry.seed = o.seed or desc.seed
    entry.cl = desc.cl
    local data = recast.data(desc)
    alp.fs.mkdir(stage .. "/extra")
    local cache = {}
    local variants = #desc.variants > 0 and desc.variants or { false }
    for _, b in ipairs(recast.benchmarks) do
      local bstate = {}
      for _, v in ipairs(variants) do
        local vname = v or nil
        local label = b .. (vname and ("_" .. vname) or "")
        if recast.applies(desc, b, vname) then
          local res = recast.scan(desc, b, vname, { data = data, cache = cache, seed = o.seed,
                                                    family = hooks.families and hooks.families[b] })
          local file = stage .. "/" .. label .. ".csv"
          output.csv(file, { columns = { "ma_GeV", "c_low", "c_high" },
                             rows = alp.scan.rows(res),
                             header = interval_header(desc, b, vname, res, entry.seed) })
          local polys = alp.contour.polygons(res)
          alp.contour.write(stage .. "/extra/" .. label .. "_polygons.csv", polys, {
            quantity = fmt("excluded region of %s for %s as closed polygons", desc.name, label),
            units = "ma_GeV in GeV; c = c(Lambda)/f_a in TeV^-1 (c_high = inf drawn at the top of the scan)",
            model = b, variant = vname, recast = desc.name, cl = desc.cl })
          bstate[#bstate + 1] = label
          entry.outputs[#entry.outputs + 1] = e.name .. "/" .. label .. ".csv"
          if o.verbose then
            say(fmt("      %s: %d intervals, %d ratio evaluations", label, #res.intervals, res.nevals))
          end
        end
      end
      entry.benchmarks[b] = #bstate > 0 and bstate or "not applicable"
    end
    if desc.extra then
      local tables = desc.extra(data)
      if type(tables) ~= "table" then
        error(fmt("%s: extra must return a table {name = {columns =, rows =, header =}}, got %s",
                  desc.name, type(tables)), 0)
      end
      local names = {}
      for k in pairs(tables) do names[#names + 1] = k end
      table.sort(names)
      for _, k in ipairs(names) do
        if type(k) ~= "string" or not k:match("^[%w_%-]+$") then
          error(fmt("%s: extra table names must be words, got %s", desc.name, tostring(k)), 0)
        end
        local t = tables[k]
        local h = {}
        for hk, hv in pairs(type(t) == "table" and t.header or {}) do h[hk] = hv end
        h.recast = h.recast or desc.name
        output.csv(stage .. "/extra/" .. k .. ".csv", { columns = t.columns, rows = t.rows,
                                                       blocks = t.blocks, header = h })
        entry.outputs[#entry.outputs + 1] = e.name .. "/extra/" .. k .. ".csv"
      end
    end
    -- publish: replace the previous results of this recast
    rmtree(final)
    local rok, rerr = os.rename(stage, final)
    if not rok then error("cannot rename " .. stage .. " to " .. final .. ": " .. tostring(rerr), 0) end
  end, failure_handler)
  entry.time_s = clock() - t0
  if ok then
    entry.status = "ok"
    return entry
  end
  rmtree(stage)
  if is_interrupt(err) then error("interrupted", 0) end
  rmtree(final)
  entry.error = tostring(err):match("^[^\n]*")
  entry.traceback = tostring(err)
  entry.outputs = nil
  return entry
end

-- ---- figures ------------------------------------------------------------------------

local function run_figure(path, o)
  local t0 = clock()
  local entry = { name = path:match("([^/]+)%.lua$"), file = path, status = "failed" }
  local args = { "--out", o.out }
  local result
  local ok, err = xpcall(function()
    local env = setmetatable({ arg = { [0] = path, table.unpack(args) } }, { __index = _G })
    local chunk, lerr = loadfile(path, "t", env)
    if not chunk then error(lerr, 0) end
    result = chunk(table.unpack(args))
  end, failure_handler)
  entry.time_s = clock() - t0
  if ok then
    -- a figure script may return {summary = {...}, headline = {"...", ...}}:
    -- the summary goes into summary.json, the headlines close the run
    if type(result) == "table" then
      if type(result.summary) == "table" then entry.summary = result.summary end
      if type(result.headline) == "table" then entry.headline = result.headline end
    end
    entry.status = "ok"
    return entry
  end
  if is_interrupt(err) then error("interrupted", 0) end
  entry.error = tostring(err):match("^[^\n]*")
  entry.traceback = tostring(err)
  return entry
end

-- ---- main ------------------------------------------------------------------------------

-- M.main(args [, hooks]) -> exit code.  For tests: hooks.families =
-- {cff = f, cWW = f} replaces the benchmark families (c -> model);
-- hooks.bundled = false leaves out the bundled recasts/ folder.
function M.main(args, hooks)
  hooks = hooks or {}
  local o, err = parse(args or {})
  if not o then
    io.stderr:write("alpcast suite: " .. err .. "\n" .. "try 'alpcast suite --help'\n")
    return 2
  end
  if o.help then print(M.usage) return 0 end
  local function say(s) print(s); io.stdout:flush() end
  local dirs = recast_dirs(o, hooks)
  local all = M.discover(dirs, say)
  local list = {}
  for _, e in ipairs(all) do if selected(o, e.name) then list[#list + 1] = e end end

  if o.list then
    local failed = 0
    if #list == 0 then say("alpcast suite: no recasts found in " .. concat(dirs, ", ")) end
    for _, e in ipairs(list) do
      local ok, d = pcall(recast.load, e.path)
      if ok then
        say(fmt("%-28s %-10s %-10s %-11s %s", d.name, d.experiment, d.signature, d.status,
                ref_text(d.reference)))
      else
        failed = failed + 1
        say(fmt("FAIL %s: %s", e.name, tostring(d):match("^[^\n]*")))
      end
    end
    return failed > 0 and 1 or 0
  end

  local t_start = clock()
  local summary = {
    alpcast = { version = alp.version, lua = alp.lua_version, gsl = alp.gsl_version },
    started_utc = os.date("!%Y-%m-%dT%H:%M:%SZ"),
    out = o.out, recast_dirs = dirs, seed_override = o.seed,
    recasts = {}, figures = {}, failures = {},
  }
  alp.fs.mkdir(o.out)
  if #all == 0 then
    say("alpcast suite: no recasts in " .. concat(dirs, ", ") .. "; nothing to run")
  elseif #list == 0 then
    say("alpcast suite: no recast matches --only")
  else
    say(fmt("alpcast suite: %d recast%s -> %s/", #list, #list == 1 and "" or "s", o.out))
  end
  for _, e in ipairs(list) do
    local entry = run_recast(e, o, hooks, say)
    summary.recasts[#summary.recasts + 1] = entry
    if entry.status == "ok" then
      local done = {}
      for _, b in ipairs(recast.benchmarks) do
        local st = entry.benchmarks[b]
        done[#done + 1] = type(st) == "table" and concat(st, " ") or (b .. ": n/a")
      end
      say(fmt("  ok    %-28s %-10s %-10s %-30s %6.2f s", e.name, entry.experiment or "",
              entry.signature or "", concat(done, ", "), entry.time_s))
    else
      summary.failures[#summary.failures + 1] = e.name
      say(fmt("  FAIL  %s: %s", e.name, entry.error))
      if o.verbose then say(entry.traceback) end
    end
    entry.traceback = nil
    collectgarbage()
  end

  if not o.no_figures then
    local fdir = o.figures or (alp.root .. "/scripts/figures")
    local figs = {}
    for _, f in ipairs(alp.fs.listdir(fdir) or {}) do
      local name = f:match("^(.+)%.lua$")
      if name and selected(o, name) then figs[#figs + 1] = fdir .. "/" .. f end
    end
    if #figs > 0 then say(fmt("figures (%s):", fdir)) end
    for _, path in ipairs(figs) do
      local entry = run_figure(path, o)
      summary.figures[#summary.figures + 1] = entry
      if entry.status == "ok" then
        say(fmt("  ok    %-28s %6.2f s", entry.name, entry.time_s))
      else
        summary.failures[#summary.failures + 1] = "figure:" .. entry.name
        say(fmt("  FAIL  figure %s: %s", entry.name, entry.error))
        if o.verbose then say(entry.traceback) end
      end
      entry.traceback = nil
      collectgarbage()
    end
  end

  for _, f in ipairs(summary.figures) do
    for _, line in ipairs(f.headline or {}) do say(line) end
  end
  summary.time_s = clock() - t_start
  summary.n_failed = #summary.failures
  output.json(o.out .. "/summary.json", summary)
  local nrec = #summary.recasts
  local nfail = #summary.failures
  say(fmt("alpcast suite: %d recast%s, %d figure script%s, %d failed (%.2f s CPU); %s/summary.json",
          nrec, nrec == 1 and "" or "s", #summary.figures, #summary.figures == 1 and "" or "s",
          nfail, summary.time_s, o.out))
  return nfail > 0 and 1 or 0
end

return M
