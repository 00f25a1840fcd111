"""A small stand-in for the `pyperf` module, enough to run pyperformance's
single-file benchmarks (bm_*/run_benchmark.py) unmodified.

The real pyperf spawns worker processes, calibrates loop counts and writes
JSON; none of that is wanted here, and skiff has neither `os`, `subprocess`
nor `argparse`.  This module runs every benchmark in-process a fixed, small
number of times and reports the median.  It is deliberately written in the
plain subset of Python that skiff, CPython 3.11 and PyPy 3.9 all run, and it
uses the same code path on every VM (no "use argparse if present"), so that
differences in behaviour come from the VM, not from this module.

What it prints:

- stderr, one line per benchmark name:
      pyperf: NAME: median 0.0123 s (warmups 1, values 3: 0.0124 0.0123 0.0121)
  times are seconds per inner loop (elapsed / (loops * inner_loops)).
- stdout: nothing of its own, unless `--show-result` is given; then every
  `bench_func` also prints `NAME: result <summary>`, a deterministic summary
  of the function's return value (its repr for plain data: numbers, strings,
  lists/tuples/dicts/sets of them; the type name otherwise).  The runner
  uses it to compare skiff's results with CPython's on benchmarks that print
  nothing themselves.

How many times (command-line options are consumed by this module before the
benchmark's own options are parsed; environment variables work only on VMs
that have `os`, which skiff lacks today):

    --warmups N   untimed runs first      (env PYPERF_WARMUPS, default 1)
    --values N    timed runs, median      (env PYPERF_LOOPS,   default 3)
    --loops N     `loops` passed to time functions / calls per value
                  (default 1, like pyperf's --loops)
    --show-result print the bench_func result summary on stdout
"""

import sys
import time

perf_counter = time.perf_counter

__version__ = "0.0-skiff-standin"

DEFAULT_WARMUPS = 1
DEFAULT_VALUES = 3


def _env(name):
    """Read an environment variable if this VM has `os.environ` (skiff has
    no `os` yet; a partial one must not break the benchmarks either)."""
    try:
        import os
    except ImportError:
        return None
    environ = getattr(os, "environ", None)
    if environ is None:
        return None
    return environ.get(name)


def _median(values):
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return float("nan")
    mid = n // 2
    if n % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2.0


# --------------------------------------------------------------------------
# A tiny argument parser: the subset of argparse that the benchmarks use
# (options with a value, `--opt=value`, store_true/store_false flags,
# positionals with nargs=None or '?', type=, default=, choices=, dest=).

class Namespace:
    def __init__(self, **kwargs):
        for key in kwargs:
            setattr(self, key, kwargs[key])

    def __repr__(self):
        items = sorted(vars(self).items())
        return "Namespace(%s)" % ", ".join("%s=%r" % kv for kv in items)

    def __contains__(self, key):
        return key in vars(self)


class ArgumentError(Exception):
    pass


class _Argument:
    def __init__(self, names, kwargs):
        self.names = names
        self.positional = not names[0].startswith("-")
        dest = kwargs.pop("dest", None)
        if dest is None:
            if self.positional:
                dest = names[0]
            else:
                longs = [n for n in names if n.startswith("--")]
                dest = (longs or names)[0].lstrip("-")
            dest = dest.replace("-", "_")
        self.dest = dest
        self.action = kwargs.pop("action", "store")
        if self.action not in ("store", "store_true", "store_false", "append"):
            raise ValueError("pyperf stand-in: unsupported action %r" % (self.action,))
        if self.action == "store_true":
            default = False
        elif self.action == "store_false":
            default = True
        else:
            default = None
        self.default = kwargs.pop("default", default)
        self.type = kwargs.pop("type", None)
        self.choices = kwargs.pop("choices", None)
        self.nargs = kwargs.pop("nargs", None)
        if self.nargs not in (None, "?"):
            raise ValueError("pyperf stand-in: unsupported nargs %r" % (self.nargs,))
        self.help = kwargs.pop("help", None)
        self.metavar = kwargs.pop("metavar", None)
        kwargs.pop("required", None)
        if kwargs:
            raise TypeError("pyperf stand-in: unsupported add_argument keywords %s"
                            % sorted(kwargs))

    def takes_value(self):
        return self.action in ("store", "append")

    def convert(self, text):
        value = text
        if self.type is not None:
            try:
                value = self.type(text)
            except (TypeError, ValueError):
                raise ArgumentError("argument %s: invalid %s value: %r"
                                    % (self.names[0], getattr(self.type, "__name__", "?"), text))
        if self.choices is not None and value not in self.choices:
            raise ArgumentError("argument %s: invalid choice: %r (choose from %s)"
                                % (self.names[0], value,
                                   ", ".join(repr(c) for c in self.choices)))
        return value


