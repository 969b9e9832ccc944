"""Rust: LeetCode's stub (`impl Solution { pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32>
{...} }`; design problems as a struct with `fn new` and snake_case methods taking `&self`) and the driver.

The program is the user's code first (Rust items can come in any order, so its lines keep their numbers),
then `struct Solution` (function problems), LeetCode's ListNode/TreeNode (when used) and the driver in a
module of its own (`use super::*`; everything it names from std is a full path, so a user's own `use`
lines never clash). The driver duplicates fd 1 for the results with `dup`, points fd 1 at stderr with
`dup2` (declared `extern "C"`: no crates) and then calls the user's code.

Types: i32, i64, f64, bool, String, char, `Vec<T>`, `Vec<Vec<T>>`, `Option<Box<ListNode>>`,
`Option<Rc<RefCell<TreeNode>>>`. A "tree" reaching a node twice is reported as a value of the wrong type.
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import Call, calls, node_definitions, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type, snake_case

LIST_NODE = """#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
  pub val: i32,
  pub next: Option<Box<ListNode>>
}

impl ListNode {
  #[inline]
  fn new(val: i32) -> Self {
    ListNode {
      next: None,
      val
    }
  }
}"""

TREE_NODE = """#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
  pub val: i32,
  pub left: Option<Rc<RefCell<TreeNode>>>,
  pub right: Option<Rc<RefCell<TreeNode>>>,
}

impl TreeNode {
  #[inline]
  pub fn new(val: i32) -> Self {
    TreeNode {
      val,
      left: None,
      right: None
    }
  }
}"""

_RC = "std::rc::Rc<std::cell::RefCell<TreeNode>>"

_SCALARS = {"int": "i32", "long": "i64", "double": "f64", "bool": "bool", "string": "String", "char": "char"}
_DEFAULTS = {
    "int": "0",
    "long": "0",
    "double": "0.0",
    "bool": "false",
    "string": "String::new()",
    "char": "'\\0'",
}
_METHODS = {
    "int": "int",
    "long": "long",
    "double": "double",
    "bool": "boolean",
    "string": "string",
    "char": "chr",
}

_RUNTIME = r"""
#[allow(dead_code, unused_mut, unused_variables, clippy::all)]
mod algocode_driver {
    use super::*;

    extern "C" {
        fn dup(fd: i32) -> i32;
        fn dup2(a: i32, b: i32) -> i32;
    }

    pub struct Reader {
        b: Vec<u8>,
        p: usize,
    }

    impl Reader {
        fn token(&mut self) -> String {
            let space = |c: u8| c == b' ' || c == b'\n' || c == b'\r' || c == b'\t';
            while self.p < self.b.len() && space(self.b[self.p]) {
                self.p += 1;
            }
            let start = self.p;
            while self.p < self.b.len() && !space(self.b[self.p]) {
                self.p += 1;
            }
            if start == self.p {
                panic!("algocode driver: the input ended early");
            }
            String::from_utf8_lossy(&self.b[start..self.p]).into_owned()
        }
        fn int(&mut self) -> i32 { self.token().parse().unwrap() }
        fn long(&mut self) -> i64 { self.token().parse().unwrap() }
        fn double(&mut self) -> f64 { self.token().parse().unwrap() }
        fn boolean(&mut self) -> bool { self.token() == "1" }
        fn chr(&mut self) -> char { (self.int() as u8) as char }
        fn string(&mut self) -> String {
            let n = self.int() as usize;
            let start = self.p + 1;
            self.p = start + n;
            String::from_utf8_lossy(&self.b[start..start + n]).into_owned()
        }
        fn vec<T, F: FnMut(&mut Reader) -> T>(&mut self, mut f: F) -> Vec<T> {
            let n = self.int() as usize;
            let mut v = Vec::with_capacity(n);
            for _ in 0..n {
                v.push(f(self));
            }
            v
        }
    }

    pub struct Writer {
        b: Vec<u8>,
    }

    impl Writer {
        fn token(&mut self, s: &str) {
            self.b.extend_from_slice(s.as_bytes());
            self.b.push(b' ');
        }
        fn line(&mut self) { self.b.push(b'\n'); }
        fn int(&mut self, v: i32) { self.token(&v.to_string()) }
        fn long(&mut self, v: i64) { self.token(&v.to_string()) }
        fn double(&mut self, v: f64) { self.token(&format!("{:?}", v)) }
        fn boolean(&mut self, v: bool) { self.token(if v { "1" } else { "0" }) }
        fn chr(&mut self, v: char) { self.token(&(v as u32).to_string()) }
        fn string(&mut self, v: String) {
            self.token(&v.len().to_string());
            self.b.extend_from_slice(v.as_bytes());
            self.b.push(b' ');
        }
        fn vec<T, F: FnMut(&mut Writer, T)>(&mut self, v: Vec<T>, mut f: F) {
            self.token(&v.len().to_string());
            for x in v {
                f(self, x);
            }
        }
        fn items(&mut self, items: Option<Vec<String>>) {
            match items {
                None => self.token("!"),
                Some(items) => {
                    self.token(&items.len().to_string());
                    for s in items {
                        self.token(&s);
                    }
                }
            }
        }
    }
"""

_LIST = r"""
    impl Reader {
        fn list(&mut self) -> Option<Box<ListNode>> {
            let values = self.vec(|r| r.int());
            let mut head = None;
            for v in values.into_iter().rev() {
                let mut node = ListNode::new(v);
                node.next = head;
                head = Some(Box::new(node));
            }
            head
        }
    }

