def noop():
    pass
print(noop())

class Empty:
    pass
print(type(Empty()).__name__)

for i in range(3):
    pass
print(i)

while False:
    pass

if True:
    pass
else:
    pass

try:
    pass
except Exception:
    pass
finally:
    pass

def only_doc():
    "docstring only"
print(only_doc(), only_doc.__doc__)

def ellipsis_body():
    ...
print(ellipsis_body())
x = ...
print(x, x is Ellipsis, type(x).__name__)

CM = type("CM", (), {"__enter__": lambda s: s, "__exit__": lambda s, *a: None})
with CM():
    pass
print("with pass ok")
lambda: None
print("end")
