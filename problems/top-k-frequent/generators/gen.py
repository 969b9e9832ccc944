"""Writes data/ of top-k-frequent (deterministic: `python3 generators/gen.py` from anywhere).

Answers list the values by decreasing frequency (the judge compares with any_order: true). The large tests
have ~2 * 10^4 distinct values and k = 10^4: counting plus a heap or a sort takes ~n log n steps, picking
the most frequent remaining value k times (the naive way) ~10^8.
"""

import json
import random
import shutil
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
LIMIT = 10**4


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(nums: list[int], k: int) -> list[int]:
    ranked = Counter(nums).most_common()
    assert k == len(ranked) or ranked[k - 1][1] > ranked[k][1], "the answer must be unique"
    return [value for value, _ in ranked[:k]]


def write(group: str, name: str, nums: list[int], k: int) -> None:
    assert 1 <= k <= len(set(nums))
    assert all(-LIMIT <= x <= LIMIT for x in nums)
    assert len(nums) <= 10**5
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(nums)}\n{k}\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(nums, k)) + "\n")


def build(
    rng: random.Random, distinct: int, k: int, top: tuple[int, int], rest: tuple[int, int]
) -> list[int]:
    """`distinct` values; the k chosen ones occur top[0]..top[1] times, the others rest[0]..rest[1] times
    (rest[1] < top[0], so the answer is unique)."""
    assert rest[1] < top[0]
    values = rng.sample(range(-LIMIT, LIMIT + 1), distinct)
    nums = []
    for i, value in enumerate(values):
        lo, hi = top if i < k else rest
        nums += [value] * rng.randint(lo, hi)
    rng.shuffle(nums)
    return nums


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(347)
    write("sample", "1", [4, 4, 4, 2, 2, 9, 9, 9, 9, 1], 2)
    write("sample", "2", [-3], 1)
    write("sample", "3", [5, 6, 7, 6, 5, 6], 3)
    write("secret", "01-all-same", [8] * 20, 1)
    write("secret", "02-extremes", [LIMIT, -LIMIT, -LIMIT, 0, LIMIT, -LIMIT], 2)
    write("secret", "03-most-frequent-last", [1, 2, 3, 4, 5, 5], 1)
    write("secret", "04-k-all", [3, 1, 2, 3, 1, 3], 3)
    for i in range(5, 10):
        distinct = rng.randint(2, 10)
        k = rng.randint(1, distinct - 1)
        write("secret", f"{i:02}-small-random", build(rng, distinct, k, (3, 5), (1, 2)), k)
    for i in range(10, 13):
        k = rng.randint(1, 200)
        write("secret", f"{i:02}-medium-random", build(rng, rng.randint(k + 1, 2000), k, (5, 9), (1, 4)), k)
    write("secret", "13-large-k-half", build(rng, 2 * LIMIT + 1, LIMIT, (6, 6), (3, 3)), LIMIT)
    write("secret", "14-large-k-one", build(rng, 2 * LIMIT + 1, 1, (8, 8), (1, 7)), 1)
    write("secret", "15-large-k-most", build(rng, 2 * LIMIT + 1, 18_000, (5, 5), (1, 4)), 18_000)
    write("secret", "16-large-few-values", build(rng, 100, 10, (3000, 5000), (1, 800)), 10)


if __name__ == "__main__":
    main()
