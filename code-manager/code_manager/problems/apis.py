"""HTTP APIs for problems: the public catalogue (original envelopes) and the staff-only write API."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from algocode_contracts import LANGUAGES
from code_manager.common.auth import IsStaff
from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.pagination import Page, PageParams, page_envelope
from code_manager.common.schema import error_responses
from code_manager.problems.selectors import (
    ProblemOrdering,
    problem_get,
    problem_list,
    problem_public,
    problem_tests,
)
from code_manager.problems.services import (
    ProblemData,
    TestData,
    problem_create,
    problem_tests_replace,
    problem_update,
)


def parse_problem_id(raw: str) -> str:
    """The canonical UUID string, or the original's 404 body for anything else."""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise _problem_not_found() from None


def _problem_not_found() -> ApplicationError:
    return ApplicationError(
        ErrorCode.PROBLEM_NOT_FOUND,
        "Problem not found.",
        status=404,
        extra={"status_code": 404, "question": {"detail": "Question does not found"}},
    )


class SampleOut(serializers.Serializer):
    name = serializers.CharField()
    input = serializers.CharField()
    output = serializers.CharField()


class ProblemOut(serializers.Serializer):
    """The original's question `Q`, plus samples and limits (schema only; rendered by problem_public)."""

    id = serializers.UUIDField()
    problem_number = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    difficulty = serializers.IntegerField(min_value=1, max_value=5)
    description = serializers.CharField()
    testcases_example = serializers.CharField()
    constraints = serializers.CharField()
    samples = SampleOut(many=True)
    limits = serializers.DictField(child=serializers.IntegerField())
    languages = serializers.ListField(child=serializers.CharField(), help_text="the language ids allowed")
    acceptance_rate = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())
    companies = serializers.ListField(child=serializers.DictField())
    created_at = serializers.CharField()
    updated_at = serializers.CharField()


class ProblemEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    question = ProblemOut()


class ProblemPage(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ProblemOut(many=True)


class ProblemListEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    questions = ProblemPage()


class _Public:
    """Public reads: no authentication, so a stale token in a browser never breaks the catalogue."""

    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]


class ProblemListApi(_Public, APIView):
    class FilterSerializer(PageParams):
        title = serializers.CharField(required=False, max_length=200)
        tags = serializers.CharField(
            required=False, max_length=500, help_text="comma-separated; all must match"
        )
        difficulty = serializers.CharField(required=False, max_length=50, help_text="1-5, comma-separated")
        ordering = serializers.ChoiceField(
            choices=[o.value for o in ProblemOrdering], default=ProblemOrdering.CREATED_DESC.value
        )

        def validate_difficulty(self, value: str) -> list[int]:
            try:
                levels = [int(part) for part in value.split(",") if part.strip()]
            except ValueError:
                raise serializers.ValidationError("difficulty is a number from 1 to 5") from None
            if any(not 1 <= level <= 5 for level in levels):
                raise serializers.ValidationError("difficulty is a number from 1 to 5")
            return levels

    @extend_schema(
        parameters=[FilterSerializer], responses={200: ProblemListEnvelope, **error_responses(400, 404)}
    )
    def get(self, request: Request) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        page = Page(data["page"], data["page_size"])
        tags = [t.strip() for t in data.get("tags", "").split(",") if t.strip()]
        count, results = problem_list(
            page=page,
            title=data.get("title"),
            tags=tags or None,
            difficulty=data.get("difficulty"),
            ordering=ProblemOrdering(data["ordering"]),
        )
        return Response({"status_code": 200, "questions": page_envelope(request, page, count, results)})


class LimitsSerializer(serializers.Serializer):
    time_limit_ms = serializers.IntegerField(min_value=50, max_value=30_000, required=False)
    memory_limit_kib = serializers.IntegerField(min_value=4096, max_value=4 * 1024 * 1024, required=False)
    output_limit_kib = serializers.IntegerField(min_value=1, max_value=256 * 1024, required=False)


class CheckerSerializer(serializers.Serializer):
    case_sensitive = serializers.BooleanField(required=False)
    space_change_sensitive = serializers.BooleanField(required=False)
    float_absolute_tolerance = serializers.FloatField(min_value=0, required=False, allow_null=True)
    float_relative_tolerance = serializers.FloatField(min_value=0, required=False, allow_null=True)


class ReferenceSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=list(LANGUAGES))
    source = serializers.CharField(max_length=256 * 1024, trim_whitespace=False)


