"""The health check (200 `{"status": "OK"}` only when MongoDB, Redis and the broker all answer; `judges`
shows per language how many judges consume its job queue and how many jobs wait, null when the broker is
down) and the bearer-protected Prometheus endpoint."""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django_prometheus.exports import ExportToDjangoView
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from code_manager.common.errors import ErrorCode, error_body
from code_manager.common.selectors import dependency_health, judges_health


class HealthCheckApi(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        responses={200: dict, 503: dict},
        description="MongoDB, Redis and the broker all answer; judges (consumers, waiting) per language.",
    )
    def get(self, request: Request) -> Response:
        checks = dependency_health()
        judges = judges_health() if checks.get("broker") == "OK" else None
        failing = [name for name, state in checks.items() if state != "OK"]
        if failing:
            return Response(
                {
                    "status": "ERROR",
                    "detail": f"Unavailable: {', '.join(failing)}.",
                    "code": str(ErrorCode.STORE_UNAVAILABLE),
                    "failing": failing,
                    "checks": checks,
                    "judges": judges,
                },
                status=503,
            )
        return Response({"status": "OK", "checks": checks, "judges": judges})


def metrics_export(request: HttpRequest) -> HttpResponse:
    """`GET /metrics` for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>` (threat-model.md #56).

    Without a configured token the endpoint is off (404): no deployment exposes it by accident.
    """
    expected = settings.METRICS_TOKEN
    if not expected:
        return JsonResponse(
            error_body(ErrorCode.NOT_FOUND, "Metrics are off: set METRICS_TOKEN to serve them."), status=404
        )
    scheme, _, given = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme != "Bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        response = JsonResponse(
            error_body(ErrorCode.NOT_AUTHENTICATED, "Metrics need Authorization: Bearer <METRICS_TOKEN>."),
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return ExportToDjangoView(request)
