"""HTTP APIs for problems: the public catalogue (original envelopes) and the staff-only write API."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import permissions, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from algocode_contracts import LANGUAGE_ALIASES, LANGUAGES, CheckerSettings, JudgeLimits, canonical_language
from algocode_contracts.functions.languages import stub
from algocode_contracts.messages import MAX_SOURCE_CHARS
from code_manager.common.auth import IsStaff
from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.pagination import Page, PageParams, page_envelope, page_serializer
from code_manager.common.schema import error_responses
from code_manager.common.serializers import StrictCharField, StrictRegexField, contract_serializer
from code_manager.problems.selectors import (
    ProblemOrdering,
    problem_get,
    problem_languages,
    problem_list,
    problem_signature,
    problem_tests,
)
from code_manager.problems.services import (
    ProblemData,
    TestData,
    problem_create,
    problem_tests_replace,
    problem_update,
)

if TYPE_CHECKING:  # the stubs' name for what permission_classes holds; no such name at run time
    from rest_framework.permissions import _PermissionClass


def parse_problem_id(raw: str) -> str:
    """The canonical UUID string, or the original's 404 body for anything else."""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise _problem_not_found() from None


def _problem_not_found() -> ApplicationError:
    return ApplicationError(
        "Problem not found.",
        code=ErrorCode.PROBLEM_NOT_FOUND,
        status_code=404,
        extra={"status_code": 404, "question": {"detail": "Question does not found"}},
    )


class SampleOut(serializers.Serializer):
    name = serializers.CharField()
    input = serializers.CharField()
    output = serializers.CharField()


LimitsOut = contract_serializer(JudgeLimits, name="LimitsOut", required=True)
CheckerIn = contract_serializer(CheckerSettings, name="CheckerIn", required=False)
LimitsIn = contract_serializer(JudgeLimits, name="LimitsIn", required=False)


class ProblemOut(serializers.Serializer):
    """The original's question `Q`, plus samples and limits, rendered from the stored problem. Only these
    fields leave: never the reference solution, never a hidden test (samples only)."""

    id = serializers.UUIDField(source="_id")
    problem_number = serializers.IntegerField(allow_null=True, default=None)
    title = serializers.CharField()
    slug = serializers.CharField(default="")
    difficulty = serializers.IntegerField(min_value=1, max_value=5)
    description = serializers.CharField(default="")
    testcases_example = serializers.SerializerMethodField()
    constraints = serializers.CharField(default="")
    samples = SampleOut(many=True, default=list)
    limits = LimitsOut()
    languages = serializers.SerializerMethodField(help_text="the language ids allowed")
    acceptance_rate = serializers.SerializerMethodField(help_text='Percent with two decimals, e.g. "33.33".')
    tags = serializers.ListField(child=serializers.CharField(), default=list)
    companies = serializers.ListField(child=serializers.DictField(), default=list)
    created_at = serializers.CharField(allow_null=True, default=None)
    updated_at = serializers.CharField(allow_null=True, default=None)

    def get_testcases_example(self, doc: dict[str, Any]) -> str:
        samples = doc.get("samples", [])
        return doc.get("testcases_example") or "\n".join(
            f"Input:\n{s['input']}Output:\n{s['output']}" for s in samples
        )

    def get_languages(self, doc: dict[str, Any]) -> list[str]:
        return problem_languages(doc)

    def get_acceptance_rate(self, doc: dict[str, Any]) -> str:
        stats = doc.get("stats", {})
        submitted, accepted = stats.get("submitted", 0), stats.get("accepted", 0)
        return f"{(100 * accepted / submitted) if submitted else 0:.2f}"


class ProblemDetailOut(ProblemOut):
    """One problem: the catalogue fields plus, for a function-style problem, its signature and the code
    a user starts from in each allowed language (the web client's editor shows `code_stubs`)."""

    signature = serializers.SerializerMethodField(
        help_text="A function-style problem's signature ({function: {name, params, returns, any_order}} "
        "or {design: {class, constructor, methods}}); null for a problem whose program reads stdin."
    )
    code_stubs = serializers.SerializerMethodField(
        help_text="language id -> starting code (function-style problems; empty for stdin problems)"
    )

    @extend_schema_field(
        {"type": "object", "nullable": True, "additionalProperties": True, "example": {"function": {}}}
    )
    def get_signature(self, doc: dict[str, Any]) -> dict[str, Any] | None:
        signature = problem_signature(doc)
        return None if signature is None else signature.to_dict()

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_code_stubs(self, doc: dict[str, Any]) -> dict[str, str]:
        signature = problem_signature(doc)
        if signature is None:
            return {}
        return {language: stub(signature, language) for language in problem_languages(doc)}


def _question(doc: dict[str, Any]) -> dict[str, Any]:
    return ProblemDetailOut(doc).data


class ProblemEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    question = ProblemDetailOut()


ProblemPage = page_serializer(ProblemOut(many=True), name="ProblemPage")


class ProblemListEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    questions = ProblemPage()


