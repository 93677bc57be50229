-- help/plot.lua: help entries of alp.plot.
return {
["alp.plot"] = [==[
alp.plot: figures through gnuplot.
  alp.plot.figure{...}   a log-log figure from CSV files: lines and filled
                         exclusion regions, SVG and PDF
  alp.plot.gnuplot()     the gnuplot command in use, or nil, reason
Without gnuplot the figure's .gp script and its data are still written, and
figure() returns nil, "gnuplot not found ...".  ALPCAST_GNUPLOT=/path/gnuplot
chooses the program; ALPCAST_GNUPLOT=none disables plotting.]==],
["alp.plot.figure"] = [==[
alp.plot.figure{output = "DIR/name", series = {...}, ...} -> {files} | nil, reason
Writes DIR/name.gp (standalone: data paths relative to DIR) and, with gnuplot,
DIR/name.svg and DIR/name.pdf (each through a .tmp file renamed on success;
SVGs carry xml:space="preserve" so librsvg keeps blanks after subscripts).
Returns the files written (the .gp first), or nil and the reason when gnuplot
is missing (the .gp is still written).
Options:
  output    path without extension (required)
  title, xlabel, ylabel   strings (gnuplot enhanced text: c_{ff}, TeV^{-1})
  logx, logy              default true
  xrange, yrange          {lo, hi} (either may be nil: autoscale that end)
  formats   any of "svg", "pdf", "png" (default {"svg", "pdf"})
  key       legend position, e.g. "top left" (default "top right"); false: none
  size      {width, height} in pixels for SVG (PDF: the same at 144 px/inch);
            default {720, 540}
  grid      false to switch the grid off
  labels    {{text =, x =, y =}, ...} text placed at data coordinates
  series    array of curves, each:
    file    CSV file (commented header allowed; the first other line names
            the columns)
    x, y    column names (or 1-based numbers); default 1 and 2
    style   "lines" (default), "points", "linespoints", "steps",
            "filled"  (fills between columns y and y2; y2 required),
            "polygon" (closed filled polygons: the x,y rows of a polygon
                       file, polygons separated by blank lines -- the format
                       alp.contour.write produces)
    y2      second column for style = "filled"
    title   legend text (default: the column name; false: no entry)
    color   "#rrggbb" (default: a colour-blind-safe cycle)
    width   line width (default 2); dash 1..5 (dash type); alpha 0..1 fill
            opacity (default 0.35); index N: gnuplot data block N;
            pattern 1..7: hatching of a "polygon" or "filled" region (drawn
            over its light fill; the key shows the hatching)
Values that are inf or nan (e.g. c_high = inf) are skipped when plotting.
Errors: unknown options (with a suggestion), a missing column (the file's
columns are listed), gnuplot failing (its message is included).
Example: alp.plot.figure{output = "out/fig3_cff", xlabel = "m_a [GeV]",
  ylabel = "c_{ff}/f_a [TeV^{-1}]", series = {{file = "out/fig3_cff_babar.csv",
  x = "ma_GeV", y = "c", style = "polygon", title = "BaBar"}}}]==],
["alp.plot.gnuplot"] = [==[
alp.plot.gnuplot() -> command | nil, reason
The gnuplot command figure() runs ($ALPCAST_GNUPLOT or "gnuplot"), or nil and
a reason when it is not installed or ALPCAST_GNUPLOT is "none" or empty.
Example: if not alp.plot.gnuplot() then print("no figures, only .gp files") end]==],
}
