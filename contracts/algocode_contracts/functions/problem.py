"""What a problem package adds for function-style problems: the signature from problem.yaml's `algocode:`
section, and every test's `.in` / `.ans` checked against it when the package is read (a broken test is a
package error naming its file, not a judge failure later)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from algocode_contracts.functions.codec import InputError, parse_input
from algocode_contracts.functions.compare import AnswerError, parse_answer
from algocode_contracts.functions.signature import Signature, SignatureError, parse_signature

SIGNATURE_KEYS = ("function", "design")


class FunctionPackageError(ValueError):
    """A function problem's signature or test data is wrong: the message names the key or the file."""


class _Test(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def input(self) -> str: ...
    @property
    def answer(self) -> str: ...


def read_signature(section: dict[str, Any]) -> Signature | None:
    """The signature declared under `algocode:` (None: a stdin problem)."""
    try:
        return parse_signature(section)
    except SignatureError as exc:
        raise FunctionPackageError(f"problem.yaml: {exc}") from None


def check_tests(signature: Signature, tests: Iterable[_Test]) -> None:
    """Every test's input is LeetCode's JSON lines for the signature and its answer fits the return type."""
    for test in tests:
        where = f"data/{test.name}"
        try:
            parse_input(signature, test.input)
        except InputError as exc:
            raise FunctionPackageError(f"{where}.in: {exc}") from None
        try:
            parse_answer(signature, test.answer, test.input)
        except AnswerError as exc:
            raise FunctionPackageError(f"{where}.ans: {exc}") from None
