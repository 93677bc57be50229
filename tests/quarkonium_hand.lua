-- tests/quarkonium_hand.lua: the radiative-quarkonium recasts' tests compute by hand,
-- independently of physics/quarkonium.c: D17's rates for the c_ff benchmark (c_gamgam = 0)
-- and the decay law of D8 for an ALP from V -> gamma a, and the coupling edge where
-- signal = UL by bisection (helpers.bisect_log).
local h = require "helpers"
local M = {}

local ALPHA = 1 / 137.035999084
-- D17 checkpoints: c_bb(4.18) = 1.02574, c_cc(1.28) = 0.78851 for c_ff(Lambda) = 1
M.C_BB, M.C_CC = 1.02574, 0.78851
M.V = { -- D17 table: m_V, B(V -> ee)
  ["Upsilon(1S)"] = { m = 9.46040, bee = 0.0239 },
  ["Upsilon(3S)"] = { m = 10.3551, bee = 0.0218 },
  ["J/psi"] = { m = 3.096900, bee = 0.05971 },
}

-- Gamma(V -> gamma a)/Gamma_V at c_ff(Lambda) = 1, f_a = 1 TeV (D17)
function M.x1(parent, ma)
  local v = M.V[parent]
  local x = ma * ma / (v.m * v.m)
  if parent == "J/psi" then -- lattice form with D17's fit of F~
    local ft = 0.20035 + 0.06908 * x - 0.22988 * x ^ 2 + 0.57591 * x ^ 3 - 0.29081 * x ^ 4
    return ALPHA * (4 / 9) * v.m ^ 3 * (1 - x) * (M.C_CC * ft) ^ 2 / (24 * 1e6 * 92.6e-6)
  end
  return v.bee * v.m ^ 2 / (8 * math.pi * ALPHA * 1e6) * (1 - x) * M.C_BB ^ 2
end

-- B(V -> gamma a) at coupling c (D16(a))
function M.br(parent, ma, c)
  local x = M.x1(parent, ma) * c * c
  return x / (1 + x)
end

-- V at rest: P(decay beyond r) = exp(-r m_a/(p* c tau))
function M.beyond_at_rest(parent, ma, r, ctau)
  local m = M.V[parent].m
  return math.exp(-r * ma / ((m * m - ma * ma) / (2 * m) * ctau))
end

-- the bounds of the lab momentum for beta gamma = bg: gamma p* -+ bg E* (forward/backward)
function M.p_range(parent, ma, bg)
  local m = M.V[parent].m
  local ps, es, g = (m * m - ma * ma) / (2 * m), (m * m + ma * ma) / (2 * m), math.sqrt(1 + bg * bg)
  return math.max(g * ps - bg * es, 0), g * ps + bg * es
end

-- the c where signal(c) = ul, signal of the c_ff benchmark built from
-- B(V -> gamma a)(c), c tau(c) = ctau1/c^2 (every width ~ c^2) and fdecay(ctau)
function M.edge(parent, ma, ul, ctau1, fdecay, lo, hi)
  return h.bisect_log(function(c)
    return math.log(M.br(parent, ma, c) * fdecay(ctau1 / (c * c)) / ul)
  end, lo or 1e-3, hi or 1e3)
end

-- the intervals of a scan at the given masses, by mass
function M.intervals(desc, bench, variant, masses)
  local r = alp.recast.scan(desc, bench, variant, { masses = masses })
  local out = {}
  for _, iv in ipairs(r.intervals) do out[iv.ma] = iv end
  return out
end

return M
