"""Writes data/ of word-ladder (deterministic: `python3 generators/gen.py`); answers by breadth-first
search over the dictionary, neighbours found through wildcard patterns ("c*ld")."""

import json
import random
import string
from collections import defaultdict, deque
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def solve(begin: str, end: str, words: list[str]) -> int:
    if end not in words:
        return 0
    buckets: dict[str, list[str]] = defaultdict(list)
    for word in words:
        for i in range(len(word)):
            buckets[word[:i] + "*" + word[i + 1 :]].append(word)
    depth = {begin: 1}
    queue = deque([begin])
    while queue:
        word = queue.popleft()
        for i in range(len(word)):
            for nxt in buckets.pop(word[:i] + "*" + word[i + 1 :], []):
                if nxt not in depth:
                    depth[nxt] = depth[word] + 1
                    if nxt == end:
                        return depth[nxt]
                    queue.append(nxt)
    return 0


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def write(group: str, name: str, *args: object) -> None:
    folder = DATA / group
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.in").write_text("".join(dump(a) + "\n" for a in args))
    (folder / f"{name}.ans").write_text(dump(solve(*args)) + "\n")


def random_words(rng: random.Random, count: int, length: int, letters: str) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(letters) for _ in range(length)))
    return sorted(words)


def random_case(rng: random.Random, count: int, length: int, letters: str, end_in_list: bool) -> tuple:
    words = random_words(rng, count + 2, length, letters)
    begin, end = words.pop(rng.randrange(len(words))), words.pop(rng.randrange(len(words)))
    if end_in_list:
        words.insert(rng.randrange(len(words) + 1), end)
    rng.shuffle(words)
    return begin, end, words


def walk(rng: random.Random, length: int, steps: int) -> list[str]:
    """A long random ladder with no shortcut back: each step changes one letter, never revisiting."""
    word = "".join(rng.choice(string.ascii_lowercase) for _ in range(length))
    path, seen = [word], {word}
    while len(path) < steps:
        i = rng.randrange(length)
        nxt = word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1 :]
        if nxt not in seen:
            seen.add(nxt)
            path.append(nxt)
            word = nxt
    return path


def main() -> None:
    for old in DATA.glob("*/*.*"):
        old.unlink()
    rng = random.Random(127)
    write("sample", "1", "cold", "warm", ["cord", "card", "ward", "warm", "word", "worm", "wore"])
    write("sample", "2", "cold", "warm", ["cord", "card", "ward"])
    write("sample", "3", "lead", "gold", ["load", "goad", "gold"])
    write("secret", "01-one-letter", "a", "c", ["a", "b", "c"])
    write("secret", "02-direct", "hot", "dot", ["dot"])
    write("secret", "03-end-not-listed-but-adjacent", "hit", "hot", ["hat", "hut", "hip"])
    write("secret", "04-begin-in-list", "abc", "abd", ["abc", "abd"])
    write("secret", "05-disconnected", "aaaa", "bbbb", ["aaab", "aabb", "bbbb", "abbb"][:3])
    write("secret", "06-ten-letters", "abcdefghij", "abcdefghiz", ["abcdefghiy", "abcdefghiz"])
    for i in range(7, 13):
        length = rng.randint(3, 4)
        count = rng.randint(3**length // 4, 3**length // 2)
        case = random_case(rng, count, length, "abc", end_in_list=i % 3 != 0)
        write("secret", f"{i:02}-random-small", *case)
    path = walk(rng, 6, 1500)
    noise = random_words(rng, 3500, 6, string.ascii_lowercase)
    words = list(set(path[1:]) | set(noise))
    rng.shuffle(words)
    write("secret", "13-large-long-ladder", path[0], path[-1], words)
    write("secret", "14-large-dense", *random_case(rng, 4999, 5, "abcdef", end_in_list=True))
    case = random_case(rng, 4999, 5, "abcdefg", end_in_list=False)
    write("secret", "15-large-dense-unlisted-end", *case)
    case = random_case(rng, 4999, 4, "abcdefghij", end_in_list=True)
    write("secret", "16-large-dense-short", *case)


if __name__ == "__main__":
    main()