class ProblemInputSerializer(serializers.Serializer):
    id = serializers.UUIDField(required=False)
    title = serializers.CharField(max_length=255)
    difficulty = serializers.IntegerField(min_value=1, max_value=5, default=1)
    description = serializers.CharField(allow_blank=True, default="", trim_whitespace=False)
    constraints = serializers.CharField(allow_blank=True, default="", trim_whitespace=False)
    testcases_example = serializers.CharField(allow_blank=True, default="", trim_whitespace=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), default=list, max_length=20)
    limits = LimitsSerializer(default=dict)
    checker = CheckerSerializer(default=dict)
    reference = ReferenceSerializer(required=False, allow_null=True)


class ProblemCreateApi(APIView):
    permission_classes = [IsStaff]

    @extend_schema(
        request=ProblemInputSerializer,
        responses={201: ProblemEnvelope, **error_responses(400, 401, 403, 409)},
    )
    def post(self, request: Request) -> Response:
        serializer = ProblemInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        problem_id = data.pop("id", None)
        doc = problem_create(data=ProblemData(**data), problem_id=problem_id)
        return Response({"status_code": 201, "question": problem_public(doc)}, status=status.HTTP_201_CREATED)


class ProblemDetailApi(APIView):
    """GET is public; PUT/PATCH (staff) update the problem."""

    def get_permissions(self) -> list[permissions.BasePermission]:
        if self.request.method in permissions.SAFE_METHODS:
            return [permissions.AllowAny()]
        return [IsStaff()]

    def perform_authentication(self, request: Request) -> None:
        if request.method not in permissions.SAFE_METHODS:
            request.user  # noqa: B018 - forces authentication (raises 401) for writes only

    @extend_schema(
        parameters=[OpenApiParameter("problem_id", str, OpenApiParameter.PATH)],
        responses={200: ProblemEnvelope, **error_responses(404)},
    )
    def get(self, request: Request, problem_id: str) -> Response:
        doc = problem_get(problem_id=parse_problem_id(problem_id))
        if doc is None:
            raise _problem_not_found()
        return Response({"status_code": 200, "question": problem_public(doc)})

    @extend_schema(
        request=ProblemInputSerializer,
        responses={200: ProblemEnvelope, **error_responses(400, 401, 403, 404)},
    )
    def put(self, request: Request, problem_id: str) -> Response:
        return self._update(request, problem_id, partial=False)

    @extend_schema(
        request=ProblemInputSerializer,
        responses={200: ProblemEnvelope, **error_responses(400, 401, 403, 404)},
    )
    def patch(self, request: Request, problem_id: str) -> Response:
        return self._update(request, problem_id, partial=True)

    def _update(self, request: Request, problem_id: str, *, partial: bool) -> Response:
        pid = parse_problem_id(problem_id)
        serializer = ProblemInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        changes = {k: v for k, v in serializer.validated_data.items() if k != "id"}
        doc = problem_update(problem_id=pid, changes=changes)
        return Response({"status_code": 200, "question": problem_public(doc)})


class TestInputSerializer(serializers.Serializer):
    __test__ = False

    name = serializers.RegexField(r"^[A-Za-z0-9_./-]{1,200}$")
    input = serializers.CharField(allow_blank=True, trim_whitespace=False)
    answer = serializers.CharField(allow_blank=True, trim_whitespace=False)
    sample = serializers.BooleanField(default=False)


class ProblemTestsApi(APIView):
    """Staff: read every test (hidden ones too) or replace the whole set in one request."""

    permission_classes = [IsStaff]

    class TestsSerializer(serializers.Serializer):
        tests = TestInputSerializer(many=True, allow_empty=False, max_length=1000)

    @extend_schema(responses={200: dict, **error_responses(401, 403, 404)})
    def get(self, request: Request, problem_id: str) -> Response:
        doc = problem_get(problem_id=parse_problem_id(problem_id))
        if doc is None:
            raise _problem_not_found()
        return Response({"problem_id": doc["_id"], "tests": problem_tests(problem=doc)})

    @extend_schema(request=TestsSerializer, responses={200: dict, **error_responses(400, 401, 403, 404)})
    def put(self, request: Request, problem_id: str) -> Response:
        pid = parse_problem_id(problem_id)
        serializer = self.TestsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tests = [TestData(**test) for test in serializer.validated_data["tests"]]
        doc = problem_tests_replace(problem_id=pid, tests=tests)
        return Response({"status_code": 200, "question": problem_public(doc), "tests": len(tests)})
