-- tests/lua/test_recast_projections.lua: the projections of issue 18 item 7
-- (NA62 dump and SHiP B -> K a(mu mu) from arXiv:1810.11336; LHCb Downstream/T
-- tracks).  Limit values are rows of the folder CSVs, quoted here:
--   lhcb_downstream/kp_mumu_D.csv   "1.02239,2.104647,0.0006309573,2.319429e-09",
--                                   "1.02239,3.335641,0.001,4.538949e-10"
--   lhcb_downstream/kst_ee_T.csv    "0.5214,2104.647,0.6309573,5.061818e-12"
--   ship_kmumu/ship_kmumu.csv       "0.6,1652.65,8.2077e-13"
--   ship_kmumu_alpaca_grid.csv      "0.6,3387.224,1.015464,8.953242e-13,0", "0.6,12.85556,...,0.7245113,1"
--   na62_dump_kmumu/na62_dump_kmumu.csv "1.2,12855.6,8.55618e-08"
local lu = require "luaunit"
local h = require "helpers"

TestProjections = {}

local PS = 1e-12 * alp.constants.c_light -- c tau [m] of 1 ps
local function load(n) return alp.recast.load(alp.root .. "/recasts/" .. n .. "/" .. n .. ".lua") end
local function lim(d, v) return d.variant_settings[v] and d.variant_settings[v].limit or d.limit end

function TestProjections:test_grid_values_and_interpolation()
  local lhcb = load("lhcb_downstream")
  local l = lim(lhcb, "kp_mumu_D")
  h.assert_rel(l:at(1.02239, 2.104647 * PS), 2.319429e-09, 1e-9, "grid point")
  -- ln UL linear in ln tau between two grid lifetimes (0.2 dex apart): the midpoint is the geometric mean
  local mid = math.sqrt(2.104647 * 3.335641)
  h.assert_rel(l:at(1.02239, mid * PS), math.sqrt(2.319429e-09 * 4.538949e-10), 1e-6, "log-log in tau")
  lu.assertEquals(l:at(0.1, 2.104647 * PS), math.huge, "below the mumu grid (0.2232 GeV): no limit")
  lu.assertEquals(l:at(1.02239, 1e-3 * PS), math.huge, "shorter than the grid: no limit")
  h.assert_rel(lim(lhcb, "kst_ee_T"):at(0.5214, 2104.647 * PS), 5.061818e-12, 1e-9, "K*0 ee T grid point")
  h.assert_rel(lim(load("na62_dump_kmumu"), "curves"):at(1.2, 12855.6 * PS), 8.55618e-08, 1e-9, "NA62 curve point")
  local ship = load("ship_kmumu")
  h.assert_rel(ship.limit:at(0.6, 1652.65 * PS), 8.2077e-13, 1e-9, "SHiP curve point")
  local g = lim(ship, "alpaca_grid")
  h.assert_rel(g:at(0.6, 3387.224 * PS), 8.953242e-13, 1e-9, "grid row inside the digitised range")
  lu.assertEquals(g:at(0.6, 12.85556 * PS), math.huge, "grid row flagged as ALPaca extrapolation: not used")
  for _, d in ipairs { lhcb, ship, load("na62_dump_kmumu") } do
    lu.assertEquals(d.status, "projection", d.name)
    lu.assertEquals(d.acceptance, "published lifetime grid", d.name)
  end
end

-- The excluded-to-be region at one point, by hand: at the scan's c_low the
-- ALP's own B(B -> K a) B(a -> l l) equals the grid's UL at the ALP's own c tau.
local function edge_check(name, v, bench, ma, signal)
  local d = load(name)
  local res = alp.recast.scan(d, bench, v, { masses = { ma } })
  lu.assertEquals(#res.intervals, 1, name .. " excludes one interval at " .. ma .. " GeV")
  for _, c in ipairs { res.intervals[1].lo, res.intervals[1].hi } do
    local m = alp.model.benchmark(bench, c)
    h.assert_rel(signal(m), lim(d, v):at(ma, m:ctau(ma)), 3e-3, name .. " edge at c = " .. c)
  end
  return res.intervals[1]
end

function TestProjections:test_edges_are_where_signal_meets_the_grid()
  local iv = edge_check("lhcb_downstream", "kp_mumu_D", "cff", 1.02239,
                        function(m) return m:br_b_to_ka(1.02239) * m:br(1.02239, "mumu") end)
  lu.assertTrue(iv.lo > 5e-5 and iv.lo < 2e-4 and iv.hi > 5e-3 and iv.hi < 3e-2, "LHCb D reach ~1e-4 - 1e-2")
  edge_check("lhcb_downstream", "kst_ee_T", "cff", 0.5214,
             function(m) return m:br_b0_to_kstar0a(0.5214) * m:br(0.5214, "ee") end)
  local ship = edge_check("ship_kmumu", "curves", "cff", 0.6,
                          function(m) return m:br_b_to_ka(0.6) * m:br(0.6, "mumu") end)
  edge_check("na62_dump_kmumu", "curves", "cff", 0.3,
             function(m) return m:br_b_to_ka(0.3) * m:br(0.3, "mumu") end)
  -- SHiP reaches below CHARM (arXiv:1810.11336 Fig. 3: SHiP's curves lie orders of magnitude below CHARM's)
  local charm = alp.recast.scan(alp.recast.load(alp.root .. "/recasts/charm_kmumu.lua"), "cff", nil, { masses = { 0.6 } })
  lu.assertTrue(ship.lo < charm.intervals[1].lo / 3, "SHiP reaches lower couplings than CHARM")
end

-- The grid (rows inside the digitised range) and the digitised curves it
-- interpolates give the same region to a few per cent at 0.3 GeV.
function TestProjections:test_grid_variant_agrees_with_curves()
  local d = load("na62_dump_kmumu")
  local a = alp.recast.scan(d, "cff", "curves", { masses = { 0.3 } }).intervals[1]
  local b = alp.recast.scan(d, "cff", "alpaca_grid", { masses = { 0.3 } }).intervals[1]
  h.assert_rel(b.lo, a.lo, 0.02, "c_low curves vs grid")
  h.assert_rel(b.hi, a.hi, 0.05, "c_high curves vs grid")
end
