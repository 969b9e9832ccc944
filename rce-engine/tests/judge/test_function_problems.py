# ruff: noqa: E501 - the embedded solutions are other languages' source text
"""Function-style problems judged in the real sandbox, for the four languages whose drivers live in
contracts (c, cpp, java, python3): the user submits only the function or class, the judge wraps it with
the generated driver, runs it on the wire format and compares the decoded result by type.

What a user would notice: an accepted solution is AC; a wrong one WA with a reason; their own prints
(even a forged result line on stdout) change nothing; compile errors name their own line numbers; the
stub submitted unchanged is WA (never CE/RE/IE); a Python function returning the wrong type is WA; the
ListNode, TreeNode, 2-D and design conventions of each language work.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from algocode_contracts import (
    CheckerSettings,
    JobKind,
    JudgeLimits,
    ReferenceSolution,
    SubmissionCreated,
    TestCase,
    Verdict,
)
from algocode_contracts.functions import parse_signature
from algocode_contracts.functions.languages import stub
from rce_engine.judge import judge_job, judge_job_report
from rce_engine.sandbox.base import Sandbox

LIMITS = JudgeLimits(time_limit_ms=2000, memory_limit_kib=256 * 1024, output_limit_kib=1024)

TWO_SUM = {
    "function": {
        "name": "twoSum",
        "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
        "returns": "int[]",
    }
}
TWO_SUM_TESTS = [
    TestCase(name="sample/1", input="[2,7,11,15]\n9\n", answer="[0,1]", sample=True),
    TestCase(name="secret/1", input="[3,2,4]\n6\n", answer="[1,2]"),
    TestCase(name="secret/2", input="[-3,4,3,90]\n0\n", answer="[0,2]"),
]
REVERSE = {
    "function": {
        "name": "reverseList",
        "params": [{"name": "head", "type": "ListNode"}],
        "returns": "ListNode",
    }
}
REVERSE_TESTS = [
    TestCase(name="sample/1", input="[1,2,3,4,5]\n", answer="[5,4,3,2,1]", sample=True),
    TestCase(name="secret/1", input="[]\n", answer="[]"),
    TestCase(name="secret/2", input="[7]\n", answer="[7]"),
]
INVERT = {
    "function": {
        "name": "invertTree",
        "params": [{"name": "root", "type": "TreeNode"}],
        "returns": "TreeNode",
    }
}
INVERT_TESTS = [
    TestCase(name="sample/1", input="[4,2,7,1,3,6,9]\n", answer="[4,7,2,9,6,3,1]", sample=True),
    TestCase(name="secret/1", input="[1,2]\n", answer="[1,null,2]"),
    TestCase(name="secret/2", input="[]\n", answer="[]"),
]
TRANSPOSE = {
    "function": {"name": "transpose", "params": [{"name": "matrix", "type": "int[][]"}], "returns": "int[][]"}
}
TRANSPOSE_TESTS = [
    TestCase(name="sample/1", input="[[1,2,3],[4,5,6]]\n", answer="[[1,4],[2,5],[3,6]]", sample=True),
    TestCase(name="secret/1", input="[[7]]\n", answer="[[7]]"),
]
ACCUMULATOR = {
    "design": {
        "class": "Accumulator",
        "constructor": [{"name": "start", "type": "int"}],
        "methods": [
            {"name": "add", "params": [{"name": "value", "type": "int"}], "returns": "void"},
            {"name": "total", "params": [], "returns": "long"},
        ],
    }
}
ACCUMULATOR_TESTS = [
    TestCase(
        name="sample/1",
        input='["Accumulator","add","total","add","total"]\n[[5],[2000000000],[],[2000000000],[]]\n',
        answer="[null,null,2000000005,null,4000000005]",
        sample=True,
    ),
    TestCase(name="secret/1", input='["Accumulator","total"]\n[[-1],[]]\n', answer="[null,-1]"),
]

PROBLEMS = {
    "two_sum": (TWO_SUM, TWO_SUM_TESTS),
    "reverse": (REVERSE, REVERSE_TESTS),
    "invert": (INVERT, INVERT_TESTS),
    "transpose": (TRANSPOSE, TRANSPOSE_TESTS),
    "accumulator": (ACCUMULATOR, ACCUMULATOR_TESTS),
}

# Accepted solutions, exactly as a user submits them (LeetCode's conventions per language).
ACCEPTED = {
    ("python3", "two_sum"): """\
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
""",
    ("python3", "reverse"): """\
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        previous = None
        while head:
            head.next, previous, head = previous, head, head.next
        return previous
