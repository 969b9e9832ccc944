"""Real programs judged in the real sandbox: one source file per case (cases/), its expected verdict and
the details a user would see (signal named, exit code, passed/total, which test)."""

from __future__ import annotations

import signal

import pytest

from algocode_contracts import SubmissionJudged, Verdict
from rce_engine.judge import judge_job
from rce_engine.sandbox.base import Sandbox
from tests.judge.support import case_job

# case file, verdict, passed, message (a substring), per-test detail of the failing test
CASES = [
    ("ac.cpp", Verdict.ACCEPTED, 3, "Accepted", {}),
    ("ac.c", Verdict.ACCEPTED, 3, "Accepted", {}),
    ("ac.py", Verdict.ACCEPTED, 3, "Accepted", {}),
    ("Main.java", Verdict.ACCEPTED, 3, "Accepted", {}),
    ("ac_crlf_trailing.py", Verdict.ACCEPTED, 3, "Accepted", {}),
    ("wa_on_2.py", Verdict.WRONG_ANSWER, 1, "Wrong Answer on test 2", {"exit_code": 0}),
    ("wa_on_sample.py", Verdict.WRONG_ANSWER, 0, "Wrong Answer on test 1", {}),
    (
        "segv_on_2.c",
        Verdict.RUNTIME_ERROR,
        1,
        "Runtime Error (SIGSEGV: Segmentation fault) on test 2",
        {"signal": "SIGSEGV", "exit_code": None},
    ),
    ("abort_on_3.cpp", Verdict.RUNTIME_ERROR, 2, "(SIGABRT: Aborted) on test 3", {"signal": "SIGABRT"}),
    ("fpe.c", Verdict.RUNTIME_ERROR, 0, "(SIGFPE: Floating point exception) on test 1", {"signal": "SIGFPE"}),
    ("exit3.py", Verdict.RUNTIME_ERROR, 0, "Runtime Error (exit code 3) on test 1", {"exit_code": 3}),
    ("RuntimeException.java", Verdict.RUNTIME_ERROR, 0, "Runtime Error (exit code 1) on test 1", {}),
    # The heap is the memory limit (-Xmx): running out of it is Java's OutOfMemoryError, a runtime error.
    ("HeapHog.java", Verdict.RUNTIME_ERROR, 0, "Runtime Error (exit code 1) on test 1", {}),
    ("tle_busy.cpp", Verdict.TIME_LIMIT_EXCEEDED, 0, "Time Limit Exceeded on test 1", {}),
    ("tle_sleep.py", Verdict.TIME_LIMIT_EXCEEDED, 0, "Time Limit Exceeded on test 1", {}),
    ("tle_threads.cpp", Verdict.TIME_LIMIT_EXCEEDED, 0, "Time Limit Exceeded on test 1", {}),
    ("mle.cpp", Verdict.MEMORY_LIMIT_EXCEEDED, 0, "Memory Limit Exceeded on test 1", {}),
    ("mle.py", Verdict.MEMORY_LIMIT_EXCEEDED, 0, "Memory Limit Exceeded on test 1", {}),
    ("ole.c", Verdict.OUTPUT_LIMIT_EXCEEDED, 0, "Output Limit Exceeded on test 1", {}),
    ("ce.cpp", Verdict.COMPILE_ERROR, 0, "Compilation Error", {}),
    ("syntax_error.py", Verdict.COMPILE_ERROR, 0, "Compilation Error", {}),
]


@pytest.mark.parametrize(
    ("case", "verdict", "passed", "message", "detail"), CASES, ids=[case[0] for case in CASES]
)
def test_case_verdict(
    real_sandbox: Sandbox, case: str, verdict: Verdict, passed: int, message: str, detail: dict
) -> None:
    result = judge_job(case_job(case), sandbox=real_sandbox)
    assert result.verdict is verdict, result.message
    assert message in result.message
    assert (result.passed, result.total) == (passed, 3)
    SubmissionJudged.model_validate_json(result.model_dump_json(by_alias=True))  # fits the contract
    if verdict is Verdict.COMPILE_ERROR:
        assert result.tests == []
        assert "error" in result.compile_output.lower()
        return
    failing = result.tests[-1]
    assert failing.verdict is verdict
    for key, value in detail.items():
        assert getattr(failing, key) == value
    assert len(result.tests) == passed + (verdict is not Verdict.ACCEPTED)  # stopped at the first failure


def test_figures_are_measured(real_sandbox: Sandbox) -> None:
    result = judge_job(case_job("mle.cpp"), sandbox=real_sandbox)
    assert result.max_memory_kib >= 60 * 1024  # peak near the 64 MiB limit, from the cgroup
    busy = judge_job(case_job("tle_busy.cpp"), sandbox=real_sandbox).tests[0]
    # CPU time from the sandbox's accounting: over the 1 s limit, unless a loaded host starved the
    # program until the wall limit (1 s + 0.5 s, docs/adr/0090) struck first.
    assert busy.time_ms >= 1000 or (busy.time_ms > 0 and busy.wall_ms >= 1500)
    assert busy.wall_ms >= busy.time_ms * 0.9


def test_sleeping_is_ended_by_the_idleness_limit(real_sandbox: Sandbox) -> None:
    test = judge_job(case_job("tle_sleep.py"), sandbox=real_sandbox).tests[0]
    assert test.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert test.time_ms < 500  # it used almost no CPU ...
    # ... and was killed once its CPU time stood still for IDLE_LIMIT_S (0.3 s), well before the 1.5 s wall
    assert 300 <= test.wall_ms < 1500
    assert test.signal == signal.Signals.SIGKILL.name


def test_all_tests_run_when_asked(real_sandbox: Sandbox) -> None:
    result = judge_job(case_job("segv_on_2.c", stop=False), sandbox=real_sandbox)
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.RUNTIME_ERROR, Verdict.ACCEPTED]
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert result.passed == 2


def test_failing_sample_shows_input_expected_actual(real_sandbox: Sandbox) -> None:
    result = judge_job(case_job("wa_on_sample.py"), sandbox=real_sandbox)
    assert result.io is not None
    assert (result.io.test, result.io.input, result.io.expected, result.io.actual) == (
        "1",
        "1 2\n",
        "3\n",
        "2\n",
    )


def test_failing_hidden_test_shows_nothing_of_it(real_sandbox: Sandbox) -> None:
    result = judge_job(case_job("wa_on_2.py"), sandbox=real_sandbox)
    assert result.io is None
    assert "7" not in result.message


def test_garbage_output_is_encoded_safely(real_sandbox: Sandbox) -> None:
    result = judge_job(case_job("garbage_output.c"), sandbox=real_sandbox)
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.io is not None
    assert "\x00" not in result.io.actual
    assert "\x00" not in result.io.stderr
    assert result.io.actual.endswith(" 3\n")
    SubmissionJudged.model_validate_json(result.model_dump_json(by_alias=True))


def test_compiler_error_flood_is_truncated(real_sandbox: Sandbox) -> None:
    result = judge_job(case_job("error_flood.cpp"), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert 1000 < len(result.compile_output) <= 64 * 1024
