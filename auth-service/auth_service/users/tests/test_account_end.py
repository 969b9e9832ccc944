"""The end of an account: self-service deletion (password required) and staff deactivation revoke every
token and tell the other services through `user.deactivated/v1` on a real RabbitMQ (a private vhost),
also when the broker is down at that moment (threat-model.md #54, docs/adr/0101)."""

from __future__ import annotations

import contextlib
import subprocess
import urllib.parse
import uuid
from collections.abc import Iterator

import pika
import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from algocode_contracts import USERS_QUEUE, UserDeactivated
from auth_service.tokens.services import TokenPair, token_pair_issue
from auth_service.users.models import User, UserEvent
from auth_service.users.tests.factories import DEFAULT_PASSWORD, UserFactory

DELETE = "/api/v1/auth/user/delete/"
DOWN_URL = "amqp://guest:guest@127.0.0.1:1/%2F"  # nothing listens on port 1
pytestmark = pytest.mark.django_db


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def vhost_url() -> Iterator[str]:
    vhost = f"auth-test-{uuid.uuid4().hex[:12]}"
    _rabbitmqctl("add_vhost", vhost)
    try:
        _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield f"amqp://guest:guest@127.0.0.1:5672/{urllib.parse.quote(vhost, safe='')}"
    finally:
        _rabbitmqctl("delete_vhost", vhost)


@pytest.fixture
def broker(vhost_url: str, settings: object) -> Iterator[str]:
    settings.AMQP_URL = vhost_url
    yield vhost_url
    connection = pika.BlockingConnection(pika.URLParameters(vhost_url))
    with contextlib.suppress(pika.exceptions.ChannelClosedByBroker):  # the queue was never declared
        connection.channel().queue_purge(USERS_QUEUE)
    connection.close()


def received(url: str) -> list[UserDeactivated]:
    """Every event waiting in the code manager's queue (taken off it)."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    events = []
    while True:
        method, properties, body = channel.basic_get(USERS_QUEUE, auto_ack=True)
        if method is None:
            break
        assert properties.delivery_mode == 2
        assert properties.content_type == "application/json"
        events.append(UserDeactivated.model_validate_json(body))
    connection.close()
    return events


def bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def assert_tokens_refused(pair: TokenPair) -> None:
    assert bearer(pair.access).get("/api/v1/auth/user/").status_code == 401
    api = APIClient()
    assert api.post("/api/v1/auth/token/refresh/", {"refresh": pair.refresh}).status_code == 401
    assert api.post("/api/v1/auth/token/verify/", {"token": pair.access}).status_code == 401


def test_deleting_ones_account_revokes_everything_and_tells_the_platform(
    broker: str, django_capture_on_commit_callbacks
) -> None:
    user = UserFactory()
    pair, other_session = token_pair_issue(user=user), token_pair_issue(user=user)
    with django_capture_on_commit_callbacks(execute=True):
        response = bearer(pair.access).post(DELETE, {"password": DEFAULT_PASSWORD})
    assert response.status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
    assert_tokens_refused(pair)
    assert_tokens_refused(other_session)
    [event] = received(broker)
    assert (event.user_id, event.reason) == (str(user.pk), "deleted")
    assert UserEvent.objects.get().published_at is not None


@pytest.mark.parametrize("body", [{"password": "wrong-password"}, {}, {"password": 12345678}])
def test_deletion_needs_the_password(broker: str, auth_api: APIClient, db_unchanged, body: dict) -> None:
    response = auth_api.post(DELETE, body)
    assert response.status_code == 400
    assert "password" in response.json()
    db_unchanged()
    assert received(broker) == []


def test_deletion_without_a_token_is_401(api: APIClient, user: User, db_unchanged) -> None:
    assert api.post(DELETE, {"password": DEFAULT_PASSWORD}).status_code == 401
    db_unchanged()


def test_broker_down_keeps_the_event_until_the_drain_publishes_it(
    broker: str, settings: object, django_capture_on_commit_callbacks
) -> None:
    user = UserFactory()
    pair = token_pair_issue(user=user)
    settings.AMQP_URL = DOWN_URL
    with django_capture_on_commit_callbacks(execute=True):
        response = bearer(pair.access).post(DELETE, {"password": DEFAULT_PASSWORD})
    assert response.status_code == 204  # the deletion stands; the event waits in the outbox
    pending = UserEvent.objects.get()
    assert pending.published_at is None
    assert pending.attempts == 1
    assert "unreachable" in pending.last_error
    with pytest.raises(SystemExit):  # still down: the drain says so
        call_command("publish_user_events")
    settings.AMQP_URL = broker
    call_command("publish_user_events")
    assert UserEvent.objects.get().published_at is not None
    [event] = received(broker)
    assert (event.user_id, event.reason) == (str(user.pk), "deleted")


def test_staff_deactivate_a_user(broker: str, django_capture_on_commit_callbacks) -> None:
    staff, target = UserFactory(is_staff=True), UserFactory()
    pair = token_pair_issue(user=target)
    url = f"/api/v1/auth/users/{target.pk}/deactivate/"
    assert bearer(pair.access).post(url).status_code == 403  # not staff
    with django_capture_on_commit_callbacks(execute=True):
        assert bearer(token_pair_issue(user=staff).access).post(url).status_code == 204
    target.refresh_from_db()
    assert not target.is_active
    assert_tokens_refused(pair)
    [event] = received(broker)
    assert (event.user_id, event.reason) == (str(target.pk), "deactivated")
    # Again: nothing more to do, no second event.
    with django_capture_on_commit_callbacks(execute=True):
        assert bearer(token_pair_issue(user=staff).access).post(url).status_code == 204
    assert received(broker) == []
    missing = f"/api/v1/auth/users/{uuid.uuid4()}/deactivate/"
    assert bearer(token_pair_issue(user=staff).access).post(missing).status_code == 404


def test_admin_action_and_change_form_deactivate(broker: str, django_capture_on_commit_callbacks) -> None:
    staff = UserFactory(is_staff=True, is_superuser=True)
    first, second = UserFactory(), UserFactory()
    admin = APIClient()
    admin.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            "/api/v1/auth/admin/users/user/",
            {"action": "deactivate", "_selected_action": [str(first.pk)]},
            format="multipart",
        )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"/api/v1/auth/admin/users/user/{second.pk}/delete/", {"post": "yes"}, format="multipart")
    assert not User.objects.get(pk=first.pk).is_active
    assert not User.objects.filter(pk=second.pk).exists()
    assert {(e.user_id, e.reason) for e in received(broker)} == {
        (str(first.pk), "deactivated"),
        (str(second.pk), "deleted"),
    }
