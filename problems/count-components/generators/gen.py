"""Writes data/ of count-components (deterministic: `python3 generators/gen.py`); answers by union-find
with path halving."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(n: int, edges: list[list[int]]) -> int:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    count = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            count -= 1
    return count


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def random_edges(rng: random.Random, n: int, m: int) -> list[list[int]]:
    return [rng.sample(range(n), 2) for _ in range(m)]


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(323)
    write("sample", "1", 5, [[0, 1], [1, 2], [3, 4]])
    write("sample", "2", 4, [[0, 1], [1, 2], [2, 0], [0, 1]])
    write("sample", "3", 3, [])
    write("secret", "01-one-village", 1, [])
    write("secret", "02-pair", 2, [[1, 0]])
    write("secret", "03-repeated-road", 3, [[0, 1], [1, 0], [0, 1]])
    write("secret", "04-triangle-and-path", 7, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5]])
    write("secret", "05-complete", 6, [[a, b] for a in range(6) for b in range(a + 1, 6)])
    for i in range(6, 12):
        n = rng.randint(2, 30)
        write("secret", f"{i:02}-random-small", n, random_edges(rng, n, rng.randint(0, n + 5)))
    write("secret", "12-random-medium", 3000, random_edges(rng, 3000, 2500))
    n = 50_000
    write("secret", "13-large-star", n, [[0, v] for v in range(1, n)])
    write("secret", "14-large-path", n, [[v, v + 1] for v in range(n - 1)])
    write("secret", "15-large-random", n, random_edges(rng, n, n))
    write("secret", "16-large-no-roads", n, [])


if __name__ == "__main__":
    main()
