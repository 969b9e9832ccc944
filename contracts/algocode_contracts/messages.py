"""The messages: `submission.created/v1` (job, code manager → judge), `submission.judged/v1` (result,
judge → code manager) and `user.deactivated/v1` (auth → every service that accepts auth's tokens).

Both are JSON. Receivers validate with `Model.model_validate_json(body)`; anything that fails is
dead-lettered. Unknown fields are refused so that a producer's typo never passes silently.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from importlib import resources
from typing import Annotated, Any, Final, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from algocode_contracts.functions.signature import parse_signature
from algocode_contracts.testdata import BlobRef
from algocode_contracts.topology import LANGUAGES

JOB_SCHEMA: Final = "submission.created/v1"
RESULT_SCHEMA: Final = "submission.judged/v1"
USER_DEACTIVATED_SCHEMA: Final = "user.deactivated/v1"

MAX_SOURCE_CHARS: Final = 256 * 1024
MAX_COMPILE_OUTPUT_CHARS: Final = 64 * 1024
MAX_IO_CHARS: Final = 8 * 1024  # input / expected / actual shown back to the user, each


class Verdict(StrEnum):
    ACCEPTED = "AC"
    WRONG_ANSWER = "WA"
    COMPILE_ERROR = "CE"
    TIME_LIMIT_EXCEEDED = "TLE"
    MEMORY_LIMIT_EXCEEDED = "MLE"
    RUNTIME_ERROR = "RE"
    OUTPUT_LIMIT_EXCEEDED = "OLE"
    INTERNAL_ERROR = "IE"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Verdict.ACCEPTED: "Accepted",
    Verdict.WRONG_ANSWER: "Wrong Answer",
    Verdict.COMPILE_ERROR: "Compilation Error",
    Verdict.TIME_LIMIT_EXCEEDED: "Time Limit Exceeded",
    Verdict.MEMORY_LIMIT_EXCEEDED: "Memory Limit Exceeded",
    Verdict.RUNTIME_ERROR: "Runtime Error",
    Verdict.OUTPUT_LIMIT_EXCEEDED: "Output Limit Exceeded",
    Verdict.INTERNAL_ERROR: "Internal Error",
}


class JobKind(StrEnum):
    SUBMIT = "submit"  # judged against every test of the problem
    RUN = "run"  # custom input: one test, no hidden data


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Language = Annotated[str, Field(pattern="^(" + "|".join(LANGUAGES) + ")$")]


class JudgeLimits(_Message):
    time_limit_ms: int = Field(ge=50, le=30_000)  # CPU time per test
    memory_limit_kib: int = Field(ge=4 * 1024, le=4 * 1024 * 1024)  # memory + swap per test
    output_limit_kib: int = Field(default=64 * 1024, ge=1, le=256 * 1024)


class CheckerSettings(_Message):
    """The ICPC default output validator's flags (`validator_flags` in problem.yaml)."""

    case_sensitive: bool = False
    space_change_sensitive: bool = False
    float_absolute_tolerance: float | None = Field(default=None, ge=0)
    float_relative_tolerance: float | None = Field(default=None, ge=0)


