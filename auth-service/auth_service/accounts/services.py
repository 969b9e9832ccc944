"""Account flows that are not plain dj-rest-auth: e-mail confirmation by key, password-change revocation."""

from allauth.account.models import EmailAddress, EmailConfirmation, EmailConfirmationHMAC
from django.http import HttpRequest

from auth_service.core.errors import ApplicationError, ErrorCode


def email_address_confirm(*, request: HttpRequest, key: str) -> EmailAddress:
    """Mark the address behind a verification key as verified. A key works once and until it expires."""
    confirmation = EmailConfirmationHMAC.from_key(key) or EmailConfirmation.from_key(key)
    email_address = confirmation.confirm(request) if confirmation is not None else None
    if email_address is None:
        raise ApplicationError(
            "Invalid, expired or already used verification key.", code=ErrorCode.INVALID_VERIFICATION_KEY
        )
    return email_address
