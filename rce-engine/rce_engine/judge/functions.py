"""Judging a function-style job (`job.function` set): what changes against a stdin job, in one place.

* The program compiled is `program(signature, language, source)`: the user's function plus the generated
  driver, one source file of the job's language (its cache key follows from that text).
* Each test's stdin is `encode_input(signature, test.input)`: the JSON lines checked and encoded in the
  wire format (codec.py); the box never sees the JSON, never the expected answer.
* After a clean run the driver's stdout (its result channel) is decoded with `decode_output` and compared
  with the expected JSON by type (compare.py): AC or WA. A result that cannot be decoded (the `!`
  wrong-type token, a truncated answer) is WA with the reason in the staff notes.
* The run's stderr carries the user's own prints (the driver moved stdout there): shown on samples and
  custom runs only, like any stderr. TestIO.actual is the returned value as compact JSON.
* A custom run's reference solution is function-only code too: it runs through its own driver and its
  decoded result is the expected value.
See docs/judge.md ("Function-style problems") and ADR 0160.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from algocode_contracts import CheckerSettings, SubmissionCreated, TestCase
from algocode_contracts.functions import (
    DecodeError,
    Signature,
    decode_output,
    dumps,
    encode_input,
    parse_signature,
)
from algocode_contracts.functions.compare import Comparison, design_calls
from algocode_contracts.functions.languages import program
from rce_engine.judge.checker import CheckResult


@dataclass(frozen=True, slots=True)
class Decoded:
    value: Any = None
    error: str = ""  # why the driver's answer could not be read (then `value` is meaningless)


class FunctionJudging:
    """The per-job helper the judge calls when `job.function` is set."""

    def __init__(self, signature: Signature, settings: CheckerSettings) -> None:
        self.signature = signature
        self.comparison = Comparison(signature, settings)

    @classmethod
    def for_job(cls, job: SubmissionCreated) -> FunctionJudging | None:
        signature = parse_signature(job.function)
        return None if signature is None else cls(signature, job.checker)

    def program(self, language: str, source: str) -> str:
        """The source file the judge compiles: the user's code wrapped with the language's driver."""
        return program(self.signature, language, source)

    def stdin(self, test: TestCase) -> bytes:
        """The driver's stdin for `test` (raises InputError when the JSON lines do not fit)."""
        return encode_input(self.signature, test.input)

    def decode(self, test: TestCase, stdout: bytes) -> Decoded:
        try:
            calls = design_calls(self.signature, test.input)
            return Decoded(decode_output(self.signature, stdout, calls=calls))
        except DecodeError as exc:
            return Decoded(error=str(exc))

    def check(self, test: TestCase, answer: str | bytes, stdout: bytes) -> CheckResult:
        """AC/WA of a clean run: the decoded result against the expected JSON (`answer`)."""
        decoded = self.decode(test, stdout)
        if decoded.error:
            return CheckResult(False, decoded.error)
        expected = json.loads(answer)
        calls = design_calls(self.signature, test.input)
        accepted, reason = self.comparison.compare(expected, decoded.value, calls=calls)
        return CheckResult(accepted, reason)

    def reference_answer(self, test: TestCase, stdout: bytes) -> str:
        """The expected value a custom run's reference solution produced, as JSON text; ValueError when
        its driver's answer cannot be read."""
        decoded = self.decode(test, stdout)
        if decoded.error:
            raise ValueError(decoded.error)
        return dumps(decoded.value)

    def shown(self, test: TestCase, stdout: bytes) -> str:
        """TestIO.actual: the returned value as compact JSON, or why it could not be read."""
        decoded = self.decode(test, stdout)
        if decoded.error:
            return f"(no valid result: {decoded.error})"
        return dumps(decoded.value)
