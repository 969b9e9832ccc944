"""JWT verification with the auth service's public key only: docs/jwt-verification.md's recipe as written
(config/settings.py pastes it), plus the code manager's own checks in one authentication subclass.

The subclass adds: a `user_id` that is a UUID; and the deny-list of deactivated users (threat-model.md
#54): a token issued at or before the user's deactivation is refused with 401. `is_staff` counts only as
the JSON `true` (threat-model.md #53): "false", "0" or 1 are not staff.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rest_framework import permissions
from rest_framework_simplejwt import settings as jwt_settings
from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.tokens import Token

from code_manager.users.selectors import user_denied_since

if TYPE_CHECKING:  # the views module imports the authentication classes: no runtime import here
    from rest_framework.request import Request
    from rest_framework.views import APIView


class JWTAuthentication(JWTStatelessUserAuthentication):
    """The recipe's stateless authentication (no user table), plus a UUID `user_id` and the deny-list."""

    www_authenticate_realm = "api"

    def get_validated_token(self, raw_token: bytes) -> Token:
        token = super().get_validated_token(raw_token)
        try:
            user_id = str(uuid.UUID(str(token.get(jwt_settings.api_settings.USER_ID_CLAIM))))
        except ValueError as exc:
            raise InvalidToken({"detail": "Token has no valid user_id."}) from exc
        denied_until = user_denied_since(user_id=user_id)
        if denied_until is not None and float(token.get("iat", 0)) <= denied_until:
            raise InvalidToken(
                {"detail": "This account has been deactivated; its tokens are no longer valid."}
            )
        return token


def is_staff_claim(token: Token | dict[str, Any]) -> bool:
    """Staff only when the claim is the JSON `true`: a string or a number is never staff."""
    return token.get("is_staff", False) is True


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
        is_staff=is_staff_claim(user.token),
    )


class IsStaff(permissions.BasePermission):
    """The `is_staff` claim of a verified token; anonymous callers get 401 first."""

    message = "Staff only."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user: Any = request.user  # a TokenUser (stateless JWT), not the User model the stubs assume
        return bool(user and user.is_authenticated and is_staff_claim(user.token))
