# ruff: noqa: E501 - the embedded driver source keeps its own line lengths
"""Java: LeetCode's `class Solution { public int[] twoSum(int[] nums, int target) {...} }` stub, and the
program = `import java.util.*; ...` on the SAME first line as the user's code, the user's code (with
`public` taken off its class declarations), then the driver class `AlgocodeDriver` whose `main` comes
first (the judge's Java module picks the class declaring `main`; a public class would be picked instead,
and would have to live in its own file, hence the `public` removed: replaced by as many spaces, so
columns and lines stay), then LeetCode's ListNode/TreeNode when the signature uses them.

The driver keeps fd 1 (`FileDescriptor.out`) as the result channel and points `System.out` at stderr
before any user code runs (`Solution` is initialised after main starts). It calls the user's method by
reflection, so a solution may declare `List<Integer>` where the stub has `int[]` (LeetCode uses both),
and returns either; `Solution.class` is named in the driver so a missing class is a compile error. An
exception thrown by the user's code is rethrown as is (RE, "Exception in thread "main" ...").
"""

from __future__ import annotations

import re

from algocode_contracts.functions.languages.common import calls, ensure_newline, uses
from algocode_contracts.functions.signature import (
    DesignSignature,
    FunctionSignature,
    Method,
    Param,
    Signature,
    Type,
)

IMPORTS = (
    "import java.util.*; import java.util.function.*; import java.util.stream.*; import java.io.*; "
    "import java.math.*; "
)
DRIVER_CLASS = "AlgocodeDriver"

_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.DOTALL)
_PUBLIC_TYPE = re.compile(
    r"\bpublic(?=\s+(?:(?:static|final|abstract|strictfp|sealed|non-sealed)\s+)*(?:class|interface|enum|record)\b)"
)

_JAVA = {
    "int": "int",
    "long": "long",
    "double": "double",
    "bool": "boolean",
    "char": "char",
    "string": "String",
    "ListNode": "ListNode",
    "TreeNode": "TreeNode",
}

_LIST_CLASS = """
class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
"""
_TREE_CLASS = """
class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
"""

