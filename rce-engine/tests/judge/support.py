"""Jobs for the judge tests: a three-test A+B problem (test 1 is a sample) and a source from cases/."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from algocode_contracts import JobKind, JudgeLimits, ReferenceSolution, SubmissionCreated, TestCase
from rce_engine.languages import language_for_path

CASES = Path(__file__).resolve().parent / "cases"

A_PLUS_B = [
    TestCase(name="1", input="1 2\n", answer="3\n", sample=True),
    TestCase(name="2", input="3 4\n", answer="7\n"),
    TestCase(name="3", input="5 6\n", answer="11\n"),
]
LIMITS = JudgeLimits(time_limit_ms=1000, memory_limit_kib=64 * 1024, output_limit_kib=1024)


def case_job(
    case: str,
    *,
    tests: list[TestCase] | None = None,
    stop: bool = True,
    limits: JudgeLimits = LIMITS,
) -> SubmissionCreated:
    path = CASES / case
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language_for_path(path).key,
        source=path.read_text(),
        limits=limits,
        tests=tests or A_PLUS_B,
        stop_on_first_failure=stop,
        created_at=datetime.now(UTC),
    )


def run_job(
    language: str, source: str, stdin: str, *, reference: ReferenceSolution | None = None
) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        kind=JobKind.RUN,
        language=language,
        source=source,
        limits=LIMITS,
        tests=[TestCase(name="custom", input=stdin, answer=None, sample=True)],
        reference=reference,
        created_at=datetime.now(UTC),
    )
