"""`token/refresh/` is throttled per user: one user's refresh flood gets 429 (threat-model.md #49)."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from auth_service.tokens.services import token_pair_issue
from auth_service.users.tests.factories import UserFactory

URL = "/api/v1/auth/token/refresh/"
pytestmark = pytest.mark.django_db


@override_settings(REFRESH_THROTTLE_USER_RATE="3/min")
def test_refresh_flood_of_one_user_is_cut_off_and_others_go_on(api: APIClient) -> None:
    flooder = UserFactory()
    chains = [token_pair_issue(user=flooder).refresh for _ in range(2)]
    statuses = []
    for n in range(4):
        response = api.post(URL, {"refresh": chains[n % 2]})
        statuses.append(response.status_code)
        if response.status_code == 200:
            chains[n % 2] = response.json()["refresh"]
    assert statuses == [200, 200, 200, 429]
    assert 1 <= int(api.post(URL, {"refresh": chains[0]})["Retry-After"]) <= 60
    # Another user, from the same client address, still refreshes.
    other = token_pair_issue(user=UserFactory())
    assert api.post(URL, {"refresh": other.refresh}).status_code == 200


@override_settings(REFRESH_THROTTLE_USER_RATE="1/min")
def test_garbage_tokens_do_not_spend_a_users_budget(api: APIClient) -> None:
    pair = token_pair_issue(user=UserFactory())
    for body in ({"refresh": "not-a-jwt"}, {"refresh": pair.access}, {}):
        assert api.post(URL, body).status_code in (400, 401)
    assert api.post(URL, {"refresh": pair.refresh}).status_code == 200
