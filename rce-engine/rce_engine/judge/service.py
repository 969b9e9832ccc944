"""Judge one submission: compile once in a fresh box, run every test in it, check, and report.

`judge_job` is THE entry point (the queue worker and the CLI both call it). It always returns a
`SubmissionJudged`: a failure of the judge or of the sandbox becomes an Internal Error (IE) for operators,
never a verdict against the user, never silence.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from algocode_contracts import (
    JobKind,
    SubmissionCreated,
    SubmissionJudged,
    TestCase,
    TestIO,
    TestResult,
    Verdict,
)
from algocode_contracts.messages import MAX_COMPILE_OUTPUT_CHARS, MAX_IO_CHARS
from rce_engine.judge.cache import BinaryCache, cache_backend, cache_key
from rce_engine.judge.checker import Checker
from rce_engine.judge.functions import FunctionJudging
from rce_engine.judge.verdicts import IdleBudget, run_verdict, test_message
from rce_engine.languages import Language, RunSpec, get_language
from rce_engine.sandbox.base import MIB, Box, RunResult, Sandbox

log = logging.getLogger(__name__)

WORKER = f"{socket.gethostname()}/{os.getpid()}"


class ReferenceFailedError(Exception):
    """The reference solution of a custom run did not produce an answer: not the user's fault (IE)."""


@dataclass(slots=True)
class CompileOutcome:
    ok: bool
    output: str = ""  # what the compiler said (truncated), shown to the user
    message: str = ""  # one line when it failed: "Compilation Error", "... time limit"
    ran_compiler: bool = False  # False on a cache hit or for a language with nothing to compile
    cache_hit: bool = False
    seconds: float = 0.0  # wall time of the compiler steps (0 when none ran): the worker's metrics


@dataclass(slots=True)
class JudgeReport:
    """`result` is what goes on the queue; the rest is for operators (CLI, logs, tests)."""

    result: SubmissionJudged
    notes: dict[str, str] = field(default_factory=dict)  # per test: why it failed (may quote answers)
    compile: CompileOutcome | None = None


def judge_job(
    job: SubmissionCreated, *, sandbox: Sandbox, cache: BinaryCache | None = None
) -> SubmissionJudged:
    """Judge `job` in `sandbox`; reuse compiled artifacts from `cache` when given."""
    return judge_job_report(job, sandbox=sandbox, cache=cache).result


def judge_job_report(
    job: SubmissionCreated, *, sandbox: Sandbox, cache: BinaryCache | None = None
) -> JudgeReport:
    try:
        report = _Judging(job, sandbox, cache).run()
    except ReferenceFailedError as exc:
        log.warning("submission %s: reference solution failed: %s", job.submission_id, exc)
        return JudgeReport(internal_error(job, f"the reference solution failed on this input ({exc})"))
    except Exception as exc:
        # Anything at all (sandbox failure, bug, full disk): IE, logged with the traceback for operators.
        log.exception("submission %s: internal error while judging", job.submission_id)
        return JudgeReport(internal_error(job, f"{exc.__class__.__name__}: {exc}"))
    for test, note in report.notes.items():
        log.info("submission %s test %s: %s", job.submission_id, test, note)
    return report


INPUTS_PREFIX = "algocode-judge-"
_swept = threading.Event()


def remove_dead_processes_dirs(parent: Path, prefix: str) -> None:
    """Remove `parent/<prefix><pid>-*` directories we own whose creating process is gone.

    For temp dirs that a SIGKILLed process never cleaned up; rmtree refuses symlinks.
    """
    for path in parent.glob(f"{prefix}*-*"):
        pid = path.name[len(prefix) :].split("-", 1)[0]
        try:
            stat = path.lstat()
            if not pid.isdigit() or stat.st_uid != os.geteuid() or not path.is_dir() or path.is_symlink():
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue


def _sweep_stale_inputs() -> None:
    """Remove input directories of judge processes that died mid-job (kill -9 skips their cleanup); once
    per process."""
    if _swept.is_set():
        return
    _swept.set()
    remove_dead_processes_dirs(Path(tempfile.gettempdir()), INPUTS_PREFIX)


