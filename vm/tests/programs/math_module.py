# The math module: libm's functions with CPython's domain and range errors, the integer helpers,
# and the exactly rounded ones (fsum, hypot).
import math
from math import sqrt, pi

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(sqrt(2), sqrt(16), math.sqrt(0.5), pi / 4)
xs = [0.0, 0.5, 1.0, -0.75, 2.5, 10.0, 1e-10, 123.456]
for x in xs:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.exp(x), math.tanh(x))
for x in [0.5, 1.0, 2.0, 10.0, 1e300, 7.25, 1e-300]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log1p(x), math.log(x, 3), math.log(x, 10))
print(math.asin(0.5), math.acos(0.5), math.atan2(1, -1), math.atan2(-0.0, -1.0))
print(math.sinh(1.5), math.cosh(1.5), math.asinh(2.0), math.acosh(2.0), math.atanh(0.5))
print(math.exp2(10), math.expm1(1e-5), math.degrees(math.pi), math.radians(180))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.9), math.floor(7))
print(type(math.floor(2.5)).__name__, math.fabs(-3), math.copysign(3, -0.0), math.fmod(7.5, 2), math.fmod(-7.5, 2))
print(math.pow(2, 10), math.pow(2.0, -1), math.pow(-8, 3), math.pow(0.0, 0.0), math.pow(math.inf, -1))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5))
print(math.hypot(1e300, 1e300), math.hypot(5e-324, 5e-324), math.hypot(0.1, 0.2, 0.3, 0.4))
print(math.dist((1, 2), (4, 6)), math.dist([0.5, 1.5, 2.5], [3, 2, 1]))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.frexp(0.1), math.frexp(0.0))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(3, 2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum(x / 7 for x in range(100)), math.fsum([]), math.fsum([math.inf, 1.0]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4, 3]), math.prod(range(1, 11)))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(), math.gcd(0, 0), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(), math.lcm(3, 0))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**18))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(30, 15), math.perm(5, 2), math.perm(5), math.perm(3, 5))

def attempt(text, f, *args):
    try:
        print(text, "->", f(*args))
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)

attempt("sqrt(-1)", math.sqrt, -1)
attempt("log(0)", math.log, 0)
attempt("log(-1)", math.log, -1)
attempt("log(2, 1)", math.log, 2, 1)
attempt("log10(0)", math.log10, 0)
attempt("log2(-3)", math.log2, -3)
attempt("exp(1000)", math.exp, 1000)
attempt("exp(-1000)", math.exp, -1000)
attempt("asin(2)", math.asin, 2)
attempt("acosh(0.5)", math.acosh, 0.5)
attempt("atanh(1)", math.atanh, 1)
attempt("sin(inf)", math.sin, math.inf)
attempt("cosh(1000)", math.cosh, 1000)
attempt("fmod(1, 0)", math.fmod, 1, 0)
attempt("fmod(inf, 2)", math.fmod, math.inf, 2)
attempt("fmod(3, inf)", math.fmod, 3, math.inf)
attempt("pow(0, -1)", math.pow, 0, -1)
attempt("pow(-8, 1/3)", math.pow, -8, 1 / 3)
attempt("pow(10, 400)", math.pow, 10, 400)
attempt("floor(inf)", math.floor, math.inf)
attempt("ceil(nan)", math.ceil, math.nan)
attempt("sqrt('4')", math.sqrt, "4")
attempt("sqrt()", math.sqrt)
attempt("atan2(1)", math.atan2, 1)
attempt("factorial(-1)", math.factorial, -1)
attempt("factorial(2.0)", math.factorial, 2.0)
attempt("isqrt(-1)", math.isqrt, -1)
attempt("comb(-1, 2)", math.comb, -1, 2)
attempt("comb(5, -2)", math.comb, 5, -2)
attempt("gcd(2.5, 5)", math.gcd, 2.5, 5)
attempt("dist((1,), (1, 2))", math.dist, (1,), (1, 2))
attempt("fsum([inf, -inf])", math.fsum, [math.inf, -math.inf])
attempt("ldexp(1.0, 2000)", math.ldexp, 1.0, 2000)
attempt("ldexp(1.0, 2.0)", math.ldexp, 1.0, 2.0)
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("isclose:", e)
print(math.sqrt, math.floor.__name__ if hasattr(math.floor, "__name__") else "floor")
