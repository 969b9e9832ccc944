"""threat-model.md #45: what a submitter sees of a hidden test is its verdict and ordinal, never its exit
code, signal or name; samples and custom runs keep their details, and staff see the judge's full result."""

from __future__ import annotations

import json

import pytest

from code_manager.common.redis import get_redis
from code_manager.submissions.cache import result_key

from .test_results import apply, submit

# What the judge sends for a program that passed both samples, then exited with the first byte of the
# hidden input "1000 2000\n" ("1" = 49) on secret/1.
LEAKY = {
    "verdict": "RE",
    "message": "Runtime Error (exit code 49) on test secret/1",
    "passed": 2,
    "tests": [
        {
            "name": "sample/1",
            "verdict": "AC",
            "time_ms": 1,
            "wall_ms": 2,
            "memory_kib": 900,
            "exit_code": 0,
            "signal": None,
        },
        {
            "name": "sample/2",
            "verdict": "AC",
            "time_ms": 1,
            "wall_ms": 2,
            "memory_kib": 900,
            "exit_code": 0,
            "signal": None,
        },
        {
            "name": "secret/1",
            "verdict": "RE",
            "time_ms": 1,
            "wall_ms": 2,
            "memory_kib": 900,
            "exit_code": 49,
            "signal": None,
        },
    ],
}


def _assert_redacted(data: dict) -> None:
    assert data["verdict"] == "RE"
    assert data["message"] == "Runtime Error on test 3"
    assert data["result"] == {"verdict": "Runtime Error", "result": "Runtime Error on test 3"}
    assert data["tests"][0] == {"ordinal": 1, **LEAKY["tests"][0]}  # a sample keeps its details
    assert data["tests"][2] == {"ordinal": 3, "verdict": "RE", "time_ms": 1, "wall_ms": 2, "memory_kib": 900}
    raw = json.dumps(data)
    assert "secret/1" not in raw
    assert "exit code" not in raw
    assert '"exit_code": 49' not in raw


@pytest.mark.parametrize("cached", [True, False], ids=["from-cache", "from-mongodb"])
def test_a_hidden_tests_exit_code_and_name_are_not_shown(user_client, problem, cached: bool) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    apply(sid, **LEAKY)
    if not cached:
        get_redis().delete(result_key(sid))
    response = client.get(f"/api/v1/result/check/{sid}/")
    assert response.status_code == 200
    _assert_redacted(response.json()["data"])
    history = client.get("/api/v1/submissions/").json()["submissions"]["results"]
    assert history[0]["message"] == "Runtime Error on test 3"


def test_without_a_test_list_the_message_still_names_no_hidden_test(user_client, problem) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    apply(sid, verdict="RE", message="Runtime Error (SIGSEGV: Segmentation fault) on test secret/2", passed=3)
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert data["message"] == "Runtime Error on test 4"


def test_a_failing_sample_keeps_its_name_and_exit_code(user_client, problem) -> None:
    client, _ = user_client()
    sid = submit(client, problem)
    sample = {
        "name": "sample/2",
        "verdict": "RE",
        "time_ms": 1,
        "wall_ms": 2,
        "memory_kib": 9,
        "exit_code": 3,
        "signal": None,
    }
    apply(sid, verdict="RE", message="Runtime Error (exit code 3) on test sample/2", passed=1, tests=[sample])
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert data["message"] == "Runtime Error (exit code 3) on test sample/2"
    assert data["tests"] == [{"ordinal": 1, **sample}]


def test_staff_see_the_judges_full_result(user_client, problem) -> None:
    client, _ = user_client("staff", is_staff=True)
    sid = submit(client, problem)
    apply(sid, **LEAKY)
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert data["message"] == LEAKY["message"]
    assert data["tests"] == LEAKY["tests"]
    history = client.get("/api/v1/submissions/").json()["submissions"]["results"]
    assert history[0]["message"] == LEAKY["message"]
