"""threat-model.md #52: waiting result checks are capped per user and per process; a check beyond the
cap answers at once (202, or 200 when the verdict is there), so waiting checks cannot take every thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from django.test import override_settings

from code_manager.submissions.waiter import result_waiting

from .conftest import judged_body, publish_result_body
from .test_results import apply, submit


@pytest.fixture(autouse=True)
def small_caps() -> Iterator[None]:
    # A 30 s wait: a check that answers before it did not wait.
    with override_settings(
        RESULT_WAIT_SECONDS=30,
        RESULT_WAITERS_PER_USER=2,
        RESULT_WAITERS_PER_PROCESS=3,
        RATE_LIMIT_ENABLED=False,
    ):
        yield


def _check_in_background(client, sid: str) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def check() -> None:
        outcome["response"] = client.get(f"/api/v1/result/check/{sid}/")

    thread = threading.Thread(target=check, daemon=True)
    thread.start()
    return thread, outcome


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


def test_checks_beyond_a_users_cap_answer_at_once(user_client, infra, problem, result_consumer) -> None:
    alice, _ = user_client("alice")
    sid = submit(alice, problem)
    waiting = [_check_in_background(alice, sid) for _ in range(2)]
    _until(lambda: result_waiting() == 2)

    third = alice.get(f"/api/v1/result/check/{sid}/")  # would wait 30 s under the cap
    assert third.status_code == 202
    assert (third.json()["status"], third.json()["data"]) == ("pending", None)
    assert third["Retry-After"] == "30"  # come back after a wait's length, not at once
    assert result_waiting() == 2

    publish_result_body(infra, judged_body(sid))
    for thread, outcome in waiting:
        thread.join(15)
        assert not thread.is_alive(), "a waiting check was not woken"
        assert outcome["response"].status_code == 200
    assert result_waiting() == 0
    assert alice.get(f"/api/v1/result/check/{sid}/").status_code == 200


def test_the_process_cap_is_shared_but_a_finished_result_is_always_served(user_client, problem) -> None:
    alice, _ = user_client("alice")
    bob, _ = user_client("bob")
    carol, _ = user_client("carol")
    sid_a, sid_b, sid_c = submit(alice, problem), submit(bob, problem), submit(carol, problem)
    done = submit(carol, problem)
    apply(done)
    threads = [_check_in_background(alice, sid_a) for _ in range(2)] + [_check_in_background(bob, sid_b)]
    _until(lambda: result_waiting() == 3)

    assert carol.get(f"/api/v1/result/check/{sid_c}/").status_code == 202  # every slot taken
    finished = carol.get(f"/api/v1/result/check/{done}/")
    assert finished.status_code == 200
    assert finished.json()["data"]["verdict"] == "AC"

    for sid in (sid_a, sid_b):
        apply(sid)  # wakes the waiting checks (announced over Redis)
    for thread, outcome in threads:
        thread.join(15)
        assert outcome["response"].status_code == 200
    assert result_waiting() == 0
