"""Judge an interactive problem (`validation: custom interactive`): the program talks to the problem's
validator through pipes, test by test, and the verdict follows the order Kattis and DOMjudge implement.

Two boxes per submission, taken together (`Sandbox.open_box_pair`): the program's, and the validator's,
which alone holds the test's input and answer (`/box/testdata.in`, `/box/testdata.ans`; the feedback
directory is `/box/`). The validator is invoked as the package format says:

    validator /box/testdata.in /box/testdata.ans /box/ [validator_flags]  (stdin: program's stdout,
                                                                          stdout: program's stdin)

Verdict of one test (docs/judge.md "Interactive problems"; docs/adr/0145-interactive-runs.md):
  1. the validator crashed, hit its own limits, or exited with anything but 42/43: the judge's fault (IE);
  2. the program's output went over its output limit: OLE (the judge cut the stream, so what the
     validator said after that is our doing, not a judgement);
  3. the validator exited with 43 before the program ended: WA, whatever the program did afterwards;
  4. the program's own limits and crash, in run_verdict's order: MLE, TLE, RE;
  5. the validator's exit code: 42 AC, 43 WA.

The validator's compile here is the minimal one this task needs (one main source plus headers, compiled
like a submission); vcheck's `rce_engine/judge/validators.py` is the general one.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from algocode_contracts import Verdict
from algocode_contracts.messages import OutputValidator, TestCase, TestResult
from rce_engine.judge.cache import BinaryCache
from rce_engine.judge.verdicts import run_verdict
from rce_engine.languages import Language, get_language
from rce_engine.languages.base import RunSpec
from rce_engine.sandbox.base import BOX_DIR, KIB, MIB, Box, Limits, RunResult
from rce_engine.sandbox.interactive import InteractiveResult, Side, run_interactive

if TYPE_CHECKING:
    from rce_engine.judge.service import JudgeReport, _Judging

log = logging.getLogger(__name__)
VALIDATOR_FAILED = "the problem's output validator failed (details in the judge's log)"

ACCEPTED_EXIT = 42
WRONG_ANSWER_EXIT = 43
INPUT_NAME = "testdata.in"
ANSWER_NAME = "testdata.ans"
FEEDBACK_DIR = f"{BOX_DIR}/"  # the spec: it ends with a path separator
JUDGE_MESSAGE = "judgemessage.txt"
MAX_JUDGE_MESSAGE = 16 * KIB
# The validator's own limits: trusted code, but still bounded. Its CPU time never counts for the program.
VALIDATOR_CPU_S = 10.0
VALIDATOR_MEMORY_BYTES = 1024 * MIB
VALIDATOR_OUTPUT_BYTES = 64 * MIB  # what it may send to the program over a test


class ValidatorFailedError(Exception):
    """The validator did not judge (compile error, crash, limits, exit code other than 42/43): IE."""


def program_limits(spec: RunSpec) -> Limits:
    """The program's limits in an interactive test: its own CPU, memory and output limits, no idleness
    limit (waiting for the validator's next line is what an interactive program does), and a wall limit
    of twice the CPU limit plus a second, for the validator's share of the clock (problemtools uses 2x)."""
    cpu = spec.limits.cpu_time_s
    return dataclasses.replace(
        spec.limits, idle_time_s=None, wall_time_s=max(spec.limits.wall_time_s, 2 * cpu + 1.0)
    )


def validator_spec(language: Language, program: Limits) -> RunSpec:
    spec = language.run_spec(
        cpu_time_s=max(VALIDATOR_CPU_S, program.cpu_time_s),
        memory_bytes=VALIDATOR_MEMORY_BYTES,
        output_bytes=VALIDATOR_OUTPUT_BYTES,
    )
    # It outlives the program by a margin: the program's TLE is decided first, a deadlock ends there.
    limits = dataclasses.replace(
        spec.limits, idle_time_s=None, wall_time_s=program.wall_time_s + spec.limits.wall_time_s
    )
    return RunSpec(argv=spec.argv, limits=limits, env=spec.env)


def main_file(validator: OutputValidator, language: Language) -> str:
    """The file compiled as the validator: the only one, else the one defining main (C/C++) or, for
    Python, `validator.py`/`validate.py`/the first in name order; the rest are written beside it."""
    names = sorted(validator.files)
    if not names:
        raise ValidatorFailedError("the output validator has no files")
    if len(names) == 1:
        return names[0]
    suffixes = {".py"} if language.key.startswith("python") else {".c", ".cc", ".cpp", ".cxx"}
    sources = [n for n in names if any(n.endswith(s) for s in suffixes)]
    if language.key.startswith("python"):
        for preferred in ("validator.py", "validate.py", "main.py"):
            if preferred in sources:
                return preferred
        if sources:
            return sources[0]
    else:
        with_main = [n for n in sources if re.search(r"\bmain\s*\(", validator.files[n])]
        if len(with_main) == 1:
            return with_main[0]
    raise ValidatorFailedError(f"cannot tell which of {names} is the validator's main source")


def compile_validator(
    box: Box, validator: OutputValidator, cache: BinaryCache | None, *, backend: str
) -> Language:
    """Compile the validator in its box (headers and helper files written beside it)."""
    from rce_engine.judge.service import compile_in_box  # service imports this module lazily

    language = get_language(validator.language)
    main = main_file(validator, language)
    for name, text in validator.files.items():
        if name != main:
            box.write_file(name, text.encode())
    # The binary cache keys on the main source alone: with helper files beside it, compile every time.
    compiled = compile_in_box(
        box, language, validator.files[main], cache if len(validator.files) == 1 else None, backend=backend
    )
    if not compiled.ok:
        raise ValidatorFailedError(f"the output validator does not compile: {compiled.output[:300]}")
    return language


@dataclass(slots=True)
class InteractiveTest:
    result: TestResult
    run: RunResult  # the program's
    note: str  # for staff: the validator's judge message / stderr


def interactive_verdict(outcome: InteractiveResult) -> Verdict:
    """The verdict of one test (the module docstring's order). Raises ValidatorFailedError (IE)."""
    validator, program = outcome.validator, outcome.program
    if validator.oom_killed or validator.cpu_limit_exceeded or validator.wall_limit_exceeded:
        raise ValidatorFailedError("the output validator went over its own limits")
    if validator.signal is not None:
        raise ValidatorFailedError(f"the output validator was killed by {validator.signal_name}")
    if validator.exit_code not in (ACCEPTED_EXIT, WRONG_ANSWER_EXIT):
        raise ValidatorFailedError(
            f"the output validator exited with {validator.exit_code} (42 or 43 expected): "
            f"{validator.stderr[:300]!r}"
        )
    if program.output_limit_exceeded:
        return Verdict.OUTPUT_LIMIT_EXCEEDED
    if validator.exit_code == WRONG_ANSWER_EXIT and outcome.validator_first:
        return Verdict.WRONG_ANSWER
    verdict = run_verdict(program)
    if verdict is not None:
        return verdict
    return Verdict.ACCEPTED if validator.exit_code == ACCEPTED_EXIT else Verdict.WRONG_ANSWER


def run_tests(
    *,
    program_box: Box,
    validator_box: Box,
    program: RunSpec,
    validator: RunSpec,
    flags: list[str],
    tests: list[TestCase],
    stop_on_first_failure: bool,
) -> list[tuple[TestCase, InteractiveTest]]:
    """Run every test interactively (`program` and `validator` with their interactive limits already:
    `program_limits`, `validator_spec`); each test starts both boxes fresh."""
    argv = [*validator.argv, f"{BOX_DIR}/{INPUT_NAME}", f"{BOX_DIR}/{ANSWER_NAME}", FEEDBACK_DIR, *flags]
    done: list[tuple[TestCase, InteractiveTest]] = []
    for test in tests:
        validator_box.write_file(INPUT_NAME, test.input.encode("utf-8", "surrogatepass"))
        validator_box.write_file(ANSWER_NAME, (test.answer or "").encode("utf-8", "surrogatepass"))
        outcome = run_interactive(
            Side(program_box, program.argv, program.limits, program.env),
            Side(validator_box, argv, validator.limits, validator.env),
        )
        verdict = interactive_verdict(outcome)
        message = validator_box.read_file(JUDGE_MESSAGE, max_bytes=MAX_JUDGE_MESSAGE, keep=False)
        said = message if message is not None else outcome.validator.stderr
        run = outcome.program
        result = TestResult(
            name=test.name,
            verdict=verdict,
            time_ms=round(run.cpu_time_s * 1000),
            wall_ms=round(run.wall_time_s * 1000),
            memory_kib=run.memory_bytes // 1024,
            exit_code=run.exit_code,
            signal=run.signal_name,
        )
        note = said.decode("utf-8", "replace").strip()[:2000]
        done.append((test, InteractiveTest(result=result, run=run, note=note)))
        if verdict is not Verdict.ACCEPTED and stop_on_first_failure:
            break
    return done


def judge(judging: _Judging) -> JudgeReport:
    """`_Judging.run` for a job whose validator is interactive (the hook in service.py)."""
    job = judging.job
    try:
        return _judge(judging)
    except ValidatorFailedError as exc:
        # What a validator says may quote the test (its stderr, a compile error quoting its source): staff
        # read it in the log; the result, which users see, only says that it failed.
        log.warning("submission %s: the output validator failed: %s", job.submission_id, exc)
        raise ValidatorFailedError(VALIDATOR_FAILED) from None


def _judge(judging: _Judging) -> JudgeReport:
    from rce_engine.judge.service import JudgeReport, _TestRun, compile_in_box

    job = judging.job
    assert job.validator is not None
    with judging.sandbox.open_box_pair() as (program_box, validator_box):
        compiled = compile_in_box(
            program_box, judging.language, job.source, judging.cache, backend=judging.backend
        )
        if not compiled.ok:
            return JudgeReport(judging._compile_error(compiled), compile=compiled)
        language = compile_validator(validator_box, job.validator, judging.cache, backend=judging.backend)
        spec = judging._spec(judging.language)
        limits = program_limits(spec)
        done = run_tests(
            program_box=program_box,
            validator_box=validator_box,
            program=RunSpec(argv=spec.argv, limits=limits, env=spec.env),
            validator=validator_spec(language, limits),
            flags=job.validator.flags,
            tests=job.tests,
            stop_on_first_failure=job.stop_on_first_failure,
        )
    runs = [_TestRun(test=test, result=ran.result, run=ran.run, expected=None) for test, ran in done]
    for test, ran in done:
        if ran.result.verdict is not Verdict.ACCEPTED and ran.note:
            judging.notes[test.name] = ran.note
    # The spec: an interactive problem's .in and .ans are never shown to users, samples included.
    result = judging._summary(runs, compiled).model_copy(update={"io": None})
    return JudgeReport(result, notes=judging.notes, compile=compiled)