""",
    ("python3", "invert"): """\
class Solution:
    def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
        if root:
            root.left, root.right = self.invertTree(root.right), self.invertTree(root.left)
        return root
""",
    ("python3", "transpose"): """\
class Solution:
    def transpose(self, matrix: List[List[int]]) -> List[List[int]]:
        return [list(column) for column in zip(*matrix)]
""",
    ("python3", "accumulator"): """\
class Accumulator:
    def __init__(self, start: int):
        self.sum = start

    def add(self, value: int) -> None:
        self.sum += value

    def total(self) -> int:
        return self.sum
""",
    ("cpp", "two_sum"): """\
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};
""",
    ("cpp", "reverse"): """\
class Solution {
public:
    ListNode* reverseList(ListNode* head) {
        ListNode* previous = nullptr;
        while (head) { ListNode* next = head->next; head->next = previous; previous = head; head = next; }
        return previous;
    }
};
""",
    ("cpp", "invert"): """\
class Solution {
public:
    TreeNode* invertTree(TreeNode* root) {
        if (root) { swap(root->left, root->right); invertTree(root->left); invertTree(root->right); }
        return root;
    }
};
""",
    ("cpp", "transpose"): """\
class Solution {
public:
    vector<vector<int>> transpose(vector<vector<int>>& matrix) {
        vector<vector<int>> out(matrix[0].size(), vector<int>(matrix.size()));
        for (size_t i = 0; i < matrix.size(); i++)
            for (size_t j = 0; j < matrix[0].size(); j++) out[j][i] = matrix[i][j];
        return out;
    }
};
""",
    ("cpp", "accumulator"): """\
class Accumulator {
    long long sum;
public:
    Accumulator(int start) : sum(start) {}
    void add(int value) { sum += value; }
    long long total() { return sum; }
};
""",
    ("java", "two_sum"): """\
class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}
""",
    ("java", "reverse"): """\
public class Solution {
    public ListNode reverseList(ListNode head) {
        ListNode previous = null;
        while (head != null) { ListNode next = head.next; head.next = previous; previous = head; head = next; }
        return previous;
    }
}
""",
    ("java", "invert"): """\
class Solution {
    public TreeNode invertTree(TreeNode root) {
        if (root == null) return null;
        TreeNode left = invertTree(root.left);
        root.left = invertTree(root.right);
        root.right = left;
        return root;
    }
}
""",
    ("java", "transpose"): """\
class Solution {
    public List<List<Integer>> transpose(List<List<Integer>> matrix) {
        List<List<Integer>> out = new ArrayList<>();
        for (int j = 0; j < matrix.get(0).size(); j++) {
            List<Integer> row = new ArrayList<>();
            for (List<Integer> r : matrix) row.add(r.get(j));
            out.add(row);
        }
        return out;
    }
}
""",
    ("java", "accumulator"): """\
class Accumulator {
    private long sum;
    public Accumulator(int start) { sum = start; }
    public void add(int value) { sum += value; }
    public long total() { return sum; }
}
""",
    ("c", "two_sum"): """\
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    for (int i = 0; i < numsSize; i++)
        for (int j = i + 1; j < numsSize; j++)
            if (nums[i] + nums[j] == target) {
                int* r = malloc(2 * sizeof(int));
                r[0] = i; r[1] = j; *returnSize = 2;
                return r;
            }
    *returnSize = 0;
    return NULL;
}
""",
    ("c", "reverse"): """\
struct ListNode* reverseList(struct ListNode* head) {
    struct ListNode* previous = NULL;
    while (head) { struct ListNode* next = head->next; head->next = previous; previous = head; head = next; }
    return previous;
}
""",
    ("c", "invert"): """\
