"""The health of the code manager's dependencies: MongoDB, Redis and the broker, and the judges consuming
each language's job queue."""

from __future__ import annotations

import time

from django.conf import settings

from algocode_contracts import LANGUAGES, job_queue_name
from code_manager.common import mongo
from code_manager.common import redis as redis_store
from code_manager.messaging.publisher import BrokerUnavailable, get_publisher

JudgeQueues = dict[str, dict[str, int]]
_judges_cache: tuple[float, JudgeQueues] | None = None  # (monotonic time read, queues)


def dependency_health() -> dict[str, str]:
    """`{"mongodb": "OK" | error, "redis": ..., "broker": ...}`; each check is bounded by its timeout."""
    checks = {
        "mongodb": mongo.ping,
        "redis": redis_store.ping,
        "broker": lambda: get_publisher().ping(),
    }
    health: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
            health[name] = "OK"
        except Exception as exc:
            health[name] = f"{type(exc).__name__}: {exc}"[:300]
    return health


def judge_queues(*, max_age: float = 0.0) -> JudgeQueues:
    """`{language: {"consumers", "waiting"}}` for every job queue: judges consuming it, jobs not yet taken.

    Read from the broker (passive declares, a few ms) unless a reading younger than `max_age` seconds is
    at hand. Raises BrokerUnavailable when the broker does not answer.
    """
    global _judges_cache
    cached = _judges_cache
    if cached is not None and time.monotonic() - cached[0] < max_age:
        return cached[1]
    names = {language: job_queue_name(language) for language in LANGUAGES}
    stats = get_publisher().queue_stats(list(names.values()))
    queues = {
        language: {"consumers": stats[name][0], "waiting": stats[name][1]} for language, name in names.items()
    }
    _judges_cache = (time.monotonic(), queues)
    return queues


def judges_health() -> JudgeQueues | None:
    """The judge queues read now, or None when the broker does not answer (the health check reports it)."""
    try:
        return judge_queues()
    except BrokerUnavailable:
        return None


def judges_running(language: str) -> int | None:
    """How many judges consume `language`'s queue (read at most JUDGES_CACHE_SECONDS ago); None if unknown."""
    try:
        return judge_queues(max_age=settings.JUDGES_CACHE_SECONDS).get(language, {}).get("consumers")
    except BrokerUnavailable:  # advisory here: a result check never fails because of the broker
        return None
