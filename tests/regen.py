#!/usr/bin/env python3
"""Regenerate the expected output of the CPython-differential script suites.

Every `tests/py/*.py` (and `tests/stackless/*.py` later) whose name does not
start with `_` is run under CPython 3.11 from its own directory; what it prints
becomes `<name>.expected`. Files starting with `_` are helper modules and
packages imported by the scripts. Expected files are never written by hand.

Format of `<name>.expected`: the script's stdout, byte for byte. If the script
exits with a non-zero status, two trailer lines follow:

    --- exit N
    --- stderr-last LAST-LINE-OF-STDERR

so a script may end on an uncaught exception and the suite still checks its
type and message without depending on traceback layout.

`tests/tracebacks/*.py` get `<name>.stderr` instead: `--- exit N` and the
whole stderr, the script's directory written as `$DIR/`.

Usage: tests/regen.py [NAME ...]   (default: every script that has changed or
has no expected file; --all regenerates everything)
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SUITES = ["py", "tracebacks"]


def expected_for(path):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, os.path.basename(path)],
        cwd=os.path.dirname(path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        timeout=120,
    )
    out = proc.stdout
    if proc.returncode != 0:
        if out and not out.endswith(b"\n"):
            out += b"\n"
        err = proc.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
        out += b"--- exit %d\n--- stderr-last %s\n" % (proc.returncode, err[-1].encode())
    return out


def stderr_for(path):
    """For tests/tracebacks: the exit code and the whole stderr, with the
    script's directory replaced by $DIR (CPython prints absolute paths)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, os.path.basename(path)], cwd=os.path.dirname(path),
                          stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120)
    err = proc.stderr.replace(os.path.dirname(path).encode() + b"/", b"$DIR/")
    return b"--- exit %d\n" % proc.returncode + err


def main(argv):
    if sys.version_info[:2] != (3, 11):
        sys.exit("regen.py must run under CPython 3.11, found %s" % sys.version.split()[0])
    regen_all = "--all" in argv
    names = [a for a in argv if not a.startswith("--")]
    count = 0
    for suite in SUITES:
        d = os.path.join(ROOT, suite)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(".py") or f.startswith("_"):
                continue
            stem = f[:-3]
            if names and stem not in names and f not in names:
                continue
            src = os.path.join(d, f)
            exp = os.path.join(d, stem + (".stderr" if suite == "tracebacks" else ".expected"))
            if not (names or regen_all) and os.path.exists(exp) and os.path.getmtime(exp) >= os.path.getmtime(src):
                continue
            data = stderr_for(src) if suite == "tracebacks" else expected_for(src)
            with open(exp, "wb") as fh:
                fh.write(data)
            count += 1
    print("regenerated %d expected file(s)" % count)


if __name__ == "__main__":
    main(sys.argv[1:])
