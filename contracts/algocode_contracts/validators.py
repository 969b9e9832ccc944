"""Read what a package says beyond the default validator: its own output validator and its scored groups.

Two layouts of the Kattis problem package format are read (docs/problem-format.md#output-validators):

- legacy: `validation: custom [score]` in problem.yaml and the program in `output_validators/<name>/` (or
  one file `output_validators/<name>.cpp`); `type: scoring` with `testdata.yaml` per group in the legacy
  keys (`accept_score`, `grader_flags`, `on_reject`);
- 2023-07 (`problem_format_version: 2023-07`): the program in `output_validator/`; `type: scoring` with
  `testdata.yaml` `scoring: {score, aggregation}` per group.

A validator is a single C, C++ or Python 3 file, several C or C++ files compiled together (headers beside
them), or Python files with a `__main__.py`. `build`/`run` scripts are refused: they would run staff
shell code with the host's tools outside our language records (docs/adr/0140-output-validators.md).
Everything here is pure parsing: every problem raises `PackageError` naming the file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from algocode_contracts.messages import OutputValidator, TestGroup

# A validator's sources travel in every job of the problem: bounded, plain names only.
MAX_VALIDATOR_FILES = 32
MAX_VALIDATOR_FILE_BYTES = 512 * 1024
MAX_VALIDATOR_BYTES = 2 * 1024 * 1024
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]{0,99}")
_C_SOURCES = (".c",)
_CPP_SOURCES = (".cpp", ".cc", ".cxx", ".c++")
_HEADERS = (".h", ".hpp", ".hh", ".hxx", ".inc")
_IGNORED = re.compile(r"(?i)^(readme.*|.*\.(md|txt)|\..*)$")  # documentation beside the program
DEFAULT_SECRET_SCORE = 100.0  # 2023-07: the `secret` group is worth 100 unless it says otherwise
VERSION_2023 = ("2023-07", "2023-07-draft")
_2023_IGNORED_KEYS = {"input_validator_args", "full_feedback", "hint", "description", "static_validation"}
_LEGACY_KEYS = {
    "on_reject",
    "grading",
    "grader_flags",
    "input_validator_flags",
    "output_validator_flags",
    "accept_score",
    "reject_score",
    "range",
}


class PackageError(Exception):
    """The package is broken; the message names the file and the problem (re-exported by package.py)."""


@dataclass(frozen=True, slots=True)
class ProblemKind:
    """What problem.yaml says about judging: the layout, custom validation, scoring."""

    modern: bool  # 2023-07 layout (output_validator/, testdata.yaml `scoring:`)
    custom: bool  # the problem brings its own output validator
    score: bool  # the validator may write score.txt
    scoring: bool  # scored groups instead of pass/fail


def problem_kind(root: Path, data: dict[str, Any]) -> ProblemKind:
    version = str(data.get("problem_format_version", "legacy"))
    if version not in ("legacy", *VERSION_2023):
        raise PackageError(
            f"problem.yaml: problem_format_version {version!r}: only legacy and 2023-07 are read"
        )
    modern = version in VERSION_2023
    kinds = data.get("type", "pass-fail")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise PackageError("problem.yaml: type must be a word or a list of words")
    unknown = set(kinds) - {"pass-fail", "scoring"}
    if unknown:
        raise PackageError(f"problem.yaml: type {sorted(unknown)}: only pass-fail and scoring are supported")
    scoring = "scoring" in kinds
    if scoring and "pass-fail" in kinds:
        raise PackageError("problem.yaml: type: pass-fail and scoring exclude each other")
    grading = data.get("grading")
    if grading is not None:
        if not scoring or not isinstance(grading, dict):
            raise PackageError("problem.yaml: grading is a mapping, for scoring problems only")
        if grading.get("objective", "max") != "max":
            raise PackageError("problem.yaml: grading.objective: only max is supported")
    if modern:
        if "validation" in data:
            raise PackageError("problem.yaml: 2023-07 has no validation key (an output_validator/ says it)")
        custom = (root / "output_validator").exists()
        return ProblemKind(modern=True, custom=custom, score=custom and scoring, scoring=scoring)
    validation = data.get("validation", "default")
    words = validation.split() if isinstance(validation, str) else []
    if not words or words[0] not in ("default", "custom") or not set(words[1:]) <= {"score", "interactive"}:
        raise PackageError(
            f"problem.yaml: validation {validation!r}: "
            "one of default, custom, custom score, custom interactive"
        )
    if "interactive" in words:
        raise PackageError(
            "problem.yaml: validation custom interactive: interactive problems are not read here"
        )
    custom = words[0] == "custom"
    if words[0] == "default" and len(words) > 1:
        raise PackageError(f"problem.yaml: validation {validation!r}: score needs a custom validator")
    if "score" in words and not scoring:
        raise PackageError("problem.yaml: validation custom score is for type: scoring problems only")
    return ProblemKind(modern=False, custom=custom, score="score" in words, scoring=scoring)


def _program_dir(root: Path, kind: ProblemKind) -> Path:
    """The validator program's directory (a single file stands for a directory holding only it)."""
    if kind.modern:
        path = root / "output_validator"
        if not path.is_dir():
            raise PackageError("output_validator: must be a directory holding the validator's sources")
        return path
    folder = root / "output_validators"
    if not folder.is_dir():
        raise PackageError("problem.yaml: validation custom but there is no output_validators/ directory")
    programs = [p for p in folder.iterdir() if not _IGNORED.match(p.name)]
    if len(programs) != 1:
        raise PackageError(
            f"output_validators/: exactly one validator program is supported, found {len(programs)}"
        )
    return programs[0]


