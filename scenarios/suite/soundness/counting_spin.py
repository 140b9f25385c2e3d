# show: a spin-wait that counts its rounds ends under a fair scheduler
# expect: pass
ready = [0]
def setter():
    ready[0] = 1
h = spawn(setter)
rounds = 0
while ready[0] == 0:
    rounds += 1
join(h)
assert ready[0] == 1
