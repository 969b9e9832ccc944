"""Input fields and bases shared by the APIs, so that validation is exactly what the OpenAPI schema says
(issue 9 §5; tests/test_schema_fuzz.py checks it)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class _StringsOnly:
    """Refuse numbers, lists and objects instead of quietly converting them (DRF would take `str(42)`)."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")  # type: ignore[attr-defined]
        return super().to_internal_value(data)  # type: ignore[misc]


class StrictCharField(_StringsOnly, serializers.CharField):
    pass


class StrictRegexField(_StringsOnly, serializers.RegexField):
    pass


class QueryParams(serializers.Serializer):
    """Query parameters: a parameter that is present but empty (`?problem_id=`) is refused like any other
    invalid value; DRF would treat it as absent, which the schema does not say. So is one without a name."""

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        empty = {name: ["This parameter may not be empty."] for name in self.fields if data.get(name) == ""}
        if "" in data:
            empty["non_field_errors"] = ["A query parameter has no name."]
        if empty:
            raise serializers.ValidationError(empty)
        return super().to_internal_value(data)
