"""The users consumer: `user.deactivated/v1` events from auth, decoded here and written to the deny-list.

Thin, like the result consumer (docs/messaging.md): decode and validate the message, call the service,
say ack / dead-letter; a Redis outage keeps the message unacked and retried so no deactivation is lost.
"""

from __future__ import annotations

import logging
import threading

import redis
from django.conf import settings

from algocode_contracts import USERS_QUEUE, UserDeactivated
from code_manager.messaging.consumer import Disposition, RetryLater, consume_forever, decode_message
from code_manager.users.services import user_deny

logger = logging.getLogger(__name__)

MAX_USER_MESSAGE_BYTES = 64 * 1024


def user_message_handle(body: bytes) -> Disposition:
    event = decode_message(body, UserDeactivated, max_bytes=MAX_USER_MESSAGE_BYTES)
    if event is None:
        return Disposition.REJECT
    try:
        user_deny(user_id=event.user_id, deactivated_at=event.deactivated_at)
    except redis.RedisError as exc:
        raise RetryLater(repr(exc)) from exc
    logger.info(
        "user %s %s: tokens issued until %s refused", event.user_id, event.reason, event.deactivated_at
    )
    return Disposition.ACK


def users_consume(*, stop: threading.Event | None = None, ready: threading.Event | None = None) -> None:
    consume_forever(
        USERS_QUEUE,
        user_message_handle,
        prefetch=settings.RESULT_CONSUMER_PREFETCH,
        stop=stop,
        ready=ready,
    )
