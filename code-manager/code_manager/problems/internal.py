"""`GET /internal/v1/test-data/<sha256>`: a test's bytes for the judge workers, and nobody else (ADR 0150).

Only with `Authorization: Bearer <TEST_DATA_TOKEN>` (threat-model.md #75): the bytes are hidden tests and
their answers. Without a configured token the endpoint is off (404). It sits outside /api/ and nginx
answers /internal/ with 404 itself: workers reach the code manager on the private network only.
The body streams chunk by chunk (1 MiB at a time in memory, whatever the test's size); the worker checks
the sha256 itself, so a chunk lost or changed in the store ends as IE there, never as a verdict.
"""

from __future__ import annotations

import hmac
import re

from django.conf import settings
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from code_manager.common.errors import ErrorCode, error_body
from code_manager.problems.blobs import blob_chunks, blob_get

_SHA256 = re.compile(r"[0-9a-f]{64}")


@require_GET
def test_data_export(request: HttpRequest, sha256: str) -> HttpResponseBase:
    expected = settings.TEST_DATA_TOKEN
    if not expected:
        return JsonResponse(
            error_body(ErrorCode.NOT_FOUND, "Test data export is off: set TEST_DATA_TOKEN to serve it."),
            status=404,
        )
    scheme, _, given = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme != "Bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        response = JsonResponse(
            error_body(ErrorCode.NOT_AUTHENTICATED, "Needs Authorization: Bearer <TEST_DATA_TOKEN>."),
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="test-data"'
        return response
    meta = blob_get(sha256=sha256) if _SHA256.fullmatch(sha256) else None
    if meta is None:
        return JsonResponse(error_body(ErrorCode.NOT_FOUND, f"No test data {sha256[:64]}."), status=404)
    stream = StreamingHttpResponse(
        blob_chunks(sha256=sha256, chunks=meta["chunks"]), content_type="application/octet-stream"
    )
    stream["Content-Length"] = str(meta["size"])
    stream["Cache-Control"] = "no-store"
    return stream


test_data_export.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported
