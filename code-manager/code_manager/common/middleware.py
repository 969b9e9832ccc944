"""Request size cap applied before anything parses the body: DRF's parsers bypass Django's own limit.

Staff problem writes (test uploads) get a larger cap; DRF checks their permissions before reading the body.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from code_manager.common.errors import ErrorCode, error_body

PROBLEM_WRITE_PREFIX = "/api/v1/problem/"


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.MAX_REQUEST_BYTES
        if request.method in ("POST", "PUT", "PATCH") and request.path.startswith(PROBLEM_WRITE_PREFIX):
            limit = settings.MAX_PROBLEM_UPLOAD_BYTES
        if length > limit:
            return JsonResponse(
                error_body(
                    ErrorCode.REQUEST_TOO_LARGE,
                    f"Request body is {length} bytes; the limit is {limit} bytes.",
                ),
                status=413,
            )
        return self.get_response(request)
