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
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 3.141592653589793 2.718281828459045 6.283185307179586 inf -inf nan
# | 1.4142135623730951 4.0 0.7071067811865476 0.7853981633974483
# | 0.0 0.0 1.0 0.0 0.0 1.0 0.0
# | 0.5 0.479425538604203 0.8775825618903728 0.5463024898437905 0.4636476090008061 1.6487212707001282 0.46211715726000974
# | 1.0 0.8414709848078965 0.5403023058681398 1.5574077246549023 0.7853981633974483 2.718281828459045 0.7615941559557649
# | -0.75 -0.6816387600233341 0.7316888688738209 -0.9315964599440725 -0.6435011087932844 0.4723665527410147 -0.6351489523872873
# | 2.5 0.5984721441039565 -0.8011436155469337 -0.7470222972386603 1.1902899496825317 12.182493960703473 0.9866142981514303
# | 10.0 -0.5440211108893698 -0.8390715290764524 0.6483608274590866 1.4711276743037347 22026.465794806718 0.9999999958776927
# | 1e-10 1e-10 1.0 1e-10 1e-10 1.0000000001 1e-10
# | 123.456 -0.8039373685728239 -0.5947139710921574 1.3518050821917635 1.5626964520979927 4.132944352778106e+53 1.0
# | 0.5 -0.6931471805599453 -1.0 -0.3010299956639812 0.4054651081081644 -0.6309297535714574 -0.30102999566398114
# | 1.0 0.0 0.0 0.0 0.6931471805599453 0.0 0.0
# | 2.0 0.6931471805599453 1.0 0.3010299956639812 1.0986122886681096 0.6309297535714574 0.30102999566398114
# | 10.0 2.302585092994046 3.321928094887362 1.0 2.3978952727983707 2.095903274289385 1.0
# | 1e+300 690.7755278982137 996.5784284662087 300.0 690.7755278982137 628.7709822868153 299.99999999999994
# | 7.25 1.9810014688665833 2.8579809951275723 0.8603380065709937 2.1102132003465894 1.8031852449677477 0.8603380065709936
# | 1e-300 -690.7755278982137 -996.5784284662087 -300.0 1e-300 -628.7709822868153 -299.99999999999994
# | 0.5235987755982989 1.0471975511965979 2.356194490192345 -3.141592653589793
# | 2.1292794550948173 2.352409615243247 1.4436354751788103 1.3169578969248166 0.5493061443340548
# | 1024.0 1.0000050000166668e-05 180.0 3.141592653589793
# | 2 -3 3 -2 -3 7
# | int 3.0 -3.0 1.5 -1.5
# | 1024.0 0.5 -512.0 1.0 0.0
# | 5.0 1.4142135623730951 3.7416573867739413 0.0 5.0
# | 1.4142135623730952e+300 5e-324 0.5477225575051661
# | 5.0 2.958039891549808
# | True True True False
# | True False True
# | False True True
# | (0.75, 3.0) (-0.5, -2.0) (0.5, 4) (0.8, -3) (0.0, 0)
# | 8.0 5e-324 12.0
# | 1.0 0.9999999999999999 1e-100
# | 707.1428571428571 0.0 inf
# | 24 1 6.0 3628800
# | 1 120 2432902008176640000
# | 6 6 0 0 2 12 1 0
# | 0 3 4 1000000000
# | 10 1 0 155117520 20 120 0
# | sqrt(-1) -> ValueError: math domain error
# | log(0) -> ValueError: math domain error
# | log(-1) -> ValueError: math domain error
# | log(2, 1) -> ZeroDivisionError: float division by zero
# | log10(0) -> ValueError: math domain error
# | log2(-3) -> ValueError: math domain error
# | exp(1000) -> OverflowError: math range error
# | exp(-1000) -> 0.0
# | asin(2) -> ValueError: math domain error
# | acosh(0.5) -> ValueError: math domain error
# | atanh(1) -> ValueError: math domain error
# | sin(inf) -> ValueError: math domain error
# | cosh(1000) -> OverflowError: math range error
# | fmod(1, 0) -> ValueError: math domain error
# | fmod(inf, 2) -> ValueError: math domain error
# | fmod(3, inf) -> 3.0
# | pow(0, -1) -> ValueError: math domain error
# | pow(-8, 1/3) -> ValueError: math domain error
# | pow(10, 400) -> OverflowError: math range error
# | floor(inf) -> OverflowError: cannot convert float infinity to integer
# | ceil(nan) -> ValueError: cannot convert float NaN to integer
# | sqrt('4') -> TypeError: must be real number, not str
# | sqrt() -> TypeError: math.sqrt() takes exactly one argument (0 given)
# | atan2(1) -> TypeError: atan2 expected 2 arguments, got 1
# | factorial(-1) -> ValueError: factorial() not defined for negative values
# | factorial(2.0) -> TypeError: 'float' object cannot be interpreted as an integer
# | isqrt(-1) -> ValueError: isqrt() argument must be nonnegative
# | comb(-1, 2) -> ValueError: n must be a non-negative integer
# | comb(5, -2) -> ValueError: k must be a non-negative integer
# | gcd(2.5, 5) -> TypeError: 'float' object cannot be interpreted as an integer
# | dist((1,), (1, 2)) -> ValueError: both points must have the same number of dimensions
# | fsum([inf, -inf]) -> ValueError: -inf + inf in fsum
# | ldexp(1.0, 2000) -> OverflowError: math range error
# | ldexp(1.0, 2.0) -> TypeError: Expected an int as second argument to ldexp.
# | isclose: tolerances must be non-negative
# | <built-in function sqrt> floor
