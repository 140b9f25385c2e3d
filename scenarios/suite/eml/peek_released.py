# show: an extension that reads an object after releasing the EML is reported
# expect: violation outside-eml
import blocking
lst = [1]
print(blocking.peek_released(lst))
