"""Writes data/ of lru-cache (deterministic: `python3 generators/gen.py` from anywhere).

A test is a design call sequence: the calls, then their arguments, answers `null` for the constructor and
put. The large test has capacity 2 * 10^4 and ~3 * 10^4 evictions: a hash map with a recency list takes
O(1) per call, scanning every entry for the oldest one at each eviction (the naive way) ~6 * 10^8 steps.
"""

import json
import random
import shutil
from collections import OrderedDict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
KEYS = 10**5
Calls = tuple[list[str], list[list[int]]]


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(calls: list[str], args: list[list[int]]) -> list[int | None]:
    capacity = args[0][0]
    cache: OrderedDict[int, int] = OrderedDict()
    out: list[int | None] = [None]
    for call, arg in zip(calls[1:], args[1:], strict=True):
        if call == "get":
            if arg[0] in cache:
                cache.move_to_end(arg[0])
                out.append(cache[arg[0]])
            else:
                out.append(-1)
        else:
            key, value = arg
            cache[key] = value
            cache.move_to_end(key)
            if len(cache) > capacity:
                cache.popitem(last=False)
            out.append(None)
    return out


def write(group: str, name: str, calls: list[str], args: list[list[int]]) -> None:
    assert calls[0] == "LRUCache"
    assert len(calls) - 1 <= 5 * 10**4
    assert 1 <= args[0][0] <= 2 * 10**4
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(calls)}\n{dump(args)}\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(calls, args)) + "\n")


def program(capacity: int, *steps: tuple[int, ...]) -> Calls:
    """A hand-written test: (key,) is get(key), (key, value) is put(key, value)."""
    calls = ["LRUCache"] + ["get" if len(s) == 1 else "put" for s in steps]
    return calls, [[capacity]] + [list(s) for s in steps]


def session(rng: random.Random, capacity: int, ops: int, p_put: float, keys: int) -> Calls:
    """Random calls; gets ask for a recently put key (a likely hit) or a random one (likely a miss), puts
    reuse a recent key now and then (an update that refreshes its recency)."""
    calls, args = ["LRUCache"], [[capacity]]
    recent: list[int] = []
    for _ in range(ops):
        if rng.random() < p_put or not recent:
            reuse = recent and rng.random() < 0.2
            key = rng.choice(recent[-2 * capacity :]) if reuse else rng.randrange(keys)
            recent.append(key)
            calls.append("put")
            args.append([key, rng.randint(0, 10**5)])
        else:
            key = rng.choice(recent[-capacity - 2 :]) if rng.random() < 0.7 else rng.randrange(keys)
            calls.append("get")
            args.append([key])
    return calls, args


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(146)
    write("sample", "1", *program(2, (1, 10), (2, 20), (1,), (3, 30), (2,), (3,)))
    write("sample", "2", *program(2, (5, 1), (6, 2), (5, 3), (5,), (6,)))
    write("sample", "3", *program(1, (7, 70), (8, 80), (7,), (8,)))
    write("secret", "01-get-empty", *program(3, (0,), (10**5,)))
    write("secret", "02-update-refreshes", *program(2, (1, 1), (2, 2), (1, 5), (3, 3), (2,), (1,), (3,)))
    write("secret", "03-get-refreshes", *program(2, (1, 1), (2, 2), (1,), (3, 3), (2,), (1,)))
    write("secret", "04-zero-values", *program(2, (0, 0), (1, 0), (0,), (1,), (2, 0), (0,), (1,)))
    write("secret", "05-capacity-one", *program(1, (2, 1), (2, 2), (2,), (3, 3), (2,), (3,), (3, 4), (3,)))
    write("secret", "06-refill-after-evict", *program(2, (1, 1), (2, 2), (3, 3), (1, 4), (1,), (2,), (3,)))
    for k in range(7, 12):
        write("secret", f"{k:02}-small-random", *session(rng, rng.randint(1, 4), rng.randint(5, 40), 0.5, 8))
    for k in range(12, 15):
        write("secret", f"{k:02}-medium-random", *session(rng, rng.randint(10, 500), 4000, 0.5, 1000))
    write("secret", "15-capacity-one-long", *session(rng, 1, 5000, 0.5, 3))
    write("secret", "16-large-evictions", *session(rng, 20_000, 50_000, 0.9, KEYS))


if __name__ == "__main__":
    main()
