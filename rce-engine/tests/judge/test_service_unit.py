"""Verdict logic of judge_job with a scripted box: verdict order, messages, stop-on-first-failure, io
only for samples, internal errors. Real programs in the real sandbox: test_judge_sandbox.py."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from algocode_contracts import (
    JobKind,
    JudgeLimits,
    SubmissionCreated,
    SubmissionJudged,
    TestCase,
    Verdict,
)
from algocode_contracts.messages import MAX_IO_CHARS
from rce_engine.judge import judge_job, service
from rce_engine.sandbox.base import RunResult
from tests.judge.fakes import FakeSandbox, run_result


def make_job(
    tests: list[TestCase], *, stop: bool = True, kind: JobKind = JobKind.SUBMIT
) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language="cpp",
        kind=kind,
        source="int main() {}",
        limits=JudgeLimits(time_limit_ms=1000, memory_limit_kib=65536),
        tests=tests,
        stop_on_first_failure=stop,
        created_at=datetime.now(UTC),
    )


def cases(n: int, sample: int = 0) -> list[TestCase]:
    return [
        TestCase(name=f"t{i}", input=f"{i}\n", answer=f"{i}\n", sample=i <= sample) for i in range(1, n + 1)
    ]


def program(per_input: dict[bytes, RunResult] | None = None):
    """A box whose compile succeeds and whose program echoes its input unless scripted otherwise."""

    def script(argv: Sequence[str], stdin: bytes) -> RunResult:
        if argv[0] == "g++":
            return run_result()
        if per_input and stdin in per_input:
            return per_input[stdin]
        return run_result(stdout=stdin)

    return script


def judge(job: SubmissionCreated, script) -> tuple[SubmissionJudged, FakeSandbox]:
    sandbox = FakeSandbox(script)
    return judge_job(job, sandbox=sandbox), sandbox


def test_all_pass_is_accepted_with_totals() -> None:
    result, sandbox = judge(make_job(cases(3)), program())
    assert result.verdict is Verdict.ACCEPTED
    assert (result.passed, result.total, result.message) == (3, 3, "Accepted")
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED] * 3
    assert result.io is None
    assert len(sandbox.boxes) == 1
    assert sandbox.boxes[0].closed
    assert len(sandbox.boxes[0].runs) == 4


@pytest.mark.parametrize(
    ("run", "verdict", "message"),
    [
        (
            run_result(oom=True, signal=signal.SIGKILL, exit_code=None),
            Verdict.MEMORY_LIMIT_EXCEEDED,
            "Memory",
        ),
        # MLE wins over everything else that happened in the same run
        (run_result(oom=True, cpu_over=True, output_over=True), Verdict.MEMORY_LIMIT_EXCEEDED, "Memory"),
        (
            run_result(cpu_over=True, signal=signal.SIGKILL, exit_code=None),
            Verdict.TIME_LIMIT_EXCEEDED,
            "Time",
        ),
        (run_result(signal=signal.SIGXCPU, exit_code=None), Verdict.TIME_LIMIT_EXCEEDED, "Time"),
        (
            run_result(wall_over=True, signal=signal.SIGKILL, exit_code=None),
            Verdict.TIME_LIMIT_EXCEEDED,
            "Time",
        ),
        (run_result(cpu_over=True, output_over=True), Verdict.TIME_LIMIT_EXCEEDED, "Time"),
        (
            run_result(output_over=True, signal=signal.SIGPIPE, exit_code=None),
            Verdict.OUTPUT_LIMIT_EXCEEDED,
            "Out",
        ),
        (run_result(signal=signal.SIGXFSZ, exit_code=None), Verdict.OUTPUT_LIMIT_EXCEEDED, "Output"),
        (
            run_result(signal=signal.SIGSEGV, exit_code=None),
            Verdict.RUNTIME_ERROR,
            "Runtime Error (SIGSEGV: Segmentation fault) on test t2",
        ),
        (run_result(signal=signal.SIGABRT, exit_code=None), Verdict.RUNTIME_ERROR, "(SIGABRT: Aborted)"),
        (
            run_result(exit_code=3, stdout=b"2\n"),
            Verdict.RUNTIME_ERROR,
            "Runtime Error (exit code 3) on test t2",
        ),
        (run_result(stdout=b"5\n"), Verdict.WRONG_ANSWER, "Wrong Answer on test t2"),
    ],
)
def test_verdict_order(run: RunResult, verdict: Verdict, message: str) -> None:
    result, _ = judge(make_job(cases(3)), program({b"2\n": run}))
    assert result.verdict is verdict
    assert message in result.message
    assert (result.passed, result.total) == (1, 3)
    assert [t.name for t in result.tests] == ["t1", "t2"]  # stopped at the first failure


def test_program_output_imitating_the_judge_changes_nothing() -> None:
    fake = run_result(stdout=b"Accepted\n", stderr=b"Memory Limit Exceeded", exit_code=0)
    result, _ = judge(make_job(cases(1)), program({b"1\n": fake}))
    assert result.verdict is Verdict.WRONG_ANSWER


def test_all_tests_run_when_not_stopping_at_first_failure() -> None:
    bad = run_result(stdout=b"nope\n")
    result, _ = judge(make_job(cases(4), stop=False), program({b"2\n": bad, b"3\n": run_result(exit_code=1)}))
    assert [t.verdict for t in result.tests] == [
        Verdict.ACCEPTED,
        Verdict.WRONG_ANSWER,
        Verdict.RUNTIME_ERROR,
        Verdict.ACCEPTED,
    ]
    assert result.verdict is Verdict.WRONG_ANSWER  # the first failure decides
    assert (result.passed, result.total) == (2, 4)


def test_per_test_figures_and_maxima() -> None:
    runs = {
        b"1\n": run_result(stdout=b"1\n", cpu=0.25, memory=3 << 20),
        b"2\n": run_result(stdout=b"2\n", cpu=0.5, memory=2 << 20),
    }
    result, _ = judge(make_job(cases(2)), program(runs))
    assert [(t.time_ms, t.memory_kib, t.exit_code) for t in result.tests] == [(250, 3072, 0), (500, 2048, 0)]
    assert (result.max_time_ms, result.max_memory_kib) == (500, 3072)


def test_io_is_shown_for_a_failing_sample_only() -> None:
    result, _ = judge(
        make_job(cases(3, sample=1)), program({b"1\n": run_result(stdout=b"9\n", stderr=b"dbg")})
    )
    assert result.io is not None
    assert (result.io.test, result.io.input, result.io.expected, result.io.actual) == (
        "t1",
        "1\n",
        "1\n",
        "9\n",
    )
    assert result.io.stderr == "dbg"

    hidden, _ = judge(make_job(cases(3, sample=1)), program({b"2\n": run_result(stdout=b"9\n")}))
    assert hidden.verdict is Verdict.WRONG_ANSWER
    assert hidden.io is None  # a hidden test's data never goes back to the user
    assert "1\n" not in hidden.message


def test_io_is_truncated_and_safely_encoded() -> None:
    flood = b"\x00\xff" + b"x" * (3 * MAX_IO_CHARS)
    result, _ = judge(make_job(cases(1, sample=1)), program({b"1\n": run_result(stdout=flood)}))
    assert result.io is not None
    assert result.io.truncated
    assert len(result.io.actual) == MAX_IO_CHARS
    assert "\x00" not in result.io.actual
    assert result.io.actual.startswith("\ufffd\ufffd")
    SubmissionJudged.model_validate_json(result.model_dump_json())  # survives the queue


def test_compile_error_runs_no_test_and_shows_the_message() -> None:
    def script(argv: Sequence[str], stdin: bytes) -> RunResult:
        return run_result(exit_code=1, stderr=b"main.cpp:1: error: expected ';'\n" + b"e" * 200_000)

    result, sandbox = judge(make_job(cases(2)), script)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert result.message == "Compilation Error"
    assert len(result.compile_output) <= 64 * 1024
    assert result.compile_output.startswith("main.cpp:1: error")  # the first error survives the cut
    assert (result.passed, result.total, result.tests) == (0, 2, [])
    assert len(sandbox.boxes[0].runs) == 1


def test_compiler_over_its_limits_is_a_compile_error_that_says_so() -> None:
    def script(argv: Sequence[str], stdin: bytes) -> RunResult:
        return run_result(cpu_over=True, signal=signal.SIGKILL, exit_code=None)

    result, _ = judge(make_job(cases(1)), script)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert "time limit" in result.message
    assert "time limit" in result.compile_output


def test_sandbox_error_mid_run_is_internal_error_not_the_users_fault() -> None:
    sandbox = FakeSandbox(program(), fail_on_run=3)  # compile, t1, then the sandbox breaks
    result = judge_job(make_job(cases(3)), sandbox=sandbox)
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert result.message.startswith("Internal Error")
    assert "cgroup vanished" in result.message  # for operators
    assert result.passed == 0
    assert result.tests == []
    assert sandbox.boxes[0].closed


def test_sandbox_unavailable_is_internal_error() -> None:
    result = judge_job(make_job(cases(1)), sandbox=FakeSandbox(program(), fail_open=True))
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert "SandboxError" in result.message


def test_a_bug_in_the_judge_is_internal_error() -> None:
    def script(argv: Sequence[str], stdin: bytes) -> RunResult:
        raise ZeroDivisionError("oops")

    result, _ = judge(make_job(cases(1)), script)
    assert result.verdict is Verdict.INTERNAL_ERROR


def test_limits_handed_to_the_sandbox() -> None:
    _result, sandbox = judge(make_job(cases(1)), program())
    (compile_argv, compile_limits), (run_argv, run_limits) = sandbox.boxes[0].runs
    assert compile_argv[0] == "g++"
    assert "-O2" in compile_argv
    assert "-std=c++17" in compile_argv
    assert (compile_limits.cpu_time_s, compile_limits.memory_bytes, compile_limits.max_processes) == (
        20.0,
        1 << 30,
        64,
    )
    assert compile_limits.stderr_bytes == 64 * 1024
    assert run_argv == ("./main",)
    assert run_limits.cpu_time_s == 1.0
    assert run_limits.wall_time_s == 1.5
    assert run_limits.memory_bytes == 64 << 20
    assert run_limits.output_bytes == 64 << 20


def test_custom_run_without_answer_is_accepted_when_it_runs_and_shows_the_output() -> None:
    job = make_job([TestCase(name="custom", input="hello\n", answer=None, sample=True)], kind=JobKind.RUN)
    result, _ = judge(job, program())
    assert result.verdict is Verdict.ACCEPTED
    assert result.io is not None
    assert (result.io.actual, result.io.expected) == ("hello\n", None)


def test_custom_run_that_crashes_shows_what_it_printed() -> None:
    job = make_job([TestCase(name="custom", input="x\n", answer=None, sample=True)], kind=JobKind.RUN)
    result, _ = judge(job, program({b"x\n": run_result(exit_code=2, stdout=b"partial", stderr=b"boom")}))
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert result.io is not None
    assert (result.io.actual, result.io.stderr) == ("partial", "boom")


def test_inputs_left_by_a_killed_judge_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(service, "_swept", service.threading.Event())
    stale = tmp_path / f"algocode-judge-{dead.pid}-abc"
    live = tmp_path / f"algocode-judge-{os.getpid()}-def"
    for directory in (stale, live):
        directory.mkdir()
        (directory / "0.in").write_text("hidden input\n")
    result, _ = judge(make_job(cases(1)), program())
    assert result.verdict is Verdict.ACCEPTED
    assert not stale.exists()  # its judge died mid-job: removed
    assert live.exists()  # a running judge's inputs are left alone
    assert [p.name for p in tmp_path.iterdir()] == [live.name]  # and this job cleaned up after itself


def test_sleeping_across_tests_runs_out_of_the_idle_budget() -> None:
    # threat-model.md #44: 0.4 s asleep per test, each far under the wall limit; the third crosses 1 s.
    sleeper = {
        f"{i}\n".encode(): run_result(stdout=f"{i}\n".encode(), cpu=0.002, wall=0.402) for i in (1, 2, 3, 4)
    }
    result, _ = judge(make_job(cases(4)), program(sleeper))
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert result.message == "Time Limit Exceeded on test t3"
    assert result.passed == 2


def test_waiting_for_the_cpu_in_proportion_to_its_use_is_not_idleness() -> None:
    # A loaded machine: each test uses 0.3 s of CPU and takes 0.9 s (3x); 10 tests wait 6 s in all.
    busy = {f"{i}\n".encode(): run_result(stdout=f"{i}\n".encode(), cpu=0.3, wall=0.9) for i in range(1, 11)}
    result, _ = judge(make_job(cases(10)), program(busy))
    assert result.verdict is Verdict.ACCEPTED
