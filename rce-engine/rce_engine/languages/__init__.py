"""The languages the judge speaks, one declarative module each, in a registry keyed by language key.

The keys are exactly `algocode_contracts.LANGUAGES` (the job queues' routing keys); an import-time check
keeps the two in step.
"""

from __future__ import annotations

from pathlib import PurePath

from algocode_contracts import LANGUAGES
from rce_engine.languages.base import COMPILE_LIMITS, CompileStep, Language, RunSpec
from rce_engine.languages.c import C
from rce_engine.languages.cpp import CPP
from rce_engine.languages.java import JAVA
from rce_engine.languages.python import PYTHON

REGISTRY: dict[str, Language] = {language.key: language for language in (CPP, C, PYTHON, JAVA)}

if tuple(sorted(REGISTRY)) != tuple(sorted(LANGUAGES)):  # pragma: no cover - a packaging mistake
    raise ImportError(f"languages {sorted(REGISTRY)} differ from the contract's {sorted(LANGUAGES)}")


class UnknownLanguageError(LookupError):
    pass


def get_language(key: str) -> Language:
    try:
        return REGISTRY[key]
    except KeyError:
        raise UnknownLanguageError(f"unknown language {key!r}; known: {', '.join(REGISTRY)}") from None


def language_for_path(path: str | PurePath) -> Language:
    """The language a file's extension means (`.cpp` → C++), for the CLI and package submissions."""
    suffix = PurePath(path).suffix.lower()
    for language in REGISTRY.values():
        if suffix in language.extensions:
            return language
    raise UnknownLanguageError(f"no language for extension {suffix or '(none)'!r} of {path}")


__all__ = [
    "COMPILE_LIMITS",
    "REGISTRY",
    "CompileStep",
    "Language",
    "RunSpec",
    "UnknownLanguageError",
    "get_language",
    "language_for_path",
]
