"""threat-model.md #51: hostile input gets a clear JSON 4xx, never a 500 (issue 9 §5)."""

from __future__ import annotations

import pytest
import requests

from .test_serving import server  # noqa: F401 - the real gunicorn fixture

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("path", ["/api/v1/problem/all/", "/api/v1/submissions/"])
@pytest.mark.parametrize("page", ["92233720368547759", "9223372036854775808", "1000001"])
def test_a_huge_page_number_is_a_400(path, page, user_client) -> None:
    client, _ = user_client()
    response = client.get(path, {"page": page, "page_size": "100"})
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid"
    assert response.json()["errors"]["page"]


def test_deeply_nested_json_is_a_400(user_client, problem) -> None:
    client, _ = user_client()
    response = client.post("/api/v1/code/submit/", DEEP, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json() == {"detail": "Malformed JSON: JSON nested too deeply.", "code": "bad_json"}


def test_gunicorns_own_errors_are_json(server) -> None:  # noqa: F811
    long_url = requests.get(f"{server}/api/v1/problem/all/?title={'a' * 5000}", timeout=10)
    assert long_url.status_code == 414
    assert long_url.headers["Content-Type"] == "application/json"
    assert long_url.json()["code"] == "uri_too_long"
    headers = requests.get(f"{server}/api/v1/problem/all/", headers={"X-Big": "b" * 9000}, timeout=10)
    assert headers.status_code in (400, 431)
    assert headers.headers["Content-Type"] == "application/json"
    assert headers.json()["detail"]


def test_the_filters_validate_what_the_schema_says(user_client) -> None:
    """Issue 9 §5: an empty filter is refused, not ignored; difficulty follows its documented pattern."""
    client, _ = user_client()
    for path, query in [
        ("/api/v1/submissions/", "problem_id="),
        ("/api/v1/problem/all/", "title="),
        ("/api/v1/problem/all/", "difficulty="),
        ("/api/v1/problem/all/", "difficulty=0"),
        ("/api/v1/problem/all/", "difficulty=1,,2"),
        ("/api/v1/problem/all/", "=x"),
    ]:
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query, response.content)
        assert response.json()["code"] == "invalid"
    assert client.get("/api/v1/problem/all/?difficulty=1, 2").status_code == 200
    schema = client.get("/api/v1/schema/?format=json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/v1/problem/all/"]["get"]["parameters"]}
    assert params["difficulty"]["schema"]["pattern"]


def test_a_number_is_not_a_title(user_client) -> None:
    staff, _ = user_client("admin", is_staff=True)
    response = staff.post("/api/v1/problem/", {"title": 0}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["title"] == ["Not a valid string."]


def test_the_submit_schema_says_an_empty_field_is_refused(user_client, problem) -> None:
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": problem["_id"], "lang": "", "code": "x"}, format="json"
    )
    assert response.status_code == 400
    schema = client.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    assert schema["SubmitInputRequest"]["properties"]["lang"]["minLength"] == 1
