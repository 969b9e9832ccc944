"""Writes data/ of longest-substring-without-repeat (deterministic: `python3 generators/gen.py`).

Some tests contain `"` and `\\` (escaped in the JSON input) and spaces. The large tests have n = 10^5: the
sliding window takes n steps, checking every substring ~n^2 / 2.
"""

import json
import random
import shutil
import string
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
PRINTABLE = "".join(chr(c) for c in range(32, 127))


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(s: str) -> int:
    last: dict[str, int] = {}
    lo = best = 0
    for i, c in enumerate(s):
        if last.get(c, -1) >= lo:
            lo = last[c] + 1
        last[c] = i
        best = max(best, i - lo + 1)
    return best


def write(group: str, name: str, s: str) -> None:
    assert all(c in PRINTABLE for c in s)
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(s) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(s)) + "\n")


def randstr(rng: random.Random, n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(3)
    write("sample", "1", "hello world")
    write("sample", "2", "abba")
    write("sample", "3", "")
    write("secret", "01-one-char", "x")
    write("secret", "02-one-space", " ")
    write("secret", "03-all-same", "q" * 50)
    write("secret", "04-window-jumps-back", "tmmzuxt")
    write("secret", "05-case-matters", "aAbBcCaA")
    write("secret", "06-quotes-and-backslashes", 'say "hi" \\ to "me" \\\\ now')
    write("secret", "07-all-printable", PRINTABLE)
    write("secret", "08-all-printable-twice", PRINTABLE[::-1] + PRINTABLE)
    write("secret", "09-repeat-at-end", "abcdefgha")
    for k in range(10, 15):
        write("secret", f"{k:02}-small-random", randstr(rng, rng.randint(1, 30), "abcd e"))
    for k in range(15, 18):
        write("secret", f"{k:02}-medium-random", randstr(rng, rng.randint(1000, 5000), string.ascii_letters))
    n = 100_000
    write("secret", "18-large-printable", randstr(rng, n, PRINTABLE))
    write("secret", "19-large-two-letters", randstr(rng, n, "ab"))
    cycle = list(PRINTABLE)
    rng.shuffle(cycle)
    write("secret", "20-large-cycle", ("".join(cycle) * (n // len(cycle) + 1))[:n])
    write("secret", "21-large-same", "z" * n)


if __name__ == "__main__":
    main()
