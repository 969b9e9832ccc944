"""Writes data/secret/ of sqrt-x (deterministic: `python3 generators/generate.py` from the package)."""

import math
import random
from pathlib import Path

SECRET = Path(__file__).resolve().parent.parent / "data" / "secret"
LIMIT = 2**31 - 1


def write(name: str, values: list[int]) -> None:
    (SECRET / f"{name}.in").write_text(f"{len(values)}\n" + "".join(f"{x}\n" for x in values))
    (SECRET / f"{name}.ans").write_text("".join(f"{math.isqrt(x)}\n" for x in values))


def main() -> None:
    rng = random.Random(69)
    SECRET.mkdir(parents=True, exist_ok=True)
    squares = [k * k for k in (0, 1, 2, 3, 46339, 46340)]
    write("01-edges", [0, 1, 2, 3, 4, 5, 8, 9, 10, 15, 16, 17, LIMIT, LIMIT - 1, *squares, 2147395599])
    write("02-small", [rng.randint(0, 10_000) for _ in range(1000)])
    write("03-near-squares", [max(0, k * k + d) for k in rng.sample(range(46341), 2000) for d in (-1, 0, 1)])
    write("04-large", [rng.randint(0, LIMIT) for _ in range(100_000)])


if __name__ == "__main__":
    main()
