-- tests/lua/test_verdict.lua: alp.recast.check and `alpcast check` agree with
-- the suite's intervals at 20 random points per shipped family; the
-- verdicts for a point outside a recast's masses, beyond the EFT bound and
-- for a refused family; `alpcast check` text, --json and usage errors; and
-- `alpcast suite --model` writing <recast>/<name>.csv (or nothing, with the
-- reason).
local lu = require "luaunit"
local h = require "helpers"
local cjson = require "cjson"

TestVerdict = {}

local function fam(name) return alp.family.load(alp.root .. "/models/" .. name .. ".lua") end
local function rec(name) return h.recast(name .. ".lua") end

-- family -> a recast (and variant) that excludes a region for it
local CASES = {
  { "leptophilic", "lhcb_kmumu_prompt", "lhcb" }, { "photophobic", "na62_kpix" },
  { "cff_cww", "lhcb_kmumu_displaced" }, { "cff_inv50", "na62_kpix" },
}

function TestVerdict:test_check_agrees_with_the_suite_at_20_random_points_per_family()
  math.randomseed(13)
  for _, case in ipairs(CASES) do
    local f, d, vname = fam(case[1]), rec(case[2]), case[3]
    local grid = alp.scan.grid((vname and d.variant_settings[vname].masses) or d.masses)
    local ms, seen = {}, {}
    while #ms < 20 do
      local k = math.random(#grid)
      if not seen[k] then seen[k] = true; ms[#ms + 1] = grid[k] end
    end
    table.sort(ms)
    -- the suite's intervals at these masses (each mass is scanned on its own)
    local res = alp.recast.scan(d, f, vname, { masses = ms })
    local lo = math.log(res.couplings.min)
    local decided, agree = 0, 0
    for i, ma in ipairs(ms) do
      local c = math.exp(lo + math.random() * (math.log(res.c_max) - lo))
      local inside, near = false, false
      for _, iv in ipairs(res.by_mass[i]) do
        if c >= iv[1] and c <= iv[2] then inside = true end
        for _, e in ipairs { iv[1], iv[2] } do
          if e < math.huge and math.abs(math.log(c / e)) < 5e-3 then near = true end
        end
      end
      if not near then
        decided = decided + 1
        local v
        for _, x in ipairs(alp.recast.check(f, ma, { c = c, recasts = { d }, variant = vname })) do
          if x.variant == vname then v = x end
        end
        if (v.verdict == "excluded" or v.verdict == "inside preferred") == inside then agree = agree + 1
        else lu.fail(string.format("%s/%s at ma = %g, c = %g: check says %s (ratio %g), suite interval %s",
                                   case[1], case[2], ma, c, v.verdict, v.ratio, tostring(inside))) end
      end
    end
    lu.assertTrue(decided >= 18, case[1] .. ": points away from an edge")
    lu.assertEquals(agree, decided)
  end
end

function TestVerdict:test_verdicts_outside_mass_range_beyond_validity_and_refused()
  local d, beam = rec("na62_kpix"), rec("beamdumps_gg")
  local v = alp.recast.check("cff", 0.5, { c = 1, recasts = { d, beam } })
  lu.assertEquals(v[1].verdict, "no limit")
  lu.assertStrContains(v[1].reason, "outside the recast's masses 0.001-0.26 GeV")
  lu.assertEquals(v[2].verdict, "not applicable")
  lu.assertStrContains(v[2].reason, "two photons only")
  -- D16(b): c/f_a above 1/m_K+ = 2025.6 TeV^-1 gives no verdict
  v = alp.recast.check("cff", 0.1, { c = 3000, recasts = { d } })
  lu.assertEquals(v[1].verdict, "beyond validity")
  lu.assertStrContains(v[1].reason, "D16(b)")
  -- a model (not a family): its couplings are scaled together, c = max |c_i|/f_a
  local m = alp.model { cff = 2e-3, cww = 1e-3 }
  v = alp.recast.check(m, 0.1, { recasts = { d } })
  lu.assertEquals(v[1].c, 2e-3)
  local want = m:br_k_to_pia(0.1) / d.limit:at(0.1, m:ctau(0.1))
  h.assert_rel(v[1].ratio, want, 1e-12, "ratio of the model itself")
  lu.assertErrorMsgContains("opts.c", alp.recast.check, fam("cff_cww"), 0.1, {})
  lu.assertErrorMsgContains("model must be an alp.model", alp.recast.check, 3, 0.1)
end

function TestVerdict:test_cli_text_json_and_usage_errors()
  local exe, model = h.exe(), h.q(alp.root .. "/models/cff_cww.lua")
  local base = exe .. " check --model " .. model .. " --ma 1 --only lhcb_kmumu_displaced"
  local out, code = h.run(base .. " --c 0.01 --json")
  lu.assertEquals(code, 0, out)
  local list = cjson.decode(out)
  lu.assertEquals(#list, 1)
  lu.assertEquals(list[1].recast, "lhcb_kmumu_displaced")
  lu.assertEquals(list[1].verdict, "excluded")
  lu.assertTrue(list[1].ratio > 1)
  -- excluded in [6.4e-4, 0.0229] TeV^-1: the nearest edge (in ln c) is the upper one
  local iv = list[1].intervals[1]
  lu.assertTrue(iv[1] < 0.01 and 0.01 < iv[2])
  lu.assertEquals(list[1].c_edge, iv[2])
  h.assert_rel(list[1].margin, iv[2] / 0.01, 1e-12, "margin = c_edge / c")
  out, code = h.run(base .. " --c 1e-5")
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "cff_cww at m_a = 1 GeV, c = 1e-05")
  lu.assertStrMatches(out, ".*lhcb_kmumu_displaced%s+allowed.*")
  out, code = h.run(base)
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "--c is required")
  out, code = h.run(exe .. " check --model " .. model .. " --ma abc --c 1")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "--ma needs a number > 0, got abc")
  out, code = h.run(exe .. " check --model /nonexistent.lua --ma 1 --c 1")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "cannot read '/nonexistent.lua'")
  out, code = h.run(exe .. " check --help")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "usage: alpcast check")
