"""Two clients racing with one refresh token: exactly one gets new tokens (real PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from auth_service.tokens.services import token_pair_issue
from auth_service.users.tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_concurrent_refresh_with_one_token_succeeds_once() -> None:
    pair = token_pair_issue(user=UserFactory())
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def use_token() -> None:
        barrier.wait()
        try:
            statuses.append(
                APIClient().post("/api/v1/auth/token/refresh/", {"refresh": pair.refresh}).status_code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=use_token) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 401, 401, 401]
