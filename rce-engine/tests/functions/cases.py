"""The conformance signatures and tests every driver must pass, language-neutral (JSON in, JSON out).

`KIT` is a design problem whose methods together take and return every type of the format (each scalar,
`T[]`, `T[][]` of several scalars, ListNode, TreeNode, void, a constructor and state kept between calls);
one compile per language covers them all. `TWO_SUM` is a plain function problem (free function or
`Solution` method, per language) for the behaviour checks: user prints, exceptions, line numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from algocode_contracts.functions import parse_signature
from algocode_contracts.functions.signature import DesignSignature, FunctionSignature


def _m(name: str, params: dict[str, str], returns: str) -> dict[str, Any]:
    return {"name": name, "params": [{"name": n, "type": t} for n, t in params.items()], "returns": returns}


KIT = parse_signature(
    {
        "design": {
            "class": "Kit",
            "constructor": [{"name": "start", "type": "long"}],
            "methods": [
                _m("total", {"xs": "int[]"}, "long"),  # start + sum(xs), as a 64-bit sum
                _m("rebase", {"value": "long"}, "void"),  # start = value
                _m("half", {"x": "double"}, "double"),  # x / 2
                _m("negate", {"flag": "bool"}, "bool"),  # not flag (a Haskell Prelude name)
                _m("twice", {"text": "string"}, "string"),  # text + text
                _m("shift", {"letter": "char"}, "char"),  # the next ASCII character
                _m("ints", {"grid": "int[][]"}, "int[][]"),  # as is
                _m("longs", {"values": "long[]"}, "long[]"),  # as is
                _m("doubles", {"grid": "double[][]"}, "double[][]"),  # as is
                _m("bools", {"values": "bool[]"}, "bool[][]"),  # [values]
                _m("words", {"grid": "string[][]"}, "string[]"),  # the rows concatenated
                _m("chars", {"grid": "char[][]"}, "char[][]"),  # as is
                _m("spell", {"letters": "char[]"}, "string"),  # the letters joined
                _m("reverseList", {"head": "ListNode"}, "ListNode"),  # reversed
                _m("mirror", {"root": "TreeNode"}, "TreeNode"),  # left and right swapped everywhere
            ],
        }
    }
)
assert isinstance(KIT, DesignSignature)

TWO_SUM = parse_signature(
    {
        "function": {
            "name": "twoSum",
            "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
            "returns": "int[]",
        }
    }
)
assert isinstance(TWO_SUM, FunctionSignature)


# A design without constructor arguments and a method without any, and a function named like a Haskell
# Prelude function and a lib.dom global of TypeScript's: the stubs of both must compile and run as is.
MIN_STACK = parse_signature(
    {
        "design": {
            "class": "MinStack",
            "constructor": [],
            "methods": [
                _m("push", {"value": "int"}, "void"),
                _m("getMin", {}, "int"),
                _m("top", {}, "TreeNode"),
            ],
        }
    }
)
LENGTH = parse_signature({"function": {"name": "length", "params": [], "returns": "string[][]"}})


@dataclass(frozen=True)
class DesignCase:
    name: str
    calls: list[str]
    args: list[list[Any]]
    expected: list[Any]
    # Languages whose documented limits exclude this case (docs/function-languages.md).
    skip: frozenset[str] = field(default_factory=frozenset)

    @property
    def input(self) -> str:
        import json

        return (
            json.dumps(self.calls, ensure_ascii=False)
            + "\n"
            + json.dumps(self.args, ensure_ascii=False)
            + "\n"
        )


_UTF8 = "héllo, 世界 🎉"
_EVERY: list[tuple[str, list[Any], Any]] = [
    ("Kit", [-5000000000], None),
    ("total", [[1, 2, -2147483648, 2147483647]], -4999999998),
    ("rebase", [1234567890123], None),
    ("total", [[]], 1234567890123),
    ("half", [3.0], 1.5),
    ("half", [-2.5e-300], -1.25e-300),
    ("half", [0.1], 0.05),
    ("negate", [True], False),
    ("negate", [False], True),
    ("twice", ["a b\nc\t"], "a b\nc\ta b\nc\t"),
    ("twice", [_UTF8], _UTF8 + _UTF8),
    ("twice", [""], ""),
    ("shift", ["a"], "b"),
    ("shift", [" "], "!"),
    ("ints", [[[1, -2, 3], [], [2147483647, -2147483648]]], [[1, -2, 3], [], [2147483647, -2147483648]]),
    ("ints", [[]], []),
    ("longs", [[9007199254740991, -9007199254740991, 0, -1]], [9007199254740991, -9007199254740991, 0, -1]),
    ("doubles", [[[0.1, -2.5e-8], [1e300, 123456.789], []]], [[0.1, -2.5e-8], [1e300, 123456.789], []]),
    ("bools", [[True, False, True]], [[True, False, True]]),
    ("bools", [[]], [[]]),
    ("words", [[["a", "b c"], [], ["", "x\ny", _UTF8]]], ["a", "b c", "", "x\ny", _UTF8]),
    ("chars", [[["a", "Z"], ["#", " "], []]], [["a", "Z"], ["#", " "], []]),
    ("spell", [["h", "i", "!"]], "hi!"),
    ("spell", [[]], ""),
    ("reverseList", [[1, 2, 3]], [3, 2, 1]),
    ("reverseList", [[-7]], [-7]),
    ("reverseList", [[]], []),
    ("mirror", [[1, 2, 3, None, 4]], [1, 3, 2, None, None, 4]),
    ("mirror", [[5, None, -6, 7]], [5, -6, None, None, 7]),
    ("mirror", [[]], []),
]

_BIG: list[tuple[str, list[Any], Any]] = [
    ("Kit", [9223372036854775000], None),
    ("total", [[807]], 9223372036854775807),
    ("longs", [[9223372036854775807, -9223372036854775808]], [9223372036854775807, -9223372036854775808]),
    ("rebase", [-9223372036854775807], None),
    ("total", [[-1]], -9223372036854775808),
]


def _case(
    name: str, steps: list[tuple[str, list[Any], Any]], skip: frozenset[str] = frozenset()
) -> DesignCase:
    return DesignCase(name, [s[0] for s in steps], [s[1] for s in steps], [s[2] for s in steps], skip)


# JavaScript and TypeScript numbers are doubles: longs above 2^53 are their documented limit.
KIT_CASES = [_case("every-type", _EVERY), _case("big-longs", _BIG, frozenset({"javascript", "typescript"}))]


def kit_defaults(case: DesignCase) -> list[Any]:
    """What the Kit stub, submitted unchanged, reports: each method's type's default."""
    defaults = {"long": 0, "double": 0.0, "bool": False, "string": "", "char": "\0", "ListNode": []}
    out: list[Any] = []
    for call in case.calls:
        if call == "Kit":
            out.append(None)
            continue
        returns = KIT.method(call).returns
        if returns.is_void:
            out.append(None)
        elif returns.dims or returns.base in ("ListNode", "TreeNode"):
            out.append([])
        else:
            out.append(defaults[returns.base])
    return out
