"""The ICPC / Kattis default output validator, reimplemented: compare the team's output with the answer.

Semantics (problemtools' default_validator):
- Output is a sequence of tokens separated by whitespace (ASCII space, \\t, \\n, \\v, \\f, \\r). By default
  the amount and kind of whitespace does not matter, trailing newlines and CRLF included.
- `space_change_sensitive`: every run of whitespace must be identical too (leading and trailing ones).
- Tokens compare case-insensitively (ASCII) unless `case_sensitive`.
- With a float tolerance, a judge token that is a finite float (a whole-token C `strtod` number: decimal
  or hex, exponents allowed; `nan`/`inf` are not floats) accepts a team token that is also a finite
  float with |j - t| <= absolute or |j - t| <= relative * |j|. A judge token that is not a float
  compares as a string.
The reason on rejection is for operators (it may quote the hidden answer); users see it only for samples.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from algocode_contracts import CheckerSettings

_WHITESPACE = rb" \t\n\v\f\r"
_TOKEN = re.compile(rb"[^ \t\n\v\f\r]+")
_SPACE_SPLIT = re.compile(rb"([ \t\n\v\f\r]+)")
_DECIMAL = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_HEX = re.compile(rb"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?")
_SHOWN = 40  # characters of a token quoted in a reason


@dataclass(frozen=True, slots=True)
class CheckResult:
    accepted: bool
    reason: str = ""  # why it was rejected: "line 3: expected 7, got 8"


def parse_float(token: bytes) -> float | None:
    """The token as a finite float if all of it is a C floating-point literal, else None."""
    if _DECIMAL.fullmatch(token):
        try:
            value = float(token)
        except (ValueError, OverflowError):  # pragma: no cover - the regex only lets numbers through
            return None
    elif _HEX.fullmatch(token):
        text = token.decode()
        if "p" not in text.lower():
            text += "p0"  # C accepts a hex float without an exponent, float.fromhex wants one
        try:
            value = float.fromhex(text)
        except (ValueError, OverflowError):
            return None
    else:
        return None
    return value if math.isfinite(value) else None


def _show(token: bytes) -> str:
    text = token[:_SHOWN].decode("utf-8", "replace")
    return text + ("…" if len(token) > _SHOWN else "")


def _line_of_token(data: bytes, index: int) -> int:
    """1-based line on which the `index`-th token (0-based) of `data` starts; only called on rejection."""
    match = next(itertools.islice(_TOKEN.finditer(data), index, None), None)  # skips in C
    if match is None:
        return data.count(b"\n") + 1
    return data.count(b"\n", 0, match.start()) + 1


class Checker:
    def __init__(self, settings: CheckerSettings | None = None) -> None:
        settings = settings or CheckerSettings()
        self.case_sensitive = settings.case_sensitive
        self.space_change_sensitive = settings.space_change_sensitive
        self.abs_tol = settings.float_absolute_tolerance
        self.rel_tol = settings.float_relative_tolerance
        self.use_floats = self.abs_tol is not None or self.rel_tol is not None

    def check(self, answer: bytes | str, output: bytes | str) -> CheckResult:
        judge = answer.encode() if isinstance(answer, str) else answer
        team = output.encode() if isinstance(output, str) else output
        if judge == team:
            return CheckResult(True)
        if self.space_change_sensitive:
            return self._check_spaces(judge, team)
        judge_tokens, team_tokens = judge.split(), team.split()
        if not self.use_floats:
            # Fast path: a list comparison runs in C, 10^6 tokens in milliseconds.
            left = judge_tokens if self.case_sensitive else judge.lower().split()
            right = team_tokens if self.case_sensitive else team.lower().split()
            if left == right:
                return CheckResult(True)
        return self._compare(judge, team, judge_tokens, team_tokens)

    def _compare(
        self, judge: bytes, team: bytes, judge_tokens: list[bytes], team_tokens: list[bytes]
    ) -> CheckResult:
        for index, expected in enumerate(judge_tokens):
            if index >= len(team_tokens):
                if not team_tokens:
                    return CheckResult(False, f"empty output; expected {_show(expected)}")
                line = team.count(b"\n") + 1
                return CheckResult(False, f"line {line}: output ended; expected {_show(expected)}")
            got = team_tokens[index]
            problem = self._token_mismatch(expected, got)
            if problem:
                return CheckResult(False, f"line {_line_of_token(team, index)}: {problem}")
        if len(team_tokens) > len(judge_tokens):
            extra = len(judge_tokens)
            return CheckResult(
                False, f"line {_line_of_token(team, extra)}: trailing output {_show(team_tokens[extra])}"
            )
        return CheckResult(True)

    def _token_mismatch(self, expected: bytes, got: bytes) -> str | None:
        if expected == got:
            return None  # the same bytes match as a string and as a number
        if self.use_floats:
            judge_value = parse_float(expected)
            if judge_value is not None:
                team_value = parse_float(got)
                if team_value is None:
                    return f"expected a number near {_show(expected)}, got {_show(got)}"
                diff = abs(judge_value - team_value)
                if self.abs_tol is not None and diff <= self.abs_tol:
                    return None
                if self.rel_tol is not None and diff <= self.rel_tol * abs(judge_value):
                    return None
                return f"expected {_show(expected)}, got {_show(got)} (difference {diff:.3g})"
        same = expected == got if self.case_sensitive else expected.lower() == got.lower()
        return None if same else f"expected {_show(expected)}, got {_show(got)}"

    def _check_spaces(self, judge: bytes, team: bytes) -> CheckResult:
        # re.split with a group alternates [token, space, token, ...]; even indexes are tokens (maybe
        # empty at the ends), odd ones the whitespace runs that must be identical.
        judge_parts, team_parts = _SPACE_SPLIT.split(judge), _SPACE_SPLIT.split(team)
        if not self.use_floats and judge_parts[1::2] == team_parts[1::2]:
            left, right = judge_parts[::2], team_parts[::2]
            if not self.case_sensitive:
                left, right = [p.lower() for p in left], [p.lower() for p in right]
            if left == right:
                return CheckResult(True)
        line = 1
        for index in range(max(len(judge_parts), len(team_parts))):
            expected = judge_parts[index] if index < len(judge_parts) else None
            got = team_parts[index] if index < len(team_parts) else None
            if expected is None or got is None:
                what = "trailing output" if expected is None else "output ended"
                return CheckResult(False, f"line {line}: {what}")
            if index % 2:
                if expected != got:
                    return CheckResult(
                        False, f"line {line}: whitespace differs: expected {expected!r}, got {got!r}"
                    )
                line += got.count(b"\n")
            elif expected != got:
                if not expected or not got:
                    what = "trailing output" if not expected else "output ended"
                    return CheckResult(False, f"line {line}: {what}")
                problem = self._token_mismatch(expected, got)
                if problem:
                    return CheckResult(False, f"line {line}: {problem}")
        return CheckResult(True)


def check_output(
    answer: bytes | str, output: bytes | str, settings: CheckerSettings | None = None
) -> CheckResult:
    """Compare one test's output with its answer under the problem's validator flags."""
    return Checker(settings).check(answer, output)
