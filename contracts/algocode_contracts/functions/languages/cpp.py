# ruff: noqa: E501 - the embedded driver source keeps its own line lengths
"""C++ (cpp and cpp20): LeetCode's `class Solution { public: ... };` stub, and the program = a prelude
(`#include <bits/stdc++.h>`, `using namespace std;`, ListNode/TreeNode when the signature uses them),
`#line 1 "solution.cpp"`, the user's code, then `#line 1 "algocode_driver.cpp"` and the driver.

The `#line` directive makes the compiler name the user's own lines (`solution.cpp:3:5: error: ...`).
The driver's `main` saves the real stdout (`dup(1)`) as the result channel and points fd 1 at stderr
(`dup2(2, 1)`), so `cout` and `printf` of the user's code are debug output. It reads all of stdin in the
wire format (codec.py) with overloaded `rd`, calls the method on a `new Solution()` (or replays a design's
calls on `new Class(...)`), and writes each result with overloaded `wr` (`%.17g` for doubles).
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import Call, calls, ensure_newline, uses
from algocode_contracts.functions.signature import (
    DesignSignature,
    FunctionSignature,
    Method,
    Param,
    Signature,
    Type,
)

_SCALARS = {
    "int": "int",
    "long": "long long",
    "double": "double",
    "bool": "bool",
    "char": "char",
    "string": "string",
    "ListNode": "ListNode*",
    "TreeNode": "TreeNode*",
}

_LIST = """\
struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
"""
_TREE = """\
struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
"""

_DRIVER_HEAD = r"""
namespace algocode_driver {
static std::vector<char> in;
static size_t pos = 0;
static std::string out;

static bool space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
static void skip() { while (pos < in.size() && space(in[pos])) ++pos; }
static long long num() {
    skip();
    bool neg = false;
    if (pos < in.size() && in[pos] == '-') { neg = true; ++pos; }
    unsigned long long v = 0;
    while (pos < in.size() && in[pos] >= '0' && in[pos] <= '9') v = v * 10 + (unsigned long long)(in[pos++] - '0');
    return neg ? (long long)(0ULL - v) : (long long)v;
}
static bool null_entry() {
    skip();
    if (pos < in.size() && in[pos] == '#') { ++pos; return true; }
    return false;
}
static void rd(int& x) { x = (int)num(); }
static void rd(long long& x) { x = num(); }
static void rd(bool& x) { x = num() != 0; }
static void rd(char& x) { x = (char)num(); }
static void rd(double& x) {
    skip();
    size_t start = pos;
    while (pos < in.size() && !space(in[pos])) ++pos;
    std::string text(in.begin() + (long)start, in.begin() + (long)pos);
    x = std::strtod(text.c_str(), nullptr);
}
static void rd(std::string& x) {
    size_t n = (size_t)num();
    ++pos;
    x.assign(in.data() + pos, n);
    pos += n;
}
template <class T> static void rd(std::vector<T>& v) {
    size_t n = (size_t)num();
    v.clear();
    v.reserve(n);
    for (size_t i = 0; i < n; ++i) { T e{}; rd(e); v.push_back(std::move(e)); }
}
static void tok(long long v) { out += std::to_string(v); out += ' '; }
static void wr(int v) { tok(v); }
static void wr(long long v) { tok(v); }
static void wr(bool v) { tok(v ? 1 : 0); }
static void wr(char v) { tok((long long)(unsigned char)v); }
static void wr(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    out += buffer;
    out += ' ';
}
static void wr(const std::string& s) { tok((long long)s.size()); out += s; out += ' '; }
template <class T> static void wr(const std::vector<T>& v) {
    tok((long long)v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        if constexpr (std::is_same<T, bool>::value) wr((bool)v[i]); else wr(v[i]);
    }
}
"""

_DRIVER_LIST = r"""
static void rd(ListNode*& head) {
    size_t n = (size_t)num();
    std::vector<int> values(n);
    for (auto& v : values) v = (int)num();
    head = nullptr;
    for (size_t i = n; i-- > 0;) head = new ListNode(values[i], head);
}
static void wr(ListNode* head) {
    std::vector<int> values;
    std::unordered_set<ListNode*> seen;
    for (; head != nullptr; head = head->next) {
        if (!seen.insert(head).second) { out += "! "; return; }
        values.push_back(head->val);
    }
    tok((long long)values.size());
    for (int v : values) tok(v);
}
"""

_DRIVER_TREE = r"""
static void rd(TreeNode*& root) {
    size_t n = (size_t)num();
    std::vector<TreeNode*> nodes(n, nullptr);
    for (size_t i = 0; i < n; ++i) if (!null_entry()) nodes[i] = new TreeNode((int)num());
    size_t child = 1;
    for (size_t i = 0; i < n && child < n; ++i) {
        if (nodes[i] == nullptr) continue;
        nodes[i]->left = nodes[child++];
        if (child < n) nodes[i]->right = nodes[child++];
    }
    root = n ? nodes[0] : nullptr;
}
static void wr(TreeNode* root) {
    std::vector<TreeNode*> queue{root};
    std::unordered_set<TreeNode*> seen;
    std::vector<std::string> items;
    for (size_t i = 0; i < queue.size(); ++i) {
        TreeNode* node = queue[i];
        if (node == nullptr) { items.push_back("#"); continue; }
        if (!seen.insert(node).second) { out += "! "; return; }
        items.push_back(std::to_string(node->val));
        queue.push_back(node->left);
        queue.push_back(node->right);
    }
    while (!items.empty() && items.back() == "#") items.pop_back();
    tok((long long)items.size());
    for (auto& item : items) { out += item; out += ' '; }
}
"""

_MAIN_HEAD = r"""}  // namespace algocode_driver

