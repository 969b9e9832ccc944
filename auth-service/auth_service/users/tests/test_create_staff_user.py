"""`manage.py create_staff_user`: idempotent, verified, staff; the account can log in at once."""

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from auth_service.users.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALGOCODE_STAFF_EMAIL", "Admin@Example.com")
    monkeypatch.setenv("ALGOCODE_STAFF_USERNAME", "admin")
    monkeypatch.setenv("ALGOCODE_STAFF_PASSWORD", "first-Passw0rd!")


def test_creates_then_updates(staff_env: None, monkeypatch: pytest.MonkeyPatch, api: APIClient) -> None:
    call_command("create_staff_user")
    monkeypatch.setenv("ALGOCODE_STAFF_PASSWORD", "second-Passw0rd!")
    call_command("create_staff_user")
    user = User.objects.get()
    assert (user.email, user.username, user.is_staff, user.is_superuser) == (
        "admin@example.com",
        "admin",
        True,
        True,
    )
    assert user.emailaddress_set.get().verified
    response = api.post("/api/v1/auth/login/", {"email": "admin@example.com", "password": "second-Passw0rd!"})
    assert response.status_code == 200
    assert response.json()["user"]["is_staff"] is True


def test_missing_variables_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALGOCODE_STAFF_PASSWORD", raising=False)
    monkeypatch.setenv("ALGOCODE_STAFF_EMAIL", "a@example.com")
    monkeypatch.setenv("ALGOCODE_STAFF_USERNAME", "admin")
    with pytest.raises(CommandError, match="ALGOCODE_STAFF_PASSWORD"):
        call_command("create_staff_user")
    assert not User.objects.exists()


def test_weak_password_or_bad_username_is_refused(staff_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALGOCODE_STAFF_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="too common"):
        call_command("create_staff_user")
    monkeypatch.setenv("ALGOCODE_STAFF_PASSWORD", "first-Passw0rd!")
    monkeypatch.setenv("ALGOCODE_STAFF_USERNAME", "no spaces allowed")
    with pytest.raises(CommandError, match="Usernames are 3-30 characters"):
        call_command("create_staff_user")
    assert not User.objects.exists()
