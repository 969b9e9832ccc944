"""Go: LeetCode's stub (`func twoSum(nums []int, target int) []int`; a design problem is a struct, a
`Constructor` function and PascalCase methods with a pointer receiver, as on LeetCode) and the driver.

The program is: `package main` and the driver's imports (aliased `algocode...`, so a user importing the
same packages under their own names does not clash), a `//line solution.go:1` directive, the user's code
(its own imports allowed; a `package` clause of theirs is blanked, keeping the line), and the driver after
a `//line driver.go:1` directive. The driver redirects fd 1 to stderr (and `os.Stdout` with it) before
calling user code and writes the results on a duplicate of the original stdout.

Types: int `int`, long `int64`, double `float64`, bool, string, char `byte`, slices, `*ListNode`
(`Val`, `Next`) and `*TreeNode` (`Val`, `Left`, `Right`). A cyclic list, or a "tree" reaching a node twice,
is reported as a value of the wrong type.
"""

from __future__ import annotations

import re

from algocode_contracts.functions.languages.common import Call, calls, node_definitions, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type, pascal_case

LIST_NODE = """type ListNode struct {
    Val int
    Next *ListNode
}"""

TREE_NODE = """type TreeNode struct {
    Val int
    Left *TreeNode
    Right *TreeNode
}"""

_SCALARS = {
    "int": "int",
    "long": "int64",
    "double": "float64",
    "bool": "bool",
    "string": "string",
    "char": "byte",
}
_DEFAULTS = {"int": "0", "long": "0", "double": "0", "bool": "false", "string": '""', "char": "0"}
# Reader and writer method per scalar type.
_NAMES = {
    "int": "Int",
    "long": "Long",
    "double": "Double",
    "bool": "Bool",
    "string": "String",
    "char": "Char",
}

HEADER = """package main

import (
\talgocodeIo "io"
\talgocodeOs "os"
\talgocodeStrconv "strconv"
\talgocodeSyscall "syscall"
)

//line solution.go:1
"""

_RUNTIME = r"""
type algocodeReader struct {
	b []byte
	p int
}

func algocodeSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func (r *algocodeReader) token() string {
	for r.p < len(r.b) && algocodeSpace(r.b[r.p]) {
		r.p++
	}
	s := r.p
	for r.p < len(r.b) && !algocodeSpace(r.b[r.p]) {
		r.p++
	}
	if s == r.p {
		panic("algocode driver: the input ended early")
	}
	return string(r.b[s:r.p])
}

func (r *algocodeReader) readInt() int {
	v, _ := algocodeStrconv.ParseInt(r.token(), 10, 64)
	return int(v)
}

func (r *algocodeReader) readLong() int64 {
	v, _ := algocodeStrconv.ParseInt(r.token(), 10, 64)
	return v
}

func (r *algocodeReader) readDouble() float64 {
	v, _ := algocodeStrconv.ParseFloat(r.token(), 64)
	return v
}

func (r *algocodeReader) readBool() bool { return r.token() == "1" }

func (r *algocodeReader) readChar() byte { return byte(r.readInt()) }

func (r *algocodeReader) readString() string {
	n := r.readInt()
	s := r.p + 1
	r.p = s + n
	return string(r.b[s:r.p])
}

func algocodeReadArray[T any](r *algocodeReader, read func() T) []T {
	a := make([]T, r.readInt())
	for i := range a {
		a[i] = read()
	}
	return a
}

type algocodeWriter struct{ b []byte }

func (w *algocodeWriter) token(s string) {
	w.b = append(w.b, s...)
	w.b = append(w.b, ' ')
}

func (w *algocodeWriter) writeInt(v int) { w.token(algocodeStrconv.Itoa(v)) }

func (w *algocodeWriter) writeLong(v int64) { w.token(algocodeStrconv.FormatInt(v, 10)) }

func (w *algocodeWriter) writeDouble(v float64) { w.token(algocodeStrconv.FormatFloat(v, 'g', -1, 64)) }

func (w *algocodeWriter) writeBool(v bool) {
	if v {
		w.token("1")
	} else {
		w.token("0")
	}
}

func (w *algocodeWriter) writeChar(v byte) { w.token(algocodeStrconv.Itoa(int(v))) }

func (w *algocodeWriter) writeString(v string) {
	w.b = append(w.b, algocodeStrconv.Itoa(len(v))...)
	w.b = append(w.b, ' ')
	w.token(v)
}

func algocodeWriteArray[T any](w *algocodeWriter, v []T, write func(T)) {
	w.writeInt(len(v))
	for _, x := range v {
		write(x)
	}
}

func (w *algocodeWriter) items(items []string, ok bool) {
	if !ok {
		w.token("!")
		return
	}
	w.writeInt(len(items))
	for _, s := range items {
		w.token(s)
	}
}
"""

