"""Interactive jobs judged for real (native sandbox): a validator that fails is an IE that quotes nothing
of it, a validator of several files compiles, and its judge message goes to staff only."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from algocode_contracts import SubmissionCreated, Verdict
from algocode_contracts.messages import JudgeLimits, OutputValidator, TestCase
from rce_engine.judge.service import judge_job_report
from rce_engine.sandbox.base import Sandbox

SECRET = "31337"
TESTS = [TestCase(name="secret/1", input=f"100 {SECRET}\n", answer="30\n")]
# Reads the program's one line and judges it against the secret (the test's input file).
HEADER = """#include <cstdio>
static long long secret(const char *path) {
    long long n, x;
    FILE *f = fopen(path, "r");
    return fscanf(f, "%lld %lld", &n, &x) == 2 ? x : -1;
}
"""
VALIDATOR = """#include "secret.h"
#include <string>
int main(int argc, char **argv) {
    long long guess = 0;
    if (std::scanf("%lld", &guess) != 1) return 43;
    std::string fb = std::string(argv[3]) + "judgemessage.txt";
    FILE *m = std::fopen(fb.c_str(), "w");
    std::fprintf(m, "the guess was %lld", guess);
    std::fclose(m);
    return guess == secret(argv[1]) ? 42 : 43;
}
"""


def _job(source: str, validator: OutputValidator) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language="python3",
        source=source,
        limits=JudgeLimits(time_limit_ms=1000, memory_limit_kib=64 * 1024),
        tests=TESTS,
        validator=validator,
        created_at=datetime.now(UTC),
    )


def _validator(files: dict[str, str], language: str = "cpp") -> OutputValidator:
    return OutputValidator(language=language, files=files, interactive=True)


def test_a_validator_of_several_files_judges_and_its_message_is_for_staff(real_sandbox: Sandbox) -> None:
    validator = _validator({"secret.h": HEADER, "check.cpp": VALIDATOR})
    right = judge_job_report(_job(f"print({SECRET})\n", validator), sandbox=real_sandbox)
    assert right.result.verdict is Verdict.ACCEPTED, right.result.message
    wrong = judge_job_report(_job("print(5)\n", validator), sandbox=real_sandbox)
    assert wrong.result.verdict is Verdict.WRONG_ANSWER
    assert wrong.notes == {"secret/1": "the guess was 5"}
    assert "the guess was" not in wrong.result.model_dump_json()
    assert wrong.result.io is None  # an interactive test shows nothing, not even as a sample


def test_a_failing_validator_is_an_ie_that_quotes_nothing(real_sandbox: Sandbox) -> None:
    leaky = _validator(
        {"v.py": f"import sys\nprint('the secret is {SECRET}', file=sys.stderr)\nsys.exit(1)\n"}, "python3"
    )
    result = judge_job_report(_job("print(1)\n", leaky), sandbox=real_sandbox).result
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert "output validator failed" in result.message
    assert SECRET not in result.model_dump_json()


def test_a_validator_that_does_not_compile_is_an_ie(real_sandbox: Sandbox) -> None:
    broken = _validator({"v.cpp": f"int main() {{ return {SECRET} }}\n"})  # no semicolon
    result = judge_job_report(_job("print(1)\n", broken), sandbox=real_sandbox).result
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert SECRET not in result.model_dump_json()