# Difficulty levels 1-5, comma-separated: the pattern is the whole validation, and the schema shows it.
DIFFICULTY_FILTER = r"^\s*[1-5]\s*(,\s*[1-5]\s*)*$"


class _Public:
    """Public reads: no authentication, so a stale token in a browser never breaks the catalogue."""

    authentication_classes: Sequence[type[BaseAuthentication]] = []
    permission_classes: Sequence[_PermissionClass] = [permissions.AllowAny]


class ProblemListApi(_Public, APIView):
    class FilterSerializer(PageParams):
        # Untrimmed, so that the length limits are the schema's (the view strips what it matches).
        title = serializers.CharField(required=False, max_length=200, trim_whitespace=False)
        tags = serializers.CharField(
            required=False, max_length=500, trim_whitespace=False, help_text="comma-separated; all must match"
        )
        difficulty = serializers.RegexField(
            DIFFICULTY_FILTER,
            required=False,
            max_length=50,
            trim_whitespace=False,
            help_text="1-5, comma-separated",
        )
        ordering = serializers.ChoiceField(
            choices=[o.value for o in ProblemOrdering], default=ProblemOrdering.CREATED_DESC.value
        )

        def validate_difficulty(self, value: str) -> list[int]:
            return [int(part) for part in value.split(",")]

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
            title=data.get("title", "").strip() or None,
            tags=tags or None,
            difficulty=data.get("difficulty"),
            ordering=ProblemOrdering(data["ordering"]),
        )
        # many=True makes a ListSerializer, whose data is a list; the stubs type the call as ProblemOut.
        questions = page_envelope(request, page, count, ProblemOut(results, many=True).data)  # type: ignore[arg-type]
        return Response({"status_code": 200, "questions": questions})


class ReferenceSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=[*LANGUAGES, *LANGUAGE_ALIASES])
    # A field named like Field.source: the stubs see that attribute, DRF's metaclass takes the field.
    source = StrictCharField(max_length=MAX_SOURCE_CHARS, trim_whitespace=False)  # type: ignore[assignment]

    def validate_language(self, value: str) -> str:
        return canonical_language(value) or value  # an old alias (`python`) is stored as its id


class ProblemInputSerializer(serializers.Serializer):
    id = serializers.UUIDField(required=False)
    title = StrictCharField(max_length=255)
    difficulty = serializers.IntegerField(min_value=1, max_value=5, default=1)
    description = StrictCharField(allow_blank=True, default="", trim_whitespace=False)
    constraints = StrictCharField(allow_blank=True, default="", trim_whitespace=False)
    testcases_example = StrictCharField(allow_blank=True, default="", trim_whitespace=False)
    tags = serializers.ListField(child=StrictCharField(max_length=50), default=list, max_length=20)
    limits = LimitsIn(default=dict)
    checker = CheckerIn(default=dict)
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
        return Response({"status_code": 201, "question": _question(doc)}, status=status.HTTP_201_CREATED)


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
        return Response({"status_code": 200, "question": _question(doc)})

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
        return Response({"status_code": 200, "question": _question(doc)})


class TestInputSerializer(serializers.Serializer):
    __test__ = False

    name = StrictRegexField(r"^[A-Za-z0-9_./-]{1,200}$")
    input = StrictCharField(allow_blank=True, trim_whitespace=False)
    answer = StrictCharField(allow_blank=True, trim_whitespace=False)
    sample = serializers.BooleanField(default=False)


class TestOut(serializers.Serializer):
    __test__ = False

    name = serializers.CharField()
    input = serializers.CharField(allow_blank=True)
    answer = serializers.CharField(allow_blank=True)
    sample = serializers.BooleanField()


class TestsOut(serializers.Serializer):
    __test__ = False

    problem_id = serializers.UUIDField()
    tests = TestOut(many=True)


class TestsReplacedOut(ProblemEnvelope):
    tests = serializers.IntegerField(help_text="How many tests the problem has now.")


class ProblemTestsApi(APIView):
    """Staff: read every test (hidden ones too) or replace the whole set in one request."""

    permission_classes = [IsStaff]

    class TestsSerializer(serializers.Serializer):
        # many=True hands max_length to the ListSerializer; the stubs do not know that.
        tests = TestInputSerializer(many=True, allow_empty=False, max_length=1000)  # type: ignore[call-arg]

    @extend_schema(responses={200: TestsOut, **error_responses(401, 403, 404)})
    def get(self, request: Request, problem_id: str) -> Response:
        doc = problem_get(problem_id=parse_problem_id(problem_id))
        if doc is None:
            raise _problem_not_found()
        return Response({"problem_id": doc["_id"], "tests": problem_tests(problem=doc)})

    @extend_schema(
        request=TestsSerializer, responses={200: TestsReplacedOut, **error_responses(400, 401, 403, 404)}
    )
    def put(self, request: Request, problem_id: str) -> Response:
        pid = parse_problem_id(problem_id)
        serializer = self.TestsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tests = [TestData(**test) for test in serializer.validated_data["tests"]]
        doc = problem_tests_replace(problem_id=pid, tests=tests)
        return Response({"status_code": 200, "question": _question(doc), "tests": len(tests)})
