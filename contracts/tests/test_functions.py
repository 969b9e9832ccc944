"""Function-style problems in contracts: the signature's errors, the wire codec's round trips, the typed
comparison, the package and job hooks, and the stubs/programs every driver language generates."""

from __future__ import annotations

import json
import math
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from algocode_contracts import CheckerSettings, JudgeLimits, SubmissionCreated, TestCase
from algocode_contracts.functions import (
    DecodeError,
    InputError,
    SignatureError,
    WrongTypeError,
    decode_output,
    encode_input,
    parse_input,
    parse_signature,
)
from algocode_contracts.functions.compare import AnswerError, compare, parse_answer
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS, NoDriverError, program, stub
from algocode_contracts.functions.languages.java import strip_public
from algocode_contracts.package import PackageError, read_package

TWO_SUM = {
    "function": {
        "name": "twoSum",
        "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
        "returns": "int[]",
    }
}
LRU = {
    "design": {
        "class": "LRUCache",
        "constructor": [{"name": "capacity", "type": "int"}],
        "methods": [
            {"name": "get", "params": [{"name": "key", "type": "int"}], "returns": "int"},
            {
                "name": "put",
                "params": [{"name": "key", "type": "int"}, {"name": "value", "type": "int"}],
                "returns": "void",
            },
        ],
    }
}


def sig(data: dict):
    signature = parse_signature(data)
    assert signature is not None
    return signature


# ------------------------------------------------------------------------------------------ signature


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"function": {"name": "f", "params": [], "returns": "int", "x": 1}}, "unknown key(s) 'x'"),
        ({"function": {"name": "class", "params": [], "returns": "int"}}, "reserved word"),
        (
            {"function": {"name": "f", "params": [{"name": "n", "type": "float"}], "returns": "int"}},
            "unknown type 'float'",
        ),
        (
            {"function": {"name": "f", "params": [], "returns": "void"}},
            "only allowed as the return type of a design",
        ),
        ({"function": {"name": "f", "params": [], "returns": "ListNode[]"}}, "arrays of ListNode"),
        ({"function": {"name": "f", "params": [], "returns": "int[][][]"}}, "expected a type like"),
        ({"function": {"name": "f", "params": [], "returns": "int", "any_order": True}}, "not a list"),
        (
            {"function": {"name": "f", "params": [], "returns": "int[]", "any_order": "deep"}},
            "two-dimensional",
        ),
        (
            {"function": {"name": "f", "params": [{"name": "a", "type": "int"}] * 2, "returns": "int"}},
            "unique",
        ),
        ({"function": {"name": "f", "returns": "int"}, "design": {}}, "not both"),
        ({"design": {"class": "lru", "methods": [{"name": "get", "returns": "int"}]}}, "upper-case"),
        ({"design": {"class": "Lru", "methods": []}}, "non-empty list"),
    ],
)
def test_signature_errors_say_what_is_wrong(section: dict, message: str) -> None:
    with pytest.raises(SignatureError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_signature(section)


def test_a_stdin_problem_has_no_signature() -> None:
    assert parse_signature({"difficulty": 2}) is None
    assert parse_signature(None) is None


def test_to_dict_parses_back_to_the_same_signature() -> None:
    for data in (TWO_SUM, LRU, {"function": {**TWO_SUM["function"], "any_order": True}}):
        signature = sig(data)
        assert parse_signature(signature.to_dict()) == signature


# ---------------------------------------------------------------------------------------------- codec


def test_input_is_checked_against_the_parameters() -> None:
    signature = sig(TWO_SUM)
    assert parse_input(signature, "[2,7]\n\n9\n") == [[2, 7], 9]
    with pytest.raises(InputError, match="expected 2 line"):
        parse_input(signature, "[2,7]\n")
    with pytest.raises(InputError, match=r"nums: \[1\]: expected a 32-bit integer"):
        parse_input(signature, "[2,2.5]\n9\n")
    with pytest.raises(InputError, match="line 2 is not a JSON value"):
        parse_input(signature, "[2]\nnine\n")
    with pytest.raises(InputError, match="target: expected a 32-bit integer, got 2147483648"):
        parse_input(signature, "[2]\n2147483648\n")


def test_design_input_names_the_bad_call() -> None:
    signature = sig(LRU)
    with pytest.raises(InputError, match="'delete' is not a method"):
        parse_input(signature, '["LRUCache","delete"]\n[[1],[1]]\n')
    with pytest.raises(InputError, match="first call must be 'LRUCache'"):
        parse_input(signature, '["get"]\n[[1]]\n')
    assert encode_input(signature, '["LRUCache","put","get"]\n[[2],[1,1],[1]]\n') == b"3\n0 2\n2 1 1\n1 1\n"


ROUND_TRIPS = [
    ("int", 0),
    ("int", -(2**31)),
    ("long", 2**63 - 1),
    ("double", 0.1),
    ("double", -1.5e-300),
    ("bool", True),
    ("char", "z"),
    ("string", ""),
    ("string", "a b\nc\u00e9\U0001f600"),
    ("int[]", [3, -1, 2]),
    ("string[]", ["x y", "", " "]),
    ("char[][]", [["a", "b"], []]),
    ("double[][]", [[1.0, 2.5]]),
    ("ListNode", [1, 2, 3]),
    ("ListNode", []),
    ("TreeNode", [3, 9, 20, None, None, 15, 7]),
    ("TreeNode", [1, None, 2]),
    ("TreeNode", []),
]


@pytest.mark.parametrize(("type_", "value"), ROUND_TRIPS)
def test_encoded_values_decode_to_the_same_json(type_: str, value: object) -> None:
    # The driver's answer uses the input's encoding: encoding a value as the only parameter of
    # `f(x: T) -> T` and decoding it as the return value must give it back.
    signature = sig({"function": {"name": "f", "params": [{"name": "x", "type": type_}], "returns": type_}})
    wire = encode_input(signature, json.dumps(value) + "\n")
    assert decode_output(signature, wire) == value


def test_a_tree_keeps_leetcodes_level_order_with_trailing_nulls_trimmed() -> None:
    signature = sig(
        {"function": {"name": "f", "params": [{"name": "x", "type": "TreeNode"}], "returns": "TreeNode"}}
    )
    assert encode_input(signature, "[1,null,2,null,null]\n") == b"3 1 # 2\n"
    with pytest.raises(InputError, match="level-order"):
        parse_input(signature, "[1,null,null,3]\n")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "ended"),
        (b"2 1", "ended"),
        (b"2 1 2 3", "more than the declared value"),
        (b"2 1 x", "not an integer"),
        (b"1 2147483648", "out of range"),
        (b"!", "declared type"),
    ],
)
def test_the_decoder_is_strict(data: bytes, error: str) -> None:
    with pytest.raises(DecodeError, match=error):
        decode_output(sig(TWO_SUM), data)


