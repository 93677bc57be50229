-- help/interp.lua: help entries of alp.interp.
return {
["alp.interp"] = [==[
alp.interp: the one interpolation code of alpcast (physics/interp.c, GSL).
  alp.interp.curve(x, y [, {x = "linear"|"log", y = "linear"|"log",
                   method = "linear"|"steffen"|"nearest"}]) -> curve
curve:at(x) -> the value, or nil outside [x1, xn] or next to a nan knot (a gap);
never extrapolates.  "steffen" is GSL's monotone cubic (gsl_interp_steffen).
alp.limit is built on the same code.]==],
["alp.interp.curve"] = [==[
alp.interp.curve(x, y [, opts]) -> curve
x strictly increasing, finite; y finite or nan (a gap: no value between the
nan knot and its neighbours).  opts.x / opts.y: "linear" (default) or "log"
(interpolate in ln x / ln y; values must be > 0); opts.method: "linear"
(default), "steffen" (monotone cubic, needs >= 3 knots per piece), "nearest".
Example: c = alp.interp.curve({1, 10}, {1, 100}, {x = "log", y = "log"}); c:at(3) -> 9]==],
}
