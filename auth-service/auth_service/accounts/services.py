"""Account flows that are not plain dj-rest-auth: e-mail confirmation by key, and the sign-up of an address
that already has an account."""

from typing import Any
from urllib.parse import quote

from allauth.account.models import EmailAddress, EmailConfirmation, EmailConfirmationHMAC
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.http import HttpRequest

from auth_service.core.errors import ApplicationError, ErrorCode
from auth_service.users.models import User

_ALREADY_EXISTS = """Someone (maybe you) tried to create an Algocode account with this e-mail address, but it
already has one: {username}.

If it was you, log in instead; if you forgot your password, reset it:
POST {reset_url} with {{"email": "<this address>"}}.

If it was not you, you can ignore this message: nothing was changed.
"""


def email_address_confirm(*, request: HttpRequest, key: str) -> EmailAddress:
    """Mark the address behind a verification key as verified. A key works once and until it expires."""
    confirmation = EmailConfirmationHMAC.from_key(key) or EmailConfirmation.from_key(key)
    email_address = confirmation.confirm(request) if confirmation is not None else None
    if email_address is None:
        raise ApplicationError(
            "Invalid, expired or already used verification key.", code=ErrorCode.INVALID_VERIFICATION_KEY
        )
    return email_address


def registration_existing_email_notify(*, request: HttpRequest, user: User, password: str) -> None:
    """A sign-up named an address that has an account: tell its owner, change nothing.

    The password is hashed anyway so this path costs what creating an account costs (timing).
    """
    make_password(password)
    reset_url = request.build_absolute_uri("/api/v1/auth/password/reset/")
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}You already have an account",
        message=_ALREADY_EXISTS.format(username=user.username, reset_url=reset_url),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def email_links_to_web_client(context: dict[str, Any]) -> dict[str, Any]:
    """A mail's context with its link pointed at the web client (`WEB_URL`); the API link it had stays
    as `api_url`, which our templates print for API clients (auth_service/accounts/templates/)."""
    if "activate_url" in context and "key" in context:
        web = f"{settings.WEB_URL}/verify-email/{quote(context['key'], safe=':')}"
        return {**context, "api_url": context["activate_url"], "activate_url": web}
    if "password_reset_url" in context and "uid" in context and "token" in context:
        uid, token = quote(context["uid"], safe=""), quote(context["token"], safe="")
        web = f"{settings.WEB_URL}/reset-password/{uid}/{token}"
        return {**context, "api_url": context["password_reset_url"], "password_reset_url": web}
    return context
