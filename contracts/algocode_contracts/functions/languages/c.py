# ruff: noqa: E501 - the embedded driver source keeps its own line lengths
"""C: LeetCode's C conventions, and the program = a prelude (the standard headers LeetCode includes,
`struct ListNode`/`struct TreeNode` when used), `#line 1 "solution.c"`, the user's code, then
`#line 1 "algocode_driver.c"` and the driver.

Conventions (LeetCode's): an array parameter `T[] nums` is `T* nums, int numsSize`; a 2-D one is
`T** grid, int gridSize, int* gridColSize`; `string` is `char*` (NUL-terminated), `long` is `long long`;
an array result is returned as a malloc'ed pointer with `int* returnSize` (2-D: also
`int** returnColumnSizes`) appended to the parameters. A design class `LRUCache` is a `typedef struct`
with `LRUCache* lRUCacheCreate(...)`, `int lRUCacheGet(LRUCache* obj, ...)`, ... and `lRUCacheFree`
(called once after the last call).

The driver saves the real stdout (`dup(1)`) as the result channel and points fd 1 at stderr before the
user's code runs: `printf` is debug output. A NULL string or array where a value is due is the `!` token.
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import (
    Call,
    all_types,
    calls,
    ensure_newline,
    uses,
    with_element_types,
)
from algocode_contracts.functions.signature import (
    DesignSignature,
    FunctionSignature,
    Method,
    Param,
    Signature,
    Type,
)

_C = {
    "int": "int",
    "long": "long long",
    "double": "double",
    "bool": "bool",
    "char": "char",
    "string": "char*",
    "ListNode": "struct ListNode*",
    "TreeNode": "struct TreeNode*",
}

_PRELUDE = """\
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
"""
_LIST = "struct ListNode {\n    int val;\n    struct ListNode *next;\n};\n"
_TREE = "struct TreeNode {\n    int val;\n    struct TreeNode *left;\n    struct TreeNode *right;\n};\n"

_DRIVER_HEAD = r"""
int dup(int);
int dup2(int, int);
static char* algocode_in;
static size_t algocode_len, algocode_pos;
static char* algocode_out;
static size_t algocode_out_len, algocode_out_cap;
static int algocode_wrong;

