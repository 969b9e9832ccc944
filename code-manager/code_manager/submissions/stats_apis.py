"""`GET /users/me/stats/`: the caller's solved problems, in all and by difficulty (ADR 0131)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from code_manager.common.auth import caller_from_user
from code_manager.common.schema import error_responses
from code_manager.submissions.standing import user_solved_counts


class UserStatsOut(serializers.Serializer):
    solved = serializers.IntegerField(
        min_value=0, help_text="Problems with at least one accepted submission."
    )
    by_difficulty = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text='The same problems by difficulty, "1" to "5", every level present.',
    )


class UserStatsEnvelope(serializers.Serializer):
    status_code = serializers.IntegerField()
    stats = UserStatsOut()


class UserStatsApi(APIView):
    @extend_schema(responses={200: UserStatsEnvelope, **error_responses(401)})
    def get(self, request: Request) -> Response:
        caller = caller_from_user(request.user)
        return Response({"status_code": 200, "stats": user_solved_counts(user_id=caller.user_id)})
