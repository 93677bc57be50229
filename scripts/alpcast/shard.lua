-- alpcast/shard.lua: `alpcast suite --shard K/N [--resume] [--chunk M]`.
-- The suite's pieces (alpcast/shard_plan.lua) are split into N shards; this
-- run computes the pieces of shard K and writes, into its --out folder DIR:
--   DIR/manifest.json                  program version, shard K/N, chunk,
--       the suite's arguments, seeds, every input's SHA-256 (recast files and
--       their data files), the pieces of all shards and which this one holds
--   DIR/pieces/<recast>/<piece>.json   one per finished piece: the per-mass
--       intervals of each model, numbers as %.17g text (exact to the bit)
--   DIR/pieces/<recast>/tail/...       a tail piece's files (flavour bounds,
--       a plane), as the suite writes them
--   DIR/summary.json                   the suite's own summary of this run
-- No figure script runs (the merge runs them).  A piece is written to a
-- temporary name and renamed when finished, so a shard killed part-way
-- leaves only whole pieces; --resume keeps them (if the manifest is the
-- same) and computes the rest.  `alpcast merge` (alpcast/merge.lua) turns
-- the N folders into the files of a one-machine run.
--
-- The suite runs as usual with three hooks (suite.lua): plan (the pieces
-- of this shard, in the parent), run_recast (in each recast's process:
-- compute its pieces here) and, in the merge, scan and tail.
local alp = require "alp"
local recast = require "alpcast.recast"
local output = require "alpcast.output"
local plan = require "alpcast.shard_plan"

local M = {}

local fmt, concat = string.format, table.concat

M.usage = [[
  --shard K/N      compute only shard K of N (1 <= K <= N <= 10000): a fixed
                   split of the work (recasts x models x variants x chunks
                   of masses) into N parts of about equal cost.  DIR gets
                   manifest.json and pieces/, no figures; `alpcast merge OUT
                   DIR_1 ... DIR_N` writes the files of a one-machine run
  --resume         with --shard: keep the pieces an earlier (killed) run of
                   this shard into DIR finished; compute only the others
  --chunk M        with --shard: masses per piece (default 25)]]

local OWN = { ["--shard"] = true, ["--resume"] = false, ["--chunk"] = true }
-- suite options that do not change a result (left out of the manifest)
local FREE = { ["--out"] = true, ["-j"] = true, ["--jobs"] = true, ["--timeout"] = true,
               ["-q"] = false, ["--quiet"] = false, ["-v"] = false, ["--verbose"] = false,
               ["--no-cache"] = false }

local function suite() return require "alpcast.suite" end

-- The option name of an argument ("--shard=1/4" -> "--shard", "1/4").
local function opt(a)
  local k, v = a:match("^(%-%-[%w-]+)=(.*)$")
  return k or a, v
end

function M.wanted(args)
  for _, a in ipairs(args or {}) do if OWN[opt(a)] ~= nil then return true end end
  return false
end

