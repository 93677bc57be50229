-- tests/bench/bench_recasts.lua: timing of the issue-6 recasts (`make bench`;
-- prints figures, asserts nothing).  Each recast is run as the suite runs it
-- -- data read once, prepare cache shared by its benchmarks (and variants) --
-- but on 200 masses (its own mass range) x 200 couplings (its own coupling
-- range) for every benchmark it applies to.  Target (issue 6): the seven
-- together < 3 s.  A recast file not present yet is skipped with a note.
local fmt = string.format
local clock = os.clock

local NAMES = { "babar_knunu", "na62_kpix", "lhcb_kmumu_displaced", "lhcb_kmumu_prompt",
                "charm_kmumu", "babar_kgg", "beamdumps_gg" }
local TARGET = 3.0
local N = 200

local root = (alp.root or ".")
local function exists(p)
  local f = io.open(p, "r")
  if f then f:close() return true end
  return false
end

-- the recast's own ranges at N x N
local function grids(desc, settings)
  local ms = settings.masses or desc.masses
  local lo, hi, logm
  if ms[1] ~= nil then lo, hi, logm = ms[1], ms[#ms], true
  else lo, hi, logm = ms.min, ms.max, ms.log ~= false end
  local cs = settings.couplings or desc.couplings or alp.scan.default_couplings
  return { min = lo, max = hi, n = N, log = logm },
         { min = cs.min or alp.scan.default_couplings.min,
           max = cs.max or alp.scan.default_couplings.max, n = N }
end

local total_scan, total_load, ran, skipped = 0, 0, 0, {}
print(fmt("bench_recasts: %-22s %-14s %8s %8s %9s %10s", "recast", "benchmark", "load s",
          "scan s", "evals", "us/eval"))
for _, name in ipairs(NAMES) do
  local path = root .. "/recasts/" .. name .. ".lua"
  if not exists(path) then
    skipped[#skipped + 1] = name
    print(fmt("bench_recasts: %-22s skipped: %s not present yet", name, path))
  else
    local ok, err = pcall(function()
      local desc = alp.recast.load(path)
      local t0 = clock()
      local data = alp.recast.data(desc)
      local t_load = clock() - t0
      local cache, t_rec = {}, 0
      local vnames = #desc.variant_names > 0 and desc.variant_names or { false }
      local first = true
      for _, vn in ipairs(vnames) do
        local vname = vn or nil
        local settings = vname and desc.variant_settings[vname] or {}
        for _, b in ipairs { "cff", "cWW" } do
          if alp.recast.applies(desc, b, vname) then
            local masses, couplings = grids(desc, settings)
            local t1 = clock()
            local r = alp.recast.scan(desc, b, vname, { data = data, cache = cache,
                                                        masses = masses, couplings = couplings })
            local dt = clock() - t1
            t_rec = t_rec + dt
            print(fmt("bench_recasts: %-22s %-14s %8s %8.3f %9d %10.2f", first and name or "",
                      b .. (vname and ("_" .. vname) or ""), first and fmt("%.3f", t_load) or "",
                      dt, r.nevals, dt / r.nevals * 1e6))
            first = false
          end
        end
      end
      total_scan, total_load, ran = total_scan + t_rec, total_load + t_load, ran + 1
      print(fmt("bench_recasts: %-22s %-14s %8.3f %8.3f  (load + scans)", "", "total",
                t_load, t_rec))
    end)
    if not ok then
      print(fmt("bench_recasts: %-22s ERROR: %s", name, tostring(err)))
    end
  end
end
print(fmt("bench_recasts: %d of %d recasts run%s", ran, #NAMES,
          #skipped > 0 and (" (not present: " .. table.concat(skipped, ", ") .. ")") or ""))
print(fmt("bench_recasts: scans %.2f s + data reading %.2f s = %.2f s CPU; target: all seven < %.1f s: %s",
          total_scan, total_load, total_scan + total_load, TARGET,
          (#skipped > 0 and "partial, " or "")
          .. ((total_scan + total_load) < TARGET and "within target" or "OVER target")))
