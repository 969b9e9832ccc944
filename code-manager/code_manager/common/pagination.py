"""Page-number pagination over MongoDB queries, in DRF's `{count, next, previous, results}` shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from rest_framework import serializers

from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.serializers import QueryParams

DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
# Far beyond any real catalogue; bounded so that the skip stays a 64-bit integer (else a 500).
MAX_PAGE = 1_000_000


class PageParams(QueryParams):
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE)


def page_serializer(item: serializers.Serializer, *, name: str) -> type[serializers.Serializer]:
    """The documented shape of one page of `item`s (`{count, next, previous, results}`)."""
    fields = {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": item,
    }
    return type(name, (serializers.Serializer,), fields)


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def skip(self) -> int:
        return (self.number - 1) * self.size


def page_envelope(request: HttpRequest, page: Page, count: int, results: list[Any]) -> dict[str, Any]:
    if page.number > 1 and page.skip >= count:
        raise ApplicationError("Invalid page.", code=ErrorCode.NOT_FOUND, status_code=404)

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "next": link(page.number + 1) if page.skip + page.size < count else None,
        "previous": link(page.number - 1) if page.number > 1 else None,
        "results": results,
    }
