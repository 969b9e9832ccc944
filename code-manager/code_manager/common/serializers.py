"""Input fields and bases shared by the APIs, so that validation is exactly what the OpenAPI schema says
(issue 9 §5; tests/test_schema_fuzz.py checks it), and serializers built on the contract types."""

from __future__ import annotations

import typing
from typing import Any

import annotated_types
from pydantic import BaseModel
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
        names = self.fields.keys()  # the names: the stubs say BindingDict iterates over Field objects
        empty = {name: ["This parameter may not be empty."] for name in names if data.get(name) == ""}
        if "" in data:
            empty["non_field_errors"] = ["A query parameter has no name."]
        if empty:
            raise serializers.ValidationError(empty)
        return super().to_internal_value(data)


_FIELD_FOR_TYPE: dict[type, type[serializers.Field]] = {
    int: serializers.IntegerField,
    float: serializers.FloatField,
    bool: serializers.BooleanField,
    str: StrictCharField,
}


def contract_serializer(model: type[BaseModel], *, name: str, required: bool) -> type[serializers.Serializer]:
    """A serializer with the fields, types and bounds of a contract model (algocode_contracts), so that a
    bound lives in one place: the contract the judge validates against. `required=False` for inputs that
    merge into stored values (every field optional); `True` for outputs (every field present)."""
    fields: dict[str, serializers.Field] = {}
    for field_name, info in model.model_fields.items():
        args = [arg for arg in typing.get_args(info.annotation) if arg is not type(None)]
        nullable = len(args) < len(typing.get_args(info.annotation))
        kwargs: dict[str, Any] = {"required": required, "allow_null": nullable}
        for bound in info.metadata:
            if isinstance(bound, annotated_types.Ge):
                kwargs["min_value"] = bound.ge
            elif isinstance(bound, annotated_types.Le):
                kwargs["max_value"] = bound.le
        field_type = typing.cast(type, args[0] if nullable else info.annotation)  # contracts use plain types
        fields[field_name] = _FIELD_FOR_TYPE[field_type](**kwargs)
    return type(
        name, (serializers.Serializer,), {**fields, "__doc__": f"{model.__name__} (algocode_contracts)."}
    )
