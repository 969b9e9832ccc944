"""`user/`: the caller's own profile and account deletion; `users/<id>/deactivate/`: staff only."""

from typing import cast
from uuid import UUID

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from auth_service.accounts.throttling import AccountDeleteThrottle, UsernameChangeThrottle
from auth_service.core.errors import ApplicationError
from auth_service.core.fields import StrictCharField
from auth_service.users.models import User
from auth_service.users.serializers import UserDetailsSerializer, UserProfileUpdateSerializer
from auth_service.users.services import (
    PROFILE_WRITABLE_FIELDS,
    user_account_delete,
    user_deactivate,
    user_profile_update,
)


class UserMeApi(APIView):
    """GET the caller's profile; PUT/PATCH it. Asking for another username is throttled per user."""

    permission_classes = (IsAuthenticated,)
    throttle_classes = (UsernameChangeThrottle,)

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


class UserDeleteApi(APIView):
    """`{password}` → 204: the account is deleted, its refresh tokens blacklisted, and the other services
    told to refuse its access tokens (`user.deactivated/v1`). Wrong password → 400; throttled like login."""

    permission_classes = (IsAuthenticated,)
    throttle_classes = (AccountDeleteThrottle,)

    class UserDeleteInputSerializer(serializers.Serializer):
        password = StrictCharField(trim_whitespace=False, style={"input_type": "password"})

    @extend_schema(request=UserDeleteInputSerializer, responses={204: OpenApiResponse(description="Deleted")})
    def post(self, request: Request) -> Response:
        serializer = self.UserDeleteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_account_delete(user=cast(User, request.user), password=serializer.validated_data["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class UserDeactivateApi(APIView):
    """Staff: deactivate another account (it can no longer log in, refresh, or use its access tokens)."""

    permission_classes = (IsAdminUser,)

    @extend_schema(request=None, responses={204: OpenApiResponse(description="Deactivated")})
    def post(self, request: Request, user_id: UUID) -> Response:
        user_deactivate(user=get_object_or_404(User, pk=user_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
