"""Writes data/ of merge-two-sorted-lists (deterministic: `python3 generators/gen.py` from anywhere).

Lists are JSON arrays of values from head to tail. The large tests have 5 * 10^4 nodes in each list:
merging takes n + m steps, inserting each node of one list by walking the other from its head ~n * m.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
LIMIT = 10**4


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, list1: list[int], list2: list[int]) -> None:
    assert list1 == sorted(list1)
    assert list2 == sorted(list2)
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(list1)}\n{dump(list2)}\n")
    (DATA / group / f"{name}.ans").write_text(dump(sorted(list1 + list2)) + "\n")


def sorted_values(rng: random.Random, n: int, lo: int = -LIMIT, hi: int = LIMIT) -> list[int]:
    return sorted(rng.randint(lo, hi) for _ in range(n))


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(21)
    write("sample", "1", [2, 5, 9], [1, 5, 6, 12])
    write("sample", "2", [], [3])
    write("sample", "3", [], [])
    write("secret", "01-first-only", [-4, 0, 4], [])
    write("secret", "02-second-longer", [1], [0, 2, 3, 4, 5])
    write("secret", "03-all-first-smaller", [1, 2, 3], [10, 11, 12])
    write("secret", "04-all-second-smaller", [10, 11, 12], [1, 2, 3])
    write("secret", "05-all-equal", [7, 7, 7], [7, 7])
    write("secret", "06-interleaved", [1, 3, 5, 7, 9], [2, 4, 6, 8, 10])
    write("secret", "07-extremes", [-LIMIT, LIMIT], [-LIMIT, 0, LIMIT])
    for k in range(8, 13):
        write(
            "secret",
            f"{k:02}-small-random",
            sorted_values(rng, rng.randint(0, 15), -20, 20),
            sorted_values(rng, rng.randint(0, 15), -20, 20),
        )
    for k in range(13, 15):
        write(
            "secret",
            f"{k:02}-medium-random",
            sorted_values(rng, rng.randint(1000, 3000)),
            sorted_values(rng, rng.randint(1000, 3000)),
        )
    n = 50_000
    write("secret", "15-large-random", sorted_values(rng, n), sorted_values(rng, n))
    low, high = sorted_values(rng, n, -LIMIT, 0), sorted_values(rng, n, 1, LIMIT)
    write("secret", "16-large-second-after-first", low, high)
    write("secret", "17-large-one-empty", [], sorted_values(rng, n))


if __name__ == "__main__":
    main()
