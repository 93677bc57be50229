-- alpcast/merge.lua: `alpcast merge OUT SHARD_DIR...` -- the shard folders
-- of `alpcast suite --shard K/N` (alpcast/shard.lua) into the files of a
-- one-machine `alpcast suite`.
--
-- It refuses (exit 1, naming the folder) shards that are missing, given
-- twice, incomplete (a killed shard: rerun it with --resume), or that do not
-- match: program version, N, --chunk, --seed, the suite's arguments, the
-- SHA-256 of any recast or data file, also against the files of this tree.
--
-- Then it runs the suite itself with the arguments the shards ran with and
-- --out OUT, the scans replaced by the shards' per-mass intervals
-- (hooks.scan) and the tail pieces' files copied (hooks.tail): every file is
-- written by the suite's own code from the same numbers, so OUT holds the
-- bytes of a one-machine run.  The figure scripts run here.  summary.json
-- differs only in its timings (time_s, wall_s: the shards' piece times plus
-- the merge's), started_utc, and "merged" (the shard folders).
local alp = require "alp"
local output = require "alpcast.output"
local plan = require "alpcast.shard_plan"
local shard = require "alpcast.shard"

local M = {}

local fmt, concat = string.format, table.concat

M.usage = [[
usage: alpcast merge OUT SHARD_DIR... [-j N] [-q] [-v]

Joins the folders written by `alpcast suite --shard K/N --out SHARD_DIR`
(K = 1..N, in any order) into OUT: the files and bytes of a one-machine
`alpcast suite` with the same options (summary.json: only the timings,
started_utc and "merged" differ).  Runs the figure scripts.  Refuses, naming
the folder, a shard missing, given twice, incomplete (rerun it with
--resume) or mismatched (program version, seeds, options, input files'
SHA-256).  Exit 0 all ok, 1 refused or a recast/figure failed, 2 usage.]]

local function refuse(msg) error({ refuse = msg }, 0) end

-- Read and check the shard folders; returns the first manifest and
-- state = {pieces = {key -> piece}, dir = {key -> folder}, units = ...}.
local function check(dirs)
  local ms = {}
  for i, d in ipairs(dirs) do
    local p = d .. "/manifest.json"
    if not shard.exists(p) then
      refuse(fmt("%s: no manifest.json (not a folder of 'alpcast suite --shard K/N --out %s')", d, d))
    end
    local ok, m = pcall(shard.read_json, p)
    if not ok then refuse(tostring(m)) end
    if type(m.shard) ~= "table" or type(m.mine) ~= "table" or type(m.pieces) ~= "table" then
      refuse(fmt("%s: its manifest.json lacks shard, pieces or mine", p))
    end
    ms[i] = m
  end
  local first = ms[1]
  for i = 2, #ms do
    local diff = shard.difference(first, ms[i])
    if diff then refuse(fmt("%s does not match %s: %s", dirs[i], dirs[1], diff)) end
  end
  local n, by_k = first.shard.n, {}
  for i, m in ipairs(ms) do
    local k = m.shard.k
    if by_k[k] then refuse(fmt("shard %d/%d given twice: %s and %s", k, n, dirs[by_k[k]], dirs[i])) end
    by_k[k] = i
  end
  local missing = {}
  for k = 1, n do if not by_k[k] then missing[#missing + 1] = fmt("%d/%d", k, n) end end
  if #missing > 0 then
    refuse(fmt("shard%s %s missing (give all %d shard folders)", #missing > 1 and "s" or "",
               concat(missing, ", "), n))
  end
  -- every piece in exactly one shard, and there
  local holder, state = {}, { pieces = {}, dir = {} }
  for i, m in ipairs(ms) do
    for _, key in ipairs(m.mine) do
      if holder[key] then refuse(fmt("piece %s is in %s and %s", key, dirs[holder[key]], dirs[i])) end
      holder[key] = i
    end
  end
  for _, key in ipairs(first.pieces) do
    if not holder[key] then refuse(fmt("piece %s is in no shard", key)) end
  end
  for i, m in ipairs(ms) do
    local gone = {}
    for _, key in ipairs(m.mine) do
      local name, id = key:match("^(.*)/([^/]+)$")
      local file = shard.piece_file(dirs[i], { recast = name, id = id })
      if shard.exists(file) then
        local ok, piece = pcall(shard.read_json, file)
        if not ok then refuse(tostring(piece)) end
        state.pieces[key], state.dir[key] = piece, dirs[i]
      else gone[#gone + 1] = key end
    end
    if #gone > 0 then
      refuse(fmt("%s (shard %d/%d) is incomplete: %d of %d pieces missing (%s%s); rerun it with --resume",
                 dirs[i], m.shard.k, n, #gone, #m.mine, concat(gone, ", ", 1, math.min(3, #gone)),
                 #gone > 3 and ", ..." or ""))
    end
  end
  return first, state
end

-- hooks.scan: the scan result of (recast, model, variant) from its pieces,
-- as alp.scan.run returns it (the fields the suite writes from).
local function scan_hook(state)
  return function(desc, b, vname)
    local name = type(b) == "table" and b.name or b
    local masses = plan.masses(desc, vname)
    local res = { masses = masses, by_mass = {}, intervals = {}, nevals = 0, time_s = 0 }
    for _, u in ipairs(state.units[desc.name] or {}) do
      local has = false
      for _, v in ipairs(u.variants or {}) do if (v or nil) == vname then has = true end end
      if has then
        local piece = state.pieces[plan.key(u)]
        local sc = piece and piece.scans and piece.scans[shard.scan_key(name, vname)]
        if not sc then error(fmt("piece %s holds no scan of %s %s", plan.key(u), name, vname or ""), 0) end
        local un = shard.unnum
        local common = { min = un(sc.couplings[1]), max = un(sc.couplings[2]), n = sc.couplings[3],
                         rtol = un(sc.rtol), c_max = sc.c_max and un(sc.c_max) or nil,
                         parent = sc.c_max_parent or nil }
        if not res.couplings then
          res.couplings = { min = common.min, max = common.max, n = common.n }
          res.rtol, res.c_max, res.c_max_parent = common.rtol, common.c_max, common.parent
          res.family = sc.family or nil
        elseif res.couplings.min ~= common.min or res.couplings.max ~= common.max
               or res.couplings.n ~= common.n or res.rtol ~= common.rtol or res.c_max ~= common.c_max then
          error(fmt("piece %s scanned other couplings than the first piece of %s", plan.key(u), desc.name), 0)
        end
        if #sc.by_mass ~= u.i1 - u.i0 + 1 then
          error(fmt("piece %s holds %d masses, not %d", plan.key(u), #sc.by_mass, u.i1 - u.i0 + 1), 0)
        end
        for k, ivs in ipairs(sc.by_mass) do
          local i = u.i0 + k - 1
          local t = {}
          for j, iv in ipairs(ivs) do
            t[j] = { un(iv[1]), un(iv[2]), iv[3], iv[4] }
            res.intervals[#res.intervals + 1] = { ma = masses[i], lo = t[j][1], hi = t[j][2],
                                                  open_low = iv[3], open_high = iv[4] }
          end
          res.by_mass[i] = t
        end
        res.nevals = res.nevals + sc.nevals
      end
    end
    if not res.couplings then error(fmt("no piece holds %s %s", desc.name, name), 0) end
    return res
  end
end

local function copy(from, to)
  local f = assert(io.open(from, "rb"))
  local s = f:read("a")
  f:close()
  local dir = to:match("^(.*)/[^/]*$")
  if dir then alp.fs.mkdir(dir) end
  local g = assert(io.open(to, "wb"))
  assert(g:write(s))
  assert(g:close())
end

-- hooks.tail: the tail piece's files into the recast's staging folder and
-- its summary fields into the entry (the last argument).
local function tail_hook(state)
  return function(_, desc, ...)
    local args = table.pack(...)
    local stage, entry = args[2], args[args.n]
    local key = desc.name .. "/tail"
    local piece = state.pieces[key]
    if not piece or type(piece.tail) ~= "table" then error("no tail piece " .. key, 0) end
    local from = shard.piece_dir(state.dir[key], desc.name) .. "/tail/"
    for _, f in ipairs(piece.tail.files or {}) do copy(from .. f, stage .. "/" .. f) end
    for k, v in pairs(piece.tail.fields or {}) do entry[k] = v end
    -- the Monte Carlo tables of all its pieces, as if made in this process
    -- (alp.acceptance.error_table: the recast's extra reads them next)
    local acc = require "alpcast.acceptance"
    for _, u in ipairs(state.units[desc.name] or {}) do
      acc._add_error_rows(shard.decode_rows(state.pieces[plan.key(u)].mc_errors))
    end
    for _, o in ipairs(piece.tail.outputs or {}) do entry.outputs[#entry.outputs + 1] = o end
  end
end

local function parse(args)
  local out, dirs, free = nil, {}, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "-h" or a == "--help" then return { help = true }
    elseif a == "-q" or a == "--quiet" or a == "-v" or a == "--verbose" then free[#free + 1] = a
    elseif a == "-j" or a == "--jobs" then
      if not args[i + 1] then return nil, "option -j needs a value" end
      free[#free + 1], free[#free + 2] = a, args[i + 1]
      i = i + 1
    elseif a:match("^%-") then return nil, fmt("unknown option '%s'", a)
    elseif not out then out = a
    else dirs[#dirs + 1] = a end
    i = i + 1
  end
  if not out then return nil, "give the output folder OUT and the shard folders" end
  if #dirs == 0 then return nil, "give the shard folders after OUT" end
  return { out = out, dirs = dirs, free = free }
end

-- The sum over a recast's pieces of their CPU times.
local function piece_times(state)
  local t, total = {}, 0
  for key, p in pairs(state.pieces) do
    local name = key:match("^(.*)/[^/]+$")
    t[name] = (t[name] or 0) + (tonumber(p.time_s) or 0)
    total = total + (tonumber(p.time_s) or 0)
  end
  return t, total
end

-- `alpcast merge OUT SHARD_DIR...` -> exit code
function M.main(args, hooks)
  local o, err = parse(args or {})
  if not o then
    io.stderr:write("alpcast merge: " .. err .. "\n" .. M.usage .. "\n")
    return 2
  end
  if o.help then print(M.usage) return 0 end
  local suite = require "alpcast.suite"
  local ok, code = pcall(function()
    local first, state = check(o.dirs)
    local h = {}
    for k, v in pairs(hooks or {}) do h[k] = v end
    h.shard, h.scan, h.tail = true, scan_hook(state), tail_hook(state)
    h.plan = function(list, so)
      -- this tree's recasts and data files must be those the shards read
      local p = shard.plan(list, so, first.shard.n, first.chunk)
      local now = shard.manifest(p, { k = 1, n = first.shard.n, chunk = first.chunk }, first.args, so)
      local diff = shard.difference(first, now)
      if diff then refuse(fmt("the shards do not match this tree (%s): %s", alp.root, diff)) end
      state.units = {}
      for _, u in ipairs(p.units) do
        state.units[u.recast] = state.units[u.recast] or {}
        local t = state.units[u.recast]
        t[#t + 1] = u
      end
    end
    local sargs = {}
    for _, a in ipairs(first.args) do sargs[#sargs + 1] = a end
    sargs[#sargs + 1], sargs[#sargs + 2] = "--out", o.out
    for _, a in ipairs(o.free) do sargs[#sargs + 1] = a end
    local c = suite.main(sargs, h)
    -- summary.json: the timings summed over the pieces, and where it came from
    local spath = o.out .. "/summary.json"
    local summary = shard.read_json(spath)
    local per, total = piece_times(state)
    for _, e in ipairs(summary.recasts or {}) do
      e.time_s = (e.time_s or 0) + (per[e.name] or 0)
    end
    summary.time_s = (summary.time_s or 0) + total
    local shown = {}
    for i, d in ipairs(o.dirs) do shown[i] = suite.shown_path(d) end
    summary.merged = { shards = first.shard.n, folders = shown, pieces = #first.pieces,
                       pieces_time_s = total,
                       note = "time_s: the shards' piece CPU times plus the merge's; wall_s: the merge's" }
    output.json(spath, summary)
    return c
  end)
  if ok then return code end
  if type(code) == "table" and code.refuse then
    io.stderr:write("alpcast merge: " .. code.refuse .. "\n")
    return 1
  end
  error(code, 0)
end

return M
