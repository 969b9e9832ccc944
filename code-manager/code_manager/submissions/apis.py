"""HTTP APIs for submissions: submit, run, result check (waits up to 5 s), and the caller's history."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from algocode_contracts import JobKind, Verdict
from code_manager.common.auth import IsStaff, caller_from_user
from code_manager.common.pagination import Page, PageParams, page_envelope, page_serializer
from code_manager.common.schema import RATE_LIMITED, error_responses
from code_manager.common.serializers import StrictCharField
from code_manager.ratelimit.throttles import SubmitThrottled
from code_manager.submissions.models import SubmissionStatus
from code_manager.submissions.selectors import (
    result_check,
    result_pending_message,
    submission_list,
    submission_not_found,
)
from code_manager.submissions.services import (
    SUBMITTED_DETAIL,
    run_create,
    submission_create,
    submission_rejudge,
)


class SubmitInput(serializers.Serializer):
    problem_id = StrictCharField(max_length=100)
    lang = StrictCharField(max_length=30)
    code = StrictCharField(trim_whitespace=False)


class RunInput(SubmitInput):
    stdin = StrictCharField(trim_whitespace=False, allow_blank=True, default="")


class _SubmittedResult(serializers.Serializer):
    detail = serializers.CharField()
    submission_id = serializers.UUIDField()


class SubmittedOut(serializers.Serializer):
    result = _SubmittedResult()


class ResultDataOut(serializers.Serializer):
    """The `data` of a finished result (schema only; rendered by result_view)."""

    submission_id = serializers.UUIDField()
    problem_id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=[kind.value for kind in JobKind])
    lang = serializers.CharField()
    attempt = serializers.IntegerField()
    verdict = serializers.ChoiceField(choices=[verdict.value for verdict in Verdict])
    status = serializers.CharField(help_text='The verdict\'s label, e.g. "Accepted".')
    message = serializers.CharField()
    result = serializers.DictField(
        child=serializers.CharField(), help_text="{verdict, result} as in the original"
    )
    passed = serializers.IntegerField()
    total = serializers.IntegerField()
    max_time_ms = serializers.IntegerField()
    max_memory_kib = serializers.IntegerField()
    compile_output = serializers.CharField()
    tests = serializers.ListField(child=serializers.DictField())
    io = serializers.DictField(allow_null=True, help_text="Only for a failing sample test or a custom run.")
    score = serializers.FloatField(allow_null=True, help_text="Scoring problems: the points earned.")
    max_score = serializers.FloatField(allow_null=True)
    groups = serializers.ListField(
        child=serializers.DictField(), help_text="Scoring problems: {name, score, max_score, verdict} each."
    )
    created_at = serializers.CharField()
    judged_at = serializers.CharField()
    runtime_beats = serializers.FloatField(
        allow_null=True,
        min_value=0,
        max_value=100,
        help_text="Accepted submissions only: percent (one decimal) of the other accepted submissions of "
        "this "
        "problem in this language that took strictly longer (max_time_ms); null otherwise or with no other.",
    )
    memory_beats = serializers.FloatField(
        allow_null=True,
        min_value=0,
        max_value=100,
        help_text="As runtime_beats, for max_memory_kib (256 KiB buckets).",
    )


class ResultOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["success", "pending"])
    data = ResultDataOut(allow_null=True)  # type: ignore[assignment]  # schema only
    message = serializers.CharField(
        required=False, help_text="Pending only: queued, and whether a judge for the language is running."
    )


class HistoryItemOut(serializers.Serializer):
    """One submission in the caller's history (schema; rendered by submissions/selectors.py)."""

    submission_id = serializers.UUIDField()
    problem_id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=[kind.value for kind in JobKind])
    lang = serializers.CharField()
    state = serializers.ChoiceField(choices=[state.value for state in SubmissionStatus])
    verdict = serializers.ChoiceField(choices=[verdict.value for verdict in Verdict], allow_null=True)
    status = serializers.CharField(help_text='The verdict\'s label, or "Pending".')
    message = serializers.CharField(allow_null=True)
    passed = serializers.IntegerField(allow_null=True)
    total = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True, help_text="Scoring problems: the points earned.")
    max_score = serializers.FloatField(allow_null=True)
    created_at = serializers.CharField(allow_null=True)
    judged_at = serializers.CharField(allow_null=True)
    runtime_beats = serializers.FloatField(
        allow_null=True,
        min_value=0,
        max_value=100,
        help_text="Accepted submissions only: percent (one decimal) of the other accepted submissions of "
        "this "
        "problem in this language that took strictly longer (max_time_ms); null otherwise or with no other.",
    )
    memory_beats = serializers.FloatField(
        allow_null=True,
        min_value=0,
        max_value=100,
        help_text="As runtime_beats, for max_memory_kib (256 KiB buckets).",
    )


class HistoryEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    submissions = page_serializer(HistoryItemOut(many=True), name="HistoryPage")()


class RejudgedOut(serializers.Serializer):
    submission_id = serializers.UUIDField()
    attempt = serializers.IntegerField(min_value=2)


SUBMIT_RESPONSES = {201: SubmittedOut, **error_responses(400, 401, 409, 413, 415, 503), **RATE_LIMITED}


def _accepted(submission_id: str) -> Response:
    return Response(
        {"result": {"detail": SUBMITTED_DETAIL, "submission_id": submission_id}},
        status=status.HTTP_201_CREATED,
    )


class SubmitApi(SubmitThrottled, APIView):
    @extend_schema(request=SubmitInput, responses=SUBMIT_RESPONSES)
    def post(self, request: Request) -> Response:
        data = _valid(SubmitInput, request)
        submission_id = submission_create(
            caller=caller_from_user(request.user),
            problem_id=data["problem_id"],
            lang=data["lang"],
            code=data["code"],
        )
        return _accepted(submission_id)


class RunApi(SubmitThrottled, APIView):
    @extend_schema(request=RunInput, responses=SUBMIT_RESPONSES)
    def post(self, request: Request) -> Response:
        data = _valid(RunInput, request)
        submission_id = run_create(
            caller=caller_from_user(request.user),
            problem_id=data["problem_id"],
            lang=data["lang"],
            code=data["code"],
            stdin=data["stdin"],
        )
        return _accepted(submission_id)


def _valid(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    if not isinstance(request.data, dict):
        raise serializers.ValidationError({"non_field_errors": ["Expected a JSON object."]})
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ResultCheckApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("submission_id", str, OpenApiParameter.PATH)],
        responses={200: ResultOut, 202: ResultOut, **error_responses(401, 404)},
    )
    def get(self, request: Request, submission_id: str) -> Response:
        try:
            sid = str(uuid.UUID(submission_id))
        except ValueError:
            raise submission_not_found() from None
        caller = caller_from_user(request.user)
        check = result_check(caller=caller, submission_id=sid)
        if check.data is None:
            message = result_pending_message(caller=caller, submission_id=sid)
            headers = {"Retry-After": str(check.retry_after_s)} if check.retry_after_s else None
            return Response(
                {"status": "pending", "data": None, "message": message},
                status=status.HTTP_202_ACCEPTED,
                headers=headers,
            )
        return Response({"status": "success", "data": check.data})


class SubmissionListApi(APIView):
    class FilterSerializer(PageParams):
        problem_id = serializers.UUIDField(required=False)

    @extend_schema(
        parameters=[FilterSerializer], responses={200: HistoryEnvelope, **error_responses(400, 401, 404)}
    )
    def get(self, request: Request) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        page = Page(data["page"], data["page_size"])
        problem_id = str(data["problem_id"]) if data.get("problem_id") else None
        count, results = submission_list(
            caller=caller_from_user(request.user), page=page, problem_id=problem_id
        )
        return Response({"status_code": 200, "submissions": page_envelope(request, page, count, results)})


class RejudgeApi(APIView):
    """Staff: judge a submission again (a new attempt); the previous verdict stays until the new one lands."""

    permission_classes = [IsStaff]

    @extend_schema(request=None, responses={202: RejudgedOut, **error_responses(401, 403, 404, 503)})
    def post(self, request: Request, submission_id: str) -> Response:
        try:
            sid = str(uuid.UUID(submission_id))
        except ValueError:
            raise submission_not_found() from None
        attempt = submission_rejudge(submission_id=sid)
        return Response({"submission_id": sid, "attempt": attempt}, status=status.HTTP_202_ACCEPTED)
