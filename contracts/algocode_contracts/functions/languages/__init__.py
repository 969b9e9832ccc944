"""Per-language stubs and drivers of function-style problems: one module per language id, each with
`stub(signature) -> str` (what the user starts from) and `program(signature, source) -> str` (the user's
code and a generated driver as one source file the language's judge module compiles as is).

The wire the drivers speak is `algocode_contracts.functions.codec`; docs/function-languages.md describes
each language's conventions.
"""

from __future__ import annotations

from types import ModuleType

from algocode_contracts.functions.languages import (
    csharp,
    go,
    haskell,
    javascript,
    php,
    ruby,
    rust,
    typescript,
)
from algocode_contracts.functions.signature import Signature

MODULES: dict[str, ModuleType] = {
    "javascript": javascript,
    "typescript": typescript,
    "go": go,
    "csharp": csharp,
    "rust": rust,
    "ruby": ruby,
    "php": php,
    "haskell": haskell,
}

LANGUAGES_WITH_DRIVERS: tuple[str, ...] = tuple(MODULES)


class NoDriverError(LookupError):
    """The language has no stub/driver for function-style problems."""


def _module(language: str) -> ModuleType:
    try:
        return MODULES[language]
    except KeyError:
        raise NoDriverError(f"no function-style driver for language {language!r}") from None


def stub(signature: Signature, language: str) -> str:
    result: str = _module(language).stub(signature)
    return result


def program(signature: Signature, language: str, source: str) -> str:
    result: str = _module(language).program(signature, source)
    return result
