-- help/roots.lua: help entries of alp.roots.
return {
["alp.roots"] = [==[
alp.roots: one-dimensional root finding on a Lua function (GSL Brent).
  alp.roots.brent(f, a, b [, opts])]==],
["alp.roots.brent"] = [==[
alp.roots.brent(f, a, b [, {rtol =, atol =, log =, max_iter =, fa =, fb =}])
  -> root, calls
A root of f in [a, b] with GSL's Brent solver (gsl_root_fsolver_brent).
f(a) and f(b) must have opposite signs (or one be 0: that end is returned).
  rtol      relative tolerance on the root (default 1e-10), in (0, 0.5]
  atol      absolute tolerance (default 0; linear mode only)
  log       true: iterate in ln x (a > 0); the root is then within a factor
            (1 + rtol) of the true one -- for couplings spanning decades
  max_iter  default 100
  fa, fb    f(a), f(b) when already known (saves two calls)
Returns the root and the number of calls of f.  f is called with x (not
ln x) and must return a finite number.
Errors: "alp.roots.brent: f(a) and f(b) must have opposite signs, got ...",
"f returned nan at x = ...", errors raised by f (propagated unchanged; the
solver is freed by the garbage collector), "exceeded max number of
iterations".
Example: alp.roots.brent(function(x) return x^2 - 2 end, 0, 3)  --> 1.41421, 10]==],
}
