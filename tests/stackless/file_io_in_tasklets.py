# oracle: pypy3
"""open(), write() and read() of files inside tasklets while another
tasklet keeps running. skiff may hand the I/O to its blocking pool and run
other tasklets meanwhile, so only order-independent results are printed.
Files are created in the current directory (the suite runs each script in
a fresh temporary one) and removed at the end when `os` is available."""
import stackless

ticks = [0]
done = []


def ticker():
    while len(done) < 3:
        ticks[0] += 1
        stackless.schedule()


def writer_reader(name, lines):
    path = "stackless_io_%s.txt" % name
    with open(path, "w") as f:
        for i in range(lines):
            f.write("%s line %d %s\n" % (name, i, "x" * (i % 50)))
            if i % 500 == 0:
                stackless.schedule()
    stackless.schedule()
    with open(path) as f:
        text = f.read()
    with open(path, "a") as f:
        f.write("appended by %s\n" % name)
    with open(path) as f:
        last = f.readlines()[-1]
    with open(path, "rb") as f:
        raw = f.read()
    done.append((name, len(text.splitlines()), last.strip(), len(raw)))


stackless.tasklet(ticker)()
for name, lines in (("alpha", 2000), ("beta", 3000), ("gamma", 1000)):
    stackless.tasklet(writer_reader)(name, lines)
stackless.run()
for entry in sorted(done):
    print(entry)
print("ticker kept running:", ticks[0] > 3)

try:
    import os
except ImportError:
    os = None
if os is not None:
    for name in ("alpha", "beta", "gamma"):
        os.remove("stackless_io_%s.txt" % name)
