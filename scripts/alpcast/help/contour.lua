-- help/contour.lua: help entries of alp.contour.
return {
["alp.contour"] = [==[
alp.contour: excluded intervals -> closed polygons in the (m_a, c) plane, for
filled exclusion plots (straight edges between grid masses in the log-log
plane).
  alp.contour.polygons(src [, opts])       -> polygons
  alp.contour.envelope(src)                -> {masses =, low =, high =}
  alp.contour.write(path, polygons [, header])
  alp.contour.read(path) -> polygons (what write wrote)]==],
["alp.contour.read"] = [==[
alp.contour.read(path) -> {{{ma, c}, ...}, ...}
Reads a polygon file of alp.contour.write (e.g. DIR/<recast>/extra/cff_polygons.csv):
one polygon per block of "ma_GeV,c" rows.  A row that is not two numbers is an
error naming the file and the line.
Example: polys = alp.contour.read("out/babar_knunu/extra/cff_polygons.csv")]==],
["alp.contour.envelope"] = [==[
alp.contour.envelope(src) -> {masses = {...}, low = {[ma] = c}, high = {[ma] = c}}
Per mass, the smallest c_low and the largest c_high of its excluded
intervals: the lowest excluded coupling (the curve of an invisible search)
and the top of the excluded region.  masses: every mass with an interval,
ascending, once each; low and high are keyed by those numbers.  Nothing is
clipped (c_high = inf, open upwards, stays inf).
src: as for alp.contour.polygons -- an alp.data table with columns ma_GeV,
c_low, c_high (an interval file of the suite, DIR/<recast>/<benchmark>.csv),
an array of intervals {ma =, lo =, hi =} (or {ma, lo, hi}), or a result of
alp.scan.run.  Units as given (GeV; c in TeV^-1 in the suite's files).
Errors: "alp.contour.envelope: intervals must be a table, got ...",
"intervals[2] must be a table, got 3", "interval 2 has a non-numeric value".
Example: e = alp.contour.envelope(alp.data.csv("out/belle2_kinv/cff_50ab.csv"))
         for _, ma in ipairs(e.masses) do print(ma, e.low[ma], e.high[ma]) end]==],
["alp.contour.polygons"] = [==[
alp.contour.polygons(src [, {clip_low =, clip_high =, masses =, gap_factor = 1.5}])
  -> {{{ma, c}, ...}, ...}
src: a result of alp.scan.run, an array of intervals {ma =, lo =, hi =} (or
{ma, lo, hi}), or an alp.data table with columns ma_GeV, c_low, c_high (an
interval file of the suite).  Intervals at neighbouring masses that overlap
in c form one region; an unbranched run becomes one polygon (lower edge left
to right, upper edge back); where a region forks or merges, quadrilaterals
bridge each connected pair, so the union of the polygons is the region.
Each polygon is closed (last point = first).
  clip_high   c_high = inf is drawn up to here (default: the top of the scan;
              for interval lists, 10 x the largest finite c_high)
  clip_low    lower clip (default: the bottom of the scan)
  masses      the mass grid of an interval list, so that masses without an
              interval break regions; without it a step in ln m larger than
              gap_factor x the smallest step is taken as a gap
Errors: unknown options, non-numeric intervals.
Example: polys = alp.contour.polygons(alp.scan.run{...})]==],
["alp.contour.write"] = [==[
alp.contour.write(path, polygons [, header]) -> path
CSV (atomic, with provenance header) with columns ma_GeV,c: one block of rows
per polygon, blocks separated by two blank lines -- plot it with
alp.plot.figure{series = {{file = path, x = "ma_GeV", y = "c", style = "polygon"}}}.
Example: alp.contour.write("out/fig3_cff_babar.csv", polys, {quantity = "excluded region"})]==],
}
