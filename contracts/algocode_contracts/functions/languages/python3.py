"""Python 3 (and PyPy 3): LeetCode's `class Solution:` stub, and the program = a prelude on the user's
FIRST line + the user's code + the driver after it.

Why a prelude on line 1: CPython evaluates annotations when a `def` runs, so `List[int]` and
`Optional[ListNode]` must exist before the user's class body executes, and the user's own prints at
module level must already go to stderr. The prelude is one `exec(...)` of a fixed string, put on the same
physical line as the user's first line so that every line keeps its number:

* line 1 blank or a comment: `exec(...)  # the comment`;
* line 1 a simple statement (`from typing import List`): `exec(...); from typing import List`;
* line 1 `class Solution:` / `class Solution():` / `class Solution(object):`: the bases become
  `(exec(...) or object)`, evaluated before the class body;
* anything else (`def f():`, a decorator, `from __future__ import ...`): the prelude gets a line of its
  own and the user's lines are one further down (documented in docs/problem-format.md).

The prelude keeps the real stdout as the result channel (`os.dup(1)`), points fd 1 and `sys.stdout` at
stderr, raises the recursion limit and imports what LeetCode's environment has (typing, collections,
heapq, bisect, math, functools, itertools). The driver reads the wire format (codec.py), calls
`Solution().<name>(...)` or replays a design's calls, checks the returned value against the declared type
(a mismatch is the `!` token) and writes the result to the saved descriptor.
"""

from __future__ import annotations

import re

from algocode_contracts.functions.languages.common import calls, ensure_newline, uses
from algocode_contracts.functions.signature import (
    DesignSignature,
    FunctionSignature,
    Method,
    Param,
    Signature,
    Type,
)

_PRELUDE = """\
import sys, os
_algocode_res = os.fdopen(os.dup(1), "wb")
sys.stdout.flush()
os.dup2(2, 1)
sys.stdout = sys.stderr
sys.setrecursionlimit(10 ** 6)
from typing import *
import collections, heapq, bisect, math, functools, itertools, string, re, random, operator
from collections import *
from heapq import heappush, heappop, heapify, heappushpop, heapreplace, nlargest, nsmallest
from bisect import bisect, bisect_left, bisect_right, insort, insort_left, insort_right
from functools import lru_cache, reduce, cmp_to_key
from itertools import accumulate, chain, combinations, count, groupby, permutations, product
from math import inf, gcd, sqrt, ceil, floor, log, log2
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right
"""

_DRIVER = """

def _algocode_main(_sig, _design):
    import re as _re
    _tok = _re.compile(rb"[ \\t\\r\\n]*([^ \\t\\r\\n]+)")
    _data = sys.stdin.buffer.read()
    _pos = 0

    class _Wrong(Exception):
        pass

    def token():
        nonlocal _pos
        m = _tok.match(_data, _pos)
        if m is None:
            raise EOFError("the driver's input ended early")
        _pos = m.end()
        return m.group(1)

    def read(t):
        nonlocal _pos
        base, dims = t
        if dims:
            return [read((base, dims - 1)) for _ in range(int(token()))]
        if base in ("int", "long"):
            return int(token())
        if base == "double":
            return float(token())
        if base == "bool":
            return token() == b"1"
        if base == "char":
            return chr(int(token()))
        if base == "string":
            n = int(token())
            s = _data[_pos + 1:_pos + 1 + n].decode("utf-8")
            _pos += 1 + n
            return s
        if base == "ListNode":
            values = [int(token()) for _ in range(int(token()))]
            head = None
            for v in reversed(values):
                head = ListNode(v, head)
            return head
        if base == "TreeNode":
            items = [token() for _ in range(int(token()))]
            if not items:
                return None
            nodes = [None if x == b"#" else TreeNode(int(x)) for x in items]
            kids = iter(nodes[1:])
            for node in nodes:
                if node is None:
                    continue
                node.left = next(kids, None)
                node.right = next(kids, None)
            return nodes[0]
        raise AssertionError(base)

    def write(t, v, out):
        base, dims = t
        if dims:
            if not isinstance(v, (list, tuple)):
                raise _Wrong()
            out.append(b"%d" % len(v))
            for item in v:
                write((base, dims - 1), item, out)
            return
        if base in ("int", "long"):
            if not isinstance(v, int) or isinstance(v, bool):
                raise _Wrong()
            out.append(b"%d" % v)
        elif base == "double":
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise _Wrong()
            out.append(repr(float(v)).encode())
        elif base == "bool":
            if not isinstance(v, bool):
                raise _Wrong()
            out.append(b"1" if v else b"0")
        elif base == "char":
            if not isinstance(v, str) or len(v) != 1 or ord(v) > 127:
                raise _Wrong()
            out.append(b"%d" % ord(v))
        elif base == "string":
            if not isinstance(v, str):
                raise _Wrong()
            data = v.encode("utf-8", "surrogatepass")
            out.append(b"%d" % len(data) + b" " + data)
        elif base == "ListNode":
            values, seen = [], set()
            while v is not None:
                if id(v) in seen or not hasattr(v, "val") or not hasattr(v, "next"):
                    raise _Wrong()
                seen.add(id(v))
                if not isinstance(v.val, int) or isinstance(v.val, bool):
                    raise _Wrong()
                values.append(b"%d" % v.val)
                v = v.next
            out.append(b"%d" % len(values))
            out.extend(values)
        elif base == "TreeNode":
            items, queue, seen, head = [], [v], set(), 0
            while head < len(queue):
                node = queue[head]
                head += 1
                if node is None:
                    items.append(b"#")
                    continue
                if id(node) in seen or not all(hasattr(node, a) for a in ("val", "left", "right")):
                    raise _Wrong()
                seen.add(id(node))
                if not isinstance(node.val, int) or isinstance(node.val, bool):
                    raise _Wrong()
                items.append(b"%d" % node.val)
                queue.append(node.left)
                queue.append(node.right)
            while items and items[-1] == b"#":
                items.pop()
            out.append(b"%d" % len(items))
            out.extend(items)
        else:
            raise AssertionError(base)

    def result(t, v):
        if t is None:
            return b"-"
        out = []
        try:
            write(t, v, out)
        except _Wrong:
            return b"!"
        return b" ".join(out)

    lines = []
    if not _design:
        (name, params, returns), = _sig
        args = [read(p) for p in params]
        value = getattr(Solution(), name)(*args)
        lines.append(result(returns, value))
    else:
        obj = None
        for _ in range(int(token())):
            index = int(token())
            name, params, returns = _sig[index]
            args = [read(p) for p in params]
            if index == 0:
                obj = globals()[name](*args)
                lines.append(b"-")
            else:
                lines.append(result(returns, getattr(obj, name)(*args)))
    _algocode_res.write(b"\\n".join(lines) + b"\\n")
    _algocode_res.flush()

"""

