"""PHP: LeetCode's stub (`class Solution { function twoSum($nums, $target) {...} }` with doc comments;
design problems as a class with `__construct`) and the driver.

The program opens with `<?php ` and an output buffer on the user's FIRST line (or right after the user's
own `<?php`), so the lines keep their numbers and everything the user's code prints (echo, print,
printf, var_dump...) goes to stderr through that buffer, which the user's code cannot remove. The
results are written with `fwrite(STDOUT, ...)`, which no output buffer touches. After the user's code:
ListNode/TreeNode (LeetCode's, when used and not already declared) and the driver.

Returned values are checked against the declared type: int for int (in range) and long, float or int
for double, bool, a one-byte ASCII string for char, arrays (their values in order), null or node objects
for ListNode/TreeNode (no cycles); anything else is written as `!`.
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import (
    Call,
    calls,
    first_line_split,
    node_definitions,
    uses,
)
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type

LIST_NODE = """class ListNode {
    public $val = 0;
    public $next = null;
    function __construct($val = 0, $next = null) {
        $this->val = $val;
        $this->next = $next;
    }
}"""

TREE_NODE = """class TreeNode {
    public $val = null;
    public $left = null;
    public $right = null;
    function __construct($val = 0, $left = null, $right = null) {
        $this->val = $val;
        $this->left = $left;
        $this->right = $right;
    }
}"""

PREFIX = (
    "<?php ob_start(function ($s) { fwrite(STDERR, $s); return ''; }, 1, "
    "PHP_OUTPUT_HANDLER_CLEANABLE | PHP_OUTPUT_HANDLER_FLUSHABLE); "
)

_DOC = {
    "int": "Integer",
    "long": "Integer",
    "double": "Float",
    "bool": "Boolean",
    "string": "String",
    "char": "String",
    "ListNode": "ListNode",
    "TreeNode": "TreeNode",
    "void": "NULL",
}
_DEFAULTS = {"int": "0", "long": "0", "double": "0.0", "bool": "false", "string": '""', "char": '"\\0"'}

_RUNTIME = r"""
final class AlgocodeWrong extends Exception {}

final class AlgocodeDriver {
    static $b = '';
    static $p = 0;

    static function token() {
        self::$p += strspn(self::$b, " \t\r\n", self::$p);
        $n = strcspn(self::$b, " \t\r\n", self::$p);
        if ($n === 0) throw new RuntimeException('algocode driver: the input ended early');
        $t = substr(self::$b, self::$p, $n);
        self::$p += $n;
        return $t;
    }

    static function read($base, $dims) {
        if ($dims > 0) {
            $a = [];
            for ($n = (int)self::token(); $n > 0; $n--) $a[] = self::read($base, $dims - 1);
            return $a;
        }
        switch ($base) {
            case 'int': case 'long': return (int)self::token();
            case 'double': return (float)self::token();
            case 'bool': return self::token() === '1';
            case 'char': return chr((int)self::token());
            case 'string':
                $n = (int)self::token();
                $s = (string)substr(self::$b, self::$p + 1, $n);
                self::$p += 1 + $n;
                return $s;
            case 'ListNode':
                $head = null;
                $tail = null;
                for ($n = (int)self::token(); $n > 0; $n--) {
                    $node = new ListNode((int)self::token(), null);
                    if ($tail === null) $head = $node; else $tail->next = $node;
                    $tail = $node;
                }
                return $head;
            case 'TreeNode':
                $n = (int)self::token();
                if ($n === 0) return null;
                $values = [];
                for ($i = 0; $i < $n; $i++) { $t = self::token(); $values[] = $t === '#' ? null : (int)$t; }
                $root = new TreeNode($values[0], null, null);
                $queue = new SplQueue();
                $queue->enqueue($root);
                for ($i = 1; $i < $n; ) {
                    $parent = $queue->dequeue();
                    if ($values[$i] !== null) {
                        $parent->left = new TreeNode($values[$i], null, null);
                        $queue->enqueue($parent->left);
                    }
                    $i++;
                    if ($i < $n && $values[$i] !== null) {
                        $parent->right = new TreeNode($values[$i], null, null);
                        $queue->enqueue($parent->right);
                    }
                    $i++;
                }
                return $root;
        }
        throw new RuntimeException("algocode driver: unknown type $base");
    }

