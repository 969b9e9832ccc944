"""OpenAPI post-processing: every operation documents the JSON error responses it can give."""

from typing import Any

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error: a readable `detail`; field errors add per-field lists.",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "wait_time": {"type": "integer", "description": "429 only: seconds, as in Retry-After"},
    },
    "required": ["detail"],
    "additionalProperties": True,
}
ERRORS = {
    "400": "Invalid input (including malformed JSON)",
    "401": "Missing, invalid, expired or wrong-type token",
    "403": "Authenticated but not allowed (e.g. a staff-only operation)",
    "404": "Not found",
    "405": "Method not allowed",
    "413": "The request body is larger than 2.5 MiB",
    "414": "The URL is longer than 4 KiB",
    "415": "Only application/json bodies are accepted",
    "429": "Throttled; see Retry-After",
    "500": "Internal error",
    "503": "The database or the message broker is unavailable; try again",
}


def add_error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(status, {"description": description, "content": ref})
    return result
