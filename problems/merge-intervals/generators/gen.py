"""Writes data/ of merge-intervals (deterministic: `python3 generators/gen.py`); answers by the reference
algorithm (sort by start, then sweep)."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*json.loads(dump(args)))) + "\n")


def disjoint(rng: random.Random, n: int, top: int) -> list[list[int]]:
    """n intervals no two of which touch (the worst case for merging them one by one), shuffled."""
    starts = sorted(rng.sample(range(0, top, 4), n))
    out = [[s, s + rng.randint(0, 2)] for s in starts]
    rng.shuffle(out)
    return out


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(56)
    write("sample", "1", [[8, 10], [1, 3], [2, 6], [15, 18]])
    write("sample", "2", [[1, 4], [4, 5]])
    write("sample", "3", [[2, 9], [3, 4], [0, 0]])
    write("secret", "01-single", [[5, 5]])
    write("secret", "02-touching-chain", [[i, i + 1] for i in range(9, -1, -1)])
    write("secret", "03-nested", [[0, 100], [10, 20], [30, 40], [0, 0], [100, 100], [50, 150]])
    write("secret", "04-gap-of-one", [[1, 3], [4, 6], [7, 9], [6, 6]])
    write("secret", "05-duplicates", [[3, 7]] * 5 + [[1, 2]] * 3 + [[10**9, 10**9]])
    write("secret", "06-extremes", [[0, 10**9], [0, 0], [10**9, 10**9], [5, 5]])
    for i in range(7, 13):
        n = rng.randint(2, 40)
        top = rng.choice([20, 100, 1000])
        ivs = []
        for _ in range(n):
            a = rng.randint(0, top)
            ivs.append([a, min(top, a + rng.randint(0, top // 8))])
        write("secret", f"{i:02}-random-small", ivs)
    for i, (n, spread) in enumerate([(2000, 10), (5000, 200), (10000, 3)], 13):
        ivs = []
        for _ in range(n):
            a = rng.randint(0, 10**6)
            ivs.append([a, a + rng.randint(0, spread)])
        write("secret", f"{i:02}-random-medium", ivs)
    write("secret", "16-large-one-period", [[i, i + 2] for i in rng.sample(range(50_000), 50_000)])
    write("secret", "17-large-disjoint", disjoint(rng, 50_000, 10**6))
    write("secret", "18-disjoint-wide", disjoint(rng, 5_000, 10**9 - 2))


if __name__ == "__main__":
    main()
