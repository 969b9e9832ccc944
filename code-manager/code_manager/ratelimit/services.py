"""Rate-limit decisions: which bucket a request uses, and the Redis-down policy (in-process fallback).

Policy (docs/adr/0041-rate-limit-when-redis-is-down.md): when Redis fails, the same bucket parameters are
applied per process and the outage is logged (at most every 30 s); a request is never refused with a 500.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time

import redis
from django.conf import settings
from django.http import HttpRequest
from rest_framework.settings import api_settings

from code_manager.common.redis import get_redis, key
from code_manager.ratelimit.bucket import Decision, LocalTokenBucket, RedisTokenBucket

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_local: dict[tuple[int, float], LocalTokenBucket] = {}
_last_warning = 0.0


def _local_bucket(capacity: int, refill_seconds: float) -> LocalTokenBucket:
    with _lock:
        bucket = _local.get((capacity, refill_seconds))
        if bucket is None:
            bucket = _local[(capacity, refill_seconds)] = LocalTokenBucket(
                capacity=capacity, refill_seconds=refill_seconds
            )
        return bucket


def _warn_fallback(exc: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 30:
        _last_warning = now
        logger.warning("rate limiter: Redis unavailable (%r); using the in-process bucket", exc)


def rate_limit_take(*, identity: str) -> Decision:
    """Take one token from `identity`'s bucket (e.g. "user:<uuid>" or "ip:<addr>")."""
    capacity = settings.RATE_LIMIT_CAPACITY
    refill = settings.RATE_LIMIT_REFILL_SECONDS
    bucket_key = key("ratelimit", identity)
    try:
        return RedisTokenBucket(get_redis(), capacity=capacity, refill_seconds=refill).take(bucket_key)
    except redis.RedisError as exc:
        _warn_fallback(exc)
        return _local_bucket(capacity, refill).take(bucket_key)


def client_ip(request: HttpRequest, *, trusted_proxy_count: int | None = None) -> str:
    """The client address: REMOTE_ADDR, or with N trusted proxies the right-most untrusted X-Forwarded-For
    entry (each trusted proxy appended one entry; anything left of them is client-controlled)."""
    trusted = api_settings.NUM_PROXIES or 0 if trusted_proxy_count is None else trusted_proxy_count
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    candidate = forwarded[-trusted] if len(forwarded) >= trusted else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
