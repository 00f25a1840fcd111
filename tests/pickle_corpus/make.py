"""Writes the seed pickles of tests/pickle_corpus/seeds/: real pickles of
every record kind, for tests/pickle_hardening.rs (which loads them and
mutates them) and the cargo-fuzz target in fuzz/.

Run under skiff, from the repository root:

    target/release/skiff tests/pickle_corpus/make.py tests/pickle_corpus/seeds

It replaces every *.pkl in OUTDIR with NAME.pkl per case and checks that each one loads back in this
process (loaded tasklets are never run). The pickles name classes and
functions of corpus_defs.py, which sits next to this script, so the loader
needs this directory on sys.path. Regenerate the seeds whenever the pickle
format (its version or the bytecode ABI) changes; hardening tests fail on
stale seeds."""
import os
import sys
import pickle
import stackless

import corpus_defs as cd


cases = {}


def case(name):
    def register(build):
        cases[name] = build
        return build
    return register


# Scalars.

@case("immediates")
def _():
    return [None, True, False, Ellipsis, NotImplemented]


@case("ints")
def _():
    return [0, 1, -1, 127, 128, -129, 2**31, 2**62 - 1, -2**62, 2**63, -2**63 - 1]


@case("bigints")
def _():
    return [2**64, -(2**64), 2**100 + 7, -(3**80), 10**50, 2**1000]


@case("floats")
def _():
    return [0.0, -0.0, 1.5, 1e300, -1e-300, float("inf"), float("-inf"), float("nan"), 2j, 1 + 2.5j]


@case("strings")
def _():
    return ["", "abc", "identifier_like", "h\xe9llo w\xf6rld \u2713", "\U0001f600", "x" * 300, "with space"]


@case("bytes")
def _():
    return [b"", b"\x00\xff", bytes(range(256)), bytearray(b"ab"), bytearray()]


# Containers, sharing and cycles.

@case("containers")
def _():
    return ((), (1,), (1, 2, (3, 4)), [], [1, [2, [3]]], {}, {"a": 1, 2: "b", (3, 4): [5]})


@case("sets")
def _():
    return [set(), {1, 2, 3}, frozenset(), frozenset({"x", "y"}), {frozenset({1}), (2, 3)}]


@case("shared")
def _():
    a = [1, 2]
    s = "shared string"
    return (a, a, s, s, {"k": a})


@case("cycle_list")
def _():
    l = [1]
    l.append(l)
    return l


@case("cycle_dict")
def _():
    d = {"n": 1}
    d["self"] = d
    return d


@case("cycle_tuple")
def _():
    t = ([],)
    t[0].append(t)
    return t


@case("nested_deep")
def _():
    x = []
    for i in range(200):
        x = [i, x]
    return x


@case("range_slice")
def _():
    return [range(10), range(1, 20, 3), range(-5), range(2**70, 2**71, 2**60), slice(1, 10, 2), slice(None), slice("a", None, [1])]


# Classes and functions by reference.

@case("globals")
def _():
    return [int, dict, len, cd.Point, cd.fact, cd.Node.add, cd.MyError, stackless.tasklet, stackless.channel, ValueError]


@case("builtin_methods")
def _():
    return [[].append, {}.get, "abc".upper, pickle.dumps]


# Functions pickled whole.

@case("lambda")
def _():
    return cd.make_lambda()


@case("closure_counter")
def _():
    c = cd.make_counter(10)
    c()
    return c


@case("closure_pair")
def _():
    return cd.make_pair()


@case("function_kwonly")
def _():
    return cd.make_kwonly()


@case("code_object")
def _():
    return cd.make_counter(1).__code__


# Instances.

@case("instance_plain")
def _():
    return cd.Point(3, 4)


@case("instance_tree")
def _():
    root = cd.Node("root")
    kid = root.add(cd.Node("kid"))
    kid.add(cd.Node("grandkid"))
    return root


@case("instance_getstate")
def _():
    return cd.WithState()


@case("instance_reduce")
def _():
    return [cd.Reduced(5, 6), cd.ReducedWithState("t")]


@case("instance_slots")
def _():
    return cd.Slotted()


@case("subclasses")
def _():
    ml = cd.MyList([1, 2])
    ml.tag = "t"
    md = cd.MyDict(a=1)
    return [ml, md, cd.MySet({1}), cd.MyTuple((1, 2))]


@case("exception_plain")
def _():
    return [ValueError("bad", 42), cd.MyError("x"), KeyError("k")]


@case("exception_traceback")
def _():
    return cd.caught(3)


@case("exception_chained")
def _():
    return cd.chained()


