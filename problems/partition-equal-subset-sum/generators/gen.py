"""Writes data/ of partition-equal-subset-sum (deterministic: `python3 generators/gen.py`); answers by the
0/1 knapsack over reachable sums, kept as the bits of one integer."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(nums: list[int]) -> bool:
    total = sum(nums)
    if total % 2:
        return False
    reachable = 1  # bit s set: some of the nuggets seen so far weigh s in total
    for x in nums:
        reachable |= reachable << x
    return bool(reachable >> (total // 2) & 1)


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(416)
    write("sample", "1", [3, 1, 5, 9])
    write("sample", "2", [2, 4, 5])
    write("sample", "3", [1, 1, 1, 7])
    write("secret", "01-one", [4])
    write("secret", "02-pair-equal", [9, 9])
    write("secret", "03-pair-unequal", [9, 7])
    write("secret", "04-greedy-trap", [3, 3, 2, 2, 2])
    write("secret", "05-greedy-trap-2", [5, 5, 4, 3, 3])
    write("secret", "06-max-all-equal", [100] * 200)
    for i in range(7, 13):
        n = rng.randint(2, 14)
        write("secret", f"{i:02}-random-small", [rng.randint(1, 12) for _ in range(n)])
    write("secret", "13-random-medium", [rng.randint(1, 100) for _ in range(60)])
    write("secret", "14-large-random", [rng.randint(1, 100) for _ in range(200)])
    # Even totals with no fair split: what makes a search over subsets try them all.
    write("secret", "15-large-twos-and-one-hundred", [2] * 199 + [100])
    write("secret", "16-large-ones-and-heavy", [1] * 98 + [100])
    odd = [rng.choice(range(1, 100, 2)) for _ in range(100)]
    write("secret", "17-large-odd-half", [*(2 * x for x in odd), *([3] * 99), 1][:200])


if __name__ == "__main__":
    main()
