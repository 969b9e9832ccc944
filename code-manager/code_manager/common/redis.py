"""The Redis client and key naming: every key carries REDIS_KEY_PREFIX so that deployments and test
sessions sharing one Redis never touch each other's data."""

from __future__ import annotations

import threading

import redis
from django.conf import settings

_lock = threading.Lock()
_clients: dict[tuple[str, float | None], redis.Redis] = {}


def get_redis(*, socket_timeout: float | None = -1.0) -> redis.Redis:
    """A shared client (thread-safe connection pool); `socket_timeout=None` for blocking pub/sub reads."""
    timeout = settings.REDIS_SOCKET_TIMEOUT if socket_timeout == -1.0 else socket_timeout
    key = (settings.REDIS_URL, timeout)
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = redis.Redis.from_url(
                settings.REDIS_URL,
                socket_timeout=timeout,
                socket_connect_timeout=settings.REDIS_SOCKET_TIMEOUT,
                retry_on_timeout=False,
                health_check_interval=30,
            )
            _clients[key] = client
        return client


def key(*parts: str) -> str:
    return settings.REDIS_KEY_PREFIX + ":".join(parts)


def ping() -> None:
    get_redis().ping()
