-- help/stats.lua: help entries of alp.stats.
return {
["alp.stats"] = [==[
alp.stats: upper limits for counting experiments (REFERENCE.md §6).
  alp.stats.poisson_upper(n, b [, cl [, method]])   signal limit, n observed
  alp.stats.expected_upper(b [, cl [, method]])     expected limit (paper 4.3)
  alp.stats.zero_background([cl])                   -ln(1 - cl)
  alp.stats.gaussian_upper{observed=, sigma=, ...}  paper eq. (3.6)
  alp.stats.nsigma(cl [, sides])                    Gaussian sigmas for a CL
  alp.stats.punzi(eff, b [, a])                     Punzi figure of merit
Counts are events; cl defaults to 0.90.]==],
["alp.stats.poisson_upper"] = [==[
alp.stats.poisson_upper(n, b [, cl = 0.90 [, method = "classical"]]) -> s_up
Upper limit on a Poisson signal mean for n observed events over an expected
background of b events.
  "classical": s_up solves P(k <= n | s_up + b) = 1 - cl (the Poisson CDF
               prescription of paper Sec. 4.3); it is 0 when even s = 0 is
               excluded (n far below b).
  "cls":       s_up solves P(k <= n | s+b) / P(k <= n | b) = 1 - cl.
n = 0, b = 0 gives 2.303 (90 %), 2.996 (95 %).  Relative accuracy 1e-10.
Units: events.  n: integer in [0, 1e8]; b in [0, 1e8]; cl in (0, 1).
Errors: "alp.stats.poisson_upper: cl must be a finite number in (0, 1), got 90";
CLs when P(k <= n | b) underflows ("output range error").
Example: alp.stats.poisson_upper(0, 0)  --> 2.3026]==],
["alp.stats.expected_upper"] = [==[
alp.stats.expected_upper(b [, cl = 0.90 [, method = "classical"]]) -> s_up, n
Expected upper limit for a background of b events: poisson_upper(n, b) with
n = the integer closest to b (ties to even: b = 4.5 -> n = 4), paper Sec. 4.3.
Returns the limit and the n used.  REFERENCE.md §6/§7 checkpoints at 90 %:
b = 1767 -> 55.10, 176700 -> 539.92, 4.5 -> 3.4936.
Units: events.  Errors as poisson_upper.
Example: alp.stats.expected_upper(176700)  --> 539.92, 176700]==],
["alp.stats.zero_background"] = [==[
alp.stats.zero_background([cl = 0.90]) -> -ln(1 - cl)
Signal events excluded when no background is expected and none is seen:
2.303 at 90 %, 2.996 at 95 % (the paper's 2.3-event contours).
Errors: cl outside (0, 1).
Example: alp.stats.zero_background(0.95)  --> 2.9957]==],
["alp.stats.nsigma"] = [==[
alp.stats.nsigma(cl [, sides = "one-sided"]) -> number of sigmas
Gaussian quantile for a confidence level: "one-sided" Phi^-1(cl)
(0.90 -> 1.2816), "two-sided" Phi^-1((1 + cl)/2) (0.90 -> 1.6449: the 1.64
sigma that paper eq. (3.6) calls 90 % CL).
Errors: cl outside (0, 1), an unknown sides string.
Example: alp.stats.nsigma(0.90, "two-sided")  --> 1.6449]==],
["alp.stats.gaussian_upper"] = [==[
alp.stats.gaussian_upper{observed =, sigma =, background = 0, nsigma = 1.64,
                         relative = false} -> s_up
The Gaussian criterion of paper eq. (3.6): a signal s is allowed while
  background + s <= observed + nsigma * sigma,
so s_up = observed + nsigma * sigma - background, clamped at 0.  With
relative = true, sigma is a relative uncertainty (the paper's
(1 + 1.64 sigma) Delta B_obs).  Any units, the same for all inputs
(events or branching fractions).
Errors: unknown options, sigma < 0, nsigma outside [0, 100], missing
observed/sigma.
Example: alp.stats.gaussian_upper{observed = 2e-6, sigma = 0.3, relative = true,
                                  background = 7.3e-7}]==],
["alp.stats.punzi"] = [==[
alp.stats.punzi(eff, b [, a = 5]) -> eff / (a/2 + sqrt(b))
Punzi's figure of merit (physics/0308063) for choosing cuts: eff the signal
efficiency, b the expected background events after the cuts, a the sigmas of
the intended discovery (5).  Maximise it over the cuts.
Errors: eff < 0, b < 0, a outside [1e-6, 100].
Example: alp.stats.punzi(0.10, 1767)  --> 0.00225]==],
}
