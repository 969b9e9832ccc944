"""Refuse over-long URLs with a JSON 414 before any other middleware runs (threat-model.md #51)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from auth_service.core.errors import ErrorCode


class UrlLengthMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = len(request.META.get("PATH_INFO", "").encode()) + len(
            request.META.get("QUERY_STRING", "").encode()
        )
        if length > settings.MAX_URL_BYTES:
            return JsonResponse(
                {
                    "detail": f"The URL is longer than {settings.MAX_URL_BYTES} bytes.",
                    "code": str(ErrorCode.URI_TOO_LONG),
                },
                status=414,
            )
        return self.get_response(request)
