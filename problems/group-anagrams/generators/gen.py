"""Writes data/ of group-anagrams (deterministic: `python3 generators/gen.py` from anywhere).

Families are listed in order of first appearance, words in input order (the judge compares with
any_order: deep). The large tests have ~20 000 distinct families so that searching the families found so
far one by one (the naive way) costs ~10^8 comparisons.
"""

import json
import random
import shutil
import string
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(strs: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for word in strs:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return list(groups.values())


def write(group: str, name: str, strs: list[str]) -> None:
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(strs) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(strs)) + "\n")


def shuffled(rng: random.Random, word: str) -> str:
    letters = list(word)
    rng.shuffle(letters)
    return "".join(letters)


def families(rng: random.Random, count: int, size: int, lo: int, hi: int, alphabet: str) -> list[str]:
    """`count` root words, each repeated as ~`size` random permutations, everything shuffled."""
    words = []
    for _ in range(count):
        root = "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))
        words += [shuffled(rng, root) for _ in range(rng.randint(1, size))]
    rng.shuffle(words)
    return words


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(49)
    write("sample", "1", ["stop", "pots", "tops", "cat", "act", "dog"])
    write("sample", "2", [""])
    write("sample", "3", ["aab", "abb", "bab", "aba"])
    write("secret", "01-single-letter", ["a"])
    write("secret", "02-empty-words", ["", "b", "", "b"])
    write("secret", "03-same-letters-other-counts", ["aabb", "ab", "abab", "aab", "bba", "ba", "abb"])
    write("secret", "04-duplicates", ["xyz", "zyx", "xyz", "xyz"])
    write("secret", "05-no-anagrams", ["abc", "abd", "abe", "bcd", "ace"])
    write("secret", "06-all-one-family", [shuffled(rng, "programming") for _ in range(50)])
    write("secret", "07-long-words", families(rng, 20, 5, 90, 100, "ab"))
    for k in range(8, 13):
        write("secret", f"{k:02}-small-random", families(rng, rng.randint(2, 15), 4, 0, 5, "abc"))
    for k in range(13, 16):
        write("secret", f"{k:02}-medium-random", families(rng, 1000, 4, 1, 12, string.ascii_lowercase))
    write("secret", "16-large-distinct", families(rng, 25_000, 1, 6, 10, string.ascii_lowercase)[:30_000])
    write("secret", "17-large-mixed", families(rng, 15_000, 3, 4, 10, string.ascii_lowercase)[:30_000])
    write("secret", "18-large-long-words", families(rng, 300, 10, 95, 100, "abcde"))


if __name__ == "__main__":
    main()
