"""Problems with a custom output validator or scored groups (issue 11): import, the staff API, the jobs that
carry them, and scores in results and history (against the real MongoDB, Redis and RabbitMQ)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from algocode_contracts import JobKind, SubmissionCreated, SubmissionJudged, job_queue_name
from code_manager.problems.selectors import problem_get
from code_manager.submissions.services import result_apply

from .conftest import drain, judged_payload

SHIPPED = Path(__file__).resolve().parents[2] / "problems"
PAIR_SUM = "0b8e4c52-3d7a-4f1e-9a26-5c1f7e2d8b43"
RANGE_SUMS = "7d2f9a61-0c4b-4e8a-b3d5-1f6e8c2a9b70"
VALIDATOR = {"language": "python3", "files": {"v.py": "import sys\nsys.exit(42)\n"}, "flags": ["x"]}


def _import(name: str) -> None:
    call_command("import_problem", str(SHIPPED / name), stdout=StringIO())


def _submit(client, problem_id: str, *, path: str = "/api/v1/code/submit/", **extra: str) -> str:
    body = {"problem_id": problem_id, "lang": "python3", "code": "print(1)\n", **extra}
    response = client.post(path, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()["result"]["submission_id"]


def test_imported_validator_travels_in_submit_and_run_jobs(user_client, infra) -> None:
    _import("pair-sum")
    doc = problem_get(problem_id=PAIR_SUM)
    assert doc["validator"]["language"] == "cpp"
    assert sorted(doc["validator"]["files"]) == ["tokens.cpp", "tokens.h", "validator.cpp"]
    assert doc["groups"] is None
    client, _ = user_client()
    _submit(client, PAIR_SUM)
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert job.validator is not None
    assert job.validator.files == doc["validator"]["files"]
    assert job.groups is None
    # A custom run: the validator judges against the reference's output; never scored.
    _submit(client, PAIR_SUM, path="/api/v1/code/run/", stdin="2 3\n1 2\n")
    [body] = drain(infra, job_queue_name("python3"))
    run = SubmissionCreated.model_validate_json(body)
    assert run.kind is JobKind.RUN
    assert run.validator == job.validator
    assert run.reference is not None


def test_imported_groups_travel_in_jobs_and_scores_show_in_results_and_history(user_client, infra) -> None:
    _import("range-sums")
    doc = problem_get(problem_id=RANGE_SUMS)
    assert [(g["name"], g["max_score"]) for g in doc["groups"]] == [
        ("secret/1-small", 30),
        ("secret/2-large", 70),
    ]
    client, _ = user_client()
    sid = _submit(client, RANGE_SUMS)
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert job.groups is not None
    assert [g.name for g in job.groups] == ["secret/1-small", "secret/2-large"]
    groups = [
        {"name": "secret/1-small", "score": 30, "max_score": 30, "verdict": "AC"},
        {"name": "secret/2-large", "score": 0, "max_score": 70, "verdict": "TLE"},
    ]
    payload = judged_payload(sid, verdict="TLE", score=30, max_score=100, groups=groups)
    result_apply(result=SubmissionJudged.model_validate(payload))
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert (data["score"], data["max_score"]) == (30, 100)
    assert data["groups"] == groups
    [item] = client.get("/api/v1/submissions/").json()["submissions"]["results"]
    assert (item["score"], item["max_score"]) == (30, 100)


def test_pass_fail_results_have_no_score(user_client, infra, problem) -> None:
    client, _ = user_client()
    sid = _submit(client, problem["_id"])
    drain(infra, job_queue_name("python3"))
    result_apply(result=SubmissionJudged.model_validate(judged_payload(sid)))
    data = client.get(f"/api/v1/result/check/{sid}/").json()["data"]
    assert (data["score"], data["max_score"], data["groups"]) == (None, None, [])


def test_staff_api_takes_a_validator_and_groups(user_client, infra, problem) -> None:
    staff, _ = user_client("admin", is_staff=True)
    groups = [{"name": "secret", "tests": ["secret/1", "secret/2"], "max_score": 100, "aggregation": "sum"}]
    response = staff.patch(
        f"/api/v1/problem/{problem['_id']}/", {"validator": VALIDATOR, "groups": groups}, format="json"
    )
    assert response.status_code == 200, response.content
    assert "validator" not in response.json()["question"]  # staff code is not shown to users
    client, _ = user_client()
    _submit(client, problem["_id"])
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert job.validator is not None
    assert job.validator.flags == ["x"]
    assert job.groups is not None
    assert job.groups[0].max_score == 100


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("validator", {**VALIDATOR, "language": "cpp"}, "the files are python3, not cpp"),
        ("validator", {**VALIDATOR, "files": {"../v.py": "x"}}, "not a plain source file name"),
        ("validator", {**VALIDATOR, "files": {"run": "x"}}, "not a plain source file name"),
        ("validator", {**VALIDATOR, "files": {"v.py": "x" * 600_000}}, "larger than"),
        ("validator", {**VALIDATOR, "extra": 1}, "extra"),
        ("groups", [{"name": "g", "tests": [], "max_score": 1}], "tests"),
        ("groups", [{"name": "g", "tests": ["a"], "max_score": 1, "aggregation": "max"}], "aggregation"),
    ],
)
def test_staff_api_refuses_bad_validators_and_groups_changing_nothing(
    user_client, problem, field: str, value: object, message: str
) -> None:
    staff, _ = user_client("admin", is_staff=True)
    response = staff.patch(f"/api/v1/problem/{problem['_id']}/", {field: value}, format="json")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert problem_get(problem_id=problem["_id"]).get(field) is None


def test_groups_that_no_longer_fit_the_tests_refuse_submissions(user_client, infra, problem) -> None:
    staff, _ = user_client("admin", is_staff=True)
    groups = [{"name": "secret", "tests": ["secret/1"], "max_score": 100}]  # secret/2 is in no group
    assert (
        staff.patch(f"/api/v1/problem/{problem['_id']}/", {"groups": groups}, format="json").status_code
        == 200
    )
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/",
        {"problem_id": problem["_id"], "lang": "python3", "code": "print(1)"},
        format="json",
    )
    assert response.status_code == 409
    assert "no longer match its tests" in response.json()["detail"]
