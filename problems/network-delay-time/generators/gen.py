"""Writes data/ of network-delay-time (deterministic: `python3 generators/gen.py`); answers by Dijkstra's
algorithm with a binary heap."""

import heapq
import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(times: list[list[int]], n: int, k: int) -> int:
    links: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for u, v, w in times:
        links[u].append((v, w))
    dist = [-1] * (n + 1)
    heap = [(0, k)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] != -1:
            continue
        dist[u] = d
        for v, w in links[u]:
            if dist[v] == -1:
                heapq.heappush(heap, (d + w, v))
    return -1 if -1 in dist[1:] else max(dist[1:])


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def random_network(rng: random.Random, n: int, m: int, k: int, top: int, reach_all: bool) -> list[list[int]]:
    """m distinct links; with reach_all, a random tree of links from k reaches every server."""
    links: dict[tuple[int, int], int] = {}
    if reach_all:
        order = [k, *rng.sample([v for v in range(1, n + 1) if v != k], n - 1)]
        for i in range(1, n):
            links[(order[rng.randrange(i)], order[i])] = rng.randint(0, top)
    while len(links) < m:
        u, v = rng.sample(range(1, n + 1), 2)
        links.setdefault((u, v), rng.randint(0, top))
    out = [[u, v, w] for (u, v), w in links.items()]
    rng.shuffle(out)
    return out


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(743)
    write("sample", "1", [[2, 1, 1], [2, 3, 1], [3, 4, 1]], 4, 2)
    write("sample", "2", [[1, 2, 9], [1, 3, 2], [3, 2, 3]], 3, 1)
    write("sample", "3", [[1, 2, 1]], 2, 2)
    write("secret", "01-alone", [], 1, 1)
    write("secret", "02-unreachable-pair", [], 2, 1)
    write("secret", "03-zero-weights", [[1, 2, 0], [2, 3, 0], [3, 1, 0]], 3, 2)
    write("secret", "04-one-way-cycle-back", [[1, 2, 5], [2, 3, 5], [3, 1, 5], [3, 4, 1]], 4, 4)
    write("secret", "05-max-weights", [[i, i + 1, 10_000] for i in range(1, 100)], 100, 1)
    write(
        "secret", "06-long-path-beats-short-hop", [[1, 5, 100], *([i, i + 1, 1] for i in range(1, 5))], 5, 1
    )
    for i in range(7, 14):
        n = rng.randint(2, 12)
        m = rng.randint(0, n * (n - 1))
        k = rng.randint(1, n)
        write("secret", f"{i:02}-random-small", random_network(rng, n, m, k, 20, reach_all=i % 3 != 0), n, k)
    write("secret", "14-random-medium", random_network(rng, 500, 3000, 17, 10_000, True), 500, 17)
    n = 20_000
    write("secret", "15-large-random", random_network(rng, n, 40_000, 1, 10_000, True), n, 1)
    # A path 1 -> 2 -> ... -> n of weight-1 links and shortcuts a little faster or slower than the path.
    path = [[i, i + 1, 1] for i in range(1, n)]
    starts = (rng.randint(1, n - 2) for _ in range(19_000))
    shortcuts = {(u, min(n, u + rng.randint(2, 5000))) for u in starts}
    path += [[u, v, max(0, v - u + rng.randint(-3, 3))] for u, v in shortcuts if v > u + 1]
    rng.shuffle(path)
    write("secret", "16-large-path-with-shortcuts", path, n, 1)
    write("secret", "17-large-one-unreached", random_network(rng, n, 35_000, n, 10_000, False), n, n)


if __name__ == "__main__":
    main()
