"""The result consumer over the real broker: idempotent, stale attempts lose, poison is dead-lettered."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable

import pytest

from algocode_contracts import DEAD_LETTER_QUEUE, SubmissionCreated, SubmissionJudged, example_payload
from code_manager.common import mongo
from code_manager.submissions.consumers import results_consume
from code_manager.submissions.models import ResultOutcome
from code_manager.submissions.services import result_apply

from .conftest import drain, judged_body, judged_payload, publish_result_body, queue_depth

CODE = "print(1)"


def submit(client, problem) -> str:
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "python", "code": CODE}, format="json"
    )
    assert response.status_code == 201
    return response.json()["result"]["submission_id"]


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def submission(sid: str) -> dict:
    return mongo.get_db()["submissions"].find_one({"_id": sid})


def judged(sid: str) -> bool:
    doc = submission(sid)
    return doc is not None and doc.get("result") is not None


@pytest.fixture
def second_consumer(infra):
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=results_consume, kwargs={"stop": stop, "ready": ready}, daemon=True)
    thread.start()
    assert ready.wait(15)
    yield
    stop.set()
    thread.join(15)


def test_the_contract_example_result_parses_and_applies(user_client, problem) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    payload = {**example_payload("submission_judged"), "submission_id": sid}
    assert result_apply(result=SubmissionJudged.model_validate(payload)) is ResultOutcome.APPLIED


@pytest.mark.parametrize("copies", [2, 10])
def test_duplicates_delivered_to_concurrent_consumers_give_one_result(
    user_client, infra, problem, result_consumer, second_consumer, copies
) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    bodies = [judged_body(sid, verdict="AC")] + [judged_body(sid, verdict="WA") for _ in range(copies - 1)]
    threads = [threading.Thread(target=publish_result_body, args=(infra, body)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wait_until(lambda: judged(sid) and queue_depth(infra, "algocode.results") == 0)
    time.sleep(0.3)  # let the last in-flight duplicate finish
    db = mongo.get_db()
    assert db["submissions"].count_documents({"submission_id": sid}) == 1
    doc = submission(sid)
    assert doc["judged_attempt"] == 1
    first_verdict = doc["result"]["verdict"]
    # The verdict that landed first stays; every later copy was ignored.
    assert client.get(f"/api/v1/result/check/{sid}/").json()["data"]["verdict"] == first_verdict
    stats = db["problems"].find_one({"_id": problem["_id"]})["stats"]
    assert stats["submitted"] == 1
    assert queue_depth(infra, DEAD_LETTER_QUEUE) == 0


def test_a_stale_attempt_never_overwrites_a_newer_verdict(user_client, problem) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    # A rejudge raised the attempt to 2 before the old attempt's result arrived.
    mongo.get_db()["submissions"].update_one({"_id": sid}, {"$set": {"attempt": 2}})

    def apply(**kwargs) -> ResultOutcome:
        return result_apply(result=SubmissionJudged.model_validate(judged_payload(sid, **kwargs)))

    assert apply(attempt=1, verdict="WA") is ResultOutcome.IGNORED
    assert apply(attempt=2, verdict="AC") is ResultOutcome.APPLIED
    assert apply(attempt=1, verdict="TLE") is ResultOutcome.IGNORED
    assert apply(attempt=2, verdict="RE") is ResultOutcome.IGNORED
    assert submission(sid)["result"]["verdict"] == "AC"


def test_a_result_that_arrives_before_queued_is_kept(user_client, problem, monkeypatch) -> None:
    """The judge can answer before the submit path marks the document queued: the verdict must stay."""
    from code_manager.submissions import services

    def judged_before_confirm(job) -> None:
        services.result_apply(result=SubmissionJudged.model_validate(judged_payload(str(job.submission_id))))

    monkeypatch.setattr(services, "publish_job", judged_before_confirm)
    client, _ = user_client()
    sid = submit(client, problem)
    doc = submission(sid)
    assert doc["status"] == "judged"
    assert doc["result"]["verdict"] == "AC"
    assert client.get(f"/api/v1/result/check/{sid}/").status_code == 200


POISON = {
    "not JSON": b"this is not json",
    "wrong schema": json.dumps({"schema": "submission.judged/v1", "verdict": "AC"}).encode(),
    "unknown field (language)": None,
    "unknown verdict": None,
    "10 MB": None,
    "invalid UTF-8": b'{"schema": "\xff\xfe"}',
    "unknown submission": None,
}


def test_poison_messages_are_dead_lettered_and_the_next_one_is_handled(
    user_client, infra, problem, result_consumer
) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    poison = dict(POISON)
    poison["unknown field (language)"] = json.dumps({**judged_payload(sid), "language": "cobol"}).encode()
    poison["unknown verdict"] = json.dumps(judged_payload(sid, verdict="XYZ")).encode()
    poison["10 MB"] = json.dumps({**judged_payload(sid), "compile_output": "x" * (10 * 1024 * 1024)}).encode()
    poison["unknown submission"] = judged_body(str(uuid.uuid4()))
    for body in poison.values():
        publish_result_body(infra, body)
    publish_result_body(infra, judged_body(sid))

    assert wait_until(lambda: judged(sid)), "the valid message after the poison was not handled"
    assert wait_until(lambda: queue_depth(infra, DEAD_LETTER_QUEUE) == len(poison))
    dead = drain(infra, DEAD_LETTER_QUEUE, expect=len(poison))
    assert sorted(len(body) for body in dead) == sorted(len(body) for body in poison.values())
    assert submission(sid)["result"]["verdict"] == "AC"


def test_mongodb_outage_keeps_the_message_until_it_can_be_stored(
    user_client, infra, problem, result_consumer
) -> None:
    from django.test import override_settings

    from .conftest import free_port

    client, _ = user_client()
    sid = submit(client, problem)
    with override_settings(MONGO_URL=f"mongodb://127.0.0.1:{free_port()}", MONGO_TIMEOUT_MS=300):
        publish_result_body(infra, judged_body(sid))
        time.sleep(1.5)  # the consumer is retrying against the dead MongoDB
        assert queue_depth(infra, DEAD_LETTER_QUEUE) == 0
    assert wait_until(lambda: judged(sid)), "the result was lost during the MongoDB outage"
    assert queue_depth(infra, DEAD_LETTER_QUEUE) == 0


def test_staff_rejudge_publishes_a_new_attempt_that_replaces_the_verdict(user_client, infra, problem) -> None:
    from algocode_contracts import job_queue_name

    from .conftest import drain

    client, _ = user_client()
    staff, _ = user_client("admin", is_staff=True)
    sid = submit(client, problem)
    drain(infra, job_queue_name("python3"))
    result_apply(result=SubmissionJudged.model_validate(judged_payload(sid, verdict="WA")))

    assert client.post(f"/api/v1/submissions/{sid}/rejudge/").status_code == 403
    response = staff.post(f"/api/v1/submissions/{sid}/rejudge/")
    assert response.status_code == 202
    assert response.json()["attempt"] == 2
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert (str(job.submission_id), job.attempt, job.source) == (sid, 2, CODE)

    # Until the new verdict lands the old one is shown; a late copy of attempt 1 changes nothing.
    assert client.get(f"/api/v1/result/check/{sid}/").json()["data"]["verdict"] == "WA"
    late = SubmissionJudged.model_validate(judged_payload(sid, attempt=1, verdict="TLE"))
    assert result_apply(result=late) is ResultOutcome.IGNORED
    new = SubmissionJudged.model_validate(judged_payload(sid, attempt=2, verdict="AC"))
    assert result_apply(result=new) is ResultOutcome.APPLIED
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert (data["verdict"], data["attempt"]) == ("AC", 2)
    assert mongo.get_db()["problems"].find_one({"_id": problem["_id"]})["stats"]["submitted"] == 1
    assert staff.post(f"/api/v1/submissions/{uuid.uuid4()}/rejudge/").status_code == 404


def test_a_submission_stored_as_python_is_shown_and_rejudged_as_python3(user_client, infra, problem) -> None:
    from algocode_contracts import job_queue_name

    client, _ = user_client()
    staff, _ = user_client("admin", is_staff=True)
    sid = submit(client, problem)
    drain(infra, job_queue_name("python3"))
    # Written before Python 3's id became python3 (ADR 0112).
    mongo.get_db()["submissions"].update_one({"_id": sid}, {"$set": {"lang": "python"}})

    [item] = client.get("/api/v1/submissions/").json()["submissions"]["results"]
    assert item["lang"] == "python3"
    assert staff.post(f"/api/v1/submissions/{sid}/rejudge/").status_code == 202
    [body] = drain(infra, job_queue_name("python3"))
    assert SubmissionCreated.model_validate_json(body).language == "python3"
