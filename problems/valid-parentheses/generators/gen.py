"""Writes data/ of valid-parentheses (deterministic: `python3 generators/gen.py` from anywhere).

The large tests are 2 * 10^5 characters nested 10^5 deep: a stack takes one pass, deleting adjacent
pairs until none is left (the naive way) takes 10^5 passes over the string.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
PAIRS = {")": "(", "]": "[", "}": "{"}
OPEN = "([{"
CLOSE = {"(": ")", "[": "]", "{": "}"}


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(s: str) -> bool:
    stack: list[str] = []
    for c in s:
        if c in OPEN:
            stack.append(c)
        elif not stack or stack.pop() != PAIRS[c]:
            return False
    return not stack


def write(group: str, name: str, s: str, expected: bool | None = None) -> None:
    answer = solve(s)
    assert expected is None or answer == expected, name
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(s) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(answer) + "\n")


def balanced(rng: random.Random, pairs: int) -> str:
    """A random well-nested string of `pairs` pairs: open while allowed, close at random."""
    out: list[str] = []
    stack: list[str] = []
    opened = 0
    while opened < pairs or stack:
        if opened < pairs and (not stack or rng.random() < 0.5):
            c = rng.choice(OPEN)
            stack.append(c)
            out.append(c)
            opened += 1
        else:
            out.append(CLOSE[stack.pop()])
    return "".join(out)


def nested(rng: random.Random, depth: int) -> str:
    opens = [rng.choice(OPEN) for _ in range(depth)]
    return "".join(opens) + "".join(CLOSE[c] for c in reversed(opens))


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(20)
    write("sample", "1", "{[()()]}", True)
    write("sample", "2", "([)]", False)
    write("sample", "3", "(()", False)
    write("secret", "01-one-open", "(", False)
    write("secret", "02-one-close", "}", False)
    write("secret", "03-one-pair", "[]", True)
    write("secret", "04-wrong-kind", "(]", False)
    write("secret", "05-close-first", ")(", False)
    write("secret", "06-opens-left-over", "{{[[", False)
    write("secret", "07-side-by-side", "()[]{}", True)
    write("secret", "08-extra-close", "([]))", False)
    for k in range(9, 13):
        write("secret", f"{k:02}-small-balanced", balanced(rng, rng.randint(1, 15)), True)
    for k in range(13, 16):
        s = list(balanced(rng, rng.randint(1, 15)))
        i = rng.randrange(len(s))
        s[i] = rng.choice([c for c in "()[]{}" if c != s[i]])
        write("secret", f"{k:02}-small-one-changed", "".join(s))
    half = 100_000
    write("secret", "16-large-balanced", balanced(rng, half), True)
    write("secret", "17-large-deep", nested(rng, half), True)
    deep = nested(rng, half)
    last = deep[-1]
    write("secret", "18-large-deep-wrong-last", deep[:-1] + {")": "]", "]": "}", "}": ")"}[last], False)
    write("secret", "19-large-all-open", "".join(rng.choice(OPEN) for _ in range(2 * half)), False)
    write("secret", "20-large-deep-one-short", nested(rng, half)[:-1], False)


if __name__ == "__main__":
    main()