struct TreeNode* invertTree(struct TreeNode* root) {
    if (root) {
        struct TreeNode* left = invertTree(root->left);
        root->left = invertTree(root->right);
        root->right = left;
    }
    return root;
}
""",
    ("c", "transpose"): """\
int** transpose(int** matrix, int matrixSize, int* matrixColSize, int* returnSize, int** returnColumnSizes) {
    int rows = matrixColSize[0];
    int** out = malloc(rows * sizeof(int*));
    *returnColumnSizes = malloc(rows * sizeof(int));
    for (int j = 0; j < rows; j++) {
        out[j] = malloc(matrixSize * sizeof(int));
        (*returnColumnSizes)[j] = matrixSize;
        for (int i = 0; i < matrixSize; i++) out[j][i] = matrix[i][j];
    }
    *returnSize = rows;
    return out;
}
""",
    ("c", "accumulator"): """\
typedef struct {
    long long sum;
} Accumulator;

Accumulator* accumulatorCreate(int start) {
    Accumulator* obj = malloc(sizeof(Accumulator));
    obj->sum = start;
    return obj;
}
void accumulatorAdd(Accumulator* obj, int value) { obj->sum += value; }
long long accumulatorTotal(Accumulator* obj) { return obj->sum; }
void accumulatorFree(Accumulator* obj) { free(obj); }
""",
}

LANGUAGES = ("c", "cpp", "java", "python3")


def function_job(
    problem: str,
    language: str,
    source: str,
    *,
    tests: list[TestCase] | None = None,
    checker: CheckerSettings | None = None,
    signature: dict | None = None,
) -> SubmissionCreated:
    declared, default_tests = PROBLEMS[problem] if signature is None else (signature, None)
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language,
        source=source,
        limits=LIMITS,
        checker=checker or CheckerSettings(),
        tests=tests or default_tests,
        stop_on_first_failure=False,
        created_at=datetime.now(UTC),
        function=declared,
    )


@pytest.mark.parametrize(("language", "problem"), sorted(ACCEPTED))
def test_accepted_solutions(real_sandbox: Sandbox, language: str, problem: str) -> None:
    result = judge_job(function_job(problem, language, ACCEPTED[language, problem]), sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED, (result.message, result.compile_output, result.io)
    assert result.passed == result.total == len(PROBLEMS[problem][1])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", sorted(PROBLEMS))
def test_the_stub_unchanged_is_wrong_answer(real_sandbox: Sandbox, language: str, problem: str) -> None:
    signature = parse_signature(PROBLEMS[problem][0])
    assert signature is not None
    report = judge_job_report(
        function_job(problem, language, stub(signature, language)), sandbox=real_sandbox
    )
    assert report.result.verdict is Verdict.WRONG_ANSWER, (
        report.result.message,
        report.result.compile_output,
    )
    assert report.result.tests[0].exit_code == 0


# A wrong answer that also prints the RIGHT answer in the wire format (and as JSON) to stdout, every way
# the language allows: the result channel is not stdout, so it stays WA; the prints are debug output.
FORGING = {
    "python3": """\
import os, sys
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        print("2 0 1")
        sys.__stdout__.write("[0,1]\\n")
        sys.__stdout__.flush()
        os.write(1, b"2 0 1\\n")
        return [1, 0]
""",
    "cpp": """\
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        cout << "2 0 1" << endl;
        printf("[0,1]\\n");
        fflush(stdout);
        write(1, "2 0 1\\n", 6);
        return {1, 0};
    }
};
""",
    "java": """\
