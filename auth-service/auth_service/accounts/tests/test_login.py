"""Login: wrong credentials and unverified accounts get a clear 400; brute force gets 429 + Retry-After."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from auth_service.users.tests.factories import DEFAULT_PASSWORD, UserFactory

URL = "/api/v1/auth/login/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(db: None) -> None:
    UserFactory(email="ada@example.com")


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"email": "nobody@example.com", "password": DEFAULT_PASSWORD},
            "non_field_errors",
            "Unable to log in with provided credentials.",
        ),
        (
            {"email": "ada@example.com", "password": "wrong-password"},
            "non_field_errors",
            "Unable to log in with provided credentials.",
        ),
        ({"email": "ada@example.com"}, "password", "This field is required."),
        ({"password": DEFAULT_PASSWORD}, "email", "This field is required."),
        ({"email": "not-an-email", "password": DEFAULT_PASSWORD}, "email", "Enter a valid email address."),
    ],
)
def test_bad_login(api: APIClient, ada: None, db_unchanged, body: dict, field: str, message: str) -> None:
    response = api.post(URL, body)
    assert response.status_code == 400
    assert response.json()[field] == [message]
    assert response.json()["detail"].endswith(message)
    db_unchanged()


def test_unverified_email_cannot_log_in(api: APIClient) -> None:
    UserFactory(email="ada@example.com", verified=False)
    response = api.post(URL, {"email": "ada@example.com", "password": DEFAULT_PASSWORD})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "E-mail is not verified.",
        "non_field_errors": ["E-mail is not verified."],
    }


def test_inactive_user_cannot_log_in(api: APIClient) -> None:
    UserFactory(email="ada@example.com", is_active=False)
    response = api.post(URL, {"email": "ada@example.com", "password": DEFAULT_PASSWORD})
    assert response.status_code == 400
    assert "access" not in response.json()


@override_settings(LOGIN_THROTTLE_EMAIL_RATE="3/min", LOGIN_THROTTLE_IP_RATE="100/min")
def test_login_is_throttled_per_email(api: APIClient) -> None:
    UserFactory(email="ada@example.com")
    for _ in range(3):
        assert api.post(URL, {"email": "ada@example.com", "password": "guess"}).status_code == 400
    # Even the right password is refused now, from any case of the address.
    response = api.post(URL, {"email": "ADA@example.com", "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    body = response.json()
    assert body["detail"].startswith("Too many attempts. Try again in ")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert body["wait_time"] == int(response["Retry-After"])
    # Another account from the same client is not blocked by this counter.
    UserFactory(email="bob@example.com")
    assert api.post(URL, {"email": "bob@example.com", "password": DEFAULT_PASSWORD}).status_code == 200


@override_settings(LOGIN_THROTTLE_EMAIL_RATE="100/min", LOGIN_THROTTLE_IP_RATE="4/min")
def test_login_is_throttled_per_ip(api: APIClient) -> None:
    for n in range(4):
        assert api.post(URL, {"email": f"guess{n}@example.com", "password": "x"}).status_code == 400
    response = api.post(URL, {"email": "guess9@example.com", "password": "x"})
    assert response.status_code == 429
    assert "Retry-After" in response
    # Another client address has its own budget (REMOTE_ADDR; X-Forwarded-For is not trusted by default).
    other = APIClient(REMOTE_ADDR="10.0.0.7")
    assert other.post(URL, {"email": "guess9@example.com", "password": "x"}).status_code == 400
    spoofed = api.post(URL, {"email": "guess9@example.com", "password": "x"}, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert spoofed.status_code == 429


def test_throttle_rate_parsing() -> None:
    from auth_service.accounts.throttling import Rate, rate_parse

    assert rate_parse("10/min") == Rate(limit=10, period_seconds=60)
    assert rate_parse("5/m") == Rate(limit=5, period_seconds=60)
    assert rate_parse("3/10s") == Rate(limit=3, period_seconds=10)
    assert rate_parse("100/hour") == Rate(limit=100, period_seconds=3600)
    with pytest.raises(ValueError, match="bad rate"):
        rate_parse("ten per minute")


@override_settings(MAIL_THROTTLE_EMAIL_RATE="2/hour", MAIL_THROTTLE_IP_RATE="100/hour")
def test_mail_sending_endpoints_are_throttled_per_address(api: APIClient) -> None:
    from django.core import mail

    UserFactory(email="ada@example.com")
    for _ in range(2):
        assert api.post("/api/v1/auth/password/reset/", {"email": "ada@example.com"}).status_code == 200
    response = api.post("/api/v1/auth/registration/resend-email/", {"email": "ADA@example.com"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 60
    assert len(mail.outbox) == 2
