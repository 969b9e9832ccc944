"""Password change and reset by e-mail; both end every existing session's refresh token."""

import re

import pytest
from django.core import mail
from rest_framework.test import APIClient

from auth_service.tokens.services import TokenPair
from auth_service.users.models import User
from auth_service.users.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
NEW = "n3w-Passw0rd!"


def login(api: APIClient, email: str, password: str) -> int:
    return api.post("/api/v1/auth/login/", {"email": email, "password": password}).status_code


def test_change_needs_the_old_password(auth_api: APIClient, user: User, db_unchanged) -> None:
    response = auth_api.post(
        "/api/v1/auth/password/change/",
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 400
    assert "old_password" in response.json()
    db_unchanged()


def test_change_then_login_with_the_new_password(auth_api: APIClient, api: APIClient, user: User) -> None:
    response = auth_api.post(
        "/api/v1/auth/password/change/",
        {"old_password": DEFAULT_PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert login(api, user.email, DEFAULT_PASSWORD) == 400
    assert login(api, user.email, NEW) == 200


def test_reset_by_email_link(api: APIClient, user: User, tokens: TokenPair) -> None:
    response = api.post("/api/v1/auth/password/reset/", {"email": user.email.upper()})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/api/v1/auth/password/reset/confirm/\S+/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    opened = api.get(link.group(1)).json()
    assert opened["detail"].startswith("POST uid, token")
    confirm = {"uid": opened["uid"], "token": opened["token"], "new_password1": NEW, "new_password2": NEW}
    response = api.post("/api/v1/auth/password/reset/confirm/", confirm)
    assert response.status_code == 200, response.json()
    assert login(api, user.email, NEW) == 200
    # The old sessions are over, and the link works only once.
    assert api.post("/api/v1/auth/token/refresh/", {"refresh": tokens.refresh}).status_code == 401
    again = api.post("/api/v1/auth/password/reset/confirm/", confirm)
    assert again.status_code == 400


def test_reset_for_unknown_email_reveals_nothing(api: APIClient, db_unchanged) -> None:
    response = api.post("/api/v1/auth/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 200
    db_unchanged()


def test_reset_confirm_with_a_bad_token_changes_nothing(api: APIClient, user: User, db_unchanged) -> None:
    response = api.post(
        "/api/v1/auth/password/reset/confirm/",
        {"uid": user.pk.hex, "token": "bad-token", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 400
    assert response.json()["detail"]
    db_unchanged()
