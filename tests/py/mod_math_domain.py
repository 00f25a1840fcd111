# ends with uncaught ValueError: math domain error
import math
for x in (4.0, 1.0, 0.0, -1.0):
    print(x, math.sqrt(x))
