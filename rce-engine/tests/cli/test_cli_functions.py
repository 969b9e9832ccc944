"""`algocode-judge stub` and `run` on a function-style package (a small Two Sum written in a tmp dir)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rce_engine.cli.main import main
from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import Sandbox

PROBLEMS = Path(__file__).resolve().parents[3] / "problems"
YAML = """\
name: Two Sum
algocode:
  function:
    name: twoSum
    params:
      - {name: nums, type: 'int[]'}
      - {name: target, type: int}
    returns: 'int[]'
"""
SOLUTION = """\
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        print("looking at", nums)
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
"""


@pytest.fixture
def two_sum(tmp_path: Path) -> Path:
    root = tmp_path / "two-sum"
    (root / "data" / "sample").mkdir(parents=True)
    (root / "problem.yaml").write_text(YAML)
    (root / "data" / "sample" / "1.in").write_text("[2,7,11,15]\n9\n")
    (root / "data" / "sample" / "1.ans").write_text("[0,1]\n")
    (root / "data" / "sample" / "2.in").write_text("[3,3]\n6\n")
    (root / "data" / "sample" / "2.ans").write_text("[0,1]\n")
    return root


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("python3", "    def twoSum(self, nums: List[int], target: int) -> List[int]:"),
        ("cpp20", "    vector<int> twoSum(vector<int>& nums, int target) {"),
        ("java", "    public int[] twoSum(int[] nums, int target) {"),
        ("c", "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {"),
        ("python", "    def twoSum(self, nums: List[int], target: int) -> List[int]:"),  # the old alias
    ],
)
def test_stub_prints_the_starting_code(
    two_sum: Path, language: str, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stub", str(two_sum), "--lang", language]) == 0
    assert line in capsys.readouterr().out.splitlines()


def test_stub_of_a_stdin_problem_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stub", str(PROBLEMS / "sqrt-x"), "--lang", "cpp"]) == 2
    assert "is a stdin problem" in capsys.readouterr().err


def test_stub_for_a_language_without_driver_is_a_usage_error(
    two_sum: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stub", str(two_sum), "--lang", "cobol"]) == 2
    assert "cannot be used for function-style problems" in capsys.readouterr().err


def test_run_judges_a_function_only_solution(
    two_sum: Path,
    tmp_path: Path,
    real_sandbox: Sandbox,
    judge_config: JudgeConfig,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "two_sum.py"
    source.write_text(SOLUTION)
    assert main(["run", str(two_sum), str(source), "--no-cache"]) == 0
    assert "Accepted  (passed 2/2" in capsys.readouterr().out
    source.write_text(SOLUTION.replace("[seen[target - x], i]", "[i, seen[target - x]]"))
    assert main(["run", str(two_sum), str(source), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "Wrong Answer on test sample/1" in out
    assert "element [0]: expected 0, got 1" in out  # the staff note, printed per test