static void algocode_put(const char* data, size_t n) {
    if (algocode_out_len + n > algocode_out_cap) {
        size_t cap = algocode_out_cap ? algocode_out_cap : 4096;
        while (cap < algocode_out_len + n) cap *= 2;
        algocode_out = (char*)realloc(algocode_out, cap);
        if (algocode_out == NULL) abort();
        algocode_out_cap = cap;
    }
    memcpy(algocode_out + algocode_out_len, data, n);
    algocode_out_len += n;
}
static void algocode_tok(long long v) {
    char buffer[32];
    int n = snprintf(buffer, sizeof buffer, "%lld ", v);
    algocode_put(buffer, (size_t)n);
}
static int algocode_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
static void algocode_skip(void) {
    while (algocode_pos < algocode_len && algocode_space(algocode_in[algocode_pos])) algocode_pos++;
}
static long long algocode_num(void) {
    algocode_skip();
    int negative = 0;
    if (algocode_pos < algocode_len && algocode_in[algocode_pos] == '-') { negative = 1; algocode_pos++; }
    unsigned long long v = 0;
    while (algocode_pos < algocode_len && algocode_in[algocode_pos] >= '0' && algocode_in[algocode_pos] <= '9')
        v = v * 10 + (unsigned long long)(algocode_in[algocode_pos++] - '0');
    return negative ? (long long)(0ULL - v) : (long long)v;
}
static double algocode_double(void) {
    algocode_skip();
    char* end = NULL;
    double v = strtod(algocode_in + algocode_pos, &end);
    algocode_pos = (size_t)(end - algocode_in);
    return v;
}
static char* algocode_string(void) {
    size_t n = (size_t)algocode_num();
    algocode_pos++;
    char* s = (char*)malloc(n + 1);
    memcpy(s, algocode_in + algocode_pos, n);
    s[n] = 0;
    algocode_pos += n;
    return s;
}
static int algocode_null_entry(void) {
    algocode_skip();
    if (algocode_pos < algocode_len && algocode_in[algocode_pos] == '#') { algocode_pos++; return 1; }
    return 0;
}
static void algocode_wr_int(int v) { algocode_tok(v); }
static void algocode_wr_long(long long v) { algocode_tok(v); }
static void algocode_wr_bool(bool v) { algocode_tok(v ? 1 : 0); }
static void algocode_wr_char(char v) { algocode_tok((unsigned char)v); }
static void algocode_wr_double(double v) {
    char buffer[64];
    int n = snprintf(buffer, sizeof buffer, "%.17g ", v);
    algocode_put(buffer, (size_t)n);
}
static void algocode_wr_string(const char* s) {
    if (s == NULL) { algocode_wrong = 1; return; }
    size_t n = strlen(s);
    algocode_tok((long long)n);
    algocode_put(s, n);
    algocode_put(" ", 1);
}
static int algocode_rd_int(void) { return (int)algocode_num(); }
static long long algocode_rd_long(void) { return algocode_num(); }
static bool algocode_rd_bool(void) { return algocode_num() != 0; }
static char algocode_rd_char(void) { return (char)algocode_num(); }
static double algocode_rd_double(void) { return algocode_double(); }
static char* algocode_rd_string(void) { return algocode_string(); }
"""

_DRIVER_LIST = r"""
static struct ListNode* algocode_rd_ListNode(void) {
    int n = (int)algocode_num();
    struct ListNode* head = NULL;
    struct ListNode** tail = &head;
    for (int i = 0; i < n; i++) {
        struct ListNode* node = (struct ListNode*)malloc(sizeof(struct ListNode));
        node->val = (int)algocode_num();
        node->next = NULL;
        *tail = node;
        tail = &node->next;
    }
    return head;
}
static void algocode_wr_ListNode(struct ListNode* head) {
    struct ListNode *slow = head, *fast = head;
    long long n = 0;
    while (fast != NULL && fast->next != NULL) {
        slow = slow->next;
        fast = fast->next->next;
        if (slow == fast) { algocode_wrong = 1; return; }  /* a cycle */
    }
    for (struct ListNode* node = head; node != NULL; node = node->next) n++;
    algocode_tok(n);
    for (struct ListNode* node = head; node != NULL; node = node->next) algocode_tok(node->val);
}
"""

_DRIVER_TREE = r"""
static struct TreeNode* algocode_rd_TreeNode(void) {
    int n = (int)algocode_num();
    if (n == 0) return NULL;
    struct TreeNode** nodes = (struct TreeNode**)calloc((size_t)n, sizeof(struct TreeNode*));
    for (int i = 0; i < n; i++) {
        if (algocode_null_entry()) continue;
        nodes[i] = (struct TreeNode*)malloc(sizeof(struct TreeNode));
        nodes[i]->val = (int)algocode_num();
        nodes[i]->left = nodes[i]->right = NULL;
    }
    int child = 1;
    for (int i = 0; i < n && child < n; i++) {
        if (nodes[i] == NULL) continue;
        nodes[i]->left = nodes[child++];
        if (child < n) nodes[i]->right = nodes[child++];
    }
    struct TreeNode* root = nodes[0];
    free(nodes);
    return root;
}
/* Visited nodes in an open-addressing set: a node reached twice (a cycle, a shared subtree) is no tree. */
static int algocode_seen_add(struct TreeNode*** set, size_t* cap, size_t* count, struct TreeNode* node) {
    if ((*count + 1) * 2 > *cap) {
        size_t old = *cap, fresh = old ? old * 2 : 1024;
        struct TreeNode** grown = (struct TreeNode**)calloc(fresh, sizeof(struct TreeNode*));
        for (size_t i = 0; i < old; i++) {
            if ((*set)[i] == NULL) continue;
            size_t h = ((uintptr_t)(*set)[i] >> 4) & (fresh - 1);
            while (grown[h] != NULL) h = (h + 1) & (fresh - 1);
            grown[h] = (*set)[i];
        }
        free(*set);
        *set = grown;
        *cap = fresh;
    }
    size_t h = ((uintptr_t)node >> 4) & (*cap - 1);
    while ((*set)[h] != NULL) {
        if ((*set)[h] == node) return 0;
        h = (h + 1) & (*cap - 1);
    }
    (*set)[h] = node;
    (*count)++;
    return 1;
}
static void algocode_wr_TreeNode(struct TreeNode* root) {
    size_t cap = 0, count = 0, head = 0, size = 0, room = 16;
    struct TreeNode** seen = NULL;
    struct TreeNode** queue = (struct TreeNode**)malloc(room * sizeof(struct TreeNode*));
    queue[size++] = root;
    while (head < size) {
        struct TreeNode* node = queue[head++];
        if (node == NULL) continue;
        if (!algocode_seen_add(&seen, &cap, &count, node)) { algocode_wrong = 1; break; }
        if (size + 2 > room) {
            room *= 2;
            queue = (struct TreeNode**)realloc(queue, room * sizeof(struct TreeNode*));
        }
        queue[size++] = node->left;
        queue[size++] = node->right;
    }
    if (!algocode_wrong) {
        while (size > 0 && queue[size - 1] == NULL) size--;
        algocode_tok((long long)size);
        for (size_t i = 0; i < size; i++) {
            if (queue[i] == NULL) algocode_put("# ", 2);
            else algocode_tok(queue[i]->val);
        }
    }
    free(queue);
    free(seen);
}
"""

_MAIN_HEAD = r"""
int main(void) {
    int algocode_result_fd = dup(1);
    dup2(2, 1);
    {
        size_t cap = 1 << 16;
        algocode_in = (char*)malloc(cap + 1);
        size_t got;
        while ((got = fread(algocode_in + algocode_len, 1, cap - algocode_len, stdin)) > 0) {
            algocode_len += got;
            if (algocode_len == cap) {
                cap *= 2;
                algocode_in = (char*)realloc(algocode_in, cap + 1);
            }
        }
        algocode_in[algocode_len] = 0;
    }
"""

_MAIN_TAIL = r"""    fflush(stdout);
    FILE* algocode_result = fdopen(algocode_result_fd, "wb");
    if (algocode_result == NULL) return 1;
    fwrite(algocode_out, 1, algocode_out_len, algocode_result);
    fflush(algocode_result);
    return 0;
}
"""


def c_type(type_: Type) -> str:
    return _C[type_.base] + "*" * type_.dims


def _array_helpers(types: list[Type]) -> str:
    """Readers and writers for every array type the signature uses (1-D before 2-D)."""
    code = []
    for type_ in with_element_types(types):
        base, ctype = type_.base, _C[type_.base]
        if type_.dims == 1:
            code.append(
                f"static {ctype}* algocode_rd_{base}_1(int* size) {{\n"
                f"    int n = (int)algocode_num();\n"
                f"    {ctype}* a = ({ctype}*)malloc(sizeof({ctype}) * (size_t)(n ? n : 1));\n"
                f"    for (int i = 0; i < n; i++) a[i] = algocode_rd_{base}();\n"
                f"    *size = n;\n    return a;\n}}\n"
                f"static void algocode_wr_{base}_1({ctype}* a, int n) {{\n"
                f"    if (n < 0 || (n > 0 && a == NULL)) {{ algocode_wrong = 1; return; }}\n"
                f"    algocode_tok(n);\n"
                f"    for (int i = 0; i < n; i++) algocode_wr_{base}(a[i]);\n}}\n"
            )
        elif type_.dims == 2:
            code.append(
                f"static {ctype}** algocode_rd_{base}_2(int* size, int** columns) {{\n"
                f"    int n = (int)algocode_num();\n"
                f"    {ctype}** a = ({ctype}**)malloc(sizeof({ctype}*) * (size_t)(n ? n : 1));\n"
                f"    int* c = (int*)malloc(sizeof(int) * (size_t)(n ? n : 1));\n"
                f"    for (int i = 0; i < n; i++) a[i] = algocode_rd_{base}_1(&c[i]);\n"
                f"    *size = n;\n    *columns = c;\n    return a;\n}}\n"
                f"static void algocode_wr_{base}_2({ctype}** a, int n, int* columns) {{\n"
                f"    if (n < 0 || (n > 0 && (a == NULL || columns == NULL))) {{ algocode_wrong = 1; return; }}\n"
                f"    algocode_tok(n);\n"
                f"    for (int i = 0; i < n; i++) algocode_wr_{base}_1(a[i], columns[i]);\n}}\n"
            )
    return "".join(code)


def _read_args(params: tuple[Param, ...], indent: str) -> tuple[list[str], list[str]]:
    """Declarations reading each parameter, and the C arguments they become."""
    lines, args = [], []
    for i, param in enumerate(params):
        type_, ctype = param.type, c_type(param.type)
        if type_.dims == 0:
            lines.append(f"{indent}{ctype} a{i} = algocode_rd_{type_.base}();")
            args.append(f"a{i}")
        elif type_.dims == 1:
            lines.append(f"{indent}int a{i}Size = 0;")
            lines.append(f"{indent}{ctype} a{i} = algocode_rd_{type_.base}_1(&a{i}Size);")
            args += [f"a{i}", f"a{i}Size"]
        else:
            lines.append(f"{indent}int a{i}Size = 0;")
            lines.append(f"{indent}int* a{i}Cols = NULL;")
            lines.append(f"{indent}{ctype} a{i} = algocode_rd_{type_.base}_2(&a{i}Size, &a{i}Cols);")
            args += [f"a{i}", f"a{i}Size", f"a{i}Cols"]
    return lines, args


def _call_lines(call: Call, function: str, leading: list[str], indent: str) -> list[str]:
    lines, args = _read_args(call.params, indent)
    args = leading + args
    returns = call.returns
    if returns is None or returns.is_void:
        return [*lines, f"{indent}{function}({', '.join(args)});", f'{indent}algocode_put("-\\n", 2);']
    if returns.dims >= 1:
        lines.append(f"{indent}int algocode_rs = 0;")
        args.append("&algocode_rs")
    if returns.dims == 2:
        lines.append(f"{indent}int* algocode_rcs = NULL;")
        args.append("&algocode_rcs")
    writer = f"algocode_wr_{returns.base}" + (f"_{returns.dims}" if returns.dims else "")
    written = ["r", "algocode_rs", "algocode_rcs"][: returns.dims + 1]
    return [
        *lines,
        f"{indent}{c_type(returns)} r = {function}({', '.join(args)});",
        f"{indent}size_t mark = algocode_out_len;",
        f"{indent}algocode_wrong = 0;",
        f"{indent}{writer}({', '.join(written)});",
        f'{indent}if (algocode_wrong) {{ algocode_out_len = mark; algocode_put("!", 1); }}',
        f'{indent}algocode_put("\\n", 1);',
    ]


def design_prefix(class_name: str) -> str:
    """`LRUCache` -> `lRUCache` (LeetCode's C names: lRUCacheCreate, lRUCacheGet, ...)."""
    return class_name[:1].lower() + class_name[1:]


def _c_name(signature: DesignSignature, method: str) -> str:
    return design_prefix(signature.class_name) + method[:1].upper() + method[1:]


def _body(signature: Signature) -> list[str]:
    if isinstance(signature, FunctionSignature):
        call = calls(signature)[0]
        return ["    {", *_call_lines(call, call.name, [], "        "), "    }"]
    assert isinstance(signature, DesignSignature)
    name = signature.class_name
    lines = [
        f"    {name}* algocode_object = NULL;",
        "    for (long long count = algocode_num(), c = 0; c < count; ++c) {",
        "        switch (algocode_num()) {",
    ]
    for call in calls(signature):
        lines.append(f"        case {call.index}: {{")
        if call.index == 0:
            read, args = _read_args(call.params, "            ")
            lines += read
            lines += [
                f"            algocode_object = {_c_name(signature, 'create')}({', '.join(args)});",
                '            algocode_put("-\\n", 2);',
            ]
        else:
            lines += _call_lines(call, _c_name(signature, call.name), ["algocode_object"], "            ")
        lines += ["            break;", "        }"]
    lines += [
        "        default: return 3;",
        "        }",
        "    }",
        f"    {_c_name(signature, 'free')}(algocode_object);",
    ]
    return lines


def program(signature: Signature, source: str) -> str:
    prelude, driver = _PRELUDE, _DRIVER_HEAD
    if uses(signature, "ListNode"):
        prelude += _LIST
        driver += _DRIVER_LIST
    if uses(signature, "TreeNode"):
        prelude += _TREE
        driver += _DRIVER_TREE
    driver += _array_helpers(all_types(signature))
    # Helpers for types this signature does not use stay defined: no -Wunused noise for the user.
    driver = driver.replace("\nstatic ", "\nstatic __attribute__((unused)) ")
    return (
        prelude
        + '#line 1 "solution.c"\n'
        + ensure_newline(source)
        + '#line 1 "algocode_driver.c"\n'
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
 *     struct ListNode *next;
 * };
 */
"""
_TREE_COMMENT = """\
/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
"""
_ARRAY_NOTE = "/**\n * Note: The returned array must be malloced, assume caller calls free().\n */\n"


def _params(params: tuple[Param, ...]) -> list[str]:
    out = []
    for param in params:
        out.append(f"{c_type(param.type)} {param.name}")
        if param.type.dims >= 1:
            out.append(f"int {param.name}Size")
        if param.type.dims == 2:
            out.append(f"int* {param.name}ColSize")
    return out


def _return_params(returns: Type) -> list[str]:
    return ["int* returnSize", "int** returnColumnSizes"][: returns.dims]


def _default_body(returns: Type) -> list[str]:
    if returns.is_void:
        return ["    "]
    if returns.dims == 2:
        return ["    *returnSize = 0;", "    *returnColumnSizes = NULL;", "    return NULL;"]
    if returns.dims == 1:
        return ["    *returnSize = 0;", "    return NULL;"]
    value = {
        "int": "0",
        "long": "0",
        "double": "0.0",
        "bool": "false",
        "char": "'a'",
        "string": '""',
        "ListNode": "NULL",
        "TreeNode": "NULL",
    }[returns.base]
    return [f"    return {value};"]


def _function(name: str, method: Method, leading: list[str]) -> list[str]:
    params = ", ".join([*leading, *_params(method.params), *_return_params(method.returns)])
    returns = "void" if method.returns.is_void else c_type(method.returns)
    return [f"{returns} {name}({params}) {{", *_default_body(method.returns), "}"]


def stub(signature: Signature) -> str:
    text = (_LIST_COMMENT if uses(signature, "ListNode") else "") + (
        _TREE_COMMENT if uses(signature, "TreeNode") else ""
    )
    if isinstance(signature, FunctionSignature):
        if signature.function.returns.dims:
            text += _ARRAY_NOTE
        return text + "\n".join(_function(signature.function.name, signature.function, [])) + "\n"
    name = signature.class_name
    obj = f"{name}* obj"
    lines = ["typedef struct {", "    ", f"}} {name};", ""]
    create = ", ".join(_params(signature.constructor)) or "void"
    lines += [f"{name}* {_c_name(signature, 'create')}({create}) {{", "    return NULL;", "}"]
    for method in signature.methods:
        lines += ["", *_function(_c_name(signature, method.name), method, [obj])]
    lines += ["", f"void {_c_name(signature, 'free')}({obj}) {{", "    ", "}"]
    return text + "\n".join(lines) + "\n"
