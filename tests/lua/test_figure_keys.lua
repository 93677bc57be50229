-- tests/lua/test_figure_keys.lua: the figures' keys: outside the axes (never
-- over data), no entry without a curve (Fig. 1's b b-bar, closed below 2 m_b
-- in the plotted range), no single-bin picture (fig4's M^_B^2).
local lu = require "luaunit"
local h = require "helpers"

TestFigureKeys = {}

local slurp = h.slurp

function TestFigureKeys:setUp() self.dir = h.tmpdir() end
function TestFigureKeys:tearDown() h.rmtree(self.dir) end

function TestFigureKeys:test_fig1_keys_outside_and_only_drawn_channels()
  local out, code = h.run(string.format("ALPCAST_GNUPLOT=none %s %s/scripts/figures/model.lua --out %s",
                                        h.exe(), alp.root, h.q(self.dir)))
  lu.assertEquals(code, 0, out)
  for _, b in ipairs { "cff", "cWW" } do
    local gp = slurp(self.dir .. "/fig1_br_" .. b .. ".gp")
    lu.assertStrContains(gp, "set key outside")
    -- B(a -> b b-bar) is 0 below 2 m_b: the CSV has the column, the key not
    lu.assertNotStrContains(gp, "b b̄")
    local d = alp.data.csv(self.dir .. "/fig1_br_" .. b .. ".csv")
    local top = 0
    for _, v in ipairs(d:column("bb")) do top = math.max(top, v) end
    lu.assertEquals(top, 0)
    -- every other channel plotted reaches the axis (>= 1e-4) somewhere
    lu.assertStrContains(gp, "hadrons")
  end
  lu.assertStrContains(slurp(self.dir .. "/fig2_ctau.gp"), "set key outside")
end

function TestFigureKeys:test_fig4_no_single_bin_picture()
  local out, code = h.run(string.format("ALPCAST_GNUPLOT=none %s %s/scripts/figures/fig4.lua --out %s",
                                        h.exe(), alp.root, h.q(self.dir)))
  lu.assertEquals(code, 0, out)
  lu.assertNil(slurp(self.dir .. "/fig4_mb2.gp"))
  lu.assertStrContains(out, "no fig4_mb2 picture")
  -- the histogram is still in the CSV, and it is one bin: every accepted
  -- event at M^_B^2 = m_B+^2 (tag side fully reconstructed)
  local d = alp.data.csv(self.dir .. "/fig4_kinematics.csv")
  local nonzero = 0
  for _, v in ipairs(d:column("mb2_ma0p3")) do if v == v and v > 0 then nonzero = nonzero + 1 end end
  lu.assertEquals(nonzero, 1)
  for _, k in ipairs { "phi", "ptk" } do
    lu.assertStrContains(slurp(self.dir .. "/fig4_" .. k .. ".gp"), "set key outside")
  end
end
