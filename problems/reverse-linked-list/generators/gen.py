"""Writes data/ of reverse-linked-list (deterministic: `python3 generators/gen.py` from anywhere).

Lists are JSON arrays of values from head to tail. The large tests have 10^5 nodes: reversing the links
takes n steps, walking from the head to each position in turn ~n^2 / 2.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, values: list[int]) -> None:
    assert all(-5000 <= v <= 5000 for v in values)
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(values) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(values[::-1]) + "\n")


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(206)
    write("sample", "1", [4, 8, 15, 16])
    write("sample", "2", [7, -3])
    write("sample", "3", [])
    write("secret", "01-one-node", [42])
    write("secret", "02-two-equal", [5, 5])
    write("secret", "03-palindrome", [1, 2, 3, 2, 1])
    write("secret", "04-extremes", [-5000, 0, 5000])
    write("secret", "05-ascending", list(range(1, 21)))
    for k in range(6, 11):
        write("secret", f"{k:02}-small-random", [rng.randint(-10, 10) for _ in range(rng.randint(0, 30))])
    for k in range(11, 14):
        n = rng.randint(1000, 5000)
        write("secret", f"{k:02}-medium-random", [rng.randint(-5000, 5000) for _ in range(n)])
    n = 100_000
    write("secret", "14-large-random", [rng.randint(-5000, 5000) for _ in range(n)])
    write("secret", "15-large-sequence", [i % 10_001 - 5000 for i in range(n)])


if __name__ == "__main__":
    main()
