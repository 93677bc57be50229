-- alpcast/contour.lua: excluded intervals per mass -> closed polygons in the
-- (m_a, c) plane, for filled exclusion plots (alp.contour).
-- The polygons are drawn with straight edges between grid masses in the
-- log-log plane.  Intervals at neighbouring masses that overlap in c belong
-- to the same region; an unbranched run of such intervals becomes one
-- polygon (lower edge left to right, upper edge back).  Where a region forks
-- or merges between two masses (islands appearing, joining or splitting), the
-- runs end and start there and a quadrilateral bridges each connected pair,
-- so the union of the polygons covers the region without gaps.  c_high = inf
-- (open upwards) is clipped at clip_high, the top of the scan by default.
local check = require "alpcast.check"
local output = require "alpcast.output"

local M = {}

local huge, fmt, min, max = math.huge, string.format, math.min, math.max

-- Interval rows {ma =, lo =, hi =} / {ma, lo, hi}, or an alp.data table
-- with columns ma_GeV, c_low, c_high -> array of {ma, lo, hi}, in the
-- given order.  level: the check level that blames the user's call.
local function interval_list(src, fname, level)
  local list = {}
  if src.columns and src.names then
    local m, l, h = src.columns.ma_GeV, src.columns.c_low, src.columns.c_high
    for i = 1, src.n do list[i] = { m[i], l[i], h[i] } end
  else
    for i, r in ipairs(src) do
      check.table(r, fname, fmt("intervals[%d]", i), level)
      list[i] = { r.ma or r[1], r.lo or r[2], r.hi or r[3] }
    end
  end
  -- the (m_a, c) plane is drawn log-log: masses and couplings positive and
  -- finite, c_high = inf allowed (open upwards), c_low <= c_high
  local what = { "ma", "lo", "hi" }
  for i, r in ipairs(list) do
    for j = 1, 3 do
      local v = r[j]
      if type(v) ~= "number" or v ~= v or v <= 0 or v == huge and j < 3 then
        error(fmt("%s: intervals[%d].%s must be a %snumber > 0, got %s", fname, i, what[j],
                  j < 3 and "finite " or "", check.got(v)), level)
      end
    end
    if r[2] > r[3] then
      error(fmt("%s: intervals[%d] has lo = %.6g > hi = %.6g", fname, i, r[2], r[3]), level)
    end
  end
  return list
end

