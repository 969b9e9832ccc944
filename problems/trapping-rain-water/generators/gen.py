"""Writes data/ of trapping-rain-water (deterministic: `python3 generators/gen.py`); answers by the prefix
and suffix maxima."""

import json
import random
from itertools import accumulate
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(height: list[int]) -> int:
    left = list(accumulate(height, max))
    right = list(accumulate(reversed(height), max))[::-1]
    return sum(min(a, b) - h for a, b, h in zip(left, right, height, strict=True))


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
    rng = random.Random(42)
    write("sample", "1", [3, 0, 2, 0, 4])
    write("sample", "2", [1, 2, 3, 2, 1])
    write("sample", "3", [5, 1, 1, 6, 0, 2])
    write("secret", "01-one-column", [7])
    write("secret", "02-two-columns", [4, 9])
    write("secret", "03-flat", [3, 3, 3, 3])
    write("secret", "04-valley", [5, 4, 3, 2, 1, 2, 3, 4, 5])
    write("secret", "05-nested-pools", [4, 0, 3, 0, 1, 0, 3, 0, 4])
    write("secret", "06-all-zero", [0] * 10)
    for i in range(7, 13):
        n = rng.randint(3, 30)
        write("secret", f"{i:02}-random-small", [rng.randint(0, 10) for _ in range(n)])
    write("secret", "13-random-medium", [rng.randint(0, 10_000) for _ in range(2000)])
    n = 100_000
    write("secret", "14-large-random", [rng.randint(0, 10_000) for _ in range(n)])
    write("secret", "15-large-basin", [10_000] + [rng.randint(0, 50) for _ in range(n - 2)] + [10_000])
    write("secret", "16-large-sawtooth", [(i * 37) % 1000 for i in range(n)])


if __name__ == "__main__":
    main()
