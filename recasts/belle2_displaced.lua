-- recasts/belle2_displaced.lua: the paper's Belle II projection for displaced lepton
-- pairs, B+ -> K+ a, a -> e+e- or mu+mu- (arXiv:2201.06580 Sec. 5, Fig. 12; REFERENCE.md
-- D10, §5.3).  Zero background: excluded where N > N_thr, the limit is computed:
--   N      = N_B B(B+ -> K+ a) B(a -> l+l-) <P_fid>,  N_B = 2 sigma(B+B-) L   (paper 3.3, D10)
--   signal = B(B+ -> K+ a) B(a -> l+l-) <P_fid>,  limit = N_thr / N_B
local LUMI, N_THR = 50, 2.3 -- ab^-1 and events: the paper text's (D10; = seed_text of data.selection)

return alp.recast {
  name = "belle2_displaced", experiment = "Belle II", status = "projection", signature = "displaced", cl = 0.90,
  confidence = "A: the paper's own selection and counts (arXiv:2201.06580 Sec. 5; C for details only in the code)", acceptance = "event-level geometry",
  process = "B+ -> K+ a, a -> l+ l- (l = e, mu) with a displaced vertex",
  cite = { "arXiv:2201.06580", "arXiv:1911.03490" }, -- refs.bib: measurement first, then data source
  reference = { arxiv = "2201.06580", section = "Sec. 5, Fig. 12 (selection of arXiv:1911.03490 Sec. IV)" },
  observable = "N = 2 sigma(B+B-) L B(B+ -> K+ a) B(a -> l+l-) <P_fid> > 2.3 events (zero background)",
  tags = { "B", "Belle II", "projection", "paper" }, seed = 1,
  data = { selection = "data/belle2_displaced_selection.csv" }, -- the source of LUMI and N_THR
  variants = { ee = { channel = "ee" }, mumu = { channel = "mumu" } },
  masses = { min = 1e-3, max = 4.78, n = 200 }, couplings = { min = 1e-7, max = 1e2, n = 200 },
  parent = "B+", -- D16(b): scan up to c/f_a = 1/m_B+
  notes = [[
D10: N_B = 2 sigma(B+B-) L from the experiment table (0.54 nb: 5.4e10 at 50 ab^-1; the paper
code's 5e10 is not used); excluded where N > 2.3 (the paper text's 90 % CL zero-background
contour; the paper code used 3 at 95 % CL); a variant's lumi [ab^-1] and n_threshold override.
<P_fid> = P(decay inside the "displaced" volume of alp.detector.belle2(): 0.9 < rho < 60 cm,
17 < theta_a < 150 deg lab, no z cut, efficiency 1 -- the paper code's selection, the same
numbers as data/belle2_displaced_selection.csv, checked by the test), exponential decay length
with the event kinematics of §5.1 (D8; not the paper code's L^2-weighted density and single
gamma_B), from 100 000 B+ -> K+ a events per mass (seed 1; n_events overrides), 10 per decade in
c tau over lab decay lengths 0.1 mm - 10 km, monotone cubic in ln P vs ln c tau (< 2e-3 vs the
Monte Carlo), 0 at c tau -> 0 and -> inf (1/c tau beyond the grid). Lifetime and production at
one coupling, Lambda = 4 pi TeV (D1). No background, no reconstruction efficiency: a
projection as optimistic as the paper's.]],

  prepare = function(ma, data, v)
    return alp.acceptance.table { experiment = "belle2", ma = ma, n = v.n_events or 100000, seed = v.seed or 1,
                                  volume = "displaced", side = "inside", decay_lengths = { 1e-4, 1e4 }, per_decade = 10 }
  end,
  signal = function(model, ma, p, v)
    return model:br_b_to_ka(ma) * model:br(ma, v.channel) * p.p_at(model:ctau(ma))
  end,
  limit = function(ma, data, p, v)
    return (v.n_threshold or N_THR) / alp.experiment.mesons("belle2", "B+B-", { v.lumi or LUMI, "ab^-1" })
  end,
  extra = function()
    local nb = alp.experiment.mesons("belle2", "B+B-", { LUMI, "ab^-1" })
    return { p_errors = alp.acceptance.error_table(), -- <P_fid> Monte Carlo errors per mass
             counts = { columns = { "lumi_abinv", "n_b", "n_threshold", "br_product_limit" },
                        rows = { { LUMI, nb, N_THR, N_THR / nb } },
      header = { quantity = "inputs of the displaced projection: N_B = 2 sigma(B+B-) L, the contour level "
          .. "N_thr (paper text, 90% CL zero background) and the limit N_thr / N_B on B(B+ -> K+ a) B(a -> l+l-) <P_fid>",
        units = "lumi_abinv: ab^-1; n_b, n_threshold: events; br_product_limit: dimensionless",
        reference = "arXiv:2201.06580 Sec. 5; REFERENCE.md D10" } } }
  end,
}
