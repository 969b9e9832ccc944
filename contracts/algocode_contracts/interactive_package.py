"""Read an interactive problem's validator from a package: legacy `validation: custom interactive` with
`output_validators/<name>/`, or 2023-07 `type: interactive` with `output_validator/`.

Only what interactive problems need (vinter's part of issue 11); vcheck's general validator reader
(`validation: custom`, scoring) is the one to keep when both are merged: its result is the same
`OutputValidator` with `interactive=True`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from algocode_contracts.languages import language_for_filename
from algocode_contracts.messages import OutputValidator

# A validator is staff code, but it travels in every job: keep it small.
MAX_VALIDATOR_FILES = 16
MAX_VALIDATOR_BYTES = 512 * 1024
VALIDATOR_LANGUAGES = frozenset({"c", "cpp", "python3"})
# Files beside the main source that are not programs themselves.
HELPER_SUFFIXES = (".h", ".hpp", ".hh", ".txt")


class InteractivePackageError(ValueError):
    """What is wrong with the interactive part of the package (package.py turns it into PackageError)."""


def is_interactive(data: dict[str, Any]) -> bool:
    """problem.yaml makes the problem interactive (either format's spelling)."""
    validation = data.get("validation", "default")
    words = validation.split() if isinstance(validation, str) else []
    legacy = words[:1] == ["custom"] and "interactive" in words[1:]
    kind = data.get("type")
    kinds = kind.split() if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return legacy or "interactive" in kinds


def read_interactive_validator(root: Path, data: dict[str, Any]) -> OutputValidator | None:
    """The package's interactive validator, None when the problem is not interactive."""
    if not is_interactive(data):
        return None
    validation = data.get("validation", "")
    kind = data.get("type")
    if (isinstance(validation, str) and "score" in validation.split()) or (
        kind is not None and "scoring" in (kind.split() if isinstance(kind, str) else kind)
    ):
        raise InteractivePackageError("problem.yaml: interactive scoring problems are not supported")
    directory = _validator_dir(root)
    files: dict[str, str] = {}
    total = 0
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.is_symlink() or not path.is_file():
            raise InteractivePackageError(f"{path.relative_to(root)}: not a regular file")
        raw = path.read_bytes()
        total += len(raw)
        try:
            files[path.name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InteractivePackageError(f"{path.relative_to(root)}: not UTF-8 text") from None
    if not files:
        raise InteractivePackageError(f"{directory.relative_to(root)}: no validator source")
    if len(files) > MAX_VALIDATOR_FILES or total > MAX_VALIDATOR_BYTES:
        raise InteractivePackageError(
            f"{directory.relative_to(root)}: at most {MAX_VALIDATOR_FILES} files and "
            f"{MAX_VALIDATOR_BYTES // 1024} KiB"
        )
    languages = {
        language
        for name in files
        if not name.lower().endswith(HELPER_SUFFIXES) and (language := language_for_filename(name))
    }
    if len(languages) != 1 or not languages <= VALIDATOR_LANGUAGES:
        found = ", ".join(sorted(str(lang) for lang in languages)) or "none"
        raise InteractivePackageError(
            f"{directory.relative_to(root)}: one validator in C, C++ or Python expected (found: {found})"
        )
    flags = data.get("validator_flags") or ""
    if not isinstance(flags, str):
        raise InteractivePackageError("problem.yaml: validator_flags must be a string")
    return OutputValidator(
        language=languages.pop(), files=files, flags=flags.split(), interactive=True, score=False
    )


def _validator_dir(root: Path) -> Path:
    """`output_validator/` (2023-07), else the one program under `output_validators/` (legacy)."""
    modern = root / "output_validator"
    if modern.is_dir():
        return modern
    legacy = root / "output_validators"
    if not legacy.is_dir():
        raise InteractivePackageError(
            "an interactive problem needs its validator in output_validator/ or output_validators/<name>/"
        )
    programs = [p for p in legacy.iterdir() if not p.name.startswith(".")]
    if len(programs) == 1 and programs[0].is_dir():
        return programs[0]
    if programs and all(p.is_file() for p in programs):
        return legacy  # a single-file validator directly in output_validators/
    raise InteractivePackageError("output_validators/: exactly one validator (a directory) expected")
