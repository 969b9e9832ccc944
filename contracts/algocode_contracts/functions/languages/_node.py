"""The driver JavaScript and TypeScript share (both run on Node.js): it is written so that it type-checks
as TypeScript with `--strict false` (everything is `any`) and runs unchanged as JavaScript.

Layout of the generated program: the user's first line gets a prefix that keeps the results channel
(`process.stdout.write` as it was) and sends every later stdout write of the user's to stderr; the user's
code follows unchanged (its line numbers are the program's); then ListNode/TreeNode when the signature
uses them, then the driver in one function scope. The driver reads all of stdin (the wire format of
`algocode_contracts.functions.codec`), calls the user's code and writes the results at the end.

Returned values are checked against the declared type: a value that does not fit (a float for `int`,
undefined, a string of two characters for `char`, a cyclic list) is written as `!`.
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import calls, first_line_split, uses
from algocode_contracts.functions.signature import DesignSignature, Signature, Type

# Everything the user's program prints goes to stderr; the driver writes with OUT.
OUT = "__algocodeOut"
PREFIX = (
    f"const {OUT} = process.stdout.write.bind(process.stdout); "
    "process.stdout.write = function () { return process.stderr.write.apply(process.stderr, arguments); }; "
)

_READ = r"""
  const algocodeBuf = require('fs').readFileSync(0);
  let algocodePos = 0;
  const WRONG = { wrong: true };
  function token() {
    const b = algocodeBuf;
    const space = (c) => c === 32 || c === 10 || c === 13 || c === 9;
    while (algocodePos < b.length && space(b[algocodePos])) algocodePos++;
    const start = algocodePos;
    while (algocodePos < b.length && !space(b[algocodePos])) algocodePos++;
    if (start === algocodePos) throw new Error('algocode driver: the input ended early');
    return b.toString('latin1', start, algocodePos);
  }
  function read(base, dims) {
    if (dims > 0) {
      const n = Number(token());
      const a = new Array(n);
      for (let i = 0; i < n; i++) a[i] = read(base, dims - 1);
      return a;
    }
    switch (base) {
      case 'int': case 'long': case 'double': return Number(token());
      case 'bool': return token() === '1';
      case 'char': return String.fromCharCode(Number(token()));
      case 'string': {
        const n = Number(token());
        const start = algocodePos + 1;
        algocodePos = start + n;
        return algocodeBuf.toString('utf8', start, start + n);
      }
      case 'ListNode': return readList();
      case 'TreeNode': return readTree();
    }
    throw new Error('algocode driver: unknown type ' + base);
  }
  function checkInt(v, low, high) {
    if (typeof v === 'bigint') {
      if (v < BigInt(low) || v > BigInt(high)) throw WRONG;
      return v.toString();
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < low || v > high) throw WRONG;
    if (Object.is(v, -0)) return '0';
    return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  }
  function put(base, dims, v, out) {
    if (dims > 0) {
      if (!Array.isArray(v)) throw WRONG;
      out.push(String(v.length));
      for (let i = 0; i < v.length; i++) put(base, dims - 1, v[i], out);
      return;
    }
    switch (base) {
      case 'int': out.push(checkInt(v, -2147483648, 2147483647)); return;
      case 'long': out.push(checkInt(v, '-9223372036854775808', '9223372036854775807')); return;
      case 'double': if (typeof v !== 'number') throw WRONG; out.push(String(v)); return;
      case 'bool': if (typeof v !== 'boolean') throw WRONG; out.push(v ? '1' : '0'); return;
      case 'char':
        if (typeof v !== 'string' || v.length !== 1 || v.charCodeAt(0) > 127) throw WRONG;
        out.push(String(v.charCodeAt(0)));
        return;
      case 'string':
        if (typeof v !== 'string') throw WRONG;
        out.push(Buffer.byteLength(v, 'utf8') + ' ' + v);
        return;
      case 'ListNode': {
        if (v === null) { out.push('0'); return; }
        const items = [];
        const seen = new Set();
        for (let node = v; node !== null; node = (node.next === undefined ? null : node.next)) {
          if (typeof node !== 'object' || seen.has(node)) throw WRONG;  // not a node, or a cycle
          seen.add(node);
          items.push(checkInt(node.val, -2147483648, 2147483647));
        }
        out.push(String(items.length));
        for (let i = 0; i < items.length; i++) out.push(items[i]);
        return;
      }
      case 'TreeNode': {
        if (v === null) { out.push('0'); return; }
        const items = [];
        const queue = [v];
        const seen = new Set();
        for (let i = 0; i < queue.length; i++) {
          const node = queue[i];
          if (node === null || node === undefined) { items.push('#'); continue; }
          if (typeof node !== 'object' || seen.has(node)) throw WRONG;  // not a node, or not a tree
          seen.add(node);
          items.push(checkInt(node.val, -2147483648, 2147483647));
          queue.push(node.left === undefined ? null : node.left);
          queue.push(node.right === undefined ? null : node.right);
        }
        while (items.length && items[items.length - 1] === '#') items.pop();
        out.push(String(items.length));
        for (let i = 0; i < items.length; i++) out.push(items[i]);
        return;
      }
    }
    throw new Error('algocode driver: unknown type ' + base);
  }
  function emit(base, dims, v) {
    const out = [];
    try {
      put(base, dims, v, out);
    } catch (e) {
      if (e === WRONG) return '!';
      throw e;
    }
    return out.join(' ');
  }
