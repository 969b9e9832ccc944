"""Writes data/ of course-schedule (deterministic: `python3 generators/gen.py`); answers by Kahn's
algorithm."""

import json
import random
from collections import deque
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(n: int, prerequisites: list[list[int]]) -> bool:
    unlocks: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for course, before in prerequisites:
        unlocks[before].append(course)
        waiting[course] += 1
    ready = deque(c for c in range(n) if waiting[c] == 0)
    taken = 0
    while ready:
        course = ready.popleft()
        taken += 1
        for nxt in unlocks[course]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    return taken == n


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def random_dag(rng: random.Random, n: int, m: int) -> list[list[int]]:
    """m distinct pairs consistent with a hidden random order of the n courses."""
    order = list(range(n))
    rng.shuffle(order)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < m:
        i, j = sorted(rng.sample(range(n), 2))
        pairs.add((order[j], order[i]))
    out = [list(p) for p in pairs]
    rng.shuffle(out)
    return out


def with_cycle(rng: random.Random, n: int, m: int, length: int) -> list[list[int]]:
    """A random DAG plus one cycle of the given length hidden among its pairs."""
    pairs = random_dag(rng, n, m)
    cycle = rng.sample(range(n), length)
    existing = {tuple(p) for p in pairs}
    for k in range(length):
        pair = (cycle[k], cycle[(k + 1) % length])
        if pair not in existing:
            pairs.insert(rng.randrange(len(pairs) + 1), list(pair))
    return pairs


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(207)
    write("sample", "1", 3, [[1, 0], [2, 1]])
    write("sample", "2", 3, [[0, 1], [1, 2], [2, 0]])
    write("sample", "3", 4, [[1, 0], [2, 0], [3, 1], [3, 2]])
    write("secret", "01-no-rules", 1, [])
    write("secret", "02-self-loop", 2, [[1, 0], [1, 1]])
    write("secret", "03-two-cycle", 2, [[0, 1], [1, 0]])
    write("secret", "04-isolated-and-cycle", 6, [[1, 0], [2, 1], [4, 3], [3, 4]])
    write("secret", "05-diamonds", 7, [[1, 0], [2, 0], [3, 1], [3, 2], [4, 3], [5, 3], [6, 4], [6, 5]])
    write("secret", "06-many-roots", 5, [[4, 0], [4, 1], [4, 2], [4, 3]])
    for i in range(7, 13):
        n = rng.randint(2, 30)
        m = rng.randint(0, min(40, n * (n - 1) // 2))
        pairs = random_dag(rng, n, m) if i % 2 else with_cycle(rng, n, m, rng.randint(1, n))
        write("secret", f"{i:02}-random-small", n, pairs)
    write("secret", "13-random-medium-dag", 2000, random_dag(rng, 2000, 5000))
    write("secret", "14-random-medium-cycle", 2000, with_cycle(rng, 2000, 5000, 40))
    n = 50_000
    write("secret", "15-large-chain", n, [[c + 1, c] for c in range(n - 2, -1, -1)])
    chain = [[c + 1, c] for c in range(n - 2, -1, -1)]
    chain.insert(n // 3, [0, n - 1])
    write("secret", "16-large-chain-closed", n, chain)
    write("secret", "17-large-random-dag", n, random_dag(rng, n, n))


if __name__ == "__main__":
    main()
