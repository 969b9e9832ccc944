"""Writes data/ of two-sum (deterministic: `python3 generators/gen.py` from anywhere).

Every test has exactly one answer: a value is only added when its complement is not already present. The
large tests put the pair at the very end so that trying every pair costs ~n^2/2 steps.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
LIMIT = 10**9


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(nums: list[int], target: int) -> list[int]:
    seen: dict[int, int] = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    raise ValueError("no pair")


def write(group: str, name: str, nums: list[int], target: int) -> None:
    pairs = solve(nums, target)
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(nums)}\n{target}\n")
    (DATA / group / f"{name}.ans").write_text(dump(pairs) + "\n")


Case = tuple[list[int], int]


def unique_case(rng: random.Random, n: int, lo: int, hi: int, where: tuple[int, int] | None = None) -> Case:
    """n values in [lo, hi] with exactly one pair summing to the target, at positions `where` (or random)."""
    a, b = rng.randint(lo, hi), rng.randint(lo, hi)
    target = a + b
    while not -LIMIT <= target <= LIMIT:
        a, b = rng.randint(lo, hi), rng.randint(lo, hi)
        target = a + b
    present = {a, b} if a != b else {a}
    others: list[int] = []
    while len(others) < n - 2:
        x = rng.randint(lo, hi)
        if target - x in present or x in (a, b):
            continue
        present.add(x)
        others.append(x)
    i, j = where if where else sorted(rng.sample(range(n), 2))
    nums: list[int] = []
    it = iter(others)
    for k in range(n):
        nums.append(a if k == i else b if k == j else next(it))
    return nums, target


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(1)
    write("sample", "1", [4, 9, 1, 7], 10)
    write("sample", "2", [3, 2, 4], 6)
    write("sample", "3", [5, 5], 10)
    write("secret", "01-two-elements", [-3, 7], 4)
    write("secret", "02-equal-values", [1, 8, 8, 2], 16)
    write("secret", "03-half-first", [5, 1, 9, 0], 10)
    write("secret", "04-negatives", [-(10**9), 3, -7, 10**9, 12], 0)
    write("secret", "05-zeros", [0, 4, 0, -2], 0)
    write("secret", "06-extremes", [10**9, -(10**9), 10**9 - 1, 1], 10**9)
    write("secret", "07-half-before-pair", [2, 11, 4, 15, 20, 0], 4)
    for k in range(8, 14):
        n = rng.randint(3, 60)
        nums, target = unique_case(rng, n, -50, 50)
        write("secret", f"{k:02}-small-random", nums, target)
    for k in range(14, 18):
        n = rng.randint(1000, 5000)
        nums, target = unique_case(rng, n, -LIMIT, LIMIT)
        write("secret", f"{k:02}-medium-random", nums, target)
    n = 100_000
    write("secret", "18-large-pair-at-end", *unique_case(rng, n, -LIMIT, LIMIT, (n - 2, n - 1)))
    write("secret", "19-large-pair-far-apart", *unique_case(rng, n, -LIMIT, LIMIT, (0, n - 1)))
    nums, target = unique_case(rng, n, 0, 10**6, (n - 2, n - 1))
    write("secret", "20-large-positive", nums, target)


if __name__ == "__main__":
    main()
