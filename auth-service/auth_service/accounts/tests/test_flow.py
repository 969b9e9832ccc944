"""The whole account life cycle through HTTP, as a client of the original API would drive it."""

import re

import pytest
from django.core import mail
from rest_framework.test import APIClient

from auth_service.users.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "kemal_1",
    "email": "Kemal1@Example.com",
    "password1": "s3cure-Passw0rd!",
    "password2": "s3cure-Passw0rd!",
    "first_name": "Kemal",
    "last_name": "Soydere",
}


def confirmation_link() -> str:
    match = re.search(r"https?://\S+/registration/account-confirm-email/(\S+)/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def key_from_mail() -> str:
    return confirmation_link().rstrip("/").rsplit("/", 1)[-1]


def register(api: APIClient, **overrides: str) -> None:
    response = api.post("/api/v1/auth/registration/", {**SIGNUP, **overrides}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json() == {"detail": "Verification e-mail sent."}


def test_register_verify_login_profile_refresh_logout(api: APIClient) -> None:
    register(api)
    user = User.objects.get()
    assert (user.username, user.email, user.first_name) == ("kemal_1", "kemal1@example.com", "Kemal")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kemal1@example.com"]

    response = api.post("/api/v1/auth/login/", {"email": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 400
    assert response.json()["detail"] == "E-mail is not verified."

    response = api.post("/api/v1/auth/registration/verify-email/", {"key": key_from_mail()}, format="json")
    assert response.status_code == 200
    assert response.json() == {"detail": "ok"}

    # Login by e-mail in any case.
    response = api.post(
        "/api/v1/auth/login/", {"email": "KEMAL1@example.com", "password": SIGNUP["password1"]}, format="json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert set(body) == {"access", "refresh", "user"}
    assert body["user"] == {
        "pk": str(user.id),
        "username": "kemal_1",
        "email": "kemal1@example.com",
        "first_name": "Kemal",
        "last_name": "Soydere",
        "is_staff": False,
        "email_verified": True,
    }

    user.refresh_from_db()
    assert user.last_login is not None

    api.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert api.get("/api/v1/auth/user/").json()["username"] == "kemal_1"

    refreshed = api.post("/api/v1/auth/token/refresh/", {"refresh": body["refresh"]}, format="json")
    assert refreshed.status_code == 200
    pair = refreshed.json()
    assert pair["refresh"] != body["refresh"]
    assert pair["access"] != body["access"]
    # Rotation: the old refresh token is now spent.
    reused = api.post("/api/v1/auth/token/refresh/", {"refresh": body["refresh"]}, format="json")
    assert reused.status_code == 401
    assert reused.json()["detail"] == "Token is blacklisted"

    response = api.post("/api/v1/auth/logout/", {"refresh": pair["refresh"]}, format="json")
    assert response.status_code == 200
    assert response.json() == {"detail": "Successfully logged out."}
    after = api.post("/api/v1/auth/token/refresh/", {"refresh": pair["refresh"]}, format="json")
    assert after.status_code == 401
    assert after.json()["detail"] == "Token is blacklisted"
    again = api.post("/api/v1/auth/logout/", {"refresh": pair["refresh"]}, format="json")
    assert again.status_code == 401
    verify = api.post("/api/v1/auth/token/verify/", {"token": pair["refresh"]}, format="json")
    assert verify.status_code == 401


def test_opening_the_emailed_link_verifies(api: APIClient) -> None:
    register(api)
    link = confirmation_link()
    assert link.startswith("http://testserver/api/v1/auth/registration/account-confirm-email/")
    response = api.get(link)
    assert response.status_code == 200
    assert response.json() == {"detail": "ok", "email": "kemal1@example.com"}
    login = api.post("/api/v1/auth/login/", {"email": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert login.status_code == 200


def test_verification_key_works_once(api: APIClient) -> None:
    register(api)
    key = key_from_mail()
    assert api.post("/api/v1/auth/registration/verify-email/", {"key": key}, format="json").status_code == 200
    for response in (
        api.post("/api/v1/auth/registration/verify-email/", {"key": key}, format="json"),
        api.get(f"/api/v1/auth/registration/account-confirm-email/{key}/"),
    ):
        assert response.status_code == 400
        assert response.json()["detail"] == "Invalid, expired or already used verification key."


def test_bad_verification_key_changes_nothing(api: APIClient, db_unchanged) -> None:
    for key in ("nonsense", "MQ:1sFEOr:abcdefabcdefabcdefabcdefabcdefabcdefabcdefa", ""):
        response = api.post("/api/v1/auth/registration/verify-email/", {"key": key}, format="json")
        assert response.status_code == 400
        assert response.json()["detail"]
    assert api.get("/api/v1/auth/registration/account-confirm-email/nonsense/").status_code == 400
    db_unchanged()


def test_resend_email_sends_a_new_working_link(api: APIClient) -> None:
    register(api)
    response = api.post("/api/v1/auth/registration/resend-email/", {"email": SIGNUP["email"]}, format="json")
    assert response.status_code == 200
    assert len(mail.outbox) == 2
    assert api.get(confirmation_link()).status_code == 200


def test_resend_for_unknown_email_reveals_nothing(api: APIClient, db_unchanged) -> None:
    response = api.post(
        "/api/v1/auth/registration/resend-email/", {"email": "nobody@example.com"}, format="json"
    )
    assert response.status_code == 200
    db_unchanged()


def test_verification_mail_names_algocode(api: APIClient) -> None:
    register(api)
    message = mail.outbox[0]
    assert message.subject == "[Algocode] Please Confirm Your Email Address"
    assert "example.com" not in message.body
