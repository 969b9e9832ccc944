"""Writes data/ of search-rotated-sorted-array (deterministic: `python3 generators/gen.py`).

The large tests have 5 * 10^4 values and 5 * 10^4 lookups: ~8 * 10^5 binary-search steps, but
~1.25 * 10^9 comparisons for a linear scan per lookup (half of the targets are missing: full scans).
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
LIMIT = 10**5


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(nums: list[int], targets: list[int]) -> list[int]:
    where = {x: i for i, x in enumerate(nums)}
    return [where.get(t, -1) for t in targets]


def write(group: str, name: str, nums: list[int], targets: list[int]) -> None:
    assert len(set(nums)) == len(nums)
    k = nums.index(min(nums))
    assert nums[k:] + nums[:k] == sorted(nums)
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(nums)}\n{dump(targets)}\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(nums, targets)) + "\n")


def rotated(rng: random.Random, n: int, lo: int, hi: int, k: int | None = None) -> list[int]:
    values = sorted(rng.sample(range(lo, hi + 1), n))
    k = rng.randrange(n) if k is None else k
    return values[k:] + values[:k]


def lookups(rng: random.Random, nums: list[int], q: int, lo: int, hi: int) -> list[int]:
    """Half present values, half random ones (mostly missing), shuffled."""
    present = [rng.choice(nums) for _ in range(q // 2)]
    return rng.sample(present + [rng.randint(lo, hi) for _ in range(q - q // 2)], q)


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(33)
    write("sample", "1", [15, 18, 23, 2, 7, 11], [7, 15, 5])
    write("sample", "2", [9], [9, 1])
    write("sample", "3", [3, 5, 8, 13], [13, 4, 3])
    write("secret", "01-two-rotated", [2, 1], [1, 2, 3, 0])
    write("secret", "02-two-sorted", [1, 2], [2, 1, 0])
    write("secret", "03-rotated-by-one", [5, 1, 2, 3, 4], [5, 1, 4, 3, 2, 0, 6])
    write("secret", "04-rotated-to-last", [2, 3, 4, 5, 1], [1, 2, 5, 3, 4, 6])
    write("secret", "05-extremes", [LIMIT, -LIMIT, 0], [LIMIT, -LIMIT, 0, 1, -1])
    write("secret", "06-negatives", [-3, -1, -20, -10, -5], [-20, -5, -3, -1, -10, -2, -21])
    for k in range(7, 13):
        nums = rotated(rng, rng.randint(1, 20), -30, 30)
        write("secret", f"{k:02}-small-random", nums, [*nums, *lookups(rng, nums, 20, -31, 31)])
    for k in range(13, 16):
        nums = rotated(rng, rng.randint(1000, 3000), -LIMIT, LIMIT)
        write("secret", f"{k:02}-medium-random", nums, lookups(rng, nums, 3000, -LIMIT, LIMIT))
    n = 50_000
    nums = rotated(rng, n, -LIMIT, LIMIT)
    write("secret", "16-large-random", nums, lookups(rng, nums, n, -LIMIT, LIMIT))
    nums = rotated(rng, n, -LIMIT, LIMIT, k=n - 1)
    write("secret", "17-large-pivot-at-end", nums, lookups(rng, nums, n, -LIMIT, LIMIT))


if __name__ == "__main__":
    main()
