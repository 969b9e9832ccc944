"""Writes data/ of subsets (deterministic: `python3 generators/gen.py`); answers by counting through the
bit masks (any order is accepted, the judge compares with any_order: deep)."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(nums: list[int]) -> list[list[int]]:
    return [[x for i, x in enumerate(nums) if mask >> i & 1] for mask in range(1 << len(nums))]


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
    rng = random.Random(78)
    write("sample", "1", [1, 2, 3])
    write("sample", "2", [7])
    write("sample", "3", [-4, 10])
    write("secret", "01-zero", [0])
    write("secret", "02-extremes", [-100, 100])
    write("secret", "03-descending", [5, 4, 3, 2, 1])
    for i, n in enumerate([3, 4, 6, 7, 8], 4):
        write("secret", f"{i:02}-random-n{n}", rng.sample(range(-100, 101), n))
    for i, n in enumerate([10, 11, 12, 12], 9):
        write("secret", f"{i:02}-large-n{n}", rng.sample(range(-100, 101), n))


if __name__ == "__main__":
    main()
