"""Function-style problems: the signature a problem declares in problem.yaml (`algocode.function` or
`algocode.design`), parsed into a language-neutral model that stubs, drivers and the codec share.

The format is documented in docs/problem-format.md ("Function-style problems"). Types are a small closed
set (LeetCode's): scalars, one- and two-dimensional arrays of scalars, ListNode and TreeNode, and `void`
for design methods only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

SCALARS: Final = ("int", "long", "double", "bool", "string", "char")
LINKED: Final = ("ListNode", "TreeNode")
VOID: Final = "void"

INT_MIN: Final = -(2**31)
INT_MAX: Final = 2**31 - 1
LONG_MIN: Final = -(2**63)
LONG_MAX: Final = 2**63 - 1

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_TYPE = re.compile(r"^(?P<base>[A-Za-z]+)(?P<dims>(\[\]){0,2})$")

# Names a generated program cannot use for a parameter, function, method or class: the keywords and
# reserved words of every judged language, and the names the drivers define themselves.
RESERVED: Final = frozenset(
    """
    abstract and as asm assert async auto await base become begin bool boolean box break byte case catch
    char checked class const constexpr continue crate data debugger decimal def default defer deriving
    del delegate delete do double dyn elif else elsif end ensure enum event except explicit export extends
    extern false final finally fixed float fn for foreach friend from func function global go goto if impl
    implements implicit import in infix infixl infixr inline instance int interface internal is lambda let
    long loop macro map match mod module mut namespace native new newtype next nil none nonlocal not null
    object of operator or out override package params pass priv private protected pub public raise range
    readonly redo ref register rescue retry return sbyte sealed select self short signed sizeof stackalloc
    static strictfp string struct super switch synchronized template then this throw throws trait
    transient true try type typedef typename typeof uint ulong undef union unless unsafe unsigned until
    use ushort using var virtual void volatile when where while with yield
    echo print list array callable clone declare die empty enddeclare endfor endforeach endif endswitch
    endwhile eval exit include include_once insteadof isset require require_once unset xor
    main solution listnode treenode algocode
    """.split()  # noqa: SIM905 - one word list is easier to read and extend than a 180-item literal
)


class SignatureError(ValueError):
    """problem.yaml declares a signature that is not in the supported set: the message says what."""


class AnyOrder(StrEnum):
    NO = "false"  # lists compare in order
    OUTER = "true"  # the returned list may be in any order (its elements compare in order)
    DEEP = "deep"  # every list level in any order (e.g. a list of triples, each in any order)


@dataclass(frozen=True, slots=True)
class Type:
    """`base` is a scalar, ListNode, TreeNode or void; `dims` is 0, 1 (`int[]`) or 2 (`int[][]`)."""

    base: str
    dims: int = 0

    @classmethod
    def parse(cls, text: Any, *, allow_void: bool = False) -> Type:
        if not isinstance(text, str):
            raise SignatureError(f"type {text!r}: expected a string like int, int[], string[][], TreeNode")
        match = _TYPE.match(text.strip())
        if match is None:
            raise SignatureError(f"type {text!r}: expected a type like int, int[], string[][], TreeNode")
        base, dims = match["base"], len(match["dims"]) // 2
        if base == VOID:
            if not allow_void or dims:
                raise SignatureError("type 'void' is only allowed as the return type of a design method")
        elif base in LINKED:
            if dims:
                raise SignatureError(f"type {text!r}: arrays of {base} are not supported")
        elif base not in SCALARS:
            known = ", ".join((*SCALARS, *LINKED))
            raise SignatureError(f"type {text!r}: unknown type {base!r} (known: {known}, T[] and T[][])")
        return cls(base, dims)

    @property
    def is_void(self) -> bool:
        return self.base == VOID

    @property
    def element(self) -> Type:
        """The type one array level down (`int[][]` -> `int[]`)."""
        if not self.dims:
            raise ValueError(f"{self} is not an array")
        return Type(self.base, self.dims - 1)

    def __str__(self) -> str:
        return self.base + "[]" * self.dims


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: Type


@dataclass(frozen=True, slots=True)
class Method:
    """A function (the whole problem) or one method of a design class."""

    name: str
    params: tuple[Param, ...]
    returns: Type


@dataclass(frozen=True, slots=True)
class FunctionSignature:
    """`algocode.function`: one function `function.name(params) -> returns`."""

    function: Method
    any_order: AnyOrder = AnyOrder.NO

    @property
    def name(self) -> str:
        return self.function.name

    def to_dict(self) -> dict[str, Any]:
        return {"function": {**_method_dict(self.function), "any_order": _any_order_out(self.any_order)}}


@dataclass(frozen=True, slots=True)
class DesignSignature:
    """`algocode.design`: a class built by `constructor(params)` whose `methods` are called in sequence."""

    class_name: str
    constructor: tuple[Param, ...]
    methods: tuple[Method, ...]

    @property
    def name(self) -> str:
        return self.class_name

    def method(self, name: str) -> Method:
        for method in self.methods:
            if method.name == name:
                return method
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "design": {
                "class": self.class_name,
                "constructor": [_param_dict(p) for p in self.constructor],
                "methods": [_method_dict(m) for m in self.methods],
            }
        }


Signature = FunctionSignature | DesignSignature


def parse_signature(section: Any) -> Signature | None:
    """The signature in problem.yaml's `algocode:` mapping (or what `to_dict()` wrote), or None for a
    stdin problem. Raises SignatureError naming the key that is wrong."""
    if not isinstance(section, dict):
        return None
    has_function, has_design = "function" in section, "design" in section
    if has_function and has_design:
        raise SignatureError("algocode: declare either 'function' or 'design', not both")
    if has_function:
        return _function(section["function"])
    if has_design:
        return _design(section["design"])
    return None


def _function(data: Any) -> FunctionSignature:
    if not isinstance(data, dict):
        raise SignatureError("algocode.function: expected a mapping with name, params and returns")
    _only(data, {"name", "params", "returns", "any_order"}, "algocode.function")
    method = _method(data, "algocode.function", allow_void=False)
    raw = data.get("any_order", False)
    if raw is True or raw == "true":
        any_order = AnyOrder.OUTER
    elif raw is False or raw == "false":
        any_order = AnyOrder.NO
    elif raw == "deep":
        any_order = AnyOrder.DEEP
    else:
        raise SignatureError(f"algocode.function.any_order: {raw!r}: expected false, true or deep")
    if any_order is not AnyOrder.NO and not method.returns.dims and method.returns.base != "ListNode":
        raise SignatureError("algocode.function.any_order: the return type is not a list")
    if any_order is AnyOrder.DEEP and method.returns.dims < 2:
        raise SignatureError("algocode.function.any_order: 'deep' needs a two-dimensional return type")
    return FunctionSignature(method, any_order)


def _design(data: Any) -> DesignSignature:
    where = "algocode.design"
    if not isinstance(data, dict):
        raise SignatureError(f"{where}: expected a mapping with class, constructor and methods")
    _only(data, {"class", "constructor", "methods"}, where)
    class_name = _identifier(data.get("class"), f"{where}.class")
    if not class_name[0].isupper():
        raise SignatureError(f"{where}.class: {class_name!r} must start with an upper-case letter")
    constructor = _params(data.get("constructor", []), f"{where}.constructor")
    raw_methods = data.get("methods")
    if not isinstance(raw_methods, list) or not raw_methods:
        raise SignatureError(f"{where}.methods: expected a non-empty list")
    methods = tuple(_method(m, f"{where}.methods[{i}]", allow_void=True) for i, m in enumerate(raw_methods))
    names = [m.name for m in methods]
    if len(set(names)) != len(names):
        raise SignatureError(f"{where}.methods: method names must be unique (overloads are not supported)")
    if class_name in names:
        raise SignatureError(f"{where}.methods: a method cannot be named like the class")
    return DesignSignature(class_name, constructor, methods)


def _method(data: Any, where: str, *, allow_void: bool) -> Method:
    if not isinstance(data, dict):
        raise SignatureError(f"{where}: expected a mapping with name, params and returns")
    if where.startswith("algocode.design"):
        _only(data, {"name", "params", "returns"}, where)
    name = _identifier(data.get("name"), f"{where}.name")
    if not name[0].islower():
        raise SignatureError(f"{where}.name: {name!r} must start with a lower-case letter")
    params = _params(data.get("params", []), f"{where}.params")
    if "returns" not in data:
        raise SignatureError(f"{where}.returns: missing")
    try:
        returns = Type.parse(data["returns"], allow_void=allow_void)
    except SignatureError as exc:
        raise SignatureError(f"{where}.returns: {exc}") from None
    return Method(name, params, returns)


def _params(data: Any, where: str) -> tuple[Param, ...]:
    if not isinstance(data, list):
        raise SignatureError(f"{where}: expected a list of {{name, type}}")
    params = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise SignatureError(f"{where}[{index}]: expected a mapping {{name, type}}")
        _only(item, {"name", "type"}, f"{where}[{index}]")
        name = _identifier(item.get("name"), f"{where}[{index}].name")
        if not name[0].islower():
            raise SignatureError(f"{where}[{index}].name: {name!r} must start with a lower-case letter")
        try:
            params.append(Param(name, Type.parse(item.get("type"))))
        except SignatureError as exc:
            raise SignatureError(f"{where}[{index}].type: {exc}") from None
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise SignatureError(f"{where}: parameter names must be unique")
    return tuple(params)


def _identifier(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise SignatureError(f"{where}: {value!r} is not an identifier ([A-Za-z_][A-Za-z0-9_]*, at most 64)")
    if value.startswith("_"):
        raise SignatureError(f"{where}: {value!r}: names may not start with '_'")
    if value.lower() in RESERVED or snake_case(value) in RESERVED or value.lower().startswith("algocode"):
        raise SignatureError(f"{where}: {value!r} is a reserved word in one of the judged languages")
    return value


def _only(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise SignatureError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}")


def _param_dict(param: Param) -> dict[str, str]:
    return {"name": param.name, "type": str(param.type)}


def _method_dict(method: Method) -> dict[str, Any]:
    return {
        "name": method.name,
        "params": [_param_dict(p) for p in method.params],
        "returns": str(method.returns),
    }


def _any_order_out(value: AnyOrder) -> bool | str:
    shown: dict[AnyOrder, bool | str] = {AnyOrder.NO: False, AnyOrder.OUTER: True, AnyOrder.DEEP: "deep"}
    return shown[value]


def snake_case(name: str) -> str:
    """`twoSum` -> `two_sum`, `LRUCache` -> `lru_cache`, `startsWith` -> `starts_with`."""
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return text.lower()


def pascal_case(name: str) -> str:
    """`twoSum` -> `TwoSum` (C# method names)."""
    return name[:1].upper() + name[1:]
