"""Observability: /metrics sums every gunicorn worker, domain counters move when the thing happens, and
log lines are JSON objects carrying the submission id."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from django.test import override_settings
from prometheus_client import REGISTRY

from .conftest import (
    METRICS_HEADERS,
    METRICS_TOKEN,
    VENV_BIN,
    free_port,
    judged_body,
    new_user,
    publish_result_body,
)

CODE_MANAGER = Path(__file__).resolve().parents[1]
CPP = "int main() { return 0; }"


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def submit(client, problem, path: str = "/api/v1/code/submit/"):
    return client.post(path, {"problem_id": problem["_id"], "lang": "cpp", "code": CPP}, format="json")


def wait_for(predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


def test_a_submit_counts_by_language_and_shows_on_metrics(user_client, problem, anon) -> None:
    client, _ = user_client()
    before = value("algocode_submissions_created_total", language="cpp", kind="submit")
    response = submit(client, problem)
    assert response.status_code == 201
    assert value("algocode_submissions_created_total", language="cpp", kind="submit") == before + 1
    page = anon.get("/metrics", headers=METRICS_HEADERS).content.decode()
    assert 'algocode_submissions_created_total{kind="submit",language="cpp"}' in page
    assert "django_http_requests_total_by_method_total" in page


def test_rate_limit_rejections_are_counted(user_client, problem) -> None:
    client, _ = user_client()
    before = value("algocode_rate_limited_total", path="/api/v1/code/submit/")
    codes = [submit(client, problem).status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    assert value("algocode_rate_limited_total", path="/api/v1/code/submit/") == before + 1


def test_result_checks_count_pending_hit_and_woke(user_client, infra, problem, result_consumer) -> None:
    client, _ = user_client()
    sid = submit(client, problem).json()["result"]["submission_id"]
    counts = {o: value("algocode_result_checks_total", outcome=o) for o in ("pending", "hit", "woke")}

    with override_settings(RESULT_WAIT_SECONDS=0.2):
        assert client.get(f"/api/v1/result/check/{sid}/").status_code == 202
    assert value("algocode_result_checks_total", outcome="pending") == counts["pending"] + 1

    outcome: dict = {}
    with override_settings(RESULT_WAIT_SECONDS=30):
        waiter = threading.Thread(target=lambda: outcome.update(r=client.get(f"/api/v1/result/check/{sid}/")))
        waiter.start()
        time.sleep(0.5)
        publish_result_body(infra, judged_body(sid, verdict="WA"))
        waiter.join(15)
    assert outcome["r"].status_code == 200
    assert value("algocode_result_checks_total", outcome="woke") == counts["woke"] + 1

    assert client.get(f"/api/v1/result/check/{sid}/").status_code == 200
    assert value("algocode_result_checks_total", outcome="hit") == counts["hit"] + 1


def test_results_are_counted_by_verdict_and_outcome(user_client, infra, problem, result_consumer) -> None:
    client, _ = user_client()
    sid = submit(client, problem).json()["result"]["submission_id"]
    applied = value("algocode_results_total", verdict="TLE", outcome="applied")
    ignored = value("algocode_results_total", verdict="TLE", outcome="ignored")
    publish_result_body(infra, judged_body(sid, verdict="TLE"))
    publish_result_body(infra, judged_body(sid, verdict="TLE"))  # a duplicate delivery
    wait_for(lambda: value("algocode_results_total", verdict="TLE", outcome="ignored") == ignored + 1)
    assert value("algocode_results_total", verdict="TLE", outcome="applied") == applied + 1


def test_the_result_consumer_logs_carry_the_submission_id(infra, result_consumer, caplog) -> None:
    unknown = "00000000-0000-4000-8000-00000000beef"
    with caplog.at_level("ERROR", logger="code_manager"):
        publish_result_body(infra, judged_body(unknown))
        wait_for(lambda: any("unknown submission" in r.getMessage() for r in caplog.records))
    record = next(r for r in caplog.records if "unknown submission" in r.getMessage())
    assert record.submission_id == unknown
    assert record.attempt == 1


# ---- the deployed server: gunicorn with two workers, JSON logs on stdout -------------------------------


@pytest.fixture
def broker_down_server(infra, tmp_path) -> Iterator[tuple[str, Path]]:
    """gunicorn (config/gunicorn.py, 2 workers) whose broker is unreachable: every submit fails to publish."""
    port = free_port()
    log = tmp_path / "server.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MONGO_URL": infra.mongo_url,
        "MONGO_DB": infra.mongo_db,
        "AMQP_URL": f"amqp://guest:guest@127.0.0.1:{free_port()}/%2F?connection_attempts=1",
        "REDIS_KEY_PREFIX": infra.redis_prefix,
        "JWT_PUBLIC_KEY": infra.public_pem,
        "CODE_MANAGER_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4",
        "RATE_LIMIT_CAPACITY": "1000",
        "SUBMISSIONS_IN_FLIGHT_PER_USER": "0",  # six concurrent submits of one user
        "LOG_FORMAT": "json",
        "METRICS_TOKEN": METRICS_TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
    }
    (tmp_path / "metrics").mkdir()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi:application"],
            cwd=CODE_MANAGER,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(f"{base}/metrics"), timeout=60)
        yield base, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _answers(url: str) -> bool:
    try:
        return requests.get(url, headers=METRICS_HEADERS, timeout=5).status_code == 200
    except requests.RequestException:
        return False


def test_gunicorn_workers_sum_their_metrics_and_log_json(broker_down_server, make_token, problem) -> None:
    base, log = broker_down_server
    headers = {"Authorization": f"Bearer {make_token(new_user())}", "X-Request-ID": "req-obs-1"}
    payload = {"problem_id": problem["_id"], "lang": "cpp", "code": CPP}
    # Concurrent submits so that both workers (most likely) take some; the sum must be exact anyway.
    responses: list[requests.Response] = []
    threads = [
        threading.Thread(
            target=lambda: responses.append(
                requests.post(f"{base}/api/v1/code/submit/", json=payload, headers=headers, timeout=30)
            )
        )
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [r.status_code for r in responses] == [503] * 6
    assert all(r.headers["X-Request-ID"] == "req-obs-1" for r in responses)

    page = requests.get(f"{base}/metrics", headers=METRICS_HEADERS, timeout=10).text
    assert 'algocode_submission_publish_failures_total{kind="submit"} 6.0' in page
    assert "django_http_responses_total_by_status_total" in page

    time.sleep(0.5)  # let the access lines of the last requests reach the file
    lines = [line for line in log.read_text().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    not_queued = [r for r in records if "not queued" in r["message"]]
    assert len(not_queued) == 6
    for record in not_queued:
        assert record["submission_id"] in record["message"]
        assert (record["attempt"], record["language"], record["level"]) == (1, "cpp", "WARNING")
        assert record["request_id"] == "req-obs-1"
    access = [r for r in records if r.get("path") == "/api/v1/code/submit/"]
    assert len(access) == 6
    assert {(r["method"], r["status"], r["request_id"]) for r in access} == {("POST", 503, "req-obs-1")}


def test_metrics_need_the_bearer_token(anon) -> None:
    """threat-model.md #56: /metrics is not open to whoever reaches the port."""
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {METRICS_TOKEN}"}):
        response = anon.get("/metrics", headers=headers)
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert "algocode_" not in response.content.decode()
    with override_settings(METRICS_TOKEN=""):
        off = anon.get("/metrics", headers=METRICS_HEADERS)
    assert off.status_code == 404
    assert off.json()["detail"] == "Metrics are off: set METRICS_TOKEN to serve them."