# Builtin iterators mid-iteration.

@case("iterators")
def _():
    its = [iter([10, 20, 30, 40]), iter((1, 2, 3)), iter(range(0, 100, 7)), iter("abc"), iter("h\xe9llo"),
           iter(b"xyz"), iter({"a": 1, "b": 2}), iter({"a": 1, "b": 2}.values()), iter({"a": 1, "b": 2}.items()),
           iter({1, 2, 3}), enumerate("abc"), zip([1, 2, 3], "xyz"), map(abs, [-1, -2, -3]),
           filter(None, [0, 1, 2]), reversed([1, 2, 3])]
    for it in its:
        next(it)
    return its


# Generators.

@case("generator_created")
def _():
    return cd.countdown(5)


@case("generator_suspended")
def _():
    g = cd.countdown(5)
    next(g)
    next(g)
    return g


@case("generator_send")
def _():
    g = cd.accumulate()
    next(g)
    g.send(5)
    return g


@case("generator_yield_from")
def _():
    g = cd.delegating()
    next(g)
    next(g)
    return g


@case("generator_finished")
def _():
    g = cd.countdown(1)
    list(g)
    return g


@case("bound_method")
def _():
    p = cd.Point(1, 2)
    return [p.norm2, p.norm2, cd.Node("n").add]


# Tasklets and channels. Each case leaves nothing behind in the scheduler:
# the originals are killed once pickled (see `cleanup`).

live = []


def cleanup():
    for t in live:
        if t.alive:
            t.kill()
    live.clear()


def spawn(f, *args):
    t = stackless.tasklet(f)(*args)
    live.append(t)
    return t


@case("channel_receivers")
def _():
    ch = stackless.channel()
    log = []
    for n in ("a", "b", "c"):
        spawn(cd.receiver, n, ch, log)
    stackless.run()
    ch.send(1)
    return (ch, log)


@case("channel_senders")
def _():
    ch = stackless.channel()
    spawn(cd.sender, ch, ["x", "y"])
    spawn(cd.sender, ch, [1.5])
    stackless.run()
    return ch


@case("tasklet_runnable")
def _():
    log = []
    a = spawn(cd.scheduler_loop, "a", 3, log)
    stackless.schedule()
    a.remove()
    return a


@case("tasklet_runnable_scheduled")
def _():
    log = []
    a = spawn(cd.scheduler_loop, "a", 2, log)
    stackless.schedule()
    return (a, log)


@case("tasklet_unstarted")
def _():
    t = stackless.tasklet()
    t.bind(cd.plain, (1, 2, 3), {"k": "v"})
    live.append(t)
    return t


@case("tasklet_new_scheduled")
def _():
    return spawn(cd.plain, 5)


@case("tasklet_in_generator")
def _():
    ch = stackless.channel()
    out = []
    spawn(cd.consumer, ch, out)
    stackless.run()
    ch.send("one")
    return ch


@case("tasklet_kill_pending")
def _():
    ch = stackless.channel()
    log = []
    t = spawn(cd.victim, ch, log)
    stackless.run()
    t.kill(pending=True)
    return t


@case("tasklet_dead")
def _():
    t = spawn(cd.plain, 1)
    stackless.run()
    return t


@case("tasklet_subclass")
def _():
    ch = cd.MyChannel()
    ch.label = "subclass attribute"
    t = cd.MyTasklet(cd.receiver)("z", ch, [])
    live.append(t)
    t.note = {"attr": 1}
    stackless.run()
    return [ch, t]


@case("everything")
def _():
    ch = stackless.channel()
    spawn(cd.receiver, "e", ch, [])
    stackless.run()
    shared = [1, "two", 3.0]
    return {"values": shared, "again": shared, "fn": cd.make_counter(0), "gen": cd.countdown(2),
            "inst": cd.Point(shared, shared), "chan": ch, "it": iter(shared), "exc": cd.caught(1)}


def main():
    if len(sys.argv) != 2:
        print("usage: skiff make.py OUTDIR", file=sys.stderr)
        sys.exit(2)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    # A case that was removed or renamed must not leave a stale seed behind.
    for old in os.listdir(out):
        if old.endswith(".pkl"):
            os.remove(os.path.join(out, old))
    total = 0
    for name, build in cases.items():
        obj = build()
        data = pickle.dumps(obj)
        cleanup()
        del obj
        pickle.loads(data)
        with open(os.path.join(out, name + ".pkl"), "wb") as f:
            f.write(data)
        total += len(data)
    print("wrote", len(cases), "pickles,", total, "bytes, to", out)


main()
