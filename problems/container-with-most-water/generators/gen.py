"""Writes data/ of container-with-most-water (deterministic: `python3 generators/gen.py` from anywhere).

The large tests have n = 10^5: the two-pointer scan takes n steps, trying every pair ~5 * 10^9.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
TALL = 10**4


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(height: list[int]) -> int:
    lo, hi, best = 0, len(height) - 1, 0
    while lo < hi:
        best = max(best, (hi - lo) * min(height[lo], height[hi]))
        if height[lo] < height[hi]:
            lo += 1
        else:
            hi -= 1
    return best


def write(group: str, name: str, height: list[int]) -> None:
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(height) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(height)) + "\n")


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(11)
    write("sample", "1", [2, 7, 3, 6, 1, 5])
    write("sample", "2", [3, 3])
    write("sample", "3", [0, 9, 0])
    write("secret", "01-two-zeros", [0, 0])
    write("secret", "02-two-unequal", [10**4, 1])
    write("secret", "03-tall-middle", [1, 2, 9, 9, 2, 1])
    write("secret", "04-tall-ends", [8, 1, 1, 1, 1, 1, 1, 8])
    write("secret", "05-increasing", list(range(1, 11)))
    write("secret", "06-decreasing", list(range(10, 0, -1)))
    write("secret", "07-inner-pair-wins", [1, 50, 1, 1, 1, 50, 1])
    for k in range(8, 13):
        write("secret", f"{k:02}-small-random", [rng.randint(0, 20) for _ in range(rng.randint(2, 40))])
    for k in range(13, 16):
        n = rng.randint(1000, 5000)
        write("secret", f"{k:02}-medium-random", [rng.randint(0, TALL) for _ in range(n)])
    n = 100_000
    write("secret", "16-large-random", [rng.randint(0, TALL) for _ in range(n)])
    write("secret", "17-large-increasing", [i * TALL // n for i in range(n)])
    write("secret", "18-large-all-max", [TALL] * n)
    middle = [rng.randint(0, 100) for _ in range(n)]
    middle[n // 2 - 1] = middle[n // 2 + 1] = TALL
    write("secret", "19-large-peak-pair", middle)


if __name__ == "__main__":
    main()
