"""The submit/run rate limit as a DRF throttle on the two views: one token bucket per verified user (or per
client IP when anonymous), atomic in Redis, and a 429 with Retry-After (docs/rate-limit.md).

The views check it after authentication, so a request whose token does not verify is answered 401 and
costs nobody a token; and before permissions, so anonymous floods meet the IP bucket (SubmitThrottled).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from django.conf import settings
from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle

from code_manager.common.metrics import RATE_LIMITED
from code_manager.ratelimit.services import client_ip, rate_limit_take

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView


class RateLimited(Throttled):
    """Throttled with the exact wait (DRF rounds its own up to whole seconds); rendered by errors.py."""

    def __init__(self, wait_seconds: float) -> None:
        super().__init__(wait_seconds)
        self.wait_seconds = wait_seconds


class SubmitRunThrottle(BaseThrottle):
    """One bucket shared by submit and run: `RATE_LIMIT_CAPACITY` tokens, one back per refill interval."""

    def __init__(self) -> None:
        self._wait = 0.0

    def get_ident(self, request: Request) -> str:
        # DRF's own reads REST_FRAMEWORK["NUM_PROXIES"] too, but trusts a non-IP X-Forwarded-For entry.
        return client_ip(request)

    def allow_request(self, request: Request, view: APIView) -> bool:
        if not settings.RATE_LIMIT_ENABLED:
            return True
        user = request.user
        identity = f"user:{user.id}" if user is not None and user.is_authenticated else None
        decision = rate_limit_take(identity=identity or f"ip:{self.get_ident(request)}")
        if not decision.allowed:
            RATE_LIMITED.labels(path=request.path).inc()
            self._wait = decision.wait_seconds
        return decision.allowed

    def wait(self) -> float:
        return self._wait


class SubmitThrottled:
    """A view mixin: the submit/run throttle, checked between authentication and permissions."""

    throttle_classes: Sequence[type[BaseThrottle]] = [SubmitRunThrottle]

    def check_permissions(self, request: Request) -> None:
        # APIView.initial checks permissions before throttles: an anonymous caller would always get its
        # 401 and never meet the IP bucket. Authentication has run already (a bad token is 401, free).
        super().check_throttles(request)  # type: ignore[misc]
        super().check_permissions(request)  # type: ignore[misc]

    def check_throttles(self, request: Request) -> None:
        """Already checked in check_permissions, before them."""

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise RateLimited(wait or 0.0)
