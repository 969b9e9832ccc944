"""Finished results in Redis (with their owner, so the cache never answers another user) and the wake-up
channel that tells waiting result checks a verdict landed. Redis failures here are logged, never raised:
MongoDB is the source of truth."""

from __future__ import annotations

import json
import logging
from typing import Any

import redis
from django.conf import settings

from code_manager.common.redis import get_redis, key

logger = logging.getLogger(__name__)


def wake_channel() -> str:
    return key("results-ready")


def result_cache_get(submission_id: str) -> dict[str, Any] | None:
    """`{"user_id", "data"}` or None (miss or Redis unavailable)."""
    try:
        raw = get_redis().get(key("result", submission_id))
    except redis.RedisError as exc:
        logger.info("result cache read failed: %r", exc)
        return None
    return json.loads(raw) if raw else None


def result_cache_set(submission_id: str, *, user_id: str, data: dict[str, Any]) -> None:
    try:
        get_redis().set(
            key("result", submission_id),
            json.dumps({"user_id": user_id, "data": data}),
            ex=settings.RESULT_CACHE_TTL_SECONDS,
        )
    except redis.RedisError as exc:
        logger.info("result cache write failed: %r", exc)


def result_announce(submission_id: str) -> None:
    try:
        get_redis().publish(wake_channel(), submission_id)
    except redis.RedisError as exc:
        logger.warning("could not announce result %s: %r (waiters fall back to MongoDB)", submission_id, exc)
