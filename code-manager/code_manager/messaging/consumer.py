"""A reconnecting consumer loop: prefetch, manual ack after the handler's work is durable, dead-lettering.

The handler gets the raw body and says what to do with the message: ACK (done, or a harmless duplicate) or
REJECT (poison: `basic_nack(requeue=False)` sends it to the dead-letter exchange). It raises RetryLater
when its store is down: the message stays unacked while the loop waits with `connection.sleep`, which keeps
heartbeats flowing, and tries again (a requeue would count against the queue's delivery limit).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

import pika
import pika.exceptions
from pydantic import BaseModel, ValidationError

from code_manager.messaging.broker import connection_parameters, declare_topology

logger = logging.getLogger(__name__)


class Disposition(StrEnum):
    ACK = "ack"
    REJECT = "reject"


class RetryLater(Exception):
    """The handler's store is unavailable; the same message will be handled again."""


Handler = Callable[[bytes], Disposition]
Message = TypeVar("Message", bound=BaseModel)


def decode_message(body: bytes, model: type[Message], *, max_bytes: int) -> Message | None:
    """The message as its contract model, or None (logged) when it is too big or not valid: dead-letter it."""
    if len(body) > max_bytes:
        logger.error("%s message of %d bytes refused", model.__name__, len(body))
        return None
    try:
        return model.model_validate_json(body.decode("utf-8"))
    except (UnicodeDecodeError, ValidationError) as exc:
        logger.error("invalid %s message refused: %s", model.__name__, str(exc)[:500])
        return None


MAX_BACKOFF_SECONDS = 10.0


def consume_forever(
    queue: str,
    handler: Handler,
    *,
    prefetch: int,
    stop: threading.Event | None = None,
    url: str | None = None,
    ready: threading.Event | None = None,
) -> None:
    """Consume `queue` until `stop` is set (never, for the management command), reconnecting with back-off."""
    stop = stop or threading.Event()
    backoff = 0.5
    while not stop.is_set():
        connection = None
        try:
            connection = pika.BlockingConnection(connection_parameters(url))
            channel = connection.channel()
            declare_topology(channel)
            channel.basic_qos(prefetch_count=prefetch)
            logger.info("consuming %s (prefetch %d)", queue, prefetch)
            if ready is not None:
                ready.set()
            backoff = 0.5
            # The generator form keeps handling out of pika's callback dispatch, so the retry wait below
            # can service the connection without re-entering a consumer callback.
            for method, _properties, body in channel.consume(queue, inactivity_timeout=1.0):
                if stop.is_set():
                    break
                if method is None:
                    continue
                _handle_one(connection, channel, method.delivery_tag, body, handler, stop)
            if channel.is_open:
                channel.cancel()
        except (pika.exceptions.AMQPError, OSError) as exc:
            if stop.is_set():
                break
            logger.warning("broker connection lost (%r); reconnecting in %.1fs", exc, backoff)
            stop.wait(backoff)
            backoff = min(MAX_BACKOFF_SECONDS, backoff * 2)
        finally:
            if connection is not None and connection.is_open:
                try:
                    connection.close()
                except (pika.exceptions.AMQPError, OSError):
                    logger.debug("closing the consumer connection failed", exc_info=True)


def _handle_one(
    connection: pika.BlockingConnection,
    channel: pika.adapters.blocking_connection.BlockingChannel,
    delivery_tag: int,
    body: bytes,
    handler: Handler,
    stop: threading.Event,
) -> None:
    delay = 0.5
    while True:
        try:
            disposition = handler(body)
            break
        except RetryLater as exc:
            if stop.is_set():
                channel.basic_nack(delivery_tag, requeue=True)
                return
            logger.warning("store unavailable (%s); retrying the message in %.1fs", exc, delay)
            connection.sleep(delay)
            delay = min(MAX_BACKOFF_SECONDS, delay * 2)
        except Exception:
            # A bug must not wedge the queue: park the message in the dead-letter queue and go on.
            logger.exception("handler failed; dead-lettering the message")
            disposition = Disposition.REJECT
            break
    if disposition is Disposition.ACK:
        channel.basic_ack(delivery_tag)
    else:
        channel.basic_nack(delivery_tag, requeue=False)
