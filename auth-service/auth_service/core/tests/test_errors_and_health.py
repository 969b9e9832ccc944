"""Every error is JSON with a clear `detail`; the healthcheck really asks the database."""

from unittest import mock

import pytest
from django.db import OperationalError
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_healthcheck_ok(api: APIClient) -> None:
    response = api.get("/api/v1/auth/healthcheck/")
    assert response.status_code == 200
    assert response.json() == {"status": "OK"}


def test_healthcheck_503_when_database_is_down(api: APIClient) -> None:
    with mock.patch(
        "auth_service.core.apis.database_ping", side_effect=OperationalError("connection refused")
    ):
        response = api.get("/api/v1/auth/healthcheck/")
    assert response.status_code == 503
    assert response.json() == {
        "detail": "Database unavailable.",
        "code": "database_unavailable",
        "status": "ERROR",
    }


def test_unknown_url_is_json_404(api: APIClient) -> None:
    response = api.get("/no/such/page/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"] == "Not found."


def test_wrong_method_is_json_405(api: APIClient) -> None:
    response = api.get("/api/v1/auth/login/")
    assert response.status_code == 405
    assert response.json()["detail"] == 'Method "GET" not allowed.'


def test_unexpected_error_is_json_500_without_internals(db: None) -> None:
    client = APIClient(raise_request_exception=False)
    with mock.patch("auth_service.core.apis.database_ping", side_effect=RuntimeError("secret internals")):
        response = client.get("/api/v1/auth/healthcheck/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error.", "code": "server_error"}


def test_schema_and_local_swagger_ui(api: APIClient) -> None:
    schema = api.get("/api/v1/auth/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in ("/api/v1/auth/login/", "/api/v1/auth/registration/", "/api/v1/auth/token/refresh/"):
        assert path in paths
    assert {"200", "400", "401", "429"} <= set(paths["/api/v1/auth/login/"]["post"]["responses"])
    page = api.get("/api/v1/auth/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr" not in html
    assert "/api/v1/auth/static/drf_spectacular_sidecar/" in html


def test_admin_login_page_is_served(api: APIClient) -> None:
    assert api.get("/api/v1/auth/admin/login/").status_code == 200


def test_staff_can_use_the_admin(db: None) -> None:
    from django.test import Client

    from auth_service.users.tests.factories import DEFAULT_PASSWORD, UserFactory

    UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    client = Client()
    response = client.post(
        "/api/v1/auth/admin/login/?next=/api/v1/auth/admin/",
        {"username": "STAFF@example.com", "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/api/v1/auth/admin/users/user/").status_code == 200
