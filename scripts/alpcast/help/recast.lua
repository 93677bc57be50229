-- help/recast.lua: the recast contract (help("recast")) and alp.recast.*.
local CONTRACT = [==[
How to write a recast (the contract of alp.recast{...})

A recast is one Lua file, recasts/<name>.lua (or in a folder given with
`alpcast suite --recasts DIR` or $ALPCAST_RECAST_PATH), that ends with
`return alp.recast{...}`:

  return alp.recast {
    name       = "babar_knunu",          -- = the file stem (required)
    experiment = "BaBar",                -- (required)
    process    = "B+ -> K+ a, a -> invisible",                    (required)
    reference  = { journal = "PRD 87 (2013) 112005", arxiv = "1303.7465" },
                                         -- or a string (required)
    signature  = "invisible",            -- "invisible" | "displaced" | "prompt"
    cl         = 0.90,                   -- in (0, 1) (required)
    data       = { fit = "data/babar_knunu_fit.csv" },  -- relative to this
                                         -- file; must exist; read at run time
    status     = "published",            -- or "projection" (default published)
    observable = "...", notes = [[assumptions...]], tags = { "B" },
    benchmarks = { "cff", "cWW" },       -- which benchmarks it applies to
                                         -- (default both); the others get no
                                         -- file, the summary says
                                         -- "not applicable"
    variants   = { ["50ab"] = { lumi = 50 }, ["0p5ab"] = { lumi = 0.5 } },
                                         -- optional settings, one output each:
                                         -- <benchmark>_<variant>.csv.  A
                                         -- variant may override masses,
                                         -- couplings and benchmarks
    masses     = { min = 0.1, max = 2.92, n = 200 },  -- the mass grid [GeV]
                                         -- (log-spaced; log = false for
                                         -- linear; or an array).  Default
                                         -- {min = 1e-3, max = 4.78, n = 200}
    couplings  = { min = 1e-7, max = 1e2, n = 200 },  -- log grid of c (default)
    rtol       = 1e-3,                   -- relative accuracy of the edges
    seed       = 1,                      -- Monte Carlo seed (suite --seed N
                                         -- overrides); given as variant.seed
    prepare    = function(ma, data, variant) return acceptance_table end,
                                         -- optional: once per mass and variant
                                         -- (shared by the benchmarks)
    ratio      = function(model, ma, data, prepared, variant)
                   return signal / allowed        -- > 1 means excluded
                 end,
    -- or, instead of ratio, when the limit does not depend on the model:
    signal     = function(model, ma, data, prepared, variant) return br end,
    limit      = function(ma, data, prepared, variant) return br_ul end,
                                         -- once per mass; math.huge = no limit
    extra      = function(data) return { name = { columns =, rows =, header = } } end,
                                         -- optional tables -> DIR/<recast>/extra/
  }

What the arguments are:
  model     the benchmark model at coupling c: alp.model.benchmark("cff"|"cWW", c)
            with f_a = 1 TeV, so c is c(Lambda)/f_a in TeV^-1 -- the axis of
            the output files.  Use its methods (m:ctau(ma), m:br(ma, ch),
            m:br_b_to_ka(ma), ...).
  ma        the ALP mass [GeV], a point of the mass grid
  data      {key = alp.data table} for the files in `data` (d.columns.x,
            d.meta, d:interp1(...)); help("alp.data.csv")
  prepared  what prepare returned for this mass (nil without prepare)
  variant   the variant's settings plus name ("" without variants) and seed
ratio must return a number >= 0 (0 where nothing is excluded); signal a
number >= 0; limit a number > 0 or math.huge.

Rules, checked when the file loads (errors name the file, the line and the
field: "recasts/x.lua:8: alp.recast: field 'cl' must be a number in (0, 1),
got 90"): required fields present with the right types; unknown fields
rejected with a suggestion ("unknown field 'ratoi' (did you mean 'ratio'?)");
name = file stem; data files exist; either ratio or signal + limit.
No physics runs at load time: computing anything (a physics call) before
`return alp.recast{...}` is an error -- do it in prepare / ratio / signal /
limit.  This is what lets `alpcast suite --list` answer instantly.

Environment: each recast file runs in a fresh strict environment with alp,
math, string, table, utf8, ipairs, pairs, next, select, type, tostring,
tonumber, error, assert, pcall, print, rawget, rawequal, rawlen,
setmetatable, getmetatable.  Reading an undefined global or setting any
global raises (use local); os, io, require, alp.output, alp.plot and alp.fs
are not available: the suite writes all files.

How the suite runs it (alpcast suite): for each benchmark in {cff, cWW} it
applies to and each variant, it scans the mass grid x the coupling grid
(alp.scan: log grid plus Brent refinement of every sign change of ratio - 1)
and writes DIR/<name>/<benchmark>[_<variant>].csv (ma_GeV,c_low,c_high; one
row per excluded interval per mass; c_high = inf when open upwards) and the
region as polygons in DIR/<name>/extra/<benchmark>[_<variant>]_polygons.csv;
then the tables of extra(data) as DIR/<name>/extra/<key>.csv.  A recast that
raises gets one FAIL line and no output (its previous results are removed);
the others go on.  From the REPL: d = alp.recast.load("recasts/x.lua");
r = alp.recast.scan(d, "cff" [, variant]).]==]

return {
["recast"] = CONTRACT,
["alp.recast"] = CONTRACT,
["alp.recast.load"] = [==[
alp.recast.load(path) -> descriptor
Loads a recast file in its own strict environment and validates it (see
help("recast")).  Raises with the file, line and field on any violation, on a
file that does not end with `return alp.recast{...}`, and when the file
computed physics while loading.
Example: d = alp.recast.load(alp.root .. "/recasts/babar_knunu.lua")]==],
["alp.recast.scan"] = [==[
alp.recast.scan(desc, benchmark [, variant [, opts]]) -> scan result
Runs a recast for "cff" or "cWW" (and a variant name when it has variants)
over its mass and coupling grids; returns what alp.scan.run returns.
opts: data (from alp.recast.data), family (a function c -> model instead of
the benchmark), cache (a table shared across calls: prepare and limit run once
per variant and mass), masses / couplings / rtol / seed (overrides),
progress (function(i, n, ma)).
Example: r = alp.recast.scan(alp.recast.load("recasts/x.lua"), "cff")]==],
["alp.recast.data"] = [==[
alp.recast.data(desc) -> {key = alp.data table}
Reads the data files a recast declares (what its functions get as `data`).
Example: data = alp.recast.data(d); print(data.fit.meta.source)]==],
["alp.recast.environment"] = [==[
alp.recast.environment(label) -> table
A fresh strict environment as recast files get (for loadfile(path, "t", env)):
the allow-list read-only, undefined reads and all global writes raise with
`label` in the message.
Example: chunk = loadfile("my_recast.lua", "t", alp.recast.environment("mine"))]==],
["alp.recast.is_descriptor"] = [==[
alp.recast.is_descriptor(v) -> boolean
True when v was made by alp.recast{...}.]==],
["alp.recast.variant"] = [==[
alp.recast.variant(desc [, name]) -> table
The variant table a recast's functions receive: the variant's settings (less
masses, couplings, benchmarks) plus name ("" without variants) and seed.]==],
["alp.recast.applies"] = [==[
alp.recast.applies(desc, benchmark [, variant]) -> boolean
Whether the recast (or that variant) applies to "cff" / "cWW".]==],
}