def test_the_wrong_type_token_is_its_own_error() -> None:
    with pytest.raises(WrongTypeError):
        decode_output(sig(LRU), b"-\n!\n", calls=["LRUCache", "get"])
    assert decode_output(sig(LRU), b"-\n-\n-1\n", calls=["LRUCache", "put", "get"]) == [None, None, -1]


# -------------------------------------------------------------------------------------------- compare


def test_exact_comparison_names_the_element() -> None:
    signature = sig(TWO_SUM)
    assert compare(signature, [0, 1], [0, 1]) == (True, "")
    assert compare(signature, [0, 1, 5, 5], [0, 1, 5, 4]) == (False, "element [3]: expected 5, got 4")
    ok, reason = compare(signature, [0, 1], [0])
    assert not ok
    assert "expected 2 elements, got 1" in reason


def test_any_order_true_and_deep() -> None:
    outer = sig({"function": {**TWO_SUM["function"], "any_order": True}})
    assert compare(outer, [0, 1], [1, 0])[0]
    assert not compare(outer, [0, 1], [1, 1])[0]
    grouped = {"name": "group", "params": [{"name": "w", "type": "string[]"}], "returns": "string[][]"}
    outer_2d = sig({"function": {**grouped, "any_order": True}})
    deep = sig({"function": {**grouped, "any_order": "deep"}})
    expected = [["eat", "tea"], ["bat"]]
    shuffled = [["bat"], ["tea", "eat"]]
    assert not compare(outer_2d, expected, shuffled)[0]  # the inner lists still compare in order
    assert compare(outer_2d, expected, [["bat"], ["eat", "tea"]])[0]
    assert compare(deep, expected, shuffled)[0]
    ok, reason = compare(deep, expected, [["bat"], ["tea", "ate"]])
    assert not ok
    assert "any order" in reason


def test_doubles_use_the_problems_tolerance() -> None:
    signature = sig({"function": {"name": "f", "params": [], "returns": "double[]"}})
    assert compare(signature, [1.0], [1.0 + 5e-7])[0]  # default 1e-6
    assert not compare(signature, [1.0], [1.0 + 5e-6])[0]
    loose = CheckerSettings(float_absolute_tolerance=1e-4)
    assert compare(signature, [1.0], [1.00005], settings=loose)[0]
    relative = CheckerSettings(float_relative_tolerance=1e-6)
    assert compare(signature, [1e9], [1e9 + 500], settings=relative)[0]
    assert not compare(signature, [1.0], [math.nan])[0]
    assert not compare(signature, [1.0], [math.inf])[0]


