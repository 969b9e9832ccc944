"""The web client's session (ADR 0120): the refresh token only in an httpOnly cookie, read only with the
web client's header; e-mailed links that open the web client."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from rest_framework.test import APIClient

from auth_service.users.models import User
from auth_service.users.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
WEB = {"HTTP_X_ALGOCODE_CLIENT": "web"}
COOKIE = "algocode_refresh"


def web_login(api: APIClient, user: User) -> str:
    response = api.post("/api/v1/auth/login/", {"email": user.email, "password": DEFAULT_PASSWORD}, **WEB)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["access"]
    assert body["refresh"] == ""
    return response.cookies[COOKIE].value


def test_web_login_sets_a_locked_down_cookie_and_keeps_the_refresh_token_out_of_json(
    api: APIClient, user: User
) -> None:
    web_login(api, user)
    cookie = api.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/api/v1/auth/"
    assert int(cookie["max-age"]) == 7 * 24 * 3600


def test_api_clients_still_get_both_tokens_in_json_and_no_cookie(api: APIClient, user: User) -> None:
    response = api.post("/api/v1/auth/login/", {"email": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert response.json()["refresh"].count(".") == 2
    assert COOKIE not in response.cookies


def test_web_refresh_rotates_the_cookie_and_the_old_token_is_dead(api: APIClient, user: User) -> None:
    first = web_login(api, user)
    response = api.post("/api/v1/auth/token/refresh/", {}, format="json", **WEB)
    assert response.status_code == 200, response.json()
    assert response.json()["access"]
    assert response.json()["refresh"] == ""
    second = response.cookies[COOKIE].value
    assert second
    assert second != first
    stale = APIClient()
    stale.cookies[COOKIE] = first
    assert stale.post("/api/v1/auth/token/refresh/", {}, format="json", **WEB).status_code == 401


def test_the_cookie_alone_is_not_enough_without_the_web_header(api: APIClient, user: User) -> None:
    # A cross-site form post carries cookies but cannot add a header: it must get nothing.
    web_login(api, user)
    response = api.post("/api/v1/auth/token/refresh/", {}, format="json")
    assert response.status_code == 400
    assert "access" not in response.json()
    assert api.post("/api/v1/auth/logout/", {}, format="json").status_code == 400


def test_web_refresh_without_a_cookie_is_401(api: APIClient, db: None) -> None:
    response = api.post("/api/v1/auth/token/refresh/", {}, format="json", **WEB)
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_web_logout_revokes_the_token_and_clears_the_cookie(api: APIClient, user: User) -> None:
    token = web_login(api, user)
    response = api.post("/api/v1/auth/logout/", {}, format="json", **WEB)
    assert response.status_code == 200
    assert response.cookies[COOKIE].value == ""
    assert int(response.cookies[COOKIE]["max-age"]) == 0
    again = APIClient()
    again.cookies[COOKIE] = token
    assert again.post("/api/v1/auth/token/refresh/", {}, format="json", **WEB).status_code == 401
    # Logging out twice still logs out (the cookie's token was already revoked).
    assert again.post("/api/v1/auth/logout/", {}, format="json", **WEB).status_code == 200


@override_settings(WEB_URL="https://judge.example.org")
def test_verification_mail_opens_the_web_client_and_keeps_the_api_link(api: APIClient) -> None:
    signup = {
        "username": "web_user",
        "email": "web@example.com",
        "password1": "s3cure-Passw0rd!",
        "password2": "s3cure-Passw0rd!",
    }
    assert api.post("/api/v1/auth/registration/", signup).status_code == 201
    body = mail.outbox[-1].body
    web = re.search(r"https://judge\.example\.org/verify-email/(\S+)", body)
    api_link = re.search(r"http://testserver(/api/v1/auth/registration/account-confirm-email/(\S+)/)", body)
    assert web, body
    assert api_link, body
    assert web.group(1) == api_link.group(2)
    assert api.post("/api/v1/auth/registration/verify-email/", {"key": web.group(1)}).status_code == 200


@override_settings(WEB_URL="https://judge.example.org")
def test_password_reset_mail_opens_the_web_client(api: APIClient, user: User) -> None:
    assert api.post("/api/v1/auth/password/reset/", {"email": user.email}).status_code == 200
    match = re.search(r"https://judge\.example\.org/reset-password/([^/\s]+)/([^/\s]+)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    new = "n3w-Passw0rd!"
    confirm = {"uid": match.group(1), "token": match.group(2), "new_password1": new, "new_password2": new}
    assert api.post("/api/v1/auth/password/reset/confirm/", confirm).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/auth/token/refresh/", "/api/v1/auth/logout/"])
def test_a_web_request_whose_body_is_a_list_uses_the_cookie(api: APIClient, user: User, path: str) -> None:
    web_login(api, user)
    response = api.post(path, [], format="json", **WEB)  # threat-model.md #51: was a 500
    assert response.status_code == 200, response.content
    assert COOKIE in response.cookies  # rotated (refresh) or cleared (logout)