_DRIVER = r"""
class AlgocodeDriver {
    public static void main(String[] args) throws Throwable {
        java.io.FileOutputStream result = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        System.out.flush();
        System.setOut(System.err);
        Class<?> target = %TARGET%.class;
        AlgocodeDriver driver = new AlgocodeDriver(System.in.readAllBytes());
        driver.run(target);
        System.err.flush();
        result.write(driver.buf, 0, driver.len);
        result.flush();
    }

    static final String[][] CALLS = %CALLS%;
    static final boolean DESIGN = %DESIGN%;

    final byte[] in;
    int pos = 0;
    byte[] buf = new byte[1 << 12];
    int len = 0;

    AlgocodeDriver(byte[] in) { this.in = in; }

    static final class Wrong extends RuntimeException {
        Wrong() { super(null, null, false, false); }
    }

    void run(Class<?> target) throws Throwable {
        if (!DESIGN) {
            Object solution = construct(target, 0);
            put(result(CALLS[0][1], invoke(solution, target, 0)));
            put('\n');
            return;
        }
        Object object = null;
        long count = num();
        for (long c = 0; c < count; c++) {
            int index = (int) num();
            if (index == 0) {
                object = construct(target, 0);
                put('-');
            } else {
                Object value = invoke(object, target, index);
                if (CALLS[index][1].isEmpty()) put('-');
                else put(result(CALLS[index][1], value));
            }
            put('\n');
        }
    }

    Object construct(Class<?> target, int index) throws Throwable {
        String[] call = CALLS[index];
        int count = DESIGN ? call.length - 2 : 0;
        for (java.lang.reflect.Constructor<?> constructor : target.getDeclaredConstructors()) {
            if (constructor.getParameterCount() != count) continue;
            constructor.setAccessible(true);
            Object[] arguments = arguments(call, constructor.getGenericParameterTypes());
            try {
                return constructor.newInstance(arguments);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
        throw new NoSuchMethodError(target.getName() + ": no constructor with " + count + " parameter(s)");
    }

    Object invoke(Object object, Class<?> target, int index) throws Throwable {
        String[] call = CALLS[index];
        int count = call.length - 2;
        for (Class<?> type = target; type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                if (!method.getName().equals(call[0]) || method.getParameterCount() != count) continue;
                method.setAccessible(true);
                Object[] arguments = arguments(call, method.getGenericParameterTypes());
                try {
                    return method.invoke(object, arguments);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodError(target.getName() + "." + call[0] + ": no method with " + count + " parameter(s)");
    }

    Object[] arguments(String[] call, java.lang.reflect.Type[] types) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) values[i] = convert(read(call[i + 2]), types[i]);
        return values;
    }

    // An array read from the input, passed as the List the user's method may declare instead.
    static Object convert(Object value, java.lang.reflect.Type type) {
        if (value == null || !value.getClass().isArray()) return value;
        java.lang.reflect.Type element = null;
        Class<?> raw = null;
        if (type instanceof java.lang.reflect.ParameterizedType) {
            java.lang.reflect.ParameterizedType p = (java.lang.reflect.ParameterizedType) type;
            raw = (Class<?>) p.getRawType();
            element = p.getActualTypeArguments()[0];
        } else if (type instanceof Class<?>) {
            raw = (Class<?>) type;
        }
        if (raw == null || raw.isArray() || !raw.isAssignableFrom(ArrayList.class)) return value;
        int n = java.lang.reflect.Array.getLength(value);
        ArrayList<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object item = java.lang.reflect.Array.get(value, i);
            list.add(element == null ? item : convert(item, element));
        }
        return list;
    }

    // ------------------------------------------------------------------------------- input
    static boolean space(byte c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    void skip() { while (pos < in.length && space(in[pos])) pos++; }
    long num() {
        skip();
        boolean negative = false;
        if (pos < in.length && in[pos] == '-') { negative = true; pos++; }
        long v = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') v = v * 10 + (in[pos++] - '0');
        return negative ? -v : v;
    }
    String token() {
        skip();
        int start = pos;
        while (pos < in.length && !space(in[pos])) pos++;
        return new String(in, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
    String string() {
        int n = (int) num();
        pos++;
        String s = new String(in, pos, n, java.nio.charset.StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    Object read(String type) {
        switch (type) {
            case "int": return (int) num();
            case "long": return num();
            case "double": return Double.parseDouble(token());
            case "bool": return num() != 0;
            case "char": return (char) num();
            case "string": return string();
            case "int[]": { int[] a = new int[(int) num()]; for (int i = 0; i < a.length; i++) a[i] = (int) num(); return a; }
            case "long[]": { long[] a = new long[(int) num()]; for (int i = 0; i < a.length; i++) a[i] = num(); return a; }
            case "double[]": { double[] a = new double[(int) num()]; for (int i = 0; i < a.length; i++) a[i] = Double.parseDouble(token()); return a; }
            case "bool[]": { boolean[] a = new boolean[(int) num()]; for (int i = 0; i < a.length; i++) a[i] = num() != 0; return a; }
            case "char[]": { char[] a = new char[(int) num()]; for (int i = 0; i < a.length; i++) a[i] = (char) num(); return a; }
            case "string[]": { String[] a = new String[(int) num()]; for (int i = 0; i < a.length; i++) a[i] = string(); return a; }
            case "int[][]": { int[][] a = new int[(int) num()][]; for (int i = 0; i < a.length; i++) a[i] = (int[]) read("int[]"); return a; }
            case "long[][]": { long[][] a = new long[(int) num()][]; for (int i = 0; i < a.length; i++) a[i] = (long[]) read("long[]"); return a; }
            case "double[][]": { double[][] a = new double[(int) num()][]; for (int i = 0; i < a.length; i++) a[i] = (double[]) read("double[]"); return a; }
            case "bool[][]": { boolean[][] a = new boolean[(int) num()][]; for (int i = 0; i < a.length; i++) a[i] = (boolean[]) read("bool[]"); return a; }
            case "char[][]": { char[][] a = new char[(int) num()][]; for (int i = 0; i < a.length; i++) a[i] = (char[]) read("char[]"); return a; }
            case "string[][]": { String[][] a = new String[(int) num()][]; for (int i = 0; i < a.length; i++) a[i] = (String[]) read("string[]"); return a; }
%READ_LINKED%            default: throw new IllegalStateException("type " + type);
        }
    }

    // ------------------------------------------------------------------------------ output
    void put(byte b) {
        if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        buf[len++] = b;
    }
    void put(char c) { put((byte) c); }
    void put(byte[] bytes) {
        while (len + bytes.length > buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }
    void put(String ascii) { put(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
    void tok(String ascii) { put(ascii); put(' '); }

    byte[] result(String type, Object value) {
        int mark = len;
        try {
            write(type, value);
        } catch (Wrong e) {
            len = mark;
            return "!".getBytes();
        }
        byte[] bytes = java.util.Arrays.copyOfRange(buf, mark, len);
        len = mark;
        return bytes;
    }

    static int size(Object value) {
        if (value == null) throw new Wrong();
        if (value.getClass().isArray()) return java.lang.reflect.Array.getLength(value);
        if (value instanceof List<?>) return ((List<?>) value).size();
        throw new Wrong();
    }

    static Object item(Object value, int index) {
        if (value.getClass().isArray()) return java.lang.reflect.Array.get(value, index);
        return ((List<?>) value).get(index);
    }

    void write(String type, Object value) {
        if (type.endsWith("[]")) {
            String element = type.substring(0, type.length() - 2);
            int n = size(value);
            tok(Integer.toString(n));
            for (int i = 0; i < n; i++) write(element, item(value, i));
            return;
        }
        switch (type) {
            case "int":
                if (!(value instanceof Integer || value instanceof Short || value instanceof Byte)) throw new Wrong();
                tok(value.toString());
                return;
            case "long":
                if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) throw new Wrong();
                tok(value.toString());
                return;
            case "double":
                if (!(value instanceof Number) || value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) throw new Wrong();
                tok(Double.toString(((Number) value).doubleValue()));
                return;
            case "bool":
                if (!(value instanceof Boolean)) throw new Wrong();
                tok((Boolean) value ? "1" : "0");
                return;
            case "char":
                if (!(value instanceof Character)) throw new Wrong();
                tok(Integer.toString((Character) value));
                return;
            case "string": {
                if (!(value instanceof String)) throw new Wrong();
                byte[] bytes = ((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                tok(Integer.toString(bytes.length));
                put(bytes);
                put(' ');
                return;
            }
%WRITE_LINKED%            default: throw new IllegalStateException("type " + type);
        }
    }
%LINKED_METHODS%}
"""

