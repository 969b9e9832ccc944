"""Read a problem package in the ICPC / Kattis format into typed models (pure: no judge, no database).

    problem.yaml                 name, limits {time_limit (s), memory (MiB), output (MiB)}, validator_flags,
                                 and Algocode's optional keys: uuid, algocode {difficulty, tags, constraints},
                                 languages (the ids a submission may use; absent: every language)
    .timelimit                   legacy time limit in seconds, when limits.time_limit is absent
    problem_statement/problem.md the statement in Markdown (optional)
    data/sample/*.in|.ans        sample tests, shown to users; data/secret/**/*.in|.ans hidden tests (bytes:
                                 any encoding, any size; read when judged, ADR 0150)
    submissions/<verdict>/*      example solutions with the verdict they must get
    output_validator(s)/, type: scoring, testdata.yaml   a custom validator and scored groups
                                 (algocode_contracts.validators)

A problem setter, the judge's CLI and the code manager's importer all read packages through this module.
Every problem with the package raises `PackageError` with the path and what is wrong.
"""

from __future__ import annotations

import math
import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from algocode_contracts.functions.problem import (
    SIGNATURE_KEYS,
    FunctionPackageError,
    check_tests,
    read_signature,
)
from algocode_contracts.functions.signature import Signature, parse_signature
from algocode_contracts.interactive_package import InteractivePackageError, read_interactive_validator
from algocode_contracts.languages import LANGUAGES, canonical_language, language_for_filename
from algocode_contracts.messages import (
    CheckerSettings,
    JobKind,
    JudgeLimits,
    OutputValidator,
    SubmissionCreated,
    TestCase,
    TestGroup,
)
from algocode_contracts.testdata import (
    INLINE_TEST_BYTES,
    BlobRef,
    InlineBudget,
    blob_ref_of_file,
    display_text,
    utf8_or_none,
)
from algocode_contracts.validators import PackageError as PackageError
from algocode_contracts.validators import problem_kind, read_groups, read_validator

# Kattis' defaults when problem.yaml says nothing.
DEFAULT_TIME_LIMIT_S = 1.0
DEFAULT_MEMORY_MIB = 2048
DEFAULT_OUTPUT_MIB = 8
# uuid5 namespace for packages without a `uuid:` (the id is then derived from the directory name).
PACKAGE_NAMESPACE = uuid.UUID("6a1f3c2e-8f0e-4d7b-9b1a-5c4e2d9f7a10")
STATEMENT_PATHS = (
    "problem_statement/problem.md",
    "problem_statement/problem.en.md",
    "statement/problem.en.md",
)


class ExpectedVerdict(StrEnum):
    """The `submissions/` folder names and what each demands of the files inside."""

    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    RUN_TIME_ERROR = "run_time_error"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    COMPILE_ERROR = "compile_error"

    @property
    def verdicts(self) -> frozenset[str]:
        """The `Verdict` values that satisfy this folder (a run-time error may show as MLE)."""
        return _ACCEPTS[self]


