-- help/units.lua: help entries of alp.units.
return {
["alp.units"] = [==[
alp.units: the units a data file may declare per column and their factors to
alpcast's units: mass GeV (MeV, keV); time s (ns, ps, fs); length m (cm, mm,
um); dimensionless ("-", "1"); events; cross section nb (pb, fb); luminosity
nb^-1 (pb^-1, fb^-1, ab^-1); inverse energy GeV^-1 (TeV^-1).
  alp.units.kind(unit)               -> kind, factor (nil if unknown)
  alp.units.factor(unit, kinds, what)-> factor, kind (raises naming what)
  alp.units.ctau_m(x, unit)          -> c tau [m] from tau or c tau
  alp.units.quantity({x, "unit"}, kinds, what) -> x in the base unit]==],
["alp.units.kind"] = [==[
alp.units.kind(unit) -> kind, factor to the kind's base unit; nil if the unit
is unknown.  Example: alp.units.kind("ps") -> "time", 1e-12]==],
["alp.units.factor"] = [==[
alp.units.factor(unit, kinds, what) -> factor, kind
kinds: a kind or a list of kinds; raises "<what>: unit 'x' is not a unit of
<kinds> (known: ...)" otherwise.]==],
["alp.units.ctau_m"] = [==[
alp.units.ctau_m(x, unit) -> proper decay length [m] of a lifetime x given in
s/ns/ps/fs (times c = 299792458 m/s) or a length in m/cm/mm/um.
Example: alp.units.ctau_m(1000, "ps") -> 0.2998]==],
["alp.units.quantity"] = [==[
alp.units.quantity({value, "unit"}, kinds, what) -> value in the base unit,
kind.  A time is returned as c tau [m] with kind "length".
Example: alp.units.quantity({50, "ab^-1"}, "luminosity", "lumi") -> 5e10]==],
}
