"""C# (Mono): LeetCode's stub (`public class Solution { public int[] TwoSum(int[] nums, int target)
{...} }`; design problems as a class with a constructor and PascalCase methods) and the driver.

The program is: LeetCode's implicit usings (System, System.Collections.Generic, System.Linq, System.Text;
a user's own `using System;` again is only a warning), `#line 1 "Solution.cs"`, the user's code (errors
name its lines), `#line 1 "Driver.cs"`, ListNode/TreeNode (LeetCode's, when the signature uses them)
and the driver class with `Main`. The driver keeps the real stdout as a raw stream for the results and
calls `Console.SetOut(Console.Error)` before the user's code runs.

Types: int, long, double, bool, string, char, arrays `T[]` and jagged `T[][]`, ListNode (`val`, `next`)
and TreeNode (`val`, `left`, `right`). A null string or array, a cyclic list or a "tree" reaching a node
twice is reported as a value of the wrong type.
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import Call, calls, node_definitions, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type, pascal_case

LIST_NODE = """public class ListNode {
    public int val;
    public ListNode next;
    public ListNode(int val=0, ListNode next=null) {
        this.val = val;
        this.next = next;
    }
}"""

TREE_NODE = """public class TreeNode {
    public int val;
    public TreeNode left;
    public TreeNode right;
    public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}"""

USINGS = "using System; using System.Collections.Generic; using System.Linq; using System.Text;\n"

_NAMES = {
    "int": "Int",
    "long": "Long",
    "double": "Double",
    "bool": "Bool",
    "string": "String",
    "char": "Char",
}
_DEFAULTS = {"int": "0", "long": "0", "double": "0.0", "bool": "false", "string": '""', "char": "'\\0'"}

_RUNTIME = r"""
static class AlgocodeDriver {
    static byte[] buf;
    static int pos;
    static global::System.IO.MemoryStream output = new global::System.IO.MemoryStream();
    static readonly global::System.Text.UTF8Encoding utf8 = new global::System.Text.UTF8Encoding(false);
    static readonly global::System.Globalization.CultureInfo invariant =
        global::System.Globalization.CultureInfo.InvariantCulture;

    sealed class Same : global::System.Collections.Generic.IEqualityComparer<object> {
        bool global::System.Collections.Generic.IEqualityComparer<object>.Equals(object a, object b) {
            return object.ReferenceEquals(a, b);
        }
        public int GetHashCode(object o) {
            return global::System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(o);
        }
    }

    static bool Space(byte c) { return c == 32 || c == 10 || c == 13 || c == 9; }

    static string Token() {
        while (pos < buf.Length && Space(buf[pos])) pos++;
        int start = pos;
        while (pos < buf.Length && !Space(buf[pos])) pos++;
        if (start == pos) throw new global::System.Exception("algocode driver: the input ended early");
        return global::System.Text.Encoding.ASCII.GetString(buf, start, pos - start);
    }

    static int ReadInt() { return int.Parse(Token(), invariant); }
    static long ReadLong() { return long.Parse(Token(), invariant); }
    static double ReadDouble() {
        return double.Parse(Token(), global::System.Globalization.NumberStyles.Float, invariant);
    }
    static bool ReadBool() { return Token() == "1"; }
    static char ReadChar() { return (char)ReadInt(); }
    static string ReadString() {
        int n = ReadInt();
        int start = pos + 1;
        pos = start + n;
        return utf8.GetString(buf, start, n);
    }
    static T[] ReadArray<T>(global::System.Func<T> read) {
        var a = new T[ReadInt()];
        for (int i = 0; i < a.Length; i++) a[i] = read();
        return a;
    }

