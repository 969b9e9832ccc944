"""A problem's own output validator (`validation: custom`): compiled once, run per test in a box of its own.

The Kattis contract (docs/problem-format.md#output-validators): `validator input_file answer_file
feedback_dir [flags] < team_output`; exit 42 = Accepted, 43 = Wrong Answer, anything else (0 included, a
crash, a limit) = the validator failed, which is the judge's fault: Internal Error, never a verdict against
the user (docs/judge.md#verdicts). In the feedback directory, `judgemessage.txt` goes to operators (the
report's notes), `teammessage.txt` to the user on samples only, `score.txt` to scoring.

The validator is staff code but still runs like a submission (docs/threat-model.md #60-#64): its own box,
never the submission's, so the answer and input files never exist where the submitted program runs; an
unprivileged uid, no network, its own CPU/wall/memory limits (`VALIDATOR_LIMITS`); the team output it
reads is what the sandbox kept of the program's stdout, so never more than the problem's output limit.
One validator box serves one submission; every check is a fresh run (nothing passes between tests).

A judging with a validator holds two boxes, so two sandbox slots. `open_boxes` takes both under a lock
shared by every judge on the host's judge home: a judging never holds one slot while waiting for its second
outside that lock, so judgings that each hold one slot can never wait for each other forever
(docs/adr/0141-validator-box-per-submission.md).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import fcntl
import hashlib
import math
import os
import shlex
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from algocode_contracts import Verdict
from algocode_contracts.messages import OutputValidator, TestGroup
from rce_engine.judge.cache import BinaryCache, cache_backend
from rce_engine.languages.base import COMPILE_LIMITS, compiler_version
from rce_engine.sandbox.base import KIB, MIB, Box, Limits, RunResult, Sandbox

# One validator run (a check of one test's output). Generous: a validator is trusted to be fast, these only
# stop a broken one from holding the judge (threat-model.md #62). The output bytes bound the feedback
# files the validator may write (RLIMIT_FSIZE) and what the wrapper prints of them.
VALIDATOR_LIMITS = Limits(
    cpu_time_s=10.0,
    wall_time_s=20.0,
    memory_bytes=1024 * MIB,
    max_processes=16,
    output_bytes=4 * MIB,
    stderr_bytes=16 * KIB,
)
FEEDBACK_BYTES = 64 * KIB  # kept of each feedback file
FEEDBACK_FILES = ("judgemessage.txt", "teammessage.txt", "score.txt")
INPUT_FILE, ANSWER_FILE, FEEDBACK_DIR = "testdata.in", "testdata.ans", "feedback"
ARTIFACT = "validator"
ACCEPT, REJECT = 42, 43
_COMPILERS = {"c": ("gcc", "-O2", "-std=gnu11"), "cpp": ("g++", "-O2", "-std=gnu++17")}
_SOURCES = {"c": (".c",), "cpp": (".cpp", ".cc", ".cxx", ".c++")}

# Runs the validator, then prints each feedback file as "name\n<base64>\n" on stdout (the validator's own
# stdout is dropped: it only means something for interactive problems). A fresh run starts without
# feedback/, so nothing of an earlier test's feedback is ever read. "$@" are the flags, never parsed.
_WRAPPER = (
    "mkdir " + FEEDBACK_DIR + " || exit 125\n"
    "{command} " + f"{INPUT_FILE} {ANSWER_FILE} {FEEDBACK_DIR}/" + ' "$@" >/dev/null\n'
    "code=$?\n"
    "for name in " + " ".join(FEEDBACK_FILES) + "; do\n"
    '  if [ -f "' + FEEDBACK_DIR + '/$name" ]; then\n'
    '    printf "%s\\n" "$name"\n'
    "    head -c " + str(FEEDBACK_BYTES) + ' "' + FEEDBACK_DIR + '/$name" | base64 -w0\n'
    '    printf "\\n"\n'
    "  fi\n"
    "done\n"
    'exit "$code"\n'
)


class ValidatorError(Exception):
    """The validator cannot be built or did not run properly: an Internal Error of the submission."""


@dataclass(frozen=True, slots=True)
class ValidatorOutcome:
    verdict: Verdict  # AC, WA or IE
    judge_message: str = ""  # judgemessage.txt (operators), or why it is IE
    team_message: str = ""  # teammessage.txt (the user, on samples only)
    score: float | None = None  # score.txt, when the validator wrote one


def validator_cache_key(validator: OutputValidator, *, backend: str) -> str:
    """The cached binary of `validator`: its sources, language, compile command, compiler and backend."""
    digest = hashlib.sha256()
    compiler = _COMPILERS[validator.language]  # only C and C++ validators are compiled and cached
    version = "toolchain" if "\0" in backend else compiler_version((compiler[0], "--version"))
    parts = ["output-validator", backend, validator.language, version, "\0".join(compiler)]
    for name in sorted(validator.files):
        parts += [name, validator.files[name]]
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _text(data: bytes, limit: int = FEEDBACK_BYTES) -> str:
    return data[:limit].decode("utf-8", "replace").replace("\x00", "\ufffd")


def _failure(result: RunResult) -> str:
    if result.oom_killed:
        return "went over its memory limit"
    if result.cpu_limit_exceeded or result.wall_limit_exceeded:
        return "went over its time limit"
    if result.output_limit_exceeded:
        return "wrote more feedback than allowed"
    if result.signal is not None:
        return f"was killed by {result.signal_name}"
    code = result.exit_code
    if code is not None and code > 128:  # the wrapper shell's status of a validator killed by a signal
        with contextlib.suppress(ValueError):
            return f"was killed by {signal.Signals(code - 128).name} (status {code})"
    return f"exited with code {result.exit_code} (42 accepts, 43 rejects)"


def _pair_lock_path(sandbox: Sandbox) -> Path | None:
    config = getattr(sandbox, "config", None)
    home = getattr(config, "home", None)
    return Path(home) / "validator-box-pairs.lock" if home is not None else None


@contextlib.contextmanager
def open_boxes(sandbox: Sandbox, *, with_validator: bool) -> Iterator[tuple[Box, Box | None]]:
    """The submission's box and, when asked, the validator's: both taken under the host's pair lock."""
    if not with_validator:
        with sandbox.open_box() as box:
            yield box, None
        return
    slots = getattr(getattr(sandbox, "config", None), "slots", 2)
    if slots < 2:
        raise ValidatorError("a custom output validator needs two sandbox slots (ALGOCODE_SLOTS >= 2)")
    with contextlib.ExitStack() as stack:
        lock_path = _pair_lock_path(sandbox)
        fd = -1
        if lock_path is not None:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            if fd >= 0:
                fcntl.flock(fd, fcntl.LOCK_EX)
            box = stack.enter_context(sandbox.open_box())
            validator_box = stack.enter_context(sandbox.open_box())
        finally:
            if fd >= 0:
                os.close(fd)  # drops the flock: both boxes are held, nothing more is waited for
        yield box, validator_box


