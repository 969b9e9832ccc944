"""Compare the value a driver reported (decoded to JSON by codec.decode_output) with a test's expected JSON,
knowing the declared type: this replaces the token checker for function-style problems.

Exact for int, long, bool, char, string and structure (lengths, nulls of a tree); doubles are equal when
|expected - got| <= absolute or <= relative * |expected|, the tolerances of the problem's
`validator_flags` (CheckerSettings), 1e-6 each when it sets none. `any_order` (function problems):
`true` compares the returned list as a multiset of its elements, `deep` compares every list level as a
multiset. The reason is short and may quote the hidden answer: it goes to staff notes (and to users on
samples only, like the token checker's reasons).
"""

from __future__ import annotations

import json
import math
from typing import Any

from algocode_contracts.functions.codec import InputError, _mismatch, parse_input
from algocode_contracts.functions.signature import (
    AnyOrder,
    DesignSignature,
    FunctionSignature,
    Signature,
    Type,
)
from algocode_contracts.messages import CheckerSettings

DEFAULT_TOLERANCE = 1e-6
_SHOWN = 60


class AnswerError(ValueError):
    """A test's expected answer (`.ans`) does not fit the declared return type(s)."""


def parse_answer(signature: Signature, answer: str, test_input: str) -> Any:
    """The expected JSON value of a test, checked against the return type (a design: one entry per call,
    null for the constructor and void methods). Raises AnswerError, or InputError for a bad input."""
    try:
        value = json.loads(answer)
    except (ValueError, RecursionError) as exc:
        raise AnswerError(f"not a JSON value ({exc.__class__.__name__}: {exc})") from None
    if isinstance(signature, FunctionSignature):
        problem = _mismatch(signature.function.returns, value)
        if problem:
            raise AnswerError(f"expected a {signature.function.returns}: {problem}")
        return value
    calls: list[str] = parse_input(signature, test_input)[0]
    if not isinstance(value, list) or len(value) != len(calls):
        raise AnswerError(f"expected a JSON list of {len(calls)} results, one per call")
    for index, (call, item) in enumerate(zip(calls, value, strict=True)):
        returns = None if index == 0 else signature.method(call).returns
        if returns is None or returns.is_void:
            if item is not None:
                raise AnswerError(f"call {index + 1} ({call}) returns nothing: its result must be null")
            continue
        problem = _mismatch(returns, item)
        if problem:
            raise AnswerError(f"call {index + 1} ({call}): {problem}")
    return value


def design_calls(signature: Signature, test_input: str) -> list[str] | None:
    """The call names of a design test's input (None for a function problem)."""
    if not isinstance(signature, DesignSignature):
        return None
    values = parse_input(signature, test_input)
    calls: list[str] = values[0]
    return calls


class Comparison:
    def __init__(self, signature: Signature, settings: CheckerSettings | None = None) -> None:
        self.signature = signature
        settings = settings or CheckerSettings()
        absolute, relative = settings.float_absolute_tolerance, settings.float_relative_tolerance
        if absolute is None and relative is None:
            absolute = relative = DEFAULT_TOLERANCE
        self.absolute = absolute
        self.relative = relative

    def compare(self, expected: Any, got: Any, *, calls: list[str] | None = None) -> tuple[bool, str]:
        """(accepted, reason): reason is "" when accepted, else e.g. "element [3]: expected 5, got 4"."""
        signature = self.signature
        if isinstance(signature, FunctionSignature):
            returns = signature.function.returns
            order = signature.any_order
            if order is not AnyOrder.NO:
                expected, got = _normalise(expected, order), _normalise(got, order)
            problem = _element(self._diff(returns, expected, got, ""))
            if problem and order is not AnyOrder.NO:
                problem += " (compared in any order)"
            return problem is None, problem or ""
        if calls is None:
            raise ValueError("comparing a design answer needs the test's calls")
        for index, call in enumerate(calls):
            if index == 0:
                continue  # the constructor
            method_returns = signature.method(call).returns
            if method_returns.is_void:
                continue
            problem = _element(self._diff(method_returns, expected[index], got[index], ""))
            if problem:
                return False, f"call {index + 1} ({call}): {problem}"
        return True, ""

    def _diff(self, type_: Type, expected: Any, got: Any, where: str) -> str | None:
        at = f"{where}: " if where else ""
        if type_.dims or type_.base in ("ListNode", "TreeNode"):
            if not isinstance(got, list) or not isinstance(expected, list):
                return f"{at}expected {_show(expected)}, got {_show(got)}"
            if len(expected) != len(got):
                noun = "nodes" if type_.base in ("ListNode", "TreeNode") and not type_.dims else "elements"
                return (
                    f"{at}expected {len(expected)} {noun}, got {len(got)}: "
                    f"expected {_show(expected)}, got {_show(got)}"
                )
            element = type_.element if type_.dims else Type("int")
            for index, (want, have) in enumerate(zip(expected, got, strict=True)):
                if type_.base == "TreeNode" and not type_.dims and (want is None or have is None):
                    if want is not have:
                        return f"{where}[{index}]: expected {_show(want)}, got {_show(have)}"
                    continue
                problem = self._diff(element, want, have, f"{where}[{index}]")
                if problem:
                    return problem
            return None
        if type_.base == "double":
            if not self._close(expected, got):
                return f"{at}expected {_show(expected)}, got {_show(got)}"
            return None
        if type(expected) is not type(got) or expected != got:
            return f"{at}expected {_show(expected)}, got {_show(got)}"
        return None

    def _close(self, expected: Any, got: Any) -> bool:
        if isinstance(got, bool) or not isinstance(got, int | float) or not math.isfinite(got):
            return False
        difference = abs(float(expected) - float(got))
        if self.absolute is not None and difference <= self.absolute:
            return True
        return self.relative is not None and difference <= self.relative * abs(float(expected))


def _element(problem: str | None) -> str | None:
    """`[3]: expected 5, got 4` -> `element [3]: expected 5, got 4`."""
    return f"element {problem}" if problem and problem.startswith("[") else problem


def _key(value: Any) -> Any:
    """A sort key for JSON values of one declared type (lists compare element-wise)."""
    if isinstance(value, list):
        return (3, tuple(_key(item) for item in value))
    if value is None:
        return (0, 0)
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, int | float):
        return (1, value)
    return (2, value)


def _normalise(value: Any, order: AnyOrder) -> Any:
    if not isinstance(value, list):
        return value
    if order is AnyOrder.DEEP:
        value = [_normalise(item, order) for item in value]
    return sorted(value, key=_key)


def _show(value: Any) -> str:
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def compare(
    signature: Signature,
    expected: Any,
    got: Any,
    *,
    settings: CheckerSettings | None = None,
    calls: list[str] | None = None,
) -> tuple[bool, str]:
    """Whether `got` (the decoded result) matches `expected` (the test's JSON) under the signature."""
    return Comparison(signature, settings).compare(expected, got, calls=calls)


__all__ = ["AnswerError", "Comparison", "InputError", "compare", "design_calls", "parse_answer"]
