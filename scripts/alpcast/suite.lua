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
--
-- Isolation: each recast (and then each figure script) runs in its own
-- process, forked after the library is loaded and before the recast file is
-- loaded (alp._proc, host/l_proc.c).  The child writes its outputs and a
-- JSON report on a pipe, then exits; the parent only schedules (-j N at
-- once), reads the reports, enforces --timeout and prints in sorted order.
-- Whatever a recast changes in its Lua state (metatables, globals,
-- package.loaded) dies with its process; a crash, a signal or an exit of the
-- child is one FAIL line.  SIGINT/SIGTERM to the suite kill every child's
-- process group (SIGKILL: they are not asked) and remove their staging
-- folders.  Caveat: GCC's OpenMP runtime does not survive fork() once the
-- parent has run a parallel loop, so M.main must run in a process that has
-- not computed Monte Carlo yet (as `alpcast suite` is); the tests that call
-- it in-process use toy models.
local alp = require "alp"
local recast = require "alpcast.recast"
local output = require "alpcast.output"
local progress = require "alpcast.progress"
local ranges = require "alpcast.ranges"
local plane_suite = require "alpcast.plane_suite"
local flavour = require "alpcast.flavour"
local family = require "alpcast.family"
local result_cache = require "alpcast.result_cache"

local M = {}

local fmt, concat, clock = string.format, table.concat, os.clock
local proc = alp._proc

M.default_timeout = 600 -- seconds per recast or figure script (--timeout)

