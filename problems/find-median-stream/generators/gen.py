"""Writes data/ of find-median-stream (deterministic: `python3 generators/gen.py` from anywhere).

A test is a design call sequence: the calls, then their arguments, answers `null` for the constructor and
addNum. The large tests make 5 * 10^4 calls (mostly addNum of random readings): two heaps take
O(log n) per call, keeping a sorted list by scanning for the insert position ~n^2 / 4 steps.
"""

import heapq
import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
LIMIT = 10**5


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(calls: list[str], args: list[list[int]]) -> list[float | None]:
    low: list[int] = []  # max-heap (negated) of the smaller half
    high: list[int] = []  # min-heap of the larger half, len(high) <= len(low) <= len(high) + 1
    out: list[float | None] = [None]
    for call, arg in zip(calls[1:], args[1:], strict=True):
        if call == "addNum":
            heapq.heappush(low, -heapq.heappushpop(high, arg[0]))
            if len(low) > len(high) + 1:
                heapq.heappush(high, -heapq.heappop(low))
            out.append(None)
        else:
            assert low, "findMedian before any addNum"
            median = -low[0] if len(low) > len(high) else (-low[0] + high[0]) / 2
            out.append(float(median))
    return out


def write(group: str, name: str, calls: list[str], args: list[list[int]]) -> None:
    assert len(calls) <= 5 * 10**4
    assert calls[0] == "MedianFinder"
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(calls)}\n{dump(args)}\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(calls, args)) + "\n")


Calls = tuple[list[str], list[list[int]]]


def stream(rng: random.Random, ops: int, p_find: float, lo: int, hi: int) -> Calls:
    calls, args = ["MedianFinder", "addNum"], [[], [rng.randint(lo, hi)]]
    while len(calls) < ops - 1:
        if rng.random() < p_find:
            calls.append("findMedian")
            args.append([])
        else:
            calls.append("addNum")
            args.append([rng.randint(lo, hi)])
    calls.append("findMedian")
    args.append([])
    return calls, args


def program(*steps: int | None) -> Calls:
    """A hand-written test: an int is addNum(int), None is findMedian()."""
    calls = ["MedianFinder"] + ["findMedian" if s is None else "addNum" for s in steps]
    return calls, [[]] + [[] if s is None else [s] for s in steps]


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(295)
    write("sample", "1", *program(6, 2, None, 9, None))
    write("sample", "2", *program(-1, None, -2, None))
    write("sample", "3", *program(5, 5, 1, 7, None))
    write("secret", "01-one-reading", *program(LIMIT, None, None))
    write("secret", "02-odd-sum-pair", *program(1, 2, None, -LIMIT, None, LIMIT, None))
    write("secret", "03-extremes", *program(LIMIT, -LIMIT, None, LIMIT, None, -LIMIT, None))
    write("secret", "04-increasing", *program(*[x for i in range(1, 12) for x in (i, None)]))
    write("secret", "05-decreasing", *program(*[x for i in range(12, 0, -1) for x in (i * 3, None)]))
    write("secret", "06-all-equal", *program(*[x for _ in range(8) for x in (-7, None)]))
    for k in range(7, 12):
        write("secret", f"{k:02}-small-random", *stream(rng, rng.randint(3, 40), 0.4, -20, 20))
    for k in range(12, 15):
        write("secret", f"{k:02}-medium-random", *stream(rng, 3000, 0.3, -LIMIT, LIMIT))
    write("secret", "15-large-random", *stream(rng, 50_000, 0.05, -LIMIT, LIMIT))
    calls, args = stream(rng, 50_000, 0.05, -LIMIT, LIMIT)
    args = [[] if not a else [-abs(a[0]) if i % 2 else abs(a[0])] for i, a in enumerate(args)]
    write("secret", "16-large-alternating-sides", calls, args)


if __name__ == "__main__":
    main()
