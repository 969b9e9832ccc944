"""Issuing, rotating, verifying and revoking tokens (the write side of the tokens app)."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.utils import datetime_from_epoch

from auth_service.tokens.tokens import AccessToken, RefreshToken


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str


def token_pair_issue(*, user: object) -> TokenPair:
    refresh = RefreshToken.for_user(user)
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh))


def _refresh_token_parse(raw_token: str) -> RefreshToken:
    try:
        return RefreshToken(raw_token)  # type: ignore[arg-type]  # simplejwt annotates the raw token as Token
    except TokenError as exc:
        raise InvalidToken(exc.args[0]) from exc


def _outstanding_blacklist(token: RefreshToken) -> bool:
    """Blacklist the token once; False when it already was (a concurrent use of the same token)."""
    OutstandingToken.objects.get_or_create(
        jti=token["jti"],
        defaults={
            "user": get_user_model().objects.filter(id=token.get("user_id")).first(),
            "token": str(token),
            "created_at": datetime_from_epoch(token["iat"]),
            "expires_at": datetime_from_epoch(token["exp"]),
        },
    )
    # The row lock makes two concurrent uses of one refresh token queue up; only the first wins.
    outstanding = OutstandingToken.objects.select_for_update().get(jti=token["jti"])
    _, created = BlacklistedToken.objects.get_or_create(token=outstanding)
    return created


def refresh_token_rotate(*, raw_token: str) -> TokenPair:
    """Trade a refresh token for a new pair; the old refresh token is blacklisted (single use).

    The new tokens are built from the user row, so a changed username or staff flag or a deactivated
    account takes effect at the next refresh, not only at the next login.
    """
    token = _refresh_token_parse(raw_token)
    user = get_user_model().objects.filter(id=token.get("user_id"), is_active=True).first()
    if user is None:
        raise InvalidToken(_("User not found or inactive"))
    with transaction.atomic():
        if not _outstanding_blacklist(token):
            raise InvalidToken(_("Token is blacklisted"))
        return token_pair_issue(user=user)


def refresh_token_revoke(*, raw_token: str) -> None:
    """Logout: blacklist the given refresh token (an already revoked one is reported as such)."""
    token = _refresh_token_parse(raw_token)
    with transaction.atomic():
        if not _outstanding_blacklist(token):
            raise InvalidToken(_("Token is blacklisted"))


def user_refresh_tokens_revoke_all(*, user: Any) -> int:
    """Blacklist every live refresh token of a user (after a password change or reset)."""
    outstanding = OutstandingToken.objects.filter(user=user).exclude(blacklistedtoken__isnull=False)
    blacklisted = [BlacklistedToken(token=token) for token in outstanding]
    BlacklistedToken.objects.bulk_create(blacklisted, ignore_conflicts=True)
    return len(blacklisted)


def token_verify(*, raw_token: str) -> None:
    """`token/verify/` answers one question: would this access token be accepted right now?

    Signature (current or previous key, RS256 only), expiry, issuer, audience, `token_type: access`, and
    that its user still exists and is active. A refresh token is not an access token: 401.
    """
    try:
        token = AccessToken(raw_token)  # type: ignore[arg-type]  # the stubs say Token; simplejwt takes str
    except TokenError as exc:
        raise InvalidToken(exc.args[0]) from exc
    if not get_user_model().objects.filter(id=token.get("user_id"), is_active=True).exists():
        raise InvalidToken(_("User not found or inactive"))
