"""threat-model.md #44: one user's submissions hold at most SUBMISSIONS_IN_FLIGHT_PER_USER judge slots.

Past the cap a submit or run gets 429 with Retry-After and the original's {"message", "wait_time"},
stores nothing and queues nothing; the verdict landing (through the real result consumer) frees the
slot, and a submission whose result was lost stops counting after the TTL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from algocode_contracts import job_queue_name
from code_manager.common import mongo
from code_manager.common.clock import to_iso

from .conftest import judged_body, publish_result_body, queue_depth

CPP = "int main() { return 0; }"


@pytest.fixture(autouse=True)
def cap_of_one() -> Iterator[None]:
    # The token bucket (3 per user) is off: these tests submit more often than it allows.
    with override_settings(
        SUBMISSIONS_IN_FLIGHT_PER_USER=1, SUBMISSIONS_IN_FLIGHT_TTL_SECONDS=120, RATE_LIMIT_ENABLED=False
    ):
        yield


def _submit(client, problem, path: str = "code/submit"):
    payload = {"problem_id": problem["_id"], "lang": "cpp", "code": CPP, "stdin": ""}
    return client.post(f"/api/v1/{path}/", payload, format="json")


def test_a_second_submission_waits_for_the_first_verdict(
    user_client, infra, problem, result_consumer
) -> None:
    client, user = user_client()
    first = _submit(client, problem)
    assert first.status_code == 201
    sid = first.json()["result"]["submission_id"]

    for path in ("code/submit", "code/run"):
        refused = _submit(client, problem, path)
        assert refused.status_code == 429, refused.content
        assert refused["Retry-After"] == "2"
        body = refused.json()
        assert body["code"] == "too_many_in_flight"
        assert "waiting for a verdict" in body["message"]
        assert body["wait_time"] == "2.00 seconds"
    assert mongo.get_db()["submissions"].count_documents({"user_id": user.user_id}) == 1
    assert queue_depth(infra, job_queue_name("cpp")) == 1

    publish_result_body(infra, judged_body(sid))
    assert client.get(f"/api/v1/result/check/{sid}/").status_code == 200  # the consumer stored it
    assert _submit(client, problem).status_code == 201


def test_another_user_is_not_held_up(user_client, problem) -> None:
    alice, _ = user_client("alice")
    bob, _ = user_client("bob")
    assert _submit(alice, problem).status_code == 201
    assert _submit(alice, problem).status_code == 429
    assert _submit(bob, problem).status_code == 201


def test_a_lost_result_does_not_lock_the_user_out(user_client, problem) -> None:
    client, user = user_client()
    assert _submit(client, problem).status_code == 201
    assert _submit(client, problem).status_code == 429
    # Its result was dead-lettered: it stays QUEUED. Past the TTL it no longer counts.
    old = to_iso(datetime.now(UTC) - timedelta(seconds=121))
    mongo.get_db()["submissions"].update_many({"user_id": user.user_id}, {"$set": {"created_at": old}})
    assert _submit(client, problem).status_code == 201


def test_concurrent_submits_never_exceed_the_cap(user_client, make_token, problem) -> None:
    from rest_framework.test import APIClient

    _, user = user_client()
    statuses: list[int] = []
    start = threading.Barrier(6)

    def submit() -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user)}")
        start.wait()
        statuses.append(_submit(client, problem).status_code)

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(statuses) == 6
    assert set(statuses) <= {201, 429}
    assert statuses.count(201) <= 1  # racing submits may all be refused, never two admitted
    queued = mongo.get_db()["submissions"].count_documents({"user_id": user.user_id})
    assert queued == statuses.count(201)


def test_zero_means_no_cap(user_client, problem) -> None:
    client, _ = user_client()
    with override_settings(SUBMISSIONS_IN_FLIGHT_PER_USER=0):
        assert [_submit(client, problem).status_code for _ in range(3)] == [201, 201, 201]
