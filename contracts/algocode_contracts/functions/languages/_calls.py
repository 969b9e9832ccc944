"""What every driver generator needs from a signature, whatever the language: the calls a test can make
(a function: one; a design: the constructor, index 0, then each method, from 1, as the wire numbers them)
and which linked types the signature uses (a driver defines ListNode/TreeNode only when they are used, so
that they never collide with a user's own class of that name in an unrelated problem)."""

from __future__ import annotations

from dataclasses import dataclass

from algocode_contracts.functions.signature import (
    DesignSignature,
    FunctionSignature,
    Param,
    Signature,
    Type,
)


@dataclass(frozen=True, slots=True)
class Call:
    index: int  # the wire's method index: 0 = the constructor (or the function), k = methods[k - 1]
    name: str  # as declared (the class name for a constructor)
    params: tuple[Param, ...]
    returns: Type | None  # None: a constructor
    constructor: bool = False


def calls(signature: Signature) -> list[Call]:
    if isinstance(signature, FunctionSignature):
        f = signature.function
        return [Call(0, f.name, f.params, f.returns)]
    assert isinstance(signature, DesignSignature)
    out = [Call(0, signature.class_name, signature.constructor, None, constructor=True)]
    out += [Call(i, m.name, m.params, m.returns) for i, m in enumerate(signature.methods, 1)]
    return out


def types(signature: Signature) -> set[Type]:
    found: set[Type] = set()
    for call in calls(signature):
        found.update(p.type for p in call.params)
        if call.returns is not None:
            found.add(call.returns)
    return found


def uses(signature: Signature, base: str) -> bool:
    return any(t.base == base for t in types(signature))


def first_line_split(source: str) -> tuple[str, str]:
    """(the user's first line without its newline, the rest from the newline on): for languages that
    put a prefix on the user's first line so that every later line keeps its number."""
    head, newline, rest = source.partition("\n")
    return head, newline + rest
