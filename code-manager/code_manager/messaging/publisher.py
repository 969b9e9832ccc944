"""The job publisher: one lazily opened connection per process, used under a lock, with confirms.

`publish_job` returns only once the broker confirmed the persistent, mandatory message; any failure is a
BrokerUnavailable the submit API turns into a 503. A failed connect opens a short back-off window during
which publishes fail fast instead of each waiting on the socket timeout.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import pika
import pika.exceptions
from pika.adapters.blocking_connection import BlockingChannel, BlockingConnection

from algocode_contracts import JOBS_EXCHANGE, SubmissionCreated
from code_manager.messaging.broker import JSON_CONTENT_TYPE, connection_parameters, declare_topology

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 5.0


class BrokerUnavailable(Exception):
    """The job could not be handed to RabbitMQ with a confirmation."""


class JobPublisher:
    def __init__(self, url: str | None = None) -> None:
        self._url = url
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._connection: BlockingConnection | None = None
        self._channel: BlockingChannel | None = None
        self._backoff = 0.0
        self._retry_at = 0.0

    # ---- connection management (call with the lock held) ----
    def _reset(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None and connection.is_open:
            try:
                connection.close()
            except Exception:
                logger.debug("closing a broken broker connection failed", exc_info=True)

    def _ensure_channel(self) -> BlockingChannel:
        if self._pid != os.getpid():
            # Inherited through a fork: never share a socket with the parent.
            self._connection, self._channel, self._pid = None, None, os.getpid()
        if self._channel is not None and self._channel.is_open and self._connection is not None:
            return self._channel
        self._reset()
        now = time.monotonic()
        if now < self._retry_at:
            raise BrokerUnavailable("the message broker is unreachable (retrying shortly)")
        try:
            connection = pika.BlockingConnection(connection_parameters(self._url))
            channel = connection.channel()
            channel.confirm_delivery()
            declare_topology(channel)
        except (pika.exceptions.AMQPError, OSError) as exc:
            self._backoff = min(MAX_BACKOFF_SECONDS, max(0.25, self._backoff * 2))
            self._retry_at = now + self._backoff
            logger.warning("broker connect failed (next try in %.2fs): %r", self._backoff, exc)
            raise BrokerUnavailable("the message broker is unreachable") from exc
        self._backoff, self._retry_at = 0.0, 0.0
        self._connection, self._channel = connection, channel
        return channel

    # ---- public API ----
    def publish_job(self, job: SubmissionCreated) -> None:
        body = job.model_dump_json(by_alias=True).encode()
        properties = pika.BasicProperties(
            content_type=JSON_CONTENT_TYPE,
            delivery_mode=pika.DeliveryMode.Persistent,
            message_id=f"{job.submission_id}/{job.attempt}",
            type=job.schema_,
        )
        with self._lock:
            # Two tries: an idle connection may have been closed by the broker (missed heartbeats).
            for attempt in (1, 2):
                channel = self._ensure_channel()
                try:
                    channel.basic_publish(
                        JOBS_EXCHANGE, job.language, body, properties=properties, mandatory=True
                    )
                    return
                except pika.exceptions.UnroutableError as exc:
                    raise BrokerUnavailable(f"no job queue is bound for language {job.language}") from exc
                except pika.exceptions.NackError as exc:
                    raise BrokerUnavailable("the broker refused the job") from exc
                except (pika.exceptions.AMQPError, OSError) as exc:
                    self._reset()
                    if attempt == 2:
                        raise BrokerUnavailable("the message broker connection failed") from exc
                    logger.info("broker connection lost while publishing; reconnecting once")

    def ping(self) -> None:
        """Raise BrokerUnavailable unless a connection is open and answering (one reconnect allowed)."""
        with self._lock:
            for attempt in (1, 2):
                self._ensure_channel()
                try:
                    assert self._connection is not None
                    self._connection.process_data_events(time_limit=0)
                    return
                except (pika.exceptions.AMQPError, OSError) as exc:
                    # An idle connection the broker already dropped: reconnect once before failing.
                    self._reset()
                    if attempt == 2:
                        raise BrokerUnavailable("the message broker connection failed") from exc

    def queue_stats(self, queues: list[str]) -> dict[str, tuple[int, int]]:
        """`{queue: (consumers, messages ready)}` by passive declares (one reconnect allowed)."""
        with self._lock:
            try:
                return self._queue_stats(queues)
            except (pika.exceptions.AMQPError, OSError):
                self._reset()  # an idle connection the broker already dropped: reconnect once
            try:
                return self._queue_stats(queues)
            except (pika.exceptions.AMQPError, OSError) as exc:
                self._reset()
                raise BrokerUnavailable(f"the job queues cannot be read ({exc!r})") from exc

    def _queue_stats(self, queues: list[str]) -> dict[str, tuple[int, int]]:
        channel = self._ensure_channel()
        stats = {}
        for queue in queues:
            ok = channel.queue_declare(queue, passive=True).method
            stats[queue] = (ok.consumer_count, ok.message_count)
        return stats

    def close(self) -> None:
        with self._lock:
            self._reset()


_publisher_lock = threading.Lock()
_publisher: JobPublisher | None = None


def get_publisher() -> JobPublisher:
    global _publisher
    with _publisher_lock:
        if _publisher is None:
            _publisher = JobPublisher()
        return _publisher


def reset_publisher() -> None:
    """Drop the process's connection (tests switch brokers; settings changed)."""
    global _publisher
    with _publisher_lock:
        if _publisher is not None:
            _publisher.close()
        _publisher = None


def publish_job(job: SubmissionCreated) -> None:
    get_publisher().publish_job(job)