_LIST = r"""
func (r *algocodeReader) readList() *ListNode {
	var head, tail *ListNode
	for n := r.readInt(); n > 0; n-- {
		node := &ListNode{Val: r.readInt()}
		if tail == nil {
			head = node
		} else {
			tail.Next = node
		}
		tail = node
	}
	return head
}

func (w *algocodeWriter) writeList(v *ListNode) {
	items := []string{}
	seen := map[*ListNode]bool{}
	for ; v != nil; v = v.Next {
		if seen[v] {
			w.items(nil, false) // a cycle
			return
		}
		seen[v] = true
		items = append(items, algocodeStrconv.Itoa(v.Val))
	}
	w.items(items, true)
}
"""

_TREE = r"""
func (r *algocodeReader) readTree() *TreeNode {
	n := r.readInt()
	if n == 0 {
		return nil
	}
	values := make([]string, n)
	for i := range values {
		values[i] = r.token()
	}
	node := func(s string) *TreeNode {
		if s == "#" {
			return nil
		}
		v, _ := algocodeStrconv.Atoi(s)
		return &TreeNode{Val: v}
	}
	root := node(values[0])
	queue := []*TreeNode{root}
	for i := 1; i < n; {
		parent := queue[0]
		queue = queue[1:]
		parent.Left = node(values[i])
		if parent.Left != nil {
			queue = append(queue, parent.Left)
		}
		i++
		if i < n {
			parent.Right = node(values[i])
			if parent.Right != nil {
				queue = append(queue, parent.Right)
			}
		}
		i++
	}
	return root
}

func (w *algocodeWriter) writeTree(v *TreeNode) {
	items := []string{}
	seen := map[*TreeNode]bool{}
	queue := []*TreeNode{v}
	if v == nil {
		queue = nil
	}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		if node == nil {
			items = append(items, "#")
			continue
		}
		if seen[node] {
			w.items(nil, false) // not a tree
			return
		}
		seen[node] = true
		items = append(items, algocodeStrconv.Itoa(node.Val))
		queue = append(queue, node.Left, node.Right)
	}
	for len(items) > 0 && items[len(items)-1] == "#" {
		items = items[:len(items)-1]
	}
	w.items(items, true)
}
"""


def go_type(t: Type) -> str:
    if t.base in ("ListNode", "TreeNode"):
        return "*" + t.base
    return "[]" * t.dims + _SCALARS[t.base]


def _default(t: Type) -> str:
    if t.dims or t.base in ("ListNode", "TreeNode"):
        return "nil"
    return _DEFAULTS[t.base]


def _reader(t: Type) -> str:
    """A Go expression of type `func() T` reading one `t`."""
    if t.base == "ListNode":
        return "r.readList"
    if t.base == "TreeNode":
        return "r.readTree"
    if not t.dims:
        return f"r.read{_NAMES[t.base]}"
    return f"func() {go_type(t)} {{ return algocodeReadArray(r, {_reader(t.element)}) }}"


def _writer(t: Type) -> str:
    """A Go expression of type `func(T)` writing one `t`."""
    if t.base in ("ListNode", "TreeNode"):
        return "w.writeList" if t.base == "ListNode" else "w.writeTree"
    if not t.dims:
        return f"w.write{_NAMES[t.base]}"
    return f"func(v {go_type(t)}) {{ algocodeWriteArray(w, v, {_writer(t.element)}) }}"


def _params(params: tuple[Param, ...]) -> str:
    return ", ".join(f"{p.name} {go_type(p.type)}" for p in params)