_ACCEPTS = {
    ExpectedVerdict.ACCEPTED: frozenset({"AC"}),
    ExpectedVerdict.WRONG_ANSWER: frozenset({"WA"}),
    ExpectedVerdict.TIME_LIMIT_EXCEEDED: frozenset({"TLE"}),
    ExpectedVerdict.RUN_TIME_ERROR: frozenset({"RE", "MLE"}),
    ExpectedVerdict.MEMORY_LIMIT_EXCEEDED: frozenset({"MLE"}),
    ExpectedVerdict.OUTPUT_LIMIT_EXCEEDED: frozenset({"OLE"}),
    ExpectedVerdict.COMPILE_ERROR: frozenset({"CE"}),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProblemLimits(_Model):
    time_limit_s: float = Field(gt=0, le=30)
    memory_mib: int = Field(ge=4, le=4096)
    output_mib: int = Field(ge=1, le=256)


class PackageTest(_Model):
    """One test: its files are read when needed (bytes, any encoding: ADR 0150), never all at once."""

    name: str  # "sample/1", "secret/group1/03"
    input_path: Path
    answer_path: Path
    sample: bool

    def input_bytes(self) -> bytes:
        return self.input_path.read_bytes()

    def answer_bytes(self) -> bytes:
        return self.answer_path.read_bytes()

    @property
    def input(self) -> str:
        """The input as shown to people (invalid UTF-8 as U+FFFD); judging uses the bytes."""
        return display_text(self.input_bytes())

    @property
    def answer(self) -> str:
        return display_text(self.answer_bytes())

    def job_test(self, budget: InlineBudget) -> TestCase:
        """This test in a job: inline when `budget` takes it (small UTF-8), else by reference."""
        return job_test_from_files(self.name, self.input_path, self.answer_path, self.sample, budget)


class PackageSubmission(_Model):
    path: Path
    expected: ExpectedVerdict

    @property
    def language(self) -> str | None:
        """The language id the file name means (`sol.cpp20.cpp` → cpp20), None for an unknown one."""
        return language_for_filename(self.path.name)


class ProblemPackage(_Model):
    root: Path
    short_name: str  # the directory name: "sqrt-x"
    id: uuid.UUID  # `uuid:` from problem.yaml, else derived from short_name
    name: str
    statement: str | None
    limits: ProblemLimits
    checker: CheckerSettings
    difficulty: int | None = Field(default=None, ge=1, le=5)
    tags: tuple[str, ...] = ()
    constraints: str | None = None
    # The language ids a submission may use (problem.yaml `languages`); every language when absent.
    languages: tuple[str, ...] = LANGUAGES
    samples: tuple[PackageTest, ...]
    secret: tuple[PackageTest, ...]
    submissions: tuple[PackageSubmission, ...]
    # validation: custom (algocode_contracts.validators) or custom interactive (interactive_package)
    validator: OutputValidator | None = None
    groups: tuple[TestGroup, ...] = ()  # a scoring problem's groups; empty: pass/fail
    # A function-style problem's signature (`algocode.function` / `algocode.design`) in its to_dict() form;
    # None for a stdin problem. See functions/ and docs/problem-format.md.
    function: dict[str, Any] | None = None

    @property
    def signature(self) -> Signature | None:
        return parse_signature(self.function)

    @property
    def tests(self) -> tuple[PackageTest, ...]:
        """Every test in judging order: samples first, then the secret ones."""
        return self.samples + self.secret

    def judge_limits(self) -> JudgeLimits:
        return JudgeLimits(
            time_limit_ms=max(50, round(self.limits.time_limit_s * 1000)),
            memory_limit_kib=self.limits.memory_mib * 1024,
            output_limit_kib=self.limits.output_mib * 1024,
        )

    def to_job(
        self,
        *,
        language: str,
        source: str,
        submission_id: uuid.UUID | None = None,
        stop_on_first_failure: bool = True,
    ) -> SubmissionCreated:
        """A `submission.created/v1` job judging `source` against every test of this package.

        Big or non-UTF-8 tests go by reference: judge it with `blob_paths()` as the test data source."""
        budget = InlineBudget()
        return SubmissionCreated(
            submission_id=submission_id or uuid.uuid4(),
            kind=JobKind.SUBMIT,
            language=language,
            source=source,
            limits=self.judge_limits(),
            checker=self.checker,
            tests=[test.job_test(budget) for test in self.tests],
            stop_on_first_failure=stop_on_first_failure,
            created_at=datetime.now(UTC),
            validator=self.validator,
            groups=list(self.groups) or None,
            function=self.function,
        )

    def blob_paths(self) -> dict[str, Path]:
        """sha256 → file of every test file: where a judge reading this package finds the referenced bytes."""
        paths: dict[str, Path] = {}
        for test in self.tests:
            for path in (test.input_path, test.answer_path):
                paths.setdefault(file_ref(path).sha256, path)
        return paths


_REFS: dict[tuple[Path, int, int], BlobRef] = {}


def file_ref(path: Path) -> BlobRef:
    """The file's BlobRef, hashed once per (path, size, mtime) in this process."""
    stat = path.stat()
    key = (path, stat.st_size, stat.st_mtime_ns)
    ref = _REFS.get(key)
    if ref is None:
        ref = _REFS[key] = blob_ref_of_file(path)
    return ref


def job_test_from_files(
    name: str, input_path: Path, answer_path: Path, sample: bool, budget: InlineBudget
) -> TestCase:
    """A job's test for two files: inline text when small UTF-8 and within `budget`, else BlobRefs."""
    texts: list[str | None] = [None, None]
    for index, path in enumerate((input_path, answer_path)):
        if path.stat().st_size <= INLINE_TEST_BYTES:
            texts[index] = utf8_or_none(path.read_bytes())
    if budget.take(texts[0], texts[1]):
        return TestCase(name=name, input=texts[0] or "", answer=texts[1] or "", sample=sample)
    return TestCase(
        name=name,
        input="",
        answer="",
        sample=sample,
        input_ref=file_ref(input_path),
        answer_ref=file_ref(answer_path),
    )


def natural_key(text: str) -> list[Any]:
    """Sort key that puts "2" before "10" ("test2.in" < "test10.in")."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def parse_validator_flags(flags: str) -> CheckerSettings:
    """`validator_flags` ("case_sensitive float_tolerance 1e-6") → checker settings."""
    words = flags.split()
    settings: dict[str, Any] = {}
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("case_sensitive", "space_change_sensitive"):
            settings[word] = True
            index += 1
            continue
        if word in ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"):
            if index + 1 == len(words):
                raise PackageError(f"validator_flags: {word} needs a number")
            try:
                value = float(words[index + 1])
            except ValueError:
                raise PackageError(f"validator_flags: {word} {words[index + 1]!r} is not a number") from None
            if not math.isfinite(value) or value < 0:
                raise PackageError(f"validator_flags: {word} must be a finite number >= 0")
            if word in ("float_tolerance", "float_absolute_tolerance"):
                settings["float_absolute_tolerance"] = value
            if word in ("float_tolerance", "float_relative_tolerance"):
                settings["float_relative_tolerance"] = value
            index += 2
            continue
        raise PackageError(f"validator_flags: unknown flag {word!r}")
    return CheckerSettings(**settings)


def _read_text(path: Path, root: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise PackageError(f"{path.relative_to(root)}: not UTF-8 text") from None
    except OSError as exc:
        raise PackageError(f"{path.relative_to(root)}: cannot read ({exc.strerror})") from None


def _read_yaml(root: Path) -> dict[str, Any]:
    path = root / "problem.yaml"
    if not path.is_file():
        raise PackageError(f"{root}: no problem.yaml (is this a problem package?)")
    try:
        data = yaml.safe_load(_read_text(path, root))
    except yaml.YAMLError as exc:
        raise PackageError(f"problem.yaml: invalid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackageError("problem.yaml: must be a mapping of keys to values")
    return data


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PackageError(f"problem.yaml: {what} must be a number, not {value!r}")
    return float(value)


def _limits(root: Path, data: dict[str, Any]) -> ProblemLimits:
    limits = data.get("limits") or {}
    if not isinstance(limits, dict):
        raise PackageError("problem.yaml: limits must be a mapping")
    if "time_limit" in limits:
        time_limit = _number(limits["time_limit"], "limits.time_limit")
    elif (root / ".timelimit").is_file():
        text = _read_text(root / ".timelimit", root).strip()
        try:
            time_limit = float(text)
        except ValueError:
            raise PackageError(f".timelimit: {text!r} is not a number of seconds") from None
    else:
        time_limit = DEFAULT_TIME_LIMIT_S
    memory = _number(limits.get("memory", DEFAULT_MEMORY_MIB), "limits.memory (MiB)")
    output = _number(limits.get("output", DEFAULT_OUTPUT_MIB), "limits.output (MiB)")
    try:
        return ProblemLimits(time_limit_s=time_limit, memory_mib=int(memory), output_mib=int(output))
    except ValueError as exc:
        raise PackageError(f"problem.yaml: limits out of range: {_first_error(exc)}") from None


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc)


def _tests(root: Path, group: str) -> tuple[PackageTest, ...]:
    directory = root / "data" / group
    if not directory.is_dir():
        return ()
    inputs = sorted(
        (path for path in directory.rglob("*.in") if path.is_file()),
        key=lambda path: natural_key(path.relative_to(directory).as_posix()),
    )
    tests = []
    for path in inputs:
        answer = path.with_suffix(".ans")
        relative = path.relative_to(root)
        if not answer.is_file():
            raise PackageError(f"{relative}: no answer file {answer.name} next to it")
        name = f"{group}/{path.relative_to(directory).with_suffix('').as_posix()}"
        tests.append(PackageTest(name=name, input_path=path, answer_path=answer, sample=group == "sample"))
    for answer in directory.rglob("*.ans"):
        if not answer.with_suffix(".in").is_file():
            raise PackageError(f"{answer.relative_to(root)}: no input file {answer.stem}.in next to it")
    return tuple(tests)


def _submissions(root: Path) -> tuple[PackageSubmission, ...]:
    directory = root / "submissions"
    if not directory.is_dir():
        return ()
    found = []
    for folder in sorted(directory.iterdir(), key=lambda path: path.name):
        if not folder.is_dir():
            continue
        try:
            expected = ExpectedVerdict(folder.name)
        except ValueError:
            known = ", ".join(verdict.value for verdict in ExpectedVerdict)
            raise PackageError(
                f"submissions/{folder.name}: unknown expected verdict (one of {known})"
            ) from None
        for path in sorted(folder.iterdir(), key=lambda path: natural_key(path.name)):
            if path.is_file() and not path.name.startswith("."):
                found.append(PackageSubmission(path=path, expected=expected))
    return tuple(found)


def _languages(data: dict[str, Any]) -> tuple[str, ...]:
    """problem.yaml's optional `languages`: a list of ids, kept in the contract's order."""
    wanted = data.get("languages")
    if wanted is None:
        return LANGUAGES
    if not isinstance(wanted, list) or not wanted or not all(isinstance(key, str) for key in wanted):
        raise PackageError("problem.yaml: languages must be a non-empty list of language ids")
    unknown = sorted(key for key in wanted if canonical_language(key) is None)
    if unknown:
        raise PackageError(f"problem.yaml: unknown languages {unknown} (known: {', '.join(LANGUAGES)})")
    ids = {canonical_language(key) for key in wanted}  # an old alias (`python`) names its id
    return tuple(key for key in LANGUAGES if key in ids)


def _algocode(data: dict[str, Any]) -> dict[str, Any]:
    extra = data.get("algocode") or {}
    if not isinstance(extra, dict):
        raise PackageError("problem.yaml: algocode must be a mapping")
    unknown = set(extra) - {"difficulty", "tags", "constraints", *SIGNATURE_KEYS}
    if unknown:
        raise PackageError(f"problem.yaml: unknown algocode keys {sorted(unknown)}")
    tags = extra.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) and tag for tag in tags):
        raise PackageError("problem.yaml: algocode.tags must be a list of words")
    difficulty = extra.get("difficulty")
    if difficulty is not None and (isinstance(difficulty, bool) or difficulty not in range(1, 6)):
        raise PackageError(f"problem.yaml: algocode.difficulty must be 1 to 5, not {difficulty!r}")
    constraints = extra.get("constraints")
    if constraints is not None and not isinstance(constraints, str):
        raise PackageError("problem.yaml: algocode.constraints must be text")
    try:
        signature = read_signature(extra)
    except FunctionPackageError as exc:
        raise PackageError(str(exc)) from None
    return {
        "difficulty": difficulty,
        "tags": tuple(tags),
        "constraints": constraints,
        "function": None if signature is None else signature.to_dict(),
    }


def _name(data: dict[str, Any], default: str) -> str:
    name = data.get("name", default)
    if isinstance(name, dict):  # the 2023 format: {en: "...", sv: "..."}
        name = name.get("en") or next(iter(name.values()), default)
    if not isinstance(name, str) or not name.strip():
        raise PackageError("problem.yaml: name must be non-empty text")
    return name.strip()


def _problem_id(data: dict[str, Any], short_name: str) -> uuid.UUID:
    if "uuid" not in data:
        return uuid.uuid5(PACKAGE_NAMESPACE, short_name)
    try:
        return uuid.UUID(str(data["uuid"]))
    except ValueError:
        raise PackageError(f"problem.yaml: uuid {data['uuid']!r} is not a UUID") from None


def read_package(path: str | Path) -> ProblemPackage:
    """Read and validate the package at `path` (a directory)."""
    root = Path(path).resolve()
    if not root.is_dir():
        raise PackageError(f"{path}: not a directory")
    data = _read_yaml(root)
    try:
        interactive = read_interactive_validator(root, data)  # interactive problems
    except InteractivePackageError as exc:
        raise PackageError(str(exc)) from None
    kind = None if interactive is not None else problem_kind(root, data)  # custom validators, scoring
    flags = data.get("validator_flags") or ""
    if not isinstance(flags, str):
        raise PackageError("problem.yaml: validator_flags must be a string")
    statement = None
    for candidate in STATEMENT_PATHS:
        if (root / candidate).is_file():
            statement = _read_text(root / candidate, root)
            break
    samples = _tests(root, "sample")
    secret = _tests(root, "secret")
    if not samples and not secret:
        raise PackageError(f"{root.name}: no tests (data/sample/*.in and data/secret/*.in are both empty)")
    algocode = _algocode(data)
    signature = parse_signature(algocode["function"])
    if signature is not None:
        try:
            check_tests(signature, samples + secret)
        except FunctionPackageError as exc:
            raise PackageError(str(exc)) from None
    return ProblemPackage(
        root=root,
        short_name=root.name,
        id=_problem_id(data, root.name),
        name=_name(data, root.name),
        statement=statement,
        limits=_limits(root, data),
        # A custom validator gets validator_flags as its arguments; only the default one parses them.
        checker=CheckerSettings() if kind is None or kind.custom else parse_validator_flags(flags),
        validator=interactive if kind is None else read_validator(root, kind, flags),
        groups=() if kind is None else read_groups(root, kind, [test.name for test in secret]),
        samples=samples,
        secret=secret,
        submissions=_submissions(root),
        languages=_languages(data),
        **algocode,
    )
