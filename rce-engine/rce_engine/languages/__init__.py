"""The languages the judge speaks, one declarative module each, in a registry keyed by language key.

The keys are exactly `algocode_contracts.LANGUAGES` (the job queues' routing keys), in its order; an
import-time check keeps the two in step. Extensions come from the contract too (`EXTENSIONS`).
"""

from __future__ import annotations

import glob
from pathlib import PurePath

from algocode_contracts import LANGUAGES, language_for_filename
from rce_engine.languages.base import COMPILE_LIMITS, CompileStep, Language, PrecompiledHeader, RunSpec
from rce_engine.languages.c import C
from rce_engine.languages.cpp import CPP
from rce_engine.languages.cpp20 import CPP20
from rce_engine.languages.csharp import CSHARP
from rce_engine.languages.go import GO
from rce_engine.languages.haskell import HASKELL
from rce_engine.languages.java import JAVA
from rce_engine.languages.javascript import JAVASCRIPT
from rce_engine.languages.php import PHP
from rce_engine.languages.pypy3 import PYPY3
from rce_engine.languages.python import PYTHON
from rce_engine.languages.ruby import RUBY
from rce_engine.languages.rust import RUST
from rce_engine.languages.typescript import TYPESCRIPT

_ALL = (CPP, C, PYTHON, JAVA, CPP20, PYPY3, GO, RUST, JAVASCRIPT, TYPESCRIPT, CSHARP, RUBY, PHP, HASKELL)
REGISTRY: dict[str, Language] = {
    key: next(language for language in _ALL if language.key == key) for key in LANGUAGES
}

if len(_ALL) != len(REGISTRY):  # pragma: no cover - a packaging mistake
    raise ImportError(f"languages {sorted(lang.key for lang in _ALL)} differ from the contract's {LANGUAGES}")


class UnknownLanguageError(LookupError):
    pass


def get_language(key: str) -> Language:
    try:
        return REGISTRY[key]
    except KeyError:
        raise UnknownLanguageError(f"unknown language {key!r}; known: {', '.join(REGISTRY)}") from None


def language_for_path(path: str | PurePath) -> Language:
    """The language a file name means (`.cpp` → C++17, `x.cpp20.cpp` → C++20), for the CLI and packages."""
    key = language_for_filename(path)
    if key is None:
        raise UnknownLanguageError(
            f"no language for extension {PurePath(path).suffix or '(none)'!r} of {path}"
        )
    return REGISTRY[key]


def host_paths() -> tuple[tuple[str, str], ...]:
    """Every (host path, box path) some language needs bound in the box (globs expanded, existing only)."""
    found: dict[tuple[str, str], None] = {}
    for language in REGISTRY.values():
        for entry in language.host_paths:
            if isinstance(entry, tuple):
                if glob.glob(entry[0]):
                    found[entry] = None
                continue
            found.update(dict.fromkeys((path, path) for path in sorted(glob.glob(entry))))
    return tuple(found)


__all__ = [
    "COMPILE_LIMITS",
    "REGISTRY",
    "CompileStep",
    "Language",
    "PrecompiledHeader",
    "RunSpec",
    "UnknownLanguageError",
    "get_language",
    "host_paths",
    "language_for_path",
]
