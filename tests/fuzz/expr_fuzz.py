#!/usr/bin/env python3
"""Differential fuzzing of expressions: skiff against CPython.

Generates random expressions over small ints, big ints, floats, strings,
bytes, lists, tuples, dicts and sets with operators, builtin calls, methods
and comprehensions; writes one script that prints each expression's repr
(or its exception type and message) and compares skiff's output with
CPython's line by line.

Usage: tests/fuzz/expr_fuzz.py [--seed N] [--count N] [--skiff PATH]
Exit status 1 when a difference is found; the first ones are printed with
the expression that produced them.
"""
import os, random, re, subprocess, sys

ATOMS = ["0", "1", "-3", "7", "2**70", "-(2**65)", "0.5", "-2.25", "1e300", "float('nan')", "float('inf')",
         "True", "False", "None", "''", "'ab'", "'héllo'", "'Ab c'", "b'xy'", "[]", "[1, 2]", "['a', 'b']",
         "()", "(1,)", "(1, 'a')", "{}", "{'a': 1}", "{1: 'x', 2: 'y'}", "set()", "{3}", "frozenset({1})", "range(5)",
         "range(1, 10, 3)"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=",
          "in", "not in", "is", "and", "or"]
UNOPS = ["-", "+", "~", "not "]
CALLS = ["len({})", "str({})", "repr({})", "bool({})", "abs({})", "hash({}) == hash({})", "sorted({})", "list({})",
         "tuple({})", "min({})", "max({})", "sum({})", "int({})", "float({})", "round({})", "divmod({}, 3)",
         "pow({}, 2)", "type({}).__name__", "isinstance({}, int)", "reversed({})", "enumerate({})", "any({})",
         "all({})", "hex({})", "bin({})", "ord({})", "chr({})", "format({}, '')", "set({})", "dict({})", "iter({})"]
METHODS = [".upper()", ".split()", ".strip()", ".count(1)", ".index(1)", ".keys()", ".items()", ".get(1)",
           ".copy()", ".pop()", ".append(1)", ".real", ".bit_length()", ".is_integer()", ".startswith('a')",
           ".replace('a', 'b')", ".join(['x', 'y'])", ".find('b')", "[0]", "[-1]", "[1:]", "[::-1]", "[::2]",
           "['a']", "[1]"]

def expr(rng, depth):
    r = rng.random()
    if depth <= 0 or r < 0.25:
        return rng.choice(ATOMS)
    if r < 0.5:
        return "(%s %s %s)" % (expr(rng, depth - 1), rng.choice(BINOPS), expr(rng, depth - 1))
    if r < 0.6:
        return "(%s%s)" % (rng.choice(UNOPS), expr(rng, depth - 1))
    if r < 0.78:
        c = rng.choice(CALLS)
        a = expr(rng, depth - 1)
        return c.format(*([a] * c.count("{}")))
    if r < 0.92:
        return "(%s)%s" % (expr(rng, depth - 1), rng.choice(METHODS))
    return "[x %s 1 for x in %s]" % (rng.choice(["+", "*", "=="]), expr(rng, depth - 1))

def script(exprs):
    out = ["def show(f):",
           "    try:",
           "        v = f()",
           "        if type(v).__name__ in ('list_reverseiterator', 'reversed', 'enumerate', 'dict_keyiterator', 'list_iterator', 'tuple_iterator', 'range_iterator', 'str_ascii_iterator', 'str_iterator', 'set_iterator', 'bytes_iterator', 'dict_itemiterator', 'dict_valueiterator', 'dict_reversekeyiterator', 'dict_reverseitemiterator', 'dict_reversevalueiterator', 'callable_iterator', 'map', 'filter', 'zip'):",
           "            v = list(v)",
           "        if isinstance(v, (set, frozenset)):",
           "            v = (type(v).__name__, sorted(v, key=repr))",
           "        print(repr(v))",
           "    except Exception as e:",
           "        print(type(e).__name__, e)"]
    for e in exprs:
        out.append("show(lambda: %s)" % e)
    return "\n".join(out) + "\n"

def main():
    args = sys.argv[1:]
    seed, count = 1, 2000
    skiff = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../target/release/skiff")
    while args:
        a = args.pop(0)
        if a == "--seed": seed = int(args.pop(0))
        elif a == "--count": count = int(args.pop(0))
        elif a == "--skiff": skiff = args.pop(0)
    rng = random.Random(seed)
    exprs = [expr(rng, 3) for _ in range(count)]
    src = script(exprs)
    path = "/tmp/skiff_expr_fuzz_%d.py" % seed
    with open(path, "w") as f:
        f.write(src)
    env = dict(os.environ, PYTHONHASHSEED="0")
    want = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=300, env=env)
    got = subprocess.run([skiff, path], capture_output=True, text=True, timeout=300)
    # Addresses differ between VMs by nature.
    norm = lambda text: [re.sub(r"0x[0-9a-f]{6,}", "0x?", l) for l in text.splitlines()]
    w, g = norm(want.stdout), norm(got.stdout)
    diffs = [(i, e, a, b) for i, (e, a, b) in enumerate(zip(exprs, w, g)) if a != b]
    if len(w) != len(g):
        print("line count differs: CPython %d, skiff %d; skiff stderr:\n%s" % (len(w), len(g), got.stderr[-2000:]))
    for i, e, a, b in diffs[:15]:
        print("#%d %s\n   CPython: %s\n   skiff:   %s" % (i, e, a[:200], b[:200]))
    print("%d expressions, %d differ" % (count, len(diffs)))
    sys.exit(1 if diffs or len(w) != len(g) else 0)

main()
