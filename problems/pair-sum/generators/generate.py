"""Writes data/secret/ of pair-sum (deterministic: `python3 generators/generate.py` from the package).

Each answer file holds one right pair (found by a reference solution) or -1; the validator accepts any."""

import random
from pathlib import Path

SECRET = Path(__file__).resolve().parent.parent / "data" / "secret"
LIMIT = 10**9


def some_pair(values: list[int], x: int) -> str:
    seen: dict[int, int] = {}
    for index, value in enumerate(values, 1):
        if x - value in seen:
            return f"{seen[x - value]} {index}"
        seen.setdefault(value, index)
    return "-1"


def write(name: str, values: list[int], x: int) -> None:
    (SECRET / f"{name}.in").write_text(f"{len(values)} {x}\n" + " ".join(map(str, values)) + "\n")
    (SECRET / f"{name}.ans").write_text(some_pair(values, x) + "\n")


def main() -> None:
    rng = random.Random(2026)
    SECRET.mkdir(parents=True, exist_ok=True)
    write("01-two", [4, 6], 10)
    write("02-half-of-x", [5, 1, 9], 10)  # 5 + 5 would need position 1 twice
    write("03-twins", [5, 3, 5], 10)
    write("04-negatives", [-LIMIT, 3, LIMIT, -7], 0)
    write("05-none", [1, 2, 4, 8, 16], 100)
    write("06-many-pairs", [rng.randint(1, 20) for _ in range(1000)], 21)
    evens = [2 * rng.randint(0, LIMIT // 2) for _ in range(99_998)]
    write("07-large-one-pair", [*evens, 1, LIMIT], LIMIT + 1)
    write("08-large-none", [2 * rng.randint(-LIMIT // 2, LIMIT // 2) for _ in range(100_000)], 1)


if __name__ == "__main__":
    main()
