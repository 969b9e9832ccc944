"""Reads of the deny-list: up to when a user's tokens are refused (docs/adr/0095-user-deny-list.md)."""

from __future__ import annotations

import logging
import time

import redis

from code_manager.common.redis import get_redis
from code_manager.users.services import denied_user_key

logger = logging.getLogger(__name__)

_last_warning = 0.0


def user_denied_since(*, user_id: str) -> float | None:
    """The epoch second up to which `user_id`'s tokens are refused, or None.

    Redis down: None (tokens are accepted, logged at most every 30 s). Refusing every token during an
    outage would lock every user out; a deleted user keeps access for at most one token lifetime, as
    before the deny-list existed.
    """
    global _last_warning
    try:
        value = get_redis().get(denied_user_key(user_id))
    except redis.RedisError as exc:
        now = time.monotonic()
        if now - _last_warning > 30:
            _last_warning = now
            logger.warning("deny-list: Redis unavailable (%r); tokens are not checked against it", exc)
        return None
    return None if value is None else float(value)
