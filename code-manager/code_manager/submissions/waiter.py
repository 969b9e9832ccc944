"""Waiting for a verdict without polling: one Redis subscriber thread per process wakes waiting requests.

Each waiting result check registers an Event under its submission id; the subscriber sets it when the
consumer announces that id. While the subscription is down, waiters re-read MongoDB every
RESULT_POLL_SECONDS instead, so a Redis outage costs latency, never correctness (docs/adr/0040).

A waiting check holds a gunicorn thread, so the waits are capped per process: RESULT_WAITERS_PER_USER
for one user and RESULT_WAITERS_PER_PROCESS in all. A check beyond either looks once and answers at once
(threat-model.md #52, docs/adr/0092-capped-result-waits.md).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Generic, NamedTuple, TypeVar

import redis
from django.conf import settings

from code_manager.common.metrics import RESULT_CHECKS, ResultCheckOutcome
from code_manager.common.redis import get_redis
from code_manager.submissions.cache import wake_channel

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Waited(NamedTuple, Generic[T]):
    value: T | None
    waited: bool  # False: no wait slot was free, the check looked once (the client should back off)


# Reads on the subscription block only while a health-check PING is outstanding: a hung Redis is noticed.
SUBSCRIBER_SOCKET_TIMEOUT = 10.0


class ResultWaiter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[str, set[threading.Event]] = {}
        self._subscribed = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()
        self._waiting: Counter[str] = Counter()  # waiting checks per user (this process)

    def waiting(self) -> int:
        """How many checks wait in this process now."""
        with self._lock:
            return self._waiting.total()

    @contextlib.contextmanager
    def _slot(self, owner: str) -> Iterator[bool]:
        """A wait slot for `owner`: True while held, False when the user's or the process's are all taken."""
        with self._lock:
            held = (
                self._waiting.total() < settings.RESULT_WAITERS_PER_PROCESS
                and self._waiting[owner] < settings.RESULT_WAITERS_PER_USER
            )
            if held:
                self._waiting[owner] += 1
        try:
            yield held
        finally:
            if held:
                with self._lock:
                    self._waiting[owner] -= 1
                    if self._waiting[owner] <= 0:
                        del self._waiting[owner]

    def _ensure_subscriber(self) -> None:
        with self._lock:
            if self._pid != os.getpid():  # forked: the parent's thread does not exist here
                self._thread, self._pid = None, os.getpid()
                self._subscribed.clear()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._listen, name="result-waiter", daemon=True)
                self._thread.start()

    def _listen(self) -> None:
        backoff = 0.5
        while True:
            channel, url = wake_channel(), settings.REDIS_URL
            pubsub = None
            try:
                client = get_redis(socket_timeout=SUBSCRIBER_SOCKET_TIMEOUT)
                pubsub = client.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(channel)
                pubsub.get_message(timeout=SUBSCRIBER_SOCKET_TIMEOUT)  # the subscribe confirmation
                self._subscribed.set()
                backoff = 0.5
                # Re-subscribe when the configuration changes (tests switch Redis and prefixes).
                while channel == wake_channel() and url == settings.REDIS_URL:
                    message = pubsub.get_message(timeout=1.0)
                    if message and message.get("type") == "message":
                        data = message["data"]
                        self._notify(data.decode() if isinstance(data, bytes) else str(data))
            except (redis.RedisError, OSError, ValueError) as exc:
                if self._subscribed.is_set():
                    logger.warning("result wake-up subscription lost (%r); waiters poll MongoDB", exc)
                self._subscribed.clear()
                self._notify_all()  # waiters re-check now and switch to polling
                time.sleep(backoff)
                backoff = min(10.0, backoff * 2)
            finally:
                if pubsub is not None:
                    with contextlib.suppress(redis.RedisError, OSError):
                        pubsub.close()

    def _notify(self, submission_id: str) -> None:
        with self._lock:
            events = list(self._events.get(submission_id, ()))
        for event in events:
            event.set()

    def _notify_all(self) -> None:
        with self._lock:
            events = [event for group in self._events.values() for event in group]
        for event in events:
            event.set()

    def wait(
        self, submission_id: str, check: Callable[[], T | None], *, timeout: float, owner: str
    ) -> Waited[T]:
        """`check()` until it returns a value or `timeout` seconds pass; woken early by announcements.

        Without a free wait slot for `owner` it checks once and returns at once.
        """
        with self._slot(owner) as held:
            if not held:
                found = check()
                outcome = ResultCheckOutcome.HIT if found is not None else ResultCheckOutcome.BUSY
                RESULT_CHECKS.labels(outcome=outcome).inc()
                return Waited(found, waited=False)
            return Waited(self._wait(submission_id, check, timeout=timeout), waited=True)

    def _wait(self, submission_id: str, check: Callable[[], T | None], *, timeout: float) -> T | None:
        self._ensure_subscriber()
        event = threading.Event()
        with self._lock:
            self._events.setdefault(submission_id, set()).add(event)
        try:
            # Registered before the first check: an announcement between the two cannot be missed.
            found = check()
            outcome = ResultCheckOutcome.HIT if found is not None else ResultCheckOutcome.PENDING
            deadline = time.monotonic() + timeout
            while found is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                step = (
                    remaining if self._subscribed.is_set() else min(remaining, settings.RESULT_POLL_SECONDS)
                )
                event.wait(step)
                event.clear()
                found = check()
                if found is not None:
                    outcome = ResultCheckOutcome.WOKE
            RESULT_CHECKS.labels(outcome=outcome).inc()
            return found
        finally:
            with self._lock:
                group = self._events.get(submission_id)
                if group is not None:
                    group.discard(event)
                    if not group:
                        del self._events[submission_id]


_waiter = ResultWaiter()


def result_wait(
    submission_id: str, check: Callable[[], T | None], *, timeout: float, owner: str
) -> Waited[T]:
    return _waiter.wait(submission_id, check, timeout=timeout, owner=owner)


def result_waiting() -> int:
    """Result checks waiting in this process (tests, benchmarks)."""
    return _waiter.waiting()
