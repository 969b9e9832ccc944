"""Writes data/ of coin-change (deterministic: `python3 generators/gen.py`); answers by the unbounded
knapsack table fewest[a] = 1 + min(fewest[a - c])."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
INT_MAX = 2**31 - 1


def solve(coins: list[int], amount: int) -> int:
    unreachable = amount + 1
    fewest = [0] + [unreachable] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and fewest[a - c] + 1 < fewest[a]:
                fewest[a] = fewest[a - c] + 1
    return -1 if fewest[amount] == unreachable else fewest[amount]


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
    rng = random.Random(322)
    write("sample", "1", [1, 3, 4], 6)
    write("sample", "2", [4, 6], 9)
    write("sample", "3", [7], 0)
    write("secret", "01-one-coin-exact", [5], 5)
    write("secret", "02-one-coin-short", [5], 4)
    write("secret", "03-huge-coin", [INT_MAX, 1], 3)
    write("secret", "04-greedy-trap", [1, 5, 6, 9], 11)
    write("secret", "05-greedy-dead-end", [7, 5], 10)
    write("secret", "06-all-ones", [1], 10_000)
    for i in range(7, 13):
        k = rng.randint(1, 5)
        write("secret", f"{i:02}-random-small", rng.sample(range(1, 30), k), rng.randint(1, 60))
    write("secret", "13-random-medium", rng.sample(range(1, 500), 6), 2500)
    write("secret", "14-large-twelve-coins", rng.sample(range(1, 1000), 12), 10_000)
    write("secret", "15-large-odd-impossible", [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096], 9999)
    write("secret", "16-large-coprime", [97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43], 9998)
    write("secret", "17-large-mixed", [*rng.sample(range(300, 3000), 11), INT_MAX], 9973)


if __name__ == "__main__":
    main()
