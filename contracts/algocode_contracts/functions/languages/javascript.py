"""JavaScript (Node.js): LeetCode's stub (`var twoSum = function(nums, target) {...};` with JSDoc; design
classes in prototype style) and the driver (`_node.py`, shared with TypeScript).

Types: int, long and double are `number` (a long above 2^53 loses precision, as on LeetCode; a BigInt
returned for a long is written exactly); char is a one-character string; arrays are arrays; ListNode and
TreeNode are LeetCode's constructor functions, defined by the program (hoisted: usable anywhere).
"""

from __future__ import annotations

from algocode_contracts.functions.languages import _node
from algocode_contracts.functions.languages.common import node_definitions, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type

LIST_NODE = """function ListNode(val, next) {
    this.val = (val===undefined ? 0 : val)
    this.next = (next===undefined ? null : next)
}"""

TREE_NODE = """function TreeNode(val, left, right) {
    this.val = (val===undefined ? 0 : val)
    this.left = (left===undefined ? null : left)
    this.right = (right===undefined ? null : right)
}"""

_SCALARS = {
    "int": "number",
    "long": "number",
    "double": "number",
    "bool": "boolean",
    "string": "string",
    "char": "character",
    "ListNode": "ListNode",
    "TreeNode": "TreeNode",
    "void": "void",
}


def jsdoc_type(t: Type) -> str:
    return _SCALARS[t.base] + "[]" * t.dims


def _doc(params: tuple[Param, ...], returns: Type | None) -> str:
    lines = ["/**"]
    lines += [f" * @param {{{jsdoc_type(p.type)}}} {p.name}" for p in params]
    if returns is not None:
        lines.append(f" * @return {{{jsdoc_type(returns)}}}")
    lines.append(" */")
    return "\n".join(lines)


def _definitions(signature: Signature) -> str:
    return node_definitions(signature, LIST_NODE, TREE_NODE)


def _body(returns: Type) -> str:
    return "\n" if returns.is_void else f"    return {_node.default_value(returns)};\n"


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        ctor = ", ".join(p.name for p in signature.constructor)
        out += _doc(signature.constructor, None) + f"\nvar {cls} = function({ctor}) {{\n\n}};\n"
        for method in signature.methods:
            args = ", ".join(p.name for p in method.params)
            out += "\n" + _doc(method.params, method.returns)
            out += f"\n{cls}.prototype.{method.name} = function({args}) {{\n{_body(method.returns)}}};\n"
        example = ", ".join(p.name for p in signature.constructor)
        out += f"\n/**\n * Your {cls} object will be instantiated and called as such:\n"
        out += f" * var obj = new {cls}({example})\n"
        for method in signature.methods:
            call = f"obj.{method.name}({', '.join(p.name for p in method.params)})"
            out += f" * {call}\n" if method.returns.is_void else f" * var param = {call}\n"
        return out + " */\n"
    f = signature.function
    args = ", ".join(p.name for p in f.params)
    return out + _doc(f.params, f.returns) + f"\nvar {f.name} = function({args}) {{\n{_body(f.returns)}}};\n"


def program(signature: Signature, source: str) -> str:
    nodes = ""
    if uses(signature, "ListNode"):
        nodes += LIST_NODE + "\n"
    if uses(signature, "TreeNode"):
        nodes += TREE_NODE + "\n"
    return _node.wrap(signature, source, nodes)
