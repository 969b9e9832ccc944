"""Writes of the deny-list: a deactivated user's tokens issued up to `deactivated_at` are refused.

One Redis key per user, `<prefix>denied-user:<user_id>` → deactivated_at (epoch seconds), kept as long as
an access token issued before it can live (docs/adr/0095-user-deny-list.md).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from code_manager.common.redis import get_redis, key

# Keep the later moment when events arrive out of order: it refuses every token the earlier one did.
_DENY_LUA = """
local current = tonumber(redis.call('GET', KEYS[1]))
if current == nil or current < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
return 1
"""


def denied_user_key(user_id: str) -> str:
    return key("denied-user", user_id)


def user_deny(*, user_id: str, deactivated_at: datetime) -> None:
    """Refuse `user_id`'s tokens issued at or before `deactivated_at`; raises redis.RedisError when down."""
    get_redis().eval(
        _DENY_LUA,
        1,
        denied_user_key(user_id),
        repr(deactivated_at.timestamp()),
        int(settings.USER_DENY_TTL_SECONDS),
    )
