"""Interactive problems through the code manager (issue 11, vinter): the import keeps the validator and
hides the validator's .in/.ans, a submission's job carries the validator, a custom run is a clear 400."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from algocode_contracts import SubmissionCreated, job_queue_name
from algocode_contracts.package import read_package
from code_manager.common import mongo
from code_manager.problems.selectors import problem_get, problem_tests

from .conftest import drain, queue_depth

PACKAGE = Path(__file__).resolve().parents[2] / "problems" / "guess-number"
GUESS = "print('? 1', flush=True)\n"


def _import() -> str:
    call_command("import_problem", str(PACKAGE), stdout=StringIO())
    return str(read_package(PACKAGE).id)


def test_import_keeps_the_validator_and_shows_no_test_data(anon) -> None:
    problem_id = _import()
    stored = problem_get(problem_id=problem_id)
    assert stored is not None
    assert stored["validator"]["interactive"] is True
    assert "validator.cpp" in stored["validator"]["files"]
    # The spec: an interactive problem's .in/.ans are never displayed, samples included.
    assert stored["samples"] == []
    assert not any(test["sample"] for test in problem_tests(problem=stored))
    body = anon.get(f"/api/v1/problem/{problem_id}/").content.decode()
    assert "10 7" not in body  # the sample's secret
    assert "judgemessage" not in body  # nor the validator's source


def test_submission_job_carries_the_validator(user_client, infra) -> None:
    problem_id = _import()
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": problem_id, "lang": "python3", "code": GUESS}, format="json"
    )
    assert response.status_code == 201, response.content
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert job.validator is not None
    assert job.validator.interactive
    assert job.validator == read_package(PACKAGE).validator
    assert (job.tests[0].name, job.tests[0].sample) == ("sample/1", False)  # shown as a hidden test


def test_custom_run_of_an_interactive_problem_is_a_clear_400_that_changes_nothing(user_client, infra) -> None:
    problem_id = _import()
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/run/",
        {"problem_id": problem_id, "lang": "python3", "code": GUESS, "stdin": "10 7\n"},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert "interactive" in response.json()["detail"]
    assert mongo.get_db()["submissions"].count_documents({}) == 0
    assert queue_depth(infra, job_queue_name("python3")) == 0
