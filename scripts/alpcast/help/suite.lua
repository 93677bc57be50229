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
        per recast: status, error, time_s (CPU), wall_s, seed, cl, benchmarks (files
        or "not applicable"), outputs; per figure script: status, time_s;
        failures; n_failed
Isolation: each recast runs in its own process (forked after the library is
loaded, before the recast file is loaded), -j N at a time; whatever it
changes (metatables of the built-in types, the string metatable, alp.scan,
library modules) dies with that process, and a crash, a signal (SIGSEGV,
SIGABRT, SIGKILL of the OOM killer), os.exit or --timeout is one FAIL line
naming it.  The report is printed in name order whatever the order the
recasts end in; the files do not depend on -j.  Time totals in summary.json:
time_s = CPU seconds (the children's included), wall_s = wall time.
Each recast writes into DIR/.<recast>.partial/ and is renamed onto
DIR/<recast>/ when it succeeds; every file goes through FILE.tmp + rename.
So Ctrl-C / SIGTERM ("interrupted": every running recast's process group is
killed with SIGKILL -- the recast is not asked -- and the suite exits 1
within a fraction of a second) or a failure leaves no partially written
file.
Figure scripts: every scripts/figures/*.lua (or --figures DIR) runs after the
recasts, in its own environment, with arg = {"--out", DIR} (and the same as
`...`), exactly as `alpcast scripts/figures/NAME.lua --out DIR` would; it may
read the recasts' files under DIR.  It runs in its own process: a raising or
crashing figure script (or one calling os.exit) is one FAIL line.  A figure script may return a table
{summary = {...}, headline = {"line", ...}}: the summary is stored with the
script's entry in summary.json, the headlines are printed at the end of the
run (fig12 reports the best reach of paper eq. 5.1 this way).]==],
}
