"""Property-based fuzzing of the code manager's own OpenAPI schema (schemathesis; issue 9 §5,
threat-model.md #51): every operation, authenticated as a verified staff user, gets generated valid and
invalid requests; not one may answer 5xx, or answer anything the schema does not describe (status, media
type, body). Bounded: a few examples per operation, so the file adds seconds, not minutes, to `make test`.

The calls go in-process through the WSGI app with the suite's settings: the private MongoDB, Redis prefix
and RabbitMQ vhost (a generated submit can only queue a job on that vhost, and needs a real problem id).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.test import override_settings
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

from .conftest import new_user

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
# Not negative_data_rejection: it counts any unknown query parameter (`?x=1`) as invalid data, and the
# APIs ignore those like most HTTP APIs. What it found besides (a number accepted as a title, an empty
# filter treated as absent, an untrimmed length) is fixed and has its own tests in test_hostile_input.py.


@pytest.fixture
def staff_headers(make_token) -> dict[str, str]:
    return {"Authorization": f"Bearer {make_token(new_user('fuzz', is_staff=True))}"}


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found, in bounded time
    derandomize=True,  # the same examples every run: a failure here is a finding, not luck
    suppress_health_check=list(HealthCheck),
    database=None,
)
@pytest.mark.timeout(60)
def test_every_operation_answers_as_documented(case, staff_headers, infra) -> None:
    # The bucket would answer most generated submits 429 before their body is looked at.
    with override_settings(RATE_LIMIT_ENABLED=False):
        case.call_and_validate(headers=staff_headers, checks=CHECKS)


def test_responses_with_real_data_match_the_schema(make_token, problem) -> None:
    """The fuzzer mostly meets empty lists and 404s; here every documented success has real content."""
    from werkzeug.test import Client

    from algocode_contracts import SubmissionJudged
    from code_manager.submissions.services import result_apply

    from .conftest import judged_payload

    staff = {"Authorization": f"Bearer {make_token(new_user('fuzz', is_staff=True))}"}
    client = Client(application)
    body = {"problem_id": problem["_id"], "lang": "python", "code": "print(1)"}
    submitted = client.post("/api/v1/code/submit/", json=body, headers=staff)
    schema["/api/v1/code/submit/"]["POST"].validate_response(submitted)
    sid = submitted.json["result"]["submission_id"]
    result_apply(result=SubmissionJudged.model_validate(judged_payload(sid, verdict="WA")))

    pid = problem["_id"]
    for path, template, method in [
        (f"/api/v1/result/check/{sid}/", "/api/v1/result/check/{submission_id}/", "GET"),
        ("/api/v1/submissions/", "/api/v1/submissions/", "GET"),
        ("/api/v1/problem/all/", "/api/v1/problem/all/", "GET"),
        (f"/api/v1/problem/{pid}/", "/api/v1/problem/{problem_id}/", "GET"),
        (f"/api/v1/problem/{pid}/tests/", "/api/v1/problem/{problem_id}/tests/", "GET"),
        (f"/api/v1/submissions/{sid}/rejudge/", "/api/v1/submissions/{submission_id}/rejudge/", "POST"),
    ]:
        response = client.open(path, method=method, headers=staff)
        assert response.status_code in (200, 202), (path, response.json)
        schema[template][method].validate_response(response)
    assert (
        client.get("/api/v1/submissions/", headers=staff).json["submissions"]["results"][0]["verdict"] == "WA"
    )
