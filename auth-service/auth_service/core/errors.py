"""The service's one application error type and the one exception handler that renders every error.

Every error leaves as JSON with a human-readable `detail`; field errors keep DRF's per-field shape too.
"""

import logging
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)


class ErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    THROTTLED = "throttled"
    INVALID_VERIFICATION_KEY = "invalid_verification_key"
    READ_ONLY_FIELDS = "read_only_fields"
    NOT_AUTHENTICATED = "not_authenticated"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    URI_TOO_LONG = "uri_too_long"
    BROKER_UNAVAILABLE = "broker_unavailable"
    DATABASE_UNAVAILABLE = "database_unavailable"
    SERVER_ERROR = "server_error"


class ApplicationError(Exception):
    """A failure a client can act on: rendered as `{"detail": message, "code": code, **extra}`."""

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode = ErrorCode.INVALID,
        status_code: int = status.HTTP_400_BAD_REQUEST,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status_code = status_code
        self.extra = extra or {}


def _first_message(errors: Any, prefix: str = "") -> str:
    """The first message in a nested DRF error structure, prefixed by its field name."""
    if isinstance(errors, dict):
        for field, value in errors.items():
            label = "" if field in ("non_field_errors", "detail") else f"{field}: "
            return _first_message(value, prefix or label)
        return "Invalid input."
    if isinstance(errors, list | tuple):
        return _first_message(errors[0], prefix) if errors else "Invalid input."
    return f"{prefix}{errors}"


_TOO_LARGE = {"detail": "The request body is too large.", "code": str(ErrorCode.PAYLOAD_TOO_LARGE)}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ApplicationError):
        return Response({"detail": exc.message, "code": str(exc.code), **exc.extra}, status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        return Response(_TOO_LARGE, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, OperationalError | InterfaceError):
        # The database is unreachable (restarting, network): a clear "try again", not a 500. Django
        # reconnects by itself on the next request once it is back.
        logger.error("database unavailable in %s: %s", context.get("view"), exc)
        return Response(
            {
                "detail": "The service is temporarily unavailable; try again shortly.",
                "code": str(ErrorCode.DATABASE_UNAVAILABLE),
            },
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "5"},
        )

    response = drf_exception_handler(exc, context)
    if response is None:
        # Unexpected: log with the traceback, answer a JSON 500 that reveals nothing internal.
        logger.exception("Unhandled error in %s", context.get("view"))
        return Response(
            {"detail": "Internal server error.", "code": str(ErrorCode.SERVER_ERROR)},
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, exceptions.Throttled):
        response.data = throttled_body(int(exc.wait or 1))  # type: ignore[attr-defined]  # set by Throttled.__init__
        return response
    data = response.data
    if isinstance(data, list):
        response.data = {"detail": _first_message(data), "errors": data}
    elif isinstance(data, dict) and not isinstance(data.get("detail"), str):
        # Field errors keep their per-field lists (the original's shape) plus one readable summary.
        response.data = {"detail": _first_message(data), **data}
    return response


def throttled_body(wait: int) -> dict[str, Any]:
    """What a 429 says, with `Retry-After: wait` beside it."""
    return {
        "detail": f"Too many attempts. Try again in {wait} seconds.",
        "code": str(ErrorCode.THROTTLED),
        "wait_time": wait,
    }


def json_throttled(wait: int) -> JsonResponse:
    """A 429 outside DRF (the admin's login form)."""
    response = JsonResponse(throttled_body(wait), status=429)
    response["Retry-After"] = str(wait)
    return response


def json_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "Not found.", "code": str(ErrorCode.NOT_FOUND)}, status=404)


def json_server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": "Internal server error.", "code": str(ErrorCode.SERVER_ERROR)}, status=500)


def json_bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    if isinstance(exception, RequestDataTooBig):  # outside DRF, e.g. the admin's login form
        return JsonResponse(_TOO_LARGE, status=413)
    return JsonResponse({"detail": "Bad request.", "code": str(ErrorCode.INVALID)}, status=400)


def json_permission_denied(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "Permission denied."}, status=403)
