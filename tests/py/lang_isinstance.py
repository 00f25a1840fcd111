class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, (C, int)))
print(isinstance(b, (C, (int, (B,)))))
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool))
print(isinstance(1.0, (int, float)), isinstance("s", (list, tuple)))
print(isinstance(None, type(None)), isinstance(A, type), isinstance(b, object))
print(isinstance(int, object), isinstance(type, type))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(bool, int))
print(issubclass(A, object), issubclass(type, object), issubclass(object, type))
print(isinstance(b, ()), issubclass(B, ()))
try:
    isinstance(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(b, [A, B])
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(ZeroDivisionError, (KeyError, ArithmeticError)))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple))
print(type(b) == B, type(b) == A)
