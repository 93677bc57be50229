-- help/curve.lua: help entries of the alp.curve type.
return {
["alp.curve:at"] = [==[
curve:at(x) -> the interpolated value at x, or nil where the curve has no
value (outside its knots or in a gap next to a nan knot).]==],
["alp.curve:range"] = [==[
curve:range() -> x_min, x_max: the first and last knot.]==],
}