def test_types_compare_exactly() -> None:
    signature = sig({"function": {"name": "f", "params": [], "returns": "bool"}})
    assert not compare(signature, True, 1)[0]
    strings = sig({"function": {"name": "f", "params": [], "returns": "string"}})
    ok, reason = compare(strings, "abc", "abd")
    assert (ok, reason) == (False, 'expected "abc", got "abd"')


def test_design_results_compare_per_call() -> None:
    ok, reason = compare(sig(LRU), [None, None, 1], [None, None, -1], calls=["LRUCache", "put", "get"])
    assert (ok, reason) == (False, "call 3 (get): expected 1, got -1")


def test_answers_are_checked_against_the_return_types() -> None:
    assert parse_answer(sig(TWO_SUM), "[0,1]\n", "[1,2]\n3\n") == [0, 1]
    with pytest.raises(AnswerError, match="expected a int"):
        parse_answer(sig(TWO_SUM), '["0"]', "[1,2]\n3\n")
    with pytest.raises(AnswerError, match="must be null"):
        parse_answer(sig(LRU), "[null,1]", '["LRUCache","put"]\n[[1],[1,1]]\n')
    with pytest.raises(AnswerError, match="2 results"):
        parse_answer(sig(LRU), "[null]", '["LRUCache","get"]\n[[1],[1]]\n')


# ------------------------------------------------------------------------------------ package and job


def make_function_package(
    root: Path, *, answer: str = "[0,1]\n", test_input: str = "[2,7,11,15]\n9\n"
) -> Path:
    (root / "data" / "sample").mkdir(parents=True)
    (root / "problem.yaml").write_text(
        "name: Two Sum\nalgocode:\n  difficulty: 1\n  function:\n    name: twoSum\n"
        "    params:\n      - {name: nums, type: 'int[]'}\n      - {name: target, type: int}\n"
        "    returns: 'int[]'\n"
    )
    (root / "data" / "sample" / "1.in").write_text(test_input)
    (root / "data" / "sample" / "1.ans").write_text(answer)
    return root


def test_a_function_package_carries_its_signature_into_the_job(tmp_path: Path) -> None:
    package = read_package(make_function_package(tmp_path / "two-sum"))
    assert package.signature == sig(TWO_SUM)
    job = package.to_job(language="python3", source="class Solution: pass\n")
    assert job.function == sig(TWO_SUM).to_dict()
    assert job.tests[0].input == "[2,7,11,15]\n9\n"  # the JSON lines, encoded by the judge
    again = SubmissionCreated.model_validate_json(job.model_dump_json(by_alias=True))
    assert again.function == job.function


def test_a_stdin_package_has_no_signature() -> None:
    package = read_package(Path(__file__).resolve().parents[2] / "problems" / "sqrt-x")
    assert package.signature is None
    assert package.function is None
    assert package.to_job(language="python3", source="print(1)").function is None


@pytest.mark.parametrize(
    ("answer", "test_input", "message"),
    [
        ("[0,1]\n", "[2,7,11,15]\n", r"data/sample/1.in: expected 2 line"),
        ("[0,\n", "[2,7,11,15]\n9\n", r"data/sample/1.ans: not a JSON value"),
        ('"0,1"\n', "[2,7,11,15]\n9\n", r"data/sample/1.ans: expected a int\[\]"),
    ],
)
def test_bad_test_data_names_the_file(tmp_path: Path, answer: str, test_input: str, message: str) -> None:
    root = make_function_package(tmp_path / "p", answer=answer, test_input=test_input)
    with pytest.raises(PackageError, match=message):
        read_package(root)


def test_a_bad_signature_is_a_package_error(tmp_path: Path) -> None:
    root = make_function_package(tmp_path / "p")
    text = (root / "problem.yaml").read_text().replace("name: twoSum", "name: delete")
    (root / "problem.yaml").write_text(text)
    with pytest.raises(
        PackageError, match=r"problem\.yaml: algocode\.function\.name: 'delete' is a reserved word"
    ):
        read_package(root)


