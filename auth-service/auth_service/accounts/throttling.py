"""Brute-force, flood and enumeration protection: fixed-window attempt counters in the Django cache,
per client IP, per e-mail address (API and admin login share them) and per user (refresh, username checks).

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
from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from auth_service.tokens.selectors import refresh_token_user_id
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
    REFRESH_USER = "refresh-user"
    USERNAME_USER = "username-user"


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
        self._wait = self.attempt(self.ident_for(request))
        return self._wait is None

    def attempt(self, ident: str | None) -> int | None:
        """Count one attempt for `ident` (None: not counted). The seconds to wait when over the rate."""
        if ident is None:
            return None
        rate = rate_parse(getattr(settings, self.rate_setting))
        return attempt_register(scope=self.scope, ident=ident, rate=rate)

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
        return self.email_ident(data.get("email") if isinstance(data, dict) else None)

    @staticmethod
    def email_ident(email: object) -> str | None:
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


class RefreshUserThrottle(_CacheThrottle):
    """`token/refresh/` per user (threat-model.md #49): one user's refresh flood cannot hold the database.

    Only a refresh token with a valid signature is counted, under its `user_id`; anything else is refused
    by the refresh itself (401), and an attacker cannot spend a victim's budget without their token.
    """

    scope = ThrottleScope.REFRESH_USER
    rate_setting = "REFRESH_THROTTLE_USER_RATE"

    def ident_for(self, request: Request) -> str | None:
        data = request.data
        raw = data.get("refresh") if isinstance(data, dict) else None
        return refresh_token_user_id(raw_token=raw) if isinstance(raw, str) else None


class UsernameChangeThrottle(_CacheThrottle):
    """`PUT/PATCH user/` that asks for another username: each answer tells whether a name is taken."""

    scope = ThrottleScope.USERNAME_USER
    rate_setting = "USERNAME_THROTTLE_USER_RATE"

    def ident_for(self, request: Request) -> str | None:
        data = request.data
        username = data.get("username") if isinstance(data, dict) else None
        user = request.user
        if not isinstance(username, str) or not user.is_authenticated:
            return None
        if username.lower() == user.username.lower():
            return None
        return str(user.pk)


class AccountDeleteThrottle(LoginEmailThrottle):
    """`user/delete/` checks a password: it spends the account's login budget, so a stolen access token
    cannot be used to guess the password there instead of at login."""

    def ident_for(self, request: Request) -> str | None:
        return self.email_ident(getattr(request.user, "email", None))


def admin_login_wait(request: HttpRequest) -> int | None:
    """Count an admin login attempt against the API login's counters (same IP and e-mail budgets).

    The admin form's `username` field holds the e-mail (the user model logs in by e-mail). Returns the
    seconds to wait when either counter is over its rate (threat-model.md #50).
    """
    waits = [
        LoginIpThrottle().attempt(LoginIpThrottle().get_ident(request)),  # type: ignore[arg-type]  # reads META only
        LoginEmailThrottle().attempt(LoginEmailThrottle.email_ident(request.POST.get("username"))),
    ]
    return max((wait for wait in waits if wait is not None), default=None)
