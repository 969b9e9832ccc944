"""Service-level endpoints: the healthcheck that `make up` and load balancers poll."""

import logging

from django.db import Error as DatabaseError
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from auth_service.core.errors import ApplicationError, ErrorCode
from auth_service.core.selectors import database_ping

logger = logging.getLogger(__name__)


class HealthcheckApi(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        responses={200: inline_serializer("Health", {"status": serializers.CharField()})},
        summary="OK after a real database query; 503 when the database is unreachable",
    )
    def get(self, request: Request) -> Response:
        try:
            database_ping()
        except DatabaseError as exc:
            logger.warning("healthcheck: database unreachable: %s", exc)
            raise ApplicationError(
                "Database unavailable.",
                code=ErrorCode.DATABASE_UNAVAILABLE,
                status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
                extra={"status": "ERROR"},
            ) from exc
        return Response({"status": "OK"})
