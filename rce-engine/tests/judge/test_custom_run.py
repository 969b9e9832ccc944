"""Custom runs (`kind == "run"`): one input, the output shown; with a reference solution its output is
the expected answer, without one there is no verdict beyond running."""

from __future__ import annotations

from algocode_contracts import ReferenceSolution, Verdict
from rce_engine.judge import judge_job
from rce_engine.sandbox.base import Sandbox
from tests.judge.support import run_job

REFERENCE = ReferenceSolution(
    language="cpp",
    source=(
        "#include <iostream>\n"
        "int main() { long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n"
    ),
)


def test_run_without_reference_shows_the_output(real_sandbox: Sandbox) -> None:
    result = judge_job(run_job("python3", "print(input()[::-1])\n", "hello\n"), sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED
    assert result.io is not None
    assert (result.io.input, result.io.expected, result.io.actual) == ("hello\n", None, "olleh\n")


def test_run_without_reference_still_reports_a_crash(real_sandbox: Sandbox) -> None:
    source = "import sys\nprint('partial')\nsys.exit(4)\n"
    result = judge_job(run_job("python3", source, ""), sandbox=real_sandbox)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert "exit code 4" in result.message
    assert result.io is not None
    assert result.io.actual == "partial\n"


def test_run_with_reference_accepts_a_matching_answer(real_sandbox: Sandbox) -> None:
    source = "a, b = map(int, input().split())\nprint(a + b)\n"
    job = run_job("python3", source, "40 2\n", reference=REFERENCE)
    result = judge_job(job, sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED
    assert result.io is not None
    assert (result.io.expected, result.io.actual) == ("42\n", "42\n")


def test_run_with_reference_shows_the_difference(real_sandbox: Sandbox) -> None:
    source = "a, b = map(int, input().split())\nprint(a - b)\n"
    job = run_job("python3", source, "40 2\n", reference=REFERENCE)
    result = judge_job(job, sandbox=real_sandbox)
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.io is not None
    assert (result.io.expected, result.io.actual) == ("42\n", "38\n")


def test_broken_reference_is_an_internal_error_not_the_users_fault(real_sandbox: Sandbox) -> None:
    broken = ReferenceSolution(language="cpp", source="int main() { return 1; }\n")
    job = run_job("python3", "print(1)\n", "1 2\n", reference=broken)
    result = judge_job(job, sandbox=real_sandbox)
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert "reference solution" in result.message