end

function TestVerdict:test_suite_model_writes_name_csv_or_says_why()
  local dir = h.tmpdir()
  local rc = dir .. "/rc"
  alp.fs.mkdir(rc)
  local f = assert(io.open(rc .. "/toy_mumu.lua", "w"))
  -- excluded where B(a -> mu mu) c^2 / 1e-6 > 1 (a toy limit)
  f:write([[
return alp.recast { name = "toy_mumu", experiment = "Toy", process = "toy", reference = "none",
  signature = "prompt", cl = 0.9, masses = { min = 0.3, max = 1, n = 3 }, couplings = { min = 1e-4, max = 10, n = 30 },
  assumes = { couplings = { "mu" }, why = "toy: needs a muon coupling" },
  ratio = function(model, ma) local c = model:params().cf.mu; return model:br(ma, "mumu") * c * c / 1e-6 end }
]])
  f:close()
  local out, code = h.run(h.exe() .. " suite --recasts " .. h.q(rc) .. " --only toy_mumu --no-figures -j1 --out "
                          .. h.q(dir .. "/out") .. " --model " .. h.q(alp.root .. "/models/leptophilic.lua"))
  lu.assertEquals(code, 0, out)
  local d = alp.data.csv(dir .. "/out/toy_mumu/leptophilic.csv")
  lu.assertEquals(d.n, 3)
  lu.assertStrContains(d.meta.model, "leptophilic family")
  local f = assert(io.open(dir .. "/out/summary.json"))
  local summary = cjson.decode(f:read("a"))
  f:close()
  lu.assertEquals(summary.model.name, "leptophilic")
  lu.assertEquals(summary.model.citations[2], "arXiv:2012.12272 (BNRST, the running)")
  -- leptophilic: c_mu = c, B(a -> mu mu) by hand at 1 GeV: c_low = sqrt(1e-6 / B)
  local b = alp.family.load(alp.root .. "/models/leptophilic.lua").model(1):br(1, "mumu")
  h.assert_rel(d.columns.c_low[3], math.sqrt(1e-6 / b), 2e-3, "c_low at 1 GeV")
  out, code = h.run(h.exe() .. " suite --recasts " .. h.q(rc) .. " --only toy_mumu --no-figures -j1 --out "
                    .. h.q(dir .. "/out2") .. " --model " .. h.q(alp.root .. "/models/photophobic.lua"))
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "photophobic not applicable: model 'photophobic' has no tree-level coupling c_mu(Lambda)")
  lu.assertFalse(alp.fs.exists(dir .. "/out2/toy_mumu/photophobic.csv"))
  out, code = h.run(h.exe() .. " suite --only toy_mumu --recasts " .. h.q(rc) .. " --out " .. h.q(dir .. "/o3")
                    .. " --model /nonexistent.lua")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "--model: alp.family.load: cannot read")
  h.rmtree(dir)