"""

_READ_LIST = r"""
  function readList() {
    const n = Number(token());
    let head = null, tail = null;
    for (let i = 0; i < n; i++) {
      const node = new ListNode(Number(token()), null);
      if (tail === null) head = node; else tail.next = node;
      tail = node;
    }
    return head;
  }
"""

_READ_TREE = r"""
  function readTree() {
    const n = Number(token());
    if (n === 0) return null;
    const values = [];
    for (let i = 0; i < n; i++) { const t = token(); values.push(t === '#' ? null : Number(t)); }
    const root = new TreeNode(values[0], null, null);
    const queue = [root];
    let head = 0;
    for (let i = 1; i < n; ) {
      const node = queue[head++];
      if (values[i] !== null) queue.push(node.left = new TreeNode(values[i], null, null));
      i++;
      if (i < n && values[i] !== null) queue.push(node.right = new TreeNode(values[i], null, null));
      i++;
    }
    return root;
  }
"""

_NO_LIST = "\n  function readList() { return null; }\n"
_NO_TREE = "\n  function readTree() { return null; }\n"


def _args(params: tuple, prefix: str = "a") -> tuple[list[str], str]:
    reads = [f"const {prefix}{i} = read('{p.type.base}', {p.type.dims});" for i, p in enumerate(params)]
    return reads, ", ".join(f"{prefix}{i}" for i in range(len(params)))


def _emit(returns: Type, call: str) -> str:
    if returns.is_void:
        return f"{call}; lines.push('-');"
    return f"lines.push(emit('{returns.base}', {returns.dims}, {call}));"


def driver(signature: Signature) -> str:
    """The code after the user's: node classes (when used) and the driver, scoped in one function."""
    body: list[str] = []
    if isinstance(signature, DesignSignature):
        body.append("  const count = Number(token());")
        body.append("  let obj = null;")
        body.append("  for (let c = 0; c < count; c++) {")
        body.append("    switch (Number(token())) {")
        for call in calls(signature):
            reads, args = _args(call.params)
            body.append(f"      case {call.index}: {{")
            body += [f"        {r}" for r in reads]
            if call.returns is None:  # the constructor
                body.append(f"        obj = new {call.name}({args}); lines.push('-');")
            else:
                body.append("        " + _emit(call.returns, f"obj.{call.name}({args})"))
            body.append("        break;")
            body.append("      }")
        body.append("      default: throw new Error('algocode driver: unknown call');")
        body.append("    }")
        body.append("  }")
    else:
        (call,) = calls(signature)
        reads, args = _args(call.params)
        body += [f"  {r}" for r in reads]
        assert call.returns is not None
        body.append("  " + _emit(call.returns, f"{call.name}({args})"))
    parts = ["\n;(function () {", _READ]
    parts.append(_READ_LIST if uses(signature, "ListNode") else _NO_LIST)
    parts.append(_READ_TREE if uses(signature, "TreeNode") else _NO_TREE)
    parts.append("  const lines = [];\n")
    parts.append("\n".join(body))
    parts.append(f"\n  {OUT}(lines.join('\\n') + '\\n');\n}})();\n")
    return "".join(parts)


def wrap(signature: Signature, source: str, nodes: str) -> str:
    """The one program: prefix + the user's code (lines unchanged) + node classes + driver."""
    head, rest = first_line_split(source)
    if not rest.endswith("\n"):
        rest += "\n"
    return PREFIX + head + rest + nodes + driver(signature)


def default_value(t: Type) -> str:
    """What a stub returns: the declared type's zero."""
    if t.dims:
        return "[]"
    return {
        "int": "0",
        "long": "0",
        "double": "0",
        "bool": "false",
        "string": '""',
        "char": '"\\0"',
        "ListNode": "null",
        "TreeNode": "null",
    }[t.base]
