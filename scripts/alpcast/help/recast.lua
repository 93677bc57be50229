-- help/recast.lua: the recast contract (help("recast")) and alp.recast.*.
local CONTRACT = [==[
How to write a recast (the contract of alp.recast{...})

A recast is a declaration: the published limit (an alp.limit, with units,
CL and edge rules), the signal, the metadata.  It is one Lua file that ends
with `return alp.recast{...}`, either recasts/<name>.lua (data in
recasts/data/) or a folder recasts/<name>/ holding <name>.lua and its CSV
files.  Only files that call alp.recast are loaded as recasts; any other
.lua file is skipped with a note.  `alpcast new-recast NAME --data FILE.csv`
writes a starting recast from a data file's header.

A complete template (a limit on B(B+ -> K+ a) B(a -> mu mu) vs mass and
lifetime, from recasts/my_search/my_search.csv):

  local limit = alp.limit.csv("my_search.csv", {   -- inside this folder
    value = "br_ul", mass = "ma_GeV", lifetime = "ctau",  -- units: the header
    cl = 0.95,                     -- must equal the header's "# cl:"
    interpolate = { mass = "linear", lifetime = "log", value = "log" },
    outside = { mass = "none", short = "hold", long = "none" },
  })

  return alp.recast {
    name       = "my_search",            -- = the file stem (required)
    experiment = "Belle II",             -- (required)
    process    = "B+ -> K+ a, a -> mu+ mu-",                      (required)
    reference  = { journal = "...", arxiv = "2306.02830", doi = "..." },
    cite       = { "arXiv:2306.02830" },  -- keys of scripts/alpcast/refs.bib
    signature  = "displaced",            -- "invisible" | "displaced" | "prompt"
    cl         = 0.95,                   -- in (0, 1); = every limit's CL
    limit      = limit,
    signal     = function(model, ma, prepared, variant)
                   return model:br_b_to_ka(ma) * model:br(ma, "mumu")
                 end,
    masses     = { min = 0.22, max = 4.5, n = 200 },
    notes      = [[what was assumed, where the numbers come from]],
  }

The suite excludes (m_a, c) where signal / limit:at(m_a, model:ctau(m_a)) > 1.

Fields:
  name, experiment, process, reference (string or {arxiv =, journal =, doi =,
    ...}), signature, cl              required
  limit      an alp.limit (help("alp.limit")); or a function(ma, data,
             prepared, variant) -> number > 0 or math.huge, once per mass,
             when the limit is computed rather than published
  signal     function(model, ma, prepared, variant) -> the bounded quantity
             (a branching ratio, or events for an "events" limit), >= 0
  ratio      function(model, ma, data, prepared, variant) -> signal/allowed
             instead of signal + limit, when neither fits (> 1 = excluded)
  prepare    function(ma, data, variant) -> anything, once per mass and
             variant (e.g. alp.acceptance.table{...}), given to signal/ratio
  data       {key = "file.csv"}: other tables, read as alp.data tables and
             given to prepare/ratio/limit as data.key; inside the recast's
             folder (an absolute path or ".." is an error naming the field)
  variants   {name = {settings}}: one output per variant
             (<benchmark>_<variant>.csv); a variant may set its own limit,
             masses, couplings, benchmarks and parent; default = true on one
             variant writes it as <benchmark>.csv; the other settings reach the
             functions as variant.<key> (plus variant.name, variant.seed)
  status     "published" (default) or "projection"
  assumes    what the recast assumes about the model; a model family that
             breaks it is refused with the reason and gets no output:
             {couplings = {"mu"} (nonzero at Lambda: u c t d s b e mu tau
             cww cbb cgg), br_min = {gammagamma = 0.95} (B(a -> X) >= value
             at every scan mass, at the bottom, middle and top of the
             coupling scan), invisible = false (no invisible width),
             why = "the physics reason" (required)}; help("alp.family")
  result     "excluded" (default: signal > limit) or "preferred": the limit is
             an alp.limit.band and the region is lower <= signal <= upper
             (a measured excess); outputs, --list and figures say "preferred"
  confidence the data's grade (PROVENANCE.md, A-D) then its source:
             "B: digitised by ALPaca from arXiv:..." (the README table)
  acceptance how <P> is obtained: "event-level geometry" (our Monte Carlo),
             "published lifetime grid", "published contour" or
             "analytic decay probability" (a formula, e.g. exp(-L/d))
  benchmarks {"cff", "cWW"} (default both): restricts the benchmarks only
             (prefer `assumes`, which says why); masses {min =, max =, n =[, log
             = false]} or an array [GeV]; couplings {min =, max =, n =} [TeV^-1];
             rtol (1e-3); seed (1); timeout [s] (default: alpcast suite's)
  observable, notes, tags   text for people
  cite       {"key", ...}: BibTeX keys of scripts/alpcast/refs.bib, the
             measurement first, then its data source if different (INSPIRE
             texkeys, else arXiv:NNNN.NNNNN); `alpcast cite` and the suite's
             citations.bib use them; every bundled recast has one
  extra      function(data) -> {name = {columns =, rows =, header =}}: tables
             written to DIR/<recast>/extra/
  flavour    paper Sec. 3.4, for searches where production and decay decouple:
             {coupling = "csb"|"cds", production = function(model, ma) -> BR,
             invisible = function(ma, data, prepared, variant) -> BR_UL for an
             invisible ALP, prompt = (the same for a promptly decaying one),
             decay = "a -> ..."}: the suite writes DIR/<name>/<coupling>.csv,
             the bound on |C|/f_a vs m_a (alpcast/flavour.lua); or a string
             saying why no such bound exists

Arguments: model = the model at coupling c of the family being run (the
benchmarks alp.model.benchmark("cff"|"cWW", c) with f_a = 1 TeV, or a model
family's model(c), `alpcast suite --model`; c is c(Lambda)/f_a in TeV^-1,
the axis of the outputs; its invisible width is in m:br and m:ctau (seed
eq. 2.12): use B(a -> X) for visible signals and add B(a -> invisible) to
invisible ones (paper eqs. 3.3-3.4); m:ctau(ma) [m], m:tau(ma)
[s], m:br(ma, ch), m:br_b_to_ka(ma), ...); ma the ALP mass [GeV].
Physical constants come from alp.constants (c_light, hbar, masses, lifetimes);
never type one into a recast.  Numbers of produced mesons:
alp.experiment.mesons(name, pair, {L, "ab^-1"}).

Rules, checked when the file loads (errors name the file, the line and the
field): required fields with the right types; unknown fields rejected with a
suggestion; name = file stem; data files exist inside the folder; either
ratio or signal + limit; every limit at the recast's CL.  No physics runs at
load time (alp.limit.csv reads only the header then).  Run-time errors name
the recast, the variant, the mass and the coupling, and the recast's line.

Environment: a fresh strict environment with alp, math, string, table, utf8,
ipairs, pairs, next, select, type, tostring, tonumber, error, assert, pcall,
print, rawget, rawequal, rawlen, setmetatable, getmetatable.  Undefined
globals and global writes raise; os, io, require, alp.output, alp.plot and
alp.fs are not available; alp.data.csv / alp.limit.csv read only inside the
recast's folder.  Each recast runs in its own process (alpcast suite -j N).

Outputs (alpcast suite): DIR/<name>/<benchmark or family>[_<variant>].csv (ma_GeV,
c_low, c_high; one row per excluded interval per mass), polygons in
DIR/<name>/extra/, the data files used with their SHA-256 in every header and
in summary.json.  From the REPL: d = alp.recast.load("recasts/x.lua");
print(d); r = alp.recast.scan(d, "cff" [, variant]).]==]

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
alp.recast.scan(desc, family [, variant [, opts]]) -> scan result
Runs a recast for "cff", "cWW" or a model family (alp.family.load; and a
variant name when it has variants) over its mass and coupling grids; returns
what alp.scan.run returns.  The EFT bound (D16(b)) is divided by the family's
largest coupling at c = 1 (family.scale).
opts: data (from alp.recast.data), family (a function c -> model instead of
the benchmark, for tests), with_ratio (res.ratio(model, i): the ratio at
mass i), cache (a table shared across calls: prepare and limit run once
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
alp.recast.applies(desc, family [, variant]) -> true | false, reason
Whether the recast (or that variant) applies to "cff", "cWW" or a model
family: a benchmark must be in its `benchmarks`, any family must meet its
`assumes` (help("recast")) over its scan; the reason says what fails where.
Example: print(alp.recast.applies(alp.recast.load("recasts/charm_kmumu.lua"), "cWW"))]==],
["alp.recast.check"] = [==[
alp.recast.check(model, ma [, opts]) -> array of verdicts
Every recast's verdict on one point (also `alpcast check --help`).
model: an alp.model (its couplings scaled together, c = max |c_i|/f_a), an
alp.family with opts.c, or "cff" / "cWW" with opts.c; ma in GeV.
opts: c [TeV^-1], recasts (descriptors or paths; default every recast of
recasts/ and opts.dirs), dirs (more recast folders), only (function(name) ->
boolean), variant (only this variant of each recast), seed.
Each verdict: recast, variant, experiment, signature, cl, observable, ma, c,
verdict ("excluded" ratio > 1, "allowed", "not applicable", "no limit" (m_a
outside its masses), "beyond validity" (c above the D16(b) bound)), reason,
ratio (signal/limit), intervals ({c_low, c_high} at ma, the suite's scan at
that one mass), c_edge (the nearest finite edge in ln c) and margin =
c_edge / c (the factor c must change by to flip the verdict), c_max.
Example: for _, v in ipairs(alp.recast.check(alp.model{cff = 1e-3}, 0.1)) do
  print(v.recast, v.verdict, v.ratio) end]==],
["alp.recast.card"] = [==[
alp.recast.card(desc) -> the text a descriptor prints as (name, experiment,
signature, status, process, CL, reference, variants, data files, limit, file).]==],
["alp.recast.preferred"] = [==[
alp.recast.preferred(desc, model, ma [, prepared [, variant]]) -> inside, signal, lower, upper
For a recast with result = "preferred": whether the model's signal at mass ma
[GeV] lies inside the band (lower <= signal <= upper; false where there is no
band).  prepared = what desc.prepare(ma, data, variant) returns; computed
here when nil (a Monte Carlo recast then runs its event sample: pass
{n_events = ...} as variant to make it cheaper).
Example: d = alp.recast.load(alp.root .. "/recasts/belle2_knunu_fit/belle2_knunu_fit.lua")
         print(alp.recast.preferred(d, alp.model{cff = 0.009, gamma_inv = 1e-3}, 2.0))]==],
["alp.recast.resolve"] = [==[
alp.recast.resolve(dir, path) -> dir/path, or nil, why: how a recast's file
paths are resolved -- inside its folder only; an absolute path or one with
".." is refused.]==],
}
