"""object.__reduce_ex__ / __reduce__ and copyreg: super().__reduce_ex__ inside a class's own reduce, slots state, list subclasses, and copy and pickle built on them."""
import copy, copyreg, pickle
class A:
    def __init__(self): self.x = 1; self.y = [1, 2]
class B(A):
    def __reduce_ex__(self, proto):
        rv = super().__reduce_ex__(proto)
        print("B reduce", rv[0].__name__, rv[1][0].__name__, rv[2])
        return rv
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 5
print(A().__reduce_ex__(4)[0] is copyreg.__newobj__, A().__reduce_ex__(2)[2])
b = pickle.loads(pickle.dumps(B()))
print(type(b).__name__, b.x, b.y)
print(S().__reduce_ex__(4)[2])
print(copy.deepcopy(B()).y, copy.copy(S()).a)
class L(list): pass
l = L([1, 2]); l.t = 3
r = l.__reduce_ex__(4)
print(r[0] is copyreg.__newobj__, r[1][0].__name__, r[2], list(r[3]))
print(pickle.loads(pickle.dumps(copyreg.__newobj__)) is copyreg.__newobj__)
