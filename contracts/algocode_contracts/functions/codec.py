"""The wire between the judge (host) and a generated driver (in the box), and the JSON users and problem
packages write.

Tests and custom-run input are LeetCode's format: one JSON value per parameter, one per line (a design
problem: the JSON list of calls, then the JSON list of their argument lists). The host checks them against
the signature and encodes them for the driver in a format every language reads with a few lines of code
and no JSON library:

* tokens are separated by whitespace (space, tab, CR, LF);
* `int`, `long`: a decimal integer; `double`: a decimal or scientific number (Python's `repr`); `bool`:
  `1` or `0`; `char`: its code point in decimal (ASCII);
* `string`: its length in UTF-8 bytes as a token, ONE space, then exactly that many raw bytes;
* `T[]`: the length, then each element; `T[][]`: the number of rows, then each row as a `T[]`;
* `ListNode`: like `int[]` (values from the head; 0 = null); `TreeNode`: the number of entries of its
  level-order list, then each entry: an integer or `#` for null (LeetCode's form, trailing nulls trimmed);
* a function's input: its arguments in order; a design input: the number of calls, then per call the
  method's index (0 = the constructor, k = the k-th method of `methods`, from 1) and its arguments.

The driver answers on its own channel (docs/problem-format.md) in the same encoding: a function's return
value; for a design, one entry per call: `-` for the constructor and void methods, else the value. A driver
that finds the user's return value not of the declared type writes `!` instead of the value. The host
decodes strictly (anything left over is an error) back to JSON and compares (see compare.py).
"""

from __future__ import annotations

import json
import math
from typing import Any

from algocode_contracts.functions.signature import (
    INT_MAX,
    INT_MIN,
    LONG_MAX,
    LONG_MIN,
    DesignSignature,
    FunctionSignature,
    Signature,
    Type,
)

MAX_INPUT_BYTES = 64 * 1024 * 1024


class InputError(ValueError):
    """Test or custom-run input that does not fit the signature: the message is for the user."""


class DecodeError(ValueError):
    """The driver's answer could not be read as the declared type (a Wrong Answer, with this reason)."""


class WrongTypeError(DecodeError):
    """The driver said (`!`) that the user's code returned a value not of the declared type."""


# ---------------------------------------------------------------------------------------------- input


