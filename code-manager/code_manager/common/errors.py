"""The one application error type, its codes, and the one handler that renders every error as JSON.

Every error body has `detail` (a sentence for people) and `code` (an ErrorCode for programs); validation
errors add `errors` with the per-field messages.
"""

from __future__ import annotations

import logging
import math
from enum import StrEnum
from typing import Any

import pymongo.errors
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response

logger = logging.getLogger(__name__)


class ErrorCode(StrEnum):
    INVALID = "invalid"
    BAD_JSON = "bad_json"
    NOT_AUTHENTICATED = "not_authenticated"
    TOKEN_INVALID = "token_not_valid"  # noqa: S105 - an error code, not a secret
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    PROBLEM_NOT_FOUND = "problem_not_found"
    SUBMISSION_NOT_FOUND = "submission_not_found"
    UNKNOWN_PROBLEM = "unknown_problem"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    SOURCE_TOO_LARGE = "source_too_large"
    STDIN_TOO_LARGE = "stdin_too_large"
    REQUEST_TOO_LARGE = "request_too_large"
    PROBLEM_HAS_NO_TESTS = "problem_has_no_tests"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    RATE_LIMITED = "rate_limited"
    TOO_MANY_IN_FLIGHT = "too_many_in_flight"
    BROKER_UNAVAILABLE = "broker_unavailable"
    STORE_UNAVAILABLE = "store_unavailable"
    SERVER_ERROR = "server_error"


class ApplicationError(Exception):
    """A failure a client can act on: rendered as `{"detail": message, "code": code, **extra}`.

    The same signature as the auth service's (auth_service/core/errors.py).
    """

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode = ErrorCode.INVALID,
        status_code: int = status.HTTP_400_BAD_REQUEST,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status_code = status_code
        self.extra = extra or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, **self.extra)


def error_body(code: ErrorCode, detail: str, **extra: Any) -> dict[str, Any]:
    return {"detail": detail, "code": str(code), **extra}


def _flatten(detail: Any) -> str:
    """The first message of a DRF error detail, for the one-line `detail`."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            text = _flatten(value)
            return text if key == "non_field_errors" else f"{key}: {text}"
        return "Invalid input."
    if isinstance(detail, list):
        return _flatten(detail[0]) if detail else "Invalid input."
    return str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every exception an API raises becomes a JSON error response."""
    if isinstance(exc, ApplicationError):
        return Response(exc.body(), status=exc.status_code, headers=exc.headers)
    if isinstance(exc, Http404):
        return Response(error_body(ErrorCode.NOT_FOUND, "Not found."), status=404)
    if isinstance(exc, exceptions.ParseError):
        return Response(error_body(ErrorCode.BAD_JSON, f"Malformed JSON: {exc.detail}"), status=400)
    if isinstance(exc, exceptions.ValidationError):
        return Response(error_body(ErrorCode.INVALID, _flatten(exc.detail), errors=exc.detail), status=400)
    if isinstance(exc, exceptions.NotAuthenticated):
        return Response(
            error_body(ErrorCode.NOT_AUTHENTICATED, "Authentication credentials were not provided."),
            status=401,
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
    if isinstance(exc, exceptions.AuthenticationFailed):
        detail = exc.detail.get("detail", exc.detail) if isinstance(exc.detail, dict) else exc.detail
        return Response(
            error_body(ErrorCode.TOKEN_INVALID, str(detail)),
            status=401,
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
    if isinstance(exc, exceptions.PermissionDenied):
        return Response(error_body(ErrorCode.PERMISSION_DENIED, str(exc.detail)), status=403)
    if isinstance(exc, exceptions.NotFound):
        return Response(error_body(ErrorCode.NOT_FOUND, str(exc.detail)), status=404)
    if isinstance(exc, exceptions.MethodNotAllowed):
        return Response(error_body(ErrorCode.METHOD_NOT_ALLOWED, str(exc.detail)), status=405)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return Response(
            error_body(ErrorCode.UNSUPPORTED_MEDIA_TYPE, f"{exc.detail} Send application/json."), status=415
        )
    if isinstance(exc, exceptions.Throttled):
        wait = float(getattr(exc, "wait_seconds", exc.wait or 0))  # type: ignore[attr-defined]  # stubs lack Throttled.wait
        return Response(
            {
                "message": "Rate limit exceeded. Please wait before making another request.",
                "wait_time": f"{wait:.2f} seconds",
                "code": str(ErrorCode.RATE_LIMITED),
            },
            status=429,
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )
    if isinstance(exc, exceptions.APIException):
        return Response(error_body(ErrorCode.INVALID, str(exc.detail)), status=exc.status_code)
    if isinstance(exc, pymongo.errors.PyMongoError):
        logger.error("MongoDB unavailable: %r", exc)
        return Response(
            error_body(ErrorCode.STORE_UNAVAILABLE, "The database is unavailable right now; please retry."),
            status=503,
        )
    logger.exception("unhandled error in %s", context.get("view"))
    return Response(
        error_body(ErrorCode.SERVER_ERROR, "Internal server error."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


# Django-level handlers (URLs that match no API, errors outside DRF): JSON too.


def bad_request_view(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(ErrorCode.INVALID, "Bad request."), status=400)


def permission_denied_view(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(ErrorCode.PERMISSION_DENIED, "Permission denied."), status=403)


def not_found_view(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(ErrorCode.NOT_FOUND, f"No API at {request.path}."), status=404)


def server_error_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(error_body(ErrorCode.SERVER_ERROR, "Internal server error."), status=500)
