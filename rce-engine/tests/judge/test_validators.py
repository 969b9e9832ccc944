"""Custom output validators and scoring in the real sandbox: the validator's exit code decides AC/WA, any
other ending of it is IE (never a verdict against the user), flags reach it, teammessage.txt reaches users
on samples only, and scored groups add up as the package says."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from algocode_contracts import JudgeLimits, SubmissionCreated, SubmissionJudged, TestCase, Verdict
from algocode_contracts.messages import OutputValidator, TestGroup
from rce_engine.judge import BinaryCache, judge_job, judge_job_report
from rce_engine.judge import validators as validators_module
from rce_engine.sandbox.base import Sandbox

# "Print two positive integers that add up to N": many right answers; the answer file holds one of them.
PAIR_PY = """\
import sys
n = int(open(sys.argv[1]).read())
feedback = sys.argv[3]
try:
    a, b = map(int, sys.stdin.read().split())
except ValueError:
    open(feedback + "teammessage.txt", "w").write("print exactly two integers")
    sys.exit(43)
if a >= 1 and b >= 1 and a + b == n:
    sys.exit(42)
open(feedback + "judgemessage.txt", "w").write(f"{a} + {b} != {n}")
open(feedback + "teammessage.txt", "w").write("both numbers must be positive and add up to N")
sys.exit(43)
"""
PAIR_C_MAIN = """\
#include <stdio.h>
#include "pair.h"
int main(int argc, char **argv) {
    long long n, a, b;
    FILE *in = fopen(argv[1], "r");
    if (!in || fscanf(in, "%lld", &n) != 1) return 1;
    if (scanf("%lld %lld", &a, &b) != 2) return 43;
    return is_pair(n, a, b) ? 42 : 43;
}
"""
PAIR_C_LIB = (
    '#include "pair.h"\nint is_pair(long long n, long long a, long long b) {\n'
    "    return a >= 1 && b >= 1 && a + b == n;\n}\n"
)
PAIR_H = "int is_pair(long long n, long long a, long long b);\n"

TESTS = [
    TestCase(name="sample/1", input="5\n", answer="1 4\n", sample=True),
    TestCase(name="secret/1", input="10\n", answer="3 7\n"),
    TestCase(name="secret/2", input="2\n", answer="1 1\n"),
]
LIMITS = JudgeLimits(time_limit_ms=1000, memory_limit_kib=64 * 1024, output_limit_kib=1024)


def job(
    source: str,
    validator: OutputValidator,
    *,
    tests: list[TestCase] = TESTS,
    groups: list[TestGroup] | None = None,
    language: str = "python3",
) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language,
        source=source,
        limits=LIMITS,
        tests=tests,
        created_at=datetime.now(UTC),
        validator=validator,
        groups=groups,
    )


PY = OutputValidator(language="python3", files={"validator.py": PAIR_PY})
HALF = "n = int(input())\nprint(n // 2, n - n // 2)\n"  # not the answer file's pair, still right


def test_a_different_right_answer_is_accepted(real_sandbox: Sandbox) -> None:
    result = judge_job(job(HALF, PY), sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED, result.message
    assert (result.passed, result.total) == (3, 3)
    assert result.score is None  # pass/fail: no points


def test_wrong_answer_from_exit_43_with_team_message_on_a_sample(real_sandbox: Sandbox) -> None:
    report = judge_job_report(job("print(0, int(input()))\n", PY), sandbox=real_sandbox)
    result = report.result
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.message == "Wrong Answer on test sample/1"
    assert result.io is not None
    assert result.io.feedback == "both numbers must be positive and add up to N"
    assert report.notes["sample/1"] == "0 + 5 != 5"  # judgemessage.txt: for operators
    SubmissionJudged.model_validate_json(result.model_dump_json(by_alias=True))


def test_team_message_of_a_hidden_test_is_not_shown(real_sandbox: Sandbox) -> None:
    wrong_on_ten = "n = int(input())\nprint(0, n) if n == 10 else print(1, n - 1)\n"
    report = judge_job_report(job(wrong_on_ten, PY), sandbox=real_sandbox)
    assert report.result.verdict is Verdict.WRONG_ANSWER
    assert report.result.message == "Wrong Answer on test secret/1"
    assert report.result.io is None  # nothing of a hidden test, the validator's message included
    assert "teammessage" not in report.result.model_dump_json()
    assert report.notes["secret/1"] == "0 + 10 != 10"


def test_multi_file_c_validator_compiles_once_and_is_cached(real_sandbox: Sandbox, tmp_path: Path) -> None:
    validator = OutputValidator(
        language="c", files={"main.c": PAIR_C_MAIN, "pair.c": PAIR_C_LIB, "pair.h": PAIR_H}
    )
    cache = BinaryCache(tmp_path / "cache")
    first = judge_job(job(HALF, validator), sandbox=real_sandbox, cache=cache)
    assert first.verdict is Verdict.ACCEPTED, first.message
    assert cache.size() > 0  # the validator's binary
    wrong = judge_job(job("print(1, 1)\n", validator), sandbox=real_sandbox, cache=cache)
    assert wrong.verdict is Verdict.WRONG_ANSWER
    key = validators_module.validator_cache_key(validator, backend=real_sandbox.name)
    assert cache.get(key) is not None


def test_flags_are_passed_after_the_feedback_dir(real_sandbox: Sandbox) -> None:
    source = (
        "import sys\n"
        "ok = sys.argv[3].endswith('/') and sys.argv[4:] == ['exact', '7']\n"
        "sys.exit(42 if ok else 1)\n"
    )
    with_flags = OutputValidator(language="python3", files={"v.py": source}, flags=["exact", "7"])
    assert judge_job(job(HALF, with_flags), sandbox=real_sandbox).verdict is Verdict.ACCEPTED
    without = OutputValidator(language="python3", files={"v.py": source})
    assert judge_job(job(HALF, without), sandbox=real_sandbox).verdict is Verdict.INTERNAL_ERROR


@pytest.mark.parametrize(
    ("validator_source", "why"),
    [
        ("import sys\nsys.exit(0)\n", "exited with code 0"),  # 0 is not a judgement
        ("raise RuntimeError('bug')\n", "exited with code 1"),
        ("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n", "SIGSEGV"),
        ("x = []\nwhile True:\n    x.append(b'x' * 10**7)\n", "memory limit"),
    ],
)
def test_a_validator_that_fails_is_internal_error_never_the_users_fault(
    real_sandbox: Sandbox, validator_source: str, why: str
) -> None:
    validator = OutputValidator(language="python3", files={"v.py": validator_source})
    report = judge_job_report(job(HALF, validator), sandbox=real_sandbox)
    assert report.result.verdict is Verdict.INTERNAL_ERROR
    assert report.result.message == "Internal Error on test sample/1"
    assert report.result.passed == 0
    assert why in report.notes["sample/1"]


def test_a_validator_over_its_time_limit_is_internal_error(
    real_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = dataclasses.replace(validators_module.VALIDATOR_LIMITS, cpu_time_s=1.0, wall_time_s=2.0)
    monkeypatch.setattr(validators_module, "VALIDATOR_LIMITS", quick)
    validator = OutputValidator(language="python3", files={"v.py": "while True:\n    pass\n"})
    report = judge_job_report(job(HALF, validator), sandbox=real_sandbox)
    assert report.result.verdict is Verdict.INTERNAL_ERROR
    assert "time limit" in report.notes["sample/1"]


def test_a_validator_that_does_not_compile_is_internal_error(real_sandbox: Sandbox) -> None:
    validator = OutputValidator(language="cpp", files={"v.cpp": "int main() { return }\n"})
    report = judge_job_report(job(HALF, validator), sandbox=real_sandbox)
    assert report.result.verdict is Verdict.INTERNAL_ERROR
    assert report.result.message == "Internal Error: the problem's output validator cannot run"
    assert "does not compile" in report.notes["validator"]
    assert "v.cpp" not in report.result.message  # staff's compiler output stays with staff


def test_the_submission_cannot_see_the_answer_file(real_sandbox: Sandbox) -> None:
    # Runs in its box: no testdata.ans, no answer anywhere it can list; the validator still judges it.
    snoop = (
        "import os\n"
        "n = int(input())\n"
        "found = [f for f in os.listdir('.') if 'ans' in f or f.startswith('testdata')]\n"
        "print(1, n - 1) if not found else print(0, 0)\n"
    )
    assert judge_job(job(snoop, PY), sandbox=real_sandbox).verdict is Verdict.ACCEPTED


# Scoring: "print a pair" where group a has small N, group b larger N; a score.txt validator below.
GROUP_TESTS = [
    TestCase(name="sample/1", input="5\n", answer="1 4\n", sample=True),
    TestCase(name="secret/a/1", input="4\n", answer="1 3\n"),
    TestCase(name="secret/a/2", input="6\n", answer="1 5\n"),
    TestCase(name="secret/b/1", input="100\n", answer="1 99\n"),
    TestCase(name="secret/b/2", input="200\n", answer="1 199\n"),
]
SMALL_ONLY = "n = int(input())\nprint(1, n - 1) if n < 50 else print(0, n)\n"


def groups(aggregation: str = "pass-fail", on_reject: str = "break") -> list[TestGroup]:
    return [
        TestGroup(name="secret/a", tests=["secret/a/1", "secret/a/2"], max_score=30, aggregation="pass-fail"),
        TestGroup(
            name="secret/b",
            tests=["secret/b/1", "secret/b/2"],
            max_score=70,
            aggregation=aggregation,  # type: ignore[arg-type]
            on_reject=on_reject,  # type: ignore[arg-type]
        ),
    ]


def test_group_points_add_up_and_failed_groups_score_nothing(real_sandbox: Sandbox) -> None:
    full = judge_job(job(HALF, PY, tests=GROUP_TESTS, groups=groups()), sandbox=real_sandbox)
    assert full.verdict is Verdict.ACCEPTED
    assert (full.score, full.max_score) == (100, 100)
    partial = judge_job(job(SMALL_ONLY, PY, tests=GROUP_TESTS, groups=groups()), sandbox=real_sandbox)
    assert partial.verdict is Verdict.WRONG_ANSWER
    assert partial.message == "Wrong Answer on test secret/b/1"
    assert (partial.score, partial.max_score) == (30, 100)
    assert [(g.name, g.score, g.max_score, g.verdict) for g in partial.groups] == [
        ("secret/a", 30, 30, Verdict.ACCEPTED),
        ("secret/b", 0, 70, Verdict.WRONG_ANSWER),
    ]
    # on_reject: break: the rest of group b was not run.
    assert [t.name for t in partial.tests] == ["sample/1", "secret/a/1", "secret/a/2", "secret/b/1"]


def test_sum_aggregation_with_continue_counts_each_accepted_test(real_sandbox: Sandbox) -> None:
    only_100 = "n = int(input())\nprint(1, n - 1) if n <= 100 else print(0, n)\n"
    result = judge_job(
        job(only_100, PY, tests=GROUP_TESTS, groups=groups("sum", "continue")), sandbox=real_sandbox
    )
    assert [t.name for t in result.tests][-2:] == ["secret/b/1", "secret/b/2"]  # kept going
    assert result.score == 30 + 35
    assert result.groups[1].verdict is Verdict.WRONG_ANSWER


def test_min_aggregation_and_score_txt_fractions(real_sandbox: Sandbox) -> None:
    # The validator gives a + b == N full marks, scaled by how balanced the pair is: min(a, b) / max(a, b).
    scored = OutputValidator(
        language="python3",
        score=True,
        files={
            "v.py": (
                "import sys\n"
                "n = int(open(sys.argv[1]).read())\n"
                "a, b = map(int, sys.stdin.read().split())\n"
                "if a < 1 or b < 1 or a + b != n:\n    sys.exit(43)\n"
                "open(sys.argv[3] + 'score.txt', 'w').write(str(min(a, b) / max(a, b)))\n"
                "sys.exit(42)\n"
            )
        },
    )
    lopsided = "n = int(input())\nprint(n // 4, n - n // 4)\n"  # 100 -> 25 75 (1/3), 200 -> 50 150 (1/3)
    sheet = [
        TestGroup(name="secret/b", tests=["secret/b/1", "secret/b/2"], max_score=60, aggregation="min"),
    ]
    tests = [GROUP_TESTS[0], GROUP_TESTS[3], GROUP_TESTS[4]]
    result = judge_job(job(lopsided, scored, tests=tests, groups=sheet), sandbox=real_sandbox)
    assert result.verdict is Verdict.ACCEPTED, result.message
    assert result.score == pytest.approx(20)  # min(1/3, 1/3) of 60
    balanced = judge_job(job(HALF, scored, tests=tests, groups=sheet), sandbox=real_sandbox)
    assert balanced.score == 60


def test_a_score_txt_out_of_range_is_internal_error(real_sandbox: Sandbox) -> None:
    too_much = OutputValidator(
        language="python3",
        score=True,
        files={"v.py": "import sys\nopen(sys.argv[3] + 'score.txt', 'w').write('1.5')\nsys.exit(42)\n"},
    )
    sheet = [TestGroup(name="secret/b", tests=["secret/b/1"], max_score=60, aggregation="sum")]
    tests = [GROUP_TESTS[3]]
    report = judge_job_report(job(HALF, too_much, tests=tests, groups=sheet), sandbox=real_sandbox)
    assert report.result.verdict is Verdict.INTERNAL_ERROR
    assert report.result.score is None
    assert "more than 1" in report.notes["secret/b/1"]


def test_scoring_without_a_custom_validator_uses_the_default_one(real_sandbox: Sandbox) -> None:
    plain = job("n = int(input())\nprint(1, n - 1)\n", PY, tests=GROUP_TESTS, groups=groups())
    result = judge_job(plain.model_copy(update={"validator": None}), sandbox=real_sandbox)
    # The default validator compares with the answer files "1 N-1": exactly what this prints.
    assert result.verdict is Verdict.ACCEPTED
    assert result.score == 100


def test_validator_judgings_at_once_never_wait_for_each_other_forever(real_sandbox: Sandbox) -> None:
    # Each judging holds two boxes; with as many judgings as slots at once, taking them one by one outside
    # the pair lock would leave every judging holding one slot and waiting for another.
    slots = real_sandbox.config.slots  # type: ignore[attr-defined]
    results: list[SubmissionJudged] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(judge_job(job(HALF, PY), sandbox=real_sandbox)), daemon=True
        )
        for _ in range(slots + 1)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "judgings deadlocked on sandbox slots"
    assert [result.verdict for result in results] == [Verdict.ACCEPTED] * (slots + 1)
