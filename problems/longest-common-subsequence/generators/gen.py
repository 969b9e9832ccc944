"""Writes data/ of longest-common-subsequence (deterministic: `python3 generators/gen.py`); answers by the
O(n * m) table, one row at a time."""

import json
import random
import string
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def word(rng: random.Random, n: int, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(n))


def mutate(rng: random.Random, text: str, changes: int) -> str:
    chars = list(text)
    for _ in range(changes):
        i = rng.randrange(len(chars))
        if rng.random() < 0.5 and len(chars) > 1:
            del chars[i]
        else:
            chars.insert(i, rng.choice(string.ascii_lowercase))
    return "".join(chars)[:1000]


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(1143)
    write("sample", "1", "abcde", "ace")
    write("sample", "2", "stone", "longest")
    write("sample", "3", "xyz", "abc")
    write("secret", "01-one-letter-same", "q", "q")
    write("secret", "02-one-letter-different", "q", "p")
    write("secret", "03-equal", "banana", "banana")
    write("secret", "04-reversed", "abcdefg", "gfedcba")
    write("secret", "05-greedy-trap", "zabcd", "abcdz")
    write("secret", "06-repeats", "aaaa", "aa")
    for i in range(7, 12):
        write(
            "secret",
            f"{i:02}-random-small",
            word(rng, rng.randint(1, 15), "abc"),
            word(rng, rng.randint(1, 15), "abc"),
        )
    write("secret", "12-random-medium", word(rng, 200, "abcd"), word(rng, 300, "abcd"))
    write(
        "secret",
        "13-large-random",
        word(rng, 1000, string.ascii_lowercase),
        word(rng, 1000, string.ascii_lowercase),
    )
    base = word(rng, 1000, "acgt")
    write("secret", "14-large-similar", base, mutate(rng, base, 150))
    write(
        "secret",
        "15-large-disjoint-letters",
        word(rng, 1000, "abcdefghijklm"),
        word(rng, 1000, "nopqrstuvwxyz"),
    )
    write("secret", "16-large-one-letter", "e" * 1000, "e" * 999 + "f")


if __name__ == "__main__":
    main()
