"""Writes data/ of count-bits (deterministic: `python3 generators/gen.py`); answers by the recurrence
bits(i) = bits(i >> 1) + (i & 1)."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(n: int) -> list[int]:
    bits = [0] * (n + 1)
    for i in range(1, n + 1):
        bits[i] = bits[i >> 1] + (i & 1)
    return bits


def write(group: str, name: str, n: int) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text(f"{json.dumps(n)}\n")
    (folder / f"{name}.ans").write_text(json.dumps(solve(n), separators=(",", ":")) + "\n")


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    for i, n in enumerate([2, 5, 0], 1):
        write("sample", str(i), n)
    ns = [1, 3, 8, 31, 32, 100, 1023, 1024, 65_536, 131_071, 500_000]
    for i, n in enumerate(ns, 1):
        write("secret", f"{i:02}-n{n}", n)


if __name__ == "__main__":
    main()
