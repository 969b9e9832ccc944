"""Writes data/ of jump-game (deterministic: `python3 generators/gen.py`); answers by the greedy farthest
reach."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(nums: list[int]) -> bool:
    reach = 0
    for i, x in enumerate(nums):
        if i > reach:
            return False
        reach = max(reach, i + x)
    return True


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
    rng = random.Random(55)
    write("sample", "1", [2, 3, 1, 1, 4])
    write("sample", "2", [3, 2, 1, 0, 4])
    write("sample", "3", [0])
    write("secret", "01-exact-landing", [1, 0])
    write("secret", "02-stuck-at-start", [0, 1])
    write("secret", "03-exact-chain", [1, 1, 1, 1, 0])
    write("secret", "04-jump-over-zeros", [4, 0, 0, 0, 0])
    write("secret", "05-one-short", [3, 0, 0, 0, 0])
    for i in range(6, 12):
        n = rng.randint(2, 25)
        write("secret", f"{i:02}-random-small", [rng.randint(0, 3) for _ in range(n)])
    n = 100_000
    write("secret", "12-large-long-leaps", [rng.randint(50_000, 100_000) for _ in range(n)])
    write("secret", "13-large-ones", [1] * (n - 1) + [0])
    wall = [rng.randint(90_000, 100_000) for _ in range(n)]
    for i in range(60_000, 60_000 + 100_000 // 2):
        if i < n:
            wall[i] = 0
    write(
        "secret",
        "14-large-wall-of-zeros",
        [min(x, 59_999 - i) if i < 60_000 else x for i, x in enumerate(wall)],
    )
    write("secret", "15-large-random-small-leaps", [rng.choice([0, 1, 2, 3, 5]) for _ in range(n)])


if __name__ == "__main__":
    main()
