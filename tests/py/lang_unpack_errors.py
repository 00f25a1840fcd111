def show(label, fn):
    try:
        print(label, "ok", fn())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)

def two(v):
    a, b = v
    return a, b
def three(v):
    a, b, c = v
    return a, b, c
def star(v):
    a, b, *c, d = v
    return a, b, c, d

show("2<-3", lambda: two([1, 2, 3]))
show("2<-1", lambda: two([1]))
show("3<-2", lambda: three((1, 2)))
show("3<-0", lambda: three(""))
show("2<-str", lambda: two("abcd"))
show("2<-gen", lambda: two(x for x in range(5)))
show("2<-int", lambda: two(5))
show("2<-None", lambda: two(None))
show("star<-2", lambda: star([1, 2]))
show("star<-3", lambda: star([1, 2, 3]))
show("2<-dict", lambda: two({"a": 1, "b": 2, "c": 3}))
def nested(v):
    (a, b), c = v
    return a
show("nested", lambda: nested([(1, 2, 3), 4]))
def loop():
    for a, b in [(1, 2), (3,)]:
        pass
show("loop", loop)
def one(v):
    a, = v
    return a
show("1<-2", lambda: one([1, 2]))
show("1<-1", lambda: one([1]))