    static void Raw(byte[] data) { output.Write(data, 0, data.Length); }
    static void Tok(string s) { Raw(utf8.GetBytes(s)); output.WriteByte(32); }
    static void Line() { output.WriteByte(10); }
    static void WriteInt(int v) { Tok(v.ToString(invariant)); }
    static void WriteLong(long v) { Tok(v.ToString(invariant)); }
    static void WriteDouble(double v) { Tok(v.ToString("R", invariant)); }
    static void WriteBool(bool v) { Tok(v ? "1" : "0"); }
    static void WriteChar(char v) { Tok(((int)v).ToString(invariant)); }
    static void WriteString(string v) {
        if (v == null) { Tok("!"); return; }
        byte[] data = utf8.GetBytes(v);
        Tok(data.Length.ToString(invariant));
        Raw(data);
        output.WriteByte(32);
    }
    static void WriteArray<T>(T[] v, global::System.Action<T> write) {
        if (v == null) { Tok("!"); return; }
        WriteInt(v.Length);
        foreach (T x in v) write(x);
    }
    static void Items(global::System.Collections.Generic.List<string> items) {
        if (items == null) { Tok("!"); return; }
        WriteInt(items.Count);
        foreach (string s in items) Tok(s);
    }
"""

_LIST = r"""
    static ListNode ReadList() {
        ListNode head = null, tail = null;
        for (int n = ReadInt(); n > 0; n--) {
            var node = new ListNode(ReadInt());
            if (tail == null) head = node; else tail.next = node;
            tail = node;
        }
        return head;
    }
    static void WriteList(ListNode v) {
        var items = new global::System.Collections.Generic.List<string>();
        var seen = new global::System.Collections.Generic.HashSet<object>(new Same());
        for (; v != null; v = v.next) {
            if (!seen.Add(v)) { Items(null); return; }  // a cycle
            items.Add(v.val.ToString(invariant));
        }
        Items(items);
    }
"""

_TREE = r"""
    static TreeNode ReadTree() {
        int n = ReadInt();
        if (n == 0) return null;
        var values = new string[n];
        for (int i = 0; i < n; i++) values[i] = Token();
        var root = new TreeNode(int.Parse(values[0], invariant));
        var queue = new global::System.Collections.Generic.Queue<TreeNode>();
        queue.Enqueue(root);
        for (int i = 1; i < n; ) {
            var parent = queue.Dequeue();
            if (values[i] != "#") {
                parent.left = new TreeNode(int.Parse(values[i], invariant));
                queue.Enqueue(parent.left);
            }
            i++;
            if (i < n && values[i] != "#") {
                parent.right = new TreeNode(int.Parse(values[i], invariant));
                queue.Enqueue(parent.right);
            }
            i++;
        }
        return root;
    }
    static void WriteTree(TreeNode v) {
        var items = new global::System.Collections.Generic.List<string>();
        var seen = new global::System.Collections.Generic.HashSet<object>(new Same());
        var queue = new global::System.Collections.Generic.Queue<TreeNode>();
        if (v != null) queue.Enqueue(v);
        while (queue.Count > 0) {
            var node = queue.Dequeue();
            if (node == null) { items.Add("#"); continue; }
            if (!seen.Add(node)) { Items(null); return; }  // not a tree
            items.Add(node.val.ToString(invariant));
            queue.Enqueue(node.left);
            queue.Enqueue(node.right);
        }
        while (items.Count > 0 && items[items.Count - 1] == "#") items.RemoveAt(items.Count - 1);
        Items(items);
    }
"""


def cs_type(t: Type) -> str:
    if t.base in ("ListNode", "TreeNode"):
        return t.base
    return t.base + "[]" * t.dims


def _default(t: Type) -> str:
    if t.base in ("ListNode", "TreeNode"):
        return "null"
    if t.dims:
        return f"new {t.base}[0]" + "[]" * (t.dims - 1)
    return _DEFAULTS[t.base]


def _reader(t: Type) -> str:
    """A C# expression of type Func<T> reading one `t`."""
    if t.base in ("ListNode", "TreeNode"):
        return "ReadList" if t.base == "ListNode" else "ReadTree"
    if not t.dims:
        return f"Read{_NAMES[t.base]}"
    return f"() => ReadArray<{cs_type(t.element)}>({_reader(t.element)})"


def _writer(t: Type) -> str:
    """A C# expression of type Action<T> writing one `t`."""
    if t.base in ("ListNode", "TreeNode"):
        return "WriteList" if t.base == "ListNode" else "WriteTree"
    if not t.dims:
        return f"Write{_NAMES[t.base]}"
    return f"x => WriteArray<{cs_type(t.element)}>(x, {_writer(t.element)})"


def _read(t: Type) -> str:
    """An expression reading one `t` now."""
    if t.dims:
        return f"ReadArray<{cs_type(t.element)}>({_reader(t.element)})"
    return _reader(t) + "()"


def _write(t: Type, value: str) -> str:
    if t.dims:
        return f"WriteArray<{cs_type(t.element)}>({value}, {_writer(t.element)});"
    return f"{_writer(t)}({value});"


def _params(params: tuple[Param, ...]) -> str:
    return ", ".join(f"{cs_type(p.type)} {p.name}" for p in params)


def _definitions(signature: Signature) -> str:
    return node_definitions(signature, LIST_NODE, TREE_NODE)


def _method(name: str, params: tuple[Param, ...], returns: Type) -> str:
    body = "\n" if returns.is_void else f"        return {_default(returns)};\n"
    rtype = "void" if returns.is_void else cs_type(returns)
    return f"    public {rtype} {pascal_case(name)}({_params(params)}) {{\n{body}    }}\n"


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        out += f"public class {cls} {{\n\n    public {cls}({_params(signature.constructor)}) {{\n\n    }}\n"
        for method in signature.methods:
            out += "\n" + _method(method.name, method.params, method.returns)
        out += "}\n"
        args = ", ".join(p.name for p in signature.constructor)
        out += f"\n/**\n * Your {cls} object will be instantiated and called as such:\n"
        out += f" * {cls} obj = new {cls}({args});\n"
        for number, method in enumerate(signature.methods, 1):
            call = f"obj.{pascal_case(method.name)}({', '.join(p.name for p in method.params)});"
            if method.returns.is_void:
                out += f" * {call}\n"
            else:
                out += f" * {cs_type(method.returns)} param_{number} = {call}\n"
        return out + " */\n"
    f = signature.function
    return out + "public class Solution {\n" + _method(f.name, f.params, f.returns) + "}\n"


def _call(call: Call, target: str, indent: str) -> list[str]:
    lines = [f"{indent}var a{i} = {_read(p.type)};" for i, p in enumerate(call.params)]
    args = ", ".join(f"a{i}" for i in range(len(call.params)))
    assert call.returns is not None
    if call.returns.is_void:
        lines.append(f"{indent}{target}({args});")
        lines.append(f'{indent}Tok("-");')
    else:
        lines.append(indent + _write(call.returns, f"{target}({args})"))
    lines.append(f"{indent}Line();")
    return lines


def _main(signature: Signature) -> str:
    lines = [
        "    public static void Main() {",
        "        var results = global::System.Console.OpenStandardOutput();",
        "        global::System.Console.SetOut(global::System.Console.Error);",
        "        using (var input = new global::System.IO.MemoryStream()) {",
        "            global::System.Console.OpenStandardInput().CopyTo(input);",
        "            buf = input.ToArray();",
        "        }",
    ]
    if isinstance(signature, DesignSignature):
        constructor, *methods = calls(signature)
        lines.append("        int count = ReadInt();")
        lines.append("        ReadInt();  // 0: the constructor")
        lines += [f"        var c{i} = {_read(p.type)};" for i, p in enumerate(constructor.params)]
        args = ", ".join(f"c{i}" for i in range(len(constructor.params)))
        lines.append(f"        var obj = new {signature.class_name}({args});")
        lines.append('        Tok("-");')
        lines.append("        Line();")
        lines.append("        for (int c = 1; c < count; c++) {")
        lines.append("            switch (ReadInt()) {")
        for method in methods:
            lines.append(f"                case {method.index}: {{")
            lines += _call(method, f"obj.{pascal_case(method.name)}", " " * 20)
            lines.append("                    break;")
            lines.append("                }")
        lines.append(
            '                default: throw new global::System.Exception("algocode driver: unknown call");'
        )
        lines.append("            }")
        lines.append("        }")
    else:
        (call,) = calls(signature)
        lines += _call(call, f"new Solution().{pascal_case(call.name)}", " " * 8)
    lines.append("        output.WriteTo(results);")
    lines.append("        results.Flush();")
    lines.append("    }")
    return "\n".join(lines) + "\n"


def program(signature: Signature, source: str) -> str:
    parts = [USINGS, '#line 1 "Solution.cs"\n', source]
    if not source.endswith("\n"):
        parts.append("\n")
    parts.append('#line 1 "Driver.cs"\n')
    if uses(signature, "ListNode"):
        parts.append(LIST_NODE + "\n")
    if uses(signature, "TreeNode"):
        parts.append(TREE_NODE + "\n")
    parts.append(_RUNTIME)
    parts.append(_LIST if uses(signature, "ListNode") else "")
    parts.append(_TREE if uses(signature, "TreeNode") else "")
    parts.append("\n" + _main(signature) + "}\n")
    return "".join(parts)