class TestCase(_Message):
    __test__ = False  # not a pytest test class

    name: str = Field(min_length=1, max_length=200)
    input: str
    answer: str | None = None  # None only in a custom run without a reference solution
    sample: bool = False  # samples may show input/expected/actual back to the user
    # The bytes by reference (ADR 0150): set for a big or non-UTF-8 test, whose `input` / `answer` are
    # then "". Optional and additive: judges that know them are deployed before code managers that send them.
    input_ref: BlobRef | None = None
    answer_ref: BlobRef | None = None

    @model_serializer(mode="wrap")
    def _omit_absent_refs(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # An inline test serialises exactly as before ADR 0150: a job without references is one an older
        # judge still accepts (it refuses unknown fields, even null ones).
        data: dict[str, Any] = handler(self)
        for key in ("input_ref", "answer_ref"):
            if data.get(key) is None:
                data.pop(key, None)
        return data

    @model_validator(mode="after")
    def _one_form(self) -> TestCase:
        if self.input_ref is not None and self.input:
            raise ValueError("a test with input_ref has an empty input")
        if self.answer_ref is not None and self.answer:
            raise ValueError("a test with answer_ref has an empty (or no) answer")
        return self


class ReferenceSolution(_Message):
    language: Language
    source: str = Field(min_length=1, max_length=MAX_SOURCE_CHARS)


class OutputValidator(_Message):
    """A problem's own output validator (validation: custom): trusted staff code, run in a box of its own."""

    language: Language  # c, cpp or python3
    files: dict[str, str]  # file name -> source text (at least one; sizes bounded)
    flags: list[str] = []  # validator_flags from problem.yaml, split on whitespace
    interactive: bool = False  # validation: custom interactive (vinter)
    score: bool = False  # validation: custom score: the validator writes score.txt


class TestGroup(_Message):
    """One scored test group of a scoring problem (docs/problem-format.md#scoring): its tests and points."""

    __test__ = False

    name: str = Field(min_length=1, max_length=200)  # "secret/group1"
    tests: list[str] = Field(min_length=1, max_length=1000)  # its TestCase names, in judging order
    max_score: float = Field(ge=0, le=1e9)
    aggregation: Literal["pass-fail", "sum", "min"] = "sum"
    on_reject: Literal["break", "continue"] = "break"  # after a rejected test: skip the rest of the group
    # score.txt: "fraction" of the test's points in [0, 1] (2023-07), or the test's "points" (legacy, where
    # the default grader's worst_error also makes a group with any rejected test score 0).
    score_file: Literal["fraction", "points"] = "fraction"


class SubmissionCreated(_Message):
    schema_: Literal["submission.created/v1"] = Field(default=JOB_SCHEMA, alias="schema")
    submission_id: UUID
    attempt: int = Field(default=1, ge=1)  # raised on every rejudge; results of older attempts lose
    kind: JobKind = JobKind.SUBMIT
    language: Language
    source: str = Field(min_length=1, max_length=MAX_SOURCE_CHARS)
    limits: JudgeLimits
    checker: CheckerSettings = CheckerSettings()
    tests: list[TestCase] = Field(min_length=1, max_length=1000)
    stop_on_first_failure: bool = True
    reference: ReferenceSolution | None = None  # custom run: produces the expected output
    created_at: datetime
    validator: OutputValidator | None = None  # None: the default validator (`checker`)
    groups: list[TestGroup] | None = None  # a scoring problem's groups; None: pass/fail
    # A function-style problem (docs/problem-format.md): the signature's to_dict() form; the source is the
    # user's function only and the tests' input/answer are JSON lines. None: a stdin problem.
    function: dict[str, Any] | None = None

    @field_validator("function")
    @classmethod
    def _signature(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is None:
            return None
        signature = parse_signature(value)
        if signature is None:
            raise ValueError("function: expected {'function': ...} or {'design': ...}")
        return signature.to_dict()


class TestResult(_Message):
    __test__ = False

    name: str
    verdict: Verdict
    time_ms: int  # CPU time
    wall_ms: int
    memory_kib: int  # peak
    exit_code: int | None = None
    signal: str | None = None  # e.g. "SIGSEGV"


class TestIO(_Message):
    """One test's data shown back to the user: only for samples and custom runs. Truncated."""

    __test__ = False

    test: str
    input: str
    expected: str | None
    actual: str
    stderr: str = ""
    truncated: bool = False
    # The output validator's teammessage.txt (samples only). Like every field a result gained after v1, left
    # out when empty: judges deploy first, and a code manager that predates it refuses unknown fields.
    feedback: str = Field(default="", exclude_if=lambda value: not value)

    @field_validator("input", "expected", "actual", "stderr", "feedback")
    @classmethod
    def _bounded(cls, value: str | None) -> str | None:
        if value is not None and len(value) > MAX_IO_CHARS:
            raise ValueError(f"longer than {MAX_IO_CHARS} characters; truncate before sending")
        return value


class GroupScore(_Message):
    """Points of one test group of a scoring problem in a result."""

    name: str
    score: float = Field(ge=0)
    max_score: float = Field(ge=0)
    verdict: Verdict  # AC when every test of the group was accepted, else the first rejection's verdict


class SubmissionJudged(_Message):
    schema_: Literal["submission.judged/v1"] = Field(default=RESULT_SCHEMA, alias="schema")
    submission_id: UUID
    attempt: int = Field(ge=1)
    verdict: Verdict
    message: str  # one line for people: "Wrong Answer on test 3", "Runtime Error (SIGSEGV) on test 2"
    passed: int = Field(ge=0)
    total: int = Field(ge=0)
    max_time_ms: int = Field(ge=0)
    max_memory_kib: int = Field(ge=0)
    compile_output: str = Field(default="", max_length=MAX_COMPILE_OUTPUT_CHARS)
    tests: list[TestResult] = []
    io: TestIO | None = None
    judged_at: datetime
    worker: str = ""  # which worker judged it (host/pid), for operators
    # Scoring problems: the total points (the sum over `groups`) and the most there are; None: pass/fail.
    # Left out when unset (see TestIO.feedback): results of pass/fail problems are what they were.
    score: float | None = Field(default=None, exclude_if=lambda value: value is None)
    max_score: float | None = Field(default=None, exclude_if=lambda value: value is None)
    groups: list[GroupScore] = Field(default=[], exclude_if=lambda value: not value)


class UserDeactivated(_Message):
    """A user can no longer sign in: every token carrying `user_id` must be refused from now on.

    Published by auth after the change has committed, on the `algocode.users` fanout exchange. A receiver
    keeps `user_id` in a deny-list at least as long as an access token lives (docs/messaging.md).
    """

    schema_: Literal["user.deactivated/v1"] = Field(default=USER_DEACTIVATED_SCHEMA, alias="schema")
    user_id: str = Field(min_length=1, max_length=64)  # the JWT `user_id` claim (a UUID string)
    deactivated_at: AwareDatetime  # normalised to UTC
    reason: Literal["deleted", "deactivated"]  # the user deleted the account / staff deactivated it

    @field_validator("deactivated_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return value.astimezone(UTC)


def example_payload(name: str) -> dict[str, Any]:
    """An example payload shipped with the package (`examples/<name>.json`)."""
    text = resources.files("algocode_contracts").joinpath("examples", f"{name}.json").read_text()
    return json.loads(text)
