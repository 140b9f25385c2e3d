# An uncaught exception of a class the program made prints under the class's name, with the
# frames it passed through.
class ValidationError(ValueError):
    def __init__(self, field):
        super().__init__("invalid field: " + field)
        self.field = field


def validate(record):
    for key in record:
        if record[key] is None:
            raise ValidationError(key)
    return True


print(validate({"a": 1}))
validate({"a": 1, "b": None})
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: ValidationError: invalid field: b
# stdout:
# | True
