# oracle: stackless-docs
# File reads and writes in a tasklet run on skiff's blocking pool while the
# other tasklets keep running (skiff's design: "File reads and writes
# through open() run on a blocking pool ... while other tasklets run;
# completions wake their tasklet"). Neither Stackless nor PyPy does this:
# there a read blocks every tasklet, so the ticker below would not advance
# during the reads. Expected, by that design:
#  - the data read and written is exactly what a plain read/write gives;
#  - a ticker tasklet that only calls schedule() advances while the reader
#    waits for the disk (ticks > 0 once the reader is done);
#  - a tasklet killed while it reads (its read may be in flight on the
#    pool) gets TaskletExit at once (its finally runs), is woken exactly
#    once, and the file object stays usable: the bytes it got plus a later
#    read of the rest are the whole file, none lost or duplicated.
import stackless

path = "green_file_io.txt"
with open(path, "w") as f:
    for i in range(30000):
        f.write("line %05d %s\n" % (i, "x" * 40))

ticks = 0
done = False


def ticker():
    global ticks
    while not done:
        ticks += 1
        stackless.schedule()


def reader():
    global done
    n = total = 0
    with open(path) as f:
        for line in f:
            n += 1
            total += len(line)
    with open(path, "rb") as f:
        data = f.read()
    with open(path + ".out", "w") as g:
        g.write(data.decode()[:200000])
    with open(path + ".out") as g:
        back = g.read()
    print("lines", n, "chars", total, "bytes", len(data), "written back", len(back), back == data.decode()[:200000])
    done = True


stackless.tasklet(ticker)()
stackless.tasklet(reader)()
stackless.run()
print("ticker advanced during the reads:", ticks > 0)

log = []
shared = open(path, "rb")


def slow_reader():
    log.append("reading")
    try:
        while True:
            chunk = shared.read(100000)
            log.append(len(chunk))
            if not chunk:
                break
    finally:
        log.append("finally")


def killer(victim):
    global done
    # Kill the victim after it has started reading: usually while a read of
    # its is in flight on the pool, but whether it is at that instant is a
    # matter of timing, so only facts that hold either way are printed.
    while not log:
        stackless.schedule()
    victim.kill()
    log.append("killed, alive=%s" % victim.alive)
    done = True


v = stackless.tasklet(slow_reader)()
stackless.tasklet(killer)(v)
stackless.tasklet(ticker)()
done = False
stackless.run()
print("victim ended:", "finally" in log, [x for x in log if isinstance(x, str)])
rest = shared.read()
got = sum(x for x in log if isinstance(x, int))
print("no bytes lost or duplicated:", got + len(rest) == 30000 * 52)
shared.close()
