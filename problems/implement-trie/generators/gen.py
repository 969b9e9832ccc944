"""Writes data/ of implement-trie (deterministic: `python3 generators/gen.py` from anywhere).

A test is a design call sequence: the calls, then their arguments, answers `null` for the constructor and
insert. The large test inserts 1.5 * 10^4 words, then asks 1.5 * 10^4 prefixes (most of them missing): a
trie answers each in O(length), comparing the prefix with every stored word ~2 * 10^8 steps.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
Calls = tuple[list[str], list[list[str]]]


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def solve(calls: list[str], args: list[list[str]]) -> list[bool | None]:
    words: set[str] = set()
    prefixes: set[str] = set()
    out: list[bool | None] = [None]
    for call, (text,) in zip(calls[1:], args[1:], strict=True):
        if call == "insert":
            words.add(text)
            prefixes.update(text[:i] for i in range(1, len(text) + 1))
            out.append(None)
        elif call == "search":
            out.append(text in words)
        else:
            out.append(text in prefixes)
    return out


def write(group: str, name: str, calls: list[str], args: list[list[str]]) -> None:
    assert calls[0] == "Trie"
    assert len(calls) - 1 <= 3 * 10**4
    assert all(1 <= len(a[0]) <= 2000 and a[0].isalpha() and a[0].islower() for a in args[1:])
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(f"{dump(calls)}\n{dump(args)}\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(calls, args)) + "\n")


def program(*steps: str) -> Calls:
    """A hand-written test: "+w" is insert(w), "?w" is search(w), "^w" is startsWith(w)."""
    names = {"+": "insert", "?": "search", "^": "startsWith"}
    return ["Trie"] + [names[s[0]] for s in steps], [[]] + [[s[1:]] for s in steps]


def word(rng: random.Random, lo: int, hi: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def session(rng: random.Random, ops: int, lo: int, hi: int, alphabet: str) -> Calls:
    """Random calls: inserts, searches and prefix queries for known words, their prefixes, their
    extensions and fresh random strings."""
    calls: list[str] = ["Trie"]
    args: list[list[str]] = [[]]
    known: list[str] = []
    for _ in range(ops):
        roll = rng.random()
        if roll < 0.4 or not known:
            text = word(rng, lo, hi, alphabet)
            if known and rng.random() < 0.3:
                base = rng.choice(known)  # a prefix or an extension of a known word
                text = base[: rng.randint(1, len(base))] if rng.random() < 0.5 else (base + text)[:hi]
            known.append(text)
            calls.append("insert")
        else:
            base = rng.choice(known)
            choice = rng.random()
            if choice < 0.3:
                text = base
            elif choice < 0.6:
                text = base[: rng.randint(1, len(base))]
            elif choice < 0.8:
                text = (base + word(rng, 1, 3, alphabet))[:hi]
            else:
                text = word(rng, lo, hi, alphabet)
            calls.append("search" if rng.random() < 0.5 else "startsWith")
        args.append([text])
    return calls, args


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(208)
    write("sample", "1", *program("+card", "?card", "?car", "^car", "+car", "?car"))
    write("sample", "2", *program("+zebra", "^zebra", "^zebras", "?zeb"))
    write("sample", "3", *program("?a", "^a"))
    write("secret", "01-one-letter", *program("+a", "?a", "^a", "?b", "^b", "?aa", "^aa"))
    write("secret", "02-insert-twice", *program("+go", "+go", "?go", "?g", "^g", "+g", "?g"))
    write("secret", "03-longer-word-first", *program("+apple", "?app", "^app", "+app", "?app", "?appl"))
    write(
        "secret", "04-shared-branches", *program("+tea", "+ten", "+to", "?te", "^te", "^tz", "?ten", "?tenx")
    )
    long_word = word(rng, 2000, 2000, "ab")
    write(
        "secret",
        "05-long-words",
        *program(
            "+" + long_word,
            "?" + long_word,
            "^" + long_word[:1999],
            "?" + long_word[:1999],
            "^" + long_word[:1999] + "c",
        ),
    )
    for k in range(6, 11):
        write("secret", f"{k:02}-small-random", *session(rng, rng.randint(5, 40), 1, 4, "abc"))
    for k in range(11, 14):
        write("secret", f"{k:02}-medium-random", *session(rng, 3000, 1, 12, "abcdefghijklmnopqrstuvwxyz"))
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    words = [word(rng, 6, 12, alphabet) for _ in range(15_000)]
    queries = [
        word(rng, 3, 6, alphabet) if rng.random() < 0.9 else rng.choice(words)[:4] for _ in range(15_000)
    ]
    write(
        "secret",
        "14-large-prefix-queries",
        ["Trie"] + ["insert"] * 15_000 + ["startsWith"] * 15_000,
        [[]] + [[w] for w in words] + [[q] for q in queries],
    )
    write("secret", "15-large-mixed", *session(rng, 30_000, 3, 12, alphabet))


if __name__ == "__main__":
    main()
