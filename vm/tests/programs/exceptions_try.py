# try / except / else / finally: clauses tried in order, the built-in hierarchy, `as`.
def parse(text):
    digits = "0123456789"
    if text == "":
        raise ValueError("empty input")
    total = 0
    for ch in text:
        if ch not in digits:
            raise ValueError("not a digit: " + ch)
        total = total * 10 + int(ch)
    return total

for text in ["42", "", "4x", "7"]:
    try:
        n = parse(text)
    except ValueError as e:
        print("bad", repr(text), "-", e)
    else:
        print("parsed", n)
    finally:
        print("checked", repr(text))

table = {"a": 1}
items = [10, 20]
for action in ["key", "index", "div", "name", "ok"]:
    try:
        if action == "key":
            table["b"]
        elif action == "index":
            items[5]
        elif action == "div":
            1 // 0
        elif action == "name":
            undefined_name
        print("no error for", action)
    except LookupError as e:
        print("lookup error:", repr(e))
    except (ZeroDivisionError, NameError) as e:
        print("caught", e)

# A base class catches its subclasses; the first matching clause wins.
try:
    [][0]
except Exception as e:
    print("Exception caught:", e)
except IndexError:
    print("never reached")

# Exception objects: args, str and repr, made without raising.
e = ValueError("x", 2)
print(e, repr(e), repr(ValueError()), str(KeyError("k")), repr(KeyError("k")))
print(ValueError, RuntimeError)
try:
    raise KeyError
except KeyError as err:
    print("class raised:", repr(err))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | parsed 42
# | checked '42'
# | bad '' - empty input
# | checked ''
# | bad '4x' - not a digit: x
# | checked '4x'
# | parsed 7
# | checked '7'
# | lookup error: KeyError('b')
# | lookup error: IndexError('list index out of range')
# | caught integer division or modulo by zero
# | caught name 'undefined_name' is not defined
# | no error for ok
# | Exception caught: list index out of range
# | ('x', 2) ValueError('x', 2) ValueError() 'k' KeyError('k')
# | <class 'ValueError'> <class 'RuntimeError'>
# | class raised: KeyError()