def test_the_job_refuses_a_malformed_signature() -> None:
    fields = {
        "submission_id": uuid.uuid4(),
        "language": "python3",
        "source": "x",
        "limits": JudgeLimits(time_limit_ms=1000, memory_limit_kib=65536),
        "tests": [TestCase(name="1", input="1\n", answer="1")],
        "created_at": datetime.now(UTC),
    }
    with pytest.raises(ValidationError, match="unknown type"):
        SubmissionCreated(**fields, function={"function": {"name": "f", "params": [], "returns": "float"}})
    with pytest.raises(ValidationError, match="expected"):
        SubmissionCreated(**fields, function={"neither": 1})
    assert SubmissionCreated(**fields).function is None


# ------------------------------------------------------------------------------------ stubs, programs


SIGNATURES = [
    TWO_SUM,
    LRU,
    {
        "function": {
            "name": "mergeTwoLists",
            "params": [{"name": "a", "type": "ListNode"}, {"name": "b", "type": "ListNode"}],
            "returns": "ListNode",
        }
    },
    {
        "function": {
            "name": "levelOrder",
            "params": [{"name": "root", "type": "TreeNode"}],
            "returns": "int[][]",
        }
    },
    {
        "function": {
            "name": "solve",
            "params": [{"name": "board", "type": "char[][]"}, {"name": "s", "type": "string"}],
            "returns": "bool",
        }
    },
]


@pytest.mark.parametrize("language", ["c", "cpp", "cpp20", "java", "python3", "pypy3"])
def test_every_core_language_has_a_stub_and_a_program(language: str) -> None:
    assert language in LANGUAGES_WITH_DRIVERS
    for data in SIGNATURES:
        signature = sig(data)
        text = stub(signature, language)
        assert text.endswith("\n")
        whole = program(signature, language, text)
        assert text.splitlines()[-1] in whole  # the user's code is in the program as written


def test_stubs_follow_leetcodes_conventions() -> None:
    two_sum, lru = sig(TWO_SUM), sig(LRU)
    assert "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {" in stub(two_sum, "c")
    assert "vector<int> twoSum(vector<int>& nums, int target) {" in stub(two_sum, "cpp")
    assert "public int[] twoSum(int[] nums, int target) {" in stub(two_sum, "java")
    assert "def twoSum(self, nums: List[int], target: int) -> List[int]:" in stub(two_sum, "python3")
    c_lru = stub(lru, "c")
    for line in (
        "} LRUCache;",
        "LRUCache* lRUCacheCreate(int capacity) {",
        "int lRUCacheGet(LRUCache* obj, int key) {",
    ):
        assert line in c_lru
    assert "void lRUCacheFree(LRUCache* obj) {" in c_lru
    merge = sig(SIGNATURES[2])
    assert "# class ListNode:" in stub(merge, "python3")  # the definition shown in a comment
    assert "ListNode* mergeTwoLists(ListNode* a, ListNode* b)" in stub(merge, "cpp")
    assert " * struct ListNode {" in stub(merge, "c")


def test_the_users_first_line_keeps_its_number_in_python() -> None:
    signature = sig(TWO_SUM)
    for source in (
        "class Solution:\n    pass\n",
        "class Solution(object):\n    pass\n",
        "# comment\nclass Solution:\n    pass\n",
        "from typing import List\nclass Solution:\n    pass\n",
        "\nclass Solution:\n    pass\n",
    ):
        lines = program(signature, "python3", source).splitlines()
        count = len(source.splitlines())
        assert lines[1:count] == source.splitlines()[1:count], source
        compile("\n".join(lines), "main.py", "exec")  # still valid Python


def test_c_and_cpp_restart_the_line_count_at_the_users_code() -> None:
    for language, marker in (("c", '#line 1 "solution.c"'), ("cpp", '#line 1 "solution.cpp"')):
        text = program(sig(TWO_SUM), language, "first line\n")
        assert f"{marker}\nfirst line\n" in text


def test_java_keeps_the_users_lines_and_drops_public_from_classes() -> None:
    source = (
        'public class Solution {\n    String s = "public class X";\n    public static class Inner {}\n}\n'
    )
    stripped = strip_public(source)
    assert stripped.splitlines()[0] == "       class Solution {"
    assert 'String s = "public class X";' in stripped  # strings untouched
    assert "           static class Inner {}" in stripped
    text = program(sig(TWO_SUM), "java", source)
    assert text.splitlines()[0].endswith("       class Solution {")  # imports on the same first line
    assert len(text.splitlines()[0].split("class Solution")[0]) > 0


def test_a_language_without_a_driver_says_so() -> None:
    with pytest.raises(NoDriverError, match="cannot be used for function-style problems"):
        stub(sig(TWO_SUM), "cobol")


def test_deeply_nested_input_is_an_input_error_not_a_crash() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        parse_input(sig(TWO_SUM), "[" * 100_000 + "\n9\n")
