-- tests/lua/test_acceptance.lua: alp.acceptance.table -- the c tau grid
-- covers the stated lab decay lengths for every event, the nodes are the
-- Monte Carlo, the interpolation against the Monte Carlo at the mid-points,
-- the exact limits, monotonicity, a closed form (BaBar's sphere: <P_out> =
-- mean of exp(-R / (beta gamma c tau)) over the sample), sharing of equal
-- tables, and the errors.
local lu = require "luaunit"
local h = require "helpers"

TestAcceptance = {}

local function belle2(over)
  local o = { experiment = "belle2", ma = 0.3, n = 5000, seed = 3, volume = "veto",
              side = "outside" }
  for k, v in pairs(over or {}) do o[k] = v end
  return o
end

local function mids(t)
  local m = {}
  for k = 1, #t.ctau - 1 do m[k] = math.sqrt(t.ctau[k] * t.ctau[k + 1]) end
  return m
end

function TestAcceptance:test_grid_spans_the_decay_lengths()
  local t = alp.acceptance.table(belle2 { decay_lengths = { 1e-3, 1e3 }, per_decade = 5 })
  h.assert_rel(t.ctau[1] * t.betagamma_max, 1e-3, 1e-12, "bottom: d_lo for the fastest ALP")
  h.assert_rel(t.ctau[#t.ctau] * t.betagamma_min, 1e3, 1e-12, "top: d_hi for the slowest ALP")
  local decades = math.log(t.ctau[#t.ctau] / t.ctau[1], 10)
  lu.assertEquals(#t.ctau - 1, math.ceil(5 * decades - 1e-9))
  for k = 2, #t.ctau do h.assert_rel(t.ctau[k] / t.ctau[k - 1], t.ctau[2] / t.ctau[1], 1e-12) end
  -- the arguments and the sample come back
  lu.assertEquals({ t.experiment, t.ma, t.n, t.seed, t.volume, t.side, t.per_decade },
                  { "belle2", 0.3, 5000, 3, "veto", "outside", 5 })
  lu.assertEquals(t.decay_lengths, { 1e-3, 1e3 })
  lu.assertEquals(t.info.n, 5000)
  lu.assertEquals(t.info.seed, 3)
  lu.assertTrue(t.betagamma_min > 0 and t.betagamma_min < t.betagamma_max)
end

function TestAcceptance:test_nodes_and_midpoints_against_the_monte_carlo()
  for _, c in ipairs { { "veto", "outside", 1e-3 }, { "displaced", "inside", 2e-3 } } do
    for _, ma in ipairs { 0.01, 2.5 } do
      local t = alp.acceptance.table(belle2 { ma = ma, n = 20000, volume = c[1], side = c[2] })
      local s = alp.sample.b_to_ka { ma = ma, n = t.n, seed = t.seed, experiment = "belle2" }
      local vol = alp.detector.belle2():volume(c[1])
      local nodes, nerr = vol:decay_prob(s, t.ctau, c[2])
      for k = 1, #t.ctau do
        lu.assertEquals(t.p[k], nodes[k])
        lu.assertEquals(t.err[k], nerr[k])
        h.assert_rel(t.p_at(t.ctau[k]), nodes[k], 1e-12, "node " .. k)
      end
      local m = mids(t)
      local direct = vol:decay_prob(s, m, c[2])
      for k, ct in ipairs(m) do
        if direct[k] > 1e-15 then
          h.assert_rel(t.p_at(ct), direct[k], c[3],
                       string.format("%s, m_a = %g, c tau = %.3g m", c[1], ma, ct))
        end
      end
      s:close()
    end
  end
end

function TestAcceptance:test_exact_limits()
  local t = alp.acceptance.table(belle2())
  local s = alp.sample.b_to_ka { ma = t.ma, n = t.n, seed = t.seed, experiment = "belle2" }
  local vol = alp.detector.belle2():volume("veto")
  local p0, e0 = vol:decay_prob(s, 0, "outside")
  lu.assertEquals(t.p0, p0)
  lu.assertEquals(t.p0_err, e0)
  lu.assertTrue(t.p0 > 0.05 and t.p0 < 0.1, "the fraction outside 17-150 deg")
  lu.assertEquals(t.p_inf, 1)
  lu.assertEquals(t.p_at(0), t.p0)
  lu.assertEquals(t.p_at(t.ctau[1] * 0.999), t.p0)
  lu.assertEquals(t.p_at(math.huge), 1)
  -- above the grid: 1 - <P> ~ 1 / c tau, and continuous at the top node
  local top = t.ctau[#t.ctau]
  lu.assertEquals(t.p_at(top), t.p[#t.p])
  h.assert_rel((1 - t.p_at(10 * top)) * 10, (1 - t.p_at(top)), 1e-9, "1/c tau beyond the grid")
  -- ... which is the Monte Carlo there to the stated accuracy
  h.assert_rel(1 - t.p_at(100 * top), 1 - vol:decay_prob(s, 100 * top, "outside"), 1e-3,
               "1 - <P> at 100 x the top of the grid")
  -- inside a volume away from the production point: 0 at both ends
  local d = alp.acceptance.table(belle2 { volume = "displaced", side = "inside" })
  lu.assertEquals({ d.p0, d.p_inf, d.p_at(0), d.p_at(math.huge) }, { 0, 0, 0, 0 })
  h.assert_rel(d.p_at(1e9) * 1e9, d.p_at(1e10) * 1e10, 1e-12, "P ~ 1/c tau")
  s:close()
end

-- (up to rounding: exp(ln P) and P differ in the last bit)
function TestAcceptance:test_outside_is_monotone_in_ctau()
  for _, ex in ipairs { "belle2", "babar" } do
    local t = alp.acceptance.table(belle2 { experiment = ex, ma = 1.0 })
    local prev = -1
    local cts = alp.scan.logspace(t.ctau[1] / 10, t.ctau[#t.ctau] * 10, 2000)
    for _, ct in ipairs(cts) do
      local p = t.p_at(ct)
      lu.assertTrue(p >= prev * (1 - 1e-14),
                    string.format("%s: <P_out> falls at c tau = %.4g m", ex, ct))
      prev = p
    end
  end
end

-- BaBar's veto is a sphere of 0.50 m about the IP, where the ALPs are made:
-- <P_out>(c tau) = (1/N) sum_k exp(-0.5 / ((beta gamma)_k c tau))
function TestAcceptance:test_closed_form_sphere()
  local t = alp.acceptance.table { experiment = "babar", ma = 0.5, n = 4000, seed = 11,
                                   volume = "veto", side = "outside" }
  local s = alp.sample.b_to_ka { ma = 0.5, n = 4000, seed = 11, experiment = "babar" }
  local bg = s:get("betagamma")
  s:close()
  local function closed(ct)
    local sum = 0
    for k = 1, #bg do sum = sum + math.exp(-0.5 / (bg[k] * ct)) end
    return sum / #bg
  end
  lu.assertEquals(t.p0, 0)
  lu.assertEquals(t.p_inf, 1)
  for k = 1, #t.ctau, 5 do
    h.assert_rel(t.p[k], closed(t.ctau[k]), 1e-12, "node " .. k)
  end
  for _, ct in ipairs(mids(t)) do
    local want = closed(ct)
    local why = string.format("c tau = %.3g m", ct)
    if want > 1e-6 then h.assert_rel(t.p_at(ct), want, 1e-3, why)
    elseif want > 1e-15 then h.assert_rel(t.p_at(ct), want, 2e-3, why) end
  end
  h.assert_rel(t.p_at(0.3), closed(0.3), 1e-3, "c tau = 0.3 m")
  -- beyond the grid: exact to (0.5 m / d) / 2 < 3e-5 in 1 - <P>
  local top = t.ctau[#t.ctau]
  h.assert_rel(1 - t.p_at(3 * top), 1 - closed(3 * top), 3e-5, "above the grid")
end

function TestAcceptance:test_equal_tables_are_shared()
  local a = alp.acceptance.table(belle2())
  lu.assertIs(alp.acceptance.table(belle2 { threads = 1 }), a)
  lu.assertNotIs(alp.acceptance.table(belle2 { seed = 4 }), a)
  lu.assertNotIs(alp.acceptance.table(belle2 { per_decade = 11 }), a)
  -- the variants of a recast share one table per mass
  local desc = alp.recast.load("recasts/belle2_kinv.lua")
  local data = alp.recast.data(desc)
  local v1, v2 = alp.recast.variant(desc, "0p5ab"), alp.recast.variant(desc, "50ab_0bg")
  v1.n_events, v2.n_events = 2000, 2000
  local p1 = desc.prepare(0.3, data, v1)
  lu.assertIs(desc.prepare(0.3, data, v2), p1)
end

function TestAcceptance:test_volume_object_gives_the_named_volume_table()
  local named = alp.acceptance.table(belle2 { n = 3000, per_decade = 4 })
  local veto = alp.detector.belle2():volume("veto")
  local t = alp.acceptance.table(belle2 { n = 3000, per_decade = 4, volume = veto })
  lu.assertNotIs(t, named)
  lu.assertIs(t.volume, veto)
  lu.assertEquals(t.ctau, named.ctau)
  lu.assertEquals(t.p, named.p)
  lu.assertEquals({ t.p0, t.p_inf }, { named.p0, named.p_inf })
  -- the same object gives the same (shared) table
  lu.assertIs(alp.acceptance.table(belle2 { n = 3000, per_decade = 4, volume = veto }), t)
  -- built in Lua: D9's veto = the ECL envelope within 17-150 deg
  local D = alp.detector
  local mine = D.cylinder { rmax = 1.62, zmin = -1.314, zmax = 2.27 } *
               D.polar { theta_min = 17, theta_max = 150 }
  local m = alp.acceptance.table(belle2 { n = 3000, per_decade = 4, volume = mine })
  for k = 1, #m.p do h.assert_rel(m.p[k], named.p[k], 1e-12, "Lua-built veto at node " .. k) end
  h.assert_rel(m.p_at(0.05), named.p_at(0.05), 1e-12, "interpolated")
  -- a different volume gives a different table
  local small = D.cylinder { rmax = 0.5, zmin = -1, zmax = 1 }
  local ts = alp.acceptance.table(belle2 { n = 3000, per_decade = 4, volume = small })
  lu.assertTrue(ts.p_at(0.05) > named.p_at(0.05), "smaller volume: more decays outside")
  -- the BaBar sample with a volume object: BaBar's own emc_veto
  local bb = alp.acceptance.table { experiment = "babar", ma = 0.3, n = 3000, seed = 3,
                                    volume = "emc_veto", side = "outside", per_decade = 4 }
  local bo = alp.acceptance.table { experiment = "babar", ma = 0.3, n = 3000, seed = 3,
                                    volume = alp.detector.babar():volume("emc_veto"),
                                    side = "outside", per_decade = 4 }
  lu.assertEquals(bo.p, bb.p)
  lu.assertEquals(bo.experiment, "babar")
end

function TestAcceptance:test_errors_name_the_function_and_argument()
  local function err(over, want)
    local ok, msg = pcall(alp.acceptance.table, belle2(over))
    lu.assertFalse(ok)
    lu.assertStrContains(msg, "alp.acceptance.table: ")
    lu.assertStrContains(msg, want)
  end
  err({ experiment = "lhcb" }, 'experiment must be one of "belle2", "babar"')
  err({ ma = 5 }, "ma (GeV) must be a finite number in (0, 4.78566), got 5")
  err({ ma = 0 }, "ma (GeV)")
  err({ n = 0 }, "n must be an integer in [1, 10000000], got 0")
  err({ seed = 1.5 }, "seed must be an integer")
  err({ volume = "vto" }, "(did you mean 'veto'?)")
  err({ experiment = "babar", volume = "displaced" },
      'volume must be one of "emc_veto", "dch", "veto", "sphere", got')
  err({ volume = 3 }, "volume must be a volume name of belle2 (veto, displaced")
  err({ volume = 3 }, "or an alp.detector.volume, got 3")
  err({ side = "in" }, 'side must be one of "inside", "outside"')
  err({ decay_lengths = { 1, 0.1 } }, "decay_lengths[2] (m) must be a finite number in (1, inf)")
  err({ decay_lengths = { 0, 1 } }, "decay_lengths[1] (m)")
  err({ decay_lengths = { 1e-4 } }, "decay_lengths must be {d_lo, d_hi} (m)")
  err({ per_decade = 0 }, "per_decade must be an integer in [1, 1000]")
  err({ threads = 0 }, "threads must be an integer in [1, 256]")
  err({ volum = "veto" }, "unknown option 'volum' (did you mean 'volume'?)")
  local ok, msg = pcall(alp.acceptance.table, "veto")
  lu.assertFalse(ok)
  lu.assertStrContains(msg, "alp.acceptance.table: the argument must be a table")
  -- the message blames the caller's line
  ok, msg = pcall(function() local t = alp.acceptance.table(belle2 { n = -1 }); return t end)
  lu.assertStrContains(msg, "test_acceptance.lua:")
  -- p_at: c tau must be a number >= 0
  local t = alp.acceptance.table(belle2())
  for _, bad in ipairs { -1, 0 / 0, "1" } do
    ok, msg = pcall(t.p_at, bad)
    lu.assertFalse(ok)
    lu.assertStrContains(msg, "p_at: ctau must be a number >= 0")
  end
end

-- chunk_probs skips the exp of a group whose every term is exactly known
-- (physics/acceptance.c: 0 below exp(-650), 1 above -expm1(-40)): at c tau
-- on both sides of those thresholds the table's mean must equal the per-event
-- sum over the intervals of exp(-a/(bg ct)) - exp(-b/(bg ct)), computed here
-- (head, mid and tail groups: a shell, its inside and its outside).
function TestAcceptance:test_skipped_groups_match_the_per_event_formula()
  local s <close> = alp.sample.b_to_ka { ma = 0.3, n = 3000, seed = 7 } -- two chunks
  local bg, x, y, z = s:get("betagamma"), s:get("x"), s:get("y"), s:get("z")
  local ux, uy, uz = s:get("ux"), s:get("uy"), s:get("uz")
  local shell = alp.detector.sphere { rmin = 0.5, rmax = 1.0 }
  for _, side in ipairs { "inside", "outside" } do
    local pt = shell:paths(s, side, { threads = 1 })
    -- intervals per event on this side
    local ivs = {}
    for k = 1, #bg do
      local inside = shell:intervals({ x[k], y[k], z[k] }, { ux[k], uy[k], uz[k] })
      local list = {}
      if side == "inside" then list = inside
      else
        local c = 0
        for _, iv in ipairs(inside) do
          if iv[1] > c then list[#list + 1] = { c, iv[1] } end
          c = iv[2]
        end
        if c < math.huge then list[#list + 1] = { c, math.huge } end
      end
      ivs[k] = list
    end
    -- c tau from where every exp underflows (the skips) to where none does
    for _, ct in ipairs { 1e-6, 2e-5, 5e-5, 1e-4, 3e-4, 1e-3, 1e-2, 1 } do
      local want = 0
      for k = 1, #bg do
        for _, iv in ipairs(ivs[k]) do
          local ea = math.exp(-iv[1] / (bg[k] * ct))
          local eb = iv[2] == math.huge and 0 or math.exp(-iv[2] / (bg[k] * ct))
          want = want + (ea - eb)
        end
      end
      want = want / #bg
      local got = pt:decay_prob(ct)
      local tol = math.max(1e-12 * want, 1e-280)
      lu.assertTrue(math.abs(got - want) <= tol,
                    string.format("%s, c tau = %g m: %.17g vs %.17g", side, ct, got, want))
    end
  end
end
