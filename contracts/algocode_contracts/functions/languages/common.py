"""Helpers every language's stub and driver generator shares: which types a signature uses, and the list
of callables (one function, or a design's constructor and methods) in wire order."""

from __future__ import annotations

from dataclasses import dataclass

from algocode_contracts.functions.signature import (
    DesignSignature,
    FunctionSignature,
    Method,
    Param,
    Signature,
    Type,
)


def all_types(signature: Signature) -> list[Type]:
    """Every parameter and return type the signature mentions (void excluded), without duplicates."""
    found: dict[Type, None] = {}
    if isinstance(signature, FunctionSignature):
        methods: tuple[Method, ...] = (signature.function,)
    else:
        found.update(dict.fromkeys(p.type for p in signature.constructor))
        methods = signature.methods
    for method in methods:
        found.update(dict.fromkeys(p.type for p in method.params))
        if not method.returns.is_void:
            found[method.returns] = None
    return list(found)


def uses(signature: Signature, base: str) -> bool:
    """Whether `base` ("ListNode", "TreeNode") appears anywhere in the signature."""
    return any(t.base == base for t in all_types(signature))


def with_element_types(types: list[Type]) -> list[Type]:
    """`types` plus every type one or two array levels down (`int[][]` brings `int[]` and `int`),
    innermost first: the order generated helper functions must be declared in."""
    found: dict[Type, None] = {}
    for type_ in types:
        for dims in range(type_.dims + 1):
            found[Type(type_.base, dims)] = None
    return sorted(found, key=lambda t: t.dims)


@dataclass(frozen=True, slots=True)
class Call:
    """One callable of the wire format: index 0 is a function or a design's constructor (`returns` None
    for the constructor), index k >= 1 the k-th design method."""

    index: int
    name: str
    params: tuple[Param, ...]
    returns: Type | None


def calls(signature: Signature) -> list[Call]:
    if isinstance(signature, FunctionSignature):
        fn = signature.function
        return [Call(0, fn.name, fn.params, fn.returns)]
    assert isinstance(signature, DesignSignature)
    result = [Call(0, signature.class_name, signature.constructor, None)]
    result += [Call(i, m.name, m.params, m.returns) for i, m in enumerate(signature.methods, 1)]
    return result


def ensure_newline(source: str) -> str:
    return source if source.endswith("\n") else source + "\n"


def first_line_split(source: str) -> tuple[str, str]:
    """(the user's first line without its newline, the rest from the newline on): for languages that
    put a prefix on the user's first line so that every later line keeps its number."""
    head, newline, rest = source.partition("\n")
    return head, newline + rest


def node_definitions(
    signature: Signature,
    list_node: str,
    tree_node: str,
    *,
    line: str | None = None,
    list_title: str = "Definition for singly-linked list.",
    after: str = "",
) -> str:
    """The ListNode/TreeNode definitions a stub shows in a comment, as LeetCode does (only the ones the
    signature uses): a `/** ... */` block each (followed by `after`), or lines starting with `line`."""
    out = ""
    for base, text, title in (
        ("ListNode", list_node, list_title),
        ("TreeNode", tree_node, "Definition for a binary tree node."),
    ):
        if not uses(signature, base):
            continue
        if line is None:
            body = "\n".join(" * " + row for row in text.splitlines())
            out += f"/**\n * {title}\n{body}\n */\n" + after
        else:
            out += f"{line} {title}\n" + "".join(f"{line} {row}\n" for row in text.splitlines())
    return out
