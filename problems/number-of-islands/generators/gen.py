"""Writes data/ of number-of-islands (deterministic: `python3 generators/gen.py`); answers by an
iterative flood fill."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(grid: list[list[str]]) -> int:
    rows, cols = len(grid), len(grid[0])
    seen = [[False] * cols for _ in range(rows)]
    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            count += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:
                y, x = stack.pop()
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == "1" and not seen[ny][nx]:
                        seen[ny][nx] = True
                        stack.append((ny, nx))
    return count


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def grid_of(rows: list[str]) -> list[list[str]]:
    return [list(row) for row in rows]


def random_grid(rng: random.Random, m: int, n: int, land: float) -> list[list[str]]:
    return [["1" if rng.random() < land else "0" for _ in range(n)] for _ in range(m)]


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(200)
    write("sample", "1", grid_of(["1100", "1001", "0011"]))
    write("sample", "2", grid_of(["10", "01"]))
    write("sample", "3", grid_of(["000"]))
    write("secret", "01-one-land", grid_of(["1"]))
    write("secret", "02-one-water", grid_of(["0"]))
    write(
        "secret", "03-checkerboard", [["1" if (r + c) % 2 == 0 else "0" for c in range(9)] for r in range(7)]
    )
    write("secret", "04-ring-with-lake", grid_of(["11111", "10001", "10101", "10001", "11111"]))
    write("secret", "05-row", grid_of(["1011100101"]))
    write("secret", "06-column", [[ch] for ch in "1101001"])
    write(
        "secret",
        "07-spiral",
        grid_of(["1111111", "0000001", "1111101", "1000101", "1011101", "1000001", "1111111"]),
    )
    for i in range(8, 14):
        m, n = rng.randint(1, 20), rng.randint(1, 20)
        write("secret", f"{i:02}-random-small", random_grid(rng, m, n, rng.choice([0.3, 0.5, 0.6])))
    write("secret", "14-all-land", [["1"] * 300 for _ in range(300)])
    # A snake: one island of ~45 000 squares in a single winding path (a recursive fill goes that deep).
    write(
        "secret",
        "15-snake",
        [
            ["1" if r % 2 == 0 or (c == 299 if r % 4 == 1 else c == 0) else "0" for c in range(300)]
            for r in range(300)
        ],
    )
    write("secret", "16-large-random", random_grid(rng, 300, 300, 0.5))
    write("secret", "17-large-sparse", random_grid(rng, 300, 300, 0.3))
    write("secret", "18-large-wide", random_grid(rng, 2, 300, 0.6) * 150)


if __name__ == "__main__":
    main()
