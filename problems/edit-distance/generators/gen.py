"""Writes data/ of edit-distance (deterministic: `python3 generators/gen.py`); answers by the O(n * m)
Levenshtein table, one row at a time."""

import json
import random
import string
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] if x == y else 1 + min(prev[j - 1], prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def word(rng: random.Random, n: int, letters: str = string.ascii_lowercase) -> str:
    return "".join(rng.choice(letters) for _ in range(n))


def edit(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        kind = rng.randrange(3)
        i = rng.randrange(len(chars) + 1)
        if kind == 0 or not chars:
            chars.insert(i, rng.choice(string.ascii_lowercase))
        elif kind == 1:
            del chars[min(i, len(chars) - 1)]
        else:
            chars[min(i, len(chars) - 1)] = rng.choice(string.ascii_lowercase)
    return "".join(chars)[:500]


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(72)
    write("sample", "1", "kitten", "mitten")
    write("sample", "2", "flour", "flower")
    write("sample", "3", "", "abc")
    write("secret", "01-both-empty", "", "")
    write("secret", "02-to-empty", "abc", "")
    write("secret", "03-equal", "same", "same")
    write("secret", "04-all-replaced", "abcd", "wxyz")
    write("secret", "05-shift", "abcdef", "bcdefa")
    write("secret", "06-one-letter", "a", "b")
    for i in range(7, 12):
        write(
            "secret",
            f"{i:02}-random-small",
            word(rng, rng.randint(0, 10), "abc"),
            word(rng, rng.randint(0, 10), "abc"),
        )
    write("secret", "12-random-medium", word(rng, 120), word(rng, 90))
    base = word(rng, 500)
    write("secret", "13-large-random", base, word(rng, 500))
    write("secret", "14-large-few-edits", base, edit(rng, base, 40))
    write("secret", "15-large-empty-side", word(rng, 500), "")
    write("secret", "16-large-small-alphabet", word(rng, 500, "ab"), word(rng, 480, "ab"))


if __name__ == "__main__":
    main()
