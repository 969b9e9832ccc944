"""`verify`: judge every file under a package's `submissions/` and compare with its folder's verdict."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from algocode_contracts import Verdict
from algocode_contracts.package import PackageSubmission, ProblemPackage, read_package
from rce_engine.judge import BinaryCache, judge_job_report
from rce_engine.judge.testdata import LocalTestData
from rce_engine.languages import UnknownLanguageError, language_for_path
from rce_engine.sandbox.base import Sandbox


@dataclass(frozen=True, slots=True)
class VerifyOutcome:
    package: str
    submission: PackageSubmission
    verdict: Verdict | None  # None: could not be judged at all (unknown language, unreadable file)
    message: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.verdict is not None and self.verdict.value in self.submission.expected.verdicts

    def line(self) -> str:
        relative = self.submission.path.relative_to(self.submission.path.parents[1])
        got = self.verdict.value if self.verdict else "—"
        return (
            f"{'PASS' if self.ok else 'FAIL'} {self.package}/{relative}: {got} "
            f"(expected {self.submission.expected.value}) {self.message} [{self.seconds:.2f} s]"
        )


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
        package.short_name, submission, result.verdict, result.message, time.monotonic() - started
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
    on_result: Callable[[VerifyOutcome], None] | None = None,
) -> list[VerifyOutcome]:
    """Judge every submission of every package (read first: a broken package fails before any judging)."""
    packages = [read_package(path) for path in expand_package_paths(paths)]
    outcomes = []
    for package in packages:
        for submission in package.submissions:
            outcome = verify_submission(package, submission, sandbox=sandbox, cache=cache)
            outcomes.append(outcome)
            if on_result is not None:
                on_result(outcome)
    return outcomes
