"""ring: a token travels M times around a ring of K = 1000 tasklets.

Node i receives the token on channel i and sends it, plus one, on channel
i + 1; the main tasklet closes the ring, feeding channel 0 and reading
channel K once per lap.  Unlike pingpong, every hand-off wakes a different
tasklet, so the scheduler cycles through K suspended stacks.  The checksum
is the final token (K * M) and the sum of the token at the end of each lap.

Size: laps M (default 12000; `smoke`: 5 laps of a 50-tasklet ring).
"""
import sys
import time

import stackless

K, DEFAULT = 1000, 12000
SMOKE_K, SMOKE = 50, 5


def size():
    if len(sys.argv) < 2:
        return K, DEFAULT
    if sys.argv[1] == "smoke":
        return SMOKE_K, SMOKE
    return K, int(sys.argv[1])


def node(laps, inbox, outbox):
    for _ in range(laps):
        outbox.send(inbox.receive() + 1)


def main(k, laps):
    channels = [stackless.channel() for _ in range(k + 1)]
    for i in range(k):
        stackless.tasklet(node)(laps, channels[i], channels[i + 1])
    first, last = channels[0], channels[k]
    token = 0
    lap_sum = 0
    for _ in range(laps):
        first.send(token)
        token = last.receive()
        lap_sum += token
    return token, lap_sum


if __name__ == "__main__":
    k, laps = size()
    t0 = time.perf_counter()
    token, lap_sum = main(k, laps)
    t1 = time.perf_counter()
    print("ring", k, laps, token, lap_sum)
    print("time: %.3f s" % (t1 - t0), file=sys.stderr)