    impl Writer {
        fn list(&mut self, v: Option<Box<ListNode>>) {
            let mut items = Vec::new();
            let mut cur = &v;
            while let Some(node) = cur {
                items.push(node.val.to_string());
                cur = &node.next;
            }
            self.items(Some(items));
            std::mem::forget(v); // no recursive drop of a long list
        }
    }
"""

_TREE = r"""
    impl Reader {
        fn tree(&mut self) -> Option<std::rc::Rc<std::cell::RefCell<TreeNode>>> {
            let n = self.int() as usize;
            if n == 0 {
                return None;
            }
            let values: Vec<String> = (0..n).map(|_| self.token()).collect();
            let node = |s: &String| -> Option<std::rc::Rc<std::cell::RefCell<TreeNode>>> {
                if s == "#" {
                    None
                } else {
                    Some(std::rc::Rc::new(std::cell::RefCell::new(TreeNode::new(s.parse().unwrap()))))
                }
            };
            let root = node(&values[0]);
            let mut queue = std::collections::VecDeque::new();
            queue.push_back(root.clone().unwrap());
            let mut i = 1;
            while i < n {
                let parent = queue.pop_front().unwrap();
                let left = node(&values[i]);
                if let Some(child) = &left {
                    queue.push_back(child.clone());
                }
                parent.borrow_mut().left = left;
                i += 1;
                if i < n {
                    let right = node(&values[i]);
                    if let Some(child) = &right {
                        queue.push_back(child.clone());
                    }
                    parent.borrow_mut().right = right;
                }
                i += 1;
            }
            root
        }
    }

