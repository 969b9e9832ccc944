"""Brute-force and mail-flood protection: fixed-window attempt counters in the Django cache,
per client IP and per e-mail address.

`cache.add` + `cache.incr` are atomic in Redis and locmem, so concurrent attempts are all counted.
"""

import hashlib
import math
import re
import time
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from auth_service.users.models import email_normalize

_UNITS = {
    **dict.fromkeys(("s", "sec", "second", "seconds"), 1),
    **dict.fromkeys(("m", "min", "minute", "minutes"), 60),
    **dict.fromkeys(("h", "hour", "hours"), 3600),
    **dict.fromkeys(("d", "day", "days"), 86400),
}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")


class ThrottleScope(StrEnum):
    LOGIN_IP = "login-ip"
    LOGIN_EMAIL = "login-email"
    MAIL_IP = "mail-ip"
    MAIL_EMAIL = "mail-email"


@dataclass(frozen=True)
class Rate:
    limit: int
    period_seconds: int


def rate_parse(text: str) -> Rate:
    """'10/min', '5/m', '100/hour', '3/10s' → Rate."""
    match = _RATE.match(text.lower())
    if not match or match.group(3) not in _UNITS:
        raise ValueError(f"bad rate {text!r}: expected like '10/min'")
    return Rate(limit=int(match.group(1)), period_seconds=int(match.group(2) or 1) * _UNITS[match.group(3)])


def attempt_register(*, scope: ThrottleScope, ident: str, rate: Rate) -> int | None:
    """Count one attempt. None when it is within the rate, else the seconds until the window ends."""
    now = time.time()
    window = int(now // rate.period_seconds)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=rate.period_seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=rate.period_seconds + 1)
        count = 1
    if count <= rate.limit:
        return None
    return max(1, math.ceil((window + 1) * rate.period_seconds - now))


class _CacheThrottle(BaseThrottle):
    scope: ThrottleScope
    rate_setting: str

    def ident_for(self, request: Request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: Request, view: APIView) -> bool:
        self._wait: int | None = None
        ident = self.ident_for(request)
        if ident is None:
            return True
        rate = rate_parse(getattr(settings, self.rate_setting))
        self._wait = attempt_register(scope=self.scope, ident=ident, rate=rate)
        return self._wait is None

    def wait(self) -> float | None:
        return self._wait


class _IpThrottle(_CacheThrottle):
    """Per client address (REMOTE_ADDR, or X-Forwarded-For only when NUM_PROXIES says so)."""

    def ident_for(self, request: Request) -> str | None:
        return self.get_ident(request)


class _EmailThrottle(_CacheThrottle):
    """Per target address, so one account cannot be attacked (or mailed) from many IPs."""

    def ident_for(self, request: Request) -> str | None:
        data = request.data
        email = data.get("email") if isinstance(data, dict) else None
        if not isinstance(email, str) or not email.strip():
            return None
        return email_normalize(email)


class LoginIpThrottle(_IpThrottle):
    scope = ThrottleScope.LOGIN_IP
    rate_setting = "LOGIN_THROTTLE_IP_RATE"


class LoginEmailThrottle(_EmailThrottle):
    scope = ThrottleScope.LOGIN_EMAIL
    rate_setting = "LOGIN_THROTTLE_EMAIL_RATE"


class MailIpThrottle(_IpThrottle):
    """Endpoints that send e-mail (sign-up, resend, password reset)."""

    scope = ThrottleScope.MAIL_IP
    rate_setting = "MAIL_THROTTLE_IP_RATE"


class MailEmailThrottle(_EmailThrottle):
    scope = ThrottleScope.MAIL_EMAIL
    rate_setting = "MAIL_THROTTLE_EMAIL_RATE"
