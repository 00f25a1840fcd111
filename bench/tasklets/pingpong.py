"""pingpong: two tasklets bounce a counter between them over two channels.

Each of the N round trips is two channel hand-offs (ping, then pong), so
this measures the cost of a blocking send/receive pair and the tasklet
switch it causes.  The checksum is the sum of every value received.

Size: round trips N (default 6000000; `smoke`: 1000).
"""
import sys
import time

import stackless

DEFAULT, SMOKE = 6000000, 1000


def size():
    if len(sys.argv) < 2:
        return DEFAULT
    return SMOKE if sys.argv[1] == "smoke" else int(sys.argv[1])


def main(n):
    ping = stackless.channel()
    pong = stackless.channel()
    sums = [0, 0]

    def server():
        total = 0
        for _ in range(n):
            v = ping.receive()
            total += v
            pong.send(v + 1)
        sums[1] = total

    def client():
        total = 0
        for i in range(n):
            ping.send(i)
            total += pong.receive()
        sums[0] = total

    stackless.tasklet(server)()
    stackless.tasklet(client)()
    stackless.run()
    return sums[0] + sums[1]


if __name__ == "__main__":
    n = size()
    t0 = time.perf_counter()
    checksum = main(n)
    t1 = time.perf_counter()
    print("pingpong", n, checksum)
    print("time: %.3f s" % (t1 - t0), file=sys.stderr)
