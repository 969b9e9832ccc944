"""The example payloads parse, and malformed messages are refused (they would be dead-lettered)."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from algocode_contracts import (
    JOB_SCHEMA,
    RESULT_SCHEMA,
    USER_DEACTIVATED_SCHEMA,
    JobKind,
    SubmissionCreated,
    SubmissionJudged,
    UserDeactivated,
    Verdict,
    example_payload,
)


def test_job_examples_parse():
    job = SubmissionCreated.model_validate(example_payload("submission_created"))
    assert job.schema_ == JOB_SCHEMA
    assert job.language == "cpp"
    assert [t.sample for t in job.tests] == [True, False]
    run = SubmissionCreated.model_validate(example_payload("submission_created_run"))
    assert run.kind is JobKind.RUN
    assert run.reference is not None
    assert run.tests[0].answer is None


def test_result_example_round_trips_through_json():
    result = SubmissionJudged.model_validate(example_payload("submission_judged"))
    assert result.verdict is Verdict.WRONG_ANSWER
    again = SubmissionJudged.model_validate_json(result.model_dump_json(by_alias=True))
    assert again == result
    assert json.loads(result.model_dump_json(by_alias=True))["schema"] == RESULT_SCHEMA


@pytest.mark.parametrize(
    "mutate",
    [
        lambda p: p.update(schema="submission.created/v2"),
        lambda p: p.update(language="brainfuck"),
        lambda p: p.update(tests=[]),
        lambda p: p.update(attempt=0),
        lambda p: p.update(submission_id="not-a-uuid"),
        lambda p: p.update(compiler_flags=["-fplugin=evil.so"]),  # users pass no flags (threat 9)
        lambda p: p["limits"].update(time_limit_ms=10**9),
        lambda p: p.pop("source"),
    ],
)
def test_malformed_jobs_are_refused(mutate):
    payload = example_payload("submission_created")
    mutate(payload)
    with pytest.raises(ValidationError):
        SubmissionCreated.model_validate(payload)


def test_not_json_is_refused():
    with pytest.raises(ValidationError):
        SubmissionCreated.model_validate_json(b"\xff\xfe not json")


def test_verdict_labels_are_the_originals_words():
    assert Verdict.ACCEPTED.label == "Accepted"
    assert Verdict.COMPILE_ERROR.label == "Compilation Error"
    assert Verdict("TLE") is Verdict.TIME_LIMIT_EXCEEDED


def test_user_deactivated_example_round_trips_through_json():
    event = UserDeactivated.model_validate(example_payload("user_deactivated"))
    assert event.schema_ == USER_DEACTIVATED_SCHEMA
    assert event.user_id == "0b7e4c1a-3f52-4d8e-9a61-2c5f7d9e8b10"
    assert event.reason == "deleted"
    assert event.deactivated_at == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
    again = UserDeactivated.model_validate_json(event.model_dump_json(by_alias=True))
    assert again == event
    assert json.loads(event.model_dump_json(by_alias=True))["schema"] == USER_DEACTIVATED_SCHEMA


def test_user_deactivated_time_is_normalised_to_utc():
    payload = example_payload("user_deactivated") | {"deactivated_at": "2026-12-04T18:00:00+02:00"}
    event = UserDeactivated.model_validate(payload)
    assert event.deactivated_at.utcoffset() == timedelta(0)
    assert event.deactivated_at == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda p: p.update(schema="user.deactivated/v2"),
        lambda p: p.update(reason="banned"),
        lambda p: p.update(user_id=""),
        lambda p: p.update(deactivated_at="2026-12-04T16:00:00"),  # no time zone: ambiguous
        lambda p: p.update(is_staff=True),
        lambda p: p.pop("user_id"),
    ],
)
def test_malformed_user_events_are_refused(mutate):
    payload = example_payload("user_deactivated")
    mutate(payload)
    with pytest.raises(ValidationError):
        UserDeactivated.model_validate(payload)
