# show: an extension that reads an object after releasing the EML is reported
# expect: violation outside-eml
import blocking
lst = [1]
def peek():
    blocking.peek_released(lst)
h = spawn(peek)
lst[0] = 2
join(h)
