-- alpcast/acceptance_cache.lua: the on-disk cache of alp.acceptance tables,
-- so that a second suite run skips the Monte Carlo (event generation, path
-- tables, decay probabilities) of every mass it has seen.
--
-- Off unless a folder is set: M.dir (the suite sets DIR/.cache of its
-- --out, `--no-cache` leaves it off); $ALPCAST_CACHE=off turns it off
-- everywhere.  One text file per table, named by the table's key
-- (experiment, volume, side, m_a, events, seed, grid); inside it the
-- fingerprint of the program that made it: sha256 of the version, the
-- executable's bytes (every C formula, the generator, the geometry) and
-- acceptance.lua's source.  A file is used only if its fingerprint and key
-- match and its FNV-1a 64-bit checksum over the body is right; anything
-- else (an older program, a truncated or edited file) is recomputed and
-- overwritten.  Files are written to NAME.tmp and renamed (never
-- half-written).  Numbers are stored with %.17g: they read back bit for
-- bit, so a cached table gives the same output bytes as a computed one.
local alp = require "alp"

local M = { dir = nil }

local fmt, concat = string.format, table.concat
local MAGIC = "# alpcast acceptance cache v1"

local function enabled()
  local env = os.getenv("ALPCAST_CACHE")
  return M.dir ~= nil and env ~= "off" and env ~= "0"
end

-- sha256 of everything the table depends on besides its key (once per process).
local fingerprint
local function program_fingerprint()
  if fingerprint then return fingerprint end
  local src = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  local parts = { alp.version or "?",
                  alp.fs.sha256("/proc/self/exe") or "no-exe",
                  alp.fs.sha256(src .. "/acceptance.lua") or "no-src" }
  fingerprint = concat(parts, ":")
  return fingerprint
end

-- FNV-1a, 64 bits (Fowler, Noll, Vo), over the bytes of s.
local function fnv1a(s)
  local h = -3750763034362895579 -- 0xcbf29ce484222325
  for i = 1, #s do
    h = (h ~ s:byte(i)) * 1099511628211
  end
  return fmt("%016x", h)
end

local function path_of(key)
  return M.dir .. "/" .. key:gsub("[^%w%.%-_]", "_") .. ".txt"
end

local SCALARS = { "p0", "p0_err", "p_inf", "p_inf_err", "betagamma_min", "betagamma_max" }

-- The table t of key `key` as text (without the checksum line).
local function encode(key, t)
  local out = { MAGIC, "fingerprint " .. program_fingerprint(), "key " .. key }
  for _, k in ipairs(SCALARS) do out[#out + 1] = fmt("scalar %s %.17g", k, t[k]) end
  local names = {}
  for k in pairs(t.info) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    local v = t.info[k]
    if type(v) == "number" then out[#out + 1] = fmt("info %s n %.17g", k, v)
    elseif type(v) == "string" and not v:find("\n") then out[#out + 1] = fmt("info %s s %s", k, v) end
  end
  out[#out + 1] = fmt("grid %d", #t.ctau)
  for i = 1, #t.ctau do out[#out + 1] = fmt("%.17g %.17g %.17g", t.ctau[i], t.p[i], t.err[i]) end
  return concat(out, "\n") .. "\n"
end

-- The fields of a table from the text of a cache file, or nil if it is not
-- a valid file for this key and program.
local function decode(key, text)
  local body, sum = text:match("^(.*\n)checksum (%x+)\n$")
  if not body or fnv1a(body) ~= sum then return nil end
  local lines = {}
  for l in body:gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  if lines[1] ~= MAGIC or lines[2] ~= "fingerprint " .. program_fingerprint()
     or lines[3] ~= "key " .. key then return nil end
  local t, info, i = {}, {}, 4
  while lines[i] and lines[i]:match("^scalar ") do
    local k, v = lines[i]:match("^scalar (%S+) (%S+)$")
    t[k] = tonumber(v)
    i = i + 1
  end
  while lines[i] and lines[i]:match("^info ") do
    local k, ty, v = lines[i]:match("^info (%S+) (%a) (.*)$")
    if ty == "n" then info[k] = math.tointeger(tonumber(v)) or tonumber(v) else info[k] = v end
    i = i + 1
  end
  local n = tonumber((lines[i] or ""):match("^grid (%d+)$"))
  if not n or #lines ~= i + n then return nil end
  t.ctau, t.p, t.err = {}, {}, {}
  for j = 1, n do
    local a, b, c = lines[i + j]:match("^(%S+) (%S+) (%S+)$")
    t.ctau[j], t.p[j], t.err[j] = tonumber(a), tonumber(b), tonumber(c)
    if not (t.ctau[j] and t.p[j] and t.err[j]) then return nil end
  end
  for _, k in ipairs(SCALARS) do if type(t[k]) ~= "number" then return nil end end
  t.info = info
  return t
end

-- The cached fields {ctau, p, err, p0, ..., info} of key, or nil.
function M.load(key)
  if not enabled() then return nil end
  local f = io.open(path_of(key), "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  return decode(key, text or "")
end

-- Store table t under key (errors writing the cache are not fatal: the
-- table was computed; the cache is only an accelerator).
function M.store(key, t)
  if not enabled() then return false end
  if not alp.fs.isdir(M.dir) then alp.fs.mkdir(M.dir) end
  local path = path_of(key)
  local tmp = fmt("%s.%d.tmp", path, alp._proc and alp._proc.getpid and alp._proc.getpid() or 0)
  local body = encode(key, t)
  local f = io.open(tmp, "wb")
  if not f then return false end
  local ok = f:write(body, "checksum ", fnv1a(body), "\n")
  ok = f:close() and ok
  if not ok or not os.rename(tmp, path) then os.remove(tmp) return false end
  return true
end

M._fnv1a, M._path_of = fnv1a, path_of
return M
