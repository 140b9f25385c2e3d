# NameError: name 'undefined_thing' is not defined (no close match, so no suggestion).
print("before")
print(undefined_thing)