class ArgumentParser:
    def __init__(self, prog=None, description=None, **ignored):
        self.prog = prog
        self.description = description
        self._arguments = []

    def add_argument(self, *names, **kwargs):
        if not names:
            raise TypeError("add_argument() needs a name")
        arg = _Argument(list(names), dict(kwargs))
        self._arguments.append(arg)
        return arg

    def _usage(self):
        parts = ["usage: %s" % (self.prog or sys.argv[0])]
        for arg in self._arguments:
            if arg.positional:
                parts.append("[%s]" % arg.dest if arg.nargs == "?" else arg.dest)
            elif arg.takes_value():
                parts.append("[%s %s]" % (arg.names[0], arg.metavar or arg.dest.upper()))
            else:
                parts.append("[%s]" % arg.names[0])
        return " ".join(parts)

    def print_help(self, file=None):
        out = file or sys.stdout
        print(self._usage(), file=out)
        for arg in self._arguments:
            print("  %-24s %s" % (", ".join(arg.names), arg.help or ""), file=out)

    def error(self, message):
        print(self._usage(), file=sys.stderr)
        print("%s: error: %s" % (self.prog or sys.argv[0], message), file=sys.stderr)
        sys.exit(2)

    def parse_args(self, args=None, namespace=None):
        try:
            return self._parse(list(sys.argv[1:] if args is None else args), namespace)
        except ArgumentError as exc:
            self.error(str(exc))

    def _find_option(self, name):
        for arg in self._arguments:
            if not arg.positional and name in arg.names:
                return arg
        return None

    def _parse(self, argv, namespace):
        ns = namespace if namespace is not None else Namespace()
        for arg in self._arguments:
            if not hasattr(ns, arg.dest):
                default = arg.default
                if isinstance(default, str) and arg.type is not None and arg.takes_value():
                    default = arg.type(default)
                setattr(ns, arg.dest, default)
        positionals = [a for a in self._arguments if a.positional]
        i = 0
        only_positional = False
        while i < len(argv):
            token = argv[i]
            i += 1
            if not only_positional and token == "--":
                only_positional = True
                continue
            if not only_positional and token.startswith("-") and token != "-":
                if token in ("-h", "--help") and self._find_option(token) is None:
                    self.print_help()
                    sys.exit(0)
                name, eq, inline = token.partition("=")
                arg = self._find_option(name)
                if arg is None:
                    raise ArgumentError("unrecognized arguments: %s" % token)
                if not arg.takes_value():
                    if eq:
                        raise ArgumentError("argument %s: ignored explicit argument %r"
                                            % (name, inline))
                    setattr(ns, arg.dest, arg.action == "store_true")
                    continue
                if eq:
                    text = inline
                elif i < len(argv):
                    text = argv[i]
                    i += 1
                else:
                    raise ArgumentError("argument %s: expected one argument" % name)
                value = arg.convert(text)
                if arg.action == "append":
                    current = getattr(ns, arg.dest)
                    setattr(ns, arg.dest, (list(current) if current else []) + [value])
                else:
                    setattr(ns, arg.dest, value)
                continue
            if not positionals:
                raise ArgumentError("unrecognized arguments: %s" % token)
            arg = positionals.pop(0)
            setattr(ns, arg.dest, arg.convert(token))
        for arg in positionals:
            if arg.nargs != "?":
                raise ArgumentError("the following arguments are required: %s" % arg.dest)
        return ns


# --------------------------------------------------------------------------
# Result summaries for --show-result.

_PLAIN_SCALARS = (type(None), bool, int, float, complex, str, bytes)


def _is_plain(value, depth=0):
    if isinstance(value, _PLAIN_SCALARS):
        return True
    if depth > 20:
        return False
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            if not _is_plain(item, depth + 1):
                return False
        return True
    if isinstance(value, dict):
        for key in value:
            if not _is_plain(key, depth + 1) or not _is_plain(value[key], depth + 1):
                return False
        return True
    return False


def _canonical_repr(value):
    """repr(), except that sets are shown sorted so that the text does not
    depend on hash order (str hashes are randomized)."""
    if isinstance(value, (set, frozenset)):
        items = sorted(_canonical_repr(item) for item in value)
        return "%s({%s})" % (type(value).__name__, ", ".join(items))
    if isinstance(value, list):
        return "[%s]" % ", ".join(_canonical_repr(item) for item in value)
    if isinstance(value, tuple):
        if len(value) == 1:
            return "(%s,)" % _canonical_repr(value[0])
        return "(%s)" % ", ".join(_canonical_repr(item) for item in value)
    if isinstance(value, dict):
        return "{%s}" % ", ".join("%s: %s" % (_canonical_repr(k), _canonical_repr(value[k]))
                                  for k in value)
    return repr(value)