int main() {
    using namespace algocode_driver;
    int algocode_result_fd = dup(1);
    dup2(2, 1);
    {
        char buffer[1 << 16];
        ssize_t got;
        while ((got = read(0, buffer, sizeof buffer)) > 0) in.insert(in.end(), buffer, buffer + got);
    }
"""

_MAIN_TAIL = r"""    std::cout.flush();
    std::fflush(stdout);
    const char* data = out.data();
    size_t left = out.size();
    while (left > 0) {
        ssize_t put = write(algocode_result_fd, data, left);
        if (put <= 0) return 1;
        data += put;
        left -= (size_t)put;
    }
    return 0;
}
"""


def cpp_type(type_: Type) -> str:
    name = _SCALARS[type_.base]
    for _ in range(type_.dims):
        name = f"vector<{name}>"
    return name


def _read_args(params: tuple[Param, ...], indent: str) -> tuple[list[str], str]:
    lines = [f"{indent}{cpp_type(p.type)} a{i}{{}}; rd(a{i});" for i, p in enumerate(params)]
    return lines, ", ".join(f"a{i}" for i in range(len(params)))


def _call_lines(call: Call, target: str, indent: str) -> list[str]:
    lines, args = _read_args(call.params, indent)
    expression = f"{target}->{call.name}({args})"
    if call.returns is None or call.returns.is_void:
        lines += [f"{indent}{expression};", f'{indent}out += "-\\n";']
    else:
        lines += [
            f"{indent}{cpp_type(call.returns)} r = {expression};",
            f"{indent}wr(r);",
            f"{indent}out += '\\n';",
        ]
    return lines


def _body(signature: Signature) -> list[str]:
    if isinstance(signature, FunctionSignature):
        call = calls(signature)[0]
        return [
            "    {",
            "        Solution* solution = new Solution();",
            *_call_lines(call, "solution", "        "),
            "    }",
        ]
    lines = [
        f"    {signature.class_name}* object = nullptr;",
        "    for (long long count = num(), c = 0; c < count; ++c) {",
        "        switch (num()) {",
    ]
    for call in calls(signature):
        lines.append(f"        case {call.index}: {{")
        if call.index == 0:
            read, args = _read_args(call.params, "            ")
            lines += read
            lines += [f"            object = new {call.name}({args});", '            out += "-\\n";']
        else:
            lines += _call_lines(call, "object", "            ")
        lines += ["            break;", "        }"]
    lines += ["        default: return 3;", "        }", "    }"]
    return lines


def program(signature: Signature, source: str) -> str:
    prelude = "#include <bits/stdc++.h>\n#include <unistd.h>\nusing namespace std;\n"
    driver = _DRIVER_HEAD
    if uses(signature, "ListNode"):
        prelude += _LIST
        driver += _DRIVER_LIST
    if uses(signature, "TreeNode"):
        prelude += _TREE
        driver += _DRIVER_TREE
    return (
        prelude
        + '#line 1 "solution.cpp"\n'
        + ensure_newline(source)
        + '#line 1 "algocode_driver.cpp"\n'
        + driver
        + _MAIN_HEAD
        + "\n".join(_body(signature))
        + "\n"
        + _MAIN_TAIL
    )


# --------------------------------------------------------------------------------------------- stub

_LIST_COMMENT = """\
/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
"""
_TREE_COMMENT = """\
/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
"""


def default(type_: Type) -> str:
    if type_.dims:
        return "{}"
    return {
        "int": "0",
        "long": "0",
        "double": "0.0",
        "bool": "false",
        "char": "'a'",
        "string": '""',
        "ListNode": "nullptr",
        "TreeNode": "nullptr",
    }[type_.base]


def _param(param: Param) -> str:
    by_reference = "&" if param.type.dims else ""
    return f"{cpp_type(param.type)}{by_reference} {param.name}"


def _method(method: Method) -> list[str]:
    returns = "void" if method.returns.is_void else cpp_type(method.returns)
    params = ", ".join(_param(p) for p in method.params)
    body = "        " if method.returns.is_void else f"        return {default(method.returns)};"
    return [f"    {returns} {method.name}({params}) {{", body, "    }"]


def stub(signature: Signature) -> str:
    text = ""
    if uses(signature, "ListNode"):
        text += _LIST_COMMENT
    if uses(signature, "TreeNode"):
        text += _TREE_COMMENT
    if isinstance(signature, FunctionSignature):
        lines = ["class Solution {", "public:", *_method(signature.function), "};"]
    else:
        assert isinstance(signature, DesignSignature)
        params = ", ".join(_param(p) for p in signature.constructor)
        lines = [
            f"class {signature.class_name} {{",
            "public:",
            f"    {signature.class_name}({params}) {{",
            "        ",
            "    }",
        ]
        for method in signature.methods:
            lines += ["", *_method(method)]
        lines.append("};")
    return text + "\n".join(lines) + "\n"