def _definitions(signature: Signature) -> str:
    return node_definitions(signature, LIST_NODE, TREE_NODE)


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        out += f"type {cls} struct {{\n\n}}\n\n\n"
        out += f"func Constructor({_params(signature.constructor)}) {cls} {{\n    return {cls}{{}}\n}}\n\n"
        for method in signature.methods:
            returns = "" if method.returns.is_void else " " + go_type(method.returns)
            body = "" if method.returns.is_void else f"    return {_default(method.returns)}\n"
            out += f"\nfunc (this *{cls}) {pascal_case(method.name)}({_params(method.params)}){returns} {{\n"
            out += body + "}\n\n"
        args = ", ".join(p.name for p in signature.constructor)
        out += f"\n/**\n * Your {cls} object will be instantiated and called as such:\n"
        out += f" * obj := Constructor({args});\n"
        for number, method in enumerate(signature.methods, 1):
            call = f"obj.{pascal_case(method.name)}({', '.join(p.name for p in method.params)});"
            out += f" * {call}\n" if method.returns.is_void else f" * param_{number} := {call}\n"
        return out + " */\n"
    f = signature.function
    out += (
        f"func {f.name}({_params(f.params)}) {go_type(f.returns)} {{\n    return {_default(f.returns)}\n}}\n"
    )
    return out


def _call(call: Call, target: str) -> list[str]:
    lines = [f"\t\ta{i} := {_reader(p.type)}()" for i, p in enumerate(call.params)]
    args = ", ".join(f"a{i}" for i in range(len(call.params)))
    assert call.returns is not None
    if call.returns.is_void:
        lines.append(f"\t\t{target}({args})")
        lines.append('\t\tw.token("-")')
    else:
        lines.append(f"\t\t{_writer(call.returns)}({target}({args}))")
    lines.append("\t\tw.b = append(w.b, '\\n')")
    return lines


def _main(signature: Signature) -> str:
    lines = [
        "func main() {",
        "\tresults, err := algocodeSyscall.Dup(1)",
        "\tif err != nil {",
        "\t\tpanic(err)",
        "\t}",
        "\talgocodeSyscall.Dup3(2, 1, 0)",
        "\talgocodeOs.Stdout = algocodeOs.Stderr",
        "\tdata, _ := algocodeIo.ReadAll(algocodeOs.Stdin)",
        "\tr := &algocodeReader{b: data}",
        "\t_ = r // a function without parameters reads nothing",
        "\tw := &algocodeWriter{}",
    ]
    if isinstance(signature, DesignSignature):
        constructor, *methods = calls(signature)
        lines.append("\tcount := r.readInt()")
        lines.append("\tr.readInt() // 0: the constructor")
        lines += [f"\tc{i} := {_reader(p.type)}()" for i, p in enumerate(constructor.params)]
        args = ", ".join(f"c{i}" for i in range(len(constructor.params)))
        lines.append(f"\tobj := Constructor({args})")
        lines.append('\tw.token("-")')
        lines.append("\tw.b = append(w.b, '\\n')")
        lines.append("\tfor c := 1; c < count; c++ {")
        lines.append("\t\tswitch r.readInt() {")
        for method in methods:
            lines.append(f"\t\tcase {method.index}:")
            lines += ["\t" + line for line in _call(method, f"obj.{pascal_case(method.name)}")]
        lines.append("\t\tdefault:")
        lines.append('\t\t\tpanic("algocode driver: unknown call")')
        lines.append("\t\t}")
        lines.append("\t}")
    else:
        (call,) = calls(signature)
        lines += [line[1:] for line in _call(call, call.name)]
    lines.append('\talgocodeOs.NewFile(uintptr(results), "results").Write(w.b)')
    lines.append("}")
    return "\n".join(lines) + "\n"


_PACKAGE = re.compile(r"^\s*package\s+\w+\s*;?\s*$")


def _without_package_clause(source: str) -> str:
    """The user's code with a `package` clause of theirs (the first code line) blanked: lines keep their
    numbers, and the program's own `package main` stays the only one."""
    lines = source.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        if _PACKAGE.match(line):
            lines[index] = ""
        break
    return "\n".join(lines)


def program(signature: Signature, source: str) -> str:
    parts = [HEADER, _without_package_clause(source), "\n//line driver.go:1\n"]
    if uses(signature, "ListNode"):
        parts.append(LIST_NODE + "\n")
    if uses(signature, "TreeNode"):
        parts.append(TREE_NODE + "\n")
    parts.append(_RUNTIME)
    parts.append(_LIST if uses(signature, "ListNode") else "")
    parts.append(_TREE if uses(signature, "TreeNode") else "")
    parts.append("\n" + _main(signature))
    return "".join(parts)
