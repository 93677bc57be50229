-- tests/lua/test_output.lua: alp.output writers (CSV header and number
-- format, JSON, atomic writes).
local lu = require "luaunit"
local h = require "helpers"

TestOutput = {}

function TestOutput:setUp() self.dir = h.tmpdir() end
function TestOutput:tearDown() h.rmtree(self.dir) end

local function slurp(p)
  local f = assert(io.open(p, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function exists(p)
  local f = io.open(p, "rb")
  if f then f:close() return true end
  return false
end

function TestOutput:test_csv_header_columns_and_numbers()
  local p = self.dir .. "/x.csv"
  lu.assertEquals(alp.output.csv(p, {
    columns = { "ma_GeV", "c_low", "c_high" },
    rows = { { 0.2385, 1.23456789123e-4, math.huge }, { ma_GeV = 3, c_low = -math.huge, c_high = 0 / 0 } },
    header = { zeta = "last", quantity = "excluded c", units = "GeV; TeV^-1", model = "cff",
               source = "test", notes = "line one\nline two" },
  }), p)
  local text = slurp(p)
  local lines = {}
  for l in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  -- fixed keys first in their order, then the others sorted, generated last
  lu.assertEquals(lines[1], "# quantity: excluded c")
  lu.assertEquals(lines[2], "# units: GeV; TeV^-1")
  lu.assertEquals(lines[3], "# model: cff")
  lu.assertEquals(lines[4], "# source: test")
  lu.assertEquals(lines[5], "# notes: line one")
  lu.assertEquals(lines[6], "#   line two")
  lu.assertEquals(lines[7], "# zeta: last")
  lu.assertStrMatches(lines[8], "# generated: alpcast .*GSL.*")
  lu.assertEquals(lines[9], "ma_GeV,c_low,c_high")
  lu.assertEquals(lines[10], "0.2385,0.00012345679,inf")
  lu.assertEquals(lines[11], "3,-inf,nan")
  lu.assertEquals(#lines, 11)
  lu.assertFalse(exists(p .. ".tmp"))
end

function TestOutput:test_csv_quotes_strings_with_commas()
  local p = self.dir .. "/s.csv"
  alp.output.csv(p, { columns = { "name", "v" }, rows = { { 'a,b "c"', 1 } } })
  lu.assertStrContains(slurp(p), '"a,b ""c""",1\n')
end

function TestOutput:test_csv_bad_rows_raise_and_leave_old_file()
  local p = self.dir .. "/keep.csv"
  alp.output.csv(p, { columns = { "a" }, rows = { { 1 } } })
  local before = slurp(p)
  lu.assertErrorMsgContains("rows[2] has 2 values, the header has 1 columns",
    alp.output.csv, p, { columns = { "a" }, rows = { { 1 }, { 1, 2 } } })
  lu.assertErrorMsgContains("rows[1].a must be a number, string or boolean",
    alp.output.csv, p, { columns = { "a" }, rows = { { print } } })
  lu.assertEquals(slurp(p), before)
  lu.assertFalse(exists(p .. ".tmp"))
end

function TestOutput:test_csv_rejects_unknown_keys_with_suggestion()
  lu.assertErrorMsgContains("unknown option 'colums' (did you mean 'columns'?)",
    alp.output.csv, self.dir .. "/y.csv", { colums = { "a" } })
end

function TestOutput:test_unwritable_path_raises_and_leaves_nothing()
  local p = self.dir .. "/no/such/folder/z.csv"
  lu.assertErrorMsgContains("alp.output.csv: cannot write",
    alp.output.csv, p, { columns = { "a" }, rows = {} })
  lu.assertFalse(exists(p .. ".tmp"))
end

function TestOutput:test_json_shape()
  local s = alp.output.json_encode { b = { 1, 2.5 }, a = "q\"\n", e = {}, x = math.huge, t = true }
  lu.assertEquals(s, '{\n  "a": "q\\"\\n",\n  "b": [\n    1,\n    2.5\n  ],\n  "e": [],\n' ..
                  '  "t": true,\n  "x": null\n}')
  local p = self.dir .. "/s.json"
  alp.output.json(p, { n = 3 })
  lu.assertEquals(slurp(p), '{\n  "n": 3\n}\n')
  local cyc = {}
  cyc.self = cyc
  lu.assertErrorMsgContains("contains itself", alp.output.json, self.dir .. "/c.json", cyc)
  lu.assertFalse(exists(self.dir .. "/c.json"))
end

function TestOutput:test_text_is_atomic_rename()
  local p = self.dir .. "/t.txt"
  alp.output.text(p, "one")
  alp.output.text(p, "two")
  lu.assertEquals(slurp(p), "two")
  lu.assertEquals(alp.fs.listdir(self.dir), { "t.txt" })
end

function TestOutput:test_out_dir_parses_figure_script_arguments()
  local d = h.tmpdir()
  local dir = alp.output.out_dir({ "--out", d .. "/a/b" }, "x.lua")
  lu.assertEquals(dir, d .. "/a/b")
  lu.assertTrue(alp.fs.isdir(d .. "/a/b"), "the folder is made")
  lu.assertErrorMsgContains("x.lua: unknown argument '--bad'", alp.output.out_dir, { "--bad" }, "x.lua")
  h.rmtree(d)
end