M.usage = [[
usage: alpcast suite [--out DIR] [--only NAME,...] [--list] [--recasts DIR]
                     [--model FILE.lua] [--figures DIR | --no-figures]
                     [--seed N] [-j N] [--timeout S] [--no-cache] [-v] [-q]
                     [--help] [--plane X,Y --ma M]

Runs every recast (recasts/*.lua) for the benchmarks "cff" and "cWW" (or for
the model family of --model), writes
the excluded couplings to DIR/<recast>/<benchmark>[_<variant>].csv (columns
ma_GeV,c_low,c_high; c = c(Lambda)/f_a in TeV^-1, c_high = inf when open
upwards), then runs the figure scripts (scripts/figures/*.lua, each as
`alpcast FILE --out DIR`), and writes DIR/summary.json.

  --out DIR        output folder (default out/)
  --only NAME,...  run only these recasts and figure scripts (file stems;
                   * and ? are wildcards)
  --model FILE     run every recast on the model family of FILE (or NAME, a
                   shipped models/NAME.lua; help("alp.family")) instead of
                   the benchmarks: results in
                   DIR/<recast>/<name>[_<variant>].csv, figures fig3_<name>
                   and fig12_<name>; a recast whose assumptions the family
                   breaks says why and writes nothing for it
  --list           print name, experiment, signature, status, mass and c tau
                   ranges and reference of each recast; reads the limit
                   tables for the ranges (a few s), computes no signal
  --recasts DIR    also take recasts from DIR (may be repeated); these, then
                   the folders of $ALPCAST_RECAST_PATH (colon-separated), come
                   before the bundled recasts/; on a name clash the first wins
  --figures DIR    take the figure scripts from DIR instead of scripts/figures
  --no-figures     run no figure script
  --seed N         seed for every recast (default: each recast's own seed)
  -j N             run N recasts at once, each in its own process (default:
                   the number of online CPUs), the slowest of the last run
                   into DIR first, each with the CPUs / N Monte Carlo threads
                   (all of them when it runs alone); the output files do
                   not depend on N, the report is printed in name order
  --timeout S      stop a recast or figure script after S seconds of wall
                   time (default 600; a recast's own `timeout` field wins):
                   its process group is killed and it is one FAIL line
  --no-cache       recompute everything (default: a recast whose inputs --
                   its file, the files it reads, the model, the seed, this
                   program build -- are unchanged since the last run into
                   DIR, and whose results there are untouched, is "up to
                   date" and not run again; Monte Carlo <P> tables made by
                   this build are reused; both kept in DIR/.cache/)
  -v               full tracebacks of failures, one line per output file
  -q, --quiet      print only failures and the closing line (no progress,
                   no line per recast or file)
]] .. plane_suite.usage .. "\n" .. require("alpcast.shard").usage .. "\n" .. [[
  --help           this text

Progress goes to stderr: on a terminal one live line per running recast
(masses done / total, ETA), otherwise a plain line every 10 s per recast.

A failing recast (an error, a crash, a signal, os.exit, the time limit)
prints one FAIL line and the others go on; the exit code is then 1.  A name
of --only that matches no recast or figure script is a usage error (exit 2).  help("recast") describes how to write a recast.]]

-- ---- small file-system helpers ---------------------------------------------

-- A path as outputs and messages show it: relative to the alpcast tree when
-- inside it (no absolute path of this machine in summary.json), else as given.
function M.shown_path(p)
  local root = alp.root .. "/"
  if type(p) == "string" and p:sub(1, #root) == root then return p:sub(#root + 1) end
  if p == alp.root then return "." end
  return p
end

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
  local o = { out = "out", recasts = {}, only = nil, only_names = nil, list = false,
              verbose = false, figures = nil, no_figures = false, seed = nil,
              jobs = nil, timeout = M.default_timeout }
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
        o.only, o.only_names = o.only or {}, o.only_names or {}
        for name in v:gmatch("[^,%s]+") do
          o.only[#o.only + 1] = glob_to_pattern(name)
          o.only_names[#o.only_names + 1] = name
        end
      end
    elseif a == "--list" then o.list = true
    elseif a == "--model" then o.model, err = value(a)
    elseif a == "--recasts" then
      local v
      v, err = value(a)
      if v then o.recasts[#o.recasts + 1] = v end
    elseif a == "--figures" then o.figures, err = value(a)
    elseif a == "--no-figures" then o.no_figures = true
    elseif a == "--no-cache" then o.no_cache = true
    elseif a == "--seed" then
      local v
      v, err = value(a)
      if v then
        o.seed = math.tointeger(tonumber(v))
        if not o.seed or o.seed < 0 then err = "--seed needs a non-negative integer, got " .. v end
      end
    elseif a == "-j" or a == "--jobs" then
      local v
      v, err = value(a)
      if v then
        o.jobs = math.tointeger(tonumber(v))
        if not o.jobs or o.jobs < 1 or o.jobs > 256 then
          err = "-j needs an integer in [1, 256], got " .. v
        end
      end
    elseif a:match("^%-j%d+$") then
      o.jobs = math.tointeger(tonumber(a:sub(3)))
      if not o.jobs or o.jobs < 1 or o.jobs > 256 then err = "-j needs an integer in [1, 256], got " .. a:sub(3) end
    elseif a == "--timeout" then
      local v
      v, err = value(a)
      if v then
        o.timeout = tonumber(v)
        if not o.timeout or not (o.timeout > 0 and o.timeout <= 1e6) then
          err = "--timeout needs a number of seconds in (0, 1e6], got " .. v
        end
      end
    elseif a == "-v" or a == "--verbose" then o.verbose = true
    elseif a == "-q" or a == "--quiet" then o.quiet = true
    elseif a == "-h" or a == "--help" then o.help = true
    elseif plane_suite.options[a] then err = plane_suite.parse(o, a, value)
    else err = fmt("unknown option '%s'", a) end
    if err then return nil, err end
    i = i + 1
  end
  if o.out == "" then return nil, "--out needs a folder" end
  local perr = plane_suite.finish(o)
  if perr then return nil, perr end
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

-- Does the file define a recast (call alp.recast)?  Other .lua files in a
-- recast folder are helpers or scripts, not recasts: skipped with a note.
local function is_recast_file(path)
  local f = io.open(path, "r")
  if not f then return false end
  local text = f:read("a") or ""
  f:close()
  return text:find("alp%.recast%s*[{(]") ~= nil
end

-- Sorted recast files from the folders, first folder wins a name.  A recast
-- is DIR/<name>.lua, or DIR/<name>/<name>.lua (a folder with its data);
-- either must call alp.recast{...}.
function M.discover(dirs, say)
  local found, by_name = {}, {}
  for _, d in ipairs(dirs) do
    local files = alp.fs.listdir(d)
    if files then
      table.sort(files)
      for _, f in ipairs(files) do
        local name = f:match("^(.+)%.lua$")
        local path = d .. "/" .. f
        if not name and isdir(path) and alp.fs.exists(path .. "/" .. f .. ".lua") then
          name, path = f, path .. "/" .. f .. ".lua"
        elseif name and isdir(path) then
          name = nil
        end
        if name and not is_recast_file(path) then
          if say then say(fmt("note: %s skipped: not a recast (it does not call alp.recast{...})", path)) end
          name = nil
        end
        if name then
          if by_name[name] then
            if say then say(fmt("note: %s ignored: %s has the same name", path, by_name[name].path)) end
          else
            local e = { name = name, path = path }
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

-- The data files a (recast, variant) uses -- its data tables and the files
-- of its limit objects -- as {file, sha256, source}, file relative to the
-- alpcast root when inside it.  known: path -> record, so that each file is
-- read and digested once per recast.
local function data_files(desc, vname, known)
  local paths, seen, given = {}, {}, {}
  local function add(p, source)
    if p and not seen[p] then seen[p] = true; paths[#paths + 1] = p end
    if p and source then given[p] = source end -- a limit's own (HEPData: the DOIs)
  end
  local keys = {}
  for k in pairs(desc.data) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do add(desc.data[k]) end
  local lims = { desc.limit }
  if vname and desc.variant_settings[vname] then lims[2] = desc.variant_settings[vname].limit end
  for _, l in pairs(lims) do
    if type(l) == "table" and l.files then
      for _, f in ipairs(l.files) do add(f.file, f.source) end
    end
  end
  local root = alp.root .. "/"
  local out = {}
  for _, p in ipairs(paths) do
    local rec = known[p]
    if not rec then
      local head = alp.data.csv(p, { header_only = true })
      local src = given[p] or head.meta.source and tostring(head.meta.source):match("^[^\n]*") or "not stated"
      rec = { file = p:sub(1, #root) == root and p:sub(#root + 1) or p,
              sha256 = assert(alp.fs.sha256(p)), source = src }
      known[p] = rec
    end
    out[#out + 1] = rec
  end
  return out
end

local function files_text(files)
  local lines = {}
  for _, f in ipairs(files) do
    lines[#lines + 1] = fmt("%s sha256:%s (source: %s)", f.file, f.sha256, f.source)
  end
  return #lines > 0 and concat(lines, "\n") or nil
end

local function interval_header(desc, fam, vname, res, seed, files)
  return {
    data_files = files_text(files),
    quantity = fmt("couplings %s at %g%% CL by %s (%s): one row per interval per mass%s", desc.result,
                   desc.cl * 100, desc.name, desc.experiment, desc.result == "preferred"
                   and " (preferred: the signal lies inside the measured band, alpcast/band.lua)" or ""),
    result = desc.result,
    units = "ma_GeV in GeV; c_low, c_high = c(Lambda)/f_a in TeV^-1 (Lambda = 4 pi f_a)",
    model = family.describe(fam),
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
    open_ends = res.c_max
      and fmt("c_high = inf: still " .. desc.result .. " at the EFT validity bound c/f_a = %.6g TeV^-1 "
              .. "(f_a/c > m_%s, REFERENCE D16(b)); the scan stops there.  c_low = %.3g (the bottom "
              .. "of the scan): " .. desc.result .. " down to there", res.c_max, res.c_max_parent or "P", res.couplings.min)
      or fmt("c_high = inf: " .. desc.result .. " up to the top of the scan (%.3g) and beyond; no validity bound "
             .. "(%s); c_low = %.3g (the bottom of the scan): " .. desc.result .. " down to there",
             res.couplings.max, desc.parent == "none" and "parent = \"none\": the published contours close by themselves"
             or "the recast names no parent meson", res.couplings.min),
    validity_bound = res.c_max and fmt("%.6g", res.c_max) or "none",
  }
end

-- Runs one recast into its staging folder; returns the summary entry.
-- on_desc(desc), if given, is called once the recast file has loaded.
-- tick(done, total), if given, is called after each mass of each scan.
local function run_recast(e, o, hooks, say, on_desc, tick)
  local t0 = clock()
  local entry = { name = e.name, file = e.path, status = "failed", outputs = {},
                  benchmarks = {} }
  local final = o.out .. "/" .. e.name
  local stage = o.out .. "/." .. e.name .. ".partial"
  rmtree(stage)
  -- the result cache (alpcast/result_cache.lua): not for planes, shards, merges, tests' hooks
  local rc = not (o.plane or hooks.shard or hooks.scan or hooks.tail or hooks.families) and result_cache.enabled()
             and result_cache or nil
  local key, hit
  recast.read_log = rc and {} or nil
  local ok, err = xpcall(function()
    local desc = recast.load(e.path)
    if on_desc then on_desc(desc) end
    entry.experiment, entry.signature, entry.publication = desc.experiment, desc.signature, desc.status
    entry.result = desc.result
    entry.reference = ref_text(desc.reference)
    entry.seed = o.seed or desc.seed
    entry.cl = desc.cl
    local known = {}
    entry.data_files = data_files(desc, nil, known)
    for _, vn in ipairs(desc.variant_names) do
      for _, f in ipairs(data_files(desc, vn, known)) do
        local have = false
        for _, g in ipairs(entry.data_files) do if g.file == f.file then have = true end end
        if not have then entry.data_files[#entry.data_files + 1] = f end
      end
    end
    if rc then
      for _, f in ipairs(entry.data_files) do
        recast.read_log[f.file:sub(1, 1) == "/" and f.file or (alp.root .. "/" .. f.file)] = true
      end
      key = rc.key(e.path, M.shown_path(e.path), o)
      hit = rc.lookup(e.name, key, o.out, M._json_decode)
      if hit then return end
    end
    local data = recast.data(desc)
    alp.fs.mkdir(stage .. "/extra")
    local cache = {}
    local variants = #desc.variant_names > 0 and desc.variant_names or { false }
    -- masses in all, for the progress line: each scan's, and each
    -- variant's prepare (run once, before its first scan) when it has one
    local total, base, prepared_v = 0, 0, {}
    for _, fam in ipairs(o.plane and {} or o.families) do
      for _, v in ipairs(variants) do
        if recast.applies(desc, fam, v or nil) then
          local st = v and desc.variant_settings[v] or {}
          local n = #alp.scan.grid(st.masses or desc.masses, "alpcast suite", "masses")
          local lim = st.limit or desc.limit
          local slow = desc.prepare or (type(lim) == "function")
          total = total + n + ((slow and not prepared_v[v]) and n or 0)
          prepared_v[v] = true
        end
      end
    end
    for _, fam in ipairs(o.plane and {} or o.families) do -- --plane: no benchmarks
      local b = fam.name
      local bstate, why = {}, nil
      for _, v in ipairs(variants) do
        local vname = v or nil
        -- the variant marked default = true writes <benchmark>.csv
        local is_default = vname and desc.variant_settings[vname].default
        local label = b .. ((vname and not is_default) and ("_" .. vname) or "")
        local applies, reason = recast.applies(desc, fam, vname)
        why = why or reason
        if applies then
          local res = (hooks.scan or recast.scan)(desc, fam, vname, { data = data, cache = cache, seed = o.seed,
                                                    family = hooks.families and hooks.families[b],
                                                    progress = tick and function(i, n, _, phase)
                                                      tick(base + i, total)
                                                      if i == n then base = base + n end
                                                    end })
          local file = stage .. "/" .. label .. ".csv"
          output.csv(file, { columns = { "ma_GeV", "c_low", "c_high" },
                             rows = alp.scan.rows(res),
                             header = interval_header(desc, fam, vname, res, entry.seed,
                                                      data_files(desc, vname, known)) })
          local polys = alp.contour.polygons(res)
          alp.contour.write(stage .. "/extra/" .. label .. "_polygons.csv", polys, {
            quantity = fmt("%s region of %s for %s as closed polygons", desc.result, desc.name, label),
            units = "ma_GeV in GeV; c = c(Lambda)/f_a in TeV^-1 (c_high = inf drawn at the top of the scan)",
            model = b, variant = vname, recast = desc.name, cl = desc.cl })
          bstate[#bstate + 1] = label
          entry.validity_bound = entry.validity_bound or {}
          entry.validity_bound[label] = res.c_max and { c_max = res.c_max, parent = res.c_max_parent }
                                        or "none"
          entry.outputs[#entry.outputs + 1] = e.name .. "/" .. label .. ".csv"
          if o.verbose then
            say(fmt("      %s: %d intervals, %d ratio evaluations", label, #res.intervals, res.nevals))
          end
        end
      end
      entry.benchmarks[b] = #bstate > 0 and bstate or "not applicable"
      if #bstate == 0 and why then
        entry.not_applicable = entry.not_applicable or {}
        entry.not_applicable[b] = why
      end
    end
    -- hooks.tail: a shard or `alpcast merge` (alpcast/shard.lua) runs or copies these
    local tail = hooks.tail or function(f, ...) return f(...) end
    if o.plane then tail(plane_suite.write_recast, desc, data, stage, o, entry)
    else tail(flavour.write_recast, desc, data, stage, cache, entry) end
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
  if ok and hit then -- up to date: the entry of the run that made the results
    hit.up_to_date = true
    hit.computed_time_s = hit.computed_time_s or hit.time_s -- CPU s of the run that made them
    hit.time_s = clock() - t0
    recast.read_log = nil
    return hit
  end
  entry.time_s = clock() - t0
  if ok then
    entry.status = "ok"
    if rc then rc.store(e.name, key, recast.read_log, entry, o.out, output.json_encode) end
    recast.read_log = nil
    return entry
  end
  recast.read_log = nil
  if rc then rc.forget(e.name) end
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
  if o.model then args[3], args[4] = "--model", o.model end
  local result
  local ok, err = xpcall(function()
    -- SUITE_PRINTS_HEADLINES: the script's returned headlines close the run,
    -- so it need not print them itself
    local env = setmetatable({ arg = { [0] = path, table.unpack(args) }, SUITE_PRINTS_HEADLINES = true },
                             { __index = _G })
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

-- ---- reports of the child processes -----------------------------------------

-- The children's reports (written by alp.output.json_encode) are read with
-- lua-cjson (a private instance: strict numbers, at most 64 levels deep).  A
-- report is data from another process: it is parsed, never run.  null
-- becomes nil (an absent key, a hole in an array), as before.
--
-- Integers: cjson reads every number as a float, but the parent re-encodes
-- a report and must write 1 where the child wrote 1, not 1.0.  json_encode
-- writes an integer as bare digits and a float always with "." or an
-- exponent.  So, after cjson has checked the text, each bare-digit number
-- outside the strings is rewritten as the string "\xFF<digits>" and that copy
-- is decoded; such a string becomes the integer again, read from its digits
-- (exact, as before: beyond 64 bits it stays a float).  json_encode writes
-- only valid UTF-8, where the byte 0xFF never occurs, so no real string is
-- taken for a number.  Raises "bad report: ...".
local cjson = require("cjson.safe").new()
cjson.decode_invalid_numbers(false)
cjson.decode_max_depth(64)
local null = cjson.null

local function json_decode(s)
  local _, err = cjson.decode(s)
  if err then error("bad report: " .. err, 0) end
  if s:find("\xFF", 1, true) then error("bad report: not UTF-8 (a byte 0xFF)", 0) end
  -- s with its strings blanked out (same length): where the numbers are
  local bare = s:gsub("\\.", "__"):gsub('"[^"]*"', function(q) return ("_"):rep(#q) end)
  local marked = s:gsub("()(%-?%d[%d.eE+-]*)", function(at, num)
    if bare:sub(at, at) ~= "_" and not num:find("[.eE]") then return '"\xFF' .. num .. '"' end
  end)
  local function restore(x)
    if x == null then return nil end
    if type(x) == "string" and x:byte() == 0xFF then
      local n = tonumber(x:sub(2))
      return math.tointeger(n) or n
    end
    if type(x) ~= "table" then return x end
    local t = {}
    for i = 1, #x do t[i] = restore(x[i]) end -- an array (integer keys)
    for k, y in pairs(x) do                   -- an object (string keys)
      if type(k) == "string" then t[k] = restore(y) end
    end
    return t
  end
  return restore((cjson.decode(marked)))
end
M._json_decode = json_decode

-- ---- one process per job -----------------------------------------------------

-- What the runner needs, held as locals: nothing a recast changes in its
-- own process (alp._proc fields, globals) reaches the code that ends it.
local p_fork, p_write, p_read, p_close = proc.fork, proc.write, proc.read, proc.close
local p_poll, p_wait, p_kill, p_killall = proc.poll, proc.wait, proc.kill, proc.killall
local p_exit, p_clock = proc.exit, proc.clock
local pcall, tostring, type, tonumber = pcall, tostring, type, tonumber
local json_encode = output.json_encode

-- A report without status "ok" nor an error: the child changed the library
-- it reports with (its own copy; nothing else saw the change).
local GARBLED = "its report is garbled (did it change the library in its own process?)"

local MAX_REPORT = 1 << 22 -- bytes of a child's report kept by the parent
local POLL_S = 0.05        -- the parent looks at its children this often

-- The child: run work(send) (send(line) passes a line to the parent at once;
-- work returns the report table), write "report\n" .. JSON on the pipe and
-- exit.  Never returns.
local function child(fd, work)
  local ok, err = pcall(function()
    local report = work(function(line) p_write(fd, line .. "\n") end)
    p_write(fd, "report\n" .. json_encode(report) .. "\n")
  end)
  if not ok then pcall(p_write, fd, "\nerror\n" .. tostring(err)) end
  p_exit(ok and 0 or 3)
end

-- Run jobs[i] = {work = function(send) -> report, on_kill = function()}, at
-- most `width` at once, each in a child process.  done(i, res) is called in
-- job order (1, 2, ...) as soon as jobs 1..i have ended; res = {report =
-- table (the child ended normally) or error = "one line", cpu_s, wall_s}.
-- A child's first line "timeout=S" sets its own time limit (else
-- `timeout`).  Any error in here (the "interrupted" of SIGINT/SIGTERM
-- included) kills every running child's process group, calls their on_kill
-- and is raised again.
local function run_isolated(jobs, width, timeout, done, events)
  local running, results, next_k, next_done = {}, {}, 1, 1
  events = events or {}
  -- events.order: the job numbers in the order to start them (default 1, 2, ...)
  local order = events.order or {}
  if #order ~= #jobs then for i = 1, #jobs do order[i] = i end end

  -- lines "progress=D/T" before the report: events.progress(i, D, T)
  local function scan_lines(r, chunk)
    if r.in_report then return end
    r.pending = r.pending .. chunk
    for line, rest in r.pending:gmatch("([^\n]*)\n()") do
      r.cut = rest
      if line == "report" then r.in_report = true break end
      local d, t = line:match("^progress=(%d+)/(%d+)$")
      if d and events.progress then events.progress(r.i, tonumber(d), tonumber(t)) end
    end
    if r.cut then r.pending, r.cut = r.pending:sub(r.cut), nil end
    if r.in_report then r.pending = "" end
  end

  local function collect(r)
    local chunk = p_read(r.fd)
    if chunk == nil then r.eof = true
    elseif chunk ~= "" and r.size < MAX_REPORT then
      r.text = r.text .. chunk
      r.size = r.size + #chunk
      if not r.own_timeout then
        local t = tonumber(r.text:match("^timeout=([^\n]*)\n"))
        if t then r.own_timeout, r.timeout = true, t end
      end
      scan_lines(r, chunk)
    end
  end

  local function finish(r, w, timed_out)
    collect(r)
    p_close(r.fd)
    local res = { wall_s = p_clock() - r.t0, cpu_s = w.cpu_s }
    local body = r.text:match("^report\n(.*)$") or r.text:match("\nreport\n(.*)$")
    local err = r.text:match("\nerror\n([^\n]*)")
    if timed_out then res.error = fmt("timed out after %g s", r.timeout)
    elseif w.signal then
      res.error = fmt("killed by signal %d (%s)%s", w.signal, w.signame,
                      w.signal == 9 and ": out of memory, or killed from outside" or "")
    elseif w.code ~= 0 then
      res.error = err or fmt("exited with status %d (os.exit?) before its report", w.code)
    elseif not body then res.error = "exited (status 0: os.exit?) before its report"
    else
      local ok, rep = pcall(json_decode, body)
      if ok and type(rep) == "table" then res.report = rep
      else res.error = ok and "its report is not a table" or tostring(rep) end
    end
    results[r.i] = res
  end

  local ok, err = xpcall(function()
    while next_done <= #jobs do
      while #running < width and next_k <= #jobs do
        local next_job = order[next_k]
        local pid, fd = p_fork()
        if pid == 0 then
          -- Monte Carlo threads: the cores shared by the children that will
          -- run at once (width, or fewer when fewer jobs are left: a lone
          -- recast gets every core); results do not depend on it
          local at_once = math.min(width, #running + (#jobs - next_k + 1))
          proc.set_threads(math.max(1, proc.ncpu() // math.max(1, at_once)))
          child(fd, jobs[next_job].work); p_exit(4)
        end
        running[#running + 1] = { i = next_job, pid = pid, fd = fd, text = "", size = 0,
                                  t0 = p_clock(), timeout = timeout, pending = "" }
        if events.start then events.start(next_job) end
        next_k = next_k + 1
      end
      local fds = {}
      for _, r in ipairs(running) do if not r.eof then fds[#fds + 1] = r.fd end end
      p_poll(fds, POLL_S)
      local still = {}
      for _, r in ipairs(running) do
        if not r.eof then collect(r) end
        local w = p_wait(r.pid)
        if w then finish(r, w, false)
        elseif p_clock() - r.t0 > r.timeout then
          p_kill(r.pid)
          finish(r, p_wait(r.pid, true) or { cpu_s = 0 }, true)
        else still[#still + 1] = r end
        if not still[#still] or still[#still] ~= r then
          if events.finish then events.finish(r.i) end
        end
      end
      running = still
      while results[next_done] do
        done(next_done, results[next_done])
        next_done = next_done + 1
      end
    end
  end, function(m) return m end)
  if not ok then
    p_killall() -- first: they are stopped, not asked
    for _, r in ipairs(running) do
      pcall(p_close, r.fd)
      if jobs[r.i].on_kill then jobs[r.i].on_kill() end
    end
    if is_interrupt(err) then error("interrupted", 0) end
    error(err, 0)
  end
end

-- The recasts' start order: longest first by the CPU time each took in the
-- last run into this folder (its summary.json), the others after them in
-- name order.  With -j N the slow Monte Carlo recasts then no longer start
-- last and leave cores idle at the end (issue #14); the files and the
-- report (name order) do not depend on it.
local function longest_first(list, out)
  local f = io.open(out .. "/summary.json", "rb")
  local text = f and f:read("a")
  if f then f:close() end
  local ok, prev = pcall(json_decode, text or "")
  local cost = {}
  for _, r in ipairs(ok and type(prev) == "table" and type(prev.recasts) == "table" and prev.recasts or {}) do
    local t = type(r) == "table" and (r.computed_time_s or r.time_s)
    if type(t) == "number" and type(r.name) == "string" then cost[r.name] = t end
  end
  local order = {}
  for i = 1, #list do order[i] = i end
  table.sort(order, function(a, b)
    local ca, cb = cost[list[a].name] or -1, cost[list[b].name] or -1
    if ca ~= cb then return ca > cb end
    return a < b
  end)
  return order
end

-- ---- --only ----------------------------------------------------------------------

-- Edit distance (Levenshtein) of two short names.
local function distance(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

-- The names of `candidates` close to `name` (wildcards dropped): at most 3,
-- nearest first.
local function suggestions(name, candidates)
  local bare = name:gsub("[%*%?]", ""):lower()
  local scored = {}
  for _, c in ipairs(candidates) do
    local d = distance(bare, c:lower())
    if d <= math.max(2, #bare // 3) or (#bare >= 3 and c:lower():find(bare, 1, true)) then
      scored[#scored + 1] = { c, d }
    end
  end
  table.sort(scored, function(x, y) return x[2] < y[2] or (x[2] == y[2] and x[1] < y[1]) end)
  local out = {}
  for k = 1, math.min(3, #scored) do out[k] = scored[k][1] end
  return out
end

-- nil, or the usage error for the --only names that match nothing.
local function unmatched_only(o, names)
  if not o.only then return nil end
  local bad = {}
  for k, p in ipairs(o.only) do
    local hit = false
    for _, n in ipairs(names) do if n:match(p) then hit = true; break end end
    if not hit then
      local name = o.only_names[k]
      local near = suggestions(name, names)
      bad[#bad + 1] = fmt("--only '%s' matches no recast or figure script%s", name,
                          #near > 0 and ("; did you mean " .. concat(near, ", ") .. "?") or "")
    end
  end
  return #bad > 0 and concat(bad, "\n") or nil
end

-- ---- main ------------------------------------------------------------------------------

local function figure_files(o)
  if o.no_figures then return {}, nil end
  local fdir = o.figures or (alp.root .. "/scripts/figures")
  local figs = {}
  for _, f in ipairs(alp.fs.listdir(fdir) or {}) do
    local name = f:match("^(.+)%.lua$")
    if name then figs[#figs + 1] = { name = name, path = fdir .. "/" .. f } end
  end
  return figs, fdir
end

-- The child's timeout line, from a recast's own `timeout` field.
local function timeout_line(desc)
  local t = type(desc) == "table" and desc.timeout
  if type(t) == "number" and t > 0 and t <= 1e6 then return fmt("timeout=%.17g", t) end
end

-- M.main(args [, hooks]) -> exit code.  For tests: hooks.families =
-- {cff = f, cWW = f} replaces the benchmark families (c -> model);
-- hooks.bundled = false leaves out the bundled recasts/ folder.
function M.main(args, hooks)
  hooks = hooks or {}
  local shard = require "alpcast.shard" -- --shard K/N, --resume: it comes back here with its hooks
  if not hooks.shard and shard.wanted(args) then return shard.main(args, hooks) end
  local o, err = parse(args or {})
  if not o then
    io.stderr:write("alpcast suite: " .. err .. "\n" .. "try 'alpcast suite --help'\n")
    return 2
  end
  if o.help then print(M.usage) return 0 end
  local P = progress.new { tty = proc.isatty(2), quiet = o.quiet or o.list, clock = p_clock }
  local function say(s) P:around(function() print(s) end) end
  -- the line per recast, figure or file: not with --quiet
  local function tell(s) if not o.quiet then say(s) end end
  local fok, fams = pcall(family.families, o.model)
  if not fok then
    io.stderr:write("alpcast suite: --model: " .. tostring(fams) .. "\n")
    return 2
  end
  o.families = fams
  local dirs = recast_dirs(o, hooks)
  local all = M.discover(dirs, say)
  local all_figs, fdir = figure_files(o)
  local names = {}
  for _, e in ipairs(all) do names[#names + 1] = e.name end
  for _, f in ipairs(all_figs) do names[#names + 1] = f.name end
  local bad = unmatched_only(o, names)
  if bad then
    io.stderr:write("alpcast suite: " .. bad:gsub("\n", "\nalpcast suite: ") .. "\n")
    return 2
  end
  local list = {}
  for _, e in ipairs(all) do if selected(o, e.name) then list[#list + 1] = e end end
  if hooks.plan then hooks.plan(list, o) end -- a shard's or merge's pieces (alpcast/shard.lua)

  if o.list then
    local failed = 0
    if #list == 0 then say("alpcast suite: no recasts found in " .. concat(dirs, ", ")) end
    for _, e in ipairs(list) do
      local ok, d = pcall(recast.load, e.path)
      if ok then
        local okr, r = pcall(ranges.of_recast, d)
        say(fmt("%-28s %-10s %-10s %-11s %-40s %s%s", d.name, d.experiment, d.signature, d.status,
                okr and ranges.text(r) or "ranges: " .. tostring(r):match("^[^\n]*"), ref_text(d.reference),
                d.result == "preferred" and " [preferred region]" or ""))
      else
        failed = failed + 1
        say(fmt("FAIL %s: %s", e.name, tostring(d):match("^[^\n]*")))
      end
    end
    return failed > 0 and 1 or 0
  end

  local t_start, w_start, child_cpu = clock(), p_clock(), 0
  local summary = {
    alpcast = { version = alp.version, lua = alp.lua_version, gsl = alp.gsl_version },
    started_utc = os.date("!%Y-%m-%dT%H:%M:%SZ"),
    out = o.out, recast_dirs = {}, seed_override = o.seed,
    recasts = {}, figures = {}, failures = {},
  }
  for k, d in ipairs(dirs) do summary.recast_dirs[k] = M.shown_path(d) end
  if o.model then summary.model = family.summary(o.families[1]) end
  alp.fs.mkdir(o.out)
  -- the children inherit it (alpcast/acceptance_cache.lua)
  require("alpcast.acceptance_cache").dir = not o.no_cache and o.out .. "/.cache" or nil
  result_cache.dir = not o.no_cache and o.out .. "/.cache" or nil
  if #all == 0 then
    say("alpcast suite: no recasts in " .. concat(dirs, ", ") .. "; nothing to run")
  elseif #list > 0 then
    tell(fmt("alpcast suite: %d recast%s -> %s/", #list, #list == 1 and "" or "s", o.out))
  end

  -- the recasts, each in its own process
  local jobs = {}
  for i, e in ipairs(list) do
    local stage = o.out .. "/." .. e.name .. ".partial"
    jobs[i] = {
      work = function(send)
        local msgs = {}
        local last = -math.huge
        local entry = (hooks.run_recast or run_recast)(e, o, hooks, function(l) msgs[#msgs + 1] = l end, function(desc)
          local line = timeout_line(desc)
          if line then send(line) end
        end, function(done, total)
          -- at most 4 lines a second on the pipe, and the last one
          local now = p_clock()
          if now - last >= 0.25 or done == total then
            last = now
            send(fmt("progress=%d/%d", done, total))
          end
        end)
        entry.messages = msgs
        return entry
      end,
      on_kill = function() rmtree(stage) end,
    }
  end
  run_isolated(jobs, o.jobs or proc.ncpu(), o.timeout, function(i, res)
    P:finish(list[i].name)
    local e = list[i]
    local entry = res.report or { status = "failed", error = res.error, benchmarks = {} }
    entry.name, entry.file = e.name, M.shown_path(e.path)
    entry.time_s, entry.wall_s = res.cpu_s, res.wall_s
    child_cpu = child_cpu + res.cpu_s
    if entry.status ~= "ok" then
      -- a failed, crashed or killed recast leaves nothing, not even its old results
      rmtree(o.out .. "/." .. e.name .. ".partial")
      rmtree(o.out .. "/" .. e.name)
      entry.status, entry.outputs = "failed", nil
      entry.error = tostring(entry.error or GARBLED):match("^[^\n]*")
    end
    summary.recasts[i] = entry
    if o.verbose then
      for _, l in ipairs(type(entry.messages) == "table" and entry.messages or {}) do say(l) end
    end
    entry.messages = nil
    if entry.status == "ok" then
      local done = {}
      for _, fam in ipairs(o.families) do
        local st = entry.benchmarks[fam.name]
        done[#done + 1] = type(st) == "table" and concat(st, " ") or (fam.name .. ": n/a")
      end
      -- fixed-width columns first, so the table stays aligned whatever
      -- the experiment names and the list of outputs
      tell(fmt("  ok    %-28s %7.2f s  %s, %s: %s%s", e.name, entry.time_s, entry.experiment or "",
               entry.signature or "", entry.plane or concat(done, ", "),
               entry.up_to_date and " (up to date)" or ""))
      for _, fam in ipairs((o.model or o.verbose) and o.families or {}) do
        local why = type(entry.not_applicable) == "table" and entry.not_applicable[fam.name]
        if why then tell(fmt("        %s not applicable: %s", fam.name, why)) end
      end
    else
      summary.failures[#summary.failures + 1] = e.name
      say(fmt("  FAIL  %s: %s", e.name, entry.error))
      if o.verbose and entry.traceback then say(entry.traceback) end
    end
    entry.traceback = nil
  end, {
    start = function(i) P:start(list[i].name) end,
    progress = function(i, d, t) P:update(list[i].name, d, t) end,
    finish = function(i) P:finish(list[i].name) end,
    order = longest_first(list, o.out),
  })

  if o.plane then plane_suite.figure(o, summary, say) end
  -- the figure scripts, one after the other, each in its own process
  local figs = {}
  for _, f in ipairs(all_figs) do
    -- with --model only the figures that draw a family (family.figures)
    if selected(o, f.name) and (not o.model or family.figures[f.name]) then figs[#figs + 1] = f end
  end
  if #figs > 0 then tell(fmt("figures (%s):", M.shown_path(fdir))) end
  jobs = {}
  for i, f in ipairs(figs) do
    jobs[i] = { work = function()
      -- --quiet: the script's own "wrote ..." lines too (this is its own process)
      if o.quiet then _G.print = function() end end
      return run_figure(f.path, o)
    end }
  end
  run_isolated(jobs, 1, o.timeout, function(i, res)
    local f = figs[i]
    local entry = res.report or { status = "failed", error = res.error }
    entry.name, entry.file = f.name, M.shown_path(f.path)
    entry.time_s, entry.wall_s = res.cpu_s, res.wall_s
    child_cpu = child_cpu + res.cpu_s
    summary.figures[i] = entry
    if entry.status == "ok" then
      tell(fmt("  ok    %-28s %7.2f s", entry.name, entry.time_s))
    else
      entry.status = "failed"
      entry.error = tostring(entry.error or GARBLED):match("^[^\n]*")
      summary.failures[#summary.failures + 1] = "figure:" .. entry.name
      say(fmt("  FAIL  figure %s: %s", entry.name, entry.error))
      if o.verbose and entry.traceback then say(entry.traceback) end
    end
    entry.traceback = nil
  end)

  for _, f in ipairs(summary.figures) do
    for _, line in ipairs(type(f.headline) == "table" and f.headline or {}) do say(line) end
  end
  summary.time_s = clock() - t_start + child_cpu
  summary.wall_s = p_clock() - w_start
  summary.n_failed = #summary.failures
  output.json(o.out .. "/summary.json", summary)
  -- out/citations.bib (issue 16.3); the recasts' own paths (summary.json
  -- shows them relative to the tree)
  local paths = {}
  for _, e in ipairs(list) do paths[e.name] = e.path end
  require("alpcast.cite").write_for_run(o.out, summary, paths)
  local nrec = #summary.recasts
  local nfail = #summary.failures
  say(fmt("alpcast suite: %d recast%s, %d figure script%s, %d failed (%.2f s CPU, %.2f s wall); "
          .. "%s/summary.json", nrec, nrec == 1 and "" or "s", #summary.figures,
          #summary.figures == 1 and "" or "s", nfail, summary.time_s, summary.wall_s, o.out))
  return nfail > 0 and 1 or 0
end

-- for alpcast/shard.lua and alpcast/merge.lua
M._run_isolated, M._is_interrupt, M._rmtree, M._data_files = run_isolated, is_interrupt, rmtree, data_files

return M
