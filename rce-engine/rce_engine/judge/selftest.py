"""Every language's self-test judged through the real sandbox: the CLI's `selftest` and the worker's
start-up check (a worker whose compilers or sandbox are broken must say so before taking jobs)."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from algocode_contracts import JudgeLimits, SubmissionCreated, SubmissionJudged, TestCase, Verdict
from rce_engine.judge.service import judge_job
from rce_engine.languages import REGISTRY, Language
from rce_engine.sandbox.base import Sandbox

SELF_TEST_LIMITS = JudgeLimits(time_limit_ms=5000, memory_limit_kib=256 * 1024, output_limit_kib=1024)


@dataclass(frozen=True, slots=True)
class SelfTestResult:
    language: str
    ok: bool
    result: SubmissionJudged
    seconds: float

    def line(self) -> str:
        status = "ok  " if self.ok else "FAIL"
        detail = self.result.message
        if not self.ok and self.result.compile_output:
            detail += " | " + self.result.compile_output.strip().splitlines()[-1][:200]
        return f"{status} {self.language:<10} {self.seconds * 1000:6.0f} ms  {detail}"


def self_test_job(language: Language) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language.key,
        source=language.self_test_source,
        limits=SELF_TEST_LIMITS,
        tests=[TestCase(name="self-test", input=language.self_test_input, answer=language.self_test_output)],
        created_at=datetime.now(UTC),
    )


def run_self_test(sandbox: Sandbox, key: str) -> SelfTestResult:
    started = time.monotonic()
    result = judge_job(self_test_job(REGISTRY[key]), sandbox=sandbox)
    return SelfTestResult(
        language=key,
        ok=result.verdict is Verdict.ACCEPTED,
        result=result,
        seconds=time.monotonic() - started,
    )


def run_self_tests(
    sandbox: Sandbox, languages: list[str] | None = None, *, parallel: int = 1
) -> list[SelfTestResult]:
    """Judge each language's self-test program (no cache, so the compiler really runs), `parallel` at a
    time (the sandbox's slots: fourteen languages one after the other take ~10 s), in the given order."""
    keys = languages or list(REGISTRY)
    if parallel <= 1:
        return [run_self_test(sandbox, key) for key in keys]
    with ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="self-test") as pool:
        return list(pool.map(lambda key: run_self_test(sandbox, key), keys))
