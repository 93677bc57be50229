-- recasts/lhcb_kmumu_prompt.lua: LHCb B0 -> K*0 chi(mu mu), arXiv:1508.04094,
-- 95 % CL; paper Sec. 3.1 (upper green area of Fig. 3).
-- Excluded where B(B0 -> K*0 a) B(a -> mu mu) > UL(m_a, tau_a) (LHCb's grid).
local function grid(long, select)
  return alp.limit.csv("data/lhcb_kmumu_prompt_ul.csv", {
    value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.95, select = select,
    -- nearest tabulated mass (as getUL.C); log-log in tau between lifetimes
    interpolate = { method = "nearest", mass = "linear", lifetime = "log", value = "log" },
    -- no limit outside 0.214-4.349 GeV; tau < 0.1 ps: UL(0.1 ps)
    outside = { mass = "none", short = "hold", long = long },
    undershoot = 3, -- spline undershoots of getUL.C: no limit (see notes)
  })
end
-- LHCb's getUL.C: tau > 912 ps (last point) UL(tau0)(1 - e^{-1000/tau0})/(1 - e^{-1000/tau})
local limit = grid({ "acceptance", ref = { 1000, "ps" } })
-- the paper's plot: only tau <= 0.2 ps (REFERENCE S2, "plot greys tau > 0.2 ps")
local paper = grid("none", { tau_ps = function(t) return t <= 0.2 end })

return alp.recast {
  name       = "lhcb_kmumu_prompt",
  confidence = "A/B: LHCb's official macro (arXiv:1508.04094), evaluated by a third party", acceptance = "published lifetime grid",
  experiment = "LHCb",
  process    = "B0 -> K*0 a, a -> mu+ mu- (prompt and displaced)",
  reference  = { journal = "PRL 115 (2015) 161802", arxiv = "1508.04094",
                 report = "LHCb-PAPER-2015-036 (supplementary lhcb_2015_036.root, getUL.C)" },
  cite       = { "arXiv:1508.04094" }, -- refs.bib: measurement first, then data source
  signature  = "prompt",
  cl         = 0.95,
  observable = "B(B0 -> K*0 a) B(a -> mu+ mu-) vs the 95% CL absolute UL(m, tau)",
  tags       = { "B", "mumu", "LHCb" },
  variants   = { lhcb = { limit = limit, default = true }, paper = { limit = paper } },
  -- REFERENCE 3.1 (vector meson: lambda^{3/2}, A0 of BSZ2015 per D14)
  signal     = function(model, ma) return model:br_b0_to_kstar0a(ma) * model:br(ma, "mumu") end,
  benchmarks = { "cff", "cWW" },
  masses     = { min = 0.214, max = 4.35, n = 200 },
  couplings  = { min = 1e-5, max = 1e3, n = 200 },
  parent = "B0", -- D16(b): scan up to c/f_a = 1/m_B0 (f_a/c > m_B0)
  -- paper Sec. 3.4: a prompt ALP (c tau -> 0: UL(0.1 ps), held) with B(a -> mu mu) = 1 bounds C_sb
  flavour = { coupling = "csb", production = function(model, ma) return model:br_b0_to_kstar0a(ma) end,
              prompt = function(ma) return limit:at(ma, 0) end, decay = "a -> mu+ mu-" },
  notes      = [[
LHCb, arXiv:1508.04094: 95% CL absolute ULs on B(B0 -> K*0 chi) B(chi -> mu
mu) (D12), getUL.C on a 5 MeV x 25/decade grid (data header). Signal: REFERENCE 3.1 + D14 (not
the paper's pseudoscalar phase space) x B(a -> mu mu). Nearest tabulated mass,
as getUL.C; log-log between lifetimes (getUL.C: a spline in tau). nan
(getUL.C's vetoes, the 4.349 GeV column) = no limit, also between a nan and
a value. tau < 0.1 ps: UL(0.1 ps) held (getUL.C has no lower cut; the limits
flatten), so the band is open upwards. tau > 912 ps (last grid point): LHCb's
rule for tau >= 1000 ps, UL(1000)(1-e^-1)/(1-e^{-1000/tau}), anchored at
912 ps. Guard: a value more than 3x below both mass neighbours is a spline
undershoot, no limit (m = 3.234 GeV at 2.75 and 3.98 ps, next to the three
nan the header flags; extra/flagged_cells). No x1/2 on c_ff (D1). Variant
paper: only tau <= 0.2 ps, as the paper's plot (its band stops at short
lifetimes); the default (lhcb, cff.csv) applies LHCb's own macro rule.]],
  extra      = function()
    local rows = {}
    for i, r in ipairs(limit:info().dropped) do rows[i] = { r.ma_GeV, r.tau_ps, r.br_ul } end
    return { flagged_cells = { columns = { "ma_GeV", "tau_ps", "br_ul" }, rows = rows,
      header = { quantity = "grid cells of lhcb_kmumu_prompt_ul.csv treated as no limit "
                 .. "(more than 3x below both mass neighbours: spline undershoots)" } } }
  end,
}