    static function int($v) {
        if (!is_int($v) || $v < -2147483648 || $v > 2147483647) throw new AlgocodeWrong();
        return (string)$v;
    }

    static function node($v) {
        if (!is_object($v)) throw new AlgocodeWrong();
        return self::int(isset($v->val) ? $v->val : null);
    }

    static function put($base, $dims, $v, &$out) {
        if ($dims > 0) {
            if (!is_array($v)) throw new AlgocodeWrong();
            $out[] = (string)count($v);
            foreach ($v as $x) self::put($base, $dims - 1, $x, $out);
            return;
        }
        switch ($base) {
            case 'int': $out[] = self::int($v); return;
            case 'long':
                if (!is_int($v)) throw new AlgocodeWrong();
                $out[] = (string)$v;
                return;
            case 'double':
                if (!is_float($v) && !is_int($v)) throw new AlgocodeWrong();
                $out[] = var_export((float)$v, true);
                return;
            case 'bool':
                if (!is_bool($v)) throw new AlgocodeWrong();
                $out[] = $v ? '1' : '0';
                return;
            case 'char':
                if (!is_string($v) || strlen($v) !== 1 || ord($v) > 127) throw new AlgocodeWrong();
                $out[] = (string)ord($v);
                return;
            case 'string':
                if (!is_string($v)) throw new AlgocodeWrong();
                $out[] = strlen($v) . ' ' . $v;
                return;
            case 'ListNode':
                $items = [];
                $seen = [];
                for ($node = $v; $node !== null; $node = isset($node->next) ? $node->next : null) {
                    $items[] = self::node($node);
                    $id = spl_object_id($node);
                    if (isset($seen[$id])) throw new AlgocodeWrong();  // a cycle
                    $seen[$id] = true;
                }
                $out[] = (string)count($items);
                foreach ($items as $item) $out[] = $item;
                return;
            case 'TreeNode':
                $items = [];
                $seen = [];
                $queue = $v === null ? [] : [$v];
                for ($i = 0; $i < count($queue); $i++) {
                    $node = $queue[$i];
                    if ($node === null) { $items[] = '#'; continue; }
                    $items[] = self::node($node);
                    $id = spl_object_id($node);
                    if (isset($seen[$id])) throw new AlgocodeWrong();  // not a tree
                    $seen[$id] = true;
                    $queue[] = isset($node->left) ? $node->left : null;
                    $queue[] = isset($node->right) ? $node->right : null;
                }
                while ($items && end($items) === '#') array_pop($items);
                $out[] = (string)count($items);
                foreach ($items as $item) $out[] = $item;
                return;
        }
        throw new RuntimeException("algocode driver: unknown type $base");
    }