def internal_error(job: SubmissionCreated, detail: str) -> SubmissionJudged:
    """The result of a judging that failed on our side: IE, never blamed on the user, never silence."""
    return SubmissionJudged(
        submission_id=job.submission_id,
        attempt=job.attempt,
        verdict=Verdict.INTERNAL_ERROR,
        message=f"Internal Error: {detail}"[:500],
        passed=0,
        total=len(job.tests),
        max_time_ms=0,
        max_memory_kib=0,
        judged_at=datetime.now(UTC),
        worker=WORKER,
    )


def _text(data: bytes) -> str:
    # Invalid UTF-8 and NUL bytes never reach the result message as such (docs/threat-model.md 19).
    return data.decode("utf-8", "replace").replace("\x00", "\ufffd")


def _clip(text: str | None, limit: int = MAX_IO_CHARS) -> tuple[str | None, bool]:
    if text is None or len(text) <= limit:
        return text, False
    return text[:limit], True


def compile_in_box(
    box: Box, language: Language, source: str, cache: BinaryCache | None, *, backend: str = ""
) -> CompileOutcome:
    """Put the source in the box and compile it there (or copy a cached artifact in).

    `backend` is `cache_backend(sandbox)`: part of the cache key (see cache_key).
    """
    entry = language.entry(source)
    if entry is None:
        # Java without a class declaring main: nothing for javac to be asked about; say what is missing.
        return CompileOutcome(
            ok=False, output=language.no_entry_point + "\n", message=Verdict.COMPILE_ERROR.label
        )
    box.write_file(language.source_name(entry), source.encode("utf-8", "surrogatepass"))
    for name, text in language.support_files:
        box.write_file(name, text.encode())
    if not language.compiled:
        return CompileOutcome(ok=True)
    key = cache_key(language, source, backend=backend) if cache is not None else None
    if cache is not None and key is not None:
        artifact = cache.get(key)
        if artifact is not None:
            box.write_file(language.artifact, artifact, executable=True)
            return CompileOutcome(ok=True, cache_hit=True)
    limits = language.compile_limits
    said: list[str] = []
    started = time.monotonic()
    for step in language.steps_for(entry):
        result = box.run(step.argv, limits=limits, env=language.environment)
        said.append(_text(result.stdout + result.stderr))
        if not result.ok:
            output = "".join(said) if step.failure is None else step.failure + "\n"
            reason = _compile_limit_reason(result, limits_memory=limits.memory_bytes, cpu=limits.cpu_time_s)
            # The first errors are the useful ones: keep the head, then say which limit stopped it.
            tail = f"\n{reason}\n" if reason else ""
            output = output[: MAX_COMPILE_OUTPUT_CHARS - len(tail)] + tail
            return CompileOutcome(
                ok=False,
                output=output,
                message=Verdict.COMPILE_ERROR.label + (f" ({reason})" if reason else ""),
                ran_compiler=True,
                seconds=time.monotonic() - started,
            )
    artifact = box.read_file(language.artifact, max_bytes=limits.output_bytes)
    if artifact is None:
        raise RuntimeError(f"the compile succeeded but left no {language.artifact} in the box")
    if cache is not None and key is not None:
        cache.put(key, artifact)
    output = "".join(said)
    return CompileOutcome(
        ok=True,
        output=output[:MAX_COMPILE_OUTPUT_CHARS],
        ran_compiler=True,
        seconds=time.monotonic() - started,
    )


def _compile_limit_reason(result: RunResult, *, limits_memory: int, cpu: float) -> str:
    if result.oom_killed:
        return f"the compiler went over its memory limit of {limits_memory // MIB} MiB"
    if result.cpu_limit_exceeded or result.wall_limit_exceeded:
        return f"the compiler went over its time limit of {cpu:g} s"
    if result.output_limit_exceeded:
        return "the compiler's output went over its size limit"
    if result.signal is not None:
        return f"the compiler was killed by {result.signal_name}"
    return ""


@dataclass(slots=True)
class _TestRun:
    test: TestCase
    result: TestResult
    run: RunResult
    expected: str | bytes | None


