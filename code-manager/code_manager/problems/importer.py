"""Import ICPC/Kattis problem packages (read by `algocode_contracts.package`, the judge CLI's reader).

Idempotent: the package's `uuid` is the problem id, so importing again updates the problem and replaces
its tests. The first file under submissions/accepted/ becomes the reference solution for custom runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from algocode_contracts import LANGUAGES
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS
from algocode_contracts.package import ExpectedVerdict, ProblemPackage, read_package
from code_manager.problems.services import ProblemData, TestData, problem_upsert

MAX_REFERENCE_BYTES = 256 * 1024


@dataclass(frozen=True)
class ImportResult:
    problem_id: str
    title: str
    created: bool
    tests: int
    samples: int
    reference_language: str | None


def _reference(package: ProblemPackage) -> dict[str, str] | None:
    """An accepted solution in the language listed first (C++ before the slower ones), within size."""
    candidates = [
        submission
        for submission in package.submissions
        if submission.expected is ExpectedVerdict.ACCEPTED
        and submission.language is not None
        and (package.function is None or submission.language in LANGUAGES_WITH_DRIVERS)
        and submission.path.stat().st_size <= MAX_REFERENCE_BYTES
    ]
    if not candidates:
        return None
    chosen = min(candidates, key=lambda submission: LANGUAGES.index(submission.language or ""))
    return {"language": chosen.language or "", "source": chosen.path.read_text(encoding="utf-8")}


def problem_import(*, path: str | Path) -> ImportResult:
    """Create or update the problem in the package at `path`; raises PackageError for a broken package."""
    package = read_package(path)
    limits = package.judge_limits()
    reference = _reference(package)
    data = ProblemData(
        title=package.name,
        difficulty=package.difficulty or 1,
        description=package.statement or "",
        constraints=package.constraints or "",
        tags=list(package.tags),
        limits=limits.model_dump(),
        checker=package.checker.model_dump(),
        reference=reference,
        languages=None if package.languages == LANGUAGES else list(package.languages),
        function=package.function,
    )
    tests = [TestData(name=t.name, input=t.input, answer=t.answer, sample=t.sample) for t in package.tests]
    created = problem_upsert(problem_id=package.id, data=data, tests=tests)
    return ImportResult(
        problem_id=str(package.id),
        title=package.name,
        created=created,
        tests=len(tests),
        samples=len(package.samples),
        reference_language=reference["language"] if reference else None,
    )
