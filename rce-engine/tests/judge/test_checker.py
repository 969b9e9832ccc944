"""The default output validator against a table of (answer, output, flags) → accepted?, plus speed-shaped
inputs (10^6 tokens) that must finish, and reasons that say where the first difference is."""

from __future__ import annotations

import pytest

from algocode_contracts import CheckerSettings
from rce_engine.judge.checker import check_output, parse_float

DEFAULT = CheckerSettings()
CASE = CheckerSettings(case_sensitive=True)
SPACE = CheckerSettings(space_change_sensitive=True)
FLOAT_6 = CheckerSettings(float_absolute_tolerance=1e-6, float_relative_tolerance=1e-6)  # float_tolerance
ABS_6 = CheckerSettings(float_absolute_tolerance=1e-6)
REL_6 = CheckerSettings(float_relative_tolerance=1e-6)

TABLE = [
    # answer, output, settings, accepted
    ("3\n", "3\n", DEFAULT, True),
    ("3\n", "3", DEFAULT, True),  # missing final newline
    ("3\n", "3   \n\n\n", DEFAULT, True),  # trailing spaces and blank lines
    ("1 2\n3\n", "1\n2 3", DEFAULT, True),  # line structure does not matter by default
    ("1\n2\n", "1\r\n2\r\n", DEFAULT, True),  # CRLF
    ("1\n2\n", "\n\n  1\t2", DEFAULT, True),  # leading whitespace, tabs
    ("Yes\n", "yes\n", DEFAULT, True),  # case-insensitive by default
    ("Yes\n", "yes\n", CASE, False),
    ("Yes\n", "Yes\n", CASE, True),
    ("3\n", "4\n", DEFAULT, False),
    ("1 2\n", "1\n", DEFAULT, False),  # missing token
    ("1\n", "1 2\n", DEFAULT, False),  # extra token
    ("1\n", "", DEFAULT, False),  # empty output
    ("", "", DEFAULT, True),
    ("", "\n \n", DEFAULT, True),  # only whitespace against an empty answer
    ("", "0", DEFAULT, False),
    ("12\n", "012\n", DEFAULT, False),  # tokens, not numbers, without a float flag
    ("1.0\n", "1\n", DEFAULT, False),
    # space_change_sensitive: whitespace must be identical
    ("1 2\n", "1 2\n", SPACE, True),
    ("1 2\n", "1  2\n", SPACE, False),
    ("1 2\n", "1 2", SPACE, False),
    ("1 2\n", "1 2\n\n", SPACE, False),
    ("1 2\n", "1 2 \n", SPACE, False),
    ("1\n2\n", "1\r\n2\r\n", SPACE, False),
    ("a b\n", "A B\n", SPACE, True),  # still case-insensitive
    ("1 2\n", "1 3\n", SPACE, False),
    ("", "", SPACE, True),
    ("", " ", SPACE, False),
    (
        "0.5\n",
        "0.5000001\n",
        CheckerSettings(space_change_sensitive=True, float_absolute_tolerance=1e-6),
        True,
    ),
    # floats: |a - t| <= abs or |a - t| <= rel * |a|
    ("1.0\n", "1\n", FLOAT_6, True),
    ("1.0\n", "1.0000009\n", ABS_6, True),
    ("1.0\n", "1.0000011\n", ABS_6, False),
    ("1000000\n", "1000000.9\n", REL_6, True),  # rel: 0.9 <= 1e-6 * 1e6
    ("1000000\n", "1000001.1\n", REL_6, False),
    ("1000000\n", "1000000.9\n", ABS_6, False),
    ("0\n", "1e-7\n", FLOAT_6, True),  # exponents; abs helps near zero
    ("0\n", "1e-7\n", REL_6, False),  # rel alone: only exactly 0 is within 1e-6 * 0
    ("0\n", "-0.0\n", REL_6, True),
    ("2.625\n", "2.6250000000e+00\n", FLOAT_6, True),
    ("2.625\n", "26.25E-1\n", FLOAT_6, True),
    ("2.625\n", "2.63\n", FLOAT_6, False),
    ("1.5\n", "0x1.8p0\n", FLOAT_6, True),  # C strtod reads hex floats too
    ("1.5\n", "1.5x\n", FLOAT_6, False),  # the whole token must be a number
    ("1.5\n", "abc\n", FLOAT_6, False),
    ("1.5\n", "nan\n", FLOAT_6, False),  # nan and inf are not floats
    ("1.5\n", "inf\n", FLOAT_6, False),
    ("1.5\n", "1e400\n", FLOAT_6, False),  # overflows to inf
    ("nan\n", "NaN\n", FLOAT_6, True),  # a judge "nan" is a string token: case-insensitive match
    ("inf\n", "1e400\n", FLOAT_6, False),
    ("YES 0.5\n", "yes 0.5000004\n", FLOAT_6, True),  # mixed string and float tokens
    ("YES 0.5\n", "no 0.5\n", FLOAT_6, False),
    ("1.0\n", "1.0000011\n", DEFAULT, False),  # no tolerance: string comparison
    ("1 2 3\n", "1 2\n", FLOAT_6, False),
    ("1 2\n", "1 2 3\n", FLOAT_6, False),
]