end

function TestVerdict:test_fig3_and_fig12_draw_a_family()
  local d = h.tmpdir()
  alp.fs.mkdir(d .. "/na62_kpix")
  alp.fs.mkdir(d .. "/belle2_displaced")
  local f = assert(io.open(d .. "/na62_kpix/cff_cww.csv", "w"))
  f:write("# test\nma_GeV,c_low,c_high\n0.01,1e-3,1\n0.02,1e-3,inf\n")
  f:close()
  f = assert(io.open(d .. "/belle2_displaced/cff_cww_ee.csv", "w"))
  f:write("# scan: 3 masses 0.1-0.3 GeV\nma_GeV,c_low,c_high\n0.1,1e-3,1e-2\n0.2,1e-3,1e-2\n0.3,2e-3,1e-2\n")
  f:close()
  -- the benchmark files must not be read for a family
  f = assert(io.open(d .. "/na62_kpix/cff.csv", "w"))
  f:write("# test\nma_GeV,c_low,c_high\n0.05,1e-3,1\n")
  f:close()
  for _, fig in ipairs { "fig3", "fig12" } do
    local out, code = h.run("ALPCAST_GNUPLOT=none " .. h.exe() .. " scripts/figures/" .. fig .. ".lua --out " .. h.q(d)
                            .. " --model cff_cww")
    lu.assertEquals(code, 0, out)
  end
  local t = alp.data.csv(d .. "/fig3_cff_cww.csv")
  lu.assertEquals(t.n, 2)
  lu.assertEquals(t.columns.ma_GeV, { 0.01, 0.02 })
  lu.assertStrContains(t.meta.model, "cff_cww family")
  lu.assertFalse(alp.fs.exists(d .. "/fig3_cff.csv"), "no benchmark panel")
  local gp = assert(io.open(d .. "/fig3_cff_cww.gp")):read("a")
  lu.assertStrContains(gp, "model family cff_cww")
  t = alp.data.csv(d .. "/fig12_cff_cww.csv")
  lu.assertEquals(t.names, { "ma_GeV", "c_ee" })
  lu.assertTrue(alp.fs.exists(d .. "/fig12_cff_cww_reach.csv"))
  h.rmtree(d)
end

-- A measured excess (result = "preferred"): check says whether the point lies
-- in the band, never "excluded".  Belle II-only B+ -> K+ nu nubar fit at 2 GeV,
-- cff benchmark: the band B = 6.32-11.34e-6 holds c/f_a ~ 0.027-0.037 TeV^-1
-- (belle2_knunu_fit's test); c = 0.03 is inside, c = 0.01 below it.
TestVerdictPreferred = {}
function TestVerdictPreferred:test_inside_and_outside_the_band()
  local only = function(n) return n == "belle2_knunu_fit" end
  local inside = alp.recast.check("cff", 2.0, { c = 0.03, only = only })[1]
  local below = alp.recast.check("cff", 2.0, { c = 0.01, only = only })[1]
  lu.assertEquals(inside.verdict, "inside preferred")
  lu.assertTrue(inside.ratio > 1)
  lu.assertEquals(below.verdict, "outside preferred")
  lu.assertTrue(below.ratio < 1)
  -- the band edges of the scan bracket the inside point
  lu.assertTrue(inside.intervals[1][1] < 0.03 and 0.03 < inside.intervals[1][2])
end
