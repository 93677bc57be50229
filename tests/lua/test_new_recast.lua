-- tests/lua/test_new_recast.lua: `alpcast new-recast NAME --data FILE.csv`
-- writes a folder recast that loads and runs in the suite (issue 10 item 6),
-- and refuses a data file without units.
local lu = require "luaunit"
local h = require "helpers"

TestNewRecast = {}

local CSV = [[
# quantity: toy upper limit on B(B+ -> K+ a) B(a -> mu mu)
# units: m: ALP mass [MeV]; ctau: proper decay length [cm]; ul: [dimensionless]
# cl: 0.95
# source: toy table for a test
m,ctau,ul
300,1,1e-7
1000,1,1e-7
300,10,2e-7
1000,10,2e-7
]]

function TestNewRecast:setUp()
  self.dir = h.tmpdir()
  self.csv = self.dir .. "/lim.csv"
  local f = assert(io.open(self.csv, "w")); f:write(CSV); f:close()
end
function TestNewRecast:tearDown() h.rmtree(self.dir) end

function TestNewRecast:test_written_recast_runs_and_uses_the_header()
  local rc = self.dir .. "/rc"
  local out, code = h.run(h.exe() .. " new-recast toy --data " .. h.q(self.csv) .. " --dir " .. h.q(rc))
  lu.assertEquals(code, 0, out)
  lu.assertTrue(alp.fs.exists(rc .. "/toy/toy.lua") and alp.fs.exists(rc .. "/toy/lim.csv"))
  local d = alp.recast.load(rc .. "/toy/toy.lua")
  lu.assertEquals(d.cl, 0.95, "CL from the header")
  lu.assertTrue(alp.limit.is_limit(d.limit))
  lu.assertEquals(d.parent, "B+", "the scan stops at the validity bound (D16(b))")
  -- the limit converts MeV -> GeV and cm -> m: 1e-7 at (0.3 GeV, 1 cm)
  h.assert_rel(d.limit:at(0.3, 0.01), 1e-7, 1e-12, "units converted")
  -- runs in the suite, one folder = one recast
  local res
  out, code = h.run(h.exe() .. " suite --recasts " .. h.q(rc) .. " --only toy --no-figures -j 1 --out "
                    .. h.q(self.dir .. "/out"))
  lu.assertEquals(code, 0, out)
  res = alp.data.csv(self.dir .. "/out/toy/cff.csv")
  lu.assertTrue(res.n > 0, "excludes something")
  for _, m in ipairs(res.columns.ma_GeV) do lu.assertTrue(m >= 0.3 and m <= 1.0, "only where the table is") end
  lu.assertStrContains(res.meta.data_files, "lim.csv sha256:")
  -- no overwrite without --force
  out, code = h.run(h.exe() .. " new-recast toy --data " .. h.q(self.csv) .. " --dir " .. h.q(rc))
  lu.assertEquals(code, 1); lu.assertStrContains(out, "--force")
end

function TestNewRecast:test_no_units_is_an_error_naming_the_file()
  local p = self.dir .. "/bad.csv"
  local f = assert(io.open(p, "w")); f:write("m,ul\n0.3,1e-7\n"); f:close()
  local out, code = h.run(h.exe() .. " new-recast bad --data " .. h.q(p) .. " --dir " .. h.q(self.dir))
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, p); lu.assertStrContains(out, "units:")
  lu.assertFalse(alp.fs.exists(self.dir .. "/bad/bad.lua"), "nothing written")
end
