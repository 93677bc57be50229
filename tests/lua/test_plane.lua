-- tests/lua/test_plane.lua: coupling planes (alp.scan.plane, alpcast suite
-- --plane): the allowed band where production vanishes (paper eq. 2.7:
-- c_ff - 0.0016 c_WW = 0), the sign symmetry of a production-only ratio,
-- the c_x -> 0 row against the one-coupling scan, the files of the suite,
-- and the errors.
local lu = require "luaunit"
local h = require "helpers"
local plane = require "alpcast.plane"

TestPlane = {}

-- The allowed gaps of a row: {lo, hi} between consecutive excluded intervals.
local function gaps(row)
  local g = {}
  for k = 2, #row do g[#g + 1] = { row[k - 1][2], row[k][1] } end
  return g
end

function TestPlane:test_interference_band_where_eq_2_7_puts_it()
  -- LHCb prompt (a strong limit: a narrow band) in the c_ff-c_WW plane at
  -- 0.3 GeV.  Seed eq. (2.7): production ~ (c_ff - 0.0016 c_WW)^2, zero on
  -- c_WW = 625 c_ff; our D3 chain has K_WW/K_ff = -0.001585 (631 c_ff).
  local d = alp.recast.load(alp.root .. "/recasts/lhcb_kmumu_prompt.lua")
  local p = plane.recast(d, "lhcb", { ma = 0.3, x = { name = "cff", min = 5e-3, max = 0.05, n = 8 },
                                      y = { name = "cWW", min = 1e-2, max = 1e3, n = 200 } })
  local checked = 0
  for i, cx in ipairs(p.x) do
    local band, line = nil, 625 * cx
    for _, g in ipairs(gaps(p.rows[i])) do -- the allowed gap that holds the line of eq. (2.7)
      local a, b = math.abs(g[1]), math.abs(g[2])
      if g[1] * line > 0 and g[2] * line > 0 and math.min(a, b) < math.abs(line) * 1.05
         and math.max(a, b) > math.abs(line) * 0.95 then band = g end
    end
    lu.assertNotNil(band, "no allowed band at c_WW = 625 c_ff in the row c_ff = " .. cx)
    local centre = (band[1] > 0 and 1 or -1) * math.sqrt(band[1] * band[2])
    h.assert_rel(centre / cx, 625, 0.05, "band centre / c_ff vs paper eq. (2.7), row " .. cx)
    h.assert_rel(centre / cx, 1 / 0.001585, 0.01, "band centre / c_ff vs D3, row " .. cx)
    lu.assertTrue(band[2] / band[1] < 1.3, "a narrow band (limit far below the rate)")
    -- the zero of production (alp.model's K_ff, K_WW) lies inside the band
    local z = cx * plane.zero_line(plane.default_model(plane.axes.cff, plane.axes.cww))
    lu.assertTrue(z > math.min(band[1], band[2]) and z < math.max(band[1], band[2]), "zero inside the band")
    local m = alp.model { cff = cx, cww = z }
    lu.assertTrue(m:br_b0_to_kstar0a(0.3) < 1e-12 * alp.model { cff = cx }:br_b0_to_kstar0a(0.3))
    checked = checked + 1
  end
  lu.assertEquals(checked, 8)
end

function TestPlane:test_sign_symmetry_and_edges_of_a_production_ratio()
  -- ratio = B(B+ -> K+ a) / 1e-7 depends on |C_sb| only: (c_x, c_y) ->
  -- (-c_x, -c_y) is a symmetry, and every edge has ratio = 1 (to rtol)
  local ratio = function(m, ma) return m:br_b_to_ka(ma) / 1e-7 end
  local p = alp.scan.plane { ma = 1, x = { name = "cff", min = 1e-4, max = 1, n = 10 },
                             y = { name = "cWW", min = 1e-3, max = 1e2, n = 60 }, ratio = ratio,
                             rtol = 1e-6, c_max = "B+" }
  local n = #p.x
  lu.assertEquals(n, 10)
  for i = 1, n do
    local a, b = p.rows[i], p.rows[n + 1 - i]
    h.assert_rel(p.x[i], -p.x[n + 1 - i], 1e-15, "x rows symmetric")
    lu.assertEquals(#a, #b)
    for k = 1, #a do
      local mk = #b + 1 - k
      lu.assertEquals(a[k][1], -b[mk][2])
      lu.assertEquals(a[k][2], -b[mk][1])
      for _, e in ipairs { a[k][1], a[k][2] } do
        if math.abs(e) < math.huge and math.abs(e) > p.y.min then
          h.assert_rel(ratio(alp.model { cff = p.x[i], cww = e }, 1), 1, 1e-4, "ratio at an edge")
        end
      end
    end
  end
  -- c_max = "B+": both axes stop at the D16(b) bound
  h.assert_rel(p.y.max, alp.model.max_coupling("B+"), 1e-12, "y grid ends at the bound")
end

function TestPlane:test_small_cx_row_is_the_one_coupling_scan()
  -- the row c_ff = 1e-8 of a c_ff-c_WW plane is the c_WW benchmark (the c_ff
  -- admixture moves C_sb by 1e-8 * 631 relative to 1e-4 c_WW at most)
  local d = alp.recast.load(alp.root .. "/recasts/babar_kgg.lua")
  local p = plane.recast(d, nil, { ma = 1.5, x = { name = "cff", min = 1e-8, max = 1e-7, n = 4 },
                                   y = { name = "cWW", min = 1e-4, max = 1e3, n = 400 } })
  local r = alp.recast.scan(d, "cWW", nil, { masses = { 1.5 }, couplings = { min = 1e-4, max = 1e3, n = 200 } })
  local want = r.by_mass[1]
  lu.assertTrue(#want >= 1)
  local row = p.rows[3] -- c_ff = +1e-8
  lu.assertEquals(p.x[3], 1e-8)
  local pos = {}
  for _, iv in ipairs(row) do if iv[1] > 0 then pos[#pos + 1] = iv end end
  lu.assertEquals(#pos, #want)
  for k, iv in ipairs(want) do
    h.assert_rel(pos[k][1], iv[1], 2e-3, "c_low")
    if iv[4] then lu.assertEquals(pos[k][2], math.huge) else h.assert_rel(pos[k][2], iv[2], 2e-3, "c_high") end
  end
end

function TestPlane:test_errors_name_the_argument()
  local ratio = function() return 0 end
  lu.assertErrorMsgContains("alp.scan.plane: ma must be", alp.scan.plane,
                            { ma = -1, x = { name = "cff" }, y = { name = "cWW" }, ratio = ratio })
  lu.assertErrorMsgContains("x.n must be even", alp.scan.plane,
                            { ma = 1, x = { name = "cff", n = 7 }, y = { name = "cWW" }, ratio = ratio })
  lu.assertErrorMsgContains("y.name must be one of", alp.scan.plane,
                            { ma = 1, x = { name = "cff" }, y = { name = "cZZ" }, ratio = ratio })
  lu.assertErrorMsgContains("unknown", alp.scan.plane,
                            { ma = 1, x = { name = "cff" }, y = { name = "cWW" }, ratio = ratio, masses = 1 })
  lu.assertErrorMsgContains("ratio", alp.scan.plane, { ma = 1, x = { name = "cff" }, y = { name = "cWW" } })
end

function TestPlane:test_symlog_coordinate()
  lu.assertEquals(plane.symlog(1e-3, 1e-6), 4)
  lu.assertEquals(plane.symlog(-1e-6, 1e-6), -1)
  lu.assertEquals(plane.symlog(0, 1e-6), 0)
  -- the zero line of the c_ff-c_WW plane: c_WW = -c_ff K_ff/K_WW (D3: 631)
  h.assert_rel(plane.zero_line(plane.default_model(plane.axes.cff, plane.axes.cww)), 1 / 0.001585, 0.01, "slope")
end

function TestPlane:test_suite_plane_files_and_usage_errors()
  local dir = h.tmpdir()
  local exe = h.exe()
  local out, code = h.run(string.format(
    "%s suite --out %s --only babar_kgg,charm_kmumu --plane cff,cWW --ma 1.5 --plane-x 1e-3,0.1,6 "
    .. "--plane-y 1e-2,1e3,60 -j 2", exe, dir))
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "plane_cff_cWW_ma1.5")
  lu.assertStrContains(out, "charm_kmumu")
  lu.assertStrContains(out, "not applicable (the recast does not apply to cWW)")
  local t = alp.data.csv(dir .. "/babar_kgg/plane_cff_cWW_ma1.5.csv")
  lu.assertEquals(t.names, { "cff", "cWW_low", "cWW_high" })
  lu.assertTrue(t.n >= 6)
  lu.assertStrContains(t.meta.open_ends, "D16(b)")
  lu.assertTrue(alp.fs.exists(dir .. "/babar_kgg/extra/plane_cff_cWW_ma1.5_polygons.csv"))
  local gp = assert(io.open(dir .. "/plane_cff_cWW_ma1.5.gp")):read("a")
  lu.assertStrContains(gp, 'set xtics ("0" 0, "10^{-3}" 1,') -- symmetric log axes: 10^-3 at u = 1
  lu.assertStrContains(gp, "plane_cff_cWW_ma1.5_zero.csv")   -- the line where production vanishes
  lu.assertStrContains(gp, "babar_kgg/extra/plane_cff_cWW_ma1.5_polygons.csv")
  lu.assertFalse(alp.fs.exists(dir .. "/babar_kgg/cff.csv"), "no benchmark scans with --plane")
  h.rmtree(dir)
  for _, bad in ipairs { { "--plane cff", "--plane needs two couplings" },
                         { "--plane cff,cWW", "--plane needs --ma" },
                         { "--ma 0.3", "need --plane" },
                         { "--plane cff,cff --ma 1", "two different couplings" },
                         { "--plane csb,cds --ma 1", "the ALP has no width" },
                         { "--plane cff,cWW --ma 1 --plane-x 1,0.1", "--plane-x needs MIN,MAX" } } do
    local o, c = h.run(exe .. " suite --out /nonexistent " .. bad[1])
    lu.assertEquals(c, 2, bad[1])
    lu.assertStrContains(o, bad[2])
  end
end
