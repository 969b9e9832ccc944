"""The health of the code manager's dependencies: MongoDB, Redis and the broker."""

from __future__ import annotations

from code_manager.common import mongo
from code_manager.common import redis as redis_store
from code_manager.messaging.publisher import get_publisher


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