_READ_LIST = '            case "ListNode": return readList();\n'
_READ_TREE = '            case "TreeNode": return readTree();\n'
_WRITE_LIST = '            case "ListNode": writeList(value); return;\n'
_WRITE_TREE = '            case "TreeNode": writeTree(value); return;\n'
_LIST_METHODS = r"""
    ListNode readList() {
        int n = (int) num();
        int[] values = new int[n];
        for (int i = 0; i < n; i++) values[i] = (int) num();
        ListNode head = null;
        for (int i = n - 1; i >= 0; i--) head = new ListNode(values[i], head);
        return head;
    }
    void writeList(Object value) {
        if (value != null && !(value instanceof ListNode)) throw new Wrong();
        ArrayList<Integer> values = new ArrayList<>();
        IdentityHashMap<ListNode, Boolean> seen = new IdentityHashMap<>();
        for (ListNode node = (ListNode) value; node != null; node = node.next) {
            if (seen.put(node, Boolean.TRUE) != null) throw new Wrong();
            values.add(node.val);
        }
        tok(Integer.toString(values.size()));
        for (int v : values) tok(Integer.toString(v));
    }
"""
_TREE_METHODS = r"""
    TreeNode readTree() {
        int n = (int) num();
        TreeNode[] nodes = new TreeNode[n];
        for (int i = 0; i < n; i++) {
            skip();
            if (in[pos] == '#') pos++;
            else nodes[i] = new TreeNode((int) num());
        }
        int child = 1;
        for (int i = 0; i < n && child < n; i++) {
            if (nodes[i] == null) continue;
            nodes[i].left = nodes[child++];
            if (child < n) nodes[i].right = nodes[child++];
        }
        return n == 0 ? null : nodes[0];
    }
    void writeTree(Object value) {
        if (value != null && !(value instanceof TreeNode)) throw new Wrong();
        ArrayList<TreeNode> queue = new ArrayList<>();
        queue.add((TreeNode) value);
        IdentityHashMap<TreeNode, Boolean> seen = new IdentityHashMap<>();
        ArrayList<String> items = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            TreeNode node = queue.get(i);
            if (node == null) { items.add("#"); continue; }
            if (seen.put(node, Boolean.TRUE) != null) throw new Wrong();
            items.add(Integer.toString(node.val));
            queue.add(node.left);
            queue.add(node.right);
        }
        while (!items.isEmpty() && items.get(items.size() - 1).equals("#")) items.remove(items.size() - 1);
        tok(Integer.toString(items.size()));
        for (String item : items) tok(item);
    }
"""


