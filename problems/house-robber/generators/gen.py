"""Writes data/ of house-robber (deterministic: `python3 generators/gen.py`); answers by the linear
recurrence best(i) = max(best(i - 1), best(i - 2) + nums[i])."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(nums: list[int]) -> int:
    skip, take = 0, 0  # best totals so far with the last house skipped / visited
    for x in nums:
        skip, take = max(skip, take), skip + x
    return max(skip, take)


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
    rng = random.Random(198)
    write("sample", "1", [1, 2, 3, 1])
    write("sample", "2", [2, 7, 9, 3, 1])
    write("sample", "3", [5, 1, 1, 5])
    write("secret", "01-one-house", [7])
    write("secret", "02-two-houses", [3, 9])
    write("secret", "03-all-zero", [0] * 10)
    write("secret", "04-skip-two", [10, 1, 1, 10, 1, 1, 10])
    write("secret", "05-big-middle", [1, 10_000, 1, 1, 10_000, 1])
    write("secret", "06-increasing", list(range(0, 21)))
    for i in range(7, 13):
        n = rng.randint(3, 30)
        write("secret", f"{i:02}-random-small", [rng.randint(0, 100) for _ in range(n)])
    write("secret", "13-random-medium", [rng.randint(0, 10_000) for _ in range(3000)])
    write("secret", "14-large-random", [rng.randint(0, 10_000) for _ in range(100_000)])
    write("secret", "15-large-max", [10_000] * 100_000)
    pattern = [rng.choice([(9000, 1, 1, 9000), (5, 10_000, 5), (7,)]) for _ in range(40_000)]
    write("secret", "16-large-patterns", [x for block in pattern for x in block][:100_000])


if __name__ == "__main__":
    main()
