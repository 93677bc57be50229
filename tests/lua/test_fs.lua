-- tests/lua/test_fs.lua: alp.fs (host/l_fs.c): listing, testing and making
-- folders.
local lu = require "luaunit"
local h = require "helpers"

TestFs = {}

function TestFs:setUp() self.d = h.tmpdir() end
function TestFs:tearDown() h.rmtree(self.d) end

function TestFs:test_mkdir_makes_parents_and_is_idempotent()
  local p = self.d .. "/a/b/c"
  lu.assertFalse(alp.fs.exists(p))
  lu.assertTrue(alp.fs.mkdir(p))
  lu.assertTrue(alp.fs.isdir(p))
  lu.assertTrue(alp.fs.mkdir(p), "second call on an existing folder")
end

function TestFs:test_listdir_sorted_without_dots()
  for _, n in ipairs { "zeta.lua", "alpha.csv", "Mid" } do
    local f = assert(io.open(self.d .. "/" .. n, "w")) f:close()
  end
  lu.assertEquals(alp.fs.listdir(self.d), { "Mid", "alpha.csv", "zeta.lua" })
end

function TestFs:test_exists_and_isdir_tell_files_from_folders()
  local f = assert(io.open(self.d .. "/x.txt", "w")) f:close()
  lu.assertTrue(alp.fs.exists(self.d .. "/x.txt"))
  lu.assertFalse(alp.fs.isdir(self.d .. "/x.txt"))
  lu.assertTrue(alp.fs.isdir(self.d))
  lu.assertFalse(alp.fs.exists(self.d .. "/nothing"))
end

function TestFs:test_errors()
  local nothing, msg = alp.fs.listdir(self.d .. "/nothing")
  lu.assertNil(nothing)
  lu.assertStrContains(msg, "No such file or directory")
  local f = assert(io.open(self.d .. "/file", "w")) f:close()
  lu.assertErrorMsgContains("exists and is not a folder", alp.fs.mkdir, self.d .. "/file/sub")
  lu.assertErrorMsgContains("string expected, got nil", alp.fs.mkdir, nil)
end

function TestFs:test_files_lists_every_file_sorted_relative()
  alp.fs.mkdir(self.d .. "/b/c")
  alp.fs.mkdir(self.d .. "/a")
  for _, f in ipairs { "b/c/z.txt", "b.txt", "a/y.csv", "b/x" } do
    local h = assert(io.open(self.d .. "/" .. f, "w")); h:close()
  end
  -- byte order of the whole path ("b.txt" < "b/c/z.txt": '.' < '/')
  lu.assertEquals(alp.fs.files(self.d), { "a/y.csv", "b.txt", "b/c/z.txt", "b/x" })
  lu.assertEquals(alp.fs.files(self.d .. "/none"), {})
end
