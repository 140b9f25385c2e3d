# AttributeError: an instance of a class the program made lacks the attribute.
class Job:
    def __init__(self, name):
        self.name = name


job = Job("build")
print(job.name)
print(job.priority)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 1
# stderr ends: AttributeError: 'Job' object has no attribute 'priority'
# stdout:
# | build
