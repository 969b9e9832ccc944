"""The per-language stub and driver generators of function-style problems, keyed by language id.

Each module exposes `stub(signature) -> str` (what a user starts from, LeetCode's conventions) and
`program(signature, source) -> str` (the user's code and a generated driver as ONE source file that the
judge compiles and runs exactly like an ordinary submission of that language). `cpp20` shares `cpp`'s
module and `pypy3` shares `python3`'s. The wire format between the judge and a driver is codec.py's.
"""

from __future__ import annotations

from types import ModuleType
from typing import Final

from algocode_contracts.functions.languages import c, cpp, java, python3
from algocode_contracts.functions.signature import Signature
from algocode_contracts.languages import LANGUAGES

# language id -> generator module (a plain dict: each engineer adds the languages they wrote)
MODULES: Final[dict[str, ModuleType]] = {
    "c": c,
    "cpp": cpp,
    "cpp20": cpp,
    "java": java,
    "python3": python3,
    "pypy3": python3,
}

LANGUAGES_WITH_DRIVERS: Final = tuple(key for key in LANGUAGES if key in MODULES)


class NoDriverError(LookupError):
    """The language has no driver for function-style problems (yet)."""


def _module(language: str) -> ModuleType:
    try:
        return MODULES[language]
    except KeyError:
        raise NoDriverError(
            f"language {language!r} cannot be used for function-style problems "
            f"(those with a driver: {', '.join(LANGUAGES_WITH_DRIVERS)})"
        ) from None


def stub(signature: Signature, language: str) -> str:
    """The code a user starts from in `language`."""
    text: str = _module(language).stub(signature)
    return text


def program(signature: Signature, language: str, source: str) -> str:
    """The user's `source` wrapped with the generated driver: one program of `language`."""
    text: str = _module(language).program(signature, source)
    return text


__all__ = ["LANGUAGES_WITH_DRIVERS", "MODULES", "NoDriverError", "program", "stub"]
