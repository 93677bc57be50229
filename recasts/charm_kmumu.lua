-- recasts/charm_kmumu.lua: CHARM beam dump, B -> K a(mu mu), as reinterpreted
-- by Doebrich, Ertas, Kahlhoefer, Spadaro (arXiv:1810.11336; the paper's
-- ref. [56]), 95 % CL.  Seed Sec. 3.1 (green area at small c_ff in Fig. 3).
local limit = alp.limit.csv("data/charm_kmumu_ul.csv", {
  value = "br_ul", mass = "ma_GeV", lifetime = "tau_ps", cl = 0.95,
  curves = "mass", same_decay_length = true,
  interpolate = { mass = "log", lifetime = "log", value = "log" },
  outside = { mass = "none" },
})

return alp.recast {
  name       = "charm_kmumu",
  confidence = "B: digitised by ALPaca from arXiv:1810.11336", acceptance = "published lifetime grid",
  experiment = "CHARM (reinterpreted)",
  process    = "B -> K a, a -> mu+ mu- (beam dump, 400 GeV protons)",
  reference  = { journal = "PLB 790 (2019) 537", arxiv = "1810.11336",
                 authors = "B. Doebrich, F. Ertas, F. Kahlhoefer, T. Spadaro",
                 data = "CHARM beam-dump search for heavy (sterile) neutrinos, the paper's ref. [53]" },
  cite       = { "Dobrich:2018jyi", "journal:PLB.157.458" }, -- refs.bib: measurement first, then data source
  signature  = "displaced",
  cl         = 0.95,
  observable = "B(B -> K a) B(a -> mu+ mu-) vs the 95% CL UL(m, tau) of the reinterpretation",
  tags       = { "B", "mumu", "beam dump" },
  limit      = limit,
  -- B(B+ -> K+ a) (paper eq. 2.6 with D6) for the common B(B -> K a)
  signal     = function(model, ma) return model:br_b_to_ka(ma) * model:br(ma, "mumu") end,
  assumes    = { couplings = { "mu" },
                 why = "the muon channel needs a tree-level muon coupling (paper Sec. 3.1; loop suppressed for cWW)" },
  masses     = { min = 0.3, max = 2.4, n = 200 },
  couplings  = { min = 1e-6, max = 1e-1, n = 200 },
  parent = "B+", -- D16(b): scan up to c/f_a = 1/m_B+ (f_a/c > m_B+)
  notes      = [[
Data: Doebrich et al., arXiv:1810.11336 (PLB 790 537), reinterpretation of
the CHARM beam-dump search: upper limits on B(B -> K a) B(a -> mu mu) vs the
ALP lifetime at m_a = 0.3, 0.6, 1.2, 2.4 GeV, digitised by ALPaca
(data/charm_kmumu_ul.csv; confidence B). CL 0.95 as the seed and REFERENCE
D12 state (not verified); ref. [56] = this paper is the collector's reading.
B channel: the paper bounds "B -> K A" without naming the charge, with one
common B(B -> K a) for the B mesons of the dump (isospin; our reading). We
use B(B+ -> K+ a) (paper 2.6 with D6), as the paper did; B(B0 -> K0 a) is
tau_B0/tau_B+ = 0.93 of it.
Interpolation: along each curve linear in (ln tau, ln UL), no limit outside
its digitised tau range (0.3 GeV: 251-1e6 ps; 0.6: 491-959000; 1.2:
1043-959000; 2.4: 1954-959000 ps); between the masses linear in ln m and
ln UL, each curve at the same tau/m_a (same lab decay length at a given ALP
momentum: the curves start at tau/m = 814-869 ps/GeV and are near-copies in
tau/m, while at fixed tau the lighter curve's steep short-lifetime edge
would meet the heavier one's no-limit region); no limit if either curve has
none. No limit outside 0.3-2.4 GeV (the paper: same range, interpolated at
fixed tau, linearly).
Only for models with a tree-level muon coupling (field assumes; cff, not
cWW): the muon channel needs it (paper Sec. 3.1; loop suppressed for cWW). No rescaling (the paper plotted CHARM x1).]],
}
