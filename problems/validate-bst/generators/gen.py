"""Writes data/ of validate-bst (deterministic: `python3 generators/gen.py` from anywhere).

Valid trees get distinct sorted keys in in-order; invalid ones break a single rule, often against a
grandparent or higher ancestor (invisible when checking children only). The large "broom" test (valid)
hangs a complete tree of ~45 000 nodes under a 4900-node chain: an in-order walk takes n steps, checking
each node against its whole subtrees ~2.2 * 10^8.
"""

import itertools
import json
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


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


def in_order(root: Node | None) -> list[Node]:
    found: list[Node] = []
    stack: list[Node] = []
    node = root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        found.append(node)
        node = node.right
    return found


def solve(root: Node | None) -> bool:
    keys = [node.val for node in in_order(root)]
    return all(a < b for a, b in itertools.pairwise(keys))


def as_bst(rng: random.Random, root: Node | None, lo: int = INT_MIN, hi: int = INT_MAX) -> Node | None:
    """Gives the nodes distinct keys from [lo, hi] in increasing in-order: a valid search tree."""
    nodes = in_order(root)
    for node, key in zip(nodes, sorted(rng.sample(range(lo, hi + 1), len(nodes))), strict=True):
        node.val = key
    return root


def break_deep(rng: random.Random, root: Node | None) -> Node | None:
    """Moves one leaf's key just past the bound set by an ancestor above its parent (keeping it on the
    right side of its parent), so only a check against whole subtrees sees the damage."""
    leaves: list[tuple[Node, int, int]] = []
    assert root is not None
    stack: list[tuple[Node, bool | None, int | None, int | None]] = [(root, None, None, None)]
    while stack:
        node, is_left, lo, hi = stack.pop()
        if node.left is None and node.right is None:
            if is_left and lo is not None:
                leaves.append((node, lo, -1))
            elif is_left is False and hi is not None:
                leaves.append((node, hi, 1))
        if node.left:
            stack.append((node.left, True, lo, node.val))
        if node.right:
            stack.append((node.right, False, node.val, hi))
    node, bound, direction = rng.choice(leaves)
    node.val = min(INT_MAX, max(INT_MIN, bound + direction * rng.randint(0, 3)))
    return root


def write(group: str, name: str, root: Node | None, expected: bool | None = None) -> None:
    answer = solve(root)
    assert expected is None or answer == expected, name
    assert height(root) <= 5000
    (DATA / group).mkdir(parents=True, exist_ok=True)
    (DATA / group / f"{name}.in").write_text(dump(level_order(root)) + "\n")
    (DATA / group / f"{name}.ans").write_text(dump(answer) + "\n")


def main() -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    rng = random.Random(98)
    write("sample", "1", from_level_order([20, 10, 30, 5, 15]), True)
    write("sample", "2", from_level_order([20, 10, 30, None, 25]), False)
    write("sample", "3", from_level_order([7, 7]), False)
    write("secret", "01-one-node-max", from_level_order([INT_MAX]), True)
    write("secret", "02-one-node-min", from_level_order([INT_MIN]), True)
    write("secret", "03-both-extremes", from_level_order([INT_MIN, None, INT_MAX]), True)
    write("secret", "04-equal-right", from_level_order([INT_MAX, None, INT_MAX]), False)
    write("secret", "05-equal-deep", from_level_order([10, 5, 15, None, None, 10, 20]), False)
    write("secret", "06-left-too-big", from_level_order([5, 6]), False)
    write("secret", "07-right-too-small", from_level_order([5, None, 4]), False)
    write("secret", "08-right-grandchild-too-small", from_level_order([8, 4, 12, None, None, 7, 14]), False)
    write("secret", "09-min-left-of-max", from_level_order([INT_MAX, INT_MIN]), True)
    for k in range(10, 13):
        write(
            "secret",
            f"{k:02}-small-valid",
            as_bst(rng, random_shape(rng, rng.randint(1, 30), rng.randint(0, 5)), -50, 50),
            True,
        )
    for k in range(13, 16):
        tree = as_bst(rng, random_shape(rng, rng.randint(3, 30), rng.randint(2, 5)), -50, 50)
        write("secret", f"{k:02}-small-broken-deep", break_deep(rng, tree), False)
    shape = random_shape(rng, rng.randint(1000, 5000), rng.randint(0, 500))
    write("secret", "16-medium-valid", as_bst(rng, shape), True)
    shape = random_shape(rng, rng.randint(1000, 5000), rng.randint(0, 500))
    write("secret", "17-medium-broken-deep", break_deep(rng, as_bst(rng, shape)), False)
    write("secret", "18-chain-5000", as_bst(rng, random_shape(rng, 5000, 5000), -(10**6), 10**6), True)
    write("secret", "19-large-broom", as_bst(rng, broom(50_000, 4900)), True)
    write("secret", "20-large-random", as_bst(rng, random_shape(rng, 50_000), -(10**6), 10**6), True)
    tree = as_bst(rng, random_shape(rng, 50_000, 3000), -(10**6), 10**6)
    write("secret", "21-large-broken-deep", break_deep(rng, tree), False)


if __name__ == "__main__":
    main()
