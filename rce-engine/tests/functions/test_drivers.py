"""Driver conformance: every language with a `solutions/<id>/` directory, through the real sandbox.

Per language: a design problem taking and returning every type round-trips exactly; the stubs submitted
unchanged compile, run and report each type's default (a Wrong Answer, never CE/RE); a syntax error on the
user's line 3 is reported on line 3; what the user prints (even a fake result line) is stderr and leaves the
result alone; an uncaught exception fails the run; a dynamic language returning a value of the wrong type
reports `!` (WrongTypeError).
"""

from __future__ import annotations

import re

import pytest

from algocode_contracts.functions import WrongTypeError
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS, stub
from tests.functions.cases import KIT, KIT_CASES, LENGTH, MIN_STACK, TWO_SUM, kit_defaults
from tests.functions.harness import Harness, languages_with_solutions, solution, solution_path

LANGUAGES = languages_with_solutions()
DYNAMIC = [lang for lang in LANGUAGES if solution_path(lang, "wrong_type") is not None]


def test_every_language_with_a_driver_has_solutions() -> None:
    assert set(LANGUAGES) <= set(LANGUAGES_WITH_DRIVERS)
    assert LANGUAGES, "no solutions directory"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", KIT_CASES, ids=lambda c: c.name)
def test_every_type_round_trips(harness: Harness, language: str, case) -> None:  # type: ignore[no-untyped-def]
    if language in case.skip:
        pytest.skip(f"{language}: a documented limit (docs/function-languages.md)")
    outcome = harness.run(KIT, solution(language, "kit"), case.input)
    assert outcome.run.ok, outcome.stderr
    assert outcome.error is None, outcome.error
    assert outcome.value == case.expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_design_stub_unchanged_reports_defaults(harness: Harness, language: str) -> None:
    case = KIT_CASES[0]
    outcome = harness.run(KIT, stub(KIT, language), case.input)
    assert outcome.run.ok, outcome.stderr
    assert outcome.error is None, outcome.error
    assert outcome.value == kit_defaults(case)


@pytest.mark.parametrize("language", LANGUAGES)
def test_function_stub_unchanged_reports_a_default(harness: Harness, language: str) -> None:
    outcome = harness.run(TWO_SUM, stub(TWO_SUM, language), "[2,7,11,15]\n9\n")
    assert outcome.run.ok, outcome.stderr
    assert outcome.value == []  # a Wrong Answer against [0,1], not an error


@pytest.mark.parametrize("language", LANGUAGES)
def test_stubs_without_arguments_and_with_clashing_names_run(harness: Harness, language: str) -> None:
    outcome = harness.run(
        MIN_STACK, stub(MIN_STACK, language), '["MinStack","push","getMin","top"]\n[[],[5],[],[]]\n'
    )
    assert outcome.run.ok, outcome.stderr
    assert (outcome.value, outcome.error) == ([None, None, 0, []], None)
    outcome = harness.run(LENGTH, stub(LENGTH, language), "")
    assert outcome.run.ok, outcome.stderr
    assert (outcome.value, outcome.error) == ([], None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_user_prints_are_debug_output_and_never_the_result(harness: Harness, language: str) -> None:
    # The solution prints "debug twoSum" and a fake result line "2 7 7" to its stdout before returning.
    outcome = harness.run(TWO_SUM, solution(language, "two_sum"), "[2,7,11,15]\n9\n")
    assert outcome.run.ok, outcome.stderr
    assert outcome.value == [0, 1], outcome.error
    assert "debug twoSum" in outcome.stderr
    assert "2 7 7" in outcome.stderr
    assert b"debug" not in outcome.run.stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_uncaught_exception_fails_the_run(harness: Harness, language: str) -> None:
    # The solution throws (its language's usual way) when the target is negative.
    outcome = harness.run(TWO_SUM, solution(language, "two_sum"), "[1,2]\n-1\n")
    assert not outcome.run.ok
    assert outcome.run.exit_code != 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_syntax_error_is_reported_on_the_users_line(harness: Harness, language: str) -> None:
    path = solution_path(language, "syntax_error")
    assert path is not None
    pattern = path.with_suffix(".line").read_text().strip()  # where the compiler must say "line 3"
    compiled = harness.compile(TWO_SUM, path.read_text(encoding="utf-8"))
    assert not compiled.ok
    assert re.search(pattern, compiled.output, re.MULTILINE), compiled.output


@pytest.mark.parametrize("language", DYNAMIC)
def test_wrong_type_is_reported_as_such(harness: Harness, language: str) -> None:
    # twoSum returns [0.5, 1]: a float in an int[] (and a string for the second input).
    for text in ("[2,7,11,15]\n9\n", "[3,3]\n6\n"):
        outcome = harness.run(TWO_SUM, solution(language, "wrong_type"), text)
        assert outcome.run.ok, outcome.stderr
        assert isinstance(outcome.error, WrongTypeError), (outcome.value, outcome.error)
