"""The judges a user can see: the health check counts consumers and waiting jobs per language queue (real
RabbitMQ, the test vhost), and a pending result check says plainly when no judge for its language runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pika
import pytest
from django.test import override_settings

from algocode_contracts import LANGUAGES, job_queue_name

from .conftest import Infra
from .test_results import submit

NO_JUDGE = "no judge for cpp is running right now"


@pytest.fixture(autouse=True)
def fresh_readings() -> Iterator[None]:
    """Every check reads the broker now (no cached consumer count between steps of a test)."""
    with override_settings(JUDGES_CACHE_SECONDS=0):
        yield


@contextmanager
def judge_consuming(infra: Infra, language: str) -> Iterator[None]:
    """A consumer on the language's job queue that takes nothing (prefetch 1, never acks): a judge."""
    connection = pika.BlockingConnection(pika.URLParameters(infra.amqp_url))
    try:
        channel = connection.channel()
        channel.basic_qos(prefetch_count=1)
        channel.basic_consume(job_queue_name(language), lambda *_: None)
        yield
    finally:
        connection.close()  # unacked jobs go back to the queue


def test_healthcheck_shows_no_judges_and_the_jobs_waiting(anon, user_client, problem) -> None:
    client, _ = user_client()
    submit(client, problem)
    submit(client, problem)
    body = anon.get("/api/v1/common/healthcheck/").json()
    assert body["status"] == "OK"
    assert set(body["judges"]) == set(LANGUAGES)
    assert body["judges"]["cpp"] == {"consumers": 0, "waiting": 2}
    assert body["judges"]["python3"] == {"consumers": 0, "waiting": 0}


def test_healthcheck_counts_a_running_judge(anon, infra) -> None:
    with judge_consuming(infra, "cpp"):
        judges = anon.get("/api/v1/common/healthcheck/").json()["judges"]
    assert judges["cpp"]["consumers"] == 1
    assert judges["java"]["consumers"] == 0


def test_pending_check_without_a_judge_says_so_and_keeps_the_submission(user_client, problem, infra) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    response = client.get(f"/api/v1/result/check/{sid}/")
    assert response.status_code == 202
    body = response.json()
    assert (body["status"], body["data"]) == ("pending", None)
    assert NO_JUDGE in body["message"]
    # Nothing is lost: the job waits on its queue for a judge, and the submission is in the history.
    assert client.get("/api/v1/common/healthcheck/").json()["judges"]["cpp"]["waiting"] == 1
    history = client.get("/api/v1/submissions/").json()["submissions"]["results"]
    assert [(item["submission_id"], item["status"]) for item in history] == [(sid, "Pending")]


def test_pending_check_with_a_judge_running_does_not_alarm(user_client, problem, infra) -> None:
    client, _ = user_client()
    with judge_consuming(infra, "cpp"):
        sid = submit(client, problem)
        response = client.get(f"/api/v1/result/check/{sid}/")
    assert response.status_code == 202
    assert NO_JUDGE not in response.json()["message"]
    assert response.json()["message"].startswith("Queued")