def parse_input(signature: Signature, text: str) -> list[Any]:
    """The JSON values of a test's `.in` (or a custom run's input), checked against the signature.

    Function: one value per parameter. Design: `[calls, arguments]`. Blank lines are ignored.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    values = []
    for number, line in enumerate(lines, 1):
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} is not a JSON value ({exc.msg})") from None
        except RecursionError:  # "[[[[...": the parser's recursion, not a 500
            raise InputError(f"line {number} is nested too deeply") from None
    if isinstance(signature, FunctionSignature):
        params = signature.function.params
        if len(values) != len(params):
            names = ", ".join(p.name for p in params)
            raise InputError(
                f"expected {len(params)} line(s), one JSON value per parameter ({names}); got {len(values)}"
            )
        for param, value in zip(params, values, strict=True):
            _check(param.type, value, param.name)
        return values
    if len(values) != 2:
        raise InputError("expected 2 lines: the JSON list of calls, then the JSON list of their arguments")
    calls, arguments = values
    _design_calls(signature, calls, arguments)
    return values


def encode_input(signature: Signature, text: str) -> bytes:
    """The driver's stdin for one test: `text` (LeetCode's JSON lines) checked and encoded."""
    values = parse_input(signature, text)
    out: list[bytes] = []
    if isinstance(signature, FunctionSignature):
        for param, value in zip(signature.function.params, values, strict=True):
            _encode(param.type, value, out)
            out.append(b"\n")
    else:
        calls, arguments = values
        out.append(b"%d\n" % len(calls))
        names = [m.name for m in signature.methods]
        for index, (call, args) in enumerate(zip(calls, arguments, strict=True)):
            params = signature.constructor if index == 0 else signature.method(call).params
            out.append(b"%d" % (0 if index == 0 else names.index(call) + 1))
            for param, value in zip(params, args, strict=True):
                out.append(b" ")
                _encode(param.type, value, out)
            out.append(b"\n")
    data = b"".join(out)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB once encoded")
    return data


def _design_calls(signature: DesignSignature, calls: Any, arguments: Any) -> None:
    if not isinstance(calls, list) or not calls or not all(isinstance(c, str) for c in calls):
        raise InputError("line 1: expected a non-empty JSON list of names (the class, then methods)")
    if not isinstance(arguments, list) or len(arguments) != len(calls):
        raise InputError(f"line 2: expected a JSON list of {len(calls)} argument lists, one per call")
    if calls[0] != signature.class_name:
        raise InputError(f"line 1: the first call must be {signature.class_name!r} (the constructor)")
    for index, (call, args) in enumerate(zip(calls, arguments, strict=True)):
        if index == 0:
            params = signature.constructor
        else:
            try:
                params = signature.method(call).params
            except KeyError:
                known = ", ".join(m.name for m in signature.methods)
                raise InputError(f"call {index + 1}: {call!r} is not a method ({known})") from None
        if not isinstance(args, list) or len(args) != len(params):
            raise InputError(f"call {index + 1} ({call}): expected a list of {len(params)} argument(s)")
        for param, value in zip(params, args, strict=True):
            _check(param.type, value, f"call {index + 1} ({call}) {param.name}")


def _check(type_: Type, value: Any, where: str) -> None:
    """Raise InputError unless `value` (parsed JSON) is a valid `type_`."""
    problem = _mismatch(type_, value)
    if problem:
        raise InputError(f"{where}: {problem}")


def _mismatch(type_: Type, value: Any) -> str | None:
    if type_.dims:
        if not isinstance(value, list):
            return f"expected a JSON list for {type_}"
        for index, item in enumerate(value):
            problem = _mismatch(type_.element, item)
            if problem:
                return f"[{index}]: {problem}"
        return None
    base = type_.base
    if base in ("ListNode", "TreeNode"):
        if not isinstance(value, list):
            return f"expected a JSON list for {base}"
        for index, item in enumerate(value):
            if item is None and base == "TreeNode" and index > 0:
                continue
            if not _is_int(item) or not INT_MIN <= item <= INT_MAX:
                nullable = base == "TreeNode" and index > 0
                return f"[{index}]: expected a 32-bit integer" + (" or null" if nullable else "")
        if base == "TreeNode" and value and not _tree_shape_ok(value):
            return "not a level-order tree (a node below a null)"
        return None
    if base in ("int", "long"):
        low, high = (INT_MIN, INT_MAX) if base == "int" else (LONG_MIN, LONG_MAX)
        if not _is_int(value) or not low <= value <= high:
            return f"expected a {'32' if base == 'int' else '64'}-bit integer, got {_show(value)}"
        return None
    if base == "double":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return f"expected a number, got {_show(value)}"
        return None
    if base == "bool":
        return None if isinstance(value, bool) else f"expected true or false, got {_show(value)}"
    if base == "char":
        if not isinstance(value, str) or len(value) != 1 or ord(value) > 127:
            return f"expected a one-character ASCII string, got {_show(value)}"
        return None
    if base == "string":
        if not isinstance(value, str):
            return f"expected a string, got {_show(value)}"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "not valid UTF-8 (a lone surrogate)"
        return None
    raise AssertionError(base)


def _tree_shape_ok(values: list[Any]) -> bool:
    # Level order: every non-null entry after the root must have a non-null parent slot available.
    if values[0] is None:
        return False
    slots = 2  # children slots opened by the root
    for item in values[1:]:
        if slots == 0:
            return False
        slots -= 1
        if item is not None:
            slots += 2
    return True


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _show(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _encode(type_: Type, value: Any, out: list[bytes]) -> None:
    if type_.dims:
        out.append(b"%d" % len(value))
        for item in value:
            out.append(b" ")
            _encode(type_.element, item, out)
        return
    base = type_.base
    if base in ("int", "long"):
        out.append(b"%d" % value)
    elif base == "double":
        out.append(repr(float(value)).encode())
    elif base == "bool":
        out.append(b"1" if value else b"0")
    elif base == "char":
        out.append(b"%d" % ord(value))
    elif base == "string":
        data = value.encode("utf-8")
        out.append(b"%d " % len(data) + data)
    elif base == "ListNode":
        out.append(b" ".join([b"%d" % len(value), *(b"%d" % v for v in value)]))
    elif base == "TreeNode":
        items = _trim(value)
        out.append(b" ".join([b"%d" % len(items), *(b"#" if v is None else b"%d" % v for v in items)]))
    else:  # pragma: no cover - Type.parse admits nothing else
        raise AssertionError(base)


def _trim(values: list[Any]) -> list[Any]:
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return values[:end]


# --------------------------------------------------------------------------------------------- output


class _Reader:
    _SPACE = b" \t\r\n"

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def token(self, what: str) -> bytes:
        data, pos = self.data, self.pos
        while pos < len(data) and data[pos] in self._SPACE:
            pos += 1
        start = pos
        while pos < len(data) and data[pos] not in self._SPACE:
            pos += 1
        if start == pos:
            raise DecodeError(f"the answer ended where {what} was expected")
        self.pos = pos
        return data[start:pos]

    def raw(self, count: int) -> bytes:
        if self.pos >= len(self.data) or self.data[self.pos] != 0x20:
            raise DecodeError("a string's length was not followed by one space")
        start = self.pos + 1
        end = start + count
        if end > len(self.data):
            raise DecodeError("the answer ended inside a string")
        self.pos = end
        return self.data[start:end]

    def end(self) -> None:
        if self.data[self.pos :].strip(self._SPACE):
            raise DecodeError("the answer has more than the declared value")


def decode_output(signature: Signature, data: bytes, *, calls: list[str] | None = None) -> Any:
    """The JSON value the driver reported: a function's return value, or a design's list of results
    (`calls` are the test's call names: they tell which type each entry has). Raises DecodeError."""
    reader = _Reader(data)
    if isinstance(signature, FunctionSignature):
        value = _decode(signature.function.returns, reader)
    else:
        if calls is None:
            raise ValueError("decode_output needs the calls of a design test")
        value = []
        for index, call in enumerate(calls):
            returns = None if index == 0 else signature.method(call).returns
            if returns is None or returns.is_void:
                token = reader.token(f"'-' for call {index + 1} ({call})")
                if token != b"-":
                    raise DecodeError(f"call {index + 1} ({call}) returns nothing, but a value was reported")
                value.append(None)
            else:
                value.append(_decode(returns, reader))
    reader.end()
    return value


def _int(token: bytes, low: int, high: int, what: str) -> int:
    try:
        number = int(token.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise DecodeError(f"{what}: {token[:20]!r} is not an integer") from None
    if not low <= number <= high:
        raise DecodeError(f"{what}: {number} is out of range")
    return number


def _length(reader: _Reader, what: str) -> int:
    if (token := reader.token(what)) == b"!":
        raise WrongTypeError("the returned value does not have the declared type")
    return _int(token, 0, MAX_INPUT_BYTES, what)


def _decode(type_: Type, reader: _Reader) -> Any:
    what = str(type_)
    if type_.dims:
        return [_decode(type_.element, reader) for _ in range(_length(reader, f"the length of {what}"))]
    base = type_.base
    if base in ("ListNode", "TreeNode"):
        count = _length(reader, f"the size of {base}")
        items: list[Any] = []
        for _ in range(count):
            token = reader.token(f"a {base} value")
            if token == b"#" and base == "TreeNode":
                items.append(None)
            else:
                items.append(_int(token, INT_MIN, INT_MAX, base))
        return _trim(items) if base == "TreeNode" else items
    token = reader.token(f"a {what}")
    if token == b"!":
        raise WrongTypeError(f"the returned value is not of the declared type {what}")
    if base == "int":
        return _int(token, INT_MIN, INT_MAX, what)
    if base == "long":
        return _int(token, LONG_MIN, LONG_MAX, what)
    if base == "double":
        try:
            return float(token.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            raise DecodeError(f"double: {token[:20]!r} is not a number") from None
    if base == "bool":
        if token not in (b"0", b"1"):
            raise DecodeError(f"bool: {token[:20]!r} is neither 0 nor 1")
        return token == b"1"
    if base == "char":
        return chr(_int(token, 0, 127, what))
    if base == "string":
        size = _int(token, 0, MAX_INPUT_BYTES, "the length of a string")
        # Display only: invalid UTF-8 becomes U+FFFD (and then cannot equal a valid expected string).
        return reader.raw(size).decode("utf-8", "replace")
    raise AssertionError(base)  # pragma: no cover


def dumps(value: Any) -> str:
    """JSON as LeetCode shows it: compact, non-ASCII kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
