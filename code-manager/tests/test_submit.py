"""Submit and run: the job really is on the language queue, 503 without a broker, validation errors."""

from __future__ import annotations

import pytest
from django.test import override_settings

from algocode_contracts import JobKind, SubmissionCreated, job_queue_name
from code_manager.common import mongo
from code_manager.messaging.publisher import reset_publisher

from .conftest import drain, free_port, queue_depth

CPP = "#include <iostream>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b; }\n"


def submissions() -> list[dict]:
    return list(mongo.get_db()["submissions"].find({}))


def test_submit_publishes_the_job_then_answers_201(user_client, infra, problem) -> None:
    client, user = user_client()
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "CPP", "code": CPP}, format="json"
    )
    assert response.status_code == 201, response.content
    result = response.json()["result"]
    assert result["detail"] == "Your response has been submitted."
    sid = result["submission_id"]

    [body] = drain(infra, job_queue_name("cpp"))
    job = SubmissionCreated.model_validate_json(body)
    assert str(job.submission_id) == sid
    assert (job.language, job.kind, job.attempt, job.source) == ("cpp", JobKind.SUBMIT, 1, CPP)
    assert [t.name for t in job.tests] == ["sample/1", "sample/2", "secret/1", "secret/2"]
    assert [t.sample for t in job.tests] == [True, True, False, False]
    assert job.tests[2].answer == "HIDDEN-3000\n"
    assert job.limits.time_limit_ms == 1000
    assert job.limits.memory_limit_kib == 65536
    assert job.reference is None

    [doc] = submissions()
    assert (doc["_id"], doc["status"], doc["user_id"], doc["lang"]) == (sid, "queued", user.user_id, "cpp")


def test_run_sends_one_custom_test_and_the_reference_solution(user_client, infra, problem) -> None:
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/run/",
        {"problem_id": problem["_id"], "lang": "python", "code": "print(1)", "stdin": "40 2\n"},
        format="json",
    )
    assert response.status_code == 201, response.content
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert job.kind == JobKind.RUN
    assert [(t.name, t.input, t.answer, t.sample) for t in job.tests] == [("custom", "40 2\n", None, True)]
    assert job.reference is not None
    assert job.reference.language == "python3"
    assert job.language == "python3"  # `python`, the first release's id, is an alias
    assert "HIDDEN" not in body.decode()
    [doc] = submissions()
    assert doc["lang"] == "python3"


def test_broker_down_gives_503_and_nothing_queued(user_client, infra, problem) -> None:
    client, _ = user_client()
    reset_publisher()
    try:
        with override_settings(AMQP_URL=f"amqp://guest:guest@127.0.0.1:{free_port()}/%2F"):
            response = client.post(
                "/api/v1/code/submit/",
                {"problem_id": problem["_id"], "lang": "cpp", "code": CPP},
                format="json",
            )
            # Within the back-off window the next submit fails fast, still with 503.
            again = client.post(
                "/api/v1/code/submit/",
                {"problem_id": problem["_id"], "lang": "cpp", "code": CPP},
                format="json",
            )
    finally:
        reset_publisher()
    assert response.status_code == 503
    assert again.status_code == 503
    assert response.json()["code"] == "broker_unavailable"
    assert "unavailable" in response.json()["detail"]
    assert {doc["status"] for doc in submissions()} == {"failed"}
    assert client.get("/api/v1/submissions/").json()["submissions"]["count"] == 0
    # With the broker reachable again, submitting works without a restart.
    ok = client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "cpp", "code": CPP}, format="json"
    )
    assert ok.status_code == 201


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"lang": "cpp", "code": CPP}, 400, "invalid"),
        ({"problem_id": "PID", "code": CPP}, 400, "invalid"),
        ({"problem_id": "PID", "lang": "cpp"}, 400, "invalid"),
        ({"problem_id": "PID", "lang": "cpp", "code": ""}, 400, "invalid"),
        ({"problem_id": "PID", "lang": "cpp", "code": 42}, 400, "invalid"),
        ({"problem_id": "PID", "lang": "brainfuck", "code": CPP}, 400, "unsupported_language"),
        (
            {"problem_id": "5993d00f-62fa-437c-8724-ee588265175b", "lang": "cpp", "code": CPP},
            400,
            "unknown_problem",
        ),
        ({"problem_id": "../etc/passwd", "lang": "cpp", "code": CPP}, 400, "unknown_problem"),
        ({"problem_id": "PID", "lang": "cpp", "code": "x" * (64 * 1024 + 1)}, 413, "source_too_large"),
    ],
)
def test_invalid_submissions_change_nothing(user_client, infra, problem, payload, status, code) -> None:
    client, _ = user_client()
    if payload.get("problem_id") == "PID":
        payload = {**payload, "problem_id": problem["_id"]}
    response = client.post("/api/v1/code/submit/", payload, format="json")
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert submissions() == []
    assert queue_depth(infra, job_queue_name("cpp")) == 0


