-- alpcast/result_cache.lua: a recast whose inputs are unchanged since the
-- last suite run into the same folder is not computed again (as make does):
-- its results stay, its summary entry is the one that run wrote.
--
-- On with the acceptance cache (DIR/.cache of --out; `--no-cache` and
-- $ALPCAST_CACHE=off turn both off).  One file per recast,
-- DIR/.cache/results/<recast>.json, holding
--   key      sha256 over the program (version, the executable's bytes,
--            every scripts/alpcast/*.lua), the recast file's path and
--            bytes, the seed override and each model family (its name and
--            its file's bytes; the benchmarks are in the executable);
--   reads    every file the recast read through alp.data / alp.limit
--            (alp.recast's confined readers log them), with its sha256;
--   outputs  every file of DIR/<recast>/ with its sha256;
--   entry    the recast's summary entry.
-- A recast is up to date only if the key matches and every read file and
-- every output file still has its sha256: a changed data file, recast,
-- model file or library file, a new build, or an output edited or deleted
-- by hand, and it is computed again.  Files are written to NAME.tmp and
-- renamed.  Not used for --plane runs, shards or merges (their own hooks).
local alp = require "alp"

local M = { dir = nil }

local concat = table.concat

function M.enabled()
  local env = os.getenv("ALPCAST_CACHE")
  return M.dir ~= nil and env ~= "off" and env ~= "0"
end

local function sha(p) return alp.fs.sha256(p) end

-- sha256 of a file, or of a folder's files (a HEPData record): names and digests.
local function digest(p)
  if alp.fs.isdir(p) then
    local parts = {}
    for _, rel in ipairs(alp.fs.files(p)) do parts[#parts + 1] = rel .. "=" .. (sha(p .. "/" .. rel) or "?") end
    return "dir:" .. concat(parts, ",")
  end
  return sha(p) or "unreadable"
end

local fingerprint
local function program_fingerprint()
  if fingerprint then return fingerprint end
  local lib = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  local parts = { alp.version or "?", sha("/proc/self/exe") or "no-exe" }
  for _, rel in ipairs(alp.fs.files(lib)) do
    if rel:match("%.lua$") or rel:match("%.bib$") then parts[#parts + 1] = rel .. "=" .. (sha(lib .. "/" .. rel) or "?") end
  end
  fingerprint = concat(parts, "\n")
  return fingerprint
end

-- The key of recast e (its path) under options o (seed, families).
function M.key(path, shown, o)
  local parts = { program_fingerprint(), "recast " .. shown .. " " .. digest(path),
                  "seed " .. tostring(o.seed) }
  for _, fam in ipairs(o.families or {}) do
    parts[#parts + 1] = "family " .. tostring(fam.name) .. " " .. (fam.file and digest(fam.file) or "builtin")
  end
  return concat(parts, "\n")
end

local function path_of(name) return M.dir .. "/results/" .. name .. ".json" end

local function read_all(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- The stored entry of recast `name` if it is up to date, else nil.
-- decode: the suite's JSON reader (integers kept).
function M.lookup(name, key, out, decode)
  if not M.enabled() then return nil end
  local text = read_all(path_of(name))
  if not text then return nil end
  local ok, t = pcall(decode, text)
  if not ok or type(t) ~= "table" or t.key ~= key or type(t.entry) ~= "table" then return nil end
  for _, r in ipairs(t.reads or {}) do
    if digest(r.file) ~= r.sha256 then return nil end
  end
  local dir = out .. "/" .. name
  local have = alp.fs.files(dir)
  if #have ~= #(t.outputs or {}) then return nil end
  for i, f in ipairs(t.outputs) do
    if have[i] ~= f.file or sha(dir .. "/" .. f.file) ~= f.sha256 then return nil end
  end
  return t.entry
end

-- Record recast `name`'s results (after they are published in out/name).
-- reads: set of full paths the recast read.  encode: the suite's JSON writer.
function M.store(name, key, reads, entry, out, encode)
  if not M.enabled() then return end
  local t = { key = key, reads = {}, outputs = {}, entry = entry }
  local paths = {}
  for p in pairs(reads or {}) do paths[#paths + 1] = p end
  table.sort(paths)
  for _, p in ipairs(paths) do t.reads[#t.reads + 1] = { file = p, sha256 = digest(p) } end
  local dir = out .. "/" .. name
  for _, rel in ipairs(alp.fs.files(dir)) do
    t.outputs[#t.outputs + 1] = { file = rel, sha256 = sha(dir .. "/" .. rel) }
  end
  local p = path_of(name)
  if not pcall(alp.fs.mkdir, M.dir .. "/results") then return end
  local f = io.open(p .. ".tmp", "wb")
  if not f then return end
  local ok = f:write(encode(t), "\n")
  f:close()
  if ok then os.rename(p .. ".tmp", p) else os.remove(p .. ".tmp") end
end

-- Forget recast `name` (a failed run).
function M.forget(name)
  if M.dir then os.remove(path_of(name)) end
end

return M
