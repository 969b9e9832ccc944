"""The submit/run token bucket: burst, refill, per user, atomic under concurrency, Redis-down fallback."""

from __future__ import annotations

import re
import threading
import time

import pytest
from django.test import RequestFactory, override_settings
from rest_framework.test import APIClient

from code_manager.common.redis import get_redis
from code_manager.ratelimit.bucket import LocalTokenBucket, RedisTokenBucket
from code_manager.ratelimit.services import client_ip

from .conftest import free_port

CODE = "int main() { return 0; }"


def submit(client: APIClient, problem: dict, path: str = "/api/v1/code/submit/"):
    return client.post(path, {"problem_id": problem["_id"], "lang": "cpp", "code": CODE}, format="json")


def test_a_burst_beyond_capacity_gets_429_with_retry_after(user_client, problem) -> None:
    client, _ = user_client()
    assert [submit(client, problem).status_code for _ in range(3)] == [201, 201, 201]
    limited = submit(client, problem)
    assert limited.status_code == 429
    body = limited.json()
    assert body["message"].startswith("Rate limit exceeded")
    assert re.fullmatch(r"\d+\.\d\d seconds", body["wait_time"])
    assert 0 < float(body["wait_time"].split()[0]) <= 20
    assert limited["Retry-After"].isdigit()
    assert 1 <= int(limited["Retry-After"]) <= 20
    # run shares the bucket
    assert submit(client, problem, "/api/v1/code/run/").status_code == 429


def test_tokens_refill(user_client, problem) -> None:
    client, _ = user_client()
    with override_settings(RATE_LIMIT_REFILL_SECONDS=0.3):
        assert [submit(client, problem).status_code for _ in range(4)] == [201, 201, 201, 429]
        time.sleep(0.5)
        assert submit(client, problem).status_code == 201


def test_each_user_has_their_own_bucket(user_client, problem) -> None:
    alice, _ = user_client("alice")
    bob, _ = user_client("bob")
    for _ in range(4):
        submit(alice, problem)
    assert submit(alice, problem).status_code == 429
    assert submit(bob, problem).status_code == 201


def test_requests_that_fail_auth_cost_nothing(user_client, make_token, problem) -> None:
    from datetime import timedelta

    client, user = user_client()
    expired = APIClient()
    expired.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user, lifetime=timedelta(minutes=-5))}")
    assert [submit(expired, problem).status_code for _ in range(5)] == [401] * 5
    assert [submit(client, problem).status_code for _ in range(3)] == [201, 201, 201]


def test_anonymous_requests_use_an_ip_bucket_that_is_not_the_users(user_client, anon, problem) -> None:
    import random

    anon.defaults["REMOTE_ADDR"] = f"198.51.100.{random.randint(1, 254)}"  # a bucket no other test used
    statuses = [submit(anon, problem).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    client, _ = user_client()
    assert submit(client, problem).status_code == 201


def test_exactly_capacity_of_concurrent_submits_pass(user_client, make_token, problem) -> None:
    _, user = user_client()
    token = make_token(user)
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(10)

    def one() -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        start.wait()
        status = submit(client, problem).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=one) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201] * 3 + [429] * 7


def test_redis_down_falls_back_to_an_in_process_bucket(user_client, problem, caplog) -> None:
    client, _ = user_client()
    with override_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"):
        statuses = [submit(client, problem).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]
    assert "in-process bucket" in caplog.text


def test_the_lua_bucket_is_atomic(infra) -> None:
    bucket = RedisTokenBucket(get_redis(), capacity=10, refill_seconds=3600)
    key = f"{infra.redis_prefix}atomic-test"
    allowed: list[bool] = []
    lock = threading.Lock()

    def calls() -> None:
        for _ in range(5):
            decision = bucket.take(key)
            with lock:
                allowed.append(decision.allowed)

    threads = [threading.Thread(target=calls) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 10
    assert get_redis().pttl(key) > 0  # idle buckets expire


def test_local_bucket_refills_like_the_redis_one() -> None:
    bucket = LocalTokenBucket(capacity=2, refill_seconds=0.2)
    assert [bucket.take("k").allowed for _ in range(3)] == [True, True, False]
    denied = bucket.take("k")
    assert 0 < denied.wait_seconds <= 0.2
    time.sleep(0.25)
    assert bucket.take("k").allowed


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # nginx appended the real client last
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (1, "", "10.0.0.1"),
        (1, "not-an-ip", "10.0.0.1"),
        (3, "203.0.113.7", "203.0.113.7"),
    ],
)
def test_client_ip_trusts_only_configured_proxies(trusted, forwarded, expected) -> None:
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request, trusted_proxy_count=trusted) == expected


def test_a_hung_redis_costs_a_timeout_not_an_error(user_client, problem) -> None:
    """A server that accepts connections and never answers: the limiter times out and falls back."""
    import socket

    black_hole = socket.socket()
    black_hole.bind(("127.0.0.1", 0))
    black_hole.listen(64)  # never accepted, never answered
    try:
        client, _ = user_client()
        with override_settings(REDIS_URL=f"redis://127.0.0.1:{black_hole.getsockname()[1]}/0"):
            statuses = [submit(client, problem).status_code for _ in range(4)]
            sid = client.get("/api/v1/submissions/").json()["submissions"]["results"][0]["submission_id"]
            check = client.get(f"/api/v1/result/check/{sid}/")
    finally:
        black_hole.close()
    assert statuses == [201, 201, 201, 429]
    assert check.status_code == 202
