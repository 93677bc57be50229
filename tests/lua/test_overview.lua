-- tests/lua/test_overview.lua: issue 18 item 8 -- the recast table fields of
-- the contract (confidence, acceptance), docs/recasts.md generated from the
-- descriptors, and the two overview figures (alpcast/overview.lua) finding
-- recasts by their status.
local lu = require "luaunit"
local h = require "helpers"
local overview = require "alpcast.overview"

TestOverview = {}

local function bundled()
  local list = {}
  for _, e in ipairs(require("alpcast.suite").discover({ alp.root .. "/recasts" })) do
    list[#list + 1] = alp.recast.load(e.path)
  end
  return list
end

function TestOverview:test_every_bundled_recast_declares_the_table_fields()
  local n = 0
  for _, d in ipairs(bundled()) do
    n = n + 1
    lu.assertNotNil(d.confidence, d.name .. ": field 'confidence' (PROVENANCE grade + data source)")
    lu.assertStrMatches(d.confidence, "^[ABCD]/?[ABCD]?: .+", nil, nil, d.name)
    lu.assertNotNil(d.acceptance, d.name .. ": field 'acceptance' (how <P> is obtained)")
    -- an event Monte Carlo needs a prepare step (the <P>(c tau) table per mass)
    if d.acceptance == "event-level geometry" then lu.assertNotNil(d.prepare, d.name) end
  end
  lu.assertTrue(n >= 17, "bundled recasts: " .. n)
  lu.assertErrorMsgContains("field 'confidence' must start with the data grade", alp.recast, { name = "x",
    experiment = "e", process = "p", reference = "r", signature = "invisible", cl = 0.9, confidence = "good",
    ratio = function() return 0 end })
  lu.assertErrorMsgContains("field 'acceptance' must be one of", alp.recast, { name = "x", experiment = "e",
    process = "p", reference = "r", signature = "invisible", cl = 0.9, acceptance = "magic",
    ratio = function() return 0 end })
end

-- docs/recasts.md is what tools/recast_table.lua writes now (`make recast-table`)
function TestOverview:test_recast_table_is_current()
  local tool = assert(loadfile(alp.root .. "/tools/recast_table.lua"))("--module")
  local text = tool.markdown()
  local f = assert(io.open(alp.root .. "/docs/recasts.md"))
  local file = f:read("a")
  f:close()
  lu.assertEquals(file, text, "docs/recasts.md is stale: run `make recast-table`")
  for _, d in ipairs(bundled()) do lu.assertStrContains(text, "| `" .. d.name .. "` |") end
  lu.assertStrContains(text, "| `belle2_knunu_fit` | Belle II: B+ -> K+ a")
  lu.assertStrContains(text, "published, preferred | arXiv:2311.14647")
  lu.assertStrContains(text, "| 95% | 0.3–2.4 GeV | 0.00385–300 m (cτ) | published lifetime grid |") -- ship_kmumu
end

local function write_intervals(dir, name, label, rows)
  alp.fs.mkdir(dir .. "/" .. name)
  alp.output.csv(dir .. "/" .. name .. "/" .. label .. ".csv", { columns = { "ma_GeV", "c_low", "c_high" },
    rows = rows, header = { quantity = "test intervals", units = "GeV; TeV^-1" } })
end

local function slurp(p)
  local f = assert(io.open(p))
  local s = f:read("a")
  f:close()
  return s
end

-- By status: a projection's results appear in future_reach only, a published
-- recast's in current_bounds (and as the grey background of future_reach);
-- a comparison variant (babar_knunu dch, beside its default) is left out; a
-- model other than the benchmarks gets its own panel.
function TestOverview:test_figures_pick_recasts_by_status()
  local dir = h.tmpdir()
  write_intervals(dir, "ship_kmumu", "cff", { { 0.6, 5e-5, 8e-3 }, { 1.2, 6e-5, 3e-3 } })
  write_intervals(dir, "charm_kmumu", "cff", { { 0.6, 2e-4, 1e-3 }, { 1.2, 2e-4, 7e-4 } })
  write_intervals(dir, "babar_knunu", "cff", { { 0.6, 1e-2, math.huge }, { 1.2, 1e-2, math.huge } })
  write_intervals(dir, "babar_knunu", "cff_dch", { { 0.6, 2e-2, math.huge }, { 1.2, 2e-2, math.huge } })
  write_intervals(dir, "charm_kmumu", "mymodel", { { 0.6, 3e-4, 1e-3 }, { 1.2, 3e-4, 7e-4 } })
  -- a Sec. 3.4 table beside the intervals is not a model's result (it failed
  -- the suite's current_bounds figure: "no column 'c_low' in .../cds.csv")
  local f = assert(io.open(dir .. "/babar_knunu/csb.csv", "w"))
  f:write("# quantity: bound on |C_sb|\nma_GeV,csb_max_invisible\n0.6,1e-5\n")
  f:close()
  local quiet, old = function() end, _G.print
  _G.print = quiet
  local ok, err = pcall(function()
    overview.main({ "--out", dir }, { status = "published", prefix = "current_bounds", script = "t", title = "t" })
    overview.main({ "--out", dir, "--model", "cff" }, { status = "projection", prefix = "future_reach", script = "t",
                                                         title = "t", background = true })
  end)
  _G.print = old
  lu.assertTrue(ok, tostring(err))
  local cur, fut = slurp(dir .. "/current_bounds_cff.csv"), slurp(dir .. "/future_reach_cff.csv")
  lu.assertStrContains(cur, "charm_kmumu,,excluded,0.6,0.0002,0.001")
  lu.assertStrContains(cur, "babar_knunu,,excluded,0.6,0.01,inf")
  lu.assertNotStrContains(cur, "dch", "comparison variant not drawn")
  lu.assertNotStrContains(cur, "ship_kmumu")
  lu.assertStrContains(fut, "ship_kmumu,,excluded,1.2,6e-05,0.003")
  lu.assertNotStrContains(fut, "charm_kmumu,", "the background is not in the projections' table")
  lu.assertTrue(alp.fs.exists(dir .. "/future_reach_cff_charm_kmumu.csv"), "grey background polygons")
  lu.assertStrContains(slurp(dir .. "/current_bounds_mymodel.csv"), "charm_kmumu,,excluded,0.6,0.0003,0.001")
  lu.assertFalse(alp.fs.exists(dir .. "/future_reach_mymodel.csv"), "--model cff: one panel")
  lu.assertFalse(alp.fs.exists(dir .. "/current_bounds_csb.csv"), "csb.csv is no model")
  lu.assertTrue(alp.fs.exists(dir .. "/current_bounds_cff.gp"))
  h.rmtree(dir)
end
