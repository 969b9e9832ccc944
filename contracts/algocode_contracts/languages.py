"""The languages the platform judges and the file names that mean them, in one place.

Every service takes its facts from here: the job queues (one per id), the code manager's API (the ids it
accepts, `GET /api/v1/languages/`), the problem importer and `verify` (which language a file under
`submissions/` is), the judge's CLI (the default `--lang`) and `bench/load.py`.

Ids are public (API, queues, problem packages). Python 3's id is `python3` and PyPy's `pypy3` (the issue
"Fourteen languages"); the first release's `python` is still accepted where users send an id (the submit
and run APIs, problem.yaml `languages`, the staff API's reference, the judge's `--lang`) through
LANGUAGE_ALIASES and `canonical_language()`, and is never stored or queued (ADR 0112).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import PurePath
from typing import Any, Final

# In the order clients list them (`GET /api/v1/languages/`).
LANGUAGES: Final = (
    "cpp",
    "c",
    "python3",
    "java",
    "cpp20",
    "pypy3",
    "go",
    "rust",
    "javascript",
    "typescript",
    "csharp",
    "ruby",
    "php",
    "haskell",
)

# Extensions of each language, the primary first. Where two languages share an extension, the first in
# LANGUAGES is the default (`.cpp` is C++17, `.py` is Python 3); the other is chosen by a second suffix
# naming its id: `sol.cpp20.cpp` is C++20, `sol.pypy3.py` is PyPy.
EXTENSIONS: Final[dict[str, tuple[str, ...]]] = {
    "cpp": (".cpp", ".cc", ".cxx"),
    "c": (".c",),
    "python3": (".py",),
    "java": (".java",),
    "cpp20": (".cpp", ".cc", ".cxx"),
    "pypy3": (".py",),
    "go": (".go",),
    "rust": (".rs",),
    "javascript": (".js",),
    "typescript": (".ts",),
    "csharp": (".cs",),
    "ruby": (".rb",),
    "php": (".php",),
    "haskell": (".hs",),
}

if tuple(EXTENSIONS) != LANGUAGES:  # pragma: no cover - an editing mistake
    raise ImportError("EXTENSIONS must list exactly LANGUAGES, in the same order")

# Old ids users may still send, and the id each means. Only inputs are translated: what is stored, queued
# and listed (`GET /api/v1/languages/`) is always an id of LANGUAGES.
LANGUAGE_ALIASES: Final[dict[str, str]] = {"python": "python3"}

if set(LANGUAGE_ALIASES) & set(LANGUAGES) or not set(LANGUAGE_ALIASES.values()) <= set(LANGUAGES):
    raise ImportError("LANGUAGE_ALIASES must map names that are not ids to ids")  # pragma: no cover


def canonical_language(name: str) -> str | None:
    """The language id a user's name for it means (`python3`, `Python` → python3), None when none:
    surrounding blanks and case are ignored, and an alias becomes its id."""
    key = name.strip().lower()
    key = LANGUAGE_ALIASES.get(key, key)
    return key if key in LANGUAGES else None


def language_for_filename(name: str | PurePath) -> str | None:
    """The language id a file name means (`sol.cpp` → cpp, `sol.cpp20.cpp` → cpp20), None when none."""
    suffixes = [suffix.lower() for suffix in PurePath(name).suffixes]
    if not suffixes:
        return None
    extension = suffixes[-1]
    if len(suffixes) >= 2:
        variant = suffixes[-2][1:]
        variant = LANGUAGE_ALIASES.get(variant, variant)
        if extension in EXTENSIONS.get(variant, ()):
            return variant
    return next((key for key in LANGUAGES if extension in EXTENSIONS[key]), None)


@functools.cache
def language_catalog() -> tuple[dict[str, Any], ...]:
    """Each language's id, name, toolchain version, extensions, compile and run commands, in LANGUAGES'
    order: `languages.json`, written by the judge (`make languages-json`, i.e. `algocode-judge languages
    --json`) so that the code manager can serve it without importing the judge. The judge's tests keep
    the file equal to what the judge really runs."""
    text = resources.files("algocode_contracts").joinpath("languages.json").read_text(encoding="utf-8")
    catalog = tuple(json.loads(text))
    if [entry["id"] for entry in catalog] != list(LANGUAGES):  # pragma: no cover - a stale file
        raise RuntimeError("languages.json does not list LANGUAGES in order: run `make languages-json`")
    return catalog
