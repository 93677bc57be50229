-- tests/validate/test_models_suite.lua: `alpcast suite --model` end to end
-- for the four shipped families (slow: one suite run per family; `make
-- validate`), and issue #13's acceptance test: `alpcast check` agrees with
-- the suite's interval files at 20 random points per family (random recast
-- output, random mass of its grid, random c up to the validity bound).
-- ALPCAST_MODELS_OUT=DIR reuses DIR/<family>/ from earlier suite runs.
local lu = require "luaunit"
local h = require "helpers"
local cjson = require "cjson"

TestModelsSuite = {}

local FAMILIES = { "leptophilic", "photophobic", "cff_cww", "cff_inv50" }
local reuse = os.getenv("ALPCAST_MODELS_OUT")
local base = reuse or h.tmpdir()
local ran = {}

local function suite_of(name)
  if not ran[name] and not reuse then
    local out, code = h.run(h.exe() .. " suite --no-figures --model " .. h.q(alp.root .. "/models/" .. name .. ".lua")
                            .. " --out " .. h.q(base .. "/" .. name))
    ran[name] = { out = out, code = code }
  end
  return base .. "/" .. name, ran[name]
end

-- every interval file of a family's run: {recast =, variant =, path =}
local function outputs(dir, name, summary)
  local list = {}
  for _, r in ipairs(summary.recasts) do
    for _, o in ipairs(r.outputs or {}) do
      local rec, label = o:match("^([^/]+)/([^/]+)%.csv$")
      if rec and label:sub(1, #name) == name then
        local variant = label:sub(#name + 2)
        list[#list + 1] = { recast = rec, variant = variant ~= "" and variant or nil, path = dir .. "/" .. o,
                            file = r.file }
      end
    end
  end
  return list
end

function TestModelsSuite:test_every_family_runs_and_check_agrees_at_20_random_points()
  math.randomseed(2026)
  for _, name in ipairs(FAMILIES) do
    local dir, run = suite_of(name)
    if run then lu.assertEquals(run.code, 0, run.out) end
    local f = assert(io.open(dir .. "/summary.json"))
    local summary = cjson.decode(f:read("a"))
    f:close()
    lu.assertEquals(summary.n_failed, 0, name)
    local outs = outputs(dir, name, summary)
    lu.assertTrue(#outs >= 5, name .. ": outputs of at least 5 recasts, got " .. #outs)
    local fam = alp.family.load(alp.root .. "/models/" .. name .. ".lua")
    local agree, decided = 0, 0
    while decided < 20 do
      local o = outs[math.random(#outs)]
      local d = alp.recast.load(o.file)
      -- the default variant writes <name>.csv
      local vname = o.variant
      if not vname then
        for _, vn in ipairs(d.variant_names) do if d.variant_settings[vn].default then vname = vn end end
      end
      local settings = vname and d.variant_settings[vname] or {}
      local grid = alp.scan.grid(settings.masses or d.masses)
      local ma = grid[math.random(#grid)]
      local t = alp.data.csv(o.path)
      local hdr = t.meta.scan
      local cmin, cmax = hdr:match("c on a log grid of %d+ points ([%d%.e+-]+)%-([%d%.e+-]+),")
      cmin, cmax = tonumber(cmin), tonumber(cmax)
      local c = math.exp(math.log(cmin) + math.random() * (math.log(cmax) - math.log(cmin)))
      local inside, near = false, false
      for i = 1, t.n do
        if math.abs(t.columns.ma_GeV[i] / ma - 1) < 1e-7 then
          local lo, hi = t.columns.c_low[i], t.columns.c_high[i]
          if c >= lo and c <= hi then inside = true end
          for _, e in ipairs { lo, hi } do
            if e < math.huge and math.abs(math.log(c / e)) < 5e-3 then near = true end
          end
        end
      end
      if not near then
        decided = decided + 1
        local v
        for _, x in ipairs(alp.recast.check(fam, ma, { c = c, recasts = { d }, variant = vname })) do
          if x.variant == vname then v = x end
        end
        -- an excess's region (result = "preferred") is "inside preferred"
        local in_region = v.verdict == "excluded" or v.verdict == "inside preferred"
        if in_region == inside then agree = agree + 1
        else
          print(string.format("%s: %s %s ma = %.6g c = %.6g: check %s (ratio %.4g), suite %s", name, o.recast,
                              tostring(vname), ma, c, v.verdict, v.ratio or 0 / 0, inside and "in the region" or "outside"))
        end
      end
    end
    lu.assertEquals(agree, 20, name .. ": check agrees with the suite")
  end
  if not reuse then h.rmtree(base) end
end