_CLASS_LINE = re.compile(r"^class\s+([A-Za-z_]\w*)\s*(?:\(\s*(?:object)?\s*\))?\s*:")
_COMPOUND = re.compile(r"^(?:def|async|class|if|elif|else|for|while|try|except|finally|with|match|@)\b|^@")


def _prefixed(source: str) -> str:
    """The user's code with the prelude put on its first line (see the module docstring)."""
    exec_call = f"exec({_PRELUDE!r}, globals())"
    lines = source.split("\n")
    first = lines[0]
    stripped = first.strip()
    if first[:1] in (" ", "\t"):
        new_first = None  # an indented first line is the user's syntax error: keep it where it is
    elif not stripped or stripped.startswith("#"):
        new_first = exec_call + (f"  {stripped}" if stripped else "")
    elif (match := _CLASS_LINE.match(first)) is not None:
        new_first = f"class {match.group(1)}({exec_call} or object):" + first[match.end() :]
    elif stripped.startswith("from __future__") or _COMPOUND.match(stripped):
        new_first = None
    else:
        new_first = f"{exec_call}; {first}"
    if new_first is None:
        return exec_call + "\n" + source
    return "\n".join([new_first, *lines[1:]])


def _wire_type(type_: Type | None) -> tuple[str, int] | None:
    return None if type_ is None or type_.is_void else (type_.base, type_.dims)


def program(signature: Signature, source: str) -> str:
    table = [
        (call.name, [_wire_type(p.type) for p in call.params], _wire_type(call.returns))
        for call in calls(signature)
    ]
    design = isinstance(signature, DesignSignature)
    return ensure_newline(_prefixed(source)) + _DRIVER + f"_algocode_main({table!r}, {design!r})\n"


# --------------------------------------------------------------------------------------------- stub


def hint(type_: Type) -> str:
    if type_.base in ("ListNode", "TreeNode"):
        return f"Optional[{type_.base}]"
    name = {"int": "int", "long": "int", "double": "float", "bool": "bool", "string": "str", "char": "str"}[
        type_.base
    ]
    for _ in range(type_.dims):
        name = f"List[{name}]"
    return name


def default(type_: Type) -> str:
    if type_.is_void:
        return ""
    if type_.dims:
        return "[]"
    return {
        "int": "0",
        "long": "0",
        "double": "0.0",
        "bool": "False",
        "string": '""',
        "char": '"a"',
        "ListNode": "None",
        "TreeNode": "None",
    }[type_.base]


def _params(params: tuple[Param, ...]) -> str:
    return "".join(f", {p.name}: {hint(p.type)}" for p in params)


def _method(method: Method) -> list[str]:
    returns = "None" if method.returns.is_void else hint(method.returns)
    body = "pass" if method.returns.is_void else f"return {default(method.returns)}"
    return [f"    def {method.name}(self{_params(method.params)}) -> {returns}:", f"        {body}"]


_LIST_COMMENT = [
    "# Definition for singly-linked list.",
    "# class ListNode:",
    "#     def __init__(self, val=0, next=None):",
    "#         self.val = val",
    "#         self.next = next",
]
_TREE_COMMENT = [
    "# Definition for a binary tree node.",
    "# class TreeNode:",
    "#     def __init__(self, val=0, left=None, right=None):",
    "#         self.val = val",
    "#         self.left = left",
    "#         self.right = right",
]


def stub(signature: Signature) -> str:
    lines: list[str] = []
    if uses(signature, "ListNode"):
        lines += _LIST_COMMENT
    if uses(signature, "TreeNode"):
        lines += _TREE_COMMENT
    if isinstance(signature, FunctionSignature):
        lines += ["class Solution:", *_method(signature.function)]
    else:
        lines += [f"class {signature.class_name}:", ""]
        lines += [f"    def __init__(self{_params(signature.constructor)}):", "        pass"]
        for method in signature.methods:
            lines += ["", *_method(method)]
    return "\n".join(lines) + "\n"