-- Splits args into ours ({k, n, resume, chunk}), the arguments that fix the
-- results (kept in the manifest, in order) and the rest.  nil, error on bad
-- values.
function M.parse(args)
  local s = { resume = false, chunk = plan.default_chunk }
  local kept, free = {}, {}
  local i = 1
  while i <= #args do
    local a, inline = opt(args[i])
    local function value()
      if inline then return inline end
      i = i + 1
      return args[i]
    end
    if OWN[a] ~= nil then
      if a == "--resume" then s.resume = true
      else
        local v = value()
        if v == nil then return nil, fmt("option %s needs a value", a) end
        if a == "--shard" then
          local k, n = v:match("^(%d+)/(%d+)$")
          k, n = math.tointeger(tonumber(k)), math.tointeger(tonumber(n))
          if not k or not n or k < 1 or n < 1 or k > n or n > 10000 then
            return nil, fmt("--shard needs K/N with integers 1 <= K <= N <= 10000, got '%s'", v)
          end
          s.k, s.n = k, n
        else
          local c = math.tointeger(tonumber(v))
          if not c or c < 1 or c > 1000000 then
            return nil, fmt("--chunk needs an integer number of masses in [1, 1000000], got '%s'", v)
          end
          s.chunk = c
        end
      end
    elseif FREE[a] ~= nil or a:match("^%-j%d+$") then
      free[#free + 1] = args[i]
      if FREE[a] and not inline then i = i + 1; free[#free + 1] = args[i] end
    else kept[#kept + 1] = args[i] end
    i = i + 1
  end
  if not s.k then return nil, "--resume and --chunk need --shard K/N" end
  return s, kept, free
end

-- ---- pieces on disk ---------------------------------------------------------

-- numbers as text, exact (%.17g round-trips a double; inf as "inf")
local function num(x)
  if x == math.huge then return "inf" elseif x == -math.huge then return "-inf" end
  return fmt("%.17g", x)
end
local function unnum(s)
  if s == "inf" then return math.huge elseif s == "-inf" then return -math.huge end
  local x = tonumber(s)
  if type(s) ~= "string" or not x then error("bad number '" .. tostring(s) .. "' in a piece", 0) end
  return x + 0.0
end
M.num, M.unnum = num, unnum

-- a scan's key in a piece: model and variant
function M.scan_key(model, vname) return model .. "|" .. (vname or "") end

function M.piece_dir(dir, name) return dir .. "/pieces/" .. name end
function M.piece_file(dir, u) return M.piece_dir(dir, u.recast) .. "/" .. u.id .. ".json" end

local function exists(p)
  local f = io.open(p, "rb")
  if f then f:close() return true end
  return false
end
M.exists = exists

function M.read_json(path)
  local f, err = io.open(path, "rb")
  if not f then error(err, 0) end
  local s = f:read("a")
  f:close()
  local ok, t = pcall(suite()._json_decode, s)
  if not ok or type(t) ~= "table" then error(fmt("%s: not a JSON object (%s)", path, tostring(t)), 0) end
  return t
end

-- Monte Carlo error rows (alp.acceptance.error_table) as JSON: floats as
-- exact text "f:..", strings "s:..", integers as they are.
local function encode_rows(rows)
  local out = {}
  for i, r in ipairs(rows) do
    local t = {}
    for j, x in ipairs(r) do
      t[j] = math.type(x) == "integer" and x or type(x) == "number" and "f:" .. num(x) or "s:" .. tostring(x)
    end
    out[i] = t
  end
  return out
end
function M.decode_rows(rows)
  local out = {}
  for i, r in ipairs(rows or {}) do
    local t = {}
    for j, x in ipairs(r) do
      if type(x) ~= "string" then t[j] = x
      elseif x:sub(1, 2) == "f:" then
        local v = x:sub(3)
        t[j] = (v == "nan" or v == "-nan") and 0 / 0 or unnum(v)
      else t[j] = x:sub(3) end
    end
    out[i] = t
  end
  return out
end

-- A scan result's per-mass part, as text.
local function encode_scan(res)
  local by_mass = {}
  for k, ivs in ipairs(res.by_mass) do
    local t = {}
    for j, iv in ipairs(ivs) do t[j] = { num(iv[1]), num(iv[2]), iv[3] and true or false, iv[4] and true or false } end
    by_mass[k] = t
  end
  return { couplings = { num(res.couplings.min), num(res.couplings.max), res.couplings.n },
           rtol = num(res.rtol), c_max = res.c_max and num(res.c_max) or false,
           c_max_parent = res.c_max_parent or false, family = res.family or false,
           nevals = res.nevals, by_mass = by_mass }
end


-- ---- running a shard -----------------------------------------------------------

-- Compute one piece; write it (temp + rename).
local function compute(desc, data, u, o, hooks, dir)
  local t0 = os.clock()
  local piece = { recast = u.recast, id = u.id }
  local acc_rows = require("alpcast.acceptance")._error_rows()
  local nrows = #acc_rows
  local pdir = M.piece_dir(dir, u.recast)
  alp.fs.mkdir(pdir)
  if u.tail then
    local stage, final = pdir .. "/.tail.partial", pdir .. "/tail"
    suite()._rmtree(stage)
    alp.fs.mkdir(stage .. "/extra")
    local entry = { outputs = {}, seed = o.seed or desc.seed }
    if o.plane then require("alpcast.plane_suite").write_recast(desc, data, stage, o, entry)
    else require("alpcast.flavour").write_recast(desc, data, stage, nil, entry) end
    local fields = {}
    for k, v in pairs(entry) do if k ~= "outputs" and k ~= "seed" then fields[k] = v end end
    piece.tail = { fields = fields, outputs = entry.outputs, files = alp.fs.files(stage) }
    suite()._rmtree(final)
    assert(os.rename(stage, final))
  else
    local args = {}
    for _, m in ipairs(plan.models(o)) do args[m.name] = m.arg end
    local cache = {} -- prepare once per variant and mass, shared by the models
    piece.i0, piece.i1, piece.scans = u.i0, u.i1, {}
    for _, v in ipairs(u.variants) do
      local vname = v or nil
      local all = plan.masses(desc, vname)
      local masses = {}
      for i = u.i0, u.i1 do masses[#masses + 1] = all[i] end
      for _, name in ipairs(u.models[v or "-"]) do
        local res = recast.scan(desc, args[name], vname, {
          data = data, cache = cache, seed = o.seed, masses = masses,
          family = hooks.families and hooks.families[name] })
        piece.scans[M.scan_key(name, vname)] = encode_scan(res)
      end
    end
  end
  -- the Monte Carlo tables this piece made first in this process, for the
  -- recast's extra p_errors table at the merge
  piece.mc_errors = encode_rows(table.move(acc_rows, nrows + 1, #acc_rows, 1, {}))
  piece.time_s = os.clock() - t0
  output.json(M.piece_file(dir, u), piece)
end

-- hooks.run_recast of a shard (in the recast's own process): its pieces of
-- this shard that are not there yet.
local function run_recast(state)
  return function(e, o, hooks, _, on_desc, tick)
    local t0 = os.clock()
    local units = state.mine[e.name] or {}
    local entry = { name = e.name, file = e.path, status = "failed", benchmarks = {}, outputs = {},
                    pieces = #units, resumed = 0 }
    local ok, err = xpcall(function()
      if #units == 0 then return end
      local desc = recast.load(e.path)
      if on_desc then on_desc(desc) end
      entry.experiment, entry.signature = desc.experiment, desc.signature
      local data = recast.data(desc)
      for i, u in ipairs(units) do
        if state.resume and exists(M.piece_file(o.out, u)) then entry.resumed = entry.resumed + 1
        else compute(desc, data, u, o, hooks, o.out) end
        if tick then tick(i, #units) end
      end
    end, function(m) return debug.traceback(tostring(m), 2) end)
    entry.time_s = os.clock() - t0
    -- the suite prints entry.plane in its "ok" line
    entry.plane = fmt("%d piece%s of shard %d/%d%s", #units, #units == 1 and "" or "s", state.k, state.n,
                      entry.resumed > 0 and fmt(" (%d from before)", entry.resumed) or "")
    if ok then entry.status = "ok"; entry.outputs = nil return entry end
    if suite()._is_interrupt(err) then error("interrupted", 0) end
    entry.error, entry.traceback = tostring(err):match("^[^\n]*"), tostring(err)
    return entry
  end
end

-- The inputs of a recast: its file and data files with their SHA-256.
local function inputs_of(e, desc)
  local t = { file = suite().shown_path(e.path), sha256 = alp.fs.sha256(e.path) or "unreadable" }
  if desc then
    t.seed = desc.seed
    local known, files = {}, {}
    local function add(list)
      for _, f in ipairs(list) do
        if not files[f.file] then files[f.file] = f.sha256 end
      end
    end
    add(suite()._data_files(desc, nil, known))
    for _, vn in ipairs(desc.variant_names) do add(suite()._data_files(desc, vn, known)) end
    t.data_files = files
  end
  return t
end

-- The whole plan for the selected recasts: {units = {...}, by = {key ->
-- unit}, inputs = {recast -> inputs}}, the split into n shards.
function M.plan(list, o, n, chunk)
  local units, inputs = {}, {}
  local models = plan.models(o)
  for _, e in ipairs(list) do
    local ok, desc = pcall(recast.load, e.path)
    -- a recast that does not load gets one piece: it fails there, as in the suite
    local us = ok and plan.units(desc, models, chunk)
               or { { id = "tail", recast = e.name, tail = true, cost = 1 } }
    for _, u in ipairs(us) do units[#units + 1] = u end
    inputs[e.name] = inputs_of(e, ok and desc or nil)
  end
  -- a model family's file is an input too
  for _, fam in ipairs(o.families or {}) do
    if fam.file then inputs["model " .. fam.name] = { file = suite().shown_path(fam.file), sha256 = alp.fs.sha256(fam.file) } end
  end
  local shard, load = plan.split(units, n)
  for i, u in ipairs(units) do u.shard = shard[i] end
  return { units = units, inputs = inputs, load = load }
end

-- The manifest of shard k (what the merge checks).
function M.manifest(p, s, kept, o)
  local pieces, mine = {}, {}
  for _, u in ipairs(p.units) do
    pieces[#pieces + 1] = plan.key(u)
    if u.shard == s.k then mine[#mine + 1] = plan.key(u) end
  end
  return {
    alpcast = { version = alp.version, lua = alp.lua_version, gsl = alp.gsl_version },
    shard = { k = s.k, n = s.n }, chunk = s.chunk, args = kept, seed_override = o.seed,
    inputs = p.inputs, pieces = pieces, mine = mine, cost = p.load[s.k],
  }
end

-- What two manifests must share (everything but the shard's own part).
function M.common(m)
  return output.json_encode { alpcast = m.alpcast, n = m.shard and m.shard.n, chunk = m.chunk,
                              args = m.args, seed_override = m.seed_override, inputs = m.inputs,
                              pieces = m.pieces }
end

-- The first difference of two manifests' common parts, in words.
function M.difference(a, b)
  if output.json_encode(a.alpcast) ~= output.json_encode(b.alpcast) then
    return fmt("program version %s vs %s", tostring(a.alpcast and a.alpcast.version),
               tostring(b.alpcast and b.alpcast.version))
  end
  if (a.shard and a.shard.n) ~= (b.shard and b.shard.n) then
    return fmt("N = %s vs %s shards", tostring(a.shard and a.shard.n), tostring(b.shard and b.shard.n))
  end
  if a.chunk ~= b.chunk then return fmt("--chunk %s vs %s", tostring(a.chunk), tostring(b.chunk)) end
  if a.seed_override ~= b.seed_override then
    return fmt("--seed %s vs %s", tostring(a.seed_override), tostring(b.seed_override))
  end
  if output.json_encode(a.args) ~= output.json_encode(b.args) then
    return fmt("suite arguments '%s' vs '%s'", concat(a.args or {}, " "), concat(b.args or {}, " "))
  end
  local ia, ib = a.inputs or {}, b.inputs or {}
  local names = {}
  for k in pairs(ia) do names[#names + 1] = k end
  for k in pairs(ib) do if not ia[k] then names[#names + 1] = k end end
  table.sort(names)
  for _, k in ipairs(names) do
    local x, y = ia[k], ib[k]
    if not x or not y then return fmt("recast %s only in one of them", k) end
    if x.sha256 ~= y.sha256 then return fmt("%s: SHA-256 %s vs %s", x.file, x.sha256:sub(1, 12), y.sha256:sub(1, 12)) end
    if x.seed ~= y.seed then return fmt("%s: seed %s vs %s", x.file, tostring(x.seed), tostring(y.seed)) end
    local fa, fb = x.data_files or {}, y.data_files or {}
    for f, h in pairs(fa) do
      if fb[f] ~= h then return fmt("%s: SHA-256 %s vs %s", f, h:sub(1, 12), tostring(fb[f]):sub(1, 12)) end
    end
    for f in pairs(fb) do if not fa[f] then return fmt("data file %s only in one of them", f) end end
  end
  if M.common(a) ~= M.common(b) then return "the piece lists differ" end
  return nil
end

-- `alpcast suite --shard K/N ...` -> exit code
function M.main(args, hooks)
  local s, kept, free = M.parse(args)
  if not s then
    io.stderr:write("alpcast suite: " .. kept .. "\ntry 'alpcast suite --help'\n")
    return 2
  end
  local state = { resume = s.resume, mine = {}, k = s.k, n = s.n }
  local h = {}
  for k, v in pairs(hooks or {}) do h[k] = v end
  h.shard = true
  h.run_recast = run_recast(state)
  h.plan = function(list, o)
    if o.list then return end
    local p = M.plan(list, o, s.n, s.chunk)
    local m = M.manifest(p, s, kept, o)
    local mpath = o.out .. "/manifest.json"
    if s.resume and exists(mpath) then
      local old = M.read_json(mpath)
      local diff = M.difference(old, m)
      if not diff and (old.shard.k ~= s.k) then diff = fmt("shard %d/%d vs %d/%d", old.shard.k, old.shard.n, s.k, s.n) end
      if diff then
        error({ usage = fmt("--resume: %s holds another run (%s); rerun without --resume", o.out, diff) })
      end
    else
      suite()._rmtree(o.out .. "/pieces")
    end
    alp.fs.mkdir(o.out)
    output.json(mpath, m)
    for _, u in ipairs(p.units) do
      if u.shard == s.k then
        state.mine[u.recast] = state.mine[u.recast] or {}
        local t = state.mine[u.recast]
        t[#t + 1] = u
      end
    end
  end
  local sargs = {}
  for _, a in ipairs(kept) do sargs[#sargs + 1] = a end
  for _, a in ipairs(free) do sargs[#sargs + 1] = a end
  sargs[#sargs + 1] = "--no-figures"
  local ok, code = pcall(suite().main, sargs, h)
  if ok then return code end
  if type(code) == "table" and code.usage then
    io.stderr:write("alpcast suite: " .. code.usage .. "\n")
    return 2
  end
  error(code, 0)
end

return M
