"""OpenAPI-only serializers: the documented shapes of responses and errors (never used to render)."""

from __future__ import annotations

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="A sentence for people.")
    code = serializers.CharField(help_text="A stable ErrorCode for programs.")
    errors = serializers.DictField(  # type: ignore[assignment]  # a schema field
        required=False, help_text="Per-field messages (validation errors only)."
    )


class RateLimitedSerializer(serializers.Serializer):
    message = serializers.CharField()
    wait_time = serializers.CharField(help_text='e.g. "13.40 seconds"')
    code = serializers.CharField()


_DESCRIPTIONS = {
    400: "Invalid input (bad JSON, missing or wrong fields, unknown language or problem).",
    401: "Missing, malformed, expired or otherwise invalid access token.",
    403: "Staff only.",
    404: "Not found (also another user's submission).",
    409: "Conflict.",
    413: "Body, source or stdin too large.",
    415: "Not JSON.",
    503: "A dependency (broker or database) is unavailable; nothing was changed.",
}


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    responses = {
        status: OpenApiResponse(ErrorSerializer, description=_DESCRIPTIONS[status]) for status in statuses
    }
    return responses


RATE_LIMITED = {429: OpenApiResponse(RateLimitedSerializer, description="Rate limited; see Retry-After.")}


class JWTAuthenticationScheme(SimpleJWTScheme):
    """Documents our JWTAuthentication as the bearer scheme simplejwt's own extension describes."""

    target_class = "code_manager.common.auth.JWTAuthentication"
    name = "jwtAuth"
