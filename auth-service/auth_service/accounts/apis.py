"""The `/api/v1/auth/` account endpoints: dj-rest-auth views where they fit, thin APIs over our services
where they did not (e-mail confirmation by GET, logout that blacklists, token revocation on password change).
"""

import contextlib
from typing import Any

from dj_rest_auth import views as rest_auth_views
from dj_rest_auth.registration import views as registration_views
from django.contrib.auth.models import update_last_login
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import InvalidToken

from auth_service.accounts.serializers import ResendEmailSerializer
from auth_service.accounts.services import email_address_confirm, registration_existing_email_notify
from auth_service.accounts.throttling import (
    LoginEmailThrottle,
    LoginIpThrottle,
    MailEmailThrottle,
    MailIpThrottle,
)
from auth_service.tokens import cookies
from auth_service.tokens.services import refresh_token_revoke, user_refresh_tokens_revoke_all
from auth_service.users.selectors import user_get_by_email

_Detail = inline_serializer("Detail", {"detail": serializers.CharField()})
_MAIL_THROTTLES = (MailIpThrottle, MailEmailThrottle)


class RegisterApi(registration_views.RegisterView):
    """username, email, password1, password2, first_name, last_name → 201; a verification e-mail is sent.

    An address that already has an account gets the same 201, and its owner an e-mail saying so
    (threat-model.md #55): the answer never tells whether an address is registered.
    """

    authentication_classes = ()
    throttle_classes = _MAIL_THROTTLES

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        existing = user_get_by_email(email=serializer.validated_data["email"])
        if existing is None:
            self.perform_create(serializer)
        else:
            registration_existing_email_notify(
                request=request._request, user=existing, password=serializer.validated_data["password1"]
            )
        return Response(self.get_response_data(existing), status=status.HTTP_201_CREATED)


class LoginApi(rest_auth_views.LoginView):
    """`{email, password}` → `{access, refresh, user}`; throttled per client IP and per e-mail.

    With `X-Algocode-Client: web` the refresh token is set as an httpOnly cookie instead (ADR 0120).
    """

    authentication_classes = ()
    throttle_classes = (LoginIpThrottle, LoginEmailThrottle)

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return cookies.move_refresh_to_cookie(request, super().post(request, *args, **kwargs))

    def login(self) -> None:
        super().login()
        # dj-rest-auth only records the login for session logins; staff want to see it in the admin.
        update_last_login(type(self.user), self.user)


class VerifyEmailApi(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    class VerifyEmailInputSerializer(serializers.Serializer):
        key = serializers.CharField()

    @extend_schema(request=VerifyEmailInputSerializer, responses={200: _Detail})
    def post(self, request: Request) -> Response:
        serializer = self.VerifyEmailInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email_address_confirm(request=request._request, key=serializer.validated_data["key"])
        return Response({"detail": "ok"})


class ConfirmEmailApi(APIView):
    """The link in the verification e-mail: opening it verifies the address (there is no frontend)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(responses={200: _Detail})
    def get(self, request: Request, key: str) -> Response:
        address = email_address_confirm(request=request._request, key=key)
        return Response({"detail": "ok", "email": address.email})


class EmailVerificationSentApi(APIView):
    """allauth redirects here after sign-up in some flows; answer in JSON like everything else."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(responses={200: _Detail})
    def get(self, request: Request) -> Response:
        return Response({"detail": "Verification e-mail sent."})


class ResendEmailApi(registration_views.ResendEmailVerificationView):
    """`{email}` → 200 whether or not the address exists (no account enumeration)."""

    authentication_classes = ()
    serializer_class = ResendEmailSerializer
    throttle_classes = _MAIL_THROTTLES

    @extend_schema(request=ResendEmailSerializer, responses={200: _Detail})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)


class LogoutApi(APIView):
    """`{refresh}` → the refresh token is blacklisted. Access tokens expire on their own (minutes).

    The web client sends no body: its cookie's token is blacklisted and the cookie cleared. It is logged
    out even when that token was already revoked (e.g. by a password change elsewhere).
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)

    class LogoutInputSerializer(serializers.Serializer):
        refresh = serializers.CharField()

    def get_authenticate_header(self, request: Request) -> str:
        # A bad refresh token is an authentication failure: 401, like token/refresh/ answers.
        return 'Bearer realm="api"'

    @extend_schema(request=LogoutInputSerializer, responses={200: _Detail})
    def post(self, request: Request) -> Response:
        if cookies.refresh_in_cookie(request):
            response = Response({"detail": "Successfully logged out."})
            raw = cookies.refresh_from_cookie(request)
            if raw:
                with contextlib.suppress(InvalidToken):
                    refresh_token_revoke(raw_token=raw)
            cookies.refresh_cookie_clear(response)
            return response
        serializer = self.LogoutInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        refresh_token_revoke(raw_token=serializer.validated_data["refresh"])
        return Response({"detail": "Successfully logged out."})


class PasswordChangeApi(rest_auth_views.PasswordChangeView):
    """Also revokes every refresh token of the user: other sessions must log in again."""

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().post(request, *args, **kwargs)
        user_refresh_tokens_revoke_all(user=request.user)
        return response


class PasswordResetApi(rest_auth_views.PasswordResetView):
    """`{email}` → 200 whether or not the address exists; the e-mail links to PasswordResetLinkApi."""

    authentication_classes = ()
    throttle_classes = _MAIL_THROTTLES

    @extend_schema(responses={200: _Detail})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmApi(rest_auth_views.PasswordResetConfirmView):
    authentication_classes = ()

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        user_refresh_tokens_revoke_all(user=serializer.user)
        return Response({"detail": "Password has been reset with the new password."})


class PasswordResetLinkApi(APIView):
    """The link in the reset e-mail: tells the holder what to POST (no frontend to render a form)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(responses={200: _Detail})
    def get(self, request: Request, uidb64: str, token: str) -> Response:
        return Response(
            {
                "detail": (
                    "POST uid, token, new_password1 and new_password2 to /api/v1/auth/password/reset/confirm/"
                ),
                "uid": uidb64,
                "token": token,
            },
            status=status.HTTP_200_OK,
        )