@pytest.mark.parametrize(("answer", "output", "settings", "accepted"), TABLE)
def test_checker_table(answer: str, output: str, settings: CheckerSettings, accepted: bool) -> None:
    assert check_output(answer, output, settings).accepted is accepted


@pytest.mark.parametrize(
    ("answer", "output", "settings", "reason"),
    [
        ("1\n2\n7\n", "1\n2\n8\n", DEFAULT, "line 3: expected 7, got 8"),
        ("1\n2\n", "1\n", DEFAULT, "output ended; expected 2"),
        ("1\n", "1\n\n5\n", DEFAULT, "line 3: trailing output 5"),
        ("1\n", "", DEFAULT, "empty output; expected 1"),
        ("1.0\n", "2\n", FLOAT_6, "line 1: expected 1.0, got 2 (difference 1)"),
        ("1 2\n", "1  2\n", SPACE, "line 1: whitespace differs"),
    ],
)
def test_rejection_reason_names_the_line_and_tokens(
    answer: str, output: str, settings: CheckerSettings, reason: str
) -> None:
    result = check_output(answer, output, settings)
    assert not result.accepted
    assert reason in result.reason


def test_long_reasons_are_shortened() -> None:
    result = check_output("a" * 1000, "b" * 1000)
    assert not result.accepted
    assert len(result.reason) < 200


def test_bytes_with_invalid_utf8_and_nul_compare_as_bytes() -> None:
    assert check_output(b"\xff\x00 x\n", b"\xff\x00 X").accepted
    assert not check_output(b"\xff\n", b"\xfe\n").accepted


@pytest.mark.parametrize("settings", [DEFAULT, CASE, SPACE, FLOAT_6])
def test_a_million_tokens(settings: CheckerSettings) -> None:
    answer = " ".join(str(i) for i in range(1_000_000)) + "\n"
    assert check_output(answer, answer.replace(" ", "\n"), settings).accepted is (settings is not SPACE)
    wrong = answer[:-2] + "0\n"
    result = check_output(answer, wrong, settings)
    assert not result.accepted
    assert "expected 999999, got 999990" in result.reason


@pytest.mark.parametrize(
    ("token", "value"),
    [
        (b"1", 1.0),
        (b"-2.5", -2.5),
        (b"+.5", 0.5),
        (b"5.", 5.0),
        (b"1e3", 1000.0),
        (b"1E-3", 0.001),
        (b"0x10", 16.0),
        (b"1e-400", 0.0),  # underflow is still a number
        (b"1e", None),
        (b".", None),
        (b"1_000", None),  # Python's float() accepts this, C does not
        (b"nan", None),
        (b"-inf", None),
        (b"infinity", None),
        (b"1e999", None),
        (b"", None),
        (b"\xd9\xa1", None),  # Arabic-Indic digit one: Python's float() accepts it, C does not
    ],
)
def test_parse_float_follows_c(token: bytes, value: float | None) -> None:
    assert parse_float(token) == value
