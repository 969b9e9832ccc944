"""What a job carries beyond tests and limits for problems with their own validator or scored groups.

The problem document stores the package's `OutputValidator` and `TestGroup`s as read at import
(algocode_contracts.validators); every job of the problem carries them (docs/problem-format.md#output-
validators). A custom run carries the validator too (the reference's output is its answer file) but no
groups: a run is never scored.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from rest_framework import serializers

from algocode_contracts import JobKind, TestCase
from algocode_contracts.messages import OutputValidator, TestGroup
from algocode_contracts.validators import PackageError, check_validator
from code_manager.common.errors import ApplicationError, ErrorCode


def judging_extras(problem: dict[str, Any], *, kind: JobKind, tests: list[TestCase]) -> dict[str, Any]:
    """`validator` and `groups` for SubmissionCreated; a 409 when the groups no longer fit the tests."""
    stored = problem.get("validator")
    extras: dict[str, Any] = {"validator": OutputValidator(**stored) if stored else None, "groups": None}
    groups = problem.get("groups")
    if groups and kind is JobKind.SUBMIT:
        parsed = [TestGroup(**group) for group in groups]
        grouped = [name for group in parsed for name in group.tests]
        secret = [test.name for test in tests if not test.sample]
        if sorted(grouped) != sorted(secret):
            # The tests were replaced through the API since the import: the scores would not add up.
            raise ApplicationError(
                "This problem's test groups no longer match its tests; import the package again.",
                code=ErrorCode.INVALID,
                status_code=409,
            )
        extras["groups"] = parsed
    return extras


class ValidatorField(serializers.JSONField):
    """The staff API's `validator`: an OutputValidator, bounded as a package's would be (else a 400)."""

    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        if value is None:
            return None
        try:
            validator = OutputValidator.model_validate(value)
            check_validator(validator)
        except ValidationError as exc:
            raise serializers.ValidationError(_first(exc)) from None
        except PackageError as exc:
            raise serializers.ValidationError(str(exc)) from None
        return validator.model_dump()


class GroupField(serializers.JSONField):
    """One of the staff API's `groups`: a TestGroup (else a 400)."""

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        try:
            return TestGroup.model_validate(super().to_internal_value(data)).model_dump()
        except ValidationError as exc:
            raise serializers.ValidationError(_first(exc)) from None


def _first(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])
