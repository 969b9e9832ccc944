"""Writes data/ of daily-temperatures (deterministic: `python3 generators/gen.py` from anywhere).

The large tests have n = 10^5 and long runs without a warmer day (equal or falling temperatures), where
scanning forward from every day costs ~n^2 / 2 steps and the monotonic stack n.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(temperatures: list[int]) -> list[int]:
    answer = [0] * len(temperatures)
    stack: list[int] = []
    for i, t in enumerate(temperatures):
        while stack and temperatures[stack[-1]] < t:
            j = stack.pop()
            answer[j] = i - j
        stack.append(i)
    return answer


def write(group: str, name: str, temperatures: list[int]) -> None:
    assert all(30 <= t <= 100 for t in temperatures)
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(temperatures) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(temperatures)) + "\n")


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(7)
    write("sample", "1", [70, 64, 66, 71, 69, 75])
    write("sample", "2", [50, 50, 50])
    write("sample", "3", [31, 42, 53, 64])
    write("secret", "01-one-day", [80])
    write("secret", "02-falling", [100, 90, 80, 70, 60, 50, 40, 30])
    write("secret", "03-equal-then-warmer", [60, 60, 60, 61])
    write("secret", "04-warmest-last", [99, 30, 98, 31, 97, 100])
    write("secret", "05-zigzag", [40, 80, 40, 80, 40, 80, 41])
    for k in range(6, 11):
        write("secret", f"{k:02}-small-random", [rng.randint(30, 40) for _ in range(rng.randint(1, 30))])
    for k in range(11, 14):
        n = rng.randint(1000, 5000)
        write("secret", f"{k:02}-medium-random", [rng.randint(30, 100) for _ in range(n)])
    n = 100_000
    write("secret", "14-large-random", [rng.randint(30, 100) for _ in range(n)])
    write("secret", "15-large-all-equal", [77] * n)
    falling = sorted((rng.randint(30, 99) for _ in range(n - 1)), reverse=True)
    write("secret", "16-large-non-increasing", [*falling, 100])
    write("secret", "17-large-plateau-then-peak", [100] + [30 + (i % 2) for i in range(n - 2)] + [100])
    write("secret", "18-rising-steps", [30 + 70 * i // 20_000 for i in range(20_000)])


if __name__ == "__main__":
    main()