    static function emit($base, $dims, $v) {
        $out = [];
        try {
            self::put($base, $dims, $v, $out);
        } catch (AlgocodeWrong $e) {
            return '!';
        }
        return implode(' ', $out);
    }
"""


def doc_type(t: Type) -> str:
    return _DOC[t.base] + "[]" * t.dims


def _default(t: Type) -> str:
    if t.dims:
        return "[]"
    if t.base in ("ListNode", "TreeNode"):
        return "null"
    return _DEFAULTS[t.base]


def _doc(params: tuple[Param, ...], returns: Type | None) -> str:
    lines = ["    /**"]
    lines += [f"     * @param {doc_type(p.type)} ${p.name}" for p in params]
    if returns is not None:
        lines.append(f"     * @return {doc_type(returns)}")
    lines.append("     */")
    return "\n".join(lines) + "\n"


def _args(params: tuple[Param, ...]) -> str:
    return ", ".join(f"${p.name}" for p in params)


def _method(name: str, params: tuple[Param, ...], returns: Type | None) -> str:
    body = "\n" if returns is None or returns.is_void else f"        return {_default(returns)};\n"
    doc_returns = None if returns is None or returns.is_void else returns
    return _doc(params, doc_returns) + f"    function {name}({_args(params)}) {{\n{body}    }}\n"


def _definitions(signature: Signature) -> str:
    title = "Definition for a singly-linked list."
    return node_definitions(signature, LIST_NODE, TREE_NODE, list_title=title)


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        out += f"class {cls} {{\n" + _method("__construct", signature.constructor, None)
        for method in signature.methods:
            out += "\n" + _method(method.name, method.params, method.returns)
        out += "}\n"
        out += f"\n/**\n * Your {cls} object will be instantiated and called as such:\n"
        out += f" * $obj = {cls}({_args(signature.constructor)});\n"
        for number, method in enumerate(signature.methods, 1):
            call = f"$obj->{method.name}({_args(method.params)});"
            out += f" * {call}\n" if method.returns.is_void else f" * $ret_{number} = {call}\n"
        return out + " */\n"
    f = signature.function
    return out + "class Solution {\n\n" + _method(f.name, f.params, f.returns) + "}\n"


def _read(t: Type) -> str:
    return f"self::read('{t.base}', {t.dims})"


def _call(call: Call, target: str, indent: str) -> list[str]:
    lines = [f"{indent}$a{i} = {_read(p.type)};" for i, p in enumerate(call.params)]
    args = ", ".join(f"$a{i}" for i in range(len(call.params)))
    assert call.returns is not None
    if call.returns.is_void:
        lines.append(f"{indent}{target}({args});")
        lines.append(f"{indent}$lines[] = '-';")
    else:
        lines.append(
            f"{indent}$lines[] = self::emit('{call.returns.base}', {call.returns.dims}, {target}({args}));"
        )
    return lines


def _main(signature: Signature) -> str:
    lines = [
        "    static function main() {",
        "        self::$b = stream_get_contents(STDIN);",
        "        $lines = [];",
    ]
    if isinstance(signature, DesignSignature):
        constructor, *methods = calls(signature)
        lines.append("        $count = (int)self::token();")
        lines.append("        self::token();  // 0: the constructor")
        lines += [f"        $c{i} = {_read(p.type)};" for i, p in enumerate(constructor.params)]
        args = ", ".join(f"$c{i}" for i in range(len(constructor.params)))
        lines.append(f"        $obj = new {signature.class_name}({args});")
        lines.append("        $lines[] = '-';")
        lines.append("        for ($c = 1; $c < $count; $c++) {")
        lines.append("            switch ((int)self::token()) {")
        for method in methods:
            lines.append(f"                case {method.index}:")
            lines += _call(method, f"$obj->{method.name}", " " * 20)
            lines.append("                    break;")
        lines.append("                default: throw new RuntimeException('algocode driver: unknown call');")
        lines.append("            }")
        lines.append("        }")
    else:
        (call,) = calls(signature)
        lines += _call(call, f"(new Solution())->{call.name}", " " * 8)
    lines.append('        fwrite(STDOUT, implode("\\n", $lines) . "\\n");')
    lines.append("        fflush(STDOUT);")
    lines.append("    }")
    lines.append("}")
    lines.append("")
    lines.append("ini_set('serialize_precision', '-1');")
    lines.append("AlgocodeDriver::main();")
    return "\n".join(lines) + "\n"


def _open(source: str) -> str:
    """The user's code with the prefix on its first line (after its own `<?php` if it has one)."""
    stripped = source.lstrip("\ufeff")
    if stripped.startswith("<?php"):
        return PREFIX + stripped[len("<?php") :]
    head, rest = first_line_split(source)
    return PREFIX + head + rest


def program(signature: Signature, source: str) -> str:
    parts = [_open(source)]
    if not source.endswith("\n"):
        parts.append("\n")
    if source.rstrip().endswith("?>"):
        parts.append("<?php\n")  # the user's code left PHP mode: the driver is PHP again
    parts.append("\n// The judge's driver (not part of the submission).\n")
    if uses(signature, "ListNode"):
        parts.append("if (!class_exists('ListNode', false)) {\n" + LIST_NODE + "\n}\n")
    if uses(signature, "TreeNode"):
        parts.append("if (!class_exists('TreeNode', false)) {\n" + TREE_NODE + "\n}\n")
    parts += [_RUNTIME, "\n", _main(signature)]
    return "".join(parts)