-- Normalise the input to: masses (sorted), ivs[k] = {{lo, hi}, ...} and
-- adjacency adj[k] = true when masses k-1 and k are neighbours on the grid.
local function normalise(src, opts, fname)
  local masses, ivs, adj = {}, {}, {}
  local clip_lo, clip_hi = opts.clip_low, opts.clip_high
  if src.by_mass and src.masses then -- a scan result: the grid is known
    for k, ma in ipairs(src.masses) do
      masses[k] = ma
      ivs[k] = {}
      for _, iv in ipairs(src.by_mass[k] or {}) do ivs[k][#ivs[k] + 1] = { iv[1], iv[2] } end
      adj[k] = k > 1
    end
    clip_lo = clip_lo or src.couplings.min
    clip_hi = clip_hi or src.couplings.max
  else
    local list = interval_list(src, fname, 4)
    table.sort(list, function(a, b) return a[1] < b[1] or (a[1] == b[1] and a[2] < b[2]) end)
    local grid = opts.masses
    local finite_hi = 0
    for _, r in ipairs(list) do
      if r[3] < huge then finite_hi = max(finite_hi, r[3]) end
      if masses[#masses] ~= r[1] then masses[#masses + 1] = r[1]; ivs[#masses] = {} end
      local t = ivs[#masses]
      t[#t + 1] = { r[2], r[3] }
    end
    clip_hi = clip_hi or (finite_hi > 0 and finite_hi * 10 or 1)
    -- neighbours: on the given grid, or (no grid) unless the step in ln m
    -- exceeds gap_factor times the smallest step
    if grid then
      local pos = {}
      for k, ma in ipairs(grid) do pos[ma] = k end
      for k = 2, #masses do
        local a, b = pos[masses[k - 1]], pos[masses[k]]
        adj[k] = a ~= nil and b ~= nil and b == a + 1
      end
    else
      local smallest = huge
      for k = 2, #masses do smallest = min(smallest, math.log(masses[k] / masses[k - 1])) end
      local gf = opts.gap_factor or 1.5
      for k = 2, #masses do
        adj[k] = math.log(masses[k] / masses[k - 1]) <= gf * smallest * (1 + 1e-9)
      end
    end
    adj[1] = false
  end
  for k = 1, #masses do
    for _, iv in ipairs(ivs[k]) do
      iv[1] = clip_lo and max(iv[1], clip_lo) or iv[1]
      iv[2] = min(iv[2], clip_hi)
    end
  end
  return masses, ivs, adj
end

local function overlaps(a, b) return a[1] <= b[2] and b[1] <= a[2] end

local function chain_polygon(chain)
  local poly = {}
  for _, p in ipairs(chain) do poly[#poly + 1] = { p[1], p[2] } end
  for i = #chain, 1, -1 do poly[#poly + 1] = { chain[i][1], chain[i][3] } end
  poly[#poly + 1] = { chain[1][1], chain[1][2] }
  return poly
end

-- alp.contour.polygons(src [, opts]) -> array of polygons, each an array of
-- {ma, c} points, closed (the last point repeats the first).
function M.polygons(src, opts)
  local fname = "alp.contour.polygons"
  check.table(src, fname, "intervals")
  opts = opts or {}
  check.table(opts, fname, "options")
  check.keys(opts, { "clip_low", "clip_high", "masses", "gap_factor" }, fname)
  if opts.clip_low then check.number(opts.clip_low, fname, "clip_low", 0, huge) end
  if opts.clip_high then check.number(opts.clip_high, fname, "clip_high", 0, huge, nil, 2, { lo = true }) end
  if opts.gap_factor then check.number(opts.gap_factor, fname, "gap_factor", 1, huge) end
  local masses, ivs, adj = normalise(src, opts, fname)
  local polys, active = {}, {} -- active: array of {chain = {{ma, lo, hi}...}, last = iv}
  for k, ma in ipairs(masses) do
    local cur = ivs[k]
    local next_active = {}
    local cm, jm = {}, {}
    if adj[k] then
      for a, ch in ipairs(active) do
        cm[a] = {}
        for j, iv in ipairs(cur) do
          if overlaps(ch.last, iv) then
            cm[a][#cm[a] + 1] = j
            jm[j] = jm[j] or {}
            jm[j][#jm[j] + 1] = a
          end
        end
      end
    end
    local continued = {}
    for j, iv in ipairs(cur) do
      local from = jm[j] or {}
      if #from == 1 and #cm[from[1]] == 1 then
        local ch = active[from[1]]
        ch.chain[#ch.chain + 1] = { ma, iv[1], iv[2] }
        ch.last = iv
        continued[from[1]] = true
        next_active[#next_active + 1] = ch
      else
        for _, a in ipairs(from) do -- bridge from each parent interval
          local p, m0 = active[a].last, active[a].chain[#active[a].chain][1]
          polys[#polys + 1] = { { m0, p[1] }, { ma, iv[1] }, { ma, iv[2] }, { m0, p[2] },
                                { m0, p[1] } }
        end
        next_active[#next_active + 1] = { chain = { { ma, iv[1], iv[2] } }, last = iv }
      end
    end
    for a, ch in ipairs(active) do
      if not continued[a] then polys[#polys + 1] = chain_polygon(ch.chain) end
    end
    active = next_active
  end
  for _, ch in ipairs(active) do polys[#polys + 1] = chain_polygon(ch.chain) end
  return polys
end

-- alp.contour.envelope(src) -> {masses = {...}, low = {[ma] = c}, high =
-- {[ma] = c}}: per mass the smallest c_low and the largest c_high of its
-- intervals (masses sorted, each once); no clipping (c_high = inf stays).
function M.envelope(src)
  local fname = "alp.contour.envelope"
  check.table(src, fname, "intervals")
  local list
  if src.by_mass and src.intervals then -- a scan result
    list = {}
    for i, iv in ipairs(src.intervals) do list[i] = { iv.ma, iv.lo, iv.hi } end
  else
    list = interval_list(src, fname, 3)
  end
  local masses, low, high = {}, {}, {}
  for _, r in ipairs(list) do
    local ma = r[1]
    if low[ma] == nil then
      masses[#masses + 1] = ma
      low[ma], high[ma] = r[2], r[3]
    else
      if r[2] < low[ma] then low[ma] = r[2] end
      if r[3] > high[ma] then high[ma] = r[3] end
    end
  end
  table.sort(masses)
  return { masses = masses, low = low, high = high }
end

-- alp.contour.write(path, polygons [, header]) -> path: CSV with columns
-- ma_GeV,c, one block of rows per polygon, blocks separated by a blank line
-- (gnuplot: style = "polygon" in alp.plot.figure).
function M.write(path, polys, header)
  local fname = "alp.contour.write"
  check.string(path, fname, "path")
  check.table(polys, fname, "polygons")
  local blocks = {}
  for i, p in ipairs(polys) do
    check.table(p, fname, fmt("polygons[%d]", i))
    local rows = {}
    for j, pt in ipairs(p) do
      check.table(pt, fname, fmt("polygons[%d][%d]", i, j))
      -- points of the log-log plane: finite and positive
      check.number(pt[1], fname, fmt("polygons[%d][%d][1] (ma)", i, j), 0, huge, nil, 2, { lo = true })
      check.number(pt[2], fname, fmt("polygons[%d][%d][2] (c)", i, j), 0, huge, nil, 2, { lo = true })
      rows[j] = { pt[1], pt[2] }
    end
    blocks[i] = rows
  end
  local h = {}
  for k, v in pairs(header or {}) do h[k] = v end
  h.polygons = h.polygons or
    "closed polygons in (m_a, c), one block each, blocks separated by a blank line"
  return output.csv(path, { columns = { "ma_GeV", "c" }, blocks = blocks, header = h })
end

-- alp.contour.read(path) -> polygons: what alp.contour.write wrote (comment
-- lines, the column row, blocks of "ma,c" rows separated by blank lines).
function M.read(path)
  local fname = "alp.contour.read"
  check.string(path, fname, "path")
  local f, err = io.open(path, "r")
  if not f then error(fmt("%s: cannot read %s", fname, tostring(err)), 2) end
  local polys, cur, header, n = {}, nil, false, 0
  for line in f:lines() do
    n = n + 1
    if line:match("^%s*#") then -- comment
    elseif not line:match("%S") then
      if cur then polys[#polys + 1] = cur end
      cur = nil
    elseif not header then header = true -- the column row
    else
      local x, y = line:match("^%s*([^,]+),([^,]+)")
      x, y = tonumber(x), tonumber(y)
      if not (x and y) then
        f:close()
        error(fmt("%s: %s: line %d: expected two numbers ma,c, got '%s'", fname, path, n, line), 2)
      end
      cur = cur or {}
      cur[#cur + 1] = { x, y }
    end
  end
  f:close()
  if cur then polys[#polys + 1] = cur end
  return polys
end

return M
