-- tests/lua/test_contour.lua: polygons from excluded intervals cover exactly
-- the excluded region at the grid masses (point-in-polygon in the log-log
-- plane), through forks, islands and gaps; the per-mass envelope of an
-- interval file.
local lu = require "luaunit"
local h = require "helpers"

TestContour = {}

-- Ray casting in (ln ma, ln c); points on an edge count as inside (regions
-- end at grid masses, on a vertical edge).
local function inside(poly, ma, c)
  local x, y, n, hit = math.log(ma), math.log(c), #poly, false
  for i = 1, n - 1 do
    local x1, y1 = math.log(poly[i][1]), math.log(poly[i][2])
    local x2, y2 = math.log(poly[i + 1][1]), math.log(poly[i + 1][2])
    if math.abs(x1 - x2) < 1e-12 and math.abs(x - x1) < 1e-12 and
       y >= math.min(y1, y2) and y <= math.max(y1, y2) then
      return true
    end
    if (y1 > y) ~= (y2 > y) then
      local xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
      if x < xc then hit = not hit end
    end
  end
  return hit
end

local function covered(polys, ma, c)
  for _, p in ipairs(polys) do if inside(p, ma, c) then return true end end
  return false
end

-- A band that forks into two at ma >= 0.5 and has an island near c = 3 for
-- 1 < ma < 2; nothing excluded for 2.5 < ma < 3.
local function ratio(ma, c)
  if ma > 2.5 and ma < 3 then return 0 end
  local r
  if ma < 0.5 then r = math.min(c / 1e-4, 1e-1 / c)
  else r = math.max(math.min(c / 1e-4, 1e-3 / c), math.min(c / 1e-2, 1e-1 / c)) end
  if ma > 1 and ma < 2 then r = math.max(r, 3 * math.exp(-(math.log(c / 3)) ^ 2)) end
  return r
end