def read_validator(root: Path, kind: ProblemKind, flags: str) -> OutputValidator | None:
    """The problem's output validator, or None when it uses the default one."""
    if not kind.custom:
        return None
    program = _program_dir(root, kind)
    paths = [program] if program.is_file() else sorted(program.iterdir(), key=lambda p: p.name)
    relative = program.relative_to(root)
    if any(path.name in ("build", "run") for path in paths):
        raise PackageError(
            f"{relative}: build/run scripts are not supported; give the validator as C, C++ or Python sources"
        )
    files: dict[str, str] = {}
    for path in paths:
        if _IGNORED.match(path.name):
            continue
        if not path.is_file() or path.is_symlink():
            raise PackageError(f"{path.relative_to(root)}: a validator is a flat set of regular files")
        if not _NAME.fullmatch(path.name):
            raise PackageError(f"{path.relative_to(root)}: file name must be letters, digits and ._+-")
        if path.stat().st_size > MAX_VALIDATOR_FILE_BYTES:
            raise PackageError(f"{path.relative_to(root)}: larger than {MAX_VALIDATOR_FILE_BYTES} bytes")
        try:
            files[path.name] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise PackageError(f"{path.relative_to(root)}: not UTF-8 text") from None
    if len(files) > MAX_VALIDATOR_FILES or sum(len(text) for text in files.values()) > MAX_VALIDATOR_BYTES:
        raise PackageError(
            f"{relative}: more than {MAX_VALIDATOR_FILES} files or {MAX_VALIDATOR_BYTES} bytes"
        )
    return OutputValidator(
        language=validator_language(files, str(relative)), files=files, flags=flags.split(), score=kind.score
    )


def validator_language(files: dict[str, str], where: str) -> str:
    """c, cpp or python3 from the file names; raises PackageError for anything else."""
    suffixes = {Path(name).suffix.lower() for name in files}
    unknown = suffixes - {".py", *_C_SOURCES, *_CPP_SOURCES, *_HEADERS}
    if unknown:
        raise PackageError(
            f"{where}: cannot build a validator from {sorted(unknown)} files (C, C++ or Python)"
        )
    if ".py" in suffixes:
        if suffixes != {".py"}:
            raise PackageError(f"{where}: a Python validator cannot be mixed with C or C++ files")
        if len(files) > 1 and "__main__.py" not in files:
            raise PackageError(f"{where}: several Python files need a __main__.py (the entry point)")
        return "python3"
    if suffixes & set(_CPP_SOURCES):
        return "cpp"
    if suffixes & set(_C_SOURCES):
        return "c"
    raise PackageError(f"{where}: no source file (.c, .cpp or .py)")


