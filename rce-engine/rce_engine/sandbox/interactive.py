"""Two runs in two boxes, talking through pipes: an interactive problem's program and its validator.

    validator stdout ──pipe──▶ program stdin
    program stdout   ──pipe──▶ validator stdin     (at most the program's output limit, then cut)

Backend-agnostic: each side is an ordinary `Box.run` with `Stream` ends (sandbox/base.py), so each keeps
its own limits and accounting, and each box sees only its own files (the test's input and answer are in
the validator's box alone). The runs start concurrently; this returns once both have ended. Nothing here
can hang longer than the longer wall limit: a run's pipe ends close when its processes are gone, so the
other side sees EOF (reading) or a broken pipe (writing), and each box kills its run at its wall limit.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rce_engine.sandbox.base import Box, Limits, RunResult, SandboxError, Stream, close_streams

# How long past the validator's wall limit we wait for its run to return before calling the box broken.
_JOIN_GRACE_S = 30.0


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two runs."""

    box: Box
    argv: Sequence[str]
    limits: Limits
    env: Mapping[str, str] | None = None
    fresh: bool = True  # each test starts from a clean box (threat-model.md #46)


@dataclass(frozen=True, slots=True)
class InteractiveResult:
    program: RunResult  # stdout empty: it went to the validator
    validator: RunResult  # stdout empty: it went to the program
    # The validator's run ended before the program's (the spec's "validator exited first"): a WA it gave
    # then stands whatever the program did afterwards (a broken pipe, a timeout).
    validator_first: bool


def run_interactive(program: Side, validator: Side) -> InteractiveResult:
    """Run both sides connected by pipes. Raises SandboxError when either box failed (not the program)."""
    to_program_r, to_program_w = os.pipe2(os.O_CLOEXEC)
    try:
        to_validator_r, to_validator_w = os.pipe2(os.O_CLOEXEC)
    except OSError:
        os.close(to_program_r)
        os.close(to_program_w)
        raise
    outcome: dict[str, RunResult | BaseException] = {}

    def run_validator() -> None:
        try:
            outcome["validator"] = validator.box.run(
                validator.argv,
                limits=validator.limits,
                stdin=Stream(to_validator_r),
                stdout=Stream(to_program_w),
                env=validator.env,
                fresh=validator.fresh,
            )
        except BaseException as exc:  # handed to the caller below
            outcome["validator"] = exc

    thread = threading.Thread(target=run_validator, name="algocode-interactive-validator", daemon=True)
    try:
        thread.start()
    except BaseException:
        close_streams(*(Stream(fd) for fd in (to_program_r, to_program_w, to_validator_r, to_validator_w)))
        raise
    # From here each run owns its two ends (Box.run closes them on every path).
    program_error: BaseException | None = None
    program_result: RunResult | None = None
    try:
        program_result = program.box.run(
            program.argv,
            limits=program.limits,
            stdin=Stream(to_program_r),
            stdout=Stream(to_validator_w),
            env=program.env,
            fresh=program.fresh,
        )
    except BaseException as exc:
        program_error = exc
    # The program's ends are closed now, so the validator sees EOF: it ends by its own wall limit at most.
    thread.join(validator.limits.wall_time_s + _JOIN_GRACE_S)
    if thread.is_alive():
        raise SandboxError("the validator's run did not return after its wall limit")
    if program_error is not None:
        raise program_error
    got = outcome.get("validator")
    if isinstance(got, BaseException):
        raise got
    assert isinstance(got, RunResult)
    assert program_result is not None
    return InteractiveResult(
        program=program_result, validator=got, validator_first=validator_first(program_result, got)
    )


def validator_first(program: RunResult, validator: RunResult) -> bool:
    """The validator ended before the program did. Each side's end is its output stream's EOF, or
    earlier: the moment the other side's writes to it first failed (it had stopped reading by then,
    which a pipe shows only when the process is gone or closed it). Causal, not a race between the two
    boxes' reports: a validator that judged because the program was gone ends after the program's EOF."""
    validator_end = min(validator.ended_at, program.reader_gone_at)
    program_end = min(program.ended_at, validator.reader_gone_at)
    return validator_end < program_end
