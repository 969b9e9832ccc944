"""Writes data/ of three-sum (deterministic: `python3 generators/gen.py` from anywhere).

Answers list each triple sorted, triples sorted (the judge compares with any_order: deep). The large
tests have n = 3000: ~4.5 * 10^6 two-pointer steps, but ~4.5 * 10^9 for trying every triple.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
LIMIT = 10**5


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(nums: list[int]) -> list[list[int]]:
    values = sorted(nums)
    n = len(values)
    result = []
    for i in range(n - 2):
        if i and values[i] == values[i - 1]:
            continue
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = values[i] + values[lo] + values[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.append([values[i], values[lo], values[hi]])
                lo += 1
                while lo < hi and values[lo] == values[lo - 1]:
                    lo += 1
                hi -= 1
    return result


def write(group: str, name: str, nums: list[int]) -> None:
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(nums) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(nums)) + "\n")


def randoms(rng: random.Random, n: int, lo: int, hi: int) -> list[int]:
    return [rng.randint(lo, hi) for _ in range(n)]


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(15)
    write("sample", "1", [2, -3, 1, 0, -1, 3])
    write("sample", "2", [1, 2, -4])
    write("sample", "3", [0, 0, 0, 0])
    write("secret", "01-three-zeros", [0, 0, 0])
    write("secret", "02-no-triple", [1, 1, 1, 1])
    write("secret", "03-repeated-values", [-2, 1, 1, -2, 1, 1, 4, 0, -4, 2, 2])
    write("secret", "04-extremes", [LIMIT, -LIMIT, 0, LIMIT // 2, LIMIT // 2, -LIMIT, LIMIT])
    write("secret", "05-all-negative", [-5, -1, -3, -2, -7])
    write("secret", "06-one-pair-of-duplicates", [-1, 0, 1, 2, -1, -4])
    for k in range(7, 12):
        write("secret", f"{k:02}-small-random", randoms(rng, rng.randint(3, 30), -10, 10))
    for k in range(12, 15):
        write("secret", f"{k:02}-medium-random", randoms(rng, rng.randint(200, 500), -1000, 1000))
    write("secret", "15-large-sparse", randoms(rng, 3000, -LIMIT, LIMIT))
    pool = rng.sample(range(-3000, 3001), 400)
    write("secret", "16-large-repeats", [rng.choice(pool) for _ in range(3000)])
    write("secret", "17-large-distinct", rng.sample(range(-LIMIT, LIMIT + 1), 3000))
    write("secret", "18-large-zeros", [0] * 3000)


if __name__ == "__main__":
    main()
