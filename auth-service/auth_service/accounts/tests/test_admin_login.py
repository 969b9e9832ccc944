"""The admin's login form is throttled per IP and per e-mail like the API login (threat-model.md #50)."""

import pytest
from django.test import Client, override_settings

from auth_service.users.tests.factories import DEFAULT_PASSWORD, UserFactory

URL = "/api/v1/auth/admin/login/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db: None) -> None:
    UserFactory(email="root@example.com", is_staff=True, is_superuser=True)


def test_twelve_wrong_passwords_are_cut_off_at_the_sixth(staff: None) -> None:
    client = Client()
    statuses = [
        client.post(URL, {"username": "root@example.com", "password": f"guess-{n}"}).status_code
        for n in range(12)
    ]
    assert statuses == [200] * 5 + [429] * 7  # 200: the form again, with its error
    # Now even the right password waits, and the answer says how long.
    response = client.post(URL, {"username": "ROOT@example.com", "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert 1 <= int(response["Retry-After"]) <= 60


@override_settings(LOGIN_THROTTLE_IP_RATE="4/min", LOGIN_THROTTLE_EMAIL_RATE="100/min")
def test_admin_login_is_throttled_per_ip_across_usernames() -> None:
    client = Client()
    statuses = [
        client.post(URL, {"username": f"user{n}@example.com", "password": "x"}).status_code for n in range(6)
    ]
    assert statuses == [200] * 4 + [429] * 2
    # Another client address is not affected.
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert other.post(URL, {"username": "user0@example.com", "password": "x"}).status_code == 200


@override_settings(LOGIN_THROTTLE_IP_RATE="100/min", LOGIN_THROTTLE_EMAIL_RATE="3/min")
def test_api_and_admin_login_share_the_per_email_budget(staff: None) -> None:
    for _ in range(3):
        assert Client().post(URL, {"username": "root@example.com", "password": "x"}).status_code == 200
    response = Client(REMOTE_ADDR="10.9.9.9").post(
        "/api/v1/auth/login/",
        {"email": "root@example.com", "password": DEFAULT_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 429


def test_right_password_still_logs_in_to_the_admin(staff: None) -> None:
    response = Client().post(URL, {"username": "root@example.com", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert Client().get("/api/v1/auth/admin/login/").status_code == 200
