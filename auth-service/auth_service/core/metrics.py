"""`/metrics` behind a bearer token (threat-model.md #56): Prometheus sends `Authorization: Bearer
<METRICS_TOKEN>`. Unset, the endpoint does not exist (404) for anyone; a missing or wrong token is 401."""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django_prometheus.exports import ExportToDjangoView

from auth_service.core.errors import ErrorCode, json_not_found


def metrics_api(request: HttpRequest) -> HttpResponse:
    expected = settings.METRICS_TOKEN
    if not expected:
        return json_not_found(request)
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        response = JsonResponse(
            {"detail": "A valid metrics bearer token is required.", "code": str(ErrorCode.NOT_AUTHENTICATED)},
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return ExportToDjangoView(request)
