-- help/limit_table.lua: help entries of the alp.limit_table type (the C core
-- of alp.limit; use alp.limit rather than these directly).
return {
["alp.limit_table:at"] = [==[
t:at(u, t) -> the limit at (mass u [GeV], c tau t [m]), math.huge where none.
The C table under an alp.limit; see help("alp.limit").]==],
["alp.limit_table:range"] = [==[
t:range() -> u_min, u_max, t_min, t_max: the axes' ranges (along the curves,
then across them).]==],
}
