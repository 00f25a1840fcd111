# Assigning a class's __bases__ recomputes its MRO and its subclasses', so
# attribute lookups (cached or not) follow, and bad assignments raise
# CPython's TypeErrors and leave the class as it was.
class P:
    V = "p"

    def who(self):
        return "P.who"


class Q:
    V = "q"

    def who(self):
        return "Q.who"


class R(P):
    pass


class S(R):
    pass


r, s = R(), S()
for i in range(2):
    print(R.V, S.V, r.who(), s.who(), [c.__name__ for c in S.__mro__])
R.__bases__ = (Q,)
print(R.V, S.V, r.who(), s.who(), [c.__name__ for c in S.__mro__])
print(R.__bases__ == (Q,), issubclass(R, Q), issubclass(R, P), isinstance(s, Q))
print([c.__name__ for c in Q.__subclasses__()], [c.__name__ for c in P.__subclasses__()])
R.__bases__ = (P, Q)
print(R.V, [c.__name__ for c in R.__mro__])


def attempt(label, value, cls=R):
    try:
        cls.__bases__ = value
        print(label, "accepted")
    except TypeError as e:
        print(label, "TypeError:", e)
    print("  still", [c.__name__ for c in cls.__mro__])


attempt("not a tuple", [P])
attempt("empty", ())
attempt("not classes", (P, 1))
attempt("cycle", (S,))
attempt("self", (R,))
attempt("duplicate", (P, P))


class X(P, Q):
    pass


attempt("inconsistent MRO", (Q, X))
attempt("list layout", (list,))
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("builtin:", e)
