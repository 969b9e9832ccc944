"""JWT verification with the auth service's public key only (RS256, issuer, audience, access tokens only).

simplejwt's module-level token backend is built once at import; ours is rebuilt whenever the settings
change, so the verifying key can come from configuration loaded later (and from tests).
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from rest_framework import permissions
from rest_framework_simplejwt import settings as jwt_settings
from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication
from rest_framework_simplejwt.backends import TokenBackend
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.models import TokenUser
from rest_framework_simplejwt.tokens import AccessToken

if TYPE_CHECKING:  # the views module imports the authentication classes: no runtime import here
    from rest_framework.request import Request
    from rest_framework.views import APIView


@functools.cache
def _backend(
    algorithm: str, key: str | None, audience: str | None, issuer: str | None, leeway: int | timedelta
) -> TokenBackend:
    # No key (None) is valid for simplejwt: then nothing verifies. Its annotation says str.
    return TokenBackend(algorithm, None, key, audience, issuer, None, leeway)  # type: ignore[arg-type]


def token_backend() -> TokenBackend:
    # Looked up through the module on every call: simplejwt rebinds `api_settings` when settings change.
    api_settings = jwt_settings.api_settings
    return _backend(
        api_settings.ALGORITHM,
        api_settings.VERIFYING_KEY,
        api_settings.AUDIENCE,
        api_settings.ISSUER,
        api_settings.LEEWAY,
    )


class VerifiedAccessToken(AccessToken):
    """An access token (token_type "access") verified against the current settings' public key."""

    def get_token_backend(self) -> TokenBackend:
        return token_backend()


class JWTAuthentication(JWTStatelessUserAuthentication):
    """simplejwt's stateless authentication (no user table) that also insists on a UUID `user_id`."""

    www_authenticate_realm = "api"

    def get_validated_token(self, raw_token: bytes) -> VerifiedAccessToken:
        token = super().get_validated_token(raw_token)
        try:
            uuid.UUID(str(token.get(jwt_settings.api_settings.USER_ID_CLAIM)))
        except ValueError as exc:
            raise InvalidToken({"detail": "Token has no valid user_id."}) from exc
        return token  # type: ignore[return-value]


@dataclass(frozen=True)
class Caller:
    """Who is calling, as the services need it: never more than the token says."""

    user_id: str
    username: str
    is_staff: bool


def caller_from_user(user: Any) -> Caller:
    """`user` is request.user of a JWT-authenticated request: a TokenUser."""
    return Caller(
        user_id=str(uuid.UUID(str(user.id))),
        username=str(user.token.get("username", "")),
        is_staff=bool(user.token.get("is_staff", False)),
    )


def caller_from_header(authorization: str) -> Caller | None:
    """The verified caller for a raw `Authorization` header, or None if it does not verify."""
    auth = JWTAuthentication()
    parts = authorization.split()
    if len(parts) != 2 or parts[0] != "Bearer":
        return None
    try:
        token = auth.get_validated_token(parts[1].encode())
    except (InvalidToken, TokenError):
        return None
    return caller_from_user(auth.get_user(token))


class IsStaff(permissions.BasePermission):
    """The `is_staff` claim of a verified token; anonymous callers get 401 first."""

    message = "Staff only."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return bool(
            isinstance(user, TokenUser) and user.is_authenticated and user.token.get("is_staff", False)
        )
