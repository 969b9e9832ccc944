"""The deployed server (gunicorn with config/gunicorn.py): waiting result checks never hold up a submit."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from .conftest import VENV_BIN, free_port, new_user

CODE_MANAGER = Path(__file__).resolve().parents[1]


@pytest.fixture
def server(infra) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MONGO_URL": infra.mongo_url,
        "MONGO_DB": infra.mongo_db,
        "AMQP_URL": infra.amqp_url,
        "REDIS_KEY_PREFIX": infra.redis_prefix,
        "JWT_PUBLIC_KEY": infra.public_pem,
        "CODE_MANAGER_BIND": f"127.0.0.1:{port}",
        "RATE_LIMIT_CAPACITY": "1000",
        "RESULT_WAIT_SECONDS": "5",
        # One user's 100 waiting checks and second submit: the caps (tests/test_result_waits.py,
        # tests/test_in_flight.py) are lifted so that this measures the threads alone.
        "RESULT_WAITERS_PER_USER": "100",
        "RESULT_WAITERS_PER_PROCESS": "128",
        "SUBMISSIONS_IN_FLIGHT_PER_USER": "0",
    }
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi:application"],
        cwd=CODE_MANAGER,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=sys.stderr if os.environ.get("CM_TEST_SERVER_LOGS") else subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if requests.get(f"{base}/api/v1/common/healthcheck/", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.25)
        else:
            pytest.fail("gunicorn did not become healthy")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_submit_completes_while_100_result_checks_wait(server, make_token, problem) -> None:
    headers = {"Authorization": f"Bearer {make_token(new_user())}"}
    payload = {"problem_id": problem["_id"], "lang": "cpp", "code": "int main() {}"}
    first = requests.post(f"{server}/api/v1/code/submit/", json=payload, headers=headers, timeout=10)
    assert first.status_code == 201, first.text
    sid = first.json()["result"]["submission_id"]

    finished: list[tuple[float, int]] = []
    lock = threading.Lock()

    def check() -> None:
        response = requests.get(f"{server}/api/v1/result/check/{sid}/", headers=headers, timeout=30)
        with lock:
            finished.append((time.monotonic(), response.status_code))

    waiters = [threading.Thread(target=check) for _ in range(100)]
    for thread in waiters:
        thread.start()
    time.sleep(1.5)  # all 100 are connected and waiting (each waits 5 s for a verdict that never comes)
    with lock:
        assert finished == [], "a result check returned before its wait was over"
    submit = requests.post(f"{server}/api/v1/code/submit/", json=payload, headers=headers, timeout=30)
    submitted_at = time.monotonic()
    for thread in waiters:
        thread.join(60)

    assert submit.status_code == 201
    assert len(finished) == 100
    assert {status for _, status in finished} == {202}
    assert submitted_at < min(at for at, _ in finished), "the submit waited behind the result checks"
