-- scripts/figures/current_bounds.lua: "current bounds" -- every bundled recast
-- with status "published", paper Fig. 3 style (filled regions; preferred regions
-- of a measured band lighter, dashed), one panel per model in the results.
--   alpcast scripts/figures/current_bounds.lua [--out DIR] [--model NAME]
-- Writes DIR/current_bounds_<model>.{csv,gp,svg,pdf} (alpcast/overview.lua).
return require("alpcast.overview").main({ ... }, {
  status = "published", prefix = "current_bounds", script = "scripts/figures/current_bounds.lua",
  title = "Current bounds: every published recast (Λ = 4π f_a, f_a = 1 TeV)" })
