"""The one request-body parser: DRF's JSON parser with a bound on nesting (threat-model.md #51).

A deeply nested body used to escape as a RecursionError (a 500); now anything deeper than
`MAX_JSON_DEPTH`, or too deep for the decoder itself, is a 400 like any other malformed JSON.
"""

from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """True when containers nest deeper than `limit` (iterative: a hostile body cannot recurse us)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - nested too deeply.") from exc
        if json_depth_exceeds(data, settings.MAX_JSON_DEPTH):
            raise ParseError(f"JSON parse error - nested deeper than {settings.MAX_JSON_DEPTH} levels.")
        return data
