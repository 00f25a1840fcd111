def resilient():
    while True:
        try:
            x = yield "ready"
            print("got", x)
        except ValueError as e:
            print("handled inside:", e)
            yield "recovered"

g = resilient()
print(next(g))
print(g.throw(ValueError("bad value")))
print(next(g))
print(g.send(1))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated:", type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("generator is finished after uncaught throw")

def not_started():
    print("body runs?")
    yield 1
ns = not_started()
try:
    ns.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("thrown into unstarted:", e)
print(list(ns))

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
wf = with_finally()
next(wf)
try:
    wf.throw(TypeError, "type+msg form")
except TypeError as e:
    print(type(e).__name__, e)

def inner():
    try:
        yield "inner"
    except IndexError:
        yield "inner handled"
def outer():
    yield from inner()
    yield "outer next"
o = outer()
print(next(o))
print(o.throw(IndexError))
print(next(o))

def returns_on_throw():
    try:
        yield 1
    except Exception:
        return "returned value"
r = returns_on_throw()
next(r)
try:
    r.throw(Exception)
except StopIteration as e:
    print("StopIteration from throw:", e.value)
