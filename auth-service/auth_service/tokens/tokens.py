"""The access and refresh token types: simplejwt's, signed by the keyring, with Algocode's claims.

Claims: user_id (UUID string), username, is_staff, token_type, iss, aud, exp, iat, jti.
"""

from typing import Any, cast

from rest_framework_simplejwt import tokens as simplejwt_tokens

from auth_service.tokens.backends import KeyringTokenBackend, get_token_backend


class _KeyringMixin:
    def get_token_backend(self) -> KeyringTokenBackend:
        return get_token_backend()


def _add_user_claims(token: Any, user: Any) -> None:
    token["username"] = user.username
    token["is_staff"] = bool(user.is_staff)


class AccessToken(_KeyringMixin, simplejwt_tokens.AccessToken):
    pass


class RefreshToken(_KeyringMixin, simplejwt_tokens.RefreshToken):
    access_token_class = AccessToken

    @classmethod
    def for_user(cls, user: Any) -> "RefreshToken":
        token = cast("RefreshToken", super().for_user(user))
        _add_user_claims(token, user)
        return token
