"""The verdict order of an interactive test (rce_engine/judge/interactive.py, docs/judge.md): pure, no box."""

from __future__ import annotations

import dataclasses
import math
import signal

import pytest

from algocode_contracts import Verdict
from algocode_contracts.messages import OutputValidator
from rce_engine.judge.interactive import ValidatorFailedError, interactive_verdict, main_file, program_limits
from rce_engine.languages import get_language
from rce_engine.sandbox.base import RunResult
from rce_engine.sandbox.interactive import InteractiveResult, validator_first

CLEAN = RunResult(
    exit_code=0,
    signal=None,
    cpu_time_s=0.1,
    wall_time_s=0.2,
    memory_bytes=1 << 20,
    oom_killed=False,
    cpu_limit_exceeded=False,
    wall_limit_exceeded=False,
    output_limit_exceeded=False,
    stdout=b"",
    stderr=b"",
)
CRASHED = dataclasses.replace(CLEAN, exit_code=None, signal=signal.SIGPIPE)
TIMED_OUT = dataclasses.replace(CLEAN, exit_code=None, signal=signal.SIGKILL, wall_limit_exceeded=True)
FLOODED = dataclasses.replace(CRASHED, output_limit_exceeded=True)


def _verdict(program: RunResult, validator_exit: int, *, first: bool) -> Verdict:
    validator = dataclasses.replace(CLEAN, exit_code=validator_exit)
    return interactive_verdict(InteractiveResult(program=program, validator=validator, validator_first=first))


@pytest.mark.parametrize(
    ("program", "validator_exit", "first", "expected"),
    [
        (CLEAN, 42, False, Verdict.ACCEPTED),
        (CLEAN, 43, False, Verdict.WRONG_ANSWER),
        # The validator said WA and left first: the broken pipe or the timeout that follows is not judged.
        (CRASHED, 43, True, Verdict.WRONG_ANSWER),
        (TIMED_OUT, 43, True, Verdict.WRONG_ANSWER),
        # The program ended first: its own limits and crash come before what the validator concluded.
        (CRASHED, 43, False, Verdict.RUNTIME_ERROR),
        (TIMED_OUT, 43, False, Verdict.TIME_LIMIT_EXCEEDED),
        (CRASHED, 42, False, Verdict.RUNTIME_ERROR),
        (TIMED_OUT, 42, True, Verdict.TIME_LIMIT_EXCEEDED),  # an AC that left early does not excuse it
        # The judge cut a flood: OLE whatever the validator said about the cut stream.
        (FLOODED, 43, True, Verdict.OUTPUT_LIMIT_EXCEEDED),
        (dataclasses.replace(CRASHED, oom_killed=True), 43, False, Verdict.MEMORY_LIMIT_EXCEEDED),
    ],
)
def test_verdict_order(program: RunResult, validator_exit: int, first: bool, expected: Verdict) -> None:
    assert _verdict(program, validator_exit, first=first) is expected


@pytest.mark.parametrize(
    "validator",
    [
        dataclasses.replace(CLEAN, exit_code=0),  # "including 0": not a judgement
        dataclasses.replace(CLEAN, exit_code=1),
        dataclasses.replace(CLEAN, exit_code=None, signal=signal.SIGSEGV),
        dataclasses.replace(CLEAN, exit_code=None, signal=signal.SIGKILL, wall_limit_exceeded=True),
        dataclasses.replace(CLEAN, exit_code=None, signal=signal.SIGKILL, oom_killed=True),
    ],
)
def test_a_validator_that_did_not_judge_is_the_judges_fault(validator: RunResult) -> None:
    # Whatever the program did (even a crash), a broken validator is never a verdict against the user.
    with pytest.raises(ValidatorFailedError):
        interactive_verdict(InteractiveResult(program=CRASHED, validator=validator, validator_first=False))


def test_program_limits_drop_the_idleness_limit_and_leave_room_for_the_validator() -> None:
    spec = get_language("python3").run_spec(cpu_time_s=1.0, memory_bytes=1 << 28, output_bytes=1 << 20)
    assert spec.limits.idle_time_s is not None
    limits = program_limits(spec)
    assert limits.idle_time_s is None
    assert limits.wall_time_s >= 3.0
    assert limits.cpu_time_s == 1.0


@pytest.mark.parametrize(
    ("files", "language", "expected"),
    [
        ({"v.cpp": "int main() {}"}, "cpp", "v.cpp"),
        ({"a.cpp": "int helper() { return 1; }", "b.cpp": "int main () {}", "t.h": ""}, "cpp", "b.cpp"),
        ({"lib.py": "", "validate.py": ""}, "python3", "validate.py"),
    ],
)
def test_main_file(files: dict[str, str], language: str, expected: str) -> None:
    validator = OutputValidator(language=language, files=files, interactive=True)
    assert main_file(validator, get_language(language)) == expected


def test_two_mains_are_refused() -> None:
    validator = OutputValidator(language="c", files={"a.c": "int main(){}", "b.c": "int main(){}"})
    with pytest.raises(ValidatorFailedError, match="which of"):
        main_file(validator, get_language("c"))


def _ends(ended_at: float, reader_gone_at: float = math.inf) -> RunResult:
    return dataclasses.replace(CLEAN, ended_at=ended_at, reader_gone_at=reader_gone_at)


@pytest.mark.parametrize(
    ("program", "validator", "first"),
    [
        # The program's stream ended (it exited), then the validator, told by the EOF, judged and ended.
        (_ends(1.0), _ends(1.001), False),
        # The validator ended while the program still wrote: the program's writes failed at 2.0.
        (_ends(2.5, reader_gone_at=2.0), _ends(2.2), True),
        # The same, where the program then died of SIGPIPE before the validator's last answer went out:
        # both streams were cut, the validator's at 2.4 (the program gone), the program's at 2.0.
        (_ends(2.5, reader_gone_at=2.0), _ends(2.6, reader_gone_at=2.4), True),
        # The program closed its stdin and exited while the validator still wrote: it ended first.
        (_ends(3.2), _ends(3.5, reader_gone_at=3.1), False),
    ],
)
def test_who_ended_first_is_causal(program: RunResult, validator: RunResult, first: bool) -> None:
    assert validator_first(program, validator) is first
