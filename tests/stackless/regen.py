#!/usr/bin/env python3
"""Regenerate the expected output of the Stackless script suite from PyPy.

Every `tests/stackless/*.py` starts with a line naming its oracle:

    # oracle: pypy3            <name>.expected is what `pypy3 <name>.py`
                               prints; this tool writes it.
    # oracle: stackless-docs   PyPy does not implement the feature, or
                               differs from Stackless Python; the header
                               comment derives the output from the
                               Stackless documentation and sources, and
                               <name>.expected is written by hand from it.
                               This tool refuses to touch those files.

The examples `examples/pipeline.py`, `examples/simulation.py` and
`examples/fanout.py` are regenerated too, into
`tests/stackless/examples/<name>.expected`, with the lines that start with
"time:" (wall-clock measurements) left out.

Each script runs under pypy3 in a fresh temporary directory (as the cargo
suite runs it under skiff), with PYTHONHASHSEED=0. Format of an expected
file, the same as tests/regen.py uses for CPython: the script's stdout,
byte for byte, and if the exit status is not zero two trailer lines

    --- exit N
    --- stderr-last LAST-LINE-OF-STDERR

Usage:
    tests/stackless/regen.py [--check] [--pypy PATH] [NAME ...]

NAME is a script name (with or without .py) or examples/NAME; without
names every pypy3-oracle script and every example is regenerated.
--check compares instead of writing and exits 1 if anything differs.
The driver itself runs under any Python 3; only the scripts run under
PyPy (7.3.11, Python 3.9, with its pure-Python `stackless` module).
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = ["pipeline", "simulation", "fanout", "checkpoint"]
PYPY_HEADER = "# oracle: pypy3"
DOCS_HEADER = "# oracle: stackless-docs"


def oracle_of(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    if first == PYPY_HEADER:
        return "pypy3"
    if first == DOCS_HEADER:
        return "stackless-docs"
    return None


def scripts():
    return sorted(f[:-3] for f in os.listdir(HERE)
                  if f.endswith(".py") and not f.startswith("_") and f != "regen.py")


def run_under_pypy(pypy, path, strip_time=False):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    cwd = tempfile.mkdtemp(prefix="stackless-regen-")
    try:
        proc = subprocess.run([pypy, path], cwd=cwd, stdin=subprocess.DEVNULL,
                              capture_output=True, env=env, timeout=300)
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    out = proc.stdout
    if strip_time:
        out = b"".join(line for line in out.splitlines(keepends=True)
                       if not line.startswith(b"time:"))
    if proc.returncode != 0:
        if out and not out.endswith(b"\n"):
            out += b"\n"
        err = proc.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
        out += b"--- exit %d\n--- stderr-last %s\n" % (proc.returncode, err[-1].encode())
    return out


def check_pypy(pypy):
    try:
        probe = subprocess.run(
            [pypy, "-c", "import stackless, sys; print(sys.implementation.name)"],
            capture_output=True, timeout=60)
    except FileNotFoundError:
        sys.exit("regen.py: %s not found; install PyPy 3 (Debian package pypy3)" % pypy)
    if probe.returncode != 0 or probe.stdout.strip() != b"pypy":
        sys.exit("regen.py: %s is not a PyPy with a stackless module:\n%s"
                 % (pypy, probe.stderr.decode("utf-8", "replace")))


def main(argv):
    check = False
    pypy = "pypy3"
    names = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--check":
            check = True
        elif a == "--pypy":
            pypy = args.pop(0)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        elif a.startswith("-"):
            sys.exit("regen.py: unknown option %s" % a)
        else:
            names.append(a[:-3] if a.endswith(".py") else a)

    # (label, source, expected path, strip "time:" lines)
    jobs = []
    errors = []
    all_scripts = scripts()
    wanted = names or all_scripts + ["examples/" + e for e in EXAMPLES]
    for name in wanted:
        if name.startswith("examples/"):
            stem = name[len("examples/"):]
            if stem not in EXAMPLES:
                errors.append("%s: not one of the examples %s" % (name, EXAMPLES))
                continue
            jobs.append((name, os.path.join(ROOT, "examples", stem + ".py"),
                         os.path.join(HERE, "examples", stem + ".expected"), True))
            continue
        if name not in all_scripts:
            errors.append("%s: no such script in tests/stackless" % name)
            continue
        src = os.path.join(HERE, name + ".py")
        oracle = oracle_of(src)
        if oracle is None:
            errors.append("%s: first line must be %r or %r" % (name, PYPY_HEADER, DOCS_HEADER))
        elif oracle == "stackless-docs":
            if names:
                errors.append("%s: refusing to regenerate a stackless-docs oracle script; "
                              "edit %s.expected by hand from the derivation in its header"
                              % (name, name))
        else:
            jobs.append((name, src, os.path.join(HERE, name + ".expected"), False))
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1

    check_pypy(pypy)
    changed = []
    for label, src, dst, strip in jobs:
        data = run_under_pypy(pypy, src, strip)
        try:
            with open(dst, "rb") as f:
                old = f.read()
        except FileNotFoundError:
            old = None
        if old == data:
            continue
        changed.append(label)
        if not check:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "wb") as f:
                f.write(data)
    verb = "differ from PyPy" if check else "regenerated"
    print("%d of %d expected file(s) %s%s" % (
        len(changed), len(jobs), verb, (": " + ", ".join(changed)) if changed else ""))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
