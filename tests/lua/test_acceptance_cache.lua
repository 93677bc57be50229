-- tests/lua/test_acceptance_cache.lua: the on-disk cache of alp.acceptance
-- tables (scripts/alpcast/acceptance_cache.lua) and the thread-count
-- independence of the tables: a cached table reads back bit for bit, a
-- corrupt or foreign file is recomputed (never trusted), nothing is left
-- half-written, and threads = 1 and 2 give byte-identical <P>.
local lu = require "luaunit"
local h = require "helpers"
local disk = require "alpcast.acceptance_cache"

TestAcceptanceCache = {}

-- distinct masses per test: alp.acceptance keeps tables of this process
local function opts(ma, threads)
  return { experiment = "belle2", ma = ma, n = 3000, seed = 5, volume = "veto", side = "outside",
           threads = threads }
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

function TestAcceptanceCache:setUp()
  self.dir = h.tmpdir()
  self.saved = disk.dir
  disk.dir = self.dir .. "/cache"
end

function TestAcceptanceCache:tearDown()
  disk.dir = self.saved
  h.rmtree(self.dir)
end

local function only_file(dir)
  local names = alp.fs.listdir(dir) or {}
  lu.assertEquals(#names, 1, "one cache file, no .tmp left: " .. table.concat(names, " "))
  return dir .. "/" .. names[1]
end

function TestAcceptanceCache:test_cached_table_reads_back_bit_for_bit()
  local a = alp.acceptance.table(opts(0.41))
  collectgarbage(); collectgarbage()
  local f = only_file(disk.dir)
  local key = io.open(f):read("a"):match("\nkey ([^\n]*)\n")
  local t = disk.load(key)
  lu.assertNotNil(t, "the file just written is valid")
  lu.assertTrue(same(t.p, a.p))
  lu.assertTrue(same(t.err, a.err))
  lu.assertTrue(same(t.ctau, a.ctau))
  lu.assertEquals(t.p0, a.p0)
  lu.assertEquals(t.p_inf_err, a.p_inf_err)
  lu.assertEquals(t.info.n, 3000)
end

function TestAcceptanceCache:test_corrupt_or_foreign_file_is_not_trusted()
  alp.acceptance.table(opts(0.43))
  local f = only_file(disk.dir)
  local text = io.open(f):read("a")
  local key = text:match("\nkey ([^\n]*)\n")
  -- one digit changed in a <P> value: the checksum catches it
  local i = text:find("\n%d", (text:find("\ngrid "))) + 1
  local digit = text:sub(i, i) == "1" and "2" or "1"
  local w = io.open(f, "wb"); w:write(text:sub(1, i - 1) .. digit .. text:sub(i + 1)); w:close()
  lu.assertNil(disk.load(key), "an edited file")
  -- truncated
  w = io.open(f, "wb"); w:write(text:sub(1, #text // 2)); w:close()
  lu.assertNil(disk.load(key), "a truncated file")
  -- another program build (fingerprint), or another key in the file
  local body = text:gsub("\nfingerprint [^\n]*", "\nfingerprint other"):gsub("\nchecksum %x+\n$", "\n")
  w = io.open(f, "wb"); w:write(body, "checksum ", disk._fnv1a(body), "\n"); w:close()
  lu.assertNil(disk.load(key), "a file of another build")
  lu.assertNil(disk.load(key .. "x"), "a file of another key")
end

function TestAcceptanceCache:test_recomputed_table_equals_the_cached_one_and_repairs_the_file()
  local a = alp.acceptance.table(opts(0.47))
  local p = {}
  for i, v in ipairs(a.p) do p[i] = v end
  a = nil
  local f = only_file(disk.dir)
  local key = io.open(f):read("a"):match("\nkey ([^\n]*)\n")
  local w = io.open(f, "wb"); w:write("garbage\n"); w:close()
  collectgarbage(); collectgarbage() -- drop the in-process table
  local b = alp.acceptance.table(opts(0.47))
  lu.assertTrue(same(b.p, p), "recomputed = first computation")
  lu.assertNotNil(disk.load(key), "the bad file was replaced")
end

function TestAcceptanceCache:test_off_without_a_folder()
  disk.dir = nil
  alp.acceptance.table(opts(0.49))
  lu.assertNil(alp.fs.listdir(self.dir .. "/cache"))
end

function TestAcceptanceCache:test_threads_1_and_2_give_identical_tables()
  disk.dir = nil
  local a = alp.acceptance.table { experiment = "belle2", ma = 0.9, n = 5000, seed = 8,
                                   volume = "displaced", side = "inside", threads = 1 }
  local pa, ea = a.p, a.err
  a = nil
  collectgarbage(); collectgarbage()
  local b = alp.acceptance.table { experiment = "belle2", ma = 0.9, n = 5000, seed = 8,
                                   volume = "displaced", side = "inside", threads = 2 }
  lu.assertTrue(same(pa, b.p))
  lu.assertTrue(same(ea, b.err))
end