class Solution {
    public int[] twoSum(int[] nums, int target) {
        System.out.println("2 0 1");
        System.out.print("[0,1]\\n");
        System.out.flush();
        return new int[] {1, 0};
    }
}
""",
    "c": """\
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    printf("2 0 1\\n");
    puts("[0,1]");
    fflush(stdout);
    int* r = malloc(2 * sizeof(int));
    r[0] = 1; r[1] = 0; *returnSize = 2;
    return r;
}
""",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_forged_result_on_stdout_does_not_change_the_verdict(real_sandbox: Sandbox, language: str) -> None:
    tests = TWO_SUM_TESTS[:1]
    report = judge_job_report(
        function_job("two_sum", language, FORGING[language], tests=tests), sandbox=real_sandbox
    )
    result = report.result
    assert result.verdict is Verdict.WRONG_ANSWER, (result.message, result.compile_output)
    assert "element [0]: expected 0, got 1" in report.notes["sample/1"]
    assert result.io is not None
    assert result.io.actual == "[1,0]"  # the returned value, not what was printed
    assert "2 0 1" in result.io.stderr  # the prints are the user's debug output


# Debug prints in an accepted solution: still AC, and shown as stderr on the sample.
PRINTING = {
    "python3": ACCEPTED["python3", "two_sum"].replace(
        "        seen = {}\n", "        seen = {}\n        print('nums =', len(nums))\n"
    ),
    "cpp": ACCEPTED["cpp", "two_sum"].replace(
        "unordered_map<int, int> seen;",
        'unordered_map<int, int> seen; cout << "nums = " << nums.size() << endl;',
    ),
    "java": ACCEPTED["java", "two_sum"].replace(
        "Map<Integer, Integer> seen = new HashMap<>();",
        'Map<Integer, Integer> seen = new HashMap<>(); System.out.println("nums = " + nums.length);',
    ),
    "c": ACCEPTED["c", "two_sum"].replace(
        "    for (int i = 0;", '    printf("nums = %d\\n", numsSize);\n    for (int i = 0;', 1
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_users_prints_do_not_change_the_verdict(real_sandbox: Sandbox, language: str) -> None:
    tests = [TestCase(name="sample/1", input="[2,7,11,15]\n9\n", answer="[0,1]", sample=True)]
    job = function_job("two_sum", language, PRINTING[language], tests=tests).model_copy(
        update={"kind": JobKind.RUN}
    )
    result = judge_job(job, sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED, (result.message, result.compile_output)
    assert result.io is not None
    assert "nums = 4" in result.io.stderr
    assert result.io.actual == "[0,1]"
    assert result.io.input == "[2,7,11,15]\n9\n"


# A syntax error on the user's line 3: the compiler names line 3 of the user's code.
SYNTAX_ERROR = {
    "python3": "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [0, 1\n",
    "cpp": "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) { return {0, 1} }\n};\n",
    "java": "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[] {0, 1}\n    }\n}\n",
    "c": "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    *returnSize = 2;\n    int broken = ;\n    return NULL;\n}\n",
}
LINE_3 = {"python3": "line 3", "cpp": "solution.cpp:3:", "java": ".java:3:", "c": "solution.c:3:"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_compile_errors_name_the_users_line(real_sandbox: Sandbox, language: str) -> None:
    result = judge_job(function_job("two_sum", language, SYNTAX_ERROR[language]), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR, result.message
    assert LINE_3[language] in result.compile_output, result.compile_output


def test_python_line_numbers_hold_when_the_first_line_is_not_the_class(real_sandbox: Sandbox) -> None:
    source = "from typing import List\n\nclass Solution:\n    def twoSum(self, nums, target):\n        return [0, 1\n"
    result = judge_job(function_job("two_sum", "python3", source), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert "line 5" in result.compile_output, result.compile_output


@pytest.mark.parametrize(
    ("returned", "reason"),
    [
        ("[0.0, 1]", "declared type"),  # a float where int was declared
        ("None", "declared type"),
        ("'0 1'", "declared type"),
        ("[True, 1]", "declared type"),  # a bool is not an int
    ],
)
def test_python_returning_the_wrong_type_is_wrong_answer(
    real_sandbox: Sandbox, returned: str, reason: str
) -> None:
    source = f"class Solution:\n    def twoSum(self, nums, target):\n        return {returned}\n"
    report = judge_job_report(
        function_job("two_sum", "python3", source, tests=TWO_SUM_TESTS[:1]), sandbox=real_sandbox
    )
    assert report.result.verdict is Verdict.WRONG_ANSWER
    assert reason in report.notes["sample/1"]


@pytest.mark.parametrize(
    ("language", "source", "failure"),
    [
        (
            "python3",
            "class Solution:\n    def twoSum(self, nums, target):\n        return [1 // 0]\n",
            "ZeroDivisionError",
        ),
        (
            "java",
            "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[nums[99]];\n    }\n}\n",
            "java.lang.ArrayIndexOutOfBoundsException",
        ),
    ],
)
def test_an_exception_in_the_users_code_is_a_runtime_error(
    real_sandbox: Sandbox, language: str, source: str, failure: str
) -> None:
    result = judge_job(
        function_job("two_sum", language, source, tests=TWO_SUM_TESTS[:1]), sandbox=real_sandbox
    )
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert failure in result.message  # the runtime's own name for it, on a sample


def test_a_cyclic_list_is_wrong_answer_not_a_hang(real_sandbox: Sandbox) -> None:
    source = "struct ListNode* reverseList(struct ListNode* head) {\n    if (head) head->next = head;\n    return head;\n}\n"
    report = judge_job_report(
        function_job("reverse", "c", source, tests=REVERSE_TESTS[:1]), sandbox=real_sandbox
    )
    assert report.result.verdict is Verdict.WRONG_ANSWER
    assert "declared type" in report.notes["sample/1"]


AVERAGE = {
    "function": {"name": "average", "params": [{"name": "nums", "type": "int[]"}], "returns": "double"}
}


@pytest.mark.parametrize(
    ("language", "source"),
    [
        (
            "python3",
            "class Solution:\n    def average(self, nums):\n        return sum(nums) / len(nums) + 1e-9\n",
        ),
        (
            "cpp",
            "class Solution {\npublic:\n    double average(vector<int>& nums) {\n"
            "        return accumulate(nums.begin(), nums.end(), 0.0) / nums.size() + 1e-9;\n    }\n};\n",
        ),
    ],
)
def test_doubles_compare_within_the_tolerance(real_sandbox: Sandbox, language: str, source: str) -> None:
    tests = [TestCase(name="sample/1", input="[1,2,2]\n", answer="1.6666666666666667", sample=True)]
    job = function_job("two_sum", language, source, tests=tests, signature=AVERAGE)
    assert judge_job(job, sandbox=real_sandbox).verdict is Verdict.ACCEPTED
    strict = CheckerSettings(float_absolute_tolerance=1e-12, float_relative_tolerance=1e-12)
    job = function_job("two_sum", language, source, tests=tests, signature=AVERAGE, checker=strict)
    assert judge_job(job, sandbox=real_sandbox).verdict is Verdict.WRONG_ANSWER


def test_a_custom_run_gets_its_expected_value_from_the_reference(real_sandbox: Sandbox) -> None:
    reference = ReferenceSolution(language="cpp", source=ACCEPTED["cpp", "two_sum"])
    wrong = "class Solution:\n    def twoSum(self, nums, target):\n        print('trying', target)\n        return [0, 1]\n"
    job = SubmissionCreated(
        submission_id=uuid.uuid4(),
        kind=JobKind.RUN,
        language="python3",
        source=wrong,
        limits=LIMITS,
        tests=[TestCase(name="custom", input="[1,5,3]\n4\n", answer=None, sample=True)],
        reference=reference,
        created_at=datetime.now(UTC),
        function=TWO_SUM,
    )
    result = judge_job(job, sandbox=real_sandbox)
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.io is not None
    assert (result.io.expected, result.io.actual) == ("[0,2]", "[0,1]")
    assert "trying 4" in result.io.stderr


def test_a_custom_run_without_reference_shows_the_returned_value(real_sandbox: Sandbox) -> None:
    job = SubmissionCreated(
        submission_id=uuid.uuid4(),
        kind=JobKind.RUN,
        language="java",
        source=ACCEPTED["java", "accumulator"],
        limits=LIMITS,
        tests=[
            TestCase(
                name="custom", input='["Accumulator","add","total"]\n[[1],[2],[]]\n', answer=None, sample=True
            )
        ],
        created_at=datetime.now(UTC),
        function=ACCUMULATOR,
    )
    result = judge_job(job, sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED
    assert result.io is not None
    assert result.io.actual == "[null,null,3]"
