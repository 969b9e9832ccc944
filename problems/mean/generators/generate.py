"""Writes data/secret/ of mean (deterministic: `python3 generators/generate.py` from the package)."""

import random
from decimal import Decimal
from pathlib import Path

SECRET = Path(__file__).resolve().parent.parent / "data" / "secret"


def write(name: str, values: list[str]) -> None:
    mean = sum(Decimal(v) for v in values) / len(values)
    (SECRET / f"{name}.in").write_text(f"{len(values)}\n{' '.join(values)}\n")
    (SECRET / f"{name}.ans").write_text(f"{mean:.12f}\n")


def main() -> None:
    rng = random.Random(2024)
    SECRET.mkdir(parents=True, exist_ok=True)
    write("1-single", ["-7.5"])
    write("2-tiny", ["0.000001", "0.000002", "0.000004"])
    write("3-huge", ["1000000000", "999999999.999999", "-1000000000", "1000000000"])
    write("4-random", [f"{rng.uniform(-1e9, 1e9):.6f}" for _ in range(100_000)])


if __name__ == "__main__":
    main()