function TestContour:test_polygons_cover_exactly_the_intervals()
  local res = alp.scan.run { fn = ratio, masses = { min = 0.05, max = 4, n = 41 },
                             couplings = { min = 1e-6, max = 1e2, n = 100 }, rtol = 1e-6 }
  local polys = alp.contour.polygons(res)
  for _, p in ipairs(polys) do
    lu.assertEquals(p[#p], p[1], "closed")
  end
  local cs = alp.scan.logspace(1.3e-6, 0.9e2, 57)
  local wrong = {}
  for k = 2, #res.masses - 1 do -- interior masses (edges lie on the boundary)
    local ma = res.masses[k]
    for _, c in ipairs(cs) do
      local want = ratio(ma, c) > 1
      -- skip points within 1e-3 of a boundary
      local near = math.abs(ratio(ma, c * 1.001) - ratio(ma, c / 1.001)) > 0 and
                   ((ratio(ma, c * 1.001) > 1) ~= (ratio(ma, c / 1.001) > 1))
      if not near and covered(polys, ma, c) ~= want then
        wrong[#wrong + 1] = string.format("ma=%.4g c=%.4g want %s", ma, c, tostring(want))
      end
    end
  end
  lu.assertEquals(wrong, {})
  -- between the fork masses the gap c = 3e-3 is open at the second mass
  lu.assertTrue(#polys >= 5, "fork: 1 + 2 chains + 2 bridges, island, after-gap region")
end

function TestContour:test_from_interval_rows_with_gap_detection()
  -- rows as in an interval CSV: masses 0.1, 0.2, 0.4 adjacent (log step
  -- ln 2), then 3.2 after a gap; the last one must not be joined
  local rows = { { ma = 0.1, lo = 1e-4, hi = 1e-2 }, { ma = 0.2, lo = 1e-4, hi = 1e-2 },
                 { ma = 0.4, lo = 1e-4, hi = math.huge }, { ma = 3.2, lo = 1e-4, hi = 1e-2 } }
  local polys = alp.contour.polygons(rows, { clip_high = 1 })
  lu.assertEquals(#polys, 2)
  lu.assertTrue(covered(polys, 0.3, 1e-3))
  lu.assertFalse(covered(polys, 1.0, 1e-3), "gap not bridged")
  -- the open-upwards interval is clipped at clip_high
  local top = 0
  for _, p in ipairs(polys[1]) do top = math.max(top, p[2]) end
  lu.assertEquals(top, 1)
end

function TestContour:test_write_blocks_and_errors()
  local d = h.tmpdir()
  local polys = alp.contour.polygons { { 0.1, 1e-4, 1e-2 }, { 0.2, 2e-4, 2e-2 },
                                       { 3, 1e-4, 1e-3 } }
  alp.contour.write(d .. "/p.csv", polys, { quantity = "test" })
  local data = alp.data.csv(d .. "/p.csv")
  lu.assertEquals(data.names, { "ma_GeV", "c" })
  lu.assertEquals(data.n, 5 + 3)
  local f = io.open(d .. "/p.csv")
  local text = f:read("a")
  f:close()
  lu.assertStrContains(text, "\n\n3,")
  -- read gives back what write wrote, block by block
  local back = alp.contour.read(d .. "/p.csv")
  lu.assertEquals(#back, #polys)
  for i, p in ipairs(polys) do
    lu.assertEquals(#back[i], #p)
    for j, pt in ipairs(p) do
      h.assert_rel(back[i][j][1], pt[1], 1e-9, "ma"); h.assert_rel(back[i][j][2], pt[2], 1e-9, "c")
    end
  end
  f = io.open(d .. "/bad.csv", "w"); f:write("ma_GeV,c\n0.1,1e-3\n0.2,x\n"); f:close()
  lu.assertErrorMsgContains("bad.csv: line 3: expected two numbers", alp.contour.read, d .. "/bad.csv")
  lu.assertErrorMsgContains("alp.contour.read: cannot read", alp.contour.read, d .. "/none.csv")
  h.rmtree(d)
  lu.assertErrorMsgContains("unknown option 'clip'", alp.contour.polygons, {}, { clip = 1 })
end

function TestContour:test_envelope_of_an_interval_file()
  local d = h.tmpdir()
  local path = d .. "/cff.csv"
  local f = assert(io.open(path, "w"))
  f:write("# scan: 3 masses 0.1-1 GeV\nma_GeV,c_low,c_high\n"
          .. "0.3,2e-3,5e-3\n0.3,1e-2,inf\n0.1,3e-3,0.1\n1,4e-4,2e-2\n0.3,1e-3,1.5e-3\n")
  f:close()
  local data = alp.data.csv(path)
  h.rmtree(d)
  local e = alp.contour.envelope(data)
  lu.assertEquals(e.masses, { 0.1, 0.3, 1 })
  lu.assertEquals(e.low, { [0.1] = 3e-3, [0.3] = 1e-3, [1] = 4e-4 })
  lu.assertEquals(e.high, { [0.1] = 0.1, [0.3] = math.huge, [1] = 2e-2 })
  -- the same from rows and from a scan result
  lu.assertEquals(alp.contour.envelope { { ma = 0.3, lo = 1, hi = 2 }, { 0.3, 0.5, 1 } },
                  { masses = { 0.3 }, low = { [0.3] = 0.5 }, high = { [0.3] = 2 } })
  local res = alp.scan.run { fn = ratio, masses = { 0.2, 1.5, 2.7 },
                             couplings = { min = 1e-6, max = 1e2, n = 60 } }
  local s = alp.contour.envelope(res)
  lu.assertEquals(s.masses, { 0.2, 1.5 }) -- nothing excluded at 2.7
  h.assert_rel(s.low[1.5], 1e-4, 2e-3, "lowest edge under the island")
  h.assert_rel(s.high[0.2], 1e-1, 2e-3, "top edge")
  lu.assertEquals(alp.contour.envelope {}, { masses = {}, low = {}, high = {} })
  lu.assertErrorMsgContains("alp.contour.envelope: intervals must be a table", alp.contour.envelope, 3)
  lu.assertErrorMsgContains("intervals[1].lo must be a finite number > 0, got nan", alp.contour.envelope,
                            { { 0.1, 0 / 0, 1 } })
end
