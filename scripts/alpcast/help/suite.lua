-- help/suite.lua: `alpcast suite` (reachable as help("suite")).
local usage = require("alpcast.suite").usage
return {
["alp.suite"] = usage .. [==[


Layout of DIR:
  DIR/<recast>/<benchmark>[_<variant>].csv   ma_GeV,c_low,c_high (commented
        provenance header: quantity, units, model, recast, experiment,
        reference, cl, seed, scan grid, versions)
  DIR/<recast>/extra/<benchmark>[_<variant>]_polygons.csv   the region as
        closed polygons (alp.contour); plus the recast's extra tables
  DIR/fig<N>_*.csv / .svg / .pdf             written by the figure scripts
  DIR/summary.json   alpcast/Lua/GSL versions, start time, recast folders,
        per recast: status, error, time_s (CPU), seed, cl, benchmarks (files
        or "not applicable"), outputs; per figure script: status, time_s;
        failures; n_failed
Each recast writes into DIR/.<recast>.partial/ and is renamed onto
DIR/<recast>/ when it succeeds; every file goes through FILE.tmp + rename.
So Ctrl-C / SIGTERM ("interrupted": the suite stops at once, exit 1) or a
failure leaves no partially written file.
Figure scripts: every scripts/figures/*.lua (or --figures DIR) runs after the
recasts, in its own environment, with arg = {"--out", DIR} (and the same as
`...`), exactly as `alpcast scripts/figures/NAME.lua --out DIR` would; it may
read the recasts' files under DIR.  It must not call os.exit.  A raising
figure script is one FAIL line.  A figure script may return a table
{summary = {...}, headline = {"line", ...}}: the summary is stored with the
script's entry in summary.json, the headlines are printed at the end of the
run (fig12 reports the best reach of seed eq. 5.1 this way).]==],
}
