-- help/output.lua: help entries of alp.output.
return {
["alp.output"] = [==[
alp.output: result files.  Every writer writes PATH.tmp and renames it onto
PATH, so an interrupted run (Ctrl-C, SIGTERM) or a failed write never leaves a
half-written file; on error the .tmp is removed and the error re-raised.
  alp.output.csv(path, {columns=, rows=, header=})
  alp.output.json(path, value), alp.output.json_encode(value)
  alp.output.text(path, string)]==],
["alp.output.csv"] = [==[
alp.output.csv(path, {columns = {names...}, rows = {{...}, ...}, header = {...}}) -> path
Writes a CSV file with a provenance header:
  # quantity: ...        one "# key: value" line per header entry: quantity,
  # units: ...           units, model, benchmark, variant, recast, experiment,
  # ...                  reference, source, cl, seed first, the others sorted;
  # generated: alpcast 0.1.0 (Lua 5.4.4, GSL 2.7.1)     (added automatically)
  ma_GeV,c_low,c_high    the column row
  0.3,0.00012,inf        the rows
Rows are arrays in column order, or tables keyed by column name.  Numbers are
written with %.8g (integers as integers), math.huge as inf, -math.huge as
-inf, NaN as nan; strings with commas or quotes are quoted; nil is empty.
Multi-line header values continue on "#   " lines; table values are joined
with ", ".
Errors: "alp.output.csv: rows[3] has 2 values, the header has 3 columns",
unknown keys of the table argument, a folder that does not exist.
Example: alp.output.csv("out/x.csv", {columns = {"ma_GeV", "c"},
           rows = {{0.3, 1e-3}}, header = {quantity = "c limit", units = "GeV, TeV^-1"}})]==],
["alp.output.json"] = [==[
alp.output.json(path, value) -> path
Writes value as JSON (atomically, like alp.output.csv).  Tables that are
sequences become arrays (an empty table is []), others objects with sorted
keys; integers stay integers, floats use %.17g; inf and NaN become null.
Errors: cyclic tables, functions or userdata inside value.
Example: alp.output.json("out/summary.json", {ok = true, times = {0.1, 0.2}})]==],
["alp.output.json_encode"] = [==[
alp.output.json_encode(value) -> string
The JSON text alp.output.json writes (two-space indent, sorted keys).
Example: print(alp.output.json_encode{a = 1, b = {1, 2}})]==],
["alp.output.text"] = [==[
alp.output.text(path, string) -> path
Writes a string to path atomically (PATH.tmp, then rename).
Example: alp.output.text("out/notes.txt", "hello\n")]==],
["alp.output.figure_args"] = [==[
alp.output.figure_args(args, script) -> DIR, family | nil
The command line of a figure script that can draw a model family:
`alpcast SCRIPT [--out DIR] [--model FILE.lua]` (the suite passes --model
with `alpcast suite --model`); family is the loaded alp.family or nil.
Example: local out, fam = alp.output.figure_args({ ... }, "scripts/figures/fig3.lua")]==],
["alp.output.out_dir"] = [==[
alp.output.out_dir(args, script) -> DIR | nil
The command line of a figure script, `alpcast SCRIPT [--out DIR]` -- also how
`alpcast suite` runs scripts/figures/*.lua.  Returns DIR (default "out"),
made if missing; for --help prints the usage and returns nil; raises
"SCRIPT: unknown argument 'x' (usage: ...)" on anything else.
Example (first lines of a figure script):
  local out = alp.output.out_dir({ ... }, "scripts/figures/fig3.lua")
  if not out then return end]==],
}
