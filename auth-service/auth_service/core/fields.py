"""Serializer fields that accept exactly what the OpenAPI schema says (threat-model.md #51).

DRF's CharField turns a JSON number into a string ("last_name": 7 → "7") although the schema says
`type: string`; these refuse anything but a JSON string, so the schema describes the real validation.
"""

from typing import Any

from rest_framework import serializers


class _StrictStringMixin:
    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid")  # type: ignore[attr-defined]
        return super().to_internal_value(data)  # type: ignore[misc]


class StrictCharField(_StrictStringMixin, serializers.CharField):
    default_error_messages = {"invalid": "Not a valid string."}


class StrictEmailField(_StrictStringMixin, serializers.EmailField):
    pass
