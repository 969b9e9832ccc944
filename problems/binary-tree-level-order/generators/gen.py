"""Writes data/ of binary-tree-level-order (deterministic: `python3 generators/gen.py` from anywhere).

Trees are LeetCode level-order arrays with nulls. The large "umbrella" test hangs a 4900-node chain under
a complete tree of ~45 000 nodes: a breadth-first search takes n steps, collecting each level with a
traversal from the root (the naive way) ~2.2 * 10^8.
"""

import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def dump(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


class Node:
    __slots__ = ("left", "right", "val")

    def __init__(self, val: int = 0) -> None:
        self.val = val
        self.left: Node | None = None
        self.right: Node | None = None


def level_order(root: Node | None) -> list[int | None]:
    """LeetCode's form: breadth first, a null for each missing child of a present node, trailing nulls cut."""
    out: list[int | None] = []
    queue = [root]
    for node in queue:  # the list grows while we walk it: a queue without pops
        if node is None:
            out.append(None)
        else:
            out.append(node.val)
            queue += [node.left, node.right]
    while out and out[-1] is None:
        out.pop()
    return out


def nodes_of(root: Node | None) -> list[Node]:
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is not None:
            found.append(node)
            stack += [node.right, node.left]
    return found


def random_shape(rng: random.Random, n: int, handle: int = 0) -> Node | None:
    """n nodes: a chain of `handle` nodes (random sides) from the root, then each further node hung on a
    uniformly random free child slot (so the rest is a random tree of logarithmic-ish height)."""
    if n == 0:
        return None
    root = Node()
    bottom, slots = root, []
    for _ in range(min(handle, n) - 1):
        child = Node()
        if rng.random() < 0.5:
            bottom.left = child
        else:
            bottom.right = child
        bottom = child
    slots = [(bottom, "left"), (bottom, "right")] if handle else [(root, "left"), (root, "right")]
    for _ in range(n - max(handle, 1)):
        k = rng.randrange(len(slots))
        slots[k], slots[-1] = slots[-1], slots[k]
        parent, side = slots.pop()
        child = Node()
        setattr(parent, side, child)
        slots += [(child, "left"), (child, "right")]
    return root


def broom(n: int, handle: int) -> Node | None:
    """A chain of `handle` nodes (alternating sides), then a complete tree of the other n - handle nodes:
    half the nodes are leaves ~`handle` levels down, where walking from the root to every node is slow."""
    root = Node()
    bottom = root
    for i in range(handle - 1):
        child = Node()
        if i % 2:
            bottom.left = child
        else:
            bottom.right = child
        bottom = child
    level = [bottom]
    made = handle
    while made < n:
        nxt = []
        for parent in level:
            for side in ("left", "right"):
                if made < n:
                    child = Node()
                    setattr(parent, side, child)
                    nxt.append(child)
                    made += 1
        level = nxt
    return root


def umbrella(n: int, handle: int) -> Node | None:
    """A complete tree of n - handle nodes with a chain of `handle` nodes under its last node: thousands
    of levels, each of which is below ~n nodes (one traversal per level visits them all every time)."""
    nodes = [Node() for _ in range(n - handle)]
    for i, node in enumerate(nodes[1:], 1):
        setattr(nodes[(i - 1) // 2], "left" if i % 2 else "right", node)
    bottom = nodes[-1]
    for i in range(handle):
        child = Node()
        setattr(bottom, "left" if i % 2 else "right", child)
        bottom = child
    return nodes[0]


def height(root: Node | None) -> int:
    best, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if node is not None:
            best = max(best, depth)
            stack += [(node.left, depth + 1), (node.right, depth + 1)]
    return best


def from_level_order(values: list[int | None]) -> Node | None:
    if not values:
        return None
    nodes = [None if v is None else Node(v) for v in values]
    children = iter(nodes[1:])
    for node in nodes:
        if node is not None:
            node.left = next(children, None)
            node.right = next(children, None)
    return nodes[0]


def solve(root: Node | None) -> list[list[int]]:
    rows = []
    level = [root] if root else []
    while level:
        rows.append([node.val for node in level])
        level = [child for node in level for child in (node.left, node.right) if child]
    return rows


def write(group: str, name: str, root: Node | None, rng: random.Random | None = None) -> None:
    if rng is not None:
        for node in nodes_of(root):
            node.val = rng.randint(-1000, 1000)
    assert height(root) <= 5000
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(level_order(root)) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(solve(root)) + "\n")


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(102)
    write("sample", "1", from_level_order([5, 1, 9, None, 4, 7, 2]))
    write("sample", "2", from_level_order([6, 3]))
    write("sample", "3", None)
    write("secret", "01-root-only", from_level_order([1000]))
    write("secret", "02-right-chain", from_level_order([1, None, 2, None, 3, None, 4]))
    write("secret", "03-gaps", from_level_order([1, 2, 3, None, 4, 5, None, 6, None, None, 7]))
    write("secret", "04-complete", broom(31, 1), rng)
    write("secret", "05-equal-values", from_level_order([0, 0, 0, 0, None, None, 0]))
    for k in range(6, 11):
        write("secret", f"{k:02}-small-random", random_shape(rng, rng.randint(1, 30), rng.randint(0, 5)), rng)
    for k in range(11, 14):
        shape = random_shape(rng, rng.randint(1000, 5000), rng.randint(0, 500))
        write("secret", f"{k:02}-medium-random", shape, rng)
    write("secret", "14-chain-5000", random_shape(rng, 5000, 5000), rng)
    write("secret", "15-large-random", random_shape(rng, 50_000), rng)
    write("secret", "16-large-broom", broom(50_000, 4900), rng)
    write("secret", "17-large-umbrella", umbrella(50_000, 4900), rng)


if __name__ == "__main__":
    main()
