"""The auth service's only RabbitMQ code: publish `user.deactivated/v1` events (docs/messaging.md).

Deactivations are rare, so there is no long-lived connection: each call connects, declares the topology
from `algocode_contracts.declarations()` (the same arguments every service declares), publishes every
event persistent and `mandatory` on a confirmed channel, and closes. Any failure is `BrokerUnavailable`;
the caller keeps the events in its outbox and tries again later (docs/adr/0101).
"""

from __future__ import annotations

import contextlib

import pika
import pika.exceptions
from django.conf import settings

from algocode_contracts import USERS_EXCHANGE, UserDeactivated, declare

JSON_CONTENT_TYPE = "application/json"


class BrokerUnavailable(Exception):
    """The events could not be handed to RabbitMQ with a confirmation."""


def _parameters(url: str) -> pika.URLParameters:
    params = pika.URLParameters(url)
    # Fail fast: the request that deactivated the user is waiting (the outbox keeps the event anyway).
    params.connection_attempts = 1
    params.socket_timeout = 3
    params.stack_timeout = 5
    params.blocked_connection_timeout = 10
    return params


def user_events_send(events: list[UserDeactivated], *, url: str | None = None) -> None:
    """Publish the events in order; returns only once the broker confirmed every one of them."""
    if not events:
        return
    try:
        connection = pika.BlockingConnection(_parameters(url or settings.AMQP_URL))
    except (pika.exceptions.AMQPError, OSError) as exc:
        raise BrokerUnavailable(f"the message broker is unreachable: {exc!r}") from exc
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        declare(channel)
        for event in events:
            properties = pika.BasicProperties(
                content_type=JSON_CONTENT_TYPE,
                delivery_mode=pika.DeliveryMode.Persistent,
                message_id=f"{event.user_id}/{event.deactivated_at.isoformat()}",
                type=event.schema_,
            )
            body = event.model_dump_json(by_alias=True).encode()
            channel.basic_publish(USERS_EXCHANGE, "", body, properties=properties, mandatory=True)
    except pika.exceptions.UnroutableError as exc:
        raise BrokerUnavailable(f"no queue is bound to {USERS_EXCHANGE}") from exc
    except pika.exceptions.NackError as exc:
        raise BrokerUnavailable("the broker refused the event") from exc
    except (pika.exceptions.AMQPError, OSError) as exc:
        raise BrokerUnavailable(f"the message broker connection failed: {exc!r}") from exc
    finally:
        if connection.is_open:
            with contextlib.suppress(pika.exceptions.AMQPError, OSError):
                connection.close()