class ValidatorBox:
    """The validator of one submission's judging, built in `box` (its own): then `check` per test."""

    def __init__(
        self, sandbox: Sandbox, box: Box, validator: OutputValidator, cache: BinaryCache | None
    ) -> None:
        self.sandbox = sandbox
        self.validator = validator
        self.cache = cache
        self.compile_output = ""
        self.compiled_fresh = False  # the compiler ran (no cache hit)
        self.compile_seconds = 0.0
        self._box = box
        self._argv = self._build(box)

    def _build(self, box: Box) -> tuple[str, ...]:
        validator = self.validator
        reserved = {INPUT_FILE, ANSWER_FILE, FEEDBACK_DIR, ARTIFACT}
        if not validator.files or reserved & set(validator.files):
            raise ValidatorError(f"the validator's files must be named other than {sorted(reserved)}")
        for name, text in validator.files.items():
            box.write_file(name, text.encode("utf-8", "surrogatepass"))
        if validator.language == "python3":
            entry = "__main__.py" if "__main__.py" in validator.files else next(iter(validator.files))
            check = box.run(
                ("python3", "-S", "-m", "py_compile", *sorted(validator.files)), limits=COMPILE_LIMITS
            )
            if not check.ok:
                self.compile_output = _text(check.stdout + check.stderr)
                raise ValidatorError(f"the Python validator does not compile: {self.compile_output[:300]}")
            return ("python3", "-S", "-B", entry)
        if validator.language not in _COMPILERS:
            raise ValidatorError(f"no way to build a {validator.language} validator (c, cpp or python3)")
        key = validator_cache_key(validator, backend=cache_backend(self.sandbox))
        artifact = self.cache.get(key) if self.cache is not None else None
        if artifact is None:
            sources = sorted(n for n in validator.files if n.lower().endswith(_SOURCES[validator.language]))
            argv = (*_COMPILERS[validator.language], "-o", ARTIFACT, *sources, "-lm")
            started = time.monotonic()
            result = box.run(argv, limits=COMPILE_LIMITS)
            self.compiled_fresh = True
            self.compile_output = _text(result.stdout + result.stderr)
            if not result.ok:
                raise ValidatorError(
                    f"the validator does not compile ({_failure(result)}): {self.compile_output[:300]}"
                )
            artifact = box.read_file(ARTIFACT, max_bytes=COMPILE_LIMITS.output_bytes)
            if artifact is None:
                raise ValidatorError("the validator's compile left no binary")
            self.compile_seconds = time.monotonic() - started
            if self.cache is not None:
                self.cache.put(key, artifact)
        else:
            box.write_file(ARTIFACT, artifact, executable=True)
        return (f"./{ARTIFACT}",)

    def check(self, input_data: bytes, answer: bytes, team_output: bytes) -> ValidatorOutcome:
        """Judge one test's `team_output` (already capped by the problem's output limit)."""
        box = self._box
        box.write_file(INPUT_FILE, input_data)
        box.write_file(ANSWER_FILE, answer)
        script = _WRAPPER.replace("{command}", shlex.join(self._argv))
        result = box.run(
            ("/bin/sh", "-c", script, "validator", *self.validator.flags),
            limits=VALIDATOR_LIMITS,
            stdin=team_output,
            fresh=True,
        )
        feedback = _feedback(result.stdout)
        judge_message = _text(feedback.get("judgemessage.txt", b""))
        team_message = _text(feedback.get("teammessage.txt", b""))
        failed = (
            result.oom_killed
            or result.cpu_limit_exceeded
            or result.wall_limit_exceeded
            or result.output_limit_exceeded
            or result.signal is not None
            or result.exit_code not in (ACCEPT, REJECT)
        )
        if failed:
            stderr = _text(result.stderr, 2000).strip()
            detail = f"the output validator {_failure(result)}" + (f": {stderr}" if stderr else "")
            return ValidatorOutcome(Verdict.INTERNAL_ERROR, judge_message=detail)
        score = None
        if "score.txt" in feedback:
            try:
                score = float(feedback["score.txt"].decode("ascii").strip())
            except (UnicodeDecodeError, ValueError):
                score = math.nan
        verdict = Verdict.ACCEPTED if result.exit_code == ACCEPT else Verdict.WRONG_ANSWER
        return ValidatorOutcome(verdict, judge_message=judge_message, team_message=team_message, score=score)


