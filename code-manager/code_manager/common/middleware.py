"""Request size cap applied before anything parses the body: DRF's parsers bypass Django's own limit;
and the per-request log context (request id).

Staff problem writes (test uploads) get a larger cap; DRF checks their permissions before reading the body.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from algocode_contracts.logs import log_context
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


class LogContextMiddleware:
    """Each request's log lines carry its request id (X-Request-ID from the proxy, or a new one), and
    nothing a view binds (a submission id) leaks into the next request served by the same thread."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _request_id(request.META.get("HTTP_X_REQUEST_ID", "")) or uuid.uuid4().hex
        with log_context(request_id=request_id):
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


def _request_id(value: str) -> str:
    # A client-chosen id is only echoed when it is short and tame: it ends up in every log line.
    return value if 0 < len(value) <= 64 and value.replace("-", "").isalnum() else ""