def strip_public(source: str) -> str:
    """`public class X` -> `       class X` (same length) outside comments and strings."""
    masked = _COMMENTS.sub(lambda m: " " * len(m.group(0)), source)
    out = list(source)
    for match in _PUBLIC_TYPE.finditer(masked):
        out[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(out)


def _java_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def program(signature: Signature, source: str) -> str:
    table = []
    for call in calls(signature):
        returns = "" if call.returns is None or call.returns.is_void else str(call.returns)
        table.append(
            "{"
            + ", ".join(_java_string(x) for x in [call.name, returns, *(str(p.type) for p in call.params)])
            + "}"
        )
    target = "Solution" if isinstance(signature, FunctionSignature) else signature.class_name
    list_used, tree_used = uses(signature, "ListNode"), uses(signature, "TreeNode")
    driver = (
        _DRIVER.replace("%TARGET%", target)
        .replace("%CALLS%", "{" + ", ".join(table) + "}")
        .replace("%DESIGN%", "true" if isinstance(signature, DesignSignature) else "false")
        .replace("%READ_LINKED%", (_READ_LIST if list_used else "") + (_READ_TREE if tree_used else ""))
        .replace("%WRITE_LINKED%", (_WRITE_LIST if list_used else "") + (_WRITE_TREE if tree_used else ""))
        .replace(
            "%LINKED_METHODS%", (_LIST_METHODS if list_used else "") + (_TREE_METHODS if tree_used else "")
        )
    )
    classes = (_LIST_CLASS if list_used else "") + (_TREE_CLASS if tree_used else "")
    return IMPORTS + ensure_newline(strip_public(source)) + driver + classes


# --------------------------------------------------------------------------------------------- stub


def java_type(type_: Type) -> str:
    return _JAVA[type_.base] + "[]" * type_.dims


def default(type_: Type) -> str:
    if type_.dims:
        return f"new {_JAVA[type_.base]}[0]" + "[]" * (type_.dims - 1)
    return {
        "int": "0",
        "long": "0L",
        "double": "0.0",
        "bool": "false",
        "char": "'a'",
        "string": '""',
        "ListNode": "null",
        "TreeNode": "null",
    }[type_.base]


def _params(params: tuple[Param, ...]) -> str:
    return ", ".join(f"{java_type(p.type)} {p.name}" for p in params)


def _method(method: Method) -> list[str]:
    returns = "void" if method.returns.is_void else java_type(method.returns)
    body = "        " if method.returns.is_void else f"        return {default(method.returns)};"
    return [f"    public {returns} {method.name}({_params(method.params)}) {{", body, "    }"]


_LIST_COMMENT = """\
/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
"""
_TREE_COMMENT = """\
/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
"""


def stub(signature: Signature) -> str:
    text = (_LIST_COMMENT if uses(signature, "ListNode") else "") + (
        _TREE_COMMENT if uses(signature, "TreeNode") else ""
    )
    if isinstance(signature, FunctionSignature):
        lines = ["class Solution {", *_method(signature.function), "}"]
    else:
        name = signature.class_name
        lines = [
            f"class {name} {{",
            "",
            f"    public {name}({_params(signature.constructor)}) {{",
            "        ",
            "    }",
        ]
        for method in signature.methods:
            lines += ["", *_method(method)]
        lines.append("}")
    return text + "\n".join(lines) + "\n"