    impl Writer {
        fn tree(&mut self, v: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>) {
            let mut items: Vec<String> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut queue = std::collections::VecDeque::new();
            if v.is_some() {
                queue.push_back(v.clone());
            }
            while let Some(entry) = queue.pop_front() {
                match entry {
                    None => items.push("#".to_string()),
                    Some(rc) => {
                        if !seen.insert(std::rc::Rc::as_ptr(&rc)) {
                            self.items(None); // not a tree
                            return;
                        }
                        let node = rc.borrow();
                        items.push(node.val.to_string());
                        queue.push_back(node.left.clone());
                        queue.push_back(node.right.clone());
                    }
                }
            }
            while items.last().map(|s| s == "#").unwrap_or(false) {
                items.pop();
            }
            self.items(Some(items));
        }
    }
"""


def rust_type(t: Type) -> str:
    if t.base == "ListNode":
        return "Option<Box<ListNode>>"
    if t.base == "TreeNode":
        return "Option<Rc<RefCell<TreeNode>>>"
    text = _SCALARS[t.base]
    for _ in range(t.dims):
        text = f"Vec<{text}>"
    return text


def _default(t: Type) -> str:
    if t.base in ("ListNode", "TreeNode"):
        return "None"
    if t.dims:
        return "vec![]"
    return _DEFAULTS[t.base]


def _read(t: Type) -> str:
    """An expression reading one `t` from the Reader `r`."""
    if t.base in ("ListNode", "TreeNode"):
        return "r.list()" if t.base == "ListNode" else "r.tree()"
    if not t.dims:
        return f"r.{_METHODS[t.base]}()"
    return f"r.vec(|r| {_read(t.element)})"


def _write(t: Type, value: str) -> str:
    """A statement writing `value` (a `t`) with the Writer `w`."""
    if t.base in ("ListNode", "TreeNode"):
        return f"w.{'list' if t.base == 'ListNode' else 'tree'}({value})"
    if not t.dims:
        return f"w.{_METHODS[t.base]}({value})"
    return f"w.vec({value}, |w, x| {_write(t.element, 'x')})"


def _params(params: tuple[Param, ...], receiver: str = "") -> str:
    items = ([receiver] if receiver else []) + [f"{snake_case(p.name)}: {rust_type(p.type)}" for p in params]
    return ", ".join(items)


def _definitions(signature: Signature) -> str:
    out = node_definitions(signature, LIST_NODE, TREE_NODE, line="//")
    if uses(signature, "TreeNode"):
        out += "use std::rc::Rc;\nuse std::cell::RefCell;\n"
    return out


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        out += f"struct {cls} {{\n\n}}\n\n\n"
        out += "/**\n * `&self` means the method takes an immutable reference.\n"
        out += " * If you need a mutable reference, change it to `&mut self` instead.\n */\n"
        out += f"impl {cls} {{\n\n    fn new({_params(signature.constructor)}) -> Self {{\n"
        out += f"        {cls} {{}}\n    }}\n"
        for method in signature.methods:
            returns = "" if method.returns.is_void else f" -> {rust_type(method.returns)}"
            body = "" if method.returns.is_void else f"        {_default(method.returns)}\n"
            out += f"\n    fn {snake_case(method.name)}({_params(method.params, '&self')}){returns} {{\n"
            out += body + "    }\n"
        out += "}\n"
        args = ", ".join(snake_case(p.name) for p in signature.constructor)
        out += f"\n/**\n * Your {cls} object will be instantiated and called as such:\n"
        out += f" * let obj = {cls}::new({args});\n"
        for number, method in enumerate(signature.methods, 1):
            call = f"obj.{snake_case(method.name)}({', '.join(snake_case(p.name) for p in method.params)});"
            out += (
                f" * {call}\n"
                if method.returns.is_void
                else f" * let ret_{number}: {rust_type(method.returns)} = {call}\n"
            )
        return out + " */\n"
    f = signature.function
    returns = rust_type(f.returns)
    out += f"impl Solution {{\n    pub fn {snake_case(f.name)}({_params(f.params)}) -> {returns} {{\n"
    return out + f"        {_default(f.returns)}\n    }}\n}}\n"


def _call(call: Call, target: str, indent: str) -> list[str]:
    lines = [f"{indent}let a{i} = {_read(p.type)};" for i, p in enumerate(call.params)]
    args = ", ".join(f"a{i}" for i in range(len(call.params)))
    assert call.returns is not None
    if call.returns.is_void:
        lines.append(f"{indent}{target}({args});")
        lines.append(f'{indent}w.token("-");')
    else:
        lines.append(f"{indent}let result = {target}({args});")
        lines.append(f"{indent}{_write(call.returns, 'result')};")
    lines.append(f"{indent}w.line();")
    return lines


def _main(signature: Signature) -> str:
    lines = [
        "    pub fn main() {",
        "        use std::io::{Read, Write};",
        "        let fd = unsafe { dup(1) };",
        "        unsafe { dup2(2, 1) };",
        "        use std::os::unix::io::FromRawFd;",
        "        let mut results = unsafe { std::fs::File::from_raw_fd(fd) };",
        "        let mut data = Vec::new();",
        "        std::io::stdin().read_to_end(&mut data).unwrap();",
        "        let mut r = Reader { b: data, p: 0 };",
        "        let mut w = Writer { b: Vec::new() };",
    ]
    if isinstance(signature, DesignSignature):
        constructor, *methods = calls(signature)
        lines.append("        let count = r.int();")
        lines.append("        r.int(); // 0: the constructor")
        lines += [f"        let c{i} = {_read(p.type)};" for i, p in enumerate(constructor.params)]
        args = ", ".join(f"c{i}" for i in range(len(constructor.params)))
        lines.append(f"        let mut obj = {signature.class_name}::new({args});")
        lines.append('        w.token("-");')
        lines.append("        w.line();")
        lines.append("        for _ in 1..count {")
        lines.append("            match r.int() {")
        for method in methods:
            lines.append(f"                {method.index} => {{")
            lines += _call(method, f"obj.{snake_case(method.name)}", " " * 20)
            lines.append("                }")
        lines.append('                _ => panic!("algocode driver: unknown call"),')
        lines.append("            }")
        lines.append("        }")
    else:
        (call,) = calls(signature)
        lines += _call(call, f"Solution::{snake_case(call.name)}", " " * 8)
    lines.append("        results.write_all(&w.b).unwrap();")
    lines.append("        results.flush().unwrap();")
    lines.append("    }")
    return "\n".join(lines) + "\n"


def program(signature: Signature, source: str) -> str:
    parts = [source]
    if not source.endswith("\n"):
        parts.append("\n")
    parts.append("\n// The judge's driver (not part of the submission).\n")
    if not isinstance(signature, DesignSignature):
        parts.append("pub struct Solution;\n")
    if uses(signature, "ListNode"):
        parts.append("#[allow(dead_code)]\n" + LIST_NODE + "\n")
    if uses(signature, "TreeNode"):
        tree = TREE_NODE.replace("Option<Rc<RefCell<TreeNode>>>", f"Option<{_RC}>")
        parts.append("#[allow(dead_code)]\n" + tree + "\n")
    parts.append(_RUNTIME)
    parts.append(_LIST if uses(signature, "ListNode") else "")
    parts.append(_TREE if uses(signature, "TreeNode") else "")
    parts.append("\n" + _main(signature) + "}\n\nfn main() {\n    algocode_driver::main()\n}\n")
    return "".join(parts)
