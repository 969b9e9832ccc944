"""Token buckets: one atomic Lua script in Redis, and an in-process twin used while Redis is unreachable.

Both refill continuously at one token per `refill_seconds` up to `capacity`, and take one token per
allowed request (docs/rate-limit.md).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import redis

logger = logging.getLogger(__name__)

# KEYS[1] bucket; ARGV: capacity, refill interval (ms per token), idle expiry (ms).
# The server clock (TIME) makes every web worker agree on "now"; HMGET/HSET/PEXPIRE in one script are atomic.
BUCKET_LUA = """
local capacity = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) / interval)
end
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = (1 - tokens) * interval
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], ttl)
return {allowed, tostring(tokens), tostring(wait)}
"""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    tokens_left: float
    wait_seconds: float  # until one token is available; 0 when allowed


class RedisTokenBucket:
    def __init__(self, client: redis.Redis, *, capacity: int, refill_seconds: float) -> None:
        self._script = client.register_script(BUCKET_LUA)
        self.capacity = capacity
        self.refill_seconds = refill_seconds

    def take(self, key: str) -> Decision:
        interval_ms = self.refill_seconds * 1000
        # An idle bucket is full again after capacity * interval: it can expire then.
        ttl_ms = int(self.capacity * interval_ms) + 1000
        allowed, tokens, wait_ms = self._script(keys=[key], args=[self.capacity, interval_ms, ttl_ms])
        return Decision(bool(allowed), float(tokens), float(wait_ms) / 1000)


class LocalTokenBucket:
    """Same arithmetic, per process (so per gunicorn worker): the fallback while Redis is down."""

    MAX_KEYS = 100_000

    def __init__(self, *, capacity: int, refill_seconds: float) -> None:
        self.capacity = capacity
        self.refill_seconds = refill_seconds
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> Decision:
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > self.MAX_KEYS:
                self._buckets.clear()  # bounded memory; a reset bucket is full, which errs towards allowing
            tokens, ts = self._buckets.get(key, (float(self.capacity), now))
            tokens = min(float(self.capacity), tokens + max(0.0, now - ts) / self.refill_seconds)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return Decision(True, tokens - 1, 0.0)
            self._buckets[key] = (tokens, now)
            return Decision(False, tokens, (1 - tokens) * self.refill_seconds)
