"""The health check: 200 `{"status": "OK"}` only when MongoDB, Redis and the broker all answer; `judges`
shows per language how many judges consume its job queue and how many jobs wait (null: broker down)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from code_manager.common.errors import ErrorCode
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
