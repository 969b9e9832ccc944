"""threat-model.md #54: a deactivated or deleted user's tokens stop working within seconds, through the
`user.deactivated/v1` event on RabbitMQ and the Redis deny-list (real broker, real Redis)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pika
import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from algocode_contracts import DEAD_LETTER_QUEUE, USERS_EXCHANGE, UserDeactivated
from code_manager.common.redis import get_redis
from code_manager.users.services import denied_user_key, user_deny

from .conftest import broker_channel, drain, free_port, new_user


@pytest.fixture
def users_consumer(infra) -> Iterator[None]:
    from code_manager.users.consumers import users_consume

    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=users_consume, kwargs={"stop": stop, "ready": ready}, daemon=True)
    thread.start()
    assert ready.wait(15), "users consumer did not start"
    yield
    stop.set()
    thread.join(15)


def publish_user_event(infra, body: bytes) -> None:
    with broker_channel(infra) as channel:
        channel.confirm_delivery()
        channel.basic_publish(
            USERS_EXCHANGE, "", body, properties=pika.BasicProperties(delivery_mode=2), mandatory=True
        )


def deactivated(user_id: str, at: datetime, reason: str = "deleted") -> bytes:
    return (
        UserDeactivated(user_id=user_id, deactivated_at=at, reason=reason)
        .model_dump_json(by_alias=True)
        .encode()
    )


def client_for(make_token, user, **claims) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user, **claims)}")
    return client


def wait_for(predicate, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_deleted_users_token_is_refused_within_seconds(infra, make_token, users_consumer) -> None:
    user, other = new_user(), new_user("bob")
    client = client_for(make_token, user)
    bystander = client_for(make_token, other)
    assert client.get("/api/v1/submissions/").status_code == 200

    publish_user_event(infra, deactivated(user.user_id, datetime.now(UTC)))
    assert wait_for(lambda: client.get("/api/v1/submissions/").status_code == 401)
    response = client.get("/api/v1/submissions/")
    assert response.json() == {
        "detail": "This account has been deactivated; its tokens are no longer valid.",
        "code": "token_not_valid",
    }
    assert bystander.get("/api/v1/submissions/").status_code == 200
    ttl = get_redis().ttl(denied_user_key(user.user_id))
    assert 600 < ttl <= 605  # the access-token lifetime plus the leeway


def test_a_token_issued_after_the_deactivation_works(infra, make_token) -> None:
    """A reactivated user signs in again: tokens issued later than the event are not refused."""
    user = new_user()
    user_deny(user_id=user.user_id, deactivated_at=datetime.now(UTC) - timedelta(seconds=30))
    assert client_for(make_token, user).get("/api/v1/submissions/").status_code == 200
    old = client_for(make_token, user, iat=datetime.now(UTC) - timedelta(seconds=60))
    assert old.get("/api/v1/submissions/").status_code == 401


def test_an_earlier_event_arriving_late_does_not_shorten_the_ban(infra, make_token) -> None:
    user = new_user()
    now = datetime.now(UTC)
    user_deny(user_id=user.user_id, deactivated_at=now)
    user_deny(user_id=user.user_id, deactivated_at=now - timedelta(minutes=5))
    token_iat = now - timedelta(seconds=60)
    assert client_for(make_token, user, iat=token_iat).get("/api/v1/submissions/").status_code == 401


def test_invalid_events_are_dead_lettered(infra, users_consumer) -> None:
    publish_user_event(infra, b'{"schema": "user.deactivated/v1", "user_id": "x"}')
    publish_user_event(infra, b"\xff not json")
    assert len(drain(infra, DEAD_LETTER_QUEUE, expect=2)) == 2


def test_redis_down_accepts_tokens_and_logs_it(infra, make_token, caplog) -> None:
    """The documented policy (docs/adr/0095-user-deny-list.md): fail open, never a 500 or a lock-out."""
    user = new_user()
    client = client_for(make_token, user)
    with override_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"):
        assert client.get("/api/v1/submissions/").status_code == 200
    assert "deny-list: Redis unavailable" in caplog.text


def test_an_event_waits_for_redis_instead_of_being_lost(infra, make_token) -> None:
    from code_manager.messaging.consumer import RetryLater
    from code_manager.users.consumers import user_message_handle

    user = new_user()
    body = deactivated(user.user_id, datetime.now(UTC), reason="deactivated")
    with override_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"), pytest.raises(RetryLater):
        user_message_handle(body)
    assert str(user_message_handle(body)) == "ack"
    assert json.loads(get_redis().get(denied_user_key(user.user_id))) > 0
