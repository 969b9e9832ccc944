"""Result checks: 202 after the wait, woken the moment a verdict is consumed, owner-only, and history."""

from __future__ import annotations

import json
import threading
import time
import uuid

import redis
from django.test import override_settings

from code_manager.submissions import cache
from code_manager.submissions.services import result_apply

from .conftest import drain, free_port, judged_body, judged_payload, publish_result_body

CPP = "int main() { return 0; }"


def submit(client, problem, *, lang: str = "cpp") -> str:
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": lang, "code": CPP}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()["result"]["submission_id"]


def apply(sid: str, **kwargs) -> None:
    from algocode_contracts import SubmissionJudged

    result_apply(result=SubmissionJudged.model_validate(judged_payload(sid, **kwargs)))


def test_pending_then_success_with_the_result_shape(user_client, problem) -> None:
    client, user = user_client()
    sid = submit(client, problem)
    pending = client.get(f"/api/v1/result/check/{sid}/")
    assert pending.status_code == 202
    assert {k: v for k, v in pending.json().items() if k != "message"} == {"status": "pending", "data": None}

    io = {"test": "sample/2", "input": "5 5\n", "expected": "10\n", "actual": "11\n", "stderr": ""}
    apply(sid, verdict="WA", passed=2, tests=[], io={**io, "truncated": False})
    done = client.get(f"/api/v1/result/check/{sid}/")
    assert done.status_code == 200
    body = done.json()
    assert body["status"] == "success"
    data = body["data"]
    assert data["submission_id"] == sid
    assert data["problem_id"] == problem["_id"]
    assert data["lang"] == "cpp"
    assert (data["verdict"], data["status"]) == ("WA", "Wrong Answer")
    assert data["result"] == {"verdict": "Wrong Answer", "result": "WA on test sample/1"}
    assert (data["passed"], data["total"], data["max_time_ms"], data["max_memory_kib"]) == (2, 4, 12, 3412)
    assert data["io"]["expected"] == "10\n"
    assert data["created_at"]
    assert data["judged_at"]
    raw = json.dumps(body)
    assert user.user_id not in raw
    assert "email" not in raw
    assert "worker" not in raw


def test_io_of_a_hidden_test_is_never_relayed(user_client, problem) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    apply(sid, verdict="WA", io={
        "test": "secret/1", "input": "1000 2000\n", "expected": "HIDDEN-3000\n", "actual": "1\n",
        "stderr": "", "truncated": False,
    })  # fmt: skip
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert data["io"] is None
    assert "HIDDEN" not in json.dumps(data)


def test_a_waiting_check_returns_as_soon_as_the_result_is_consumed(
    user_client, infra, problem, result_consumer
) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    outcome: dict = {}

    def check() -> None:
        outcome["response"] = client.get(f"/api/v1/result/check/{sid}/")

    with override_settings(RESULT_WAIT_SECONDS=30):
        waiter = threading.Thread(target=check)
        waiter.start()
        time.sleep(0.5)  # the check is now waiting
        publish_result_body(infra, judged_body(sid))
        # Without the wake-up the check would only answer after 30 s.
        waiter.join(15)
        assert not waiter.is_alive(), "the waiting check was not woken by the result"
    assert outcome["response"].status_code == 200
    assert outcome["response"].json()["data"]["status"] == "Accepted"


def test_redis_down_result_check_answers_from_mongodb(user_client, problem) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    outcome: dict = {}

    def check() -> None:
        outcome["response"] = client.get(f"/api/v1/result/check/{sid}/")

    with override_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0", RESULT_WAIT_SECONDS=30):
        waiter = threading.Thread(target=check)
        waiter.start()
        time.sleep(1.0)
        apply(sid)  # no cache write, no announcement: Redis is unreachable
        # Only polling MongoDB can answer before the 30 s deadline.
        waiter.join(15)
        assert not waiter.is_alive(), "the waiting check did not fall back to MongoDB"
    assert outcome["response"].status_code == 200
    assert outcome["response"].json()["data"]["verdict"] == "AC"


def test_another_users_submission_is_404_not_403(user_client, problem) -> None:
    alice, _ = user_client("alice")
    mallory, _ = user_client("mallory")
    sid = submit(alice, problem)
    assert mallory.get(f"/api/v1/result/check/{sid}/").status_code == 404
    apply(sid)
    assert alice.get(f"/api/v1/result/check/{sid}/").status_code == 200  # now cached in Redis
    stolen = mallory.get(f"/api/v1/result/check/{sid}/")
    assert stolen.status_code == 404
    assert stolen.json()["code"] == "submission_not_found"


def test_unknown_and_malformed_ids_are_json_404(user_client) -> None:
    client, _ = user_client()
    assert client.get(f"/api/v1/result/check/{uuid.uuid4()}/").status_code == 404
    malformed = client.get("/api/v1/result/check/not-an-id/")
    assert malformed.status_code == 404
    assert malformed.json()["code"] == "submission_not_found"


def test_history_is_own_newest_first_and_filterable(user_client, infra, problem) -> None:
    from code_manager.problems.services import ProblemData, TestData, problem_create, problem_tests_replace

    other_problem = problem_create(data=ProblemData(title="Other"))
    problem_tests_replace(problem_id=other_problem["_id"], tests=[TestData("secret/1", "1\n", "1\n")])
    alice, _ = user_client("alice")
    bob, _ = user_client("bob")
    first = submit(alice, problem)
    second = submit(alice, other_problem)
    third = submit(alice, problem, lang="c")
    submit(bob, problem)
    drain(infra, "algocode.jobs.cpp", expect=3)
    apply(first)

    history = alice.get("/api/v1/submissions/").json()["submissions"]
    assert history["count"] == 3
    assert [s["submission_id"] for s in history["results"]] == [third, second, first]
    assert history["results"][2]["status"] == "Accepted"
    assert history["results"][0]["status"] == "Pending"
    assert "code" not in history["results"][0]
    only = alice.get(f"/api/v1/submissions/?problem_id={problem['_id']}").json()["submissions"]
    assert [s["submission_id"] for s in only["results"]] == [third, first]
    paged = alice.get("/api/v1/submissions/?page_size=2&page=2").json()["submissions"]
    assert [s["submission_id"] for s in paged["results"]] == [first]
    assert bob.get("/api/v1/submissions/").json()["submissions"]["count"] == 1


def test_a_hung_redis_costs_a_result_check_one_timeout_not_one_per_cache_call(monkeypatch):
    """After one failed cache read the write-back is skipped: Redis is not asked again for a moment."""
    calls: list[str] = []

    class Hung:
        def get(self, *args, **kwargs):
            calls.append("get")
            raise redis.TimeoutError("timed out")

        def set(self, *args, **kwargs):
            calls.append("set")
            raise redis.TimeoutError("timed out")

    monkeypatch.setattr(cache, "get_redis", Hung)
    monkeypatch.setattr(cache, "_skip_until", 0.0)
    assert cache.result_cache_get("s") is None
    cache.result_cache_set("s", user_id="u", data={})
    assert cache.result_cache_get("s") is None
    assert calls == ["get"]
    monkeypatch.setattr(cache, "_skip_until", 0.0)  # the moment has passed: Redis is tried again
    cache.result_cache_set("s", user_id="u", data={})
    assert calls == ["get", "set"]
