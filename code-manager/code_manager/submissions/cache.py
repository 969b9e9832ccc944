"""Finished results in Redis (with their owner, so the cache never answers another user) and the wake-up
channel that tells waiting result checks a verdict landed. Redis failures here are logged, never raised:
MongoDB is the source of truth. After a failure the cache is skipped for a moment, so a hung Redis costs a
request one socket timeout, not one per cache call."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import redis
from django.conf import settings

from code_manager.common.redis import get_redis, key

logger = logging.getLogger(__name__)

SKIP_AFTER_FAILURE_S = 2.0
_skip_until = 0.0  # monotonic time before which Redis is not tried (a float write is atomic enough here)


def _available() -> bool:
    return time.monotonic() >= _skip_until


def _failed(what: str, exc: Exception) -> None:
    global _skip_until
    _skip_until = time.monotonic() + SKIP_AFTER_FAILURE_S
    logger.info("result cache %s failed: %r (skipping Redis for %.0f s)", what, exc, SKIP_AFTER_FAILURE_S)


def result_key(submission_id: str) -> str:
    # "result-v2": the view a submitter gets no longer shows hidden tests' details (threat-model.md #45);
    # entries cached under the old name before that change are never read.
    return key("result-v2", submission_id)


def wake_channel() -> str:
    return key("results-ready")


def result_cache_get(submission_id: str) -> dict[str, Any] | None:
    """`{"user_id", "data"}` or None (miss or Redis unavailable)."""
    if not _available():
        return None
    try:
        raw = get_redis().get(result_key(submission_id))
    except redis.RedisError as exc:
        _failed("read", exc)
        return None
    return json.loads(raw) if raw else None


def result_cache_set(submission_id: str, *, user_id: str, data: dict[str, Any]) -> None:
    if not _available():
        return
    try:
        get_redis().set(
            result_key(submission_id),
            json.dumps({"user_id": user_id, "data": data}),
            ex=settings.RESULT_CACHE_TTL_SECONDS,
        )
    except redis.RedisError as exc:
        _failed("write", exc)


def result_announce(submission_id: str) -> None:
    try:
        get_redis().publish(wake_channel(), submission_id)
    except redis.RedisError as exc:
        logger.warning("could not announce result %s: %r (waiters fall back to MongoDB)", submission_id, exc)