def _load_yaml(path: Path, root: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackageError(f"{path.relative_to(root)}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackageError(f"{path.relative_to(root)}: must be a mapping")
    return data


def _number(value: Any, where: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise PackageError(f"{where}: {what} must be a number >= 0, not {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class _Dir:
    name: str  # "secret/group1"
    path: Path
    tests: list[str]  # test names in judging order


def read_groups(root: Path, kind: ProblemKind, secret_tests: list[str]) -> tuple[TestGroup, ...]:
    """The scored groups of a scoring problem: one per directory under data/secret/ (or `secret` itself)."""
    if not kind.scoring:
        for found in (root / "data").rglob("testdata.yaml") if (root / "data").is_dir() else ():
            data = _load_yaml(found, root)
            if "scoring" in data or set(data) & {"accept_score", "reject_score", "range", "grader_flags"}:
                raise PackageError(f"{found.relative_to(root)}: scores are for type: scoring problems only")
        return ()
    for found in (root / "data").rglob("test_group.yaml"):
        raise PackageError(
            f"{found.relative_to(root)}: test_group.yaml (2025-09) is not read; use testdata.yaml"
        )
    secret = root / "data" / "secret"
    if not secret_tests:
        raise PackageError("data/secret: a scoring problem needs secret tests")
    direct = [name for name in secret_tests if name.count("/") == 1]
    subdirs = sorted({name.split("/")[1] for name in secret_tests if name.count("/") > 1})
    if direct and subdirs:
        raise PackageError("data/secret: holds both tests and groups; put every test in a group")
    if subdirs:
        dirs = [
            _Dir(f"secret/{sub}", secret / sub, [n for n in secret_tests if n.startswith(f"secret/{sub}/")])
            for sub in subdirs
        ]
    else:
        dirs = [_Dir("secret", secret, list(secret_tests))]
    for found in secret.rglob("testdata.yaml"):
        if found.parent != secret and found.parent.parent != secret:
            raise PackageError(f"{found.relative_to(root)}: groups inside groups are not supported")
    if kind.modern:
        return _groups_2023(root, secret, dirs)
    return _groups_legacy(root, secret, dirs)


def _scoring_map(path: Path, root: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = _load_yaml(path, root)
    where = str(path.relative_to(root))
    unknown = set(data) - {"scoring", "output_validator_args", *_2023_IGNORED_KEYS}
    if unknown:
        raise PackageError(f"{where}: unknown keys {sorted(unknown)}")
    if data.get("output_validator_args"):
        raise PackageError(
            f"{where}: output_validator_args per group are not supported (use validator_flags)"
        )
    scoring = data.get("scoring") or {}
    if not isinstance(scoring, dict) or set(scoring) - {"score", "aggregation", "require-pass"}:
        raise PackageError(f"{where}: scoring must be a mapping of score and aggregation")
    if "require-pass" in scoring:
        raise PackageError(f"{where}: scoring.require-pass is not supported")
    if scoring.get("score") == "unbounded":
        raise PackageError(f"{where}: unbounded scores are not supported")
    if "score" in scoring:
        scoring["score"] = _number(scoring["score"], where, "scoring.score")
    if scoring.get("aggregation", "sum") not in ("pass-fail", "sum", "min"):
        raise PackageError(f"{where}: scoring.aggregation must be pass-fail, sum or min")
    return scoring


def _groups_2023(root: Path, secret: Path, dirs: list[_Dir]) -> tuple[TestGroup, ...]:
    top = _scoring_map(secret / "testdata.yaml", root)
    total = top.get("score", DEFAULT_SECRET_SCORE)
    if top.get("aggregation", "sum") != "sum":
        raise PackageError("data/secret/testdata.yaml: only sum aggregation of the secret group is supported")
    if len(dirs) == 1 and dirs[0].path == secret:
        # No groups: secret is the one group (its tests share the points).
        return (
            TestGroup(
                name="secret", tests=dirs[0].tests, max_score=total, aggregation="sum", on_reject="continue"
            ),
        )
    maps = [_scoring_map(d.path / "testdata.yaml", root) for d in dirs]
    given = sum(m["score"] for m in maps if "score" in m)
    unscored = sum("score" not in m for m in maps)
    if given > total + 1e-9:
        raise PackageError(f"data/secret: the groups' scores add up to {given:g}, more than {total:g}")
    share = (total - given) / unscored if unscored else 0.0
    groups = []
    for d, m in zip(dirs, maps, strict=True):
        aggregation = m.get("aggregation", "pass-fail")
        groups.append(
            TestGroup(
                name=d.name,
                tests=d.tests,
                max_score=m.get("score", share),
                aggregation=aggregation,
                # Under sum, every test counts; under min and pass-fail one rejection decides the group.
                on_reject="continue" if aggregation == "sum" else "break",
            )
        )
    return tuple(groups)


def _legacy_settings(root: Path, chain: list[Path]) -> dict[str, Any]:
    """testdata.yaml keys inherited down `chain` (data/, data/secret/, the group), nearest wins."""
    merged: dict[str, Any] = {}
    for directory in chain:
        path = directory / "testdata.yaml"
        if not path.is_file():
            continue
        data = _load_yaml(path, root)
        where = str(path.relative_to(root))
        unknown = set(data) - _LEGACY_KEYS
        if unknown:
            raise PackageError(f"{where}: unknown keys {sorted(unknown)}")
        if data.get("output_validator_flags"):
            raise PackageError(f"{where}: output_validator_flags per group are not supported")
        if data.get("grading", "default") != "default":
            raise PackageError(f"{where}: grading: custom (a grader program) is not supported")
        if "range" in data:
            raise PackageError(f"{where}: range is not supported")
        if "reject_score" in data and _number(data["reject_score"], where, "reject_score") != 0:
            raise PackageError(f"{where}: reject_score other than 0 is not supported")
        if "accept_score" in data:
            data["accept_score"] = _number(data["accept_score"], where, "accept_score")
        if data.get("on_reject", "break") not in ("break", "continue"):
            raise PackageError(f"{where}: on_reject must be break or continue")
        flags = data.get("grader_flags", "")
        if not isinstance(flags, str) or set(flags.split()) - {"sum", "min", "first_error", "worst_error"}:
            raise PackageError(
                f"{where}: grader_flags: only sum, min, first_error and worst_error are supported"
            )
        merged.update(data)
    return merged


def _groups_legacy(root: Path, secret: Path, dirs: list[_Dir]) -> tuple[TestGroup, ...]:
    groups = []
    for d in dirs:
        chain = [root / "data", secret] + ([d.path] if d.path != secret else [])
        settings = _legacy_settings(root, chain)
        modes = [w for w in str(settings.get("grader_flags", "")).split() if w in ("sum", "min")]
        aggregation: Literal["sum", "min"] = "min" if modes and modes[-1] == "min" else "sum"  # last wins
        points = settings.get("accept_score", 1.0)
        groups.append(
            TestGroup(
                name=d.name,
                tests=d.tests,
                max_score=points * (len(d.tests) if aggregation == "sum" else 1),
                aggregation=aggregation,
                on_reject=settings.get("on_reject", "break"),
                score_file="points",
            )
        )
    return tuple(groups)


def check_validator(validator: OutputValidator) -> None:
    """The bounds `read_validator` applies to a package, for a validator that arrives another way (the
    staff API): plain file names, sizes, and a language that matches the files."""
    files = validator.files
    if not files or len(files) > MAX_VALIDATOR_FILES:
        raise PackageError(f"validator: 1 to {MAX_VALIDATOR_FILES} files")
    for name, text in files.items():
        if not _NAME.fullmatch(name) or name in ("build", "run"):
            raise PackageError(f"validator: {name!r} is not a plain source file name")
        if len(text.encode("utf-8", "surrogatepass")) > MAX_VALIDATOR_FILE_BYTES:
            raise PackageError(f"validator: {name} is larger than {MAX_VALIDATOR_FILE_BYTES} bytes")
    if sum(len(text) for text in files.values()) > MAX_VALIDATOR_BYTES:
        raise PackageError(f"validator: more than {MAX_VALIDATOR_BYTES} bytes in all")
    language = validator_language(files, "validator")
    if language != validator.language:
        raise PackageError(f"validator: the files are {language}, not {validator.language}")
    if validator.interactive:
        raise PackageError("validator: interactive validators are not accepted here")
