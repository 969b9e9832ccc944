"""Fixtures shared by every app's tests: API clients, users with tokens, and a database snapshot."""

from collections.abc import Callable

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from auth_service.tokens.services import TokenPair, token_pair_issue
from auth_service.users.models import User
from auth_service.users.tests.factories import UserFactory


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def tokens(user: User) -> TokenPair:
    return token_pair_issue(user=user)


@pytest.fixture
def auth_api(tokens: TokenPair) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens.access}")
    return client


def _state() -> tuple[object, ...]:
    users = tuple(
        User.objects.order_by("id").values_list(
            "id", "username", "email", "first_name", "last_name", "is_staff", "is_active", "password"
        )
    )
    addresses = tuple(EmailAddress.objects.order_by("id").values_list("email", "verified", "primary"))
    return (
        users,
        addresses,
        OutstandingToken.objects.count(),
        BlacklistedToken.objects.count(),
        len(mail.outbox),
    )


@pytest.fixture
def db_unchanged(db: None) -> Callable[[], None]:
    """Call the fixture's value at the end of a test: asserts users, addresses, tokens and mail as before."""
    before = _state()

    def check() -> None:
        assert _state() == before

    return check
