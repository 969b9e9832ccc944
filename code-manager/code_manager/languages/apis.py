"""`GET /api/v1/languages/`: public, no authentication; the contract's list, as the judge describes it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from algocode_contracts import language_catalog


class LanguageOut(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    version = serializers.CharField(help_text="the toolchain's version line")
    extensions = serializers.ListField(child=serializers.CharField())
    compile_command = serializers.CharField(allow_null=True)
    run_command = serializers.CharField()


class LanguageListEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    languages = LanguageOut(many=True)


class LanguageListApi(APIView):
    # Public reads: a client lists languages before anyone logs in.
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses={200: LanguageListEnvelope})
    def get(self, request: Request) -> Response:
        return Response({"status_code": 200, "languages": list(language_catalog())})
