"""Writes data/ of climbing-stairs (deterministic: `python3 generators/gen.py`); answers by the linear
recurrence ways(n) = ways(n - 1) + ways(n - 2)."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(n: int) -> int:
    previous, current = 1, 1  # ways to reach step 0 and step 1
    for _ in range(n - 1):
        previous, current = current, previous + current
    return current


def write(group: str, name: str, n: int) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text(f"{json.dumps(n)}\n")
    (folder / f"{name}.ans").write_text(f"{json.dumps(solve(n))}\n")


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    for i, n in enumerate([2, 3, 5], 1):
        write("sample", str(i), n)
    # 45 is the last n whose answer fits in a signed 32-bit integer; 90 is the constraint's end.
    ns = [1, 4, 10, 20, 30, 35, 38, 42, 45, 46, 47, 50, 60, 70, 80, 89, 90]
    for i, n in enumerate(ns, 1):
        write("secret", f"{i:02}-n{n}", n)


if __name__ == "__main__":
    main()
