-- help/experiment.lua: help entries of alp.experiment (host/l_experiment.c;
-- the table is physics/experiment.c).
return {
["alp.experiment"] = [[
alp.experiment: the experiments alpcast knows, from one table
(physics/experiment.c): per experiment its name, a description with sources,
its beams, its detector volumes and its event generator.  Every function that
takes an experiment name (alp.sample.b_to_ka{experiment=},
alp.acceptance.table{experiment=}) takes the names of this table, and
alp.detector.<name>() exists for each; an unknown name is an error listing them.
  alp.experiment.list()      -> {"belle2", "babar", "besiii", "babar_y3s", "belle"}
  alp.experiment.info(name)  -> description, beams, generator, volumes
Example: for _, e in ipairs(alp.experiment.list()) do
           print(e, alp.experiment.info(e).beams.betagamma) end]],

["alp.experiment.list"] = [[
alp.experiment.list() -> {name, ...}
The experiment names in table order (a new array at each call):
{"belle2", "babar", "besiii", "babar_y3s", "belle"} today.
Example: print(table.concat(alp.experiment.list(), ", "))  --> belle2, babar, ...]],

["alp.experiment.info"] = [[
alp.experiment.info(name) -> table
  name, description  the name and a one-line description with its sources
  beams              {e_minus =, e_plus = (GeV), half_angle = (rad, each beam
                     to z; 0 head-on), mass = (GeV, the e+e- system: sqrt_s,
                     or the resonance mass given to it), sqrt_s = (GeV, from
                     the beams), betagamma = (its lab beta gamma)}
  beams.p            |p| of the two beams (GeV), not scaled to mass
  generator          the alp.sample constructor of its events ("b_to_ka":
                     e+e- -> Y(4S) -> B+ B-, B+ -> K+ a; "v_to_gamma_a":
                     e+e- -> V, V -> gamma a, REFERENCE D17), generator_text
  parent, boost      v_to_gamma_a only: the V and its lab beta gamma as the
                     source quotes it (the recasts' boost)
  volumes            the volume names of alp.detector.<name>()
Belle II: 7.004 / 4.002 GeV, 41.5 mrad, beta gamma 0.2868 (paper Sec. 4.1);
BaBar: 9.0 / 3.1 GeV head-on, mass m_Y(4S), beta gamma 0.5585 (REFERENCE D13);
besiii: m_J/psi/2 each, 11 mrad, J/psi boost 0.011 (besiii_geometry.csv, C);
babar_y3s: 8.6 / 3.1 GeV (a GAP: ALPaca's comment, C), Y(3S) boost
(8.6 - 3.1)/m_Y(3S) = 0.531; belle: KEKB 8.0 / 3.5 GeV, 11 mrad, Y(1S)
boost 0.425 (Y(4S) value, grade B: the Y(2S)-run energies are a GAP).
Errors: "alp.experiment.info: name must be one of "belle2", "babar", ...,
got 'belle3' (did you mean 'belle2'?)".
Example: print(alp.experiment.info("babar").beams.betagamma)  --> 0.5585...]],
["alp.experiment.mesons"] = [[
alp.experiment.mesons(name, pair, lumi) -> N, sigma_nb
The number of B mesons plus anti-mesons produced, N = 2 sigma L (paper Sec.
4.1; REFERENCE D9, D10), pair "B+B-" or "B0B0bar", lumi in nb^-1 or as
{value, "ab^-1"|"fb^-1"|"pb^-1"|"nb^-1"}.  The cross sections are the
experiment's declared ones (alp.experiment.info(name).sigma_nb; Belle II:
0.54 and 0.51 nb, paper Sec. 4.1); an experiment that declares none (BaBar
quotes numbers of BB pairs) raises.
Example: alp.experiment.mesons("belle2", "B+B-", {50, "ab^-1"})  --> 5.4e10]],
}
