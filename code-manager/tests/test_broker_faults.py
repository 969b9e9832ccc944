"""Broker faults: every connection of our vhost is closed by the broker; publisher and consumer recover."""

from __future__ import annotations

import subprocess
import time

from code_manager.common import mongo

from .conftest import judged_body, publish_result_body

CODE = "print(1)"


def close_our_connections(vhost: str) -> None:
    # Only this test session's vhost: other engineers' connections on the shared broker are untouched.
    subprocess.run(
        ["rabbitmqctl", "close_all_connections", "--vhost", vhost, "--limit", "100", "fault test"],
        check=True,
        capture_output=True,
        timeout=60,
    )


def submit(client, problem):
    return client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "python3", "code": CODE}, format="json"
    )


def test_publisher_and_consumer_reconnect_after_close_all_connections(
    user_client, anon, infra, problem, result_consumer
) -> None:
    client, _ = user_client()
    first = submit(client, problem)
    assert first.status_code == 201
    close_our_connections(infra.vhost)
    time.sleep(0.5)

    # The health check reconnects rather than reporting a healthy broker as down.
    assert anon.get("/api/v1/common/healthcheck/").status_code == 200
    close_our_connections(infra.vhost)
    time.sleep(0.5)

    # The publisher notices on its next publish and reconnects within the same request.
    second = submit(client, problem)
    assert second.status_code == 201, second.content

    # The consumer reconnects with back-off and handles results published afterwards.
    sids = [r.json()["result"]["submission_id"] for r in (first, second)]
    for sid in sids:
        publish_result_body(infra, judged_body(sid))
    deadline = time.monotonic() + 20
    submissions = mongo.get_db()["submissions"]
    while time.monotonic() < deadline and submissions.count_documents({"status": "judged"}) < 2:
        time.sleep(0.1)
    assert submissions.count_documents({"status": "judged"}) == 2
