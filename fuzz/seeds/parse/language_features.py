from bank import transfer as move
import gc, counter as c
def f(a, b=2, *args, k=None, **kw):
    try:
        if a:
            raise ValueError(f"{a!r:>4} {b=}")
        return "%s-%d" % (a, b)
    except (ValueError, KeyError) as e:
        return "{0}|{1}".format(e, ",".join(["x", "y"]).upper())
    finally:
        pass
print(f(0), f(1, k=3), f(*[0, 5], **{"z": 1}), sep=";", end="\n")
