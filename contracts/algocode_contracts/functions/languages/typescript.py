"""TypeScript (tsc, then Node.js): LeetCode's stub (`function twoSum(nums: number[], target: number):
number[] {...}`; design problems as a class) and the JavaScript driver (`_node.py`), which type-checks as
TypeScript with the judge's `--strict false`.

Types: int, long and double are `number` (a long above 2^53 loses precision, as on LeetCode); char is a
one-character `string`; ListNode and TreeNode are LeetCode's classes, declared by the program after the
user's code (TypeScript allows using a class inside functions before its declaration). The program ends
with `export {}`: a module, so the user's top-level names (a function `name`, `length` or `top`, a class
`Text` or `Range`) shadow lib.dom's globals instead of clashing with them. (tsc then starts main.js with
two lines of its own: a runtime stack trace's line numbers are main.js's, as for any TypeScript program;
compile errors name the user's lines.)
"""

from __future__ import annotations

from algocode_contracts.functions.languages import _node
from algocode_contracts.functions.languages.common import node_definitions, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type

LIST_NODE = """class ListNode {
    val: number
    next: ListNode | null
    constructor(val?: number, next?: ListNode | null) {
        this.val = (val===undefined ? 0 : val)
        this.next = (next===undefined ? null : next)
    }
}"""

TREE_NODE = """class TreeNode {
    val: number
    left: TreeNode | null
    right: TreeNode | null
    constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
        this.val = (val===undefined ? 0 : val)
        this.left = (left===undefined ? null : left)
        this.right = (right===undefined ? null : right)
    }
}"""

_SCALARS = {
    "int": "number",
    "long": "number",
    "double": "number",
    "bool": "boolean",
    "string": "string",
    "char": "string",
    "void": "void",
}


def ts_type(t: Type) -> str:
    if t.base in ("ListNode", "TreeNode"):
        return f"{t.base} | null"
    return _SCALARS[t.base] + "[]" * t.dims


def _params(params: tuple[Param, ...]) -> str:
    return ", ".join(f"{p.name}: {ts_type(p.type)}" for p in params)


def _body(returns: Type, indent: str) -> str:
    return "\n" if returns.is_void else f"{indent}    return {_node.default_value(returns)};\n"


def _definitions(signature: Signature) -> str:
    return node_definitions(signature, LIST_NODE, TREE_NODE, after="\n")


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        out += f"class {cls} {{\n    constructor({_params(signature.constructor)}) {{\n\n    }}\n"
        for method in signature.methods:
            out += f"\n    {method.name}({_params(method.params)}): {ts_type(method.returns)} {{\n"
            out += _body(method.returns, "    ") + "    }\n"
        out += "}\n"
        example = ", ".join(p.name for p in signature.constructor)
        out += f"\n/**\n * Your {cls} object will be instantiated and called as such:\n"
        out += f" * var obj = new {cls}({example})\n"
        for method in signature.methods:
            call = f"obj.{method.name}({', '.join(p.name for p in method.params)})"
            out += f" * {call}\n" if method.returns.is_void else f" * var param = {call}\n"
        return out + " */\n"
    f = signature.function
    out += f"function {f.name}({_params(f.params)}): {ts_type(f.returns)} {{\n{_body(f.returns, '')}}};\n"
    return out


def program(signature: Signature, source: str) -> str:
    nodes = ""
    if uses(signature, "ListNode"):
        nodes += LIST_NODE + "\n"
    if uses(signature, "TreeNode"):
        nodes += TREE_NODE + "\n"
    return _node.wrap(signature, source, nodes) + "export {};\n"
