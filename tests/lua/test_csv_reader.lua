-- tests/lua/test_csv_reader.lua: alp.data.csv's row loop in C (host/l_csv.c)
-- keeps data.lua's rules: quotes, blanks, integers, specials, errors naming
-- the line, text and undeclared columns; alp.limit.csv rereads a changed file.
local lu = require "luaunit"

TestCsvReader = {}

local function write(text)
  local p = os.tmpname()
  local f = assert(io.open(p, "w")); f:write(text); f:close()
  return p
end

function TestCsvReader.test_cells_as_before()
  local p = write(table.concat({
    "# quantity: test table",
    "# units: x: position [m]; label: [text]",
    "x , label,free,mixed",
    '  1 ," a, ""b"" " ,inf,3',
    "\t2.5e-3,7, NaN ,x",
    "",
    "   # a comment after the column row",
    "4,,,\r",
  }, "\n") .. "\n")
  local d = alp.data.csv(p)
  os.remove(p)
  lu.assertEquals(d.n, 3)
  lu.assertEquals(d.names, { "x", "label", "free", "mixed" })
  local x = d.columns.x
  lu.assertEquals(math.type(x[1]), "integer") -- tonumber("1"), as Lua reads it
  lu.assertEquals(x[2], 2.5e-3)
  lu.assertEquals(d.columns.label, { 'a, "b"', "7", "" }) -- quotes unescaped, then trimmed (as split_csv + trim)
  lu.assertEquals(d.columns.free[1], math.huge)
  lu.assertTrue(d.columns.free[2] ~= d.columns.free[2]) -- nan
  lu.assertTrue(d.columns.free[3] ~= d.columns.free[3]) -- empty cell of a numeric column: nan
  lu.assertEquals(d.columns.mixed, { "3", "x", "" })  -- one non-number: a text column
  lu.assertEquals(d.lines, { 4, 5, 8 })
  lu.assertEquals(d.comments[#d.comments], "a comment after the column row")
  lu.assertNil(d.meta["a_comment_after_the_column_row"])
end

function TestCsvReader.test_errors_name_file_and_line()
  local p = write("# units: x: [m]\nx,y\n1,2\n3\n")
  local ok, err = pcall(alp.data.csv, p)
  lu.assertFalse(ok)
  lu.assertStrContains(err, p .. ":4: 1 values, the column row has 2")
  p = write("# units: x: [m]\nx,y\n1,\"2\n")
  ok, err = pcall(alp.data.csv, p)
  lu.assertStrContains(err, ":3: unterminated quote")
  p = write("# units: x: [m]\nx,y\n1,2\nz,3\n")
  ok, err = pcall(alp.data.csv, p)
  lu.assertStrContains(err, ":4: column 'x' (declared [m]) has a non-numeric value 'z'")
  p = write("# units: x: [m]\nx,y\n ,2\n")
  ok, err = pcall(alp.data.csv, p)
  lu.assertStrContains(err, ":3: column 'x' (declared [m]) has an empty cell")
  ok, err = pcall(alp.data.csv, "/nonexistent/file.csv")
  lu.assertStrContains(err, "alp.data.csv: cannot read /nonexistent/file.csv")
end

-- a limit table changed on disk is read again (the per-process cache is
-- keyed by size and modification time)
function TestCsvReader.test_limit_rereads_changed_file()
  local head = "# cl: 0.9\n# units: ma_GeV: [GeV]; br_ul: [dimensionless]\nma_GeV,br_ul\n"
  local p = write(head .. "0.1,1e-5\n0.2,1e-5\n")
  local a = alp.limit.csv(p, { value = "br_ul", mass = "ma_GeV" })
  lu.assertAlmostEquals(a:at(0.15), 1e-5, 1e-18)
  os.execute("sleep 0.01")
  local f = assert(io.open(p, "w")); f:write(head .. "0.1,2e-5\n0.2,2e-5\n0.3,2e-5\n"); f:close()
  local b = alp.limit.csv(p, { value = "br_ul", mass = "ma_GeV" })
  lu.assertAlmostEquals(b:at(0.15), 2e-5, 1e-18)
  os.remove(p)
end

