"""Function-style problems (LeetCode's): the signature in problem.yaml, the host<->driver wire format,
and (per language) the stub users start from and the driver that wraps their code.

See docs/problem-format.md ("Function-style problems") and the modules' docstrings.
"""

from algocode_contracts.functions.codec import (
    DecodeError,
    InputError,
    WrongTypeError,
    decode_output,
    dumps,
    encode_input,
    parse_input,
)
from algocode_contracts.functions.signature import (
    AnyOrder,
    DesignSignature,
    FunctionSignature,
    Method,
    Param,
    Signature,
    SignatureError,
    Type,
    parse_signature,
    pascal_case,
    snake_case,
)

__all__ = [
    "AnyOrder",
    "DecodeError",
    "DesignSignature",
    "FunctionSignature",
    "InputError",
    "Method",
    "Param",
    "Signature",
    "SignatureError",
    "Type",
    "WrongTypeError",
    "decode_output",
    "dumps",
    "encode_input",
    "parse_input",
    "parse_signature",
    "pascal_case",
    "snake_case",
]
