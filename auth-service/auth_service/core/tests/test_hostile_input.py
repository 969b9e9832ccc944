"""Hostile request shapes get a clear JSON 4xx, never a 500 (threat-model.md #51)."""

import json

import pytest
from django.test import Client

from auth_service.core.parsers import json_depth_exceeds

pytestmark = pytest.mark.django_db
LOGIN = "/api/v1/auth/login/"


@pytest.mark.parametrize("depth", [33, 5_000, 200_000])
def test_deeply_nested_json_is_400(depth: int) -> None:
    body = "[" * depth + "]" * depth
    response = Client().post(LOGIN, body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "nested" in response.json()["detail"]


def test_moderately_nested_json_still_parses() -> None:
    body = {"email": "a@example.com", "password": "x", "extra": [[[[1]]]]}
    response = Client().post(LOGIN, json.dumps(body), content_type="application/json")
    assert response.status_code == 400  # wrong credentials, not a parse error
    assert "nested" not in response.json()["detail"]


def test_depth_check_counts_containers_only() -> None:
    assert not json_depth_exceeds({"a": [1, {"b": "c"}]}, 3)
    assert json_depth_exceeds({"a": [1, {"b": ["c"]}]}, 3)
    assert not json_depth_exceeds("scalar", 0)


def test_body_over_the_upload_limit_is_413() -> None:
    body = json.dumps({"email": "a@example.com", "password": "x" * (3 * 1024 * 1024)})
    response = Client().post(LOGIN, body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large.", "code": "payload_too_large"}


def test_body_over_the_limit_on_the_admin_login_is_413_json() -> None:
    response = Client().post(
        "/api/v1/auth/admin/login/", {"username": "a", "password": "x" * (3 * 1024 * 1024)}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


@pytest.mark.parametrize("path", ["/api/v1/auth/healthcheck/?q=", "/api/v1/auth/" + "a" * 5000])
def test_url_over_4_kib_is_json_414(path: str) -> None:
    response = Client().get(path + "x" * 5000)
    assert response.status_code == 414
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "uri_too_long"


def test_url_just_under_the_limit_is_served() -> None:
    response = Client().get("/api/v1/auth/healthcheck/?q=" + "x" * 4000)
    assert response.status_code == 200
