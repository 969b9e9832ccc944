"""`user/`: the caller's own profile (there is no URL that names another user)."""

from typing import cast

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from auth_service.core.errors import ApplicationError
from auth_service.users.models import User
from auth_service.users.serializers import UserDetailsSerializer, UserProfileUpdateSerializer
from auth_service.users.services import PROFILE_WRITABLE_FIELDS, user_profile_update


class UserMeApi(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses=UserDetailsSerializer)
    def get(self, request: Request) -> Response:
        return Response(UserDetailsSerializer(request.user).data)

    def _update(self, request: Request, *, partial: bool) -> Response:
        if not isinstance(request.data, dict):
            raise ApplicationError("Expected a JSON object.")
        # Unknown or read-only keys are reported by the service; validate only the writable ones here.
        writable = {k: v for k, v in request.data.items() if k in PROFILE_WRITABLE_FIELDS}
        serializer = UserProfileUpdateSerializer(data=writable, partial=partial)
        serializer.is_valid(raise_exception=True)
        refused = {k: v for k, v in request.data.items() if k not in PROFILE_WRITABLE_FIELDS}
        user = user_profile_update(
            user=cast(User, request.user), data={**refused, **serializer.validated_data}
        )
        return Response(UserDetailsSerializer(user).data)

    @extend_schema(request=UserProfileUpdateSerializer, responses=UserDetailsSerializer)
    def put(self, request: Request) -> Response:
        return self._update(request, partial=False)

    @extend_schema(request=UserProfileUpdateSerializer, responses=UserDetailsSerializer)
    def patch(self, request: Request) -> Response:
        return self._update(request, partial=True)
