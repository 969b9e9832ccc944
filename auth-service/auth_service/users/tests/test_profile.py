"""`user/`: a user reads and edits only their own profile, and only the three editable fields."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from auth_service.users.models import User
from auth_service.users.tests.factories import UserFactory

URL = "/api/v1/auth/user/"
pytestmark = pytest.mark.django_db


def test_get_own_profile(auth_api: APIClient, user: User) -> None:
    response = auth_api.get(URL)
    assert response.status_code == 200
    assert response.json() == {
        "pk": str(user.id),
        "username": user.username,
        "email": user.email,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "is_staff": False,
        "email_verified": True,
    }


def test_anonymous_gets_401(api: APIClient) -> None:
    response = api.get(URL)
    assert response.status_code == 401
    assert response.json()["detail"] == "Authentication credentials were not provided."


def test_patch_and_put_change_own_names(auth_api: APIClient, user: User) -> None:
    response = auth_api.patch(URL, {"first_name": "Grace"})
    assert response.status_code == 200
    assert response.json()["first_name"] == "Grace"
    response = auth_api.put(URL, {"username": "grace.h-1", "first_name": "Grace", "last_name": "Hopper"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.username, user.first_name, user.last_name) == ("grace.h-1", "Grace", "Hopper")


def test_put_needs_every_editable_field(auth_api: APIClient, user: User, db_unchanged) -> None:
    response = auth_api.put(URL, {"first_name": "Grace"})
    assert response.status_code == 400
    assert response.json()["username"] == ["This field is required."]
    db_unchanged()


@pytest.mark.parametrize(
    "payload",
    [
        {"is_staff": True},
        {"is_superuser": True},
        {"email_verified": True},
        {"id": "00000000-0000-0000-0000-000000000001"},
        {"pk": "00000000-0000-0000-0000-000000000001"},
        {"email": "new@example.com"},
        {"password": "hijack-Passw0rd"},
        {"first_name": "Mallory", "is_staff": True},
    ],
)
def test_mass_assignment_is_refused_and_nothing_changes(
    auth_api: APIClient, user: User, db_unchanged, payload
) -> None:
    for method in (auth_api.patch, auth_api.put):
        body = {"username": user.username, "first_name": "x", "last_name": "y", **payload}
        response = method(URL, body if method == auth_api.put else payload)
        assert response.status_code == 400
        assert response.json()["code"] == "read_only_fields"
        assert "cannot be changed here" in response.json()["detail"]
    db_unchanged()


@pytest.fixture
def victim(db: None) -> User:
    return UserFactory(username="victim", first_name="Victim")


def test_other_users_profiles_are_unreachable(auth_api: APIClient, victim: User, db_unchanged) -> None:
    # The original had a RetrieveUpdate view on any user's UUID; here no route names another user.
    for path in (
        f"{URL}{victim.id}/",
        f"/api/v1/user/user-detail/{victim.id}/",
        f"/api/v1/auth/user/{victim.pk}",
    ):
        assert auth_api.get(path).status_code == 404
        response = auth_api.patch(path, {"first_name": "Owned"})
        assert response.status_code == 404
        assert response.json()["detail"] == "Not found."
    db_unchanged()


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("ab", "Usernames are 3-30 characters"),
        ("has space", "Usernames are 3-30 characters"),
        ("ünïcode", "Usernames are 3-30 characters"),
        ("x" * 31, "username: "),
    ],
)
def test_invalid_username_is_refused(auth_api: APIClient, db_unchanged, username: str, message: str) -> None:
    response = auth_api.patch(URL, {"username": username})
    assert response.status_code == 400
    assert message in response.json()["detail"]
    db_unchanged()


def test_username_taken_in_any_case(auth_api: APIClient, victim: User, db_unchanged) -> None:
    response = auth_api.patch(URL, {"username": "VICTIM"})
    assert response.status_code == 400
    assert response.json()["detail"] == "A user with that username already exists."
    db_unchanged()


@pytest.mark.parametrize(
    "body", [{"last_name": 7}, {"first_name": True}, {"username": 12345}, {"last_name": None}]
)
def test_non_string_names_are_refused(auth_api: APIClient, db_unchanged, body: dict) -> None:
    response = auth_api.patch(URL, body)
    assert response.status_code == 400
    assert next(iter(body)) in response.json()
    db_unchanged()


@pytest.mark.parametrize("username", ["admin", "Root", "SUPPORT", "algocode", "staff"])
def test_reserved_usernames_are_refused(auth_api: APIClient, db_unchanged, username: str) -> None:
    response = auth_api.patch(URL, {"username": username})
    assert response.status_code == 400
    assert response.json()["username"] == ["This username is reserved."]
    db_unchanged()


@override_settings(USERNAME_THROTTLE_USER_RATE="3/hour")
def test_username_checks_are_throttled_per_user(auth_api: APIClient, user: User, victim: User) -> None:
    for n in range(3):
        assert auth_api.patch(URL, {"username": f"fresh_{n}"}).status_code == 200
    response = auth_api.patch(URL, {"username": "victim"})
    assert response.status_code == 429  # no answer about whether "victim" is taken
    assert "exists" not in response.content.decode()
    # Changes that ask about no other name go on.
    assert auth_api.patch(URL, {"first_name": "Grace"}).status_code == 200
    assert auth_api.patch(URL, {"username": "FRESH_2", "last_name": "Hopper"}).status_code == 200
