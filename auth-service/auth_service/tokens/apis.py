"""HTTP endpoints of the tokens app: refresh, verify, and the JWKS document."""

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework_simplejwt import views as simplejwt_views
from rest_framework_simplejwt.exceptions import InvalidToken

from auth_service.accounts.throttling import RefreshUserThrottle
from auth_service.tokens import cookies
from auth_service.tokens.keyring import get_keyring


class TokenRefreshApi(simplejwt_views.TokenRefreshView):
    """`{refresh}` → `{access, refresh}`; the given refresh token is blacklisted (rotation).

    The web client (`X-Algocode-Client: web`) sends no body: its refresh token is the httpOnly cookie,
    and the rotated one goes back into the cookie (ADR 0120). Throttled per user
    (REFRESH_THROTTLE_USER_RATE): a flood of refreshes gets 429, not the database.
    """

    throttle_classes = (RefreshUserThrottle,)

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if cookies.refresh_in_cookie(request):
            raw = cookies.refresh_from_cookie(request)
            if not raw:
                raise InvalidToken("No refresh token cookie: log in again.")
            serializer = self.get_serializer(data={"refresh": raw})
            serializer.is_valid(raise_exception=True)
            response = Response(serializer.validated_data)
        else:
            response = super().post(request, *args, **kwargs)
        return cookies.move_refresh_to_cookie(request, response)


class TokenVerifyApi(simplejwt_views.TokenVerifyView):
    """`{token}` → `{}` when it is an access token this service would accept now (signature, expiry,
    issuer, audience, type `access`, user exists and is active); anything else, refresh tokens too, 401."""


@require_GET
def jwks_api(request: HttpRequest) -> JsonResponse:
    """The public key(s) as a JWK Set: the current key first, then previous ones still accepted."""
    response = JsonResponse(get_keyring().jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response
