-- tests/lua/test_results_figure.lua: `alpcast plot` draws a user's recast
-- folder beside bundled results; styles are one per bound; SVGs keep the
-- blank after a subscript (xml:space="preserve", for librsvg).
local lu = require "luaunit"
local h = require "helpers"
local styles = require "alpcast.styles"

TestResultsFigure = {}

-- A user's recast: B(K+ -> pi+ a) < 1e-9 for every mass, the ALP invisible
-- (a flat limit: the excluded region is where the branching ratio exceeds it).
local MINE = [[
return alp.recast {
  name = "my_search", experiment = "Mine", signature = "invisible", cl = 0.90,
  process = "K+ -> pi+ a, a invisible", reference = "a test", parent = "K+",
  masses = { min = 0.01, max = 0.2, n = 6 }, couplings = { min = 1e-5, max = 1e3, n = 60 },
  limit = function() return 1e-9 end,
  signal = function(model, ma) return model:br_k_to_pia(ma) end,
}
]]

function TestResultsFigure:setUp()
  self.dir = h.tmpdir()
  alp.fs.mkdir(self.dir .. "/mine")
  local f = assert(io.open(self.dir .. "/mine/my_search.lua", "w"))
  f:write(MINE)
  f:close()
  local out, code = h.run(string.format(
    "%s suite --recasts %s --only my_search,na62_kpix --no-figures --quiet --out %s",
    h.exe(), h.q(self.dir .. "/mine"), h.q(self.dir .. "/out")))
  assert(code == 0, out)
end
function TestResultsFigure:tearDown() h.rmtree(self.dir) end

local function slurp(p)
  local f = assert(io.open(p, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

function TestResultsFigure:test_user_recast_beside_a_bundled_one()
  if not alp.plot.gnuplot() then lu.skip("needs gnuplot (gnuplot-nox) to draw") end
  local base = self.dir .. "/fig/mine"
  local out, code = h.run(string.format("%s plot %s --in %s --recasts 'na62*' --out %s --format svg,png",
    h.exe(), h.q(self.dir .. "/out/my_search"), h.q(self.dir .. "/out"), h.q(base)))
  lu.assertEquals(code, 0, out)
  -- both recasts drawn, each with its own polygon file and key entry
  local gp = slurp(base .. ".gp")
  lu.assertStrContains(gp, "mine_my_search.csv")
  lu.assertStrContains(gp, "mine_na62_kpix.csv")
  lu.assertStrContains(gp, "NA62 K^+→π^+X (90%)")
  lu.assertStrContains(gp, "my_search (90%)")
  lu.assertStrContains(gp, "set key outside")
  -- hatching: two different fill patterns
  local pats = {}
  for p in gp:gmatch("fillstyle transparent pattern (%d)") do pats[p] = true end
  lu.assertTrue(next(pats) ~= nil and next(pats, next(pats)) ~= nil, "two hatchings")
  -- the .gp is standalone: data paths relative to its folder
  lu.assertNotStrContains(gp, self.dir)
  lu.assertStrContains(slurp(base .. ".svg"), '<svg xml:space="preserve"')
  lu.assertEquals(slurp(base .. ".png"):sub(2, 4), "PNG")
  -- the interval table: the user's flat limit excludes where B(K -> pi a)
  -- > 1e-9; at the lower edge the branching ratio is at the limit
  local d = alp.data.csv(base .. ".csv")
  local m = alp.model.benchmark("cff", 1)
  local found = false
  for i = 1, d.n do
    if d:column("recast")[i] == "my_search" then
      local ma, c = d:column("ma_GeV")[i], d:column("c_low")[i]
      local br = alp.model.benchmark("cff", c):br_k_to_pia(ma)
      h.assert_rel(br, 1e-9, 2e-3, "B(K -> pi a) at the edge")
      found = true
      lu.assertNotNil(m)
    end
  end
  lu.assertTrue(found)
end

function TestResultsFigure:test_errors_name_the_argument()
  local out, code = h.run(h.exe() .. " plot --format gif")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "--format: unknown format 'gif' (svg, pdf, png)")
  out, code = h.run(h.exe() .. " plot " .. h.q(self.dir .. "/nope"))
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "no such results folder")
  out, code = h.run(string.format("%s plot --in %s --model cWW_nothing --out %s", h.exe(),
                                  h.q(self.dir .. "/out"), h.q(self.dir .. "/x")))
  lu.assertEquals(code, 1)
  lu.assertStrContains(out, "no cWW_nothing results to draw")
end

function TestResultsFigure:test_one_style_per_bound()
  -- every listed bound has its own (colour, hatching) pair; CHARM and LHCb
  -- prompt differ (they shared a swatch in Fig. 12)
  local seen = {}
  for key, s in pairs(styles.bounds) do
    if s.pattern then
      local k = s.color .. "/" .. s.pattern
      lu.assertNil(seen[k], key .. " and " .. tostring(seen[k]) .. " share a swatch")
      seen[k] = key
      lu.assertNotEquals(s.pattern, 3, key .. ": pattern 3 is gnuplot's solid fill")
    end
  end
  lu.assertNotEquals(styles.of("charm_kmumu").color, styles.of("lhcb_kmumu_prompt").color)
  -- a user's bound: the same style every time, from its name
  local a, b = styles.of("my_search"), styles.of("my_search")
  lu.assertEquals(a, b)
  lu.assertEquals(a.title, "my_search")
  lu.assertNotEquals(styles.of("my_search", "v1").color .. styles.of("my_search", "v1").pattern,
                     styles.of("my_search", "v2").color .. styles.of("my_search", "v2").pattern)
end
