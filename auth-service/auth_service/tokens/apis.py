"""HTTP endpoints of the tokens app: refresh, verify, and the JWKS document."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET
from rest_framework_simplejwt import views as simplejwt_views

from auth_service.accounts.throttling import RefreshUserThrottle
from auth_service.tokens.keyring import get_keyring


class TokenRefreshApi(simplejwt_views.TokenRefreshView):
    """`{refresh}` → `{access, refresh}`; the given refresh token is blacklisted (rotation).

    Throttled per user (REFRESH_THROTTLE_USER_RATE): a flood of refreshes gets 429, not the database.
    """

    throttle_classes = (RefreshUserThrottle,)


class TokenVerifyApi(simplejwt_views.TokenVerifyView):
    """`{token}` → `{}` when it is an access token this service would accept now (signature, expiry,
    issuer, audience, type `access`, user exists and is active); anything else, refresh tokens too, 401."""


@require_GET
def jwks_api(request: HttpRequest) -> JsonResponse:
    """The public key(s) as a JWK Set: the current key first, then previous ones still accepted."""
    response = JsonResponse(get_keyring().jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response
