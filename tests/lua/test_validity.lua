-- tests/lua/test_validity.lua: REFERENCE D16(b) in the bundled recasts
-- (issue 11 item 3).  Scans stop at the EFT bound c/f_a = 1/m_P; c_high = inf
-- only where the region is still excluded at the bound, and every other
-- region closes below it -- both checked by evaluating signal / limit directly
-- (not through the scan), for belle2_displaced (ee) and lhcb_kmumu_prompt.
local lu = require "luaunit"
local h = require "helpers"

TestValidity = {}

-- signal / limit of a signal + limit recast at coupling c, evaluated directly
local function ratio(desc, vname, bench, c, ma, prepared, data)
  local v = alp.recast.variant(desc, vname)
  local m = alp.model.benchmark(bench, c)
  local lim = (vname and desc.variant_settings[vname].limit) or desc.limit
  local l
  if alp.limit.is_limit(lim) then l = lim:at(ma, m:ctau(ma)) else l = lim(ma, data, prepared, v) end
  if l == math.huge then return 0 end
  return desc.signal(m, ma, prepared, v) / l
end

local function check(name, vname, bench, parent, masses)
  local desc = alp.recast.load(alp.root .. "/recasts/" .. name .. ".lua")
  lu.assertEquals(desc.variant_settings[vname or ""] and desc.variant_settings[vname].parent or desc.parent, parent)
  local data = alp.recast.data(desc)
  local cmax = alp.model.max_coupling(parent)
  local res = alp.recast.scan(desc, bench, vname, { masses = masses, data = data })
  h.assert_rel(res.c_max, cmax, 1e-12, "the scan's bound")
  local n_inf, n_closed = 0, 0
  for i, ma in ipairs(masses) do
    local v = alp.recast.variant(desc, vname)
    local prepared = desc.prepare and desc.prepare(ma, data, v) or nil
    for _, iv in ipairs(res.by_mass[i]) do
      lu.assertTrue(iv[1] < cmax, name .. ": excluded interval starts beyond the bound")
      if iv[2] == math.huge then
        n_inf = n_inf + 1
        lu.assertTrue(ratio(desc, vname, bench, cmax, ma, prepared, data) > 1,
                      string.format("%s m = %g: inf but not excluded at the bound", name, ma))
      else
        n_closed = n_closed + 1
        lu.assertTrue(iv[2] < cmax)
        lu.assertTrue(ratio(desc, vname, bench, iv[2] * 1.01, ma, prepared, data) < 1,
                      string.format("%s m = %g: still excluded above c_high = %g", name, ma, iv[2]))
      end
    end
  end
  return n_inf, n_closed
end

function TestValidity:test_belle2_displaced_regions_close_below_the_bound()
  -- ee at 0.11-0.3 GeV: the displaced window closes at large coupling
  -- (decays before 0.9 cm), below c/f_a = 189 TeV^-1
  local n_inf, n_closed = check("belle2_displaced", "ee", "cff", "B+", { 0.112, 0.2, 0.3 })
  lu.assertEquals(n_inf, 0, "a displaced region is never open up to the bound here")
  lu.assertTrue(n_closed >= 3)
end

function TestValidity:test_lhcb_prompt_open_regions_are_excluded_at_the_bound()
  local n_inf = check("lhcb_kmumu_prompt", "lhcb", "cff", "B0", { 0.5, 1.5, 3.0 })
  lu.assertTrue(n_inf >= 1, "the prompt band is open up to the bound somewhere")
end

function TestValidity:test_every_bundled_recast_declares_its_bound()
  for _, f in ipairs(alp.fs.listdir(alp.root .. "/recasts")) do
    local p = alp.root .. "/recasts/" .. f
    if f:match("%.lua$") then
      local d = alp.recast.load(p)
      lu.assertNotNil(d.parent, f .. ": no parent (D16(b) bound, or \"none\" with a reason)")
    end
  end
end
