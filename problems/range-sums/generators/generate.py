"""Writes the tests of range-sums' two groups (deterministic: `python3 generators/generate.py`)."""

import itertools
import random
from pathlib import Path

SECRET = Path(__file__).resolve().parent.parent / "data" / "secret"


def write(group: str, name: str, values: list[int], queries: list[tuple[int, int]]) -> None:
    prefix = [0, *itertools.accumulate(values)]
    lines = [f"{len(values)} {len(queries)}", " ".join(map(str, values))]
    lines += [f"{left} {right}" for left, right in queries]
    (SECRET / group / f"{name}.in").write_text("\n".join(lines) + "\n")
    sums = [prefix[right] - prefix[left - 1] for left, right in queries]
    (SECRET / group / f"{name}.ans").write_text("".join(f"{total}\n" for total in sums))


def random_queries(rng: random.Random, n: int, q: int) -> list[tuple[int, int]]:
    return [tuple(sorted((rng.randint(1, n), rng.randint(1, n)))) for _ in range(q)]  # type: ignore[misc]


def main() -> None:
    rng = random.Random(30_70)
    write("1-small", "01-one", [-7], [(1, 1)])
    write("1-small", "02-whole", [rng.randint(-1000, 1000) for _ in range(1000)], [(1, 1000)] * 3)
    small = [rng.randint(-1000, 1000) for _ in range(1000)]
    write("1-small", "03-random", small, random_queries(rng, 1000, 1000))
    big = [rng.choice((-1, 1)) * 10**9 for _ in range(2000)]
    write("2-large", "01-overflow", big, [(1, 2000), *random_queries(rng, 2000, 199)])
    n = 100_000
    wide = [(rng.randint(1, 100), rng.randint(n - 100, n)) for _ in range(50_000)]
    write("2-large", "02-wide", [rng.randint(-(10**9), 10**9) for _ in range(n)], wide)


if __name__ == "__main__":
    main()
