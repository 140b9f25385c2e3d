# AttributeError: module 'gc' has no attribute 'frobnicate'.
import gc
gc.collect()
print("collected")
gc.frobnicate()