def _checksum(text):
    """A hand-rolled polynomial hash: no hashlib on skiff, and hash() of a str
    is randomized."""
    h = 0
    for ch in text:
        h = (h * 1000003 + ord(ch)) % 2305843009213693951
    return h


def summarize(value):
    if not _is_plain(value):
        return "<%s object>" % type(value).__name__
    text = _canonical_repr(value)
    if len(text) <= 200:
        return text
    return "%s of repr length %d, checksum %d" % (type(value).__name__, len(text), _checksum(text))


# --------------------------------------------------------------------------
# The runner.

class Runner:
    """Runs benchmarks in-process: `warmups` untimed calls, then `values`
    timed calls; prints the median on stderr."""

    def __init__(self, values=None, warmups=None, processes=None, loops=0,
                 min_time=0.1, metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, **ignored):
        self.metadata = dict(metadata) if metadata else {}
        self.add_cmdline_args = add_cmdline_args
        self.show_name = show_name
        self.argparser = _argparser if _argparser is not None else ArgumentParser()
        self.args = None
        self._names = set()
        self._warmups = warmups
        self._values = values
        self._loops = loops
        # Our own options come out of sys.argv before the benchmark parses it.
        self._argv = self._take_own_options(list(sys.argv[1:]))

    def _take_own_options(self, argv):
        rest = []
        i = 0
        own = {"--warmups": "_warmups", "--values": "_values", "--loops": "_loops"}
        self._show_result = False
        while i < len(argv):
            token = argv[i]
            name, eq, inline = token.partition("=")
            if name in own:
                if eq:
                    text = inline
                else:
                    i += 1
                    if i >= len(argv):
                        self.argparser.error("argument %s: expected one argument" % name)
                    text = argv[i]
                try:
                    setattr(self, own[name], int(text))
                except ValueError:
                    self.argparser.error("argument %s: invalid int value: %r" % (name, text))
            elif token == "--show-result":
                self._show_result = True
            else:
                rest.append(token)
            i += 1
        if self._warmups is None:
            self._warmups = int(_env("PYPERF_WARMUPS") or DEFAULT_WARMUPS)
        if self._values is None:
            self._values = int(_env("PYPERF_LOOPS") or DEFAULT_VALUES)
        if not self._loops:
            self._loops = 1
        return rest

    def parse_args(self, args=None):
        if self.args is not None and args is None:
            return self.args
        argv = self._argv if args is None else self._take_own_options(list(args))
        self.args = self.argparser.parse_args(argv)
        return self.args

    def _check_name(self, name):
        if self.args is None:
            self.parse_args()
        if not isinstance(name, str) or not name:
            raise ValueError("benchmark name must be a non-empty str")
        if name in self._names:
            raise ValueError("duplicated benchmark name: %r" % (name,))
        self._names.add(name)

    def _report(self, name, timings, inner_loops):
        per = float(self._loops * (inner_loops or 1))
        values = [t / per for t in timings]
        median = _median(values)
        text = " ".join("%.6g" % v for v in values)
        print("pyperf: %s: median %.6g s (warmups %d, values %d: %s)"
              % (name, median, self._warmups, len(values), text),
              file=sys.stderr, flush=True)
        return median

    def bench_time_func(self, name, time_func, *args, inner_loops=None):
        """time_func(loops, *args) runs the work `loops` times and returns the
        elapsed seconds."""
        self._check_name(name)
        for _ in range(self._warmups):
            time_func(self._loops, *args)
        timings = []
        for _ in range(self._values):
            timings.append(float(time_func(self._loops, *args)))
        return self._report(name, timings, inner_loops)

    def bench_func(self, name, func, *args, inner_loops=None):
        """Time func(*args), called `loops` times per value."""
        self._check_name(name)
        result = None
        loops = self._loops
        for _ in range(self._warmups):
            for _ in range(loops):
                result = func(*args)
        timings = []
        for _ in range(self._values):
            t0 = perf_counter()
            for _ in range(loops):
                result = func(*args)
            timings.append(perf_counter() - t0)
        if self._show_result:
            print("%s: result %s" % (name, summarize(result)), flush=True)
        return self._report(name, timings, inner_loops)

    def bench_async_func(self, name, coro_func, *args, inner_loops=None, loop_factory=None):
        raise NotImplementedError("pyperf stand-in: bench_async_func is not supported")

    def bench_command(self, name, command):
        raise NotImplementedError("pyperf stand-in: bench_command is not supported")
