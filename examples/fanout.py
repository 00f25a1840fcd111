"""A server-like fan-out: one dispatcher, many workers doing slow I/O.

A dispatcher tasklet hands requests to worker tasklets over a channel;
each worker serves a request by sleeping for that request's latency (a
stand-in for a database or network call) and sends the response back over
a reply channel. Under skiff `time.sleep()` blocks only the tasklet that
calls it, so all requests are in flight at once and the whole batch takes
about as long as the slowest request rather than the sum of all of them.
(Under Stackless Python or PyPy, `time.sleep()` blocks the whole thread,
so there the batch takes the sum; the "time:" line says which happened.)

Latencies come from a small linear congruential generator in this file,
so the requests and responses are the same on every run.

Run it with

    cargo run --release -- examples/fanout.py

(it also runs under PyPy: `pypy3 examples/fanout.py`). The lines before
the one starting with "time:" are deterministic.
"""
import time

import stackless

WORKERS = 40
REQUESTS = 40
LATENCY_MS = (5, 50)


def latencies(n, seed):
    x = seed
    out = []
    for _ in range(n):
        x = (1664525 * x + 1013904223) % 4294967296
        lo, hi = LATENCY_MS
        out.append(lo + (x >> 16) % (hi - lo + 1))
    return out


def worker(requests):
    while True:
        job = requests.receive()
        if job is None:
            return
        number, payload, latency_ms, reply = job
        time.sleep(latency_ms / 1000.0)
        reply.send((number, payload * payload + number))


def dispatcher(requests, jobs):
    for job in jobs:
        requests.send(job)
    for _ in range(WORKERS):
        requests.send(None)


def main():
    lat = latencies(REQUESTS, seed=7)
    requests = stackless.channel()
    replies = stackless.channel()
    jobs = [(i, 1000 + i, lat[i], replies) for i in range(REQUESTS)]
    responses = {}

    def collector():
        for _ in range(REQUESTS):
            number, value = replies.receive()
            responses[number] = value

    start = time.perf_counter()
    for _ in range(WORKERS):
        stackless.tasklet(worker)(requests)
    stackless.tasklet(dispatcher)(requests, jobs)
    stackless.tasklet(collector)()
    stackless.run()
    elapsed_ms = (time.perf_counter() - start) * 1000

    print("workers: %d, requests: %d" % (WORKERS, REQUESTS))
    for i in range(REQUESTS):
        print("request %2d: latency %2d ms -> %d" % (i, lat[i], responses[i]))
    print("responses: %d, checksum %d" % (len(responses), sum(responses.values())))
    total, slowest = sum(lat), max(lat)
    print("latencies: sum %d ms, slowest %d ms" % (total, slowest))
    verdict = "overlapped" if elapsed_ms < total * 0.5 else "sequential"
    print("time: elapsed %.0f ms (slowest request %d ms, sum %d ms): %s"
          % (elapsed_ms, slowest, total, verdict))


if __name__ == "__main__":
    main()
