-- scripts/figures/future_reach.lua: "future reach" -- every bundled recast with
-- status "projection" as outlines over the current bounds (grey), paper Fig. 12
-- style, one panel per model in the results.
--   alpcast scripts/figures/future_reach.lua [--out DIR] [--model NAME]
-- Writes DIR/future_reach_<model>.{csv,gp,svg,pdf} (alpcast/overview.lua).
return require("alpcast.overview").main({ ... }, {
  status = "projection", prefix = "future_reach", script = "scripts/figures/future_reach.lua", background = true,
  title = "Future reach: every projection, over the current bounds (grey)" })
