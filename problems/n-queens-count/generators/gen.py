"""Writes data/ of n-queens-count (deterministic: `python3 generators/gen.py`); answers by row-by-row
backtracking with the free columns and diagonals kept as bit masks."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(n: int) -> int:
    full = (1 << n) - 1

    def place(cols: int, down: int, up: int) -> int:
        if cols == full:
            return 1
        count = 0
        free = full & ~(cols | down | up)
        while free:
            bit = free & -free
            free ^= bit
            count += place(cols | bit, (down | bit) << 1 & full, (up | bit) >> 1)
        return count

    return place(0, 0, 0)


def write(group: str, name: str, n: int) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text(f"{json.dumps(n)}\n")
    (folder / f"{name}.ans").write_text(f"{json.dumps(solve(n))}\n")


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    for i, n in enumerate([4, 1, 3], 1):
        write("sample", str(i), n)
    for n in range(1, 13):
        write("secret", f"{n:02}-n{n}", n)


if __name__ == "__main__":
    main()
