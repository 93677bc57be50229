-- help/data.lua: help entries of alp.data.
return {
["alp.data"] = [==[
alp.data: tables of published inputs, and interpolation that never
extrapolates silently.
  alp.data.csv(path)                       -> data table (columns + metadata)
  alp.data.interp1(xs, ys [, opts])        -> f(x)
  alp.data.interp2(xs, ys, z [, opts])     -> f(x, y)
Data-table methods: d:column(name), d:row(i), d:interp1(xname, yname, opts),
d:grid(xname, yname, zname).]==],
["alp.data.csv"] = [==[
alp.data.csv(path [, {separator = ","}]) -> d
Reads a CSV file: comment lines start with "#"; the first other line names
the columns; then one row per line ("..." quoting allowed).
  d.path      the file
  d.names     column names in file order
  d.columns   name -> array of values; an unknown name raises (with a
              suggestion).  A column whose cells are all numbers is numeric
              (nan, inf, -inf accepted; empty cells become nan); otherwise its
              values are strings
  d.n         number of rows
  d.meta      "# key: value" lines before the column row: key lower-cased,
              spaces -> "_" ("# Source: x" -> d.meta.source = "x"); lines
              "#   more" (two or more spaces) continue the previous value
              (joined with "\n"); a repeated key is joined the same way
  d.comments  every comment line, without "#"
Methods: d:column(name) (= d.columns[name]), d:row(i) -> {name = value},
d:interp1(xname, yname [, opts]) (alp.data.interp1 on two columns),
d:grid(xname, yname, zname) -> xs, ys, z (a long-format table, one row per
(x, y), as the arguments of alp.data.interp2; raises unless the grid is full).
Errors: "alp.data.csv: FILE:LINE: 3 values, the column row has 4", unreadable
file, no column row.
Example: d = alp.data.csv(alp.root .. "/recasts/data/x.csv"); print(d.meta.source)]==],
["alp.data.interp1"] = [==[
alp.data.interp1(xs, ys [, {logx = false, logy = false, outside = "error"}]) -> f
f(x) interpolates linearly between the knots, in ln x and/or ln y when asked
(logy: values must be > 0).  xs strictly increasing.
Outside [xs[1], xs[n]], and between knots next to a nan or inf value (a gap in a
digitised curve), f does what outside says -- never extrapolates:
  "error"    raise "x = 5 is outside the table [0.1, 3]" (default)
  "nolimit"  return math.huge (a limit that excludes nothing)
  "nil"      return nil
  a number   return that number (e.g. 0 for an efficiency)
Errors: lengths differ, xs not increasing, non-positive values with log.
Example: ul = d:interp1("m_a_GeV", "BR_UL", {outside = "nolimit", logy = true})]==],
["alp.data.interp2"] = [==[
alp.data.interp2(xs, ys, z [, {logx =, logy =, logz =, outside = "error"}]) -> f
f(x, y): bilinear interpolation on the rectangular grid z[i][j] at
(xs[i], ys[j]), in ln x / ln y / ln z when asked; outside the grid or in a
cell with a nan corner, as outside says (see alp.data.interp1).
Example: local xs, ys, z = d:grid("ma_GeV", "ctau_m", "br_ul")
         f = alp.data.interp2(xs, ys, z, {logy = true, logz = true})]==],
["alp.data.parse_units"] = [==[
alp.data.parse_units(text) -> {column = unit}
Parses a header's "units:" line: entries "column: description [unit]" (or
"column: [unit]") separated by ";" outside brackets; the unit is the last
[...] of the entry, or "text" for a text column.  alp.data.csv puts the result
in d.units and then requires every declared non-text column to be numeric
(error FILE:LINE: column 'x': not a number) and inside its physical range: a
declared one, "[dimensionless, 0..1]" (returned as the second value
{column = {lo, hi}}), or >= 0 for masses, times, lengths, events, cross
sections and luminosities (nan = no value always passes).
Example: alp.data.parse_units("ma: ALP mass [GeV]; ul: [dimensionless]")
         -> {ma = "GeV", ul = "dimensionless"}]==],
}