def _feedback(stdout: bytes) -> dict[str, bytes]:
    """The wrapper's "name\\n<base64>\\n" frames; anything else in them is ignored."""
    lines = stdout.split(b"\n")
    files: dict[str, bytes] = {}
    for name, data in zip(lines[::2], lines[1::2], strict=False):
        key = name.decode("ascii", "replace")
        if key in FEEDBACK_FILES:
            try:
                files[key] = base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                continue
    return files


def points_per_test(group: TestGroup) -> float:
    """The most one test of `group` can earn: all of the group under min, its share under sum."""
    if group.aggregation == "min":
        return group.max_score
    return group.max_score / len(group.tests)


def score_problem(outcome: ValidatorOutcome, *, validator: OutputValidator, group: TestGroup | None) -> str:
    """Why `outcome`'s score.txt makes it a judge error ("" when it is fine), as the spec lists them."""
    if outcome.score is None or outcome.verdict is Verdict.INTERNAL_ERROR:
        return ""
    if not validator.score:
        return "the validator wrote score.txt but the problem does not say validation: custom score"
    if group is None:
        return ""  # a sample of a scoring problem: judged, not scored, its score.txt is not read
    if group.aggregation == "pass-fail":
        return "the validator wrote score.txt for a test whose group has no per-test score"
    if outcome.verdict is not Verdict.ACCEPTED:
        return "the validator wrote score.txt but rejected the output"
    if not math.isfinite(outcome.score) or outcome.score < 0:
        return "score.txt does not hold a number >= 0"
    if group.score_file == "fraction" and outcome.score > 1:
        return f"score.txt holds {outcome.score:g}, more than 1 (the share of the test's points)"
    if group.score_file == "points" and outcome.score > points_per_test(group) + 1e-9:
        return f"score.txt holds {outcome.score:g}, more than the test's {points_per_test(group):g} points"
    return ""


def judge_with(
    validator: ValidatorBox, input_data: bytes, answer: bytes, output: bytes, *, group: TestGroup | None
) -> ValidatorOutcome:
    """`validator.check`, with a score.txt the spec calls a judge error turned into IE."""
    outcome = validator.check(input_data, answer, output)
    problem = score_problem(outcome, validator=validator.validator, group=group)
    if problem:
        return ValidatorOutcome(Verdict.INTERNAL_ERROR, judge_message=problem)
    return outcome