class _Judging:
    def __init__(self, job: SubmissionCreated, sandbox: Sandbox, cache: BinaryCache | None) -> None:
        self.job = job
        self.sandbox = sandbox
        self.cache = cache
        self.backend = cache_backend(sandbox)
        self.language = get_language(job.language)
        self.checker = Checker(job.checker)
        self.functions = FunctionJudging.for_job(job)  # None: a stdin problem
        self.notes: dict[str, str] = {}

    def _source(self, language: str, source: str) -> str:
        """What is compiled: the source, or for a function problem the source wrapped with its driver."""
        return source if self.functions is None else self.functions.program(language, source)

    def run(self) -> JudgeReport:
        job = self.job
        answers: list[str | bytes | None] = [test.answer for test in job.tests]
        _sweep_stale_inputs()
        with tempfile.TemporaryDirectory(prefix=f"{INPUTS_PREFIX}{os.getpid()}-") as tmp:
            inputs = self._write_inputs(Path(tmp))
            if job.kind is JobKind.RUN and job.reference is not None:
                answers = self._reference_answers(inputs)
            with self.sandbox.open_box() as box:
                source = self._source(job.language, job.source)
                compiled = compile_in_box(box, self.language, source, self.cache, backend=self.backend)
                if not compiled.ok:
                    return JudgeReport(self._compile_error(compiled), compile=compiled)
                runs = self._run_tests(box, self.language, inputs, answers)
        return JudgeReport(self._summary(runs, compiled), notes=self.notes, compile=compiled)

    def _write_inputs(self, tmp: Path) -> list[Path]:
        # Inputs live on the host, outside every box: the sandbox passes each one as stdin only.
        paths = []
        for index, test in enumerate(self.job.tests):
            path = tmp / f"{index}.in"
            if self.functions is not None:
                path.write_bytes(self.functions.stdin(test))
            else:
                path.write_bytes(test.input.encode("utf-8", "surrogatepass"))
            paths.append(path)
        return paths

    def _reference_answers(self, inputs: list[Path]) -> list[str | bytes | None]:
        reference = self.job.reference
        assert reference is not None
        language = get_language(reference.language)
        with self.sandbox.open_box() as box:
            source = self._source(reference.language, reference.source)
            compiled = compile_in_box(box, language, source, self.cache, backend=self.backend)
            if not compiled.ok:
                raise ReferenceFailedError(f"it does not compile: {compiled.output[:200]}")
            answers: list[str | bytes | None] = []
            for test, path in zip(self.job.tests, inputs, strict=True):
                spec = self._spec(language)
                run = box.run(spec.argv, limits=spec.limits, stdin=path, env=spec.env, fresh=True)
                verdict = run_verdict(run)
                if verdict is not None:
                    raise ReferenceFailedError(verdict.label)
                if self.functions is not None:
                    try:
                        answers.append(self.functions.reference_answer(test, run.stdout))
                    except ValueError as exc:
                        raise ReferenceFailedError(str(exc)) from None
                    continue
                answers.append(run.stdout)  # bytes: compared exactly as the reference printed them
        return answers

    def _spec(self, language: Language) -> RunSpec:
        limits = self.job.limits
        return language.run_spec(
            cpu_time_s=limits.time_limit_ms / 1000,
            memory_bytes=limits.memory_limit_kib * 1024,
            output_bytes=limits.output_limit_kib * 1024,
        )

    def _run_tests(
        self, box: Box, language: Language, inputs: list[Path], answers: list[str | bytes | None]
    ) -> list[_TestRun]:
        job = self.job
        spec = self._spec(language)
        runs: list[_TestRun] = []
        idle = IdleBudget()
        for test, path, answer in zip(job.tests, inputs, answers, strict=True):
            # Each test starts from the compiled program alone (threat-model.md #46).
            run = box.run(spec.argv, limits=spec.limits, stdin=path, env=spec.env, fresh=True)
            verdict = run_verdict(run)
            if idle.spend(run) and verdict is None:
                # Sleeping across tests, each under the wall limit, still holds the slot: TLE (#44).
                verdict = Verdict.TIME_LIMIT_EXCEEDED
                self.notes[test.name] = (
                    f"idle {idle.idle_s:.2f} s in all, more than the {idle.allowed_s:.2f} s allowed"
                )
            if verdict is None:
                if answer is None and self.functions is not None:
                    # Custom run without reference: the driver's answer must still be readable.
                    error = self.functions.decode(test, run.stdout).error
                    verdict = Verdict.WRONG_ANSWER if error else Verdict.ACCEPTED
                    if error:
                        self.notes[test.name] = error
                elif answer is None:
                    verdict = Verdict.ACCEPTED  # custom run without reference: running fine is all
                else:
                    if self.functions is not None:
                        checked = self.functions.check(test, answer, run.stdout)
                    else:
                        checked = self.checker.check(answer, run.stdout)
                    verdict = Verdict.ACCEPTED if checked.accepted else Verdict.WRONG_ANSWER
                    if not checked.accepted:
                        self.notes[test.name] = checked.reason
            result = TestResult(
                name=test.name,
                verdict=verdict,
                time_ms=round(run.cpu_time_s * 1000),
                wall_ms=round(run.wall_time_s * 1000),
                memory_kib=run.memory_bytes // 1024,
                exit_code=run.exit_code,
                signal=run.signal_name,
            )
            runs.append(_TestRun(test=test, result=result, run=run, expected=answer))
            if verdict is not Verdict.ACCEPTED and job.stop_on_first_failure:
                break
        return runs

    def _compile_error(self, compiled: CompileOutcome) -> SubmissionJudged:
        return SubmissionJudged(
            submission_id=self.job.submission_id,
            attempt=self.job.attempt,
            verdict=Verdict.COMPILE_ERROR,
            message=compiled.message,
            passed=0,
            total=len(self.job.tests),
            max_time_ms=0,
            max_memory_kib=0,
            compile_output=compiled.output,
            judged_at=datetime.now(UTC),
            worker=WORKER,
        )

    def _summary(self, runs: list[_TestRun], compiled: CompileOutcome) -> SubmissionJudged:
        job = self.job
        failed = next((run for run in runs if run.result.verdict is not Verdict.ACCEPTED), None)
        if failed is None:
            verdict, message = Verdict.ACCEPTED, Verdict.ACCEPTED.label
        else:
            verdict = failed.result.verdict
            message = test_message(verdict, failed.test.name, failed.run)
            if verdict is Verdict.RUNTIME_ERROR and failed.test.sample:
                # Only on samples: a hidden test's stderr is the program's channel out (threat-model.md #45).
                failure = self.language.failure_class(_text(failed.run.stderr))
                if failure:
                    message = f"{message}: {failure}"
        shown = failed
        if job.kind is JobKind.RUN and shown is None and runs:
            shown = runs[-1]
        io = None
        if shown is not None and (job.kind is JobKind.RUN or shown.test.sample):
            io = self._io(shown)
        return SubmissionJudged(
            submission_id=job.submission_id,
            attempt=job.attempt,
            verdict=verdict,
            message=message,
            passed=sum(run.result.verdict is Verdict.ACCEPTED for run in runs),
            total=len(job.tests),
            max_time_ms=max((run.result.time_ms for run in runs), default=0),
            max_memory_kib=max((run.result.memory_kib for run in runs), default=0),
            compile_output=compiled.output,
            tests=[run.result for run in runs],
            io=io,
            judged_at=datetime.now(UTC),
            worker=WORKER,
        )

    def _io(self, run: _TestRun) -> TestIO:
        actual = _text(run.run.stdout)
        if self.functions is not None:
            actual = self.functions.shown(run.test, run.run.stdout)  # the returned value as JSON
        fields = {
            "input": run.test.input,
            "expected": _text(run.expected) if isinstance(run.expected, bytes) else run.expected,
            "actual": actual,
            "stderr": _text(run.run.stderr),
        }
        clipped: dict[str, str | None] = {}
        truncated = False
        for name, value in fields.items():
            clipped[name], cut = _clip(value)
            truncated = truncated or cut
        return TestIO(test=run.test.name, truncated=truncated, **clipped)  # type: ignore[arg-type]
