-- help/family.lua: help entries of alp.family (scripts/alpcast/family.lua).
local FAMILY = [==[
Model families (alp.family): an ALP model as a function of one coupling c
= c(Lambda)/f_a [TeV^-1] (the axis of every output).  `alpcast suite --model
FILE.lua` runs every recast on one, `alpcast check --model FILE.lua --ma M
--c C` judges one point.  The benchmarks "cff" and "cWW" (paper eq. 2.13)
are families too.  Shipped examples: models/leptophilic.lua,
models/photophobic.lua, models/cff_cww.lua, models/cff_inv50.lua.

A family file returns a plain table:
  return {
    name      = "leptophilic",   -- file-safe word: DIR/<recast>/<name>.csv
                                 -- ("cff" and "cWW" are reserved)
    label     = "c_{ll}(Λ)/f_a [TeV^{-1}]",  -- axis label (gnuplot text)
    notes     = "what it is and why",
    citations = { "arXiv:2012.12272" },       -- {} if from no source
    model     = function(c) return alp.model { cf = { e = c, mu = c, tau = c } } end,
    per_mass  = false,  -- true: model(c, ma), e.g. an invisible width set
                        -- per mass (models/cff_inv50.lua)
  }
Rules (checked on load, errors name the file and the field): the couplings
of model(c) are c times fixed numbers (checked at c = 1 and 3), f_a fixed,
at least one coupling nonzero; unknown fields rejected with a suggestion.
The file runs in the recasts' strict environment (alp, math, string, ...).
D16(b)'s bound f_a/|c_i| > m_P applies to the largest coupling:
c < c_max / family.scale, scale = max |c_i(Lambda)|/f_a[TeV] at c = 1.
A recast whose `assumes` (help("recast")) the family breaks writes nothing
for it and says why.]==]
return {
["alp.family"] = FAMILY,
["family"] = FAMILY,
["alp.family.load"] = [==[
alp.family.load(path) -> family
Loads and validates a family file (help("alp.family")); a bare name
("leptophilic") is the shipped models/<name>.lua.  The family has the
file's fields plus scale (max |c_i|/f_a at c = 1) and file.  Errors name the
file and the field ("cannot read", "must be linear in c", ...).
Example: f = alp.family.load(alp.root .. "/models/leptophilic.lua"); m = f.model(1e-2)]==],
["alp.family.new"] = [==[
alp.family.new(spec [, where]) -> family
A family from a table as a family file returns (where names it in errors).
Example: f = alp.family.new{name = "two", label = "c", notes = "", citations = {},
  model = function(c) return alp.model{cff = c, cww = c} end}]==],
["alp.family.benchmark"] = [==[
alp.family.benchmark(name) -> family: "cff" or "cWW" (paper eq. 2.13).]==],
["alp.family.of"] = [==[
alp.family.of(v, fname) -> family: a family as it is, or the benchmark named
"cff" / "cWW"; anything else is an error from fname.]==],
["alp.family.families"] = [==[
alp.family.families([path]) -> array of families a suite run covers: the two
benchmarks, or the family of the file (`alpcast suite --model`).]==],
["alp.family.summary"] = [==[
alp.family.summary(family) -> table: name, label, file, notes, citations,
per_mass, scale, model_at_c1 (what summary.json records as "model").]==],
["alp.family.is_family"] = [==[
alp.family.is_family(v) -> boolean: v was made by alp.family.]==],
["alp.family.describe"] = [==[
alp.family.describe(family) -> one line for output headers (the model at c = 1).]==],
["alp.family.couplings_of"] = [==[
alp.family.couplings_of(model) -> {u=, c=, t=, d=, s=, b=, e=, mu=, tau=, cww=,
cbb=, cgg=}, f_a [GeV]: the couplings at Lambda of an alp.model.]==],
["alp.family.max_coupling_of"] = [==[
alp.family.max_coupling_of(model) -> max |c_i(Lambda)|/f_a [TeV^-1] (what
REFERENCE D16(b) bounds).]==],
}
