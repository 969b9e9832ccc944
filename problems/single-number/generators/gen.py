"""Writes data/ of single-number (deterministic: `python3 generators/gen.py`); answers by XOR of all
values (pairs cancel)."""

import json
import random
from functools import reduce
from operator import xor
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
TOP = 30_000


def solve(nums: list[int]) -> int:
    return reduce(xor, nums)


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def case(rng: random.Random, pairs: int, where: str) -> list[int]:
    """`pairs` distinct paired values and one single: the largest value ("max"), placed last ("last"), or
    anywhere ("random")."""
    values = rng.sample(range(-TOP, TOP + 1), pairs + 1)
    single = max(values) if where == "max" else values[0]
    values.remove(single)
    nums = values * 2
    rng.shuffle(nums)
    nums.insert(len(nums) if where == "last" else rng.randrange(len(nums) + 1), single)
    return nums


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(136)
    write("sample", "1", [4, 1, 2, 1, 2])
    write("sample", "2", [9])
    write("sample", "3", [-3, 7, 7])
    write("secret", "01-zero-single", [5, 0, 5])
    write("secret", "02-extremes", [TOP, -TOP, -TOP])
    write("secret", "03-single-is-largest", [1, 2, 3, 1, 2, 3, 4])
    write("secret", "04-negatives", [-1, -2, -1, -2, -30_000])
    for i in range(5, 11):
        write("secret", f"{i:02}-random-small", case(rng, rng.randint(1, 20), ["max", "random"][i % 2]))
    write("secret", "11-random-medium", case(rng, 1000, "random"))
    write("secret", "12-large-single-last", case(rng, 49_999, "last"))
    write("secret", "13-large-single-largest", case(rng, 49_999, "max"))


if __name__ == "__main__":
    main()
