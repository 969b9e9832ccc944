"""`verify`: judge every file under a package's `submissions/` and compare with its folder's verdict.

As the spec's verifier does where it matters: a custom output validator must compile (checked first, once
per package), and on a scoring problem an accepted submission must also earn the full score.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from algocode_contracts import Verdict
from algocode_contracts.package import ExpectedVerdict, PackageSubmission, ProblemPackage, read_package
from rce_engine.judge import BinaryCache, judge_job_report
from rce_engine.judge.testdata import LocalTestData
from rce_engine.judge.validators import ValidatorBox, ValidatorError
from rce_engine.languages import UnknownLanguageError, language_for_path
from rce_engine.sandbox.base import Sandbox


@dataclass(frozen=True, slots=True)
class VerifyOutcome:
    package: str
    submission: PackageSubmission
    verdict: Verdict | None  # None: could not be judged at all (unknown language, unreadable file)
    message: str
    seconds: float
    score: float | None = None  # scoring problems: the points it earned, of `max_score`
    max_score: float | None = None

    @property
    def ok(self) -> bool:
        if self.verdict is None or self.verdict.value not in self.submission.expected.verdicts:
            return False
        full = self.score is None or self.max_score is None or self.score >= self.max_score
        return full or self.submission.expected is not ExpectedVerdict.ACCEPTED

    def line(self) -> str:
        relative = self.submission.path.relative_to(self.submission.path.parents[1])
        got = self.verdict.value if self.verdict else "—"
        points = "" if self.score is None else f" score {self.score:g}/{self.max_score:g}"
        return (
            f"{'PASS' if self.ok else 'FAIL'} {self.package}/{relative}: {got}{points} "
            f"(expected {self.submission.expected.value}) {self.message} [{self.seconds:.2f} s]"
        )


@dataclass(frozen=True, slots=True)
class ValidatorCheck:
    """A package's custom output validator, built before its submissions are judged."""

    package: str
    error: str  # "" when it compiled
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        what = "compiles" if self.ok else self.error
        status = "PASS" if self.ok else "FAIL"
        return f"{status} {self.package}/output validator: {what} [{self.seconds:.2f} s]"


def verify_validator(
    package: ProblemPackage, *, sandbox: Sandbox, cache: BinaryCache | None
) -> ValidatorCheck:
    """Build the package's validator as judging would (the cache then serves every submission)."""
    started = time.monotonic()
    assert package.validator is not None
    try:
        with sandbox.open_box() as box:
            ValidatorBox(sandbox, box, package.validator, cache)
    except ValidatorError as exc:
        return ValidatorCheck(package.short_name, str(exc), time.monotonic() - started)
    return ValidatorCheck(package.short_name, "", time.monotonic() - started)


def verify_submission(
    package: ProblemPackage, submission: PackageSubmission, *, sandbox: Sandbox, cache: BinaryCache | None
) -> VerifyOutcome:
    started = time.monotonic()
    try:
        language = language_for_path(submission.path)
        source = submission.path.read_text(encoding="utf-8")
    except (UnknownLanguageError, OSError, UnicodeDecodeError) as exc:
        return VerifyOutcome(package.short_name, submission, None, str(exc), time.monotonic() - started)
    job = package.to_job(language=language.key, source=source)
    data = LocalTestData(package.blob_paths())  # big or binary tests: read from the package's files
    result = judge_job_report(job, sandbox=sandbox, cache=cache, data=data).result
    return VerifyOutcome(
        package.short_name,
        submission,
        result.verdict,
        result.message,
        time.monotonic() - started,
        score=result.score,
        max_score=result.max_score,
    )


def expand_package_paths(paths: Iterable[Path]) -> list[Path]:
    """A directory holding packages (like `problems/`) stands for every package in it."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir() and not (path / "problem.yaml").exists():
            children = sorted(child for child in path.iterdir() if (child / "problem.yaml").is_file())
            expanded.extend(children or [path])  # no packages inside: let the reader say what is wrong
        else:
            expanded.append(path)
    return expanded


def verify_packages(
    paths: Iterable[Path],
    *,
    sandbox: Sandbox,
    cache: BinaryCache | None = None,
    on_result: Callable[[VerifyOutcome | ValidatorCheck], None] | None = None,
) -> list[VerifyOutcome | ValidatorCheck]:
    """Judge every submission of every package (read first: a broken package fails before any judging)."""
    packages = [read_package(path) for path in expand_package_paths(paths)]
    outcomes: list[VerifyOutcome | ValidatorCheck] = []
    for package in packages:
        if package.validator is not None:
            check = verify_validator(package, sandbox=sandbox, cache=cache)
            outcomes.append(check)
            if on_result is not None:
                on_result(check)
            if not check.ok:
                continue  # every submission would only be an Internal Error
        for submission in package.submissions:
            outcome = verify_submission(package, submission, sandbox=sandbox, cache=cache)
            outcomes.append(outcome)
            if on_result is not None:
                on_result(outcome)
    return outcomes
