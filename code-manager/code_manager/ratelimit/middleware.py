"""The submit/run rate-limit middleware: the original's design (a token bucket per request before the
view) with its flaws fixed: keyed by the verified user (or client IP when anonymous), atomic, no eval,
requests with a bad token are not charged, and 429 carries Retry-After."""

from __future__ import annotations

import math
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from code_manager.common.auth import caller_from_header
from code_manager.common.errors import ErrorCode
from code_manager.common.metrics import RATE_LIMITED
from code_manager.ratelimit.services import client_ip, rate_limit_take


class RateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.RATE_LIMIT_ENABLED
            and request.method == "POST"
            and request.path in settings.RATE_LIMITED_PATHS
        ):
            identity = self._identity(request)
            if identity is not None:
                decision = rate_limit_take(identity=identity)
                if not decision.allowed:
                    RATE_LIMITED.labels(path=request.path).inc()
                    return self._too_many(decision.wait_seconds)
        return self.get_response(request)

    @staticmethod
    def _identity(request: HttpRequest) -> str | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return f"ip:{client_ip(request)}"
        caller = caller_from_header(header)
        # A token that does not verify is answered 401 by the view and costs nobody a token.
        return None if caller is None else f"user:{caller.user_id}"

    @staticmethod
    def _too_many(wait_seconds: float) -> JsonResponse:
        response = JsonResponse(
            {
                "message": "Rate limit exceeded. Please wait before making another request.",
                "wait_time": f"{wait_seconds:.2f} seconds",
                "code": str(ErrorCode.RATE_LIMITED),
            },
            status=429,
        )
        response["Retry-After"] = str(max(1, math.ceil(wait_seconds)))
        return response