def test_bad_json_and_wrong_content_type_are_json_errors(user_client, problem) -> None:
    client, _ = user_client()
    bad = client.post("/api/v1/code/submit/", data='{"lang": "cpp",', content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["code"] == "bad_json"
    form = client.post(
        "/api/v1/code/submit/", data="lang=cpp", content_type="application/x-www-form-urlencoded"
    )
    assert form.status_code == 415
    array = client.post("/api/v1/code/submit/", data="[1, 2]", content_type="application/json")
    assert array.status_code == 400
    assert submissions() == []


def test_oversized_bodies_and_stdin_are_413(user_client, problem) -> None:
    client, _ = user_client()
    huge = client.post(
        "/api/v1/code/submit/",
        data='{"code": "' + "x" * (2 * 1024 * 1024) + '"}',
        content_type="application/json",
    )
    assert huge.status_code == 413
    assert huge.json()["code"] == "request_too_large"
    stdin = client.post(
        "/api/v1/code/run/",
        {"problem_id": problem["_id"], "lang": "cpp", "code": CPP, "stdin": "1" * (64 * 1024 + 1)},
        format="json",
    )
    assert stdin.status_code == 413
    assert stdin.json()["code"] == "stdin_too_large"
    assert submissions() == []


def test_problem_without_tests_cannot_be_submitted(user_client) -> None:
    from code_manager.problems.services import ProblemData, problem_create

    doc = problem_create(data=ProblemData(title="Empty"))
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": doc["_id"], "lang": "c", "code": "x"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "problem_has_no_tests"


def test_json_errors_for_unknown_urls_and_methods(user_client) -> None:
    client, _ = user_client()
    missing = client.get("/api/v1/nope/")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    wrong_method = client.get("/api/v1/code/submit/")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["code"] == "method_not_allowed"


def test_an_unexpected_error_is_a_json_500_without_details(user_client, problem, monkeypatch) -> None:
    from code_manager.submissions import apis

    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(apis, "submission_create", broken)
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "cpp", "code": CPP}, format="json"
    )
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error.", "code": "server_error"}


def test_mongodb_down_is_a_503_not_a_500(user_client, anon, problem) -> None:
    client, _ = user_client()
    with override_settings(MONGO_URL=f"mongodb://127.0.0.1:{free_port()}", MONGO_TIMEOUT_MS=300):
        submit = client.post(
            "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "cpp", "code": CPP}, format="json"
        )
        catalogue = anon.get("/api/v1/problem/all/")
        health = anon.get("/api/v1/common/healthcheck/")
    assert (submit.status_code, catalogue.status_code) == (503, 503)
    assert submit.json()["code"] == "store_unavailable"
    assert health.status_code == 503
    assert health.json()["failing"] == ["mongodb"]


def test_a_problem_stored_before_python3_still_takes_python(user_client, infra, problem) -> None:
    # A document written when Python 3's id was `python` (ADR 0112): its restriction and reference still work.
    old = {"languages": ["python"], "reference.language": "python"}
    mongo.get_db()["problems"].update_one({"_id": problem["_id"]}, {"$set": old})
    client, _ = user_client()
    body = {"problem_id": problem["_id"], "lang": "python3", "code": "print(1)", "stdin": "1 2\n"}
    response = client.post("/api/v1/code/run/", body, format="json")
    assert response.status_code == 201, response.content
    [message] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(message)
    assert job.reference is not None
    assert (job.language, job.reference.language) == ("python3", "python3")
