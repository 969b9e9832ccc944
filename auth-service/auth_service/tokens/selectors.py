"""Read-side questions about tokens that do not change anything."""

from rest_framework_simplejwt.exceptions import TokenBackendError

from auth_service.tokens.backends import get_token_backend


def refresh_token_user_id(*, raw_token: str) -> str | None:
    """The `user_id` of a refresh token with a valid signature, expiry, issuer and audience.

    No database query: the blacklist is the refresh's own business. None for anything else.
    """
    try:
        payload = get_token_backend().decode(raw_token, verify=True)  # type: ignore[arg-type]  # the stubs say Token; simplejwt decodes str
    except TokenBackendError:
        return None
    user_id = payload.get("user_id")
    return str(user_id) if payload.get("token_type") == "refresh" and user_id else None
