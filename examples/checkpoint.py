"""A market that stops half-way, saves every tasklet to a file, and finishes
in another process.

Traders and an exchange are tasklets. Each round the main tasklet sends
the round number to every trader on the clock channel; a trader draws a
price from its own pseudo-random generator (a Python generator, suspended
between rounds), sends an order to the exchange and waits on its own
channel for the answer; the exchange keeps an order book and matches
buyers with sellers.

    cargo run --release -- examples/checkpoint.py                 # all rounds
    cargo run --release -- examples/checkpoint.py --save state.bin
    cargo run --release -- examples/checkpoint.py --resume state.bin

With `--save FILE` the market runs half of the rounds, then pickles the
whole world (the channels, and with them every trader and the exchange,
blocked mid-loop with their locals, their generators and the book) to FILE
and exits. `--resume FILE` loads it in a fresh process and runs the other
half: the two runs together print exactly what one uninterrupted run prints
(the notes about saving and loading go to stderr). The uninterrupted run
also works under PyPy (`pypy3 examples/checkpoint.py`), which cannot
pickle tasklets.
"""
import sys

import stackless

ROUNDS = 40
TRADERS = ["ann", "bob", "cyd", "dee", "eve", "fay"]


def lcg(seed):
    """Deterministic pseudo-random numbers (the same on every Python)."""
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2147483648
        yield x >> 8


class World:
    def __init__(self):
        self.round = 0
        self.clock = stackless.channel()
        self.orders = stackless.channel()
        self.inbox = {name: stackless.channel() for name in TRADERS}
        self.book = {"buy": [], "sell": []}
        self.trades = 0
        self.volume = 0


def trader(world, name, seed):
    rng = lcg(seed)
    cash, stock = 10000, 50
    inbox = world.inbox[name]
    while True:
        rnd = world.clock.receive()
        if rnd is None:
            break
        r = next(rng)
        side = "buy" if (r % 3 == 0 and cash > 200) or stock == 0 else "sell"
        price = 90 + r % 21
        qty = 1 + (r >> 5) % 5
        world.orders.send((name, side, price, qty))
        fills = inbox.receive()
        for other, fprice, fqty in fills:
            if side == "buy":
                cash -= fprice * fqty
                stock += fqty
            else:
                cash += fprice * fqty
                stock -= fqty
            print(f"  round {rnd:2}: {name} {side}s {fqty} at {fprice} from {other}")
    print(f"{name}: cash {cash}, stock {stock}, worth {cash + stock * 100}")


def match(world, name, side, price, qty):
    """Fills for a new order against the book; what is left rests in it."""
    other_side = "sell" if side == "buy" else "buy"
    book = world.book[other_side]
    fills = []
    while qty and book:
        best = min(book) if side == "buy" else max(book, key=lambda o: (o[0], -o[1]))
        bprice = best[0] if side == "buy" else best[0]
        if (side == "buy" and bprice > price) or (side == "sell" and bprice < price):
            break
        book.remove(best)
        n = min(qty, best[2])
        fills.append((best[3], bprice, n))
        if best[2] > n:
            book.append((best[0], best[1], best[2] - n, best[3]))
        qty -= n
    if qty:
        world.book[side].append((price, world.round * 100 + len(world.book[side]), qty, name))
    return fills


def exchange(world):
    while True:
        order = world.orders.receive()
        if order is None:
            break
        name, side, price, qty = order
        fills = match(world, name, side, price, qty)
        world.trades += len(fills)
        world.volume += sum(f[2] for f in fills)
        world.inbox[name].send(fills)
    print(f"exchange: {world.trades} trades, volume {world.volume}, "
          f"{len(world.book['buy'])} bids and {len(world.book['sell'])} asks left")


def start():
    world = World()
    for i, name in enumerate(TRADERS):
        stackless.tasklet(trader)(world, name, 1000 + 17 * i)
    stackless.tasklet(exchange)(world)
    stackless.run()  # everyone is now waiting for the first round
    return world


def play(world, until):
    while world.round < until:
        world.round += 1
        for _ in TRADERS:
            world.clock.send(world.round)
        stackless.run()  # let the round settle: everyone waits again
        if world.round % 10 == 0:
            print(f"after round {world.round}: {world.trades} trades, volume {world.volume}")


def finish(world):
    for _ in TRADERS:
        world.clock.send(None)
    world.orders.send(None)


def main(argv):
    if len(argv) == 3 and argv[1] == "--save":
        import pickle
        world = start()
        play(world, ROUNDS // 2)
        with open(argv[2], "wb") as f:
            pickle.dump(world, f)
        print(f"saved the market after round {world.round} to {argv[2]}", file=sys.stderr)
        return
    if len(argv) == 3 and argv[1] == "--resume":
        import pickle
        with open(argv[2], "rb") as f:
            world = pickle.load(f)
        print(f"loaded the market at round {world.round} from {argv[2]}", file=sys.stderr)
    elif len(argv) == 1:
        world = start()
    else:
        print("usage: checkpoint.py [--save FILE | --resume FILE]", file=sys.stderr)
        sys.exit(2)
    play(world, ROUNDS)
    finish(world)


main(sys.argv)
