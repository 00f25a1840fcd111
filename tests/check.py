#!/usr/bin/env python3
"""Developer tool: run tests/py scripts under skiff and compare with .expected.

Usage: tests/check.py [--skiff PATH] [--stress N] [-v] [PATTERN ...]
PATTERN matches script names by substring (default: all). Prints a summary
line and, with -v, a diff for each failure. The same comparison runs in
`cargo test` (tests/py_suite.rs); this tool is for quick iteration.
"""
import difflib, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def expected_of(script):
    with open(script[:-3] + ".expected", "rb") as f:
        return f.read()

def actual_of(skiff, script, env):
    try:
        p = subprocess.run([skiff, os.path.basename(script)], cwd=os.path.dirname(script),
                           capture_output=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return b"--- TIMEOUT\n", b""
    out = p.stdout
    if p.returncode != 0:
        if out and not out.endswith(b"\n"):
            out += b"\n"
        err = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
        out += b"--- exit %d\n--- stderr-last %s\n" % (p.returncode, err[-1].encode())
    return out, p.stderr

def main():
    args = sys.argv[1:]
    skiff = os.path.join(ROOT, "target/debug/skiff")
    verbose = False
    env = dict(os.environ)
    pats = []
    while args:
        a = args.pop(0)
        if a == "--skiff": skiff = args.pop(0)
        elif a == "--stress": env["SKIFF_GC_STRESS"] = args.pop(0)
        elif a == "-v": verbose = True
        else: pats.append(a)
    d = os.path.join(ROOT, "tests/py")
    scripts = sorted(f for f in os.listdir(d) if f.endswith(".py") and not f.startswith("_"))
    if pats:
        scripts = [s for s in scripts if any(p in s for p in pats)]
    failed = []
    for s in scripts:
        path = os.path.join(d, s)
        exp = expected_of(path)
        act, err = actual_of(skiff, path, env)
        if act != exp:
            failed.append(s)
            if verbose:
                print("=" * 20, s)
                diff = difflib.unified_diff(exp.decode("utf-8", "replace").splitlines(), act.decode("utf-8", "replace").splitlines(), "expected", "skiff", lineterm="", n=1)
                print("\n".join(list(diff)[:40]))
                if b"panicked" in err or b"RUST_BACKTRACE" in err:
                    print(err.decode("utf-8", "replace")[-1500:])
    for s in failed:
        print("FAIL", s)
    print("%d passed, %d failed" % (len(scripts) - len(failed), len(failed)))
    sys.exit(1 if failed else 0)

main()
