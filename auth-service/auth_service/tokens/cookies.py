"""The web client's refresh token in an httpOnly cookie (ADR 0120), next to the JSON API's body tokens.

A request opts in with the header `X-Algocode-Client: web`. Then login, refresh and logout keep the
refresh token in an httpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth/ and leave the JSON
`refresh` empty, so no script on the page can read it. Without the header nothing changes: Postman users
and scripts get both tokens in JSON, as before.

CSRF: the cookie is only ever read when the custom header is present. A cross-site form cannot set a
header, and a cross-site fetch with one needs a CORS preflight that nothing here answers; SameSite=Strict
keeps the browser from sending the cookie cross-site in the first place.
"""

from django.conf import settings
from rest_framework.request import Request
from rest_framework.response import Response

WEB_CLIENT_HEADER = "X-Algocode-Client"
WEB_CLIENT_VALUE = "web"


def web_client(request: Request) -> bool:
    return request.headers.get(WEB_CLIENT_HEADER, "").strip().lower() == WEB_CLIENT_VALUE


def refresh_in_cookie(request: Request) -> bool:
    """A web-client request with no refresh token in its body: the cookie's is used. A JSON body that is
    not an object (`[]`) has none (threat-model.md #51: it is not a 500)."""
    body = request.data
    return web_client(request) and not (isinstance(body, dict) and body.get("refresh"))


def refresh_from_cookie(request: Request) -> str:
    """The cookie's refresh token for a web-client request; "" when absent (the caller answers 401)."""
    if not web_client(request):
        return ""
    return request.COOKIES.get(settings.AUTH_REFRESH_COOKIE, "")


def refresh_cookie_set(response: Response, raw_token: str) -> None:
    response.set_cookie(
        settings.AUTH_REFRESH_COOKIE,
        raw_token,
        max_age=int(settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"].total_seconds()),
        path=settings.AUTH_COOKIE_PATH,
        secure=settings.AUTH_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def refresh_cookie_clear(response: Response) -> None:
    response.delete_cookie(settings.AUTH_REFRESH_COOKIE, path=settings.AUTH_COOKIE_PATH, samesite="Strict")


def move_refresh_to_cookie(request: Request, response: Response) -> Response:
    """After a successful login or refresh: a web client gets the refresh token only as the cookie."""
    if web_client(request) and response.status_code == 200 and response.data.get("refresh"):
        refresh_cookie_set(response, response.data["refresh"])
        response.data["refresh"] = ""
    return response
